import type * as vscode from 'vscode';
import type { ProgressStore, WeekStatus } from '../curriculum/types';
import type { WeekRef } from '../language/types';

/**
 * A minimal week-progress store in the extension's global state, used until the curriculum
 * area's `createProgressStore(memento)` (src/vscode/curriculum/progress.ts) is wired in
 * extension.ts. It uses its own keys so the two never read each other's data by accident.
 */
const STATUS_KEY = 'aiTeacher.fallbackProgress.status';
const CURRENT_KEY = 'aiTeacher.fallbackProgress.current';
const STATUSES: readonly WeekStatus[] = ['not-started', 'in-progress', 'checkpoint-passed', 'done'];

export function createFallbackProgressStore(memento: vscode.Memento): ProgressStore {
  const statuses = (): Record<string, WeekStatus> => {
    const raw = memento.get<unknown>(STATUS_KEY);
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, WeekStatus>) : {};
  };
  return {
    status(week: WeekRef): WeekStatus {
      const value = statuses()[week];
      return STATUSES.includes(value) ? value : 'not-started';
    },
    async setStatus(week: WeekRef, status: WeekStatus): Promise<void> {
      await memento.update(STATUS_KEY, { ...statuses(), [week]: status });
    },
    current(): WeekRef | undefined {
      const value = memento.get<unknown>(CURRENT_KEY);
      return typeof value === 'string' && /^(beginner|intermediate|advanced|capstone)\/\d+$/.test(value) ? (value as WeekRef) : undefined;
    },
    async setCurrent(week: WeekRef): Promise<void> {
      await memento.update(CURRENT_KEY, week);
    },
  };
}
