import type { EngineNotice, LintResult } from './types';

/**
 * One notice model for every output (CLI text, JSON, SARIF, the teacher): what became of a file.
 * - `checked`: linted, nothing in the way.
 * - `partial`: linted, but the parser hit a syntax error (Python 2 code included) or undecodable
 *   bytes were replaced, so some findings may be missing.
 * - `skipped`: not linted on purpose, with the reason (binary, too large, Helm template, not a
 *   regular file found inside a folder).
 * - `error`: not (fully) linted because something failed: the file or folder could not be read,
 *   a symbolic link loops, a rule or the engine crashed.
 */
export type FileStatus = 'checked' | 'partial' | 'skipped' | 'error';

export const FILE_STATUSES: readonly FileStatus[] = ['checked', 'partial', 'skipped', 'error'];

const STATUS_OF: Readonly<Record<EngineNotice['kind'], FileStatus | undefined>> = {
  syntax: 'partial',
  encoding: 'partial',
  skipped: 'skipped',
  unreadable: 'error',
  'internal-error': 'error',
  // The per-file cap hides findings from the output; the file itself was linted in full.
  truncated: undefined,
};

const WEIGHT: Readonly<Record<FileStatus, number>> = { checked: 0, partial: 1, skipped: 2, error: 3 };

/** The status a notice gives its file, if any. */
export function noticeStatus(notice: EngineNotice): FileStatus | undefined {
  return STATUS_OF[notice.kind];
}

/** The worst status among a file's notices (`error` over `skipped` over `partial`). */
export function fileStatus(result: Pick<LintResult, 'notices'>): FileStatus {
  let status: FileStatus = 'checked';
  for (const notice of result.notices) {
    const next = noticeStatus(notice);
    if (next && WEIGHT[next] > WEIGHT[status]) status = next;
  }
  return status;
}
