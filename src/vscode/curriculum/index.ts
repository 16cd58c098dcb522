import * as vscode from 'vscode';
import { parseWeekArgs, statusLabel } from '../../curriculum/progress';
import { weekOfPath } from '../../curriculum/scaffold';
import type { WeekRef } from '../../language/types';
import { Commands } from '../ids';
import type { Settings } from '../pure/settings';
import { say } from '../pure/strings';
import { continueWeek, reportDone, showCurriculum, startWeek, weekFolder, type CurriculumServices } from './commands';
import { FocusMode, scopeName } from './focus-mode';
import { isObservable, publishContextKeys } from './store';

export { createProgressStore } from './store';
export { FocusMode } from './focus-mode';
export type { CurriculumServices, StartedWeek } from './commands';

/** What registering the curriculum needs beyond the week commands: settings and the log. */
export type CurriculumHost = CurriculumServices & {
  settings(): Settings;
  readonly onDidChangeSettings: vscode.Event<Settings>;
  readonly output: vscode.LogOutputChannel;
};

/**
 * Registers Start Week / Continue / Show Curriculum, the current-week status bar item (separate
 * from the adapter's findings item), context keys for the walkthrough, and a save listener that
 * moves a week to done when its definition of done holds.
 */
export function registerCurriculum(context: vscode.ExtensionContext, host: CurriculumHost): FocusMode {
  const focus = registerFocusMode(context, host);
  const services: CurriculumServices = {
    curriculum: () => host.curriculum(),
    progress: host.progress,
    engine: () => host.engine(),
    lang: () => host.lang(),
    onWeekOpened: (week, folder) => {
      const opened = focus.resumeWeek === week ? focus.resume(week, folder) : focus.offer(week, folder);
      opened.catch((error: unknown) => host.output.error(`focus mode: ${String(error)}`));
    },
  };
  const item = vscode.window.createStatusBarItem('aiTeacher.currentWeek', vscode.StatusBarAlignment.Left, 90);
  item.command = Commands.continueWeek;
  context.subscriptions.push(item);

  const refresh = async () => {
    const current = services.progress.current();
    if (!current) {
      item.hide();
      return;
    }
    const lang = services.lang();
    item.name = say(lang, 'week.statusName');
    const week = (await services.curriculum()).weeks.find((w) => w.id === current);
    item.text = `$(mortar-board) ${current} · ${statusLabel(services.progress.status(current), lang)}`;
    item.tooltip = week ? `${week.title[lang]} — ${week.checkpoints[0]?.question[lang] ?? ''}` : current;
    item.show();
  };
  const refreshSoon = () => void refresh().catch(() => undefined);

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.startWeek, async (...args: unknown[]) => {
      const started = await startWeek(services, args);
      refreshSoon();
      return started;
    }),
    vscode.commands.registerCommand(Commands.continueWeek, async () => {
      const continued = await continueWeek(services);
      refreshSoon();
      return continued;
    }),
    vscode.commands.registerCommand(Commands.showCurriculum, async () => {
      const started = await showCurriculum(services);
      refreshSoon();
      return started;
    }),
    // The item speaks the teacher language, which can change at any time.
    host.onDidChangeSettings(refreshSoon),
    vscode.workspace.onDidSaveTextDocument((document) => {
      const found = weekOfPath(document.uri.fsPath);
      if (!found) return;
      const ref = found.week;
      void (async () => {
        const week = (await services.curriculum()).weeks.find((w) => w.id === ref);
        if (week && services.progress.status(ref) === 'checkpoint-passed') await reportDone(services, week, vscode.Uri.file(found.dir), false);
        refreshSoon();
      })().catch(() => undefined);
    }),
  );
  if (isObservable(services.progress)) {
    // The teacher records a passed checkpoint; if the exercise is already clean the week is done.
    const store = services.progress;
    context.subscriptions.push(
      store.onDidChange((ref) => {
        refreshSoon();
        if (store.status(ref) !== 'checkpoint-passed') return;
        void (async () => {
          const week = (await services.curriculum()).weeks.find((w) => w.id === ref);
          const folder = week && weekFolder(services, week);
          if (week && folder) await reportDone(services, week, folder, false);
        })().catch(() => undefined);
      }),
    );
  }

  void (async () => {
    const store = services.progress;
    const known = isObservable(store) ? store.entries() : (await services.curriculum()).weeks.map((w) => [w.id, store.status(w.id)] as const);
    for (const [week, status] of known) if (status !== 'not-started') await publishContextKeys(week, status);
    await refresh();
  })().catch(() => undefined);
  return focus;
}

/**
 * Exercise focus mode: the toggle command, its status bar item while it is on, turning it off when
 * its week is done, and picking up what the last session left (still on after a crash, or to
 * resume after a clean shutdown when the same week is still the current one).
 */
function registerFocusMode(context: vscode.ExtensionContext, host: CurriculumHost): FocusMode {
  const focus = new FocusMode({
    storage: context.storageUri,
    globalState: context.globalState,
    lang: () => host.lang(),
    settings: () => host.settings(),
    log: host.output,
  });
  const item = vscode.window.createStatusBarItem('aiTeacher.focusMode', vscode.StatusBarAlignment.Left, 89);
  item.command = Commands.toggleFocusMode;
  const update = () => {
    const snapshot = focus.snapshot;
    if (!snapshot) {
      item.hide();
      return;
    }
    const lang = host.lang();
    const folder = scopeName(snapshot);
    item.name = say(lang, 'focus.statusName');
    item.text = `$(target) ${say(lang, 'focus.statusText')}`;
    item.tooltip = say(lang, 'focus.statusTooltip', { week: snapshot.week, folder });
    item.accessibilityInformation = { label: item.tooltip };
    item.show();
  };
  const toggle = async (...args: unknown[]): Promise<boolean> => {
    if (focus.snapshot) return !(await focus.turnOff('learner'));
    const active = vscode.window.activeTextEditor?.document.uri;
    const fromFile = active?.scheme === 'file' ? weekOfPath(active.fsPath) : undefined;
    const week: WeekRef | undefined = (args.length ? parseWeekArgs(args) : undefined) ?? host.progress.current() ?? fromFile?.week;
    const found = week && (await host.curriculum()).weeks.find((w) => w.id === week);
    const folder = (fromFile && fromFile.week === week ? vscode.Uri.file(fromFile.dir) : undefined) ?? (found ? weekFolder(host, found) : undefined) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!week || !folder) {
      void vscode.window.showInformationMessage(say(host.lang(), 'focus.noWeek'));
      return false;
    }
    return focus.turnOn(week, folder);
  };
  context.subscriptions.push(
    item,
    focus,
    focus.onDidChange(update),
    host.onDidChangeSettings(update),
    vscode.commands.registerCommand(Commands.toggleFocusMode, toggle),
  );
  if (isObservable(host.progress)) {
    const store = host.progress;
    context.subscriptions.push(
      store.onDidChange((ref) => {
        if (focus.snapshot?.week === ref && store.status(ref) === 'done') void focus.turnOff('done');
      }),
    );
  }
  void focus
    .load()
    .then(async () => {
      const week = focus.resumeWeek;
      if (!week || week !== host.progress.current() || host.progress.status(week) === 'done') return;
      const found = (await host.curriculum()).weeks.find((w) => w.id === week);
      const folder = found && weekFolder(host, found);
      if (folder) await focus.resume(week, folder);
    })
    .catch((error: unknown) => host.output.error(`focus mode: ${String(error)}`));
  return focus;
}
