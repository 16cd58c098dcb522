import type { Node } from 'web-tree-sitter';
import { appErrorHandlers, catchesEverything, flaskCatchAllFact, flaskCatchAllHandlers, guardsOnlyRequestParsing, HTTP_ERROR } from '../../python/errors';
import type { HandlerInfo, PythonModel } from '../../python/model';
import { enclosingFunction } from '../../python/nodes';
import { l, pythonRule, type PythonContext } from '../../rule';

/** Exceptions that mean the client sent something wrong. */
const CLIENT_ERRORS = /\b(KeyError|ValueError|TypeError|IndexError|LookupError|JSONDecodeError|ValidationError|BadRequest\w*|UnicodeDecodeError|AssertionError)\b/;
/** A 400/422 answer: `abort(400)`, `HTTPException(status_code=400)`, `return ..., 400`, `status=422`. */
const CLIENT_STATUS = /\babort\(\s*4(00|22)\b|\bstatus(_code)?\s*=\s*(4(00|22)\b|(status\.)?HTTP_4(00|22)_)|,\s*4(00|22)\s*\)?\s*$|\bHTTP_4(00|22)_\w+/m;
/** An error body: `{"error": ...}`, `jsonify(error=...)`, `{"status": "error"}`, `{"success": False}`. */
const ERROR_BODY = /['"](error|errors|err|exception)['"]\s*:|\b(error|errors)\s*=|['"]status['"]\s*:\s*['"](error|failed|failure)['"]|['"]success['"]\s*:\s*False/;
/**
 * A status written out: a keyword, a trailing `, 404`, `abort(...)`, a named constant, or a
 * response helper given a non-2xx status first (`respond(400, body)`, `make_response(500, {...})`,
 * the usual shape of a Lambda proxy's answer builder).
 */
const ANY_STATUS =
  /\bstatus(_code)?\s*=|,\s*[1-5]\d\d\s*\)?\s*$|\babort\(|\bHTTP_[1-5]\d\d_|\bHttpResponse(BadRequest|NotFound|Forbidden|NotAllowed|Gone|ServerError)\b|\b[A-Za-z_][\w.]*\(\s*(?:[345]\d\d|HTTPStatus\.(?!OK\b)[A-Z_]+)\s*,/m;

/** A 500 answer: `abort(500)`, `status_code=500`, `HTTP_500_...`, `return ..., 500`, `InternalServerError(...)`. */
const SERVER_STATUS =
  /\babort\(\s*500\b|\bstatus(_code)?\s*=\s*(500\b|(status\.)?HTTP_500_\w*)|,\s*500(?=\s*\)?\s*(#[^\n]*)?$)|\bHTTPException\(\s*500\b|\bHTTP_500_INTERNAL_SERVER_ERROR\b|\bHttpResponseServerError\b|\bInternalServerError\(/m;
/** The request's own input: the body, form, query or files, a JSON parse, a schema's validation of it. */
const REQUEST_INPUT =
  /\brequest\.(json|get_json|form|args|files|values|data|body|POST|GET|query_params|path_params)\b|\bapi\.payload\b|\bjson\.loads\(|\.(model_validate|model_validate_json|parse_obj|parse_raw)\(|\bschema\.loads?\(|\bjsonschema\.validate\(/;

/** Does the `try` this clause belongs to read the request's input? */
function readsRequestInput(model: PythonModel, clause: Node): boolean {
  const body = clause.parent?.type === 'try_statement' ? clause.parent.childForFieldName('body') : undefined;
  return body ? REQUEST_INPUT.test(model.source.slice(body.startIndex, body.endIndex)) : false;
}

export default pythonRule({
  id: 'wrong-error-status',
  language: 'python',
  // Each finding is judged in its handler, except clause or `if` branch; what it reads elsewhere is the fact below.
  local: 'statement',
  statementFact,
  category: 'error-handling',
  severity: 'warning',
  anchors: ['B904', 'gap:error-status-mapping'],
  messages: {
    clientAs500: l(
      "핸들러 '{handler}'가 입력 오류({caught})를 {raised}로 바꿔 던집니다 — 클라이언트 실수가 500이 되고, 원래 예외는 from 없이 사라집니다",
      "The handler '{handler}' turns a client error ({caught}) into {raised} — a client mistake becomes a 500, and without `from` the original exception is dropped",
    ),
    clientErrorAs500: l(
      "핸들러 '{handler}'가 잘못된 요청 입력({caught})을 500으로 응답합니다 — 잘못된 입력은 클라이언트가 고칠 수 있는 400/422이고, 500은 서버 고장으로 세어집니다",
      "The handler '{handler}' answers bad request input ({caught}) with a 500 — bad input is a 400/422 the client can fix, and a 500 is counted as a server fault",
    ),
    allAs400: l(
      "핸들러 '{handler}'가 모든 예외를 400으로 응답합니다 — 서버 쪽 고장도 클라이언트 잘못처럼 보입니다",
      "The handler '{handler}' answers every exception with a 400 — a server-side fault looks like the client's mistake",
    ),
    errorAs200: l(
      "핸들러 '{handler}'가 실패를 200 OK 응답 본문에 담아 돌려줍니다 — 클라이언트, 재시도, 모니터링 모두 성공으로 봅니다",
      "The handler '{handler}' returns a failure inside a 200 OK body — clients, retries and monitoring all see a success",
    ),
    unavailableAs4xx: l(
      "핸들러 '{handler}'가 모델이 준비되지 않았을 때 {status}로 응답합니다 — 클라이언트 잘못도 알 수 없는 고장도 아니라 잠시 쓸 수 없는 상태이니 503이 맞습니다(로드 밸런서와 클라이언트가 다시 시도합니다)",
      "The handler '{handler}' answers {status} when the model is not loaded — that is neither the client's mistake nor an unknown fault but a service that is not ready (503, which load balancers and clients retry)",
    ),
    taskFailureAs200: l(
      "핸들러 '{handler}'가 작업 상태를 언제나 200으로 돌려줍니다 — 실패한 작업도 성공 응답이 되어, 클라이언트와 모니터링은 상태 문자열을 읽어야만 실패를 압니다",
      "The handler '{handler}' answers every task state with a 200 — a failed task is a successful response, and clients and monitoring only learn of the failure by parsing a state string",
    ),
    notFoundAs400: l(
      "핸들러 '{handler}'가 요청한 대상이 없을 때 400으로 응답합니다('{text}') — 요청 형식은 맞았으니 404가 맞습니다. 400은 클라이언트가 고칠 수 없는 것을 고치라고 말합니다",
      "The handler '{handler}' answers 400 when what the client asked for does not exist ('{text}') — the request was well-formed, so this is a 404; a 400 tells the client to fix something it cannot fix",
    ),
    failureAs404: l(
      "핸들러 '{handler}'가 실패를 404로 응답합니다('{text}') — 404는 요청한 대상이 없다는 뜻이라, 서버 쪽 실패(5xx)나 잘못된 요청(400)이 클라이언트·재시도·모니터링에는 '없는 자원'으로 보입니다",
      "The handler '{handler}' answers a failure with 404 ('{text}') — a 404 says the thing asked for does not exist, so a server fault (5xx) or a bad request (400) reaches clients, retries and monitoring as a missing resource",
    ),
    pendingAs400: l(
      "핸들러 '{handler}'가 작업이 아직 진행 중일 때 400으로 응답합니다('{text}') — 요청에는 잘못이 없으니, 202(나중에 다시 조회)가 맞습니다",
      "The handler '{handler}' answers 400 while the job is still running ('{text}') — nothing is wrong with the request; a 202 tells the client to poll again later",
    ),
    nullAs200: l(
      "핸들러 '{handler}'가 모든 예외를 잡아 기록만 하고 넘어가, 실패한 요청이 200 OK와 빈 본문(null)으로 끝납니다 — 클라이언트는 성공으로 읽고, 오류율에도 잡히지 않습니다",
      "The handler '{handler}' catches every exception, only logs it and carries on, so a failed request ends as a 200 OK with an empty (null) body — the client reads it as a success and no error rate counts it",
    ),
    httpAs500: l(
      "앱 전역 오류 처리기 '{handler}'가 모든 예외를 500으로 응답합니다 — Flask는 HTTP 오류(404, 405, 415)도 이 처리기에 넘기므로, 없는 주소나 잘못된 메서드가 서버 고장(500)이 됩니다",
      "The app-wide error handler '{handler}' answers every exception with a 500 — Flask hands it HTTP errors too (404, 405, 415), so a wrong URL or method becomes a server fault",
    ),
    authAs400: l(
      'API 키나 토큰이 없는 요청에 400으로 응답합니다 — 인증 실패는 401(WWW-Authenticate 헤더와 함께)이 맞습니다',
      'A request without its API key or token is answered 400 — a failed authentication is a 401 (with a WWW-Authenticate header)',
    ),
  },
  docs: {
    summary: l(
      '핸들러가 오류를 잘못된 상태 코드로 알리는 코드를 찾습니다: 입력 오류를 RuntimeError 같은 500으로 바꾸기, 요청 입력을 읽다 난 ValueError/KeyError/ValidationError를 500으로 응답하기, 모든 예외를 400으로 응답하기, 실패를 200 본문에 담기(except에서 "Something went wrong" 같은 평범한 답처럼 보이는 본문을 상태 코드 없이 돌려주기, 작업 상태를 언제나 200으로 돌려주는 결과 조회 포함), 모든 예외를 잡아 기록만 하고 핸들러가 None으로 끝나기(200과 null 본문), 모델이 없을 때 400/404/500으로 응답하기(503이 맞음), 인증 실패를 400으로 응답하기, 없는 id나 아직 끝나지 않은 작업을 400으로 응답하기(404/202가 맞음), 메시지가 실패를 말하는데 404로 응답하기, HTTP 오류까지 받는 Flask의 Exception 처리기가 모든 것을 500으로 응답하기.',
      'Flags handlers that report errors with the wrong status: a client error re-raised as a 500 (RuntimeError and the like), a ValueError/KeyError/ValidationError from reading the request’s input answered 500, every exception answered 400, a failure returned in a 200 body (an except clause that ends by returning an ordinary-looking body such as `{"response": "Something went wrong."}` with no error status, and a result route that answers every task state 200, included), a catch-all that only logs and lets the handler end with None (a 200 whose body is null), a missing model answered 400/404/500 instead of 503, a missing credential answered 400, an unknown id or an unfinished job answered 400 (a 404 or a 202), a failure answered 404 (its own message says something failed), a Flask handler for Exception (which HTTP errors reach too) answering everything 500.',
    ),
    why: l(
      '상태 코드는 클라이언트와 운영 도구가 읽는 계약입니다. 4xx는 "요청을 고치세요", 5xx는 "서버가 실패했습니다(재시도 가능)"를 뜻합니다. 뒤바뀌면 재시도, 알림, 오류율 대시보드가 모두 틀린 판단을 합니다.',
      'The status code is the contract clients and operations tools read: 4xx says "fix your request", 5xx says "the server failed (retry may help)". Mixed up, retries, alerts and error-rate dashboards all draw the wrong conclusions.',
    ),
    bad: "from flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n@app.route('/score', methods=['POST'])\ndef score():\n    try:\n        features = request.json['X']\n    except KeyError:\n        raise RuntimeError('X is missing')\n    return jsonify(score=len(features))\n",
    good: "from flask import Flask, abort, jsonify, request\n\napp = Flask(__name__)\n\n@app.route('/score', methods=['POST'])\ndef score():\n    try:\n        features = request.json['X']\n    except KeyError:\n        # TODO: 클라이언트가 무엇을 고쳐야 하는지 메시지에 담을까요?\n        abort(400, description='X is missing')\n    return jsonify(score=len(features))\n",
  },
  weeks: ['beginner/5', 'intermediate/6'],
  questions: [
    l(
      '이 응답의 상태 코드만 보고, 클라이언트는 요청을 고쳐야 하는지 다시 시도해야 하는지 알 수 있을까요?',
      'From this response’s status code alone, can the client tell whether to fix the request or retry it?',
    ),
    l(
      '오류율 알림이 5xx를 센다면, {handler|이 핸들러}의 이 실패는 알림에 잡힐까요?',
      'If your error-rate alert counts 5xx responses, would this failure in {handler|this handler} ever trigger it?',
    ),
    l(
      '{caught|이 예외}가 날 수 있는 원인 중 클라이언트 잘못과 서버 잘못은 각각 무엇인가요?',
      'Of the causes of {caught|this exception}, which are the client’s fault and which the server’s?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 오류마다 맞는 상태 코드 정하기\n# 고려사항:\n# - 입력이 잘못됨: 400/422 (무엇을 고쳐야 하는지)\n# - 인증 실패: 401, 권한 없음: 403\n# - 서버 실패: 500/503 (로그에는 스택 트레이스)\n# - 원래 예외를 남기려면 raise ... from exc\n# TODO: except 블록별로 상태 코드와 메시지 정리하기\n',
    en: '# TODO: give each error its status code\n# Consider:\n# - bad input: 400/422 (say what to fix)\n# - failed authentication: 401, not allowed: 403\n# - server failure: 500/503 (traceback in the logs)\n# - keep the original exception with raise ... from exc\n# TODO: sort out the status code and message of each except block\n',
  },
  check(context) {
    const { model } = context;
    if (model.framework) reportAuthAs400(context);
    reportHttpErrorsAs500(context);
    // Before the handler check: a service module's helper may raise the HTTP error for its handler.
    reportUnavailableAs4xx(context);
    if (model.handlers.length === 0) return;
    reportTaskStateAs200(context);
    reportStateAs400(context);
    reportFailureAs404(context);
    const errorModels = modelsWithErrorField(model);
    const appHandled = new Set(appErrorHandlers(model.whole).map((type) => type.split('.').pop()));
    const exceptSpans: [number, number][] = [];
    for (const clause of model.excepts) {
      const handler = model.enclosingHandler(clause);
      if (!handler) continue;
      const text = model.source.slice(clause.startIndex, clause.endIndex);
      exceptSpans.push([clause.startIndex, clause.startIndex + text.length]);
      const header = /^except\b[^:\n]*/.exec(text)?.[0] ?? 'except';
      const body = text.slice(header.length);
      const raised = /^\s*raise\s+([\w.]+)\s*\(([^\n]*)$/m.exec(body);
      const caught = header.replace(/^except\s*\*?\s*|\s+as\s+\w+\s*$/g, '').trim() || 'everything';
      if (
        raised &&
        CLIENT_ERRORS.test(header) &&
        !catchesEverything(header) &&
        !HTTP_ERROR.test(raised[1]) &&
        !appHandled.has(raised[1].split('.').pop()) &&
        !/\bfrom\b/.test(raised[2])
      ) {
        const at = clause.startIndex + header.length + raised.index + raised[0].indexOf('raise');
        context.report({ range: model.rangeOf(at, at + raised[0].trim().length), messageId: 'clientAs500', data: { handler: handler.name, caught, raised: raised[1] } });
      } else if (CLIENT_ERRORS.test(header) && !catchesEverything(header) && SERVER_STATUS.test(body) && readsRequestInput(model, clause)) {
        const status = SERVER_STATUS.exec(body)!;
        const at = clause.startIndex + header.length + status.index;
        context.report({
          range: model.rangeOf(at, at + status[0].trim().length),
          messageId: 'clientErrorAs500',
          data: { handler: handler.name, caught: caught.replace(/^\((.*)\)$/, '$1') },
        });
      } else if (catchesEverything(header) && CLIENT_STATUS.test(body) && !/\braise\s*$/m.test(body)) {
        // A try around nothing but the body's decoding: every failure there is the client's.
        if (guardsOnlyRequestParsing(clause)) continue;
        context.report({ range: model.rangeOf(clause.startIndex, clause.startIndex + header.length), messageId: 'allAs400', data: { handler: handler.name, caught } });
      } else if (!readsErrorField(model, handler, errorModels)) {
        const ret = errorReturnWithoutStatus(model, clause, body, handler) ?? failureAnswer(model, clause, header, handler, errorModels) ?? fallbackMessage(model, clause, handler);
        if (ret) context.report({ node: ret, messageId: 'errorAs200', data: { handler: handler.name, caught } });
        else if (catchesEverything(header) && swallowedToNull(model, clause, handler)) {
          context.report({ range: model.rangeOf(clause.startIndex, clause.startIndex + header.length), messageId: 'nullAs200', data: { handler: handler.name } });
        }
      }
    }
    // Outside an `except` too: `return {'error': 'Invalid credentials'}` is a 200. One scan of
    // the file finds the few candidate returns; only those cross into the tree.
    for (const match of model.textMatches(ERROR_RETURN)) {
      // Returns inside an except of a handler were judged above.
      if (exceptSpans.some(([start, end]) => start <= match.index && match.index < end)) continue;
      // A failed task's state in a job's result route is the task-state lesson (taskFailureAs200).
      if (/['"]status['"]\s*:\s*['"][\w -]+['"]$/.test(match[0]) && TASK_RESULT.test(model.source)) continue;
      const ret = model.tree.rootNode.descendantForIndex(match.index + match[0].indexOf('return'));
      const handler = ret?.type === 'return' && ret.parent ? model.enclosingHandler(ret.parent) : undefined;
      if (!ret?.parent || !handler || answersPage(handler) || insideExcept(ret.parent, handler.node) || readsErrorField(model, handler, errorModels)) continue;
      const value = model.source.slice(ret.parent.startIndex, ret.parent.endIndex);
      if (ANY_STATUS.test(value) && !EXPLICIT_200.test(value)) continue;
      context.report({ node: ret.parent, messageId: 'errorAs200', data: { handler: handler.name, caught: 'error' } });
    }
    // A missing or bad input answered with a bare message: `if 'file' not in request.files: return "No file uploaded"`.
    for (const match of model.textMatches(MESSAGE_FOR_BAD_INPUT)) {
      const at = match.index + match[0].lastIndexOf('return');
      const ret = model.tree.rootNode.descendantForIndex(at);
      const statement = ret?.type === 'return' ? ret.parent : undefined;
      const handler = statement ? model.enclosingHandler(statement) : undefined;
      if (!statement || !handler || answersPage(handler) || insideExcept(statement, handler.node)) continue;
      context.report({ node: statement, messageId: 'errorAs200', data: { handler: handler.name, caught: 'error' } });
    }
    reportBadInputAs500(context);
  },
});

/**
 * `if "text" not in data:` followed by `abort(500, "text is required")` (or `return ..., 500`,
 * `HTTPException(status_code=500, ...)`): a check of the request's input whose own message says
 * the input is missing or wrong, answered as a server fault.
 */
const BAD_INPUT_AS_500 =
  /^([ \t]*)(?:el)?if\b[^\n]*(?:request\.|\bnot in\b|\bis None\b|\bnot\s+[\w.[\]"']+\s*(?=:)|==\s*(?:""|''))[^\n]*:[ \t]*\n\1[ \t]+((?:return|raise|abort)\b[^\n]*)$/gm;
const SAYS_BAD_INPUT =
  /\b(missing|invalid|required|no \w+ (provided|given|uploaded|selected)|must (be|contain|include|provide)|malformed|bad request|not (provided|allowed|supported))\b/i;

function reportBadInputAs500(context: PythonContext): void {
  const { model } = context;
  if (!model.source.includes('500')) return;
  for (const m of model.textMatches(BAD_INPUT_AS_500)) {
    const answer = m[2];
    const status = SERVER_STATUS.exec(answer);
    if (!status || !SAYS_BAD_INPUT.test(answer)) continue;
    // `if model is None: return "model.pkl is missing", 500`: the missing thing is the service's
    // own model, not the request's input (the not-loaded lesson says it, once).
    if (MODEL_MISSING_CHECK.test(`${m[0]}\n`)) continue;
    const at = m.index + m[0].length - answer.length + status.index;
    const node = model.tree.rootNode.descendantForIndex(at);
    const handler = node ? model.enclosingHandler(node) : undefined;
    if (!handler || insideExcept(node!, handler.node)) continue;
    context.report({ range: model.rangeOf(at, at + status[0].trim().length), messageId: 'clientErrorAs500', data: { handler: handler.name, caught: 'a failed input check' } });
  }
}

/**
 * What the check reads beyond the statement it reports in: the app's registered error handlers
 * (middleware bodies included), whether the file mentions credentials at all, whether it looks
 * up a background job's result (a job's state answered 200 is the task-state lesson), and the
 * `= Security(...)` dependencies a credential check looks for anywhere (rare: the whole text then).
 */
function statementFact(model: PythonModel): string {
  const source = model.source;
  return `${appErrorHandlers(model).join(',')}\u0000${flaskCatchAllFact(model)}\u0000${HTTP_AWARE.test(source)}\u0000${CREDENTIALS.test(source)}\u0000${TASK_RESULT.test(source)}\u0000${[...modelsWithErrorField(model)].join(',')}\u0000${source.includes('Security(') ? source : ''}`;
}

/**
 * With no status code, in a framework where that means 200: `return {'error': ...}` (`'ML error'`, `'error_message'`; through jsonify/JSONResponse too), its
 * value not None or empty (`error_rate` is a metric, not an error); the same as keyword arguments
 * (`jsonify(err='...')`); and a status field whose value is a failure (`{"status": "not_found"}`).
 */
const ERROR_RETURN =
  /^[ \t]+return\s+(?:(?:jsonify\(|JSONResponse\(|JsonResponse\()?\s*\{\s*['"](?:\w+[ _-])?(?:error|errors|err)(?:[ _-]?(?:message|msg|detail|details))?['"]\s*:(?!\s*(?:None\b|\[\]|\{\}|""|''))|jsonify\(\s*(?:error|errors|err)\s*=(?!\s*(?:None\b|\[\]|\{\}|""|''))|(?:jsonify\(|JSONResponse\(|JsonResponse\()?\s*\{\s*['"]status['"]\s*:\s*['"](?:error|failed|failure|not[ _-]?found|invalid|unknown)['"])/gim;
/** `return {...}, 200`: a status written out, and it is the success one. */
const EXPLICIT_200 = /,\s*200\s*\)?\s*$|\bstatus(_code)?\s*=\s*(200\b|(status\.)?HTTP_200_)/m;

/**
 * An `if` on the request's input whose branch only returns a plain message saying the input is
 * missing or wrong, with no status: the client gets a 200 whose body is the error. The message
 * may be wrapped in a one-key body (`return jsonify({"message": "No file part"})`).
 */
const MESSAGE_FOR_BAD_INPUT =
  /^[ \t]*(?:el)?if\b[^\n]*(?:request\.|\bfiles\b|filename|\bis None\b|==\s*(?:""|''|None)|\bnot\b)[^\n]*:[ \t]*(?:\n[ \t]+)?return[ \t]+(?:(?:jsonify\(|JSONResponse\(|JsonResponse\()?\s*\{\s*['"](?:message|msg|detail)['"]\s*:\s*)?(["'])[^"'\n]*\b(?:no|not|missing|invalid|error|nothing|empty|required|must|please|unsupported|wrong)\b[^"'\n]*\1(?:\s*\}\)?)?[ \t]*(?:#[^\n]*)?$/gim;

function insideExcept(node: Node, stop: Node): boolean {
  for (let n = node.parent; n && n.id !== stop.id; n = n.parent) if (n.type === 'except_clause') return true;
  return false;
}

function errorReturnWithoutStatus(model: PythonModel, clause: Node, body: string, handler: HandlerInfo): Node | undefined {
  if (!/^\s*return\b/m.test(body)) return undefined;
  const returns = clause.descendantsOfType('return_statement');
  for (const ret of returns) {
    if (!ret) continue;
    const value = model.source.slice(ret.startIndex, ret.endIndex);
    // A Lambda proxy's `{'statusCode': 400, 'body': ...}` sets its own status; in a web framework
    // (`jsonify({"statusCode": 500, ...})`) the same key is only text in a 200 body.
    if (ERROR_BODY.test(value) && !ANY_STATUS.test(value) && !(handler.framework === 'aws-lambda' && LAMBDA_STATUS.test(value))) return ret;
  }
  return undefined;
}

/** `if api_key is None: raise HTTPException(status_code=400, ...)` — a missing credential is a 401. */
const MISSING_CHECK = /^([ \t]*)if\s+(?:not\s+(\w+)|(\w+)\s+is\s+None)\s*:[^\n]*\n\1[ \t]+(raise\s+HTTPException\([^\n]*|abort\([^\n]*|return\s[^\n]*)/gm;
const AUTH_NAME = /key|token|auth|credential|bearer/i;
const CREDENTIALS = /key|token|auth|Security\(/i;

/** `if model is None:` / `if not self.pipeline:` followed by its indented branch. */
const MODEL_MISSING =
  /^([ \t]*)if[ \t]+\(?[ \t]*(?:not[ \t]+[\w.]*(?:model|pipeline|predictor|classifier|clf)(?!_?(?:name|id|type|version|key|kind|path|uri)\b)\w*\b|[\w.]*(?:model|pipeline|predictor|classifier|clf)(?!_?(?:name|id|type|version|key|kind|path|uri)\b)\w*[ \t]+is[ \t]+None\b)[^\n]*:[ \t]*\n((?:\1[ \t]+[^\n]*\n|[ \t]*\n)+)/gim;
/** One `if model is None:` branch (its first answer line), tested on its own. */
const MODEL_MISSING_CHECK = new RegExp(MODEL_MISSING.source, 'im');
const CLIENT_ANSWER = /\b(400|404|500)\b|HTTP_(40[04]|500)_\w+|\b(BadRequest|NotFound|InternalServerError)\b/;

const HTTP_ANSWER = /\b(HTTPException|abort|JSONResponse|HTTPError)\s*\(/;

/** A missing model answered as the client's fault (400), an unknown resource (404) or a generic failure (500). */
function reportUnavailableAs4xx(context: PythonContext): void {
  const { model } = context;
  const reported = new Set<number>();
  // One pass over the text finds the few `if model is None:` branches; only those cross into the tree.
  for (const m of model.textMatches(MODEL_MISSING)) {
    const answer = CLIENT_ANSWER.exec(m[2]);
    if (!answer) continue;
    const at = m.index + m[0].length - m[2].length + answer.index;
    const node = model.tree.rootNode.descendantForIndex(at);
    // A helper called by the handler answers for it when the branch raises an HTTP error itself.
    const handler = node ? (model.enclosingHandler(node)?.name ?? (HTTP_ANSWER.test(m[2]) ? enclosingFunction(node)?.childForFieldName('name')?.text : undefined)) : undefined;
    if (!handler) continue;
    const range = model.rangeOf(at, at + answer[0].length);
    context.report({ range, messageId: 'unavailableAs4xx', data: { handler, status: answer[0] } });
    reported.add(range.start.line);
  }
  // The answer's own words say the model is not there (`{"message": "No models available for inference."}`
  // with a 404), whatever the condition was: an empty result, a missing file, a registry with nothing in it.
  for (const m of model.textMatches(SAYS_UNAVAILABLE)) {
    const node = model.tree.rootNode.descendantForIndex(m.index);
    let statement = node;
    while (statement && statement.type !== 'return_statement' && statement.type !== 'raise_statement' && statement.type !== 'expression_statement') statement = statement.parent;
    const handler = statement ? model.enclosingHandler(statement) : undefined;
    if (!statement || !handler) continue;
    const answer = CLIENT_ANSWER.exec(statement.text);
    if (!answer || !HTTP_OR_RETURN.test(statement.text)) continue;
    const at = statement.startIndex + answer.index;
    const range = model.rangeOf(at, at + answer[0].length);
    if (reported.has(range.start.line)) continue;
    reported.add(range.start.line);
    context.report({ range, messageId: 'unavailableAs4xx', data: { handler: handler.name, status: answer[0] } });
  }
}

/** A message saying the model is not there: "No models available", "model not loaded", "Model unavailable". */
const SAYS_UNAVAILABLE =
  /['"][^'"\n]*\b(?:no (?:trained )?models? (?:is |are )?(?:available|loaded|found)|models? (?:is |are |has |have )?not (?:(?:been|yet) )?(?:available|loaded|ready|trained)|models? unavailable)\b/gi;
/** The statement answers: an HTTP error, an abort, a response object or a returned tuple with a status. */
const HTTP_OR_RETURN = /^\s*(return|raise)\b|\babort\(|Response\(/;

function reportAuthAs400(context: PythonContext): void {
  const { model } = context;
  const source = model.source;
  if (!CREDENTIALS.test(source)) return;
  for (const m of model.textMatches(MISSING_CHECK)) {
    const name = m[2] ?? m[3];
    const answer = m[4];
    if (!/\b400\b|HTTP_400_/.test(answer)) continue;
    // The name says it is a credential, or it is filled by a security dependency (`= Security(api_key)`).
    if (!AUTH_NAME.test(name) && !new RegExp(`\\b${name}\\b[^\\n,)]*=\\s*Security\\(`).test(source)) continue;
    const at = m.index + m[0].indexOf(answer);
    context.report({ range: model.rangeOf(at, at + answer.length), messageId: 'authAs400' });
  }
}

/** A background job's result looked up by id: Celery `AsyncResult`, RQ `Job.fetch`/`fetch_job`. */
const TASK_RESULT = /\bAsyncResult\s*\(|\bJob\.fetch\s*\(|\.fetch_job\s*\(/;
const TASK_FAILURE = /FAILURE|['"]fail(ed|ure)?['"]|\.(info|traceback|exc_info)\b/i;

/**
 * A result route that answers every task state with the default 200: no status code and no HTTP
 * error anywhere in the handler, and a return that carries the state, the failure or its text.
 */
function reportTaskStateAs200(context: PythonContext): void {
  const { model } = context;
  if (!TASK_RESULT.test(model.source)) return;
  for (const handler of model.handlers) {
    const text = model.source.slice(handler.node.startIndex, model.handlerEnd(handler));
    if (!TASK_RESULT.test(text) || ANY_STATUS.test(text) || /\b(HTTPException|abort|HttpResponseServerError|Http404)\b/.test(text)) continue;
    const returns = handler.node.descendantsOfType('return_statement').filter((r): r is Node => !!r);
    const failing = returns.find((r) => TASK_FAILURE.test(r.text)) ?? returns.filter((r) => /\.(state|status)\b/.test(r.text)).pop();
    if (failing) context.report({ node: failing, messageId: 'taskFailureAs200', data: { handler: handler.name } });
  }
}

/** A 400 answer: `abort(400, ...)`, `HTTPException(400)`, `status_code=400`, `HTTP_400_BAD_REQUEST`, `return ..., 400`. */
const BAD_REQUEST = /\babort\(\s*400\b|HTTPException\(\s*400\b|\bstatus(_code)?\s*=\s*400\b|\bHTTP_400_BAD_REQUEST\b|,\s*400\s*\)?\s*$/;
/** Messages that say the thing asked for does not exist, or is not finished yet. */
const NOT_FOUND = /\bnot found\b|\bdoes ?n[o']t exist|\bno such\b|\bunknown (id|task|job|prediction|request)\b/i;
const IN_THE_REQUEST = /\b(in|from)\s+(the\s+)?(request|body|payload|input|json|form|query|params|file|upload)/i;
const PENDING = /\bstill (being )?(process\w*|running|pending|in progress)|\bnot (yet )?(ready|finished|completed?|done)\b|\bin progress\b|\bis pending\b/i;

/**
 * A 400 whose own message says the id is unknown (a 404) or the job is not finished (a 202): the
 * request was fine, and the status tells the client otherwise. Once per handler and kind.
 */
function reportStateAs400(context: PythonContext): void {
  const { model } = context;
  if (!/400/.test(model.source) || !(NOT_FOUND.test(model.source) || PENDING.test(model.source))) return;
  for (const handler of model.handlers) {
    const done = new Set<string>();
    const statements = [...handler.node.descendantsOfType('return_statement'), ...handler.node.descendantsOfType('raise_statement'), ...handler.node.descendantsOfType('call')];
    for (const statement of statements) {
      if (!statement || (statement.type === 'call' && !/^abort\b/.test(statement.text))) continue;
      if (!BAD_REQUEST.test(statement.text)) continue;
      const message = /(['"])([^'"\n]{3,80})\1/g;
      for (const m of statement.text.matchAll(message)) {
        // A field missing from the body is the client's mistake; a model not ready is unavailableAs4xx's.
        const kind = NOT_FOUND.test(m[2]) && !IN_THE_REQUEST.test(m[2]) ? 'notFoundAs400' : PENDING.test(m[2]) && !/\bmodel\b/i.test(m[2]) ? 'pendingAs400' : undefined;
        if (!kind || done.has(kind)) continue;
        if (kind === 'notFoundAs400' && namedOutsideThePath(handler, statement)) continue;
        done.add(kind);
        context.report({ node: statement, messageId: kind, data: { handler: handler.name, text: m[2] } });
      }
    }
  }
}

const NOT_FOUND_STATUS = /\babort\(\s*404\b|HTTPException\(\s*404\b|\bstatus(_code)?\s*=\s*404\b|\bHTTP_404_NOT_FOUND\b|,\s*404\s*\)?\s*$/;
/** SAYS_UNAVAILABLE without the global flag: `test` on a global expression moves its lastIndex for the next scan. */
const SAYS_UNAVAILABLE_HERE = new RegExp(SAYS_UNAVAILABLE.source, 'i');
/** A message that reports a failure, not a missing thing: "Prediction creation failed", "Unexpected failure loading model". */
const FAILED = /\b(fail(ed|ure|s)?|errors?|unable|could ?n[o']t|unexpected|malformed|exception)\b/i;

/**
 * A 404 whose message says something failed (`HTTPException(status_code=404, detail="Prediction
 * creation failed")`, `return {"error": "malformed input"}, 404`): nothing the client named is
 * missing. A message that also says "not found" is a 404, and a model that is not ready is
 * unavailableAs4xx's. Dictionary keys (`{"error": ...}`) are not the message. Once per handler.
 */
function reportFailureAs404(context: PythonContext): void {
  const { model } = context;
  if (!/404/.test(model.source)) return;
  for (const handler of model.handlers) {
    const statements = [...handler.node.descendantsOfType('return_statement'), ...handler.node.descendantsOfType('raise_statement'), ...handler.node.descendantsOfType('call')];
    for (const statement of statements) {
      if (!statement || (statement.type === 'call' && !/^abort\b/.test(statement.text))) continue;
      if (!NOT_FOUND_STATUS.test(statement.text) || NOT_FOUND.test(statement.text) || SAYS_UNAVAILABLE_HERE.test(statement.text)) continue;
      const message = statement.descendantsOfType('string').find((node) => !!node && node.parent?.childForFieldName('key')?.id !== node.id && FAILED.test(node.text));
      if (!message) continue;
      const text = message.text
        .replace(/^[rbuf]*(['"]{1,3})/i, '')
        .replace(/(['"]{1,3})$/, '')
        .slice(0, 80);
      context.report({ node: statement, messageId: 'failureAs404', data: { handler: handler.name, text } });
      break;
    }
  }
}

/**
 * The condition that leads to the 400 tests a value the client sent in the query string or the
 * body (`def create(folder_path: str)` with `if not os.path.exists(folder_path)`, or
 * `request.args`/`request.json`), not a path segment: the URL named no missing resource, the
 * input pointed at something that is not there, and 400/422 is the usual answer.
 */
function namedOutsideThePath(handler: HandlerInfo, statement: Node): boolean {
  let condition: Node | null | undefined;
  for (let n = statement.parent; n && n.id !== handler.node.id; n = n.parent) {
    if (n.type === 'if_statement') {
      condition = n.childForFieldName('condition');
      break;
    }
  }
  if (!condition) return false;
  if (/\brequest\s*\.\s*(args|json|form|values|get_json|data|body|query_params)\b/.test(condition.text)) return true;
  const pathNames = new Set([...(handler.route ?? '').matchAll(/[{<](?:\w+:)?(\w+)(?::\w+)?[}>]/g)].map((m) => m[1]));
  const parameters = (handler.node.childForFieldName('parameters')?.namedChildren ?? [])
    .map((p) => (p?.type === 'identifier' ? p.text : ((p?.childForFieldName('name') ?? p?.namedChildren[0])?.text ?? '')))
    .filter((name) => name && name !== 'self' && name !== 'request');
  const tested = parameters.filter((name) => new RegExp(`\\b${name}\\b`).test(condition.text));
  return tested.length > 0 && tested.every((name) => !pathNames.has(name));
}

/** A message that says something failed: "Something went wrong", "Error: ...", "Sorry, could not ...", "exception raised". */
const FAILURE_TEXT = /\b(error|wrong|fail\w*|sorry|unable|could ?n[o']t|cannot|try again|exception)\b/i;

/**
 * `except Exception: result = "Something went wrong."` and, after the try, `return {"result": result}`
 * with no status: the failure leaves the handler as an ordinary 200 answer.
 */
function fallbackMessage(model: PythonModel, clause: Node, handler: HandlerInfo): Node | undefined {
  const block = clause.namedChildren.find((child) => child?.type === 'block');
  // A clause that answers or raises by itself decides its own status.
  if (!block || block.namedChildren.some((s) => s?.type === 'return_statement' || s?.type === 'raise_statement')) return undefined;
  for (const statement of block.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChild(0) : undefined;
    const name = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
    const value = assignment?.childForFieldName('right');
    if (!statement || name?.type !== 'identifier' || !value || !/^(string|concatenated_string)$/.test(value.type) || !FAILURE_TEXT.test(value.text)) continue;
    const after = model.source.slice(clause.endIndex, model.handlerEnd(handler));
    const returned = returnOf(after, name.text) ?? carriedReturn(after, name.text);
    if (returned && !ANY_STATUS.test(returned)) return statement;
  }
  return undefined;
}

/**
 * Response models whose own fields carry the failure (`error: str | None`, `success: bool`): a
 * handler declared to answer with one tells its client to read that field, a documented choice.
 * The model is a top-level `class Name(Base):` whose indented body has such a field before the
 * first unindented line.
 */
const ERROR_MODEL_HEAD = /^class[ \t]+(\w+)\s*\([^)\n]*\)\s*:[^\n]*\n/gm;

/** An indented `error:` (or `ok:` ...) line. */
const ERROR_FIELD = /^[ \t]+(?:error|errors|error_message|err|success|ok)[ \t]*:/m;
const ERROR_FIELD_LINE = /^[ \t]+(?:error|errors|error_message|err|success|ok)[ \t]*:/;

function modelsWithErrorField(model: PythonModel): Set<string> {
  const names = new Set<string>();
  if (!model.linesMatch(ERROR_FIELD)) return names;
  const source = model.source;
  // One pass over each class's lines (a single regex spanning the body backtracked without bound
  // over long indented bodies: half a second on one 7 KB file).
  ERROR_MODEL_HEAD.lastIndex = 0;
  for (let head = ERROR_MODEL_HEAD.exec(source); head; head = ERROR_MODEL_HEAD.exec(source)) {
    const fieldEnd = errorFieldEnd(source, ERROR_MODEL_HEAD.lastIndex);
    // The field must sit in this class's own body, not in a later class the header's `\s*` ran into.
    if (fieldEnd !== undefined && !/\nclass\b/.test(source.slice(head.index + 1, fieldEnd))) names.add(head[1]);
    ERROR_MODEL_HEAD.lastIndex = fieldEnd ?? head.index + 1;
  }
  return names;
}

/** Where the first error field of the body starting at `at` ends, or undefined when an unindented line comes first. */
function errorFieldEnd(source: string, at: number): number | undefined {
  while (at < source.length) {
    const newline = source.indexOf('\n', at);
    const line = source.slice(at, newline < 0 ? source.length : newline);
    const field = ERROR_FIELD_LINE.exec(line);
    if (field) return at + field[0].length;
    if (newline < 0 || (line.length > 0 && line[0] !== ' ' && line[0] !== '\t')) return undefined;
    at = newline + 1;
  }
  return undefined;
}

/** The handler is declared to answer with such a model (`response_model=ChatAnswer`, `-> ChatAnswer`). */
function readsErrorField(model: PythonModel, handler: HandlerInfo, errorModels: ReadonlySet<string>): boolean {
  if (errorModels.size === 0) return false;
  const start = handler.node.parent?.type === 'decorated_definition' ? handler.node.parent.startIndex : handler.node.startIndex;
  const head = model.source.slice(start, handler.node.childForFieldName('body')?.startIndex ?? handler.node.endIndex);
  for (const m of head.matchAll(/\bresponse_model\s*=\s*(?:\w+\.)*(\w+)|->\s*(?:\w+\.)*(\w+)/g)) if (errorModels.has(m[1] ?? m[2])) return true;
  return false;
}

/** The web frameworks where a handler's `None` is sent as a 200 (`null`, an empty body). */
const NULL_AS_200 = new Set(['flask', 'fastapi', 'django']);

/** The first `return` line after the try that names `name`. */
function returnOf(after: string, name: string): string | undefined {
  return new RegExp(`^[ \\t]*return\\b[^\\n]*\\b${name}\\b[^\\n]*$`, 'm').exec(after)?.[0];
}

/**
 * One step removed: `response = {"answer": answer, "message": message}` and then
 * `return jsonify(response)` carries the clause's message out all the same.
 */
function carriedReturn(after: string, name: string): string | undefined {
  const carrier = new RegExp(`^[ \\t]*([A-Za-z_]\\w*)[ \\t]*=[^=\\n][^\\n]*\\b${name}\\b`, 'm').exec(after)?.[1];
  return carrier !== undefined && carrier !== name ? returnOf(after, carrier) : undefined;
}

/**
 * `try: ...; return response.json()` / `except Exception as e: logger.error(e)` and then nothing,
 * or `return None`: the try answers with a value, the clause neither answers nor raises, and the
 * handler falls off its end — the failure leaves as a 200 whose body is `null`.
 */
function swallowedToNull(model: PythonModel, clause: Node, handler: HandlerInfo): boolean {
  if (!NULL_AS_200.has(handler.framework) || (handler.route !== undefined && HEALTH_ROUTE.test(handler.route))) return false;
  const tryStatement = clause.parent;
  const body = handler.node.childForFieldName('body');
  if (tryStatement?.type !== 'try_statement' || !body || tryStatement.parent?.id !== body.id) return false;
  // The clause decides nothing: no return, raise or abort anywhere in it.
  const text = model.source.slice(clause.startIndex, clause.endIndex);
  if (/^\s*(return|raise)\b|\babort\(|\bsys\.exit\(|\bredirect\(|\brender(_template)?\(/m.test(text)) return false;
  // A finally or else clause may answer instead.
  if (tryStatement.namedChildren.some((c) => c?.type === 'finally_clause' || c?.type === 'else_clause')) return false;
  // The success path answers with a value.
  const tryBody = tryStatement.childForFieldName('body');
  const answers = tryBody?.descendantsOfType('return_statement').some((r) => !!r && r.namedChildCount > 0 && !/^return\s+None\b/.test(r.text));
  if (!answers) return false;
  // After the try: nothing, or a bare `return` / `return None`.
  const after = body.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment' && c.startIndex > tryStatement.startIndex);
  return after.every((c) => c.type === 'return_statement' && /^return(\s+None)?\s*$/.test(c.text));
}

/**
 * A Gradio callback answers the person in front of the page, not an HTTP client: there is no
 * status to set, and a message in the output box (`return "No audio inputs were provided."`) is
 * how the page says what went wrong.
 */
function answersPage(handler: HandlerInfo): boolean {
  return handler.framework === 'gradio';
}

/** Health and readiness routes answer with their own lesson (their status is the health rules' concern). */
const HEALTH_ROUTE = /health|ready|readiness|live|liveness|ping|status/i;
/** A failure the handler chose to degrade to: a cached or default answer, marked as such. */
const DEGRADED = /\b(degrad\w*|fallback|fall back|cached?|stale)\b/i;
/** An API Gateway proxy answer with an error status: `{'statusCode': 500, 'body': ...}`. */
const LAMBDA_STATUS = /['"]statusCode['"]\s*:\s*(?!\s|2\d\d\b)/;
/** A helper that builds the error answer decides its status (`return error_response(...)`). */
const ERROR_HELPER = /^\s*return\s+(?:await\s+)?[\w.]*(error|fail|problem)\w*\s*\(/i;

/**
 * The general shape: an except clause of a handler that ends by returning an ordinary-looking
 * body (`{"response": "Something went wrong."}`, `jsonify(answer=f"Sorry: {e}")`,
 * `JsonResponse({"summary": str(exc)})`) with no error status — any framework, any key.
 */
function failureAnswer(model: PythonModel, clause: Node, header: string, handler: HandlerInfo, errorModels: ReadonlySet<string>): Node | undefined {
  if (answersPage(handler) || (handler.route && HEALTH_ROUTE.test(handler.route))) return undefined;
  const block = clause.namedChildren.find((child) => child?.type === 'block');
  const statements = block?.namedChildren.filter((s): s is Node => !!s && s.type !== 'comment') ?? [];
  const last = statements[statements.length - 1];
  if (last?.type !== 'return_statement') return undefined;
  const value = model.source.slice(last.startIndex, last.endIndex);
  // The status may be set before the return (`response.status_code = 500`) or be a Lambda proxy's `'statusCode': 500`.
  const text = model.source.slice(clause.startIndex, clause.endIndex).replace(/[ \t]*#[^\n]*/g, '');
  if (ANY_STATUS.test(value) || ANY_STATUS.test(text) || LAMBDA_STATUS.test(value) || ERROR_HELPER.test(value) || DEGRADED.test(text)) return undefined;
  // `return ChatAnswer(error=...)`: the model's own error field carries the failure.
  const called = /^\s*return\s+(?:\w+\.)*(\w+)\s*\(/.exec(value)?.[1];
  if (called && errorModels.has(called)) return undefined;
  const name = /\bas\s+(\w+)\s*$/.exec(header)?.[1];
  const carriesException = name !== undefined && new RegExp(`\\b(str|repr|format)\\(\\s*${name}\\s*\\)|\\{${name}(!r|!s)?\\}`).test(value);
  const says = last.descendantsOfType('string').some((s) => !!s && FAILURE_TEXT.test(s.text) && !/^[rbuf]*['"]{1,3}[\w.-]+\.html['"]{1,3}$/i.test(s.text));
  return carriesException || says ? last : undefined;
}

/**
 * Flask passes every exception to a handler registered for `Exception`, HTTP errors included
 * (its documentation's own warning): a handler that answers a fixed 500 turns a 404, a 405 or the
 * 415 of a non-JSON body into a server fault. FastAPI and Starlette keep HTTPException apart.
 */
function reportHttpErrorsAs500(context: PythonContext): void {
  // The registration, the handler's body and the rest of the file may sit in different statements:
  // read them in the whole file (findings outside an edited region are dropped by the engine).
  const model = context.model.whole;
  const handlers = flaskCatchAllHandlers(model);
  if (handlers.length === 0 || HTTP_AWARE.test(model.source.replace(/#[^\n]*/g, ''))) return;
  for (const handler of handlers) {
    if (!SERVER_STATUS.test(handler.body.text)) continue;
    context.report({ range: handler.range, messageId: 'httpAs500', data: { handler: handler.name } });
  }
}

/** The handler or the file tells HTTP errors apart (or gives them their own handler). */
const HTTP_AWARE = /\bHTTPException\b|\bget_response\(|\.code\b|\b(?:app_)?errorhandler\([ \t]*(?:40\d|\w*NotFound|MethodNotAllowed)/;
