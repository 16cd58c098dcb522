import type { Node } from 'web-tree-sitter';
import { unguardedConversions } from '../../python/conversions';
import { guardingTry, handlerCalls, hasCatchAllHandler, inDeferredLambda, onInjectedSession, riskyCall } from '../../python/errors';
import type { PythonModel } from '../../python/model';
import { decodedUpload, streamlitUploadNames } from '../../python/streamlit-uploads';
import { calledEffect } from '../../project/effects';
import type { ProjectView } from '../../project/index';
import { l, nodeRange, pythonRule, type PythonContext } from '../../rule';

export default pythonRule({
  id: 'handler-without-error-handling',
  language: 'python',
  local: 'handler',
  category: 'error-handling',
  severity: 'warning',
  anchors: ['gap:unhandled-inference-error', 'CWE-755'],
  messages: {
    unhandled: l(
      "핸들러 '{handler}'가 {call}를 오류 처리 없이 호출하고, 앱에도 전역 오류 처리기가 없습니다 — 실패하면 클라이언트는 이유 없는 500을 받고, 어떤 입력이 왜 실패했는지 남기는 로그나 메트릭이 없습니다",
      "The handler '{handler}' calls {call} with no error handling, and the app registers no error handler — a failure becomes a bare 500, with no log line or metric of yours saying which input failed and why",
    ),
    gradio: l(
      "Gradio 함수 '{handler}'가 {call}를 오류 처리 없이 호출합니다 — 실패하면 Gradio가 예외를 잡아 사용자에게는 이유 없는 'Error'만 보여 주고, 어떤 입력이 왜 실패했는지는 여러분의 로그나 메트릭 어디에도 남지 않습니다",
      "The Gradio function '{handler}' calls {call} with no error handling — when it fails, Gradio catches the exception and shows the user a bare 'Error', and nothing of yours logs or counts which input failed and why",
    ),
    page: l(
      'Streamlit 페이지가 {call}를 오류 처리 없이 호출합니다 — 모델 서버가 꺼졌거나 제공자가 오류를 내면 사용자는 안내 대신 코드와 경로가 보이는 traceback을 보고, 실패는 어디에도 기록되지 않습니다',
      'The Streamlit page calls {call} with no error handling — when the model server is down or the provider fails, the user sees a raw traceback (your code and paths) instead of a message, and the failure is logged nowhere',
    ),
    pageUpload: l(
      'Streamlit 페이지가 올린 파일을 {call}로 오류 처리 없이 엽니다 — 깨졌거나 확장자만 맞는 파일이면 사용자는 안내 대신 코드와 경로가 보이는 traceback을 보고, 실패는 어디에도 기록되지 않습니다',
      'The Streamlit page decodes the uploaded file with {call} with no error handling — a corrupt or mislabelled file shows the user a raw traceback (your code and paths) instead of a message, and the failure is logged nowhere',
    ),
    outcome: l(
      "핸들러 '{handler}'가 {call}로 백그라운드 작업의 결과를 읽는데, 이 호출은 작업이 던진 예외를 그대로 다시 던집니다 — 실패한 작업은 상태(FAILURE)를 알려 주는 응답 대신 이유 없는 500이 되고, 핸들러에도 앱에도 그 실패를 다루는 곳이 없습니다",
      "The handler '{handler}' reads the background task's result with {call}, which re-raises whatever the task raised — a failed task becomes a bare 500 instead of an answer that reports its failure, and neither the handler nor the app handles it",
    ),
    rethrown: l(
      "핸들러 '{handler}'가 호출하는 {call}은 {file}에서 {work}를 try 안에서 실행하지만, 그 except는 {raised}로 다시 던질 뿐입니다 — 핸들러에도 앱에도 오류 처리가 없으니 실패는 여전히 이유 없는 500이 되고, 어떤 입력이 왜 실패했는지 남는 것이 없습니다",
      "The handler '{handler}' calls {call}, which runs {work} in {file} inside a try whose except only raises again ({raised}) — neither the handler nor the app handles it, so a failure is still a bare 500, with no log line or metric of yours saying which input failed and why",
    ),
    reached: l(
      "핸들러 '{handler}'가 호출하는 {call}은 {file}에서 {work}를 try 없이 실행하고, 핸들러에도 앱에도 오류 처리가 없습니다 — 실패하면 클라이언트는 이유 없는 500을 받고, 어떤 입력이 왜 실패했는지 남기는 로그나 메트릭이 없습니다",
      "The handler '{handler}' calls {call}, which runs {work} in {file} outside any try, and neither the handler nor the app handles the error — a failure becomes a bare 500, with no log line or metric of yours saying which input failed and why",
    ),
  },
  docs: {
    summary: l(
      '모델 추론, 특징 계산, 외부 API·DB 호출을 try 없이 실행하는 요청 핸들러(챗봇의 메시지 핸들러 포함)와, LLM·모델 제공자·검색을 부르거나 사용자가 올린 파일을 여는 코드를 try 없이 실행하는 Streamlit 페이지, 상태를 확인하지 않고 백그라운드 작업의 결과를 읽는 핸들러(`AsyncResult(id).get()`, `future.result()` — 작업이 던진 예외를 다시 던집니다)를 찾습니다. 다른 모듈의 도우미가 try로 감싸도 except가 다시 던지기만 하면(`raise CustomException(e, sys)`) 처리한 것이 아닙니다 (같은 파일에 앱 전역 예외 처리기가 있으면 제외하고, 예외를 스스로 잡아 기록하고 오류 상태로 답하는 모델 서버의 훅 — SageMaker input_fn·predict_fn, TorchServe, KServe — 도 제외하고, FastAPI가 `Depends(...)`로 넣어 준 세션에 대한 DB 호출(`session.commit()`)은 의존성이 롤백하고 닫으므로 제외).',
      'Flags request handlers (chat-bot message handlers included) that run model inference, feature steps or external API/database calls outside any try (and Streamlit pages that call an LLM, a model provider or a retriever, or decode an uploaded file, outside any try, and handlers that read the result of a background task without looking at its state: `AsyncResult(id).get()`, `future.result()` re-raise what the task raised), in an app with no app-level exception handler in the file. A helper in another module whose try only raises again (`except Exception as e: raise CustomException(e, sys)`) handles nothing for the handler (unless the app registers a handler for that exception) (the hooks of a model server, SageMaker input_fn/predict_fn, TorchServe, KServe, are left alone: the server catches, logs and answers an error status itself; so are database calls on a session FastAPI injects with `Depends(...)`, which the dependency rolls back and closes).',
    ),
    why: l(
      '추론은 입력 모양, 메모리, 외부 서비스 때문에 언제든 실패합니다. 처리하지 않으면 클라이언트는 의미 없는 500을 받고, 운영자에게는 서버가 남긴 traceback 한 줄뿐, 어떤 입력과 어떤 모델이었는지 알려 주는 로그도 실패를 세는 메트릭도 없습니다.',
      'Inference fails for many reasons: input shape, memory, an upstream service. Unhandled, the client gets a meaningless 500 and operators get at most the server traceback: no log of which input or model failed, and no metric counting the failures.',
    ),
    bad: "import joblib\nfrom fastapi import FastAPI\n\napp = FastAPI()\nmodel = joblib.load('model.joblib')\n\n@app.post('/predict')\ndef predict(features: list[float]):\n    return {'y': float(model.predict([features])[0])}\n",
    good: "import logging\n\nimport joblib\nfrom fastapi import FastAPI, HTTPException\n\napp = FastAPI()\nlogger = logging.getLogger(__name__)\nmodel = joblib.load('model.joblib')\n\n@app.post('/predict')\ndef predict(features: list[float]):\n    try:\n        y = model.predict([features])[0]\n    except Exception as exc:\n        # TODO: 어떤 실패는 클라이언트 잘못(4xx)이고, 어떤 실패는 서버 문제(5xx)일까요?\n        logger.exception('prediction failed')\n        raise HTTPException(status_code=500, detail='prediction failed') from exc\n    return {'y': float(y)}\n",
  },
  weeks: ['beginner/5', 'beginner/6', 'intermediate/6'],
  questions: [
    l(
      '{call|이 호출}이 예외를 던지면 클라이언트는 어떤 응답을 받고, 운영자는 어디에서 그 사실을 알게 되나요?',
      'If {call|this call} raises, what response does the client get, and where does an operator find out?',
    ),
    l(
      '{handler|이 핸들러}에서 날 수 있는 실패 중 클라이언트 잘못(4xx)과 서버 문제(5xx)는 각각 무엇인가요?',
      'Among the ways {handler|this handler} can fail, which are the client’s fault (4xx) and which are the server’s (5xx)?',
    ),
    l(
      '핸들러마다 try를 두는 것과 앱 전체에 예외 처리기를 하나 두는 것은 각각 어떤 장단점이 있을까요?',
      'What are the trade-offs between a try in every handler and one exception handler for the whole app?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 추론 실패를 다루기\n# 고려사항:\n# - 어떤 예외가 날 수 있나요? (입력 모양, 모델, 외부 서비스)\n# - 실패를 어떻게 기록할까요? (logger.exception은 스택 트레이스를 남깁니다)\n# - 클라이언트에게는 어떤 상태 코드와 메시지를? (내부 정보는 빼고)\n# - 실패 횟수를 메트릭으로 셀까요?\n# TODO: 핸들러의 try/except 또는 앱 전역 예외 처리기 추가\n',
    en: '# TODO: handle inference failures\n# Consider:\n# - which exceptions can occur? (input shape, the model, an upstream service)\n# - how is a failure logged? (logger.exception keeps the traceback)\n# - which status code and message does the client get? (without internals)\n# - should failures be counted in a metric?\n# TODO: add a try/except in the handler or one app-level exception handler\n',
  },
  // A handler whose own body looks harmless but calls into another module that runs the model or does I/O unguarded.
  project(context) {
    const { view } = context;
    const caught = new Set<string>();
    for (const [path, facts] of view.python) if (facts.errorHandlers.some((h) => CATCH_ALL.test(h.exception))) caught.add(view.serviceRoot(path));
    for (const [path, facts] of view.python) {
      if (caught.has(view.serviceRoot(path))) {
        // The catch-all is registered in another module of the service (an errors blueprint's
        // `app_errorhandler`, a `register_error_handlers(app)` helper): the per-file check did not see it.
        if (!facts.errorHandlers.some((h) => CATCH_ALL.test(h.exception))) context.withdraw(path);
        continue;
      }
      const reported = new Set<string>();
      for (const call of facts.handlerCalls ?? []) {
        if (call.task || call.via !== 'call' || call.guarded || call.handlerRisky || reported.has(call.handler)) continue;
        const reached = calledEffect(view, path, call.name, 'work', call.scope);
        if (!reached) continue;
        const raised = reached.effect.reraised;
        // The exception the helper raises again has its own app-level handler somewhere in the service.
        if (raised !== undefined && handledBy(view, path, raised)) continue;
        reported.add(call.handler);
        context.report({
          path,
          range: call.range,
          messageId: raised === undefined ? 'reached' : 'rethrown',
          data: {
            handler: call.handler,
            call: `${call.written ?? call.name}()`,
            work: `${reached.effect.what}()`,
            file: reached.path.split('/').slice(-3).join('/'),
            ...(raised !== undefined && { raised: raised === 'raise' ? 'raise' : `raise ${raised}` }),
          },
          // Reviewers point at the handler's call or at the call that fails in the helper: the squiggle is the first, the second goes with it.
          related: [{ path: reached.path, range: reached.effect.range, message: l('오류 처리 없이 실패할 수 있는 호출', 'the call that can fail, outside any try') }],
        });
      }
    }
  },
  check(context) {
    const { model } = context;
    // A Streamlit script has no request handlers: each user action re-runs the page itself.
    if (model.handlers.length === 0 && model.importsModule('streamlit')) streamlitPage(context);
    if (model.handlers.length === 0 || hasCatchAllHandler(model)) return;
    const guardedHelpers = helpersThatHandleErrors(model);
    // Only files that read a task's outcome pay for the per-call test below.
    const readsOutcomes = OUTCOME_HINT.test(model.source);
    for (const handler of model.handlers) {
      // A model server (SageMaker, TorchServe, KServe) catches what its hooks raise, logs the
      // traceback and answers an error status itself: the hook has nothing of this kind to add.
      if (handler.framework === 'model-server') continue;
      const calls = handlerCalls(model, handler);
      const unguarded: { node: (typeof calls)[number]['node']; name: string; outcome?: boolean }[] = [];
      for (const call of calls) {
        const plain = riskyCall(model, call);
        const outcome = !plain && readsOutcomes ? taskOutcome(model, call, handler.node) : undefined;
        const risky = plain ?? (outcome ? { name: outcome } : undefined);
        if (!risky || guardedHelpers.has(call.callee ?? '') || guardingTry(call.node, handler.node) || inErrorPath(call.node, handler.node)) continue;
        if (onInjectedSession(risky.name, handler.node)) continue;
        if (runInsideTry(model, call.node, handler.node)) continue;
        // A lambda the handler only builds (a chain step, a thread target) fails where it is run.
        if (inDeferredLambda(call.node, handler.node, model.source)) continue;
        unguarded.push({ node: call.node, name: risky.name, outcome: outcome !== undefined });
      }
      const first = unguarded[0];
      if (!first) continue;
      // Bad input that fails earlier is unguarded-request-conversion's finding: the same fix.
      const conversion = unguardedConversions(model, handler)[0];
      if (conversion && conversion.node.startPosition.row <= first.node.startPosition.row) continue;
      // The squiggle is the first call that can fail; reviewers also mark a later one (the model call after the download), named with it.
      const lines = new Set([first.node.startPosition.row]);
      const related = [];
      for (const call of unguarded) {
        if (lines.has(call.node.startPosition.row) || related.length === 3) continue;
        lines.add(call.node.startPosition.row);
        related.push({ range: nodeRange(call.node), message: ALSO_UNGUARDED });
      }
      const messageId = first.outcome ? 'outcome' : handler.framework === 'gradio' ? 'gradio' : 'unhandled';
      context.report({ node: first.node, messageId, data: { handler: handler.name, call: `${first.name}()` }, related });
    }
  },
});

/** A file that may read a background task's outcome: a Celery `AsyncResult`, a future's `.result()`. */
const OUTCOME_HINT = /AsyncResult|\.result\(/;
/** `.get()` with nothing but a wait's own options (`timeout=`, `interval=`), not `dict.get("key")`. */
const WAIT_ARGUMENTS = /^\(\s*((timeout|interval|disable_sync_subtasks)\s*=\s*[^,()]+\s*,?\s*)*\)$/;

/**
 * A handler that reads what a background task produced re-raises whatever the task raised:
 * `AsyncResult(task_id).get()` (Celery), `future.result()` (concurrent.futures, asyncio). A status
 * route that checks only `ready()`/`done()` answers a failed task with a bare 500 instead of its
 * FAILURE state. Left alone when the handler looks at the failure itself (`failed()`,
 * `successful()`, `state`, `status`, `exception()`, `traceback`) or asks not to re-raise
 * (`propagate=False`). The name of the call, or undefined.
 */
function taskOutcome(model: PythonModel, call: PythonModel['calls'][number], handler: Node): string | undefined {
  const head = call.node.childForFieldName('function');
  if (head?.type !== 'attribute') return undefined;
  const method = head.childForFieldName('attribute')?.text;
  const receiver = head.childForFieldName('object');
  if (receiver?.type !== 'identifier' || receiver.text === 'self' || (method !== 'get' && method !== 'result')) return undefined;
  const args = call.node.childForFieldName('arguments')?.text ?? '()';
  if (!WAIT_ARGUMENTS.test(args)) return undefined;
  const name = receiver.text;
  const body = model.source.slice(handler.startIndex, handler.endIndex);
  // `.get()` is the task's result only on a Celery result handle the handler looked up.
  if (method === 'get' && !new RegExp(`\\b${name}\\s*=\\s*(?:[\\w.]+\\.)?AsyncResult\\(`).test(body)) return undefined;
  if (new RegExp(`\\b${name}\\s*\\.\\s*(failed|successful|state|status|exception|traceback|info)\\b`).test(body)) return undefined;
  return `${name}.${method}`;
}

/**
 * A Streamlit page runs again on every widget change, so its model, provider and network calls
 * answer the user like a handler does: the top level of the script, and the module-level
 * functions it calls that draw the page (`main()`). Unguarded there, an error is a traceback on
 * the page. A drawing function whose call the top level wraps in a try is guarded; functions the
 * page caches (`@st.cache_resource`) run once and are left to the load rules. Once per file.
 */
function streamlitPage(context: PythonContext): void {
  const { model } = context;
  const functions = new Map<string, Node>();
  for (const fn of model.functions) {
    const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const name = fn.childForFieldName('name')?.text;
    if (name && definition.parent?.type === 'module' && !/@[ \t]*(st|streamlit)\.cache/.test(definition.text.slice(0, fn.startIndex - definition.startIndex)))
      functions.set(name, fn);
  }
  // The page's own functions the top level runs outside a try (`main()` under the main guard
  // included), each with the top-level call that enters it.
  const entered = new Map<number, Node>();
  for (const call of model.calls) {
    if (call.inFunction) continue;
    const callee = call.node.childForFieldName('function');
    const fn = callee?.type === 'identifier' ? functions.get(callee.text) : undefined;
    if (fn && !entered.has(fn.id) && !guardingTry(call.node, undefined, model.source)) entered.set(fn.id, call.node);
  }
  const drawing = new Set<number>();
  for (const call of model.calls) if (call.inFunction && call.callee?.startsWith('streamlit.')) drawing.add(call.inFunction.id);
  const guardedHelpers = helpersThatHandleErrors(model);
  const uploads = streamlitUploadNames(model);
  const unguarded: { node: Node; name: string; inner?: Node; upload: boolean }[] = [];
  let draws = false;
  for (const call of model.calls) {
    const fn = call.inFunction;
    if ((fn && !entered.has(fn.id)) || inClass(call.node)) continue;
    if (call.callee?.startsWith('streamlit.')) draws = true;
    // The page's own functions are judged by what they run (their bodies are page code when entered).
    const head = call.node.childForFieldName('function');
    if (head?.type === 'identifier' && functions.has(head.text)) continue;
    // Decoding the visitor's upload fails on the visitor's file, whatever the page does next.
    const decoder = decodedUpload(call, uploads);
    const risky = decoder !== undefined ? { name: decoder } : riskyCall(model, call);
    if (!risky || (decoder === undefined && !pageFailure(risky.name))) continue;
    if (guardedHelpers.has(call.callee ?? '') || guardingTry(call.node, fn, model.source) || inErrorPath(call.node, fn ?? call.node)) continue;
    if (inDeferredLambda(call.node, fn, model.source)) continue;
    const upload = decoder !== undefined;
    // In a helper that does not draw (`ollama_chat(...)`), the user's action is the page's call into it.
    if (fn && !drawing.has(fn.id)) unguarded.push({ node: entered.get(fn.id)!, name: risky.name, inner: call.node, upload });
    else unguarded.push({ node: call.node, name: risky.name, upload });
  }
  const first = unguarded[0];
  if (!draws || !first) return;
  const lines = new Set([first.node.startPosition.row]);
  // The failing call inside the helper goes with the page's call into it.
  const related = first.inner ? [{ range: nodeRange(first.inner), message: INNER_UNGUARDED }] : [];
  for (const call of unguarded) {
    if (lines.has(call.node.startPosition.row) || related.length >= 3) continue;
    lines.add(call.node.startPosition.row);
    related.push({ range: nodeRange(call.node), message: ALSO_UNGUARDED });
  }
  const name = first.inner ? `${first.node.childForFieldName('function')?.text ?? first.name}()` : `${first.name}()`;
  context.report({ node: first.node, messageId: first.upload ? 'pageUpload' : 'page', data: { call: name }, related });
}

/**
 * What fails on a page for reasons outside it: a model provider, an LLM, a retriever, a store
 * (`client.chat.completions.create`, `chain.invoke`, `db.similarity_search`). A local model's
 * `predict` on the page's own widgets, a client built at the top (`OpenAI()`) and a plain HTTP
 * call to the page's own back end are not what reviewers of Streamlit pages consistently ask to guard.
 */
function pageFailure(name: string): boolean {
  const dot = name.lastIndexOf('.');
  const last = dot === -1 ? name : name.slice(dot + 1);
  if (/^[A-Z]/.test(last)) return false;
  // A page's call to its own back end: reviewers of these pages split on it (a status check is often the whole story).
  if (/^(requests|httpx|urllib|aiohttp|session)\./.test(name)) return false;
  if (/^(predict|predict_proba|predict_log_proba|decision_function|transform|fit_transform|score|forward|kneighbors|encode|detect|segment)$/.test(last)) return false;
  return dot !== -1 || /llm|chain|agent/i.test(name);
}

/**
 * A call in a function the handler defines and then runs, each time inside a try: FastAPI's
 * `def sync_call(...): ...` then `await run_in_threadpool(sync_call, ...)` in a `try`, and the
 * same through `loop.run_in_executor(None, work)`, `asyncio.to_thread(work)` or a plain `work()`.
 * The call fails where the handler runs the function, so the try there guards it. The inner
 * function must be named somewhere outside its own definition, and every such place must sit in
 * the body of a try (a place inside yet another function counts as unguarded).
 */
function runInsideTry(model: PythonModel, node: Node, handler: Node): boolean {
  let inner: Node | undefined;
  for (let n = node.parent; n && n.id !== handler.id; n = n.parent) {
    if (n.type === 'function_definition') {
      inner = n;
      break;
    }
  }
  const name = inner?.childForFieldName('name')?.text;
  if (!inner || !name) return false;
  const source = model.source;
  const word = new RegExp(`\\b${name}\\b`, 'g');
  word.lastIndex = handler.startIndex;
  let runs = 0;
  for (let m = word.exec(source); m && m.index < handler.endIndex; m = word.exec(source)) {
    if (m.index >= inner.startIndex && m.index < inner.endIndex) continue;
    const reference = handler.descendantForIndex(m.index, m.index + name.length);
    if (reference?.type !== 'identifier') continue;
    if (!guardingTry(reference, handler)) return false;
    runs++;
  }
  return runs > 0;
}

function inClass(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'class_definition') return true;
  return false;
}

/**
 * A call in an `except` or `finally` clause is the handler's error handling itself (recording the
 * failure, answering 400): the handler has a try, so "no error handling" would be wrong.
 */
function inErrorPath(node: PythonModel['functions'][number], stop: PythonModel['functions'][number]): boolean {
  for (let n = node.parent; n && n.id !== stop.id; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'lambda') return false;
    if (n.type === 'except_clause' || n.type === 'except_group_clause' || n.type === 'finally_clause') return true;
  }
  return false;
}

