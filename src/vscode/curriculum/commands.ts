import * as vscode from 'vscode';
import { findWeek } from '../../curriculum/loader';
import { parseWeekArgs, recordProgress, statusIcon, statusLabel } from '../../curriculum/progress';
import { freshCopyDir, mainStarterPath, scaffoldFiles, scaffoldWeek, weekRelativeDir } from '../../curriculum/scaffold';
import type { Curriculum, TrackId, Week } from '../../curriculum/types';
import type { Lang, WeekRef } from '../../language/types';
import { say } from '../pure/strings';
import { exists } from '../fs';
import type { Services } from '../services';
import { isObservable, publishContextKeys } from './store';

/** What the curriculum feature needs from the adapter's services. */
export type CurriculumServices = Pick<Services, 'curriculum' | 'progress' | 'engine' | 'lang'> & {
  /** Called once a week's files are open (Start Week, Continue): the focus-mode offer hangs here. */
  readonly onWeekOpened?: (week: WeekRef, folder: vscode.Uri) => void;
};

/** What `aiTeacher.startWeek` resolves to (tests and callers such as the chat use it). */
export interface StartedWeek {
  readonly week: WeekRef;
  readonly folder: vscode.Uri;
  readonly created: boolean;
}

/** `aiTeacher.startWeek`: from arguments when given (links, walkthrough, chat), otherwise from pickers. */
export async function startWeek(services: CurriculumServices, args: readonly unknown[]): Promise<StartedWeek | undefined> {
  const lang = services.lang();
  const curriculum = await services.curriculum();
  const ref = args.length > 0 ? parseWeekArgs(args) : await pickWeek(services, curriculum);
  if (!ref) return undefined;
  const week = findWeek(curriculum, ref);
  if (!week) {
    void vscode.window.showErrorMessage(say(lang, 'week.unknown', { week: ref }));
    return undefined;
  }
  const root = await workspaceRoot(lang);
  if (!root) return undefined;
  let folder = vscode.Uri.joinPath(root, ...weekRelativeDir(week).split('/'));
  let created = false;
  if (await exists(folder)) {
    const choice = await askExisting(lang, vscode.workspace.asRelativePath(folder));
    if (!choice) return undefined;
    if (choice === 'fresh') folder = vscode.Uri.joinPath(folder, '..', await freshName(folder));
  }
  if (!(await exists(folder))) created = await writeWeek(week, folder, lang);
  await openWeekFiles(week, folder);
  await recordProgress(services.progress, week.id, { kind: 'started' });
  if (isObservable(services.progress)) await services.progress.setFolder(week.id, folder.toString());
  await services.progress.setCurrent(week.id);
  await publishContextKeys(week.id, services.progress.status(week.id));
  greet(week, lang);
  services.onWeekOpened?.(week.id, folder);
  if (!vscode.workspace.workspaceFolders?.length) offerToOpenFolder(root, lang);
  return { week: week.id, folder, created };
}

/** `aiTeacher.continueWeek`: reopen the current week's folder, or start one. */
export async function continueWeek(services: CurriculumServices): Promise<StartedWeek | undefined> {
  const current = services.progress.current();
  if (!current) {
    void vscode.window.showInformationMessage(say(services.lang(), 'week.noCurrent'));
    return startWeek(services, []);
  }
  const week = findWeek(await services.curriculum(), current);
  const folder = week && weekFolder(services, week);
  if (!week || !folder || !(await exists(folder))) return startWeek(services, [current]);
  await openWeekFiles(week, folder);
  await reportDone(services, week, folder, true);
  services.onWeekOpened?.(week.id, folder);
  return { week: week.id, folder, created: false };
}

/** `aiTeacher.showCurriculum`: every week with its progress; picking one starts or continues it. */
export async function showCurriculum(services: CurriculumServices): Promise<StartedWeek | undefined> {
  const lang = services.lang();
  const curriculum = await services.curriculum();
  const items: (vscode.QuickPickItem & { ref?: WeekRef })[] = [];
  for (const track of curriculum.tracks) {
    items.push({ label: `${track.title[lang]} · ${say(lang, 'week.count', { n: track.weeks })}`, kind: vscode.QuickPickItemKind.Separator });
    for (const week of curriculum.weeks.filter((w) => w.track === track.id)) items.push(weekItem(services, week, lang));
  }
  const picked = await vscode.window.showQuickPick(items, { title: say(lang, 'week.overview'), matchOnDescription: true, matchOnDetail: true });
  if (!picked?.ref) return undefined;
  return picked.ref === services.progress.current() ? continueWeek(services) : startWeek(services, [picked.ref]);
}

/**
 * Lints the week folder and moves the week on when its definition of done holds.
 * `announce` shows the remaining count (continue) instead of staying silent (saves).
 */
export async function reportDone(services: CurriculumServices, week: Week, folder: vscode.Uri, announce: boolean): Promise<void> {
  const lang = services.lang();
  const engine = await services.engine();
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{py,yaml,yml}'), undefined, 200);
  const rules = new Set(week.definitionOfDone.clearRules);
  let remaining = 0;
  for (const file of files) {
    const bytes = await vscode.workspace.fs.readFile(file);
    remaining += engine.lintBytes(file.fsPath || file.path, bytes).findings.filter((f) => rules.has(f.ruleId)).length;
  }
  const status = await recordProgress(services.progress, week.id, { kind: 'evaluated', clean: remaining === 0 });
  await publishContextKeys(week.id, status);
  if (announce) void vscode.window.showInformationMessage(say(lang, remaining ? 'week.remaining' : 'week.clean', { week: week.id, n: remaining }));
}

