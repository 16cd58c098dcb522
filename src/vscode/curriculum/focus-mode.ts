import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Lang, WeekRef } from '../../language/types';
import { applyFocus, focusSettings, restoreFocus, type FocusSnapshot } from '../pure/focus-settings';
import type { Settings } from '../pure/settings';
import { say } from '../pure/strings';
import { exists } from '../fs';

/**
 * Exercise focus mode: inline AI completions off while the learner works on a week, the way
 * JetBrains Academy's course-level AI_COMPLETION switch does it, and every previous value back
 * afterwards. It writes workspace settings only (the workspace folder's `.vscode/settings.json`,
 * or the `.code-workspace` file of a saved workspace), never user settings.
 *
 * Crash safety: the snapshot of what was there is persisted (a file in the extension's workspace
 * storage) before the settings file is touched, so a VS Code that dies with focus mode on finds
 * it again at the next start, still on and still restorable. A clean shutdown restores at once and
 * leaves a note to turn focus mode back on when the learner returns to the same week.
 */
export interface FocusModeDeps {
  /** `ExtensionContext.storageUri`: where the snapshot is persisted. */
  readonly storage: vscode.Uri | undefined;
  /** Remembers which weeks were offered focus mode (the offer comes once per week). */
  readonly globalState: vscode.Memento;
  lang(): Lang;
  settings(): Pick<Settings, 'focusModeOffer' | 'focusModeExtra'>;
  readonly log: Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'error'>;
}

interface Persisted {
  readonly snapshot?: FocusSnapshot & { readonly createdDir?: boolean };
  /** The week whose focus mode was on when VS Code last shut down cleanly. */
  readonly resume?: WeekRef;
}

const STATE_FILE = 'focus-mode.json';
const OFFERED_KEY = 'aiTeacher.focusMode.offered.v1';

