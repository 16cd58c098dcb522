import type { Finding, Lang, LintResult, Localized, WeekRef } from '../language/types';
import { TRACK_IDS } from './loader';
import type { ProgressStore, Week, WeekStatus } from './types';

/**
 * The progress model, kept pure so the CLI, the editor and tests share it:
 *   not-started -> in-progress          (the week was started)
 *   in-progress -> checkpoint-passed    (the teacher judged a checkpoint answer as passing)
 *   checkpoint-passed -> done           (and none of the definition-of-done rules fire any more)
 * A week whose files are already clean when the checkpoint passes goes straight to done.
 * Done is sticky: editing the exercise later does not take the achievement away.
 */
export type ProgressEvent =
  | { readonly kind: 'started' }
  | { readonly kind: 'checkpoint-passed'; readonly clean: boolean }
  | { readonly kind: 'evaluated'; readonly clean: boolean };

export const STATUS_ORDER: readonly WeekStatus[] = ['not-started', 'in-progress', 'checkpoint-passed', 'done'];

export function nextStatus(current: WeekStatus, event: ProgressEvent): WeekStatus {
  if (current === 'done') return 'done';
  switch (event.kind) {
    case 'started':
      return current === 'not-started' ? 'in-progress' : current;
    case 'checkpoint-passed':
      return event.clean ? 'done' : 'checkpoint-passed';
    case 'evaluated':
      return current === 'checkpoint-passed' && event.clean ? 'done' : current;
  }
}

export interface DoneCheck {
  /** True when no definition-of-done rule fires on the exercise files. */
  readonly clean: boolean;
  /** The findings that still block the week, in file order. */
  readonly remaining: readonly Finding[];
  /** Done rules that no longer fire anywhere. */
  readonly cleared: readonly string[];
}

/** Checks the definition of done on lint results of the week's exercise files. */
export function checkDone(week: Week, results: readonly LintResult[]): DoneCheck {
  const rules = new Set(week.definitionOfDone.clearRules);
  const remaining = results.flatMap((r) => r.findings.filter((f) => rules.has(f.ruleId)));
  const firing = new Set(remaining.map((f) => f.ruleId));
  return { clean: remaining.length === 0, remaining, cleared: week.definitionOfDone.clearRules.filter((r) => !firing.has(r)) };
}

/** A week is done when its definition of done holds and a checkpoint was answered. */
export function isWeekDone(week: Week, results: readonly LintResult[], checkpointPassed: boolean): boolean {
  return checkpointPassed && checkDone(week, results).clean;
}

/** Context keys for `when` clauses and walkthrough completion, e.g. `aiTeacher.week.beginner.1.done`. */
export function weekContextKeys(week: WeekRef, status: WeekStatus): Record<string, boolean> {
  const base = `aiTeacher.week.${week.replace('/', '.')}`;
  const rank = STATUS_ORDER.indexOf(status);
  return {
    [`${base}.started`]: rank >= 1,
    [`${base}.checkpointPassed`]: rank >= 2,
    [`${base}.done`]: rank >= 3,
  };
}

const STATUS_LABELS: Record<WeekStatus, Localized> = {
  'not-started': { ko: '시작 전', en: 'not started' },
  'in-progress': { ko: '진행 중', en: 'in progress' },
  'checkpoint-passed': { ko: '체크포인트 통과', en: 'checkpoint passed' },
  done: { ko: '완료', en: 'done' },
};
const STATUS_ICONS: Record<WeekStatus, string> = {
  'not-started': 'circle-large-outline',
  'in-progress': 'circle-large-filled',
  'checkpoint-passed': 'pass',
  done: 'pass-filled',
};

export function statusLabel(status: WeekStatus, lang: Lang): string {
  return STATUS_LABELS[status][lang];
}
/** A codicon name for the status (the CLI prints the label instead). */
export function statusIcon(status: WeekStatus): string {
  return STATUS_ICONS[status];
}

/**
 * Reads the week a command was asked to start from whatever its caller passes:
 * `('beginner', 1)` from a command link, `[track, week]`, `{ track, week }`, `{ week: 'beginner/1' }`,
 * `{ week: { track, week } }`
 * or a `'beginner/1'` string. Anything else is `undefined` (the caller then shows a picker).
 */
export function parseWeekArgs(args: readonly unknown[]): WeekRef | undefined {
  const [first, second] = args;
  if (Array.isArray(first)) return parseWeekArgs(first);
  if (typeof first === 'string' && second !== undefined) return weekRef(first, second);
  if (typeof first === 'string') {
    const [track, number] = first.split('/');
    return weekRef(track, number);
  }
  if (typeof first === 'object' && first !== null) {
    const record = first as Record<string, unknown>;
    if (typeof record.track === 'string' && (record.week ?? record.number) !== undefined && typeof record.week !== 'object') {
      return weekRef(record.track, record.week ?? record.number);
    }
    if (typeof record.week === 'string' || (typeof record.week === 'object' && record.week !== null)) return parseWeekArgs([record.week]);
    if (typeof record.id === 'string') return parseWeekArgs([record.id]);
  }
  return undefined;
}

