import * as vscode from 'vscode';
import { findWeek } from '../../curriculum/loader';
import { parseWeekArgs, recordProgress, statusIcon, statusLabel } from '../../curriculum/progress';
import { freshCopyDir, mainStarterPath, scaffoldFiles, scaffoldWeek, weekRelativeDir } from '../../curriculum/scaffold';
import type { Curriculum, TrackId, Week } from '../../curriculum/types';
import type { Lang, Localized, WeekRef } from '../../language/types';
import type { Services } from '../services';
import { isObservable, publishContextKeys } from './store';

/** What the curriculum feature needs from the adapter's services. */
export type CurriculumServices = Pick<Services, 'curriculum' | 'progress' | 'engine' | 'lang'>;

/** What `aiTeacher.startWeek` resolves to (tests and callers such as the chat use it). */
export interface StartedWeek {
  readonly week: WeekRef;
  readonly folder: vscode.Uri;
  readonly created: boolean;
}

const T = {
  pickTrack: { ko: '트랙을 고르세요', en: 'Choose a track' },
  pickWeek: { ko: '시작할 주차를 고르세요', en: 'Choose the week to start' },
  pickFolder: { ko: '실습 폴더를 만들 위치를 고르세요', en: 'Choose where to create the exercise folder' },
  select: { ko: '이 폴더 사용', en: 'Use this folder' },
  openFolder: { ko: '폴더 열기', en: 'Open Folder' },
  openFolderHint: { ko: '{folder}에 실습 파일을 만들었어요. 탐색기에서 보려면 폴더를 여세요.', en: 'The exercise is in {folder}. Open the folder to see it in the Explorer.' },
  exists: { ko: '{folder} 폴더가 이미 있어요. 아무것도 덮어쓰지 않습니다.', en: 'The folder {folder} already exists. Nothing will be overwritten.' },
  openExisting: { ko: '기존 폴더 열기', en: 'Open existing' },
  freshCopy: { ko: '새 복사본 만들기', en: 'Create a fresh copy' },
  unknownWeek: { ko: '{week} 주차를 찾을 수 없어요.', en: 'There is no week {week}.' },
  noCurrent: { ko: '진행 중인 주차가 없어요. 시작할 주차를 골라 주세요.', en: 'No week is in progress yet. Pick one to start.' },
  overview: { ko: '커리큘럼 (선택하면 시작하거나 이어서 합니다)', en: 'Curriculum (pick a week to start or continue it)' },
  weeks: { ko: '{n}주', en: '{n} weeks' },
  remaining: { ko: '{week}: 아직 {n}개의 완료 조건 진단이 남아 있어요.', en: '{week}: {n} definition-of-done findings remain.' },
  clean: { ko: '{week}: 완료 조건의 진단이 모두 사라졌어요! 체크포인트 질문에 답해 보세요.', en: '{week}: all definition-of-done findings are gone! Now answer the checkpoint question.' },
} satisfies Record<string, Localized>;

