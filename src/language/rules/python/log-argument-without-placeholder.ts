import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/** The standard logging methods whose message is formatted with `msg % args`. */
const LEVEL = /^(debug|info|warning|warn|error|exception|critical|fatal)$/;
/** A receiver that is the logging module or a logger, by how code names one (`logger`, `self._log`, `app.logger`, `LOGGER`). */
const LOGGER = /^(logging|(\w+\.)*(_{0,2}(log|logger|LOG|LOGGER)|\w+_(log|logger|LOG|LOGGER)))$/;
/** Loggers that format another way: loguru with `{}` (extra arguments are dropped silently), structlog with key-value pairs. */
const OTHER_LOGGING = /^\s*(import|from)\s+(loguru|structlog)\b/m;
/** A %-placeholder (`%s`, `%d`, `%.2f`, `%(name)s`); `%%` is a literal percent sign. */
const PLACEHOLDER = /%(\([^)]*\))?[-#0 +]*(\*|\d+)?(\.(\*|\d+))?[diouxXeEfFgGcrsa]/;

export default pythonRule({
  id: 'log-argument-without-placeholder',
  language: 'python',
  local: 'statement',
  category: 'observability',
  severity: 'warning',
  anchors: ['pylint:E1205', 'ruff:PLE1205'],
  messages: {
    noPlaceholder: l(
      '{call}()에 값 {count}개를 넘기지만 메시지에 자리표시자(%s)가 없습니다 — 기록할 때 포매팅 오류가 나서 이 로그 줄은 남지 않고 stderr에 "--- Logging error ---"만 찍힙니다',
      '{call}() is given {count} value(s) but its message has no placeholder (%s) — formatting fails when the record is emitted, so this line is never written; only "--- Logging error ---" reaches stderr',
    ),
  },
  docs: {
    summary: l(
      '표준 logging 호출(logger.info, logging.error ...)에 위치 인자를 넘기면서 메시지 문자열에 % 자리표시자가 하나도 없는 곳을 찾습니다 (print처럼 쉼표로 값을 이어 쓴 경우). loguru·structlog를 쓰는 파일과 테스트 파일은 제외합니다.',
      'Flags standard logging calls (logger.info, logging.error ...) given positional arguments while their message string holds no % placeholder at all (values appended with a comma, as with print). Files that use loguru or structlog, and test files, are skipped.',
    ),
    why: l(
      'logging은 메시지를 msg % args로 나중에 만듭니다. 자리표시자가 없으면 이 단계에서 TypeError가 나고, logging은 그 오류를 삼킨 채 stderr에 traceback만 남깁니다. 요청은 계속되지만, 지연 시간이나 실패 원인처럼 남기려던 값은 어디에도 기록되지 않습니다 — 장애 때 찾아볼 로그가 없습니다.',
      'logging builds the message later, as msg % args. With no placeholder that step raises TypeError, and logging swallows it, leaving only a traceback on stderr. The request goes on, but the value you meant to record (a latency, the cause of a failure) is written nowhere — the log you will look for during an incident is not there.',
    ),
    bad: 'import logging\nimport time\n\nlogger = logging.getLogger(__name__)\n\ndef predict(model, x):\n    start = time.perf_counter()\n    y = model.predict(x)\n    logger.info("elapsed time: ", time.perf_counter() - start)\n    return y\n',
    good: 'import logging\nimport time\n\nlogger = logging.getLogger(__name__)\n\ndef predict(model, x):\n    start = time.perf_counter()\n    y = model.predict(x)\n    # TODO: 이 값은 로그 말고 메트릭(히스토그램)으로도 남겨야 할까요?\n    logger.info("elapsed time: %.3f s", time.perf_counter() - start)\n    return y\n',
  },
  weeks: ['beginner/6', 'intermediate/6'],
  questions: [
    l(
      '이 줄이 실행될 때 logging은 메시지와 값을 어떻게 합칠까요? 합치지 못하면 로그 파일에는 무엇이 남을까요?',
      'When this line runs, how does logging combine the message and the value? If it cannot, what ends up in the log file?',
    ),
    l(
      '이 로그 줄이 없다는 것을 장애가 나기 전에 어떻게 알아챌 수 있을까요? (테스트, 린터)',
      'How could you notice that this log line is missing before an incident does? (a test, a linter)',
    ),
  ],
  scaffold: {
    ko: '# TODO: 로그 메시지에 값의 자리 만들기\n# 고려사항:\n# - 값마다 %s(또는 %d, %.3f) 자리표시자가 하나씩 있나요?\n# - f-문자열 대신 자리표시자를 쓰면 로그 수준이 꺼져 있을 때 포매팅을 건너뜁니다\n# - 이 값은 메트릭으로도 남겨야 할까요?\n# logger.info("TODO: 메시지 %s", value)\n',
    en: '# TODO: give every logged value a place in the message\n# Consider:\n# - is there one %s (or %d, %.3f) placeholder per value?\n# - placeholders instead of f-strings skip the formatting when the level is off\n# - should this value also be a metric?\n# logger.info("TODO: message %s", value)\n',
  },
  query: '(call function: (attribute object: (_) @receiver attribute: (identifier) @method) arguments: (argument_list . (string) @message)) @call',
  check(context) {
    const { model } = context;
    if (isTestPath(context.path) || OTHER_LOGGING.test(model.source)) return;
    for (const { captures } of context.matches) {
      const { receiver, method, message, call } = captures;
      if (!LEVEL.test(method.text) || !LOGGER.test(receiver.text) || PLACEHOLDER.test(message.text)) continue;
      const values = message.parent?.namedChildren.filter((argument) => argument !== null && argument.id !== message.id) ?? [];
      // Keywords (`exc_info=`, `extra=`, `stack_info=`) are options, not values; a splat may hold none.
      if (values.some((argument) => argument?.type === 'list_splat' || argument?.type === 'dictionary_splat')) continue;
      const positional = values.filter((argument) => argument?.type !== 'keyword_argument' && argument?.type !== 'comment');
      if (positional.length === 0) continue;
      context.report({ node: call, messageId: 'noPlaceholder', data: { call: `${receiver.text}.${method.text}`, count: String(positional.length) } });
    }
  },
});
