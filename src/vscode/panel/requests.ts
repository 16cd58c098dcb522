import { CATEGORIES, SEVERITIES, type Finding, type WeekRef } from '../../language/types';
import { parseWeekArgs } from '../../curriculum/progress';

/**
 * Total functions that normalise what reaches the panel from outside: the arguments other
 * features pass to `aiTeacher.openTeacher`. (What the learner's text asks for is the
 * conversation core's reading, `teacher/turn.ts`, the same for every surface.)
 */

export type OpenArgs =
  | { readonly kind: 'none' }
  | { readonly kind: 'finding'; readonly finding: Finding; readonly uri?: string }
  | { readonly kind: 'week'; readonly week: WeekRef }
  | { readonly kind: 'prompt'; readonly prompt: string; readonly send: boolean };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const isPos = (v: unknown): v is { line: number; column: number } =>
  isObj(v) && Number.isInteger(v.line) && Number.isInteger(v.column) && (v.line as number) >= 0 && (v.column as number) >= 0;

/** A finding as another feature passed it; the fields the panel relies on are checked. */
export function parseFinding(v: unknown): Finding | undefined {
  if (!isObj(v)) return undefined;
  const { ruleId, messageId, message, category, severity, range, data, severityReasonId, severityReason } = v;
  if (typeof ruleId !== 'string' || typeof message !== 'string' || !isObj(range) || !isPos(range.start) || !isPos(range.end)) return undefined;
  return {
    ruleId,
    messageId: typeof messageId === 'string' ? messageId : 'default',
    message,
    category: (CATEGORIES as readonly unknown[]).includes(category) ? (category as Finding['category']) : 'reliability',
    severity: (SEVERITIES as readonly unknown[]).includes(severity) ? (severity as Finding['severity']) : 'warning',
    range: { start: { line: range.start.line, column: range.start.column }, end: { line: range.end.line, column: range.end.column } },
    data: isObj(data) ? (data as Finding['data']) : undefined,
    ...(typeof severityReasonId === 'string' && typeof severityReason === 'string' ? { severityReasonId, severityReason } : {}),
  };
}

/** A `vscode.Uri` (anything with a scheme and a `toString`) or a URI string. */
function uriString(v: unknown): string | undefined {
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (isObj(v) && typeof v.scheme === 'string' && typeof v.toString === 'function') return String(v.toString());
  return undefined;
}

/**
 * `aiTeacher.openTeacher` arguments: `{ finding, uri }`, `{ week }` (a ref like `beginner/1`, or
 * `{ track, week }`), `{ prompt }` (asked at once; `{ prompt, send: false }` only fills the chat
 * box). Anything else just reveals the panel.
 */
export function parseOpenArgs(raw: unknown): OpenArgs {
  if (!isObj(raw)) return { kind: 'none' };
  if (raw.finding !== undefined) {
    const finding = parseFinding(raw.finding);
    if (finding) return { kind: 'finding', finding, uri: uriString(raw.uri) };
  }
  if (raw.week !== undefined) {
    const week = parseWeekArgs([raw]);
    if (week) return { kind: 'week', week };
  }
  if (typeof raw.prompt === 'string' && raw.prompt.trim()) return { kind: 'prompt', prompt: raw.prompt.slice(0, 20_000), send: raw.send !== false };
  return { kind: 'none' };
}
