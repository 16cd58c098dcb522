import type { Finding } from '../language/types';

/**
 * What the teacher remembers about one learner between turns and sessions: attempts per finding
 * (which earn the next hint), the finding the conversation is about (so a free answer counts as
 * an attempt on it), and the last review of each file (so a re-review celebrates what was fixed).
 * Plain JSON-able data with pure updates: the editor keeps it in global state, the CLI in the
 * `--session` file, tests in memory.
 */

export interface AttemptRecord {
  readonly ruleId: string;
  readonly path: string;
  readonly attempts: number;
  /** When the last attempt happened (ms since epoch); the oldest records are dropped first. */
  readonly at: number;
}

export interface ReviewedFinding {
  readonly key: string;
  readonly ruleId: string;
  readonly message: string;
}

export interface LearnerMemory {
  readonly version: 1;
  readonly attempts: Readonly<Record<string, AttemptRecord>>;
  /** The finding the last hint was about. */
  readonly focus?: { readonly key: string; readonly ruleId: string; readonly path: string; readonly level?: number };
  readonly reviews: Readonly<Record<string, { readonly at: number; readonly findings: readonly ReviewedFinding[] }>>;
}

export const MAX_ATTEMPT_RECORDS = 500;
export const MAX_REVIEWS = 100;

export function emptyMemory(): LearnerMemory {
  return { version: 1, attempts: {}, reviews: {} };
}

/** A finding's identity across edits: the file, the rule, the message and its data, not its line. */
export function findingKey(path: string, finding: Pick<Finding, 'ruleId' | 'messageId' | 'data'>): string {
  const data = Object.entries(finding.data ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return `${path}#${finding.ruleId}#${finding.messageId}${data ? `#${data}` : ''}`;
}

export function attemptsFor(memory: LearnerMemory, key: string): number {
  return memory.attempts[key]?.attempts ?? 0;
}

function bounded<T extends { at: number }>(records: Record<string, T>, max: number): Record<string, T> {
  const entries = Object.entries(records);
  if (entries.length <= max) return records;
  return Object.fromEntries(entries.sort(([, a], [, b]) => b.at - a.at).slice(0, max));
}

export function recordAttempt(memory: LearnerMemory, key: string, ruleId: string, path: string, at: number): LearnerMemory {
  const previous = memory.attempts[key];
  const attempts = { ...memory.attempts, [key]: { ruleId, path, attempts: (previous?.attempts ?? 0) + 1, at } };
  return { ...memory, attempts: bounded(attempts, MAX_ATTEMPT_RECORDS) };
}

export function withFocus(memory: LearnerMemory, focus: LearnerMemory['focus']): LearnerMemory {
  return { ...memory, focus };
}

/** Remembers this review of a file and returns what the previous one had that is gone now. */
export function recordReview(memory: LearnerMemory, path: string, findings: readonly Finding[], at: number): { memory: LearnerMemory; fixed: ReviewedFinding[] } {
  const current = findings.map((f) => ({ key: findingKey(path, f), ruleId: f.ruleId, message: f.message }));
  const keys = new Set(current.map((f) => f.key));
  const fixed = (memory.reviews[path]?.findings ?? []).filter((f) => !keys.has(f.key));
  const reviews = bounded({ ...memory.reviews, [path]: { at, findings: current.slice(0, 200) } }, MAX_REVIEWS);
  return { memory: { ...memory, reviews }, fixed };
}

/**
 * The lines an edit touched, in the old text's numbering: everything between the common prefix
 * and the common suffix of the two versions (a cheap diff that is right for one edit and save).
 */
export function changedLines(before: string, after: string): { start: number; end: number } | undefined {
  if (before === after) return undefined;
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let tail = 0;
  while (tail < a.length - start && tail < b.length - start && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  // An insertion between two lines touches the line before it, where the finding usually is.
  return { start: Math.max(0, start - (start === a.length - tail ? 1 : 0)), end: Math.max(start, a.length - 1 - tail) };
}

/** Findings of the previous version whose lines the edit touched: each is one attempt. */
export function touchedFindings(before: string, after: string, findings: readonly Finding[]): Finding[] {
  const changed = changedLines(before, after);
  if (!changed) return [];
  return findings.filter((f) => f.range.end.line >= changed.start && f.range.start.line <= changed.end);
}

/** Reads stored memory defensively: anything malformed becomes empty, never a crash. */
export function normaliseMemory(raw: unknown): LearnerMemory {
  if (typeof raw !== 'object' || raw === null) return emptyMemory();
  const r = raw as Record<string, unknown>;
  const attempts: Record<string, AttemptRecord> = {};
  if (typeof r.attempts === 'object' && r.attempts !== null) {
    for (const [key, value] of Object.entries(r.attempts as Record<string, unknown>)) {
      const v = value as Partial<AttemptRecord> | null;
      if (v && typeof v.ruleId === 'string' && typeof v.path === 'string' && Number.isFinite(v.attempts) && Number.isFinite(v.at)) {
        attempts[key] = { ruleId: v.ruleId, path: v.path, attempts: Math.max(0, Math.floor(v.attempts!)), at: v.at! };
      }
    }
  }
  const reviews: Record<string, LearnerMemory['reviews'][string]> = {};
  if (typeof r.reviews === 'object' && r.reviews !== null) {
    for (const [path, value] of Object.entries(r.reviews as Record<string, unknown>)) {
      const v = value as { at?: unknown; findings?: unknown } | null;
      if (!v || !Number.isFinite(v.at) || !Array.isArray(v.findings)) continue;
      const findings = v.findings.filter((f): f is ReviewedFinding => typeof f?.key === 'string' && typeof f?.ruleId === 'string' && typeof f?.message === 'string');
      reviews[path] = { at: v.at as number, findings };
    }
  }
  const f = r.focus as Partial<NonNullable<LearnerMemory['focus']>> | undefined;
  const level = f && Number.isInteger(f.level) && f.level! >= 1 && f.level! <= 3 ? f.level : undefined;
  const focus =
    f && typeof f.key === 'string' && typeof f.ruleId === 'string' && typeof f.path === 'string'
      ? { key: f.key, ruleId: f.ruleId, path: f.path, ...(level ? { level } : {}) }
      : undefined;
  return { version: 1, attempts: bounded(attempts, MAX_ATTEMPT_RECORDS), reviews: bounded(reviews, MAX_REVIEWS), ...(focus ? { focus } : {}) };
}
