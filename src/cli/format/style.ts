import type { Severity } from '../../language/types';
import type { FileStatus } from '../../language/notices';

/**
 * Colour for the text output, decided once per run: FORCE_COLOR (any value but `0`/`false`)
 * turns it on even into a pipe; otherwise NO_COLOR (https://no-color.org, any non-empty value)
 * turns it off; otherwise a terminal on stdout (not TERM=dumb) gets colour.
 */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, stdoutIsTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return stdoutIsTTY && env.TERM !== 'dumb';
}

export type Paint = (text: string) => string;

export interface Style {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly underline: Paint;
  readonly severity: (severity: Severity) => Paint;
  readonly status: (status: FileStatus) => Paint;
}

const sgr =
  (open: number, close: number): Paint =>
  (text) =>
    text ? `\x1b[${open}m${text}\x1b[${close}m` : '';
const plain: Paint = (text) => text;

const SEVERITY_COLOR: Readonly<Record<Severity, Paint>> = { error: sgr(31, 39), warning: sgr(33, 39), info: sgr(36, 39) };
const STATUS_COLOR: Readonly<Record<FileStatus, Paint>> = { checked: plain, partial: sgr(35, 39), skipped: sgr(90, 39), error: sgr(31, 39) };

export function makeStyle(color: boolean): Style {
  if (!color) return { bold: plain, dim: plain, underline: plain, severity: () => plain, status: () => plain };
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    underline: sgr(4, 24),
    severity: (severity) => SEVERITY_COLOR[severity],
    status: (status) => STATUS_COLOR[status],
  };
}