const INNER_UNGUARDED = l('오류 처리 없이 실패할 수 있는 호출', 'the call that can fail, outside any try');
const ALSO_UNGUARDED = l('역시 오류 처리 없이 실패할 수 있는 호출', 'another call that can fail, outside any try');

/** Is `exception` (as a helper raises it again) handled at app level in the service that holds `path`? */
function handledBy(view: ProjectView, path: string, exception: string): boolean {
  const root = view.serviceRoot(path);
  const last = exception.split('.').pop() ?? exception;
  for (const [file, facts] of view.python) {
    if (view.serviceRoot(file) !== root) continue;
    if (facts.errorHandlers.some((h) => h.exception.split('.').pop() === last)) return true;
  }
  return false;
}

/** App-level handlers that catch everything (as `hasCatchAllHandler` reads them in one file). */
const CATCH_ALL = /^(\w+\.)*(Exception|BaseException|InternalServerError|HTTPException)$|^500$|INTERNAL_SERVER_ERROR$/;

/**
 * Functions of this file whose body is wrapped in a try: calling them is handled. Module-level
 * helpers by name, and methods of a module-level class through the instance the module makes of
 * it (`service = ModelService()` ... `service.predict(x)`), the usual service-object shape.
 */
function helpersThatHandleErrors(model: PythonModel): Set<string> {
  const names = new Set<string>();
  const methods = new Map<string, string[]>();
  for (const fn of model.functions) {
    const text = model.source.slice(fn.startIndex, fn.endIndex);
    if (!/^[ \t]+try\s*:/m.test(text) || !/^[ \t]+except\b/m.test(text)) continue;
    const name = /def\s+(\w+)/.exec(text)?.[1];
    if (!name || model.isHandler(fn)) continue;
    if (fn.parent?.type === 'module' || fn.parent?.parent?.type === 'module') names.add(name);
    const cls = classOf(fn);
    if (cls?.parent?.type === 'module') {
      const className = cls.childForFieldName('name')?.text;
      if (className) methods.set(className, [...(methods.get(className) ?? []), name]);
    }
  }
  for (const [instance, callee] of model.boundCalls) for (const method of methods.get(callee) ?? []) names.add(`${instance}.${method}`);
  return names;
}

function classOf(fn: PythonModel['functions'][number]) {
  const body = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  return body?.type === 'block' && body.parent?.type === 'class_definition' ? body.parent : undefined;
}