function weekRef(track: unknown, number: unknown): WeekRef | undefined {
  const n = typeof number === 'number' ? number : typeof number === 'string' && /^\d+$/.test(number.trim()) ? Number(number) : NaN;
  if (typeof track !== 'string' || !(TRACK_IDS as readonly string[]).includes(track) || !Number.isInteger(n) || n < 1) return undefined;
  return `${track}/${n}` as WeekRef;
}

/** Progress kept in memory: for the CLI and tests; the editor keeps it in global state. */
export class MemoryProgressStore implements ProgressStore {
  private readonly statuses = new Map<WeekRef, WeekStatus>();
  private currentWeek: WeekRef | undefined;

  status(week: WeekRef): WeekStatus {
    return this.statuses.get(week) ?? 'not-started';
  }
  async setStatus(week: WeekRef, status: WeekStatus): Promise<void> {
    this.statuses.set(week, status);
  }
  current(): WeekRef | undefined {
    return this.currentWeek;
  }
  async setCurrent(week: WeekRef): Promise<void> {
    this.currentWeek = week;
  }
  private log: MistakeLog = {};
  mistakes(): MistakeLog {
    return this.log;
  }
  async setMistakes(log: MistakeLog): Promise<void> {
    this.log = log;
  }
}

/** Applies an event to a store and returns the new status. */
export async function recordProgress(store: ProgressStore, week: WeekRef, event: ProgressEvent): Promise<WeekStatus> {
  const status = nextStatus(store.status(week), event);
  if (status !== store.status(week)) await store.setStatus(week, status);
  return status;
}

/**
 * The mistake log, kept with the progress: per rule, where and in which week it fired, and when
 * the learner fixed it. A rule that fires again after a fix, or in a second week, is a recurring
 * mistake: the teacher mentions it and the Curriculum tab proposes a short review.
 */
export interface MistakeEvent {
  readonly path: string;
  readonly week?: WeekRef;
  /** Milliseconds since the epoch. */
  readonly at: number;
}

export interface MistakeEntry {
  readonly seen: readonly MistakeEvent[];
  readonly fixed: readonly MistakeEvent[];
}

export type MistakeLog = Readonly<Record<string, MistakeEntry>>;

export interface RecurringMistake {
  readonly ruleId: string;
  /** How many distinct (file, week) places it fired in. */
  readonly count: number;
  readonly weeks: readonly WeekRef[];
  /** It was fixed once and fired again afterwards. */
  readonly cameBack: boolean;
}

const MAX_EVENTS = 30;

function addEvent(events: readonly MistakeEvent[], event: MistakeEvent): MistakeEvent[] {
  // One event per file and week is enough: saving the same file ten times is one mistake.
  const rest = events.filter((e) => !(e.path === event.path && e.week === event.week));
  return [...rest, event].slice(-MAX_EVENTS);
}

/** Rules seen firing in a file (a review, a save). */
export function recordSeen(log: MistakeLog, ruleIds: readonly string[], path: string, week: WeekRef | undefined, at: number): MistakeLog {
  const next: Record<string, MistakeEntry> = { ...log };
  for (const ruleId of new Set(ruleIds)) {
    const entry = next[ruleId] ?? { seen: [], fixed: [] };
    next[ruleId] = { ...entry, seen: addEvent(entry.seen, { path, week, at }) };
  }
  return next;
}

/** A rule the learner fixed in a file (its finding disappeared after their edit). */
export function recordFixed(log: MistakeLog, ruleId: string, path: string, week: WeekRef | undefined, at: number): MistakeLog {
  const entry = log[ruleId] ?? { seen: [], fixed: [] };
  return { ...log, [ruleId]: { ...entry, fixed: addEvent(entry.fixed, { path, week, at }) } };
}

/** Rules the learner keeps making: fixed once and back, or seen in two weeks or more. */
export function recurringMistakes(log: MistakeLog): RecurringMistake[] {
  const out: RecurringMistake[] = [];
  for (const [ruleId, entry] of Object.entries(log)) {
    const firstFix = Math.min(...entry.fixed.map((e) => e.at));
    const cameBack = entry.fixed.length > 0 && entry.seen.some((e) => e.at > firstFix && !entry.fixed.some((f) => f.path === e.path && f.at >= e.at));
    const weeks = [...new Set(entry.seen.map((e) => e.week).filter((w): w is WeekRef => w !== undefined))];
    if (cameBack || weeks.length >= 2) out.push({ ruleId, count: entry.seen.length, weeks, cameBack });
  }
  return out.sort((a, b) => Number(b.cameBack) - Number(a.cameBack) || b.count - a.count || a.ruleId.localeCompare(b.ruleId));
}

/** Reads a stored mistake log defensively. */
export function normaliseMistakes(raw: unknown): MistakeLog {
  if (typeof raw !== 'object' || raw === null) return {};
  const events = (v: unknown): MistakeEvent[] =>
    Array.isArray(v)
      ? v.filter((e): e is MistakeEvent => typeof e?.path === 'string' && Number.isFinite(e?.at) && (e.week === undefined || typeof e.week === 'string')).slice(-MAX_EVENTS)
      : [];
  const out: Record<string, MistakeEntry> = {};
  for (const [ruleId, entry] of Object.entries(raw as Record<string, unknown>)) {
    const e = entry as { seen?: unknown; fixed?: unknown } | null;
    if (e) out[ruleId] = { seen: events(e.seen), fixed: events(e.fixed) };
  }
  return out;
}
