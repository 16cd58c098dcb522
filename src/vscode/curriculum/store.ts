import * as vscode from 'vscode';
import { STATUS_ORDER, normaliseMistakes, weekContextKeys } from '../../curriculum/progress';
import type { ProgressStore, WeekStatus } from '../../curriculum/types';
import type { WeekRef } from '../../language/types';

const STATUS_KEY = 'aiTeacher.progress.v1';
const CURRENT_KEY = 'aiTeacher.currentWeek.v1';
const FOLDERS_KEY = 'aiTeacher.weekFolders.v1';
const MISTAKES_KEY = 'aiTeacher.mistakes.v1';

/** A progress store that also tells its listeners when a week changed. */
export interface ObservableProgressStore extends ProgressStore {
  readonly onDidChange: vscode.Event<WeekRef>;
  /** Every week that has a status other than not-started. */
  entries(): [WeekRef, WeekStatus][];
  /** The folder the week was last started in (a URI string), so a fresh copy is found again. */
  folder(week: WeekRef): string | undefined;
  setFolder(week: WeekRef, uri: string): Promise<void>;
}

/**
 * Week progress in the extension's global state (it follows the learner across workspaces).
 * Unknown stored values are read as not-started, so an older or hand-edited state never breaks.
 */
export function createProgressStore(memento: vscode.Memento): ObservableProgressStore & vscode.Disposable {
  const emitter = new vscode.EventEmitter<WeekRef>();
  const read = (): Record<string, WeekStatus> => {
    const raw = memento.get<unknown>(STATUS_KEY);
    if (typeof raw !== 'object' || raw === null) return {};
    return Object.fromEntries(Object.entries(raw).filter(([, v]) => STATUS_ORDER.includes(v as WeekStatus))) as Record<string, WeekStatus>;
  };
  return {
    onDidChange: emitter.event,
    status: (week) => read()[week] ?? 'not-started',
    async setStatus(week, status) {
      await memento.update(STATUS_KEY, { ...read(), [week]: status });
      emitter.fire(week);
    },
    current() {
      const raw = memento.get<unknown>(CURRENT_KEY);
      return typeof raw === 'string' && /^(beginner|intermediate|advanced|capstone)\/\d+$/.test(raw) ? (raw as WeekRef) : undefined;
    },
    async setCurrent(week) {
      await memento.update(CURRENT_KEY, week);
      emitter.fire(week);
    },
    folder(week) {
      const raw = memento.get<unknown>(FOLDERS_KEY);
      const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[week] : undefined;
      return typeof value === 'string' ? value : undefined;
    },
    async setFolder(week, uri) {
      const raw = memento.get<unknown>(FOLDERS_KEY);
      await memento.update(FOLDERS_KEY, { ...(typeof raw === 'object' && raw !== null ? raw : {}), [week]: uri });
    },
    entries: () => Object.entries(read()).filter(([, s]) => s !== 'not-started') as [WeekRef, WeekStatus][],
    // The teacher's mistake log travels with the progress (same global state, same learner).
    mistakes: () => normaliseMistakes(memento.get<unknown>(MISTAKES_KEY)),
    async setMistakes(log) {
      await memento.update(MISTAKES_KEY, log);
    },
    dispose: () => emitter.dispose(),
  };
}

/** Publishes `aiTeacher.week.<track>.<n>.{started,checkpointPassed,done}` for when clauses and the walkthrough. */
export async function publishContextKeys(week: WeekRef, status: WeekStatus): Promise<void> {
  for (const [key, value] of Object.entries(weekContextKeys(week, status))) {
    await vscode.commands.executeCommand('setContext', key, value);
  }
}

export function isObservable(store: ProgressStore): store is ObservableProgressStore {
  return typeof (store as Partial<ObservableProgressStore>).onDidChange === 'function';
}
