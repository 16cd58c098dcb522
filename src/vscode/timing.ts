/**
 * Where a check in the editor spends its time, as performance marks that the editor bench
 * (`npm run bench:editor`, test/integration/bench.test.ts) reads in the same extension host: one
 * mark per phase, only the latest of each kept, with the document's URI as its detail. A mark
 * costs about a microsecond, so they stay on.
 *
 * - `saving`: VS Code announced a save (will-save), where the saved text's check begins;
 * - `event`: VS Code told the extension the document opened or was saved;
 * - `lint`: the check started;
 * - `engine`, `config`: the parser and the project config were there;
 * - `parsed`, `matched`, `checked`: the engine parsed the text, ran the rules' queries, ran the
 *   rules (`LintOptions.onPhase`);
 * - `linted`: the engine returned the findings (after the project facts);
 * - `converted`: the findings became diagnostics;
 * - `published`: the diagnostics went to VS Code (before the extension host's 50 ms batching).
 */
export const LINT_PHASES = ['saving', 'event', 'lint', 'engine', 'config', 'parsed', 'matched', 'checked', 'linted', 'converted', 'published'] as const;
export type LintPhase = (typeof LINT_PHASES)[number];

export function phaseMark(phase: LintPhase): string {
  return `ai-teacher:${phase}`;
}

export function markPhase(phase: LintPhase, uri: string): void {
  const name = phaseMark(phase);
  performance.clearMarks(name);
  performance.mark(name, { detail: uri });
}

/** The mark of the extension host's start-up steps (`markStartup`). */
export const STARTUP_MARK = 'ai-teacher:startup';
/** Start-up marks kept at most: the steps happen once per extension host, this only bounds a long session's. */
const STARTUP_MARKS = 200;
let startupMarks = 0;

/**
 * One step of what the extension does once per extension host after activation, with what it
 * is as the detail: the parser's runtime and each grammar loaded, a grammar's queries compiled
 * and its parser and rules warmed up (one mark per step), the project index started, listed and
 * built. The editor bench prints them as the timeline of the first open, next to the check's
 * phases, so that it shows what ran before the open's event arrived and what it waited for.
 */
export function markStartup(step: string): void {
  if (startupMarks++ < STARTUP_MARKS) performance.mark(STARTUP_MARK, { detail: step });
}
