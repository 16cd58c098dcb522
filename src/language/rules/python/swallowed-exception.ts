import type { Node } from 'web-tree-sitter';
import {
  catchesIoFailure,
  documentedFallback,
  exceptOutcome,
  fallsBack,
  flaskCatchAllFact,
  flaskCatchAllHandlers,
  isSilent,
  probeOutcome,
  returnsErrorValue,
  riskyCall,
} from '../../python/errors';
import { enclosingFunction } from '../../python/nodes';
import { queueTasks } from '../../python/workers';
import { l, pythonRule, type PythonContext } from '../../rule';

const BLIND = /(^|[(,\s])(builtins\.)?(Exception|BaseException)\s*($|[),])/;

export default pythonRule({
  id: 'swallowed-exception',
  language: 'python',
  local: 'statement',
  // A Flask catch-all registered in one statement and defined in another: read in the whole file.
  statementFact: flaskCatchAllFact,
  category: 'error-handling',
  severity: 'warning',
  anchors: ['BLE001', 'E722', 'B110', 'B112', 'W0718', 'W0702'],
  messages: {
    swallowed: l(
      '{what}를 잡은 뒤 아무것도 하지 않습니다 — 오류가 기록되지도, 다시 던져지지도 않습니다',
      '{what} is caught and then ignored — the error is neither logged nor re-raised',
    ),
    unlogged: l(
      "{what}를 '{where}'에서 잡아 응답(또는 상태)으로 바꾸지만 아무 데도 기록하지 않습니다 — 이 실패의 트레이스백은 어디에도 남지 않습니다",
      "{what} is caught in '{where}' and turned into a response (or a status), but nothing logs it — this failure leaves no traceback anywhere",
    ),
    unloggedAppHandler: l(
      "앱 전역 오류 처리기 '{where}'가 모든 예외를 응답으로 바꾸지만 아무것도 기록하지 않습니다 — Exception 처리기가 등록되면 Flask는 더 이상 트레이스백을 남기지 않으므로, 서버 오류가 흔적 없이 사라집니다",
      "The app-wide error handler '{where}' turns every exception into a response but logs nothing — once a handler for Exception is registered Flask no longer logs the traceback, so server errors leave no trace",
    ),
    fallback: l(
      '{what}를 잡아 대신할 값으로 바꾸고 아무것도 기록하지 않습니다 — 호출한 쪽은 그럴듯한 답을 받고, 실패는 흔적 없이 사라집니다',
      '{what} is caught and replaced by a stand-in value with nothing logged — callers get a plausible answer and the failure leaves no trace',
    ),
  },
  docs: {
    summary: l(
      '모든 예외(bare except, Exception, BaseException)를 잡고 로그도 재발생도 없이 넘어가는 except 블록과, 아무것도 기록하지 않는 Flask의 Exception 오류 처리기(등록되면 Flask가 트레이스백을 남기지 않음)를 찾습니다. 요청 핸들러나 큐 태스크에서 모델·네트워크·DB 호출을 감싼 catch-all이 오류 응답(또는 실패 상태)만 돌려주고 아무것도 기록하지 않는 경우, 핸들러 밖에서 catch-all(또는 연결·DB·네트워크 오류)을 잡아 기록 없이 대신할 값을 돌려주거나 대입하는 경우도 찾습니다. 문서화된 대체값, 파싱 오류 같은 좁은 예외, ImportError는 제외합니다.',
      'Flags except blocks that catch everything (bare, Exception, BaseException) and neither log nor re-raise, Flask error handlers registered for Exception that log nothing (Flask stops logging the traceback once one exists), and catch-alls in request handlers or queue tasks that guard a model, network or database call and answer an error response (or mark the job failed) without logging anything, and, outside handlers, a catch-all (or a connection, database or network error) replaced by a stand-in value returned or assigned with nothing logged. A fallback the docstring promises, narrow parse errors and ImportError are left alone.',
    ),
    why: l(
      '조용히 삼킨 오류는 장애를 숨깁니다. 모델이 잘못된 값을 돌려줘도 로그도 메트릭도 남지 않아, 원인을 찾는 데 몇 시간이 걸립니다.',
      'Silently swallowed errors hide incidents. The service keeps answering with wrong values and leaves no log or metric to trace the cause.',
    ),
    bad: 'def load_features(path):\n    try:\n        return open(path).read()\n    except Exception:\n        pass\n',
    good: "import logging\n\nlogger = logging.getLogger(__name__)\n\ndef load_features(path):\n    try:\n        return open(path).read()\n    except OSError:\n        # TODO: 호출한 쪽은 이 실패를 어떻게 알아야 할까요?\n        logger.exception('could not read %s', path)\n        raise\n",
  },
  weeks: ['beginner/6', 'intermediate/6'],
  questions: [
    l('이 except 블록이 실행되었다는 사실을 운영 중에 어떻게 알 수 있을까요?', 'While this runs in production, how would you know this except block was ever hit?'),
    l(
      '여기서 정말 예상하는 예외는 어떤 것들인가요? 예상하지 못한 예외도 똑같이 처리해도 될까요?',
      'Which exceptions do you actually expect here? Should unexpected ones be treated the same way?',
    ),
    l('이 오류를 호출한 쪽(클라이언트, 파이프라인)은 어떻게 알아야 할까요?', 'How should the caller (a client, a pipeline) learn about this error?'),
  ],
  scaffold: {
    ko: '# TODO: 예외 처리 방침 정하기\n# 고려사항:\n# - 여기서 예상하는 예외 타입은 무엇인가요? (너무 넓게 잡고 있지 않나요?)\n# - 로그에 남길 정보는? (logger.exception은 스택 트레이스를 함께 남깁니다)\n# - 복구할 수 없다면 다시 raise 해야 하지 않을까요?\n# TODO: 구체적인 예외 타입으로 좁히고, 기록하거나 다시 던지기\n',
    en: '# TODO: decide how this error is handled\n# Consider:\n# - which exception types do you expect? (is the net too wide?)\n# - what should the log say? (logger.exception keeps the traceback)\n# - if you cannot recover, should it be re-raised?\n# TODO: narrow the exception type, then log or re-raise\n',
  },
  check(context) {
    const { model } = context;
    for (const handler of flaskCatchAllHandlers(model.whole)) {
      if (LOGS.test(handler.body.text) || /^\s*raise\b/m.test(handler.body.text)) continue;
      context.report({ range: handler.range, messageId: 'unloggedAppHandler', data: { where: handler.name } });
    }
    for (const clause of model.excepts) {
      // Read the clause as text: the header gives the caught type, the body lines tell silence.
      const text = model.source.slice(clause.startIndex, clause.endIndex);
      const header = /^except\b\*?\s*([^:]*?)\s*(?:\bas\s+(\w+)\s*)?:/.exec(text);
      if (!header || isImportGuard(clause) || probeOutcome(clause)) continue;
      const type = header[1] === '' ? undefined : header[1];
      const body = text.slice(header[0].length);
      const node = clause.child(0) ?? clause;
      if (type !== undefined && !BLIND.test(type)) {
        reportNarrow(context, clause, type, header[2], body);
        continue;
      }
      const what = type ?? 'bare except';
      const handler = model.enclosingHandler(clause);
      if (isSilent(body) || (returnsErrorValue(body) && !handler)) {
        // `except Exception: pass  # fall through to the heuristic parser`: a parse of the model's
        // text that may fail, said so, with no I/O or model work inside the try.
        if (DOCUMENTED_SILENCE.test(body) && !guardsRiskyWork(model, clause)) continue;
        context.report({ node, messageId: 'swallowed', data: { what } });
        continue;
      }
      // A stand-in returned, or assigned in place of a model, network or database result.
      if (!handler && fallsBack(body, header[2]) && (endsInReturn(clause) || guardsRiskyWork(model, clause)) && !queueTask(model, clause) && !documentedFallback(clause)) {
        context.report({ node, messageId: 'fallback', data: { what } });
        continue;
      }
      // In a request handler or a queue task, a catch-all that answers an error or marks the job
      // failed without a log line is the one place the traceback could have been kept.
      const where = requestOrTask(model, clause);
      // A catch-all answered with a 5xx around work done in another module (a use case, a service
      // object): what it does is not visible here, but the author expected it to fail, and the
      // traceback is dropped there.
      if (
        where &&
        !LOGS.test(body) &&
        exceptOutcome(model.source, clause) !== 'reraise' &&
        (guardsRiskyWork(model, clause) || (handler !== undefined && SERVER_ERROR.test(body) && callsProjectCode(model, clause)))
      ) {
        context.report({ node, messageId: 'unlogged', data: { what, where } });
      }
    }
  },
});

