import type { PythonModel } from './model';

/** Logging libraries; importing one means the module logs (or configures logging). */
const LOGGING_MODULES = ['logging', 'loguru', 'structlog', 'logbook', 'logzero', 'absl.logging', 'eliot'];
/** A logger or logging set-up imported by name: `logger`, `app_logger`, `get_logger`, `setup_logging`, `log`. */
const PROJECT_LOGGER = /^_?(\w+_)?(log|logs|logger|logging)(_\w+)?$/i;
/** A project module that holds the logging set-up: `app.logging_config`, `utils.logger`, `log_utils`. */
const LOGGING_PART = /^_?(\w+_)?(log|logs|logger|loggers|logging)(_\w+)?$/i;
/** Calls through a logger object: `logger.info`, `log.warning`, `app.logger.error`, `self.log.debug`. */
const LOGGER_CALL = /(^|\.)_?(logger|log|logging|LOGGER|LOG)\.(debug|info|warning|warn|error|exception|critical|log|bind|msg)$/;

/**
 * Does the module log: a logging library or a project logger imported, or a logger called? A
 * print() in a function counts too: that file is print-instead-of-logging's lesson, told once.
 */
export function logs(model: PythonModel): boolean {
  if (LOGGING_MODULES.some((m) => model.importsModule(m))) return true;
  // A logger imported from the project (`from app.logging_config import logger`, `get_logger`),
  // by an absolute or a relative import (`from .logging_config import configure_logging`).
  // Names that merely contain "log" (`LogisticRegression`, `MetricsLogger`, `catalog`) are not one.
  if (
    [...model.imports, ...model.relativeImports].some(
      ([name, path]) =>
        PROJECT_LOGGER.test(name) ||
        path
          .split('.')
          .slice(0, -1)
          .some((part) => LOGGING_PART.test(part)),
    )
  )
    return true;
  // print() in the handlers is print-instead-of-logging's finding: the same lesson once. A start-up
  // message printed by a start-up or shutdown hook is neither (it is fine, and logs no request);
  // a failure printed there is again print-instead-of-logging's.
  return model.calls.some(
    (c) =>
      c.callee !== undefined &&
      (LOGGER_CALL.test(c.callee) || (c.callee === 'print' && c.inFunction !== undefined && (!isLifecycleHook(c.inFunction) || inExcept(c.node, c.inFunction)))),
  );
}

function inExcept(node: PythonModel['calls'][number]['node'], stop: NonNullable<PythonModel['calls'][number]['inFunction']>): boolean {
  for (let n = node.parent; n && n.id !== stop.id; n = n.parent) if (n.type === 'except_clause') return true;
  return false;
}

/** Hooks a server runs once: `@app.on_event("startup")`, a lifespan context manager, Flask's before_first_request. */
const LIFECYCLE_DECORATOR = /\.on_event\s*\(|on_(?:startup|shutdown)|asynccontextmanager|before_(?:first_request|serving)|after_serving/;
const LIFECYCLE_NAME = /^_?(?:on_)?(?:startup|shutdown|lifespan)(?:_event)?$/;

function isLifecycleHook(fn: NonNullable<PythonModel['calls'][number]['inFunction']>): boolean {
  if (LIFECYCLE_NAME.test(fn.childForFieldName('name')?.text ?? '')) return true;
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  return decorated !== undefined && decorated.namedChildren.some((d) => d?.type === 'decorator' && LIFECYCLE_DECORATOR.test(d.text));
}
