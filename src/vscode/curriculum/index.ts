import * as vscode from 'vscode';
import { statusLabel } from '../../curriculum/progress';
import { weekOfPath } from '../../curriculum/scaffold';
import { Commands } from '../ids';
import { say } from '../pure/strings';
import { continueWeek, reportDone, showCurriculum, startWeek, weekFolder, type CurriculumServices } from './commands';
import { isObservable, publishContextKeys } from './store';

export { createProgressStore } from './store';
export type { CurriculumServices, StartedWeek } from './commands';

/**
 * Registers Start Week / Continue / Show Curriculum, the current-week status bar item (separate
 * from the adapter's findings item), context keys for the walkthrough, and a save listener that
 * moves a week to done when its definition of done holds.
 */
export function registerCurriculum(context: vscode.ExtensionContext, services: CurriculumServices): void {
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
}
