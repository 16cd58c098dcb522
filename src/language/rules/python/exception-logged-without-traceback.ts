import type { Node } from 'web-tree-sitter';
import { catchesEverything, enclosingExcept, exceptName, exceptOutcome, HTTP_ERROR, inAnyExcept, silentCatchAll } from '../../python/errors';
import { writtenCallee } from '../../python/nodes';
import { keywordArgument, type PythonModel } from '../../python/model';
import { decoratorsOf, enclosingClass, enclosingFunction } from '../../python/nodes';
import { parameterName } from '../../python/requests';
import { enclosingWorkerLoop } from '../../python/workers';
import { l, pythonRule, type PythonContext } from '../../rule';

/** Receivers that are loggers: `logger`, `log`, `logging`, `app.logger`, `self.logger`, `_LOG`. */
const LOGGER = /(^|\.)_?(logger|log|logging)$/i;
/**
 * The same except block keeps the traceback another way: `traceback.format_exc()` in the message,
 * `traceback.print_exc()`, a `logger.exception` or `exc_info=` call beside this one, an error
 * tracker (`sentry_sdk.capture_exception`), or loguru's `logger.opt(exception=True)`.
 */
const TRACEBACK_KEPT =
  /\btraceback\.(format_exc|print_exc|format_exception|print_exception|format_tb|print_tb)\s*\(|\.exception\s*\(|\b(exc_info|stack_info)\s*=|\bcapture_exception\s*\(|\.opt\s*\(\s*exception\s*=/;

export default pythonRule({
  id: 'exception-logged-without-traceback',
  language: 'python',
  // Not local: helper code that logs the same way in three or more except blocks of a class or
  // module gets one finding for them all, so an edit anywhere in the file can change it.
  category: 'error-handling',
  severity: 'info',
  anchors: ['TRY400', 'BLE001'],
  messages: {
    logged: l(
      '잡은 예외를 {call}로 남기면서 스택 트레이스는 버립니다 — 어디서 왜 실패했는지는 로그에 없습니다',
      'The caught exception is logged with {call} and its traceback is dropped — the log says that it failed, not where or why',
    ),
    loggedSwallowed: l(
      '예외를 {call}로 메시지만 남기고 넘어갑니다 — 스택 트레이스도 없이 실패가 묻힙니다',
      'The exception is logged with {call} as a message only and then swallowed — the failure is buried without its traceback',
    ),
    repeated: l(
      '잡은 예외를 {call}로 메시지만 남기는 곳이 여기와 같은 {scope}에 {more}곳 더 있습니다 — 어느 실패에도 스택 트레이스가 남지 않습니다',
      'The caught exception is logged with {call} as a message only, here and in {more} more except blocks of this {scope} — none of these failures keeps its traceback',
    ),
    loggedReraised: l(
      '잡은 예외를 {call}로 메시지만 남긴 뒤 다시 raise합니다 — 이 줄에는 스택 트레이스가 없고, 위에서 또 기록하면 같은 실패가 두 번 남습니다',
      'The caught exception is logged with {call} as a message only and then re-raised — this line has no traceback, and whoever logs it upstream records the same failure twice',
    ),
    appHandler: l(
      '앱 전역 예외 처리기가 예외를 {call}로 메시지만 남깁니다 — 다른 곳에서 잡지 않은 모든 실패가 여기서 500으로 끝나는데, 그 유일한 기록에 스택 트레이스가 없습니다',
      'The app’s catch-all error handler logs the exception with {call} as a message only — every failure nothing else caught ends here as a 500, and its only record has no traceback',
    ),
    printed: l(
      '잡은 예외를 print로만 알립니다 — 레벨도 스택 트레이스도 없어 로그 수집기에서 찾을 수 없습니다',
      'The caught exception is only printed — no level and no traceback, nothing a log collector can find',
    ),
  },
  severityReasons: {
    swallowed: {
      severity: 'warning',
      message: l(
        '오류를 기록한 뒤 삼켜 버려서, 이 한 줄이 실패의 유일한 흔적인데 스택 트레이스가 없습니다',
        'the error is swallowed after this line, so the one trace of the failure has no stack trace',
      ),
    },
  },
  docs: {
    summary: l(
      '모든 예외를 잡는 except 블록에서 logger.error(str(e))처럼 메시지만 기록하거나 print(e)로 출력하는 코드를 찾습니다 (logger.exception, exc_info=True, traceback.format_exc(), Sentry 같은 오류 추적기, 다른 예외를 raise하는 경우는 제외). 오류 메시지를 error 레벨로 남긴 뒤 같은 예외를 다시 raise하는 경우도 찾습니다 (Ruff TRY400; 서버가 트레이스백을 기록하는 요청 핸들러와 미들웨어는 제외). 요청 핸들러 밖의 도우미 코드가 한 클래스나 모듈의 세 곳 이상에서 그러면 첫 곳에서 한 번만 알립니다. 모든 예외를 받는 앱 전역 예외 처리기가 예외를 메시지로만 남기는 경우도 찾습니다.',
      'Flags except blocks that catch everything and log only the message (logger.error(str(e))) or print the exception (not logger.exception, exc_info=True, traceback.format_exc(), an error tracker such as Sentry, or raising another exception). Logging the error’s text at error level and then re-raising the same exception is reported too (Ruff TRY400), except in request handlers and middleware, whose server logs what they re-raise. Helper code that does it in three or more blocks of one class or module is told once, on the first. The app’s catch-all error handler logging the exception it receives as a message only is reported too.',
    ),
    why: l(
      '운영 장애를 조사할 때 가장 먼저 필요한 것은 어느 줄에서 어떤 호출 경로로 실패했는지입니다. 메시지만 남기면 "NoneType has no attribute ..." 한 줄로 원인을 추측해야 합니다.',
      'When you investigate an incident, the first thing you need is the line and call path that failed. A message alone leaves you guessing from a single "NoneType has no attribute ..." line.',
    ),
    bad: "import logging\n\nlogger = logging.getLogger(__name__)\n\ndef load():\n    try:\n        return open('model.bin', 'rb').read()\n    except Exception as e:\n        logger.error(f'failed to load model: {e}')\n        return None\n",
    good: "import logging\n\nlogger = logging.getLogger(__name__)\n\ndef load():\n    try:\n        return open('model.bin', 'rb').read()\n    except Exception:\n        # TODO: 모델 없이 서비스가 계속 떠 있어도 될까요?\n        logger.exception('failed to load model')\n        raise\n",
  },
  weeks: ['beginner/6', 'intermediate/6'],
  questions: [
    l('이 로그 한 줄만 보고, 실패가 어느 파일 몇 번째 줄에서 났는지 알 수 있을까요?', 'From this one log line, could you tell which file and line the failure came from?'),
    l(
      '{call|logger.error()} 대신 로거의 exception()으로 기록하면 로그에 무엇이 더 남을까요?',
      "What would the log hold if the logger's exception() were called instead of {call|logger.error()}?",
    ),
    l('예외를 기록한 뒤 이 코드는 계속 진행하나요, 멈추나요? 그 선택이 맞나요?', 'After logging, does this code carry on or stop? Is that the right choice?'),
  ],
  scaffold: {
    ko: '# TODO: 예외를 스택 트레이스와 함께 기록하기\n# 고려사항:\n# - logger.exception(...) 또는 logger.error(..., exc_info=True)\n# - 메시지에 무엇을 함께 남길까요? (요청 id, 입력 크기 — 개인정보는 빼고)\n# - 기록한 뒤 계속 진행해도 되나요, 다시 raise 해야 하나요?\n# TODO: 메시지만 남기는 로그를 바꾸기\n',
    en: '# TODO: log the exception with its traceback\n# Consider:\n# - logger.exception(...) or logger.error(..., exc_info=True)\n# - what context goes with it? (request id, input size — no personal data)\n# - after logging, carry on or re-raise?\n# TODO: replace the message-only log call\n',
  },
  callees: [/(^|\.)(error|critical|fatal)$/, 'print'],
  check(context) {
    const { model } = context;
    // Helper code (outside request handlers and worker loops) that logs every failure the same way is
    // one habit: from the third block in a class, or among a module's functions, it is said once.
    const habits = new Map<string, { node: Node; call: string; swallowed: boolean; reraised: boolean; scope: 'class' | 'module' }[]>();
    for (const call of context.calls) {
      const printed = call.callee === 'print';
      const written = writtenCallee(model, call);
      if (!printed && !LOGGER.test(written.slice(0, written.lastIndexOf('.')))) continue;
      const clause = inAnyExcept(model, call.node) ? enclosingExcept(call.node) : undefined;
      if (!clause) {
        reportInAppHandler(context, call.node, call.inFunction, printed ? 'print()' : `${written}()`);
        continue;
      }
      const header = /^except\b[^:\n]*/.exec(model.source.slice(clause.startIndex, clause.startIndex + 200))?.[0] ?? '';
      if (!catchesEverything(header) && !narrowFailureLogged(model, clause, header, call.node, written)) continue;
      if (!printed && (keywordArgument(call.node, 'exc_info') || keywordArgument(call.node, 'stack_info'))) continue;
      // Code only: a comment (a TODO scaffold naming logger.exception) keeps no traceback.
      const body = model.source.slice(clause.startIndex, clause.endIndex).replace(/#[^\n]*/g, '');
      if (TRACEBACK_KEPT.test(body)) continue;
      const outcome = exceptOutcome(model.source, clause);
      // A bare `raise` (or a chained `raise ... from e`) passes the traceback on to whoever logs it;
      // so does raising any other non-HTTP exception, which Python chains to this one implicitly.
      // Logging the error's text at error level and then re-raising it (Ruff TRY400) still drops the
      // traceback from this line, and the failure is usually logged twice.
      // A new exception chained with `from` is a translation the log line may explain; left alone.
      const reraised = outcome === 'reraise' && !/^\s*raise\b[^\n]*\bfrom\b/m.test(body);
      if (reraised && (printed || !/\.(error|critical)$/.test(written) || !mentionsException(model.source, clause, call.node) || servedUpward(model, call.node))) continue;
      const raised = /^\s*raise\s+([\w.]+)/m.exec(body.replace(/^[^\n]*\n?/, ''));
      if (!reraised && raised && !HTTP_ERROR.test(raised[1]) && !/^(abort|self\.retry)$/.test(raised[1])) continue;
      if (printed) {
        // A catch-all that only prints is swallowed-exception's lesson (the failure goes on as if
        // nothing happened); a second finding on the same clause would say a smaller thing twice.
        if (silentCatchAll(model.source, clause)) continue;
        // A script may print its errors to its user; a service or a worker must log them.
        const name = exceptName(model.source, clause);
        const mentions = name !== undefined && new RegExp(`\\b${name}\\b`).test(call.node.text);
        if (mentions && (model.role === 'serving' || enclosingWorkerLoop(model, call.node))) context.report({ node: call.node, messageId: 'printed', data: { call: 'print()' } });
        continue;
      }
      // Swallowed, the failure is gone for good (a model that never loaded, a message dropped):
      // a warning. Answered with an HTTP error, the client at least sees it failed: info.
      // `sys.exit(1)` ends the process with a failure: nothing is buried, only the traceback is lost.
      const swallowed = outcome === 'swallow' && !/\b(sys\.)?exit\s*\(\s*([1-9]|[A-Za-z_'"])/.test(body);
      if (!model.enclosingHandler(call.node) && !enclosingWorkerLoop(model, call.node)) {
        const owner = enclosingClass(call.node);
        // Logging before a re-raise is another habit than logging instead of raising: each is told apart.
        const key = `${owner?.id ?? -1}:${reraised}`;
        habits.set(key, [...(habits.get(key) ?? []), { node: call.node, call: `${written}()`, swallowed, reraised, scope: owner ? 'class' : 'module' }]);
        continue;
      }
      context.report({
        node: call.node,
        messageId: reraised ? 'loggedReraised' : swallowed ? 'loggedSwallowed' : 'logged',
        data: { call: `${written}()` },
        ...(swallowed ? { severityReason: 'swallowed' } : {}),
      });
    }
    for (const found of habits.values()) {
      const swallowed = found.some((f) => f.swallowed);
      if (found.length >= 3) {
        const [first] = found;
        const data = { call: first.call, more: found.length - 1, scope: first.scope };
        context.report({ node: first.node, messageId: 'repeated', data, ...(swallowed ? { severityReason: 'swallowed' } : {}) });
        continue;
      }
      for (const f of found) {
        const messageId = f.reraised ? 'loggedReraised' : f.swallowed ? 'loggedSwallowed' : 'logged';
        context.report({ node: f.node, messageId, data: { call: f.call }, ...(f.swallowed ? { severityReason: 'swallowed' } : {}) });
      }
    }
  },
});

/** `@app.exception_handler(Exception)`, `@app.errorhandler(500)`: a handler for every unexpected failure of the app. */
const CATCH_ALL_DECORATOR = /\.(exception_handler|errorhandler)\s*\(\s*(?:[\w.]*\.)?(Exception|BaseException|500|InternalServerError|INTERNAL_SERVER_ERROR)\s*\)/;

/**
 * A log call in the app's catch-all error handler that records the exception as a message only.
 * Every failure nothing else caught ends here and is answered with a 500, so this line is the
 * only record the service keeps of it: without `exc_info` the traceback is gone.
 */
/** `fn` is the call's innermost function (`CallInfo.inFunction`, the `enclosingFunction` of `node`). */
function reportInAppHandler(context: PythonContext, node: Node, fn: Node | undefined, call: string): void {
  const { model } = context;
  if (!fn || !appCatchAll(model, fn)) return;
  const parameters = fn.childForFieldName('parameters')?.namedChildren ?? [];
  const last = parameters[parameters.length - 1];
  const exc = last ? parameterName(last) : undefined;
  if (!exc || !new RegExp(`\\b${exc}\\b`).test(node.text) || keywordArgument(node, 'exc_info') || keywordArgument(node, 'stack_info')) return;
  if (TRACEBACK_KEPT.test(model.source.slice(fn.startIndex, fn.endIndex).replace(/#[^\n]*/g, ''))) return;
  context.report({ node, messageId: call === 'print()' ? 'printed' : 'appHandler', data: { call }, severityReason: 'swallowed' });
}

/** Does the file register an error handler by a call at all? Asked once per file, not once per log call. */
const registersHandlers = new WeakMap<PythonModel, boolean>();
const REGISTERS_HANDLER = /\.(add_exception_handler|register_error_handler)\s*\(/;

/** `appCatchAll` of each function of a model, by its start: a function may log many times, and reading its decorators crosses into WASM. */
const catchAllOf = new WeakMap<PythonModel, Map<number, boolean>>();

function appCatchAll(model: PythonModel, fn: Node): boolean {
  let known = catchAllOf.get(model);
  if (!known) catchAllOf.set(model, (known = new Map()));
  let answer = known.get(fn.startIndex);
  if (answer === undefined) known.set(fn.startIndex, (answer = computeAppCatchAll(model, fn)));
  return answer;
}

function computeAppCatchAll(model: PythonModel, fn: Node): boolean {
  if (decoratorsOf(fn).some((d) => CATCH_ALL_DECORATOR.test(d.text))) return true;
  let registers = registersHandlers.get(model);
  if (registers === undefined) registersHandlers.set(model, (registers = REGISTERS_HANDLER.test(model.source)));
  if (!registers) return false;
  const name = fn.childForFieldName('name')?.text;
  return (
    name !== undefined &&
    new RegExp(`\\.(add_exception_handler|register_error_handler)\\s*\\(\\s*(?:[\\w.]*\\.)?(Exception|BaseException|500|InternalServerError)\\s*,\\s*${name}\\s*\\)`).test(
      model.source,
    )
  );
}

/**
 * A request handler or middleware that re-raises hands the exception to the server, which logs
 * it with its traceback: the message line before it is context, not the only record.
 */
function servedUpward(model: PythonModel, node: Node): boolean {
  if (model.enclosingHandler(node)) return true;
  const fn = enclosingFunction(node);
  const decorated = fn?.parent?.type === 'decorated_definition' ? model.source.slice(fn.parent.startIndex, fn.startIndex) : '';
  return /\.middleware\s*\(|\bBaseHTTPMiddleware\b/.test(decorated) || /\bcall_next\b/.test(fn?.childForFieldName('parameters')?.text ?? '');
}

/**
 * Named exceptions for failures nobody expected of a dependency (a network, cloud, database or
 * runtime error), whose traceback says where and why; a specific expected failure
 * (`FileNotFoundError`, `KeyError`, a JSON or validation error) is the whole story in its message.
 */
const UNEXPECTED_FAILURE =
  /\b(RequestException|HTTPError|ConnectionError|ConnectTimeout|ReadTimeout|ClientError|BotoCoreError|RuntimeError|OSError|IOError|TimeoutError|SQLAlchemyError|DatabaseError|OperationalError|APIError|OpenAIError|GoogleAPICallError|KafkaError|AMQPError|RedisError)\b/;

/**
 * A named exception of that kind (`except requests.RequestException as e`, `except ClientError as
 * e`) logged at error level with its text and then handled here (not raised on, or answered with
 * an HTTP error): Ruff's TRY400 asks for `logger.exception` in any handler, and reviewers flag it
 * as they do for a catch-all. Clauses that raise on (the traceback travels) are left alone.
 */
function narrowFailureLogged(model: PythonModel, clause: Node, header: string, call: Node, written: string): boolean {
  if (!/\.(error|critical)$/.test(written) || !UNEXPECTED_FAILURE.test(header) || !mentionsException(model.source, clause, call)) return false;
  // An HTTP error raised without `from` ends the failure here too: the server logs no traceback for it.
  const raised = /^\s*raise\b\s*([\w.]*)[^\n]*/m.exec(model.source.slice(clause.startIndex, clause.endIndex).replace(/^[^\n]*\n?/, ''));
  return !raised || (HTTP_ERROR.test(raised[1]) && !/\bfrom\b/.test(raised[0]));
}

/** Does the logging call put the caught exception into its message (`str(e)`, `{e}`, `%s`, e)? */
function mentionsException(source: string, clause: Node, call: Node): boolean {
  const name = exceptName(source, clause);
  return name !== undefined && new RegExp(`\\b${name}\\b`).test(call.text);
}

/** The class whose body holds this node, if any (through nested functions). */