export function say(lang: Lang, text: Localized, data: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** `aiTeacher.startWeek`: from arguments when given (links, walkthrough, chat), otherwise from pickers. */
export async function startWeek(services: CurriculumServices, args: readonly unknown[]): Promise<StartedWeek | undefined> {
  const lang = services.lang();
  const curriculum = await services.curriculum();
  const ref = args.length > 0 ? parseWeekArgs(args) : await pickWeek(services, curriculum);
  if (!ref) return undefined;
  const week = findWeek(curriculum, ref);
  if (!week) {
    void vscode.window.showErrorMessage(say(lang, T.unknownWeek, { week: ref }));
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
  if (!vscode.workspace.workspaceFolders?.length) offerToOpenFolder(root, lang);
  return { week: week.id, folder, created };
}

/** `aiTeacher.continueWeek`: reopen the current week's folder, or start one. */
export async function continueWeek(services: CurriculumServices): Promise<StartedWeek | undefined> {
  const current = services.progress.current();
  if (!current) {
    void vscode.window.showInformationMessage(say(services.lang(), T.noCurrent));
    return startWeek(services, []);
  }
  const week = findWeek(await services.curriculum(), current);
  const folder = week && weekFolder(services, week);
  if (!week || !folder || !(await exists(folder))) return startWeek(services, [current]);
  await openWeekFiles(week, folder);
  await reportDone(services, week, folder, true);
  return { week: week.id, folder, created: false };
}

/** `aiTeacher.showCurriculum`: every week with its progress; picking one starts or continues it. */
export async function showCurriculum(services: CurriculumServices): Promise<StartedWeek | undefined> {
  const lang = services.lang();
  const curriculum = await services.curriculum();
  const items: (vscode.QuickPickItem & { ref?: WeekRef })[] = [];
  for (const track of curriculum.tracks) {
    items.push({ label: `${track.title[lang]} · ${say(lang, T.weeks, { n: track.weeks })}`, kind: vscode.QuickPickItemKind.Separator });
    for (const week of curriculum.weeks.filter((w) => w.track === track.id)) items.push(weekItem(services, week, lang));
  }
  const picked = await vscode.window.showQuickPick(items, { title: say(lang, T.overview), matchOnDescription: true, matchOnDetail: true });
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
  if (announce) void vscode.window.showInformationMessage(say(lang, remaining ? T.remaining : T.clean, { week: week.id, n: remaining }));
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
    return { id: track.id, label: track.title[lang], description: `${done}/${weeks.length}`, detail: track.title[lang === 'ko' ? 'en' : 'ko'] };
  });
  const track = await vscode.window.showQuickPick(tracks, { title: say(lang, T.pickTrack) });
  if (!track) return undefined;
  const weeks = curriculum.weeks.filter((w) => w.track === (track.id as TrackId)).map((w) => weekItem(services, w, lang));
  return (await vscode.window.showQuickPick(weeks, { title: say(lang, T.pickWeek), matchOnDetail: true }))?.ref;
}

async function workspaceRoot(lang: Lang): Promise<vscode.Uri | undefined> {
  const open = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (open) return open;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title: say(lang, T.pickFolder), openLabel: say(lang, T.select) });
  return picked?.[0];
}

async function askExisting(lang: Lang, folder: string): Promise<'open' | 'fresh' | undefined> {
  const open = say(lang, T.openExisting);
  const fresh = say(lang, T.freshCopy);
  const choice = await vscode.window.showWarningMessage(say(lang, T.exists, { folder }), { modal: true }, open, fresh);
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
    if (!(await exists(target))) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(file.content));
  }
  return true;
}

/** The main starter file in the first column, the README beside it. */
async function openWeekFiles(week: Week, folder: vscode.Uri): Promise<void> {
  const readme = vscode.Uri.joinPath(folder, 'README.md');
  const main = vscode.Uri.joinPath(folder, ...mainStarterPath(week).split('/'));
  if (await exists(main)) await vscode.window.showTextDocument(main, { viewColumn: vscode.ViewColumn.One, preview: false });
  if (await exists(readme)) await vscode.window.showTextDocument(readme, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
}

/** The teacher (panel helper) greets the week; without it, the intro still reaches the learner. */
function greet(week: Week, lang: Lang): void {
  vscode.commands.executeCommand('aiTeacher.openTeacher', { week: week.id }).then(undefined, () => {
    void vscode.window.showInformationMessage(week.intro[lang].split('\n')[0]);
  });
}

/** Without an open folder the files are open but the Explorer is empty; opening the folder reloads the window, so ask. */
function offerToOpenFolder(root: vscode.Uri, lang: Lang): void {
  const open = say(lang, T.openFolder);
  void vscode.window.showInformationMessage(say(lang, T.openFolderHint, { folder: root.fsPath || root.path }), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.openFolder', root);
  });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