/** Where the week was started (also a fresh copy), else its default folder in the first workspace folder. */
export function weekFolder(services: CurriculumServices, week: Week): vscode.Uri | undefined {
  const remembered = isObservable(services.progress) ? services.progress.folder(week.id) : undefined;
  if (remembered) return vscode.Uri.parse(remembered);
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return root && vscode.Uri.joinPath(root, ...weekRelativeDir(week).split('/'));
}

function weekItem(services: CurriculumServices, week: Week, lang: Lang): vscode.QuickPickItem & { ref: WeekRef } {
  const status = services.progress.status(week.id);
  return {
    ref: week.id,
    label: `$(${statusIcon(status)}) ${week.id} · ${week.title[lang]}`,
    description: statusLabel(status, lang),
    detail: week.checkpoints[0]?.question[lang],
  };
}

async function pickWeek(services: CurriculumServices, curriculum: Curriculum): Promise<WeekRef | undefined> {
  const lang = services.lang();
  const tracks = curriculum.tracks.map((track) => {
    const weeks = curriculum.weeks.filter((w) => w.track === track.id);
    const done = weeks.filter((w) => services.progress.status(w.id) === 'done').length;
    return { id: track.id, label: track.title[lang], description: `${done}/${weeks.length}`, detail: say(lang, 'week.count', { n: track.weeks }) };
  });
  const track = await vscode.window.showQuickPick(tracks, { title: say(lang, 'week.pickTrack') });
  if (!track) return undefined;
  const weeks = curriculum.weeks.filter((w) => w.track === (track.id as TrackId)).map((w) => weekItem(services, w, lang));
  return (await vscode.window.showQuickPick(weeks, { title: say(lang, 'week.pickWeek'), matchOnDetail: true }))?.ref;
}

async function workspaceRoot(lang: Lang): Promise<vscode.Uri | undefined> {
  const open = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (open) return open;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title: say(lang, 'week.pickFolder'), openLabel: say(lang, 'week.select') });
  return picked?.[0];
}

async function askExisting(lang: Lang, folder: string): Promise<'open' | 'fresh' | undefined> {
  const open = say(lang, 'week.openExisting');
  const fresh = say(lang, 'week.freshCopy');
  const choice = await vscode.window.showWarningMessage(say(lang, 'week.exists', { folder }), { modal: true }, open, fresh);
  return choice === open ? 'open' : choice === fresh ? 'fresh' : undefined;
}

async function freshName(folder: vscode.Uri): Promise<string> {
  const name = folder.path.split('/').pop() ?? 'week';
  const candidate = await freshCopyDir(name, (n) => exists(vscode.Uri.joinPath(folder, '..', n)));
  return candidate;
}

/**
 * On disk the pure scaffolder writes with exclusive-create flags, so nothing is ever clobbered.
 * Other file systems (remote, virtual) go through `workspace.fs`, checking each file first.
 */
async function writeWeek(week: Week, folder: vscode.Uri, lang: Lang): Promise<boolean> {
  if (folder.scheme === 'file') {
    const result = scaffoldWeek(folder.fsPath, week, { lang, dir: folder.fsPath });
    return result.status === 'created';
  }
  await vscode.workspace.fs.createDirectory(folder);
  for (const file of scaffoldFiles(week, lang)) {
    const target = vscode.Uri.joinPath(folder, ...file.path.split('/'));
    if (!(await exists(target))) await vscode.workspace.fs.writeFile(target, typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content);
  }
  return true;
}

/**
 * The main starter file in the first column, and the README rendered (Markdown preview, not its
 * source) beside it, narrower than the code: the learner reads the one and writes the other.
 * Without the built-in Markdown extension the README opens as text.
 */
async function openWeekFiles(week: Week, folder: vscode.Uri): Promise<void> {
  const readme = vscode.Uri.joinPath(folder, 'README.md');
  const main = vscode.Uri.joinPath(folder, ...mainStarterPath(week).split('/'));
  const singleGroup = vscode.window.tabGroups.all.length <= 1;
  if (await exists(main)) await vscode.window.showTextDocument(main, { viewColumn: vscode.ViewColumn.One, preview: false });
  if (!(await exists(readme))) return;
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', readme);
  } catch {
    await vscode.window.showTextDocument(readme, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }
  // Only a layout this command just made is resized; a learner's own arrangement stays as it is.
  // The preview's group may appear a moment after the command returns.
  for (let waited = 0; singleGroup && vscode.window.tabGroups.all.length < 2 && waited < 2000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  if (singleGroup && vscode.window.tabGroups.all.length === 2) {
    await vscode.commands.executeCommand('vscode.setEditorLayout', { orientation: 0, groups: [{ size: 0.6 }, { size: 0.4 }] }).then(undefined, () => undefined);
  }
  if (await exists(main)) await vscode.window.showTextDocument(main, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** The teacher (panel helper) greets the week; without it, the intro still reaches the learner. */
function greet(week: Week, lang: Lang): void {
  vscode.commands.executeCommand('aiTeacher.openTeacher', { week: week.id }).then(undefined, () => {
    void vscode.window.showInformationMessage(week.intro[lang].split('\n')[0]);
  });
}

/** Without an open folder the files are open but the Explorer is empty; opening the folder reloads the window, so ask. */
function offerToOpenFolder(root: vscode.Uri, lang: Lang): void {
  const open = say(lang, 'week.openFolder');
  void vscode.window.showInformationMessage(say(lang, 'week.openFolderHint', { folder: root.fsPath || root.path }), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.openFolder', root);
  });
}