export class FocusMode implements vscode.Disposable {
  private state: Persisted = {};
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Turning on and off are serialised: a second toggle waits for the first to finish. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: FocusModeDeps) {}

  get snapshot(): FocusSnapshot | undefined {
    return this.state.snapshot;
  }

  get resumeWeek(): WeekRef | undefined {
    return this.state.snapshot ? undefined : this.state.resume;
  }

  /** Reads what a previous session left: focus mode still on (a crash) or a week to resume. */
  async load(): Promise<void> {
    this.state = await this.read();
    if (this.state.snapshot) this.deps.log.info(`focus mode: still on for ${this.state.snapshot.week} from a previous session (${this.state.snapshot.file})`);
    this.changed.fire();
  }

  turnOn(week: WeekRef, folder: vscode.Uri, announce = true): Promise<boolean> {
    return this.serial(async () => {
      const lang = this.deps.lang();
      if (this.state.snapshot) {
        // Already on (the settings are per workspace): it now belongs to the week in hand.
        if (this.state.snapshot.week !== week) await this.persist({ snapshot: { ...this.state.snapshot, week } });
        return true;
      }
      const target = settingsTarget(folder);
      if (!target) {
        void vscode.window.showWarningMessage(say(lang, 'focus.noFolder'));
        return false;
      }
      const name = vscode.workspace.asRelativePath(target.file);
      if (vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === target.file.toString())) {
        void vscode.window.showWarningMessage(say(lang, 'focus.dirty', { file: name }));
        return false;
      }
      const original = await readText(target.file);
      const edit = applyFocus(original, target.prefix, focusSettings(this.deps.settings().focusModeExtra));
      if (!edit.ok) {
        void vscode.window.showErrorMessage(say(lang, 'focus.failed', { file: name, detail: edit.reason }));
        return false;
      }
      const dir = vscode.Uri.joinPath(target.file, '..');
      const createdDir = original === null && !(await exists(dir));
      const snapshot = { version: 1 as const, week, file: target.file.toString(), prefix: target.prefix, original, written: edit.text, entries: edit.entries, createdDir };
      // The snapshot reaches the disk before the settings change, or nothing changes at all.
      await this.persist({ snapshot });
      try {
        await vscode.workspace.fs.writeFile(target.file, new TextEncoder().encode(edit.text));
      } catch (error) {
        await this.persist({});
        void vscode.window.showErrorMessage(say(lang, 'focus.failed', { file: name, detail: String(error) }));
        return false;
      }
      this.deps.log.info(`focus mode: on for ${week} in ${target.file.toString()} (${edit.entries.map((e) => e.key).join(', ')})`);
      if (announce) void vscode.window.showInformationMessage(say(lang, 'focus.on', { week, folder: scopeName(snapshot) }));
      return true;
    });
  }

  /** Restores the previous settings; `done` says so in the week's words. */
  turnOff(reason: 'learner' | 'done' = 'learner'): Promise<boolean> {
    return this.serial(async () => {
      const snapshot = this.state.snapshot;
      if (!snapshot) return false;
      const lang = this.deps.lang();
      const file = vscode.Uri.parse(snapshot.file);
      const restored = restoreFocus(await readText(file), snapshot);
      try {
        if (restored.text === null) {
          if (await exists(file)) await vscode.workspace.fs.delete(file);
          if (snapshot.createdDir) await removeIfEmpty(vscode.Uri.joinPath(file, '..'));
        } else {
          await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(restored.text));
        }
      } catch (error) {
        void vscode.window.showErrorMessage(say(lang, 'focus.failed', { file: vscode.workspace.asRelativePath(file), detail: String(error) }));
        return false;
      }
      await this.persist({});
      this.deps.log.info(`focus mode: off (${reason}), ${snapshot.file} restored${restored.kept.length ? `; kept the learner's ${restored.kept.join(', ')}` : ''}`);
      void vscode.window.showInformationMessage(say(lang, reason === 'done' ? 'focus.done' : 'focus.off', { week: snapshot.week }));
      if (restored.kept.length) void vscode.window.showInformationMessage(say(lang, 'focus.kept', { keys: restored.kept.join(', ') }));
      return true;
    });
  }

  /** When a week starts or opens: ask once per week, never switching anything silently. */
  async offer(week: WeekRef, folder: vscode.Uri): Promise<void> {
    if (this.state.snapshot) {
      await this.turnOn(week, folder, false);
      return;
    }
    const offered = this.deps.globalState.get<unknown>(OFFERED_KEY);
    const weeks = Array.isArray(offered) ? offered.filter((w): w is string => typeof w === 'string') : [];
    if (!this.deps.settings().focusModeOffer || weeks.includes(week)) return;
    await this.deps.globalState.update(OFFERED_KEY, [...weeks, week]);
    const lang = this.deps.lang();
    const yes = say(lang, 'focus.turnOn');
    const choice = await vscode.window.showInformationMessage(say(lang, 'focus.offer', { week }), yes, say(lang, 'focus.notNow'));
    if (choice === yes) await this.turnOn(week, folder);
  }

  /** Back on after a clean shutdown, for the week the learner chose it for (and said so). */
  async resume(week: WeekRef, folder: vscode.Uri): Promise<void> {
    if (this.resumeWeek !== week) return;
    if (await this.turnOn(week, folder, false)) void vscode.window.showInformationMessage(say(this.deps.lang(), 'focus.resumed', { week }));
  }

  /**
   * Deactivation: restore now, synchronously for files on disk (the extension host may not wait
   * for promises), and note the week so focus mode comes back when the learner returns to it.
   */
  dispose(): void {
    this.changed.dispose();
    const snapshot = this.state.snapshot;
    if (!snapshot) return;
    const file = vscode.Uri.parse(snapshot.file);
    const stateFile = this.stateFile();
    if (file.scheme !== 'file' || !stateFile) return; // stays persisted; the next start finds it on
    try {
      const current = fs.existsSync(file.fsPath) ? fs.readFileSync(file.fsPath, 'utf8') : null;
      const restored = restoreFocus(current, snapshot);
      if (restored.text === null) {
        fs.rmSync(file.fsPath, { force: true });
        if (snapshot.createdDir && fs.readdirSync(path.dirname(file.fsPath)).length === 0) fs.rmdirSync(path.dirname(file.fsPath));
      } else {
        fs.writeFileSync(file.fsPath, restored.text);
      }
      writeFileAtomic(stateFile, JSON.stringify({ resume: snapshot.week as WeekRef } satisfies Persisted));
    } catch (error) {
      this.deps.log.error(`focus mode: restore at shutdown failed, it stays on for the next start: ${String(error)}`);
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private stateFile(): string | undefined {
    return this.deps.storage?.scheme === 'file' ? path.join(this.deps.storage.fsPath, STATE_FILE) : undefined;
  }

  private async read(): Promise<Persisted> {
    const file = this.stateFile();
    try {
      const raw: unknown = file ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
      return isPersisted(raw) ? raw : {};
    } catch {
      return {};
    }
  }

  private async persist(state: Persisted): Promise<void> {
    this.state = state;
    const file = this.stateFile();
    if (file) writeFileAtomic(file, JSON.stringify(state));
    else this.deps.log.warn('focus mode: no workspace storage; the snapshot lives in memory only');
    this.changed.fire();
  }
}

/** What the settings apply to, for messages: the workspace folder's name, or the workspace's. */
export function scopeName(snapshot: Pick<FocusSnapshot, 'file' | 'prefix'>): string {
  const file = vscode.Uri.parse(snapshot.file);
  if (snapshot.prefix.length) return vscode.workspace.name ?? path.posix.basename(file.path);
  return vscode.workspace.getWorkspaceFolder(file)?.name ?? path.posix.basename(path.posix.dirname(path.posix.dirname(file.path)));
}

/** The workspace settings file focus mode writes for a week folder, and the path inside it. */
export function settingsTarget(folder: vscode.Uri): { file: vscode.Uri; prefix: string[] } | undefined {
  const workspaceFile = vscode.workspace.workspaceFile;
  // A saved workspace keeps its workspace settings in the .code-workspace file (window-scoped
  // settings such as Copilot's are ignored in folder settings there).
  if (workspaceFile && workspaceFile.scheme !== 'untitled') return { file: workspaceFile, prefix: ['settings'] };
  const root = vscode.workspace.getWorkspaceFolder(folder) ?? vscode.workspace.workspaceFolders?.[0];
  return root ? { file: vscode.Uri.joinPath(root.uri, '.vscode', 'settings.json'), prefix: [] } : undefined;
}

function isPersisted(value: unknown): value is Persisted {
  if (typeof value !== 'object' || value === null) return false;
  const { snapshot, resume } = value as Record<string, unknown>;
  if (resume !== undefined && typeof resume !== 'string') return false;
  if (snapshot === undefined) return true;
  const s = snapshot as Partial<FocusSnapshot>;
  return s.version === 1 && typeof s.file === 'string' && typeof s.written === 'string' && Array.isArray(s.entries) && Array.isArray(s.prefix);
}

/** Write to a temporary file, then rename: a crash mid-write never leaves half a snapshot. */
function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

async function readText(uri: vscode.Uri): Promise<string | null> {
  try {
    // Keep a byte order mark in the text, so the file comes back exactly as it was.
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}


async function removeIfEmpty(dir: vscode.Uri): Promise<void> {
  try {
    if ((await vscode.workspace.fs.readDirectory(dir)).length === 0) await vscode.workspace.fs.delete(dir);
  } catch {
    // Already gone, or not ours to judge.
  }
}
