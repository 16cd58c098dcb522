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
  // A logger imported from the project (`from app.logging_config import logger`, `get_logger`).
  // Names that merely contain "log" (`LogisticRegression`, `MetricsLogger`, `catalog`) are not one.
  if (
    [...model.imports].some(
      ([name, path]) =>
        PROJECT_LOGGER.test(name) ||
        path
          .split('.')
          .slice(0, -1)
          .some((part) => LOGGING_PART.test(part)),
    )
  )
    return true;
  // print() in the handlers is print-instead-of-logging's finding: the same lesson once.
  return model.calls.some((c) => c.callee !== undefined && (LOGGER_CALL.test(c.callee) || (c.callee === 'print' && c.inFunction !== undefined)));
}
