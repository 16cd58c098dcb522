// Types of the action's step script for the tests (the script itself stays plain JavaScript, so a
// runner can execute it without a build).
export const COMMENT_MARKER: string;
export function targets(raw: string, root: string, actionRoot?: string): string[];
export interface SarifRow {
  readonly ruleId: string;
  readonly level: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
}
export function sarifRows(sarif: unknown): SarifRow[];
export function eventRange(event: unknown): { base?: string; head?: string; pr?: number };
export function summaryMarkdown(input: {
  rows: readonly SarifRow[];
  reviews: readonly { file: string; markdown: string }[];
  chosenBy: 'changed' | 'findings';
  omitted: number;
  ko: boolean;
}): string;
