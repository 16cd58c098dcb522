import type { Node } from 'web-tree-sitter';
import { keywordArgument, positionalArguments } from './nodes';
import type { PythonModel } from './model';
import { isTestPath } from './test-code';

/** Standard-library handlers that write to a file (a rotating one is still a file in the container). */
const FILE_HANDLER = /(^|\.)(FileHandler|RotatingFileHandler|TimedRotatingFileHandler|WatchedFileHandler)$/;
/** Handlers and set-ups that reach the process's own streams, or configure logging where this module cannot see. */
const STREAM_OUTPUT = /(^|\.)(StreamHandler|RichHandler|dictConfig|fileConfig|setup_logging|configure_logging|enable_logging|setup_logger|configure_logger)$/;
/** Libraries whose default sink is stderr (loguru, structlog), or that replace the standard set-up. */
const OWN_SINKS = ['loguru', 'structlog', 'coloredlogs', 'logzero', 'google.cloud.logging', 'rich.logging'];

export interface FileLog {
  /** The `filename=` argument of `basicConfig`, or the file handler's creation. */
  readonly node: Node;
  /** The file as written (shortened). */
  readonly file: string;
}

/**
 * The first place a module sends its logs to a file, when nothing in it sends them to a stream:
 * `basicConfig(filename=...)` or a file handler (`FileHandler`, a rotating one). A `basicConfig()`
 * with neither a file nor handlers writes to stderr, and so does one given `stream=`; a
 * `StreamHandler` anywhere, a `dictConfig`/`fileConfig` set-up or a project helper that sets
 * logging up elsewhere (`setup_logging()`, not defined here) leave the question open, so no answer.
 * Flask's `app.logger` keeps its stderr handler when a file handler is added beside it.
 */
export function fileOnlyLogging(model: PythonModel): FileLog | undefined {
  if (isTestPath(model.path) || OWN_SINKS.some((m) => model.importsModule(m))) return undefined;
  if (!/Handler|basicConfig/.test(model.source)) return undefined;
  if (/\b\w*app(lication)?\.logger\.addHandler\s*\(/i.test(model.source) && !/removeHandler\s*\(\s*(flask\.logging\.)?default_handler/.test(model.source)) return undefined;
  const own = new Set(model.functions.map((fn) => fn.childForFieldName('name')?.text));
  let first: FileLog | undefined;
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    if (STREAM_OUTPUT.test(callee) && !own.has(callee.slice(callee.lastIndexOf('.') + 1))) return undefined;
    if (/(^|\.)basicConfig$/.test(callee)) {
      const filename = keywordArgument(call.node, 'filename');
      if (!filename) {
        if (!keywordArgument(call.node, 'handlers')) return undefined;
        continue;
      }
      if (keywordArgument(call.node, 'stream')) return undefined;
      first ??= { node: filename.parent?.type === 'keyword_argument' ? filename.parent : call.node, file: shorten(filename.text) };
    } else if (FILE_HANDLER.test(callee)) {
      const path = positionalArguments(call.node)[0] ?? keywordArgument(call.node, 'filename');
      first ??= { node: call.node, file: shorten(path?.text ?? callee) };
    }
  }
  return first;
}

/** The project fact: a module (often a `logger.py` helper) whose logging goes only to a file. */
export function fileLogFacts(model: PythonModel): { fileOnlyLog?: { line: number; file: string } } {
  const log = fileOnlyLogging(model);
  return log ? { fileOnlyLog: { line: log.node.startPosition.row, file: log.file } } : {};
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