/**
 * Narrow catches stay silent (a default for a malformed value is a contract), except a
 * connection, database or network failure dropped or replaced by a stand-in outside a request
 * handler or a queue task.
 */
function reportNarrow(context: PythonContext, clause: Node, type: string, bound: string | undefined, body: string): void {
  const { model } = context;
  if (!catchesIoFailure(`except ${type}`) || model.enclosingHandler(clause) || queueTask(model, clause)) return;
  const node = clause.child(0) ?? clause;
  if (isSilent(body) && /\bprint\(/.test(body)) context.report({ node, messageId: 'swallowed', data: { what: type } });
  else if (fallsBack(body, bound) && !isSilent(body) && !documentedFallback(clause)) context.report({ node, messageId: 'fallback', data: { what: type } });
}

/** A comment in the clause that says the silence is the plan: a fall-back, a fall-through, an expected failure. */
const DOCUMENTED_SILENCE = /#[^\n]*\b(fall(s|ing)?[ -]?(back|through)|fallback|try (the )?next|heuristic|expected|best[- ]effort)\b/i;

function endsInReturn(clause: Node): boolean {
  const block = clause.namedChildren.find((child) => child?.type === 'block');
  return block?.namedChildren.filter((s) => s && s.type !== 'comment').pop()?.type === 'return_statement';
}

function queueTask(model: PythonContext['model'], clause: Node): boolean {
  const fn = enclosingFunction(clause);
  return fn !== undefined && queueTasks(model).has(fn.id);
}

/**
 * Anything that records the failure: a logger or logging call, a traceback print, an error
 * tracker, or a project helper whose name says it reports (`log_error(e)`, `notify_failure`).
 * A `print(e)` is not logging (issue 9), but exception-logged-without-traceback says so there.
 */
const LOGS = /\b\w*(log|logger|logging|traceback|sentry|capture_exception|capture_message|report|notify|alert|print)\w*\s*[.(]/i;

/**
 * Does the guarded block run a model, a feature step or network/database I/O? Those failures
 * need their traceback; a catch-all around parsing a parameter (`eval`, `int(...)`) answering
 * "invalid input" has little to tell.
 */
function guardsRiskyWork(model: PythonContext['model'], clause: Node): boolean {
  const body = clause.parent?.type === 'try_statement' ? clause.parent.childForFieldName('body') : undefined;
  return body ? model.callsWithin(body.startIndex, body.endIndex).some((call) => riskyCall(model, call) !== undefined) : false;
}

/** The name of the handler or queue task the clause sits in, if any. */
function requestOrTask(model: PythonContext['model'], clause: Node): string | undefined {
  const handler = model.enclosingHandler(clause);
  if (handler) return handler.name;
  const fn = enclosingFunction(clause);
  return fn ? queueTasks(model).get(fn.id) : undefined;
}

/** `try: import x / except Exception: x = None` keeps an optional dependency optional. */
function isImportGuard(clause: Node): boolean {
  const tryBody = clause.parent?.type === 'try_statement' ? clause.parent.childForFieldName('body') : undefined;
  const statements = tryBody?.namedChildren.filter((s) => s && s.type !== 'comment') ?? [];
  return statements.length > 0 && statements.every((s) => s?.type === 'import_statement' || s?.type === 'import_from_statement');
}

/** An answer with a 5xx status: `HTTPException(status_code=500)`, `status.HTTP_500_...`, `abort(503)`, `return {...}, 500`. */
const SERVER_ERROR = /HTTP_5\d\d_|status_code\s*=\s*5\d\d\b|HTTPException\(\s*5\d\d\b|abort\(\s*5\d\d\b|^\s*return\b.*,\s*5\d\d\s*\)?\s*$/m;

/** Modules whose calls are the framework's own plumbing, not the work a handler guards. */
const PLUMBING = /^(flask|fastapi|starlette|django|rest_framework|werkzeug|pydantic|json|typing|datetime|math|re|os|logging)(\.|$)/;

/**
 * The try calls into code imported from elsewhere (`await loader(data)` with `loader = ModelLoadUseCase()`,
 * `service.run(x)` with `from app.services import service`), not the framework or the file's own helpers.
 */
function callsProjectCode(model: PythonContext['model'], clause: Node): boolean {
  const body = clause.parent?.type === 'try_statement' ? clause.parent.childForFieldName('body') : undefined;
  if (!body) return false;
  return model.callsWithin(body.startIndex, body.endIndex).some((call) => {
    const fn = call.node.childForFieldName('function');
    const root = fn ? /^[A-Za-z_]\w*/.exec(model.source.slice(fn.startIndex, fn.endIndex))?.[0] : undefined;
    if (!root) return false;
    const origin = model.imports.get(root) ?? model.instances.get(root);
    return origin !== undefined && !PLUMBING.test(origin);
  });
}
