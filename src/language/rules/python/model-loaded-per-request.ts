import type { Node } from 'web-tree-sitter';
import { keywordArgument, type CallInfo, type HandlerInfo, type PythonModel } from '../../python/model';
import { isTrainingCall } from '../../python/training';
import { createdOnce, EMBEDDING_MODEL, loadsCredentials, MODEL_LOADER, sameFileHelpers } from '../../python/serving';
import { enclosingWorkerLoop, queueTasks, workerLoops } from '../../python/workers';
import { rerunLoads } from '../../python/reruns';
import { calledEffect, projectFunction } from '../../project/effects';
import type { ProjectView } from '../../project/index';
import { requestDerived } from '../../python/request-derived';
import { l, nodeRange, pythonRule } from '../../rule';

export default pythonRule({
  id: 'model-loaded-per-request',
  language: 'python',
  local: 'handler',
  category: 'scalability',
  severity: 'warning',
  anchors: ['gap:per-request-model-load'],
  messages: {
    perRequest: l(
      "요청 핸들러 '{handler}' 안에서 모델을 로딩합니다 ({callee}) — 요청마다 디스크/네트워크에서 다시 읽습니다",
      "The handler '{handler}' loads a model ({callee}) — it is read from disk or network on every request",
    ),
    perTask: l(
      "작업 '{handler}'이 메시지마다 모델을 로딩합니다 ({callee}) — 워커 프로세스는 살아 있는데 작업마다 디스크에서 다시 읽습니다",
      "The task '{handler}' loads a model ({callee}) for every message — the worker process lives on, yet each job reads the model from disk again",
    ),
    taskHelper: l(
      "작업 '{handler}'이 {helper}()를 부르고, 그 함수가 모델을 읽습니다 ({callee}) — 워커 프로세스는 살아 있는데 메시지마다 다시 로딩됩니다",
      "The task '{handler}' calls {helper}(), which reads a model ({callee}) — the worker process lives on, yet the model is loaded again for every message",
    ),
    perInstance: l(
      "'{view}'의 __init__에서 모델을 로딩합니다 ({callee}) — {framework}는 요청마다 뷰 객체를 새로 만들므로 요청마다 다시 읽습니다",
      "'{view}' loads a model in __init__ ({callee}) — {framework} builds a new view instance for every request, so the model is read again on every request",
    ),
    perRerun: l(
      'Streamlit 스크립트의 최상위에서 모델을 로딩합니다 ({callee}) — Streamlit은 위젯을 건드릴 때마다 스크립트 전체를 다시 실행하므로 상호작용마다 다시 읽습니다',
      'The Streamlit script loads a model at its top level ({callee}) — Streamlit reruns the whole script on every widget change, so the model is read again on every interaction',
    ),
    perRerunPage: l(
      'Streamlit 페이지 함수 {helper}()가 캐시 없이 모델을 로딩합니다 ({callee}) — Streamlit은 위젯을 건드릴 때마다 이 함수를 다시 실행하므로 상호작용마다 다시 읽습니다',
      'The Streamlit page function {helper}() loads a model with no cache ({callee}) — Streamlit runs it again on every widget change, so the model is read again on every interaction',
    ),
    perRerunPageIndex: l(
      'Streamlit 페이지 함수 {helper}()가 캐시 없이 벡터 인덱스를 만듭니다 ({callee}) — Streamlit은 위젯을 건드릴 때마다 이 함수를 다시 실행하므로 상호작용마다 모든 문서를 다시 임베딩합니다',
      'The Streamlit page function {helper}() builds a vector index with no cache ({callee}) — Streamlit runs it again on every widget change, so every document is embedded again on every interaction',
    ),
    rerunHelper: l(
      'Streamlit 스크립트가 다시 실행될 때마다 이 호출이 {helper}()에 들어가고, 그 함수가 캐시 없이 모델을 읽습니다 ({callee}) — 상호작용마다 다시 로딩됩니다',
      'Every rerun of the Streamlit script makes this call, which reaches {helper}(), and it reads a model with no cache ({callee}) — the model is loaded again on every interaction',
    ),
    perRerunIndex: l(
      'Streamlit 스크립트의 최상위에서 벡터 인덱스를 만듭니다 ({callee}) — Streamlit은 위젯을 건드릴 때마다 스크립트 전체를 다시 실행하므로 상호작용마다 모든 문서를 다시 임베딩합니다',
      'The Streamlit script builds a vector index at its top level ({callee}) — Streamlit reruns the whole script on every widget change, so every document is embedded again on every interaction',
    ),
    rerunHelperIndex: l(
      'Streamlit 스크립트가 다시 실행될 때마다 이 호출이 {helper}()에 들어가고, 그 함수가 캐시 없이 벡터 인덱스를 만듭니다 ({callee}) — 질문 하나, 클릭 하나마다 모든 문서를 다시 임베딩합니다',
      'Every rerun of the Streamlit script makes this call, which reaches {helper}(), and it builds a vector index with no cache ({callee}) — every question or click embeds every document again',
    ),
    perMessage: l(
      '워커 루프가 메시지마다 모델을 로딩합니다 ({callee}) — 프로세스는 계속 살아 있는데 메시지 하나마다 디스크/네트워크에서 다시 읽습니다',
      'The worker loop loads a model ({callee}) for every message — the process lives on, yet each message reads the model from disk or network again',
    ),
    loopHelper: l(
      '워커 루프가 메시지마다 {helper}()를 부르고, 그 함수가 모델을 읽습니다 ({callee}) — 루프 밖에서 한 번만 로딩하면 됩니다',
      'The worker loop calls {helper}() for every message, and that reads a model ({callee}) — load it once, before the loop',
    ),
    method: l(
      "요청 핸들러 '{handler}'가 {call}()를 부르고, 이 호출이 닿는 {method}()({file})가 모델이나 전처리기를 읽습니다 ({callee}) — 요청마다 다시 로딩됩니다",
      "The handler '{handler}' calls {call}(), which reaches {method}() in {file}, and that reads a model or preprocessor ({callee}) — it is loaded again on every request",
    ),
    helper: l(
      "요청 핸들러 '{handler}'가 {helper}()를 부르고, 그 함수가 모델이나 전처리기를 읽습니다 ({callee}) — 요청마다 다시 로딩됩니다",
      "The handler '{handler}' calls {helper}(), which reads a model or preprocessor ({callee}) — it is loaded again on every request",
    ),
  },
  docs: {
    summary: l(
      '요청 핸들러, 큐 작업(Celery·RQ·Dramatiq), 워커 루프(메시지마다 도는 컨슈머·폴러) 안에서, 또는 캐시 없이 Streamlit 스크립트가 다시 실행될 때마다 모델을 로딩하는 호출을 찾습니다.',
      'Flags model-loading calls inside request handlers, queue tasks (Celery, RQ, Dramatiq) and worker loops (consumers and pollers that run once per message), and in Streamlit scripts that load again on every rerun with no @st.cache_resource.',
    ),
    why: l(
      '모델 로딩은 수백 ms~수십 초가 걸리고 메모리를 크게 씁니다. 요청마다 로딩하면 지연 시간이 늘고, 동시 요청이 몰리면 메모리가 부족해 프로세스가 죽습니다.',
      'Loading a model takes hundreds of milliseconds to minutes and lots of memory. Per request it inflates latency, and concurrent requests can exhaust memory and kill the process.',
    ),
    bad: "import joblib\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n@app.post('/predict')\ndef predict(x: float):\n    model = joblib.load('model.joblib')\n    return {'y': model.predict([[x]])[0]}\n",
    good: "from fastapi import FastAPI\n\napp = FastAPI()\n# TODO: 프로세스 시작 시 한 번만 모델을 로딩하세요 (lifespan 또는 모듈 수준)\nmodel = None\n\n@app.post('/predict')\ndef predict(x: float):\n    # TODO: model이 준비되지 않았다면 어떤 응답을 줄까요?\n    return {'y': model.predict([[x]])[0]}\n",
  },
  weeks: ['beginner/5', 'intermediate/4', 'advanced/3'],
  questions: [
    l(
      '초당 100개의 요청이 오면 이 모델은 몇 번 로딩될까요? 그때 메모리와 응답 시간은 어떻게 될까요?',
      'With 100 requests per second, how many times is this model loaded? What happens to memory and latency?',
    ),
    l('모델을 한 번만 로딩하려면 프로세스 생명주기의 어느 시점이 적당할까요?', 'At which point in the process lifecycle would you load the model just once?'),
    l('모델 로딩이 실패하면 서버는 어떤 상태여야 할까요? 트래픽을 받아도 될까요?', 'If loading fails, what state should the server be in? Should it still receive traffic?'),
  ],
  scaffold: {
    ko: '# TODO: 모델을 프로세스당 한 번만 로딩하기\n# 고려사항:\n# - 시작 시점: 모듈 로딩? FastAPI lifespan? 첫 요청 시 지연 로딩?\n# - 워커가 여러 개면 메모리는 몇 배가 될까요?\n# - 로딩 실패 시 readiness는 어떻게 보고할까요?\n# TODO: 핸들러는 이미 로딩된 모델만 사용하기\n',
    en: '# TODO: load the model once per process\n# Consider:\n# - when: at import? in a FastAPI lifespan? lazily on first use?\n# - with several workers, how many copies sit in memory?\n# - how does readiness report a failed load?\n# TODO: handlers only use the already loaded model\n',
  },
  // A helper in another module (or a `Depends(load_model)`) that loads on every call: the per-file pass sees only this file's helpers.
  project(context) {
    const { view } = context;
    const loadsReported = new Set<string>();
    for (const [path, facts] of view.python) {
      for (const call of facts.handlerCalls ?? []) {
        // `load_model()` named like a loader, but defined in the project behind a cache
        // (`@lru_cache`, a module-level dict filled once): the per-file pass could not see that.
        if (call.via === 'call' && cachedLoader(view, path, call.name, call.scope)) {
          context.withdraw(path, call.range.start.line);
          continue;
        }
        // A direct call to a helper named like a loader (`load_model()`) is already reported by the per-file pass, on the same line.
        if (isReloadRoute({ name: call.handler, route: call.route }) || (call.via === 'call' && LOADER.test(call.name))) continue;
        // A task that calls itself (the next page of a batch) loads what its own body loads: the per-file pass judges that load.
        if (call.task && call.name === call.handler) continue;
        const reached = calledEffect(view, path, call.name, 'loads', call.scope);
        if (!reached || (call.via === 'call' && reached.path === path && projectFunction(view, path, call.name, call.scope)?.fn === reached.fn)) continue;
        const helper = call.name.split('.').pop() ?? call.name;
        const data = { handler: call.handler, helper, callee: reached.effect.what };
        const related = [{ path: reached.path, range: reached.effect.range, message: l('요청마다 실행되는 로드', 'the load that runs on every request') }];
        // A task's model module is where the load has to move (a worker_process_init hook, a cached
        // getter), so a task's finding goes to the load itself, once however many tasks reach it.
        if (call.task && reached.path !== path) {
          const key = `${reached.path}:${reached.effect.range.start.line}`;
          if (!loadsReported.has(key)) context.report({ path: reached.path, range: reached.effect.range, messageId: 'taskHelper', data });
          loadsReported.add(key);
          continue;
        }
        // A service object's method (`service.forecast()` -> `ForecastService.forecast`): named as written, with the file of the load.
        if (!call.task && call.via === 'call' && reached.fn.name.includes('.')) {
          const file = reached.path.split('/').slice(-3).join('/');
          context.report({ path, range: call.range, messageId: 'method', data: { ...data, call: call.written ?? call.name, method: reached.fn.name, file }, related });
          continue;
        }
        context.report({ path, range: call.range, messageId: call.task ? 'taskHelper' : 'helper', data, related });
      }
    }
  },
  check(context) {
    const { model } = context;
    // Streamlit: a rerun of the script is the request.
    for (const load of rerunLoads(model))
      context.report({
        node: load.node,
        messageId:
          load.helper === undefined
            ? load.index
              ? 'perRerunIndex'
              : 'perRerun'
            : load.inPage
              ? load.index
                ? 'perRerunPageIndex'
                : 'perRerunPage'
              : load.index
                ? 'rerunHelperIndex'
                : 'rerunHelper',
        data: { callee: load.callee, helper: load.helper ?? '' },
        // The squiggle is the call every rerun makes; the load it reaches is where a cache goes.
        ...(load.load && { related: [{ range: nodeRange(load.load), message: RERUN_LOAD }] }),
      });
    reportLoopLoads(context.report.bind(context), model);
    const tasks = queueTasks(model);
    if (model.handlers.length === 0 && tasks.size === 0) return;
    const helpers = loadingHelpers(model);
    const taskHelpers = tasks.size > 0 ? helpers : undefined;
    for (const call of taskHelpers ? model.calls : []) {
      const fn = call.inFunction;
      const task = fn ? tasks.get(fn.id) : undefined;
      if (!task || !call.callee || createdOnce(call.node, fn!, model.source.slice(fn!.startIndex, fn!.endIndex))) continue;
      // A training task that starts from a checkpoint loads it once per training run: that is the job, not a per-message cost.
      if (trainingTasks(model, fn!)) continue;
      // A task calling itself (the next page of a batch) loads what its own body loads, judged there.
      if (amortisedOverBatch(call.node, fn!) || call.callee === task) continue;
      const through = taskHelpers!.get(call.callee);
      if (through !== undefined) {
        const data = { handler: task, helper: call.callee.split('.').pop() ?? call.callee, callee: through.split('.').slice(-2).join('.') };
        context.report({ node: call.node, messageId: 'taskHelper', data });
      } else if (LOADER.test(call.callee) || LOAD_HELPER.test(call.callee)) {
        context.report({ node: call.node, messageId: 'perTask', data: { handler: task, callee: call.callee.split('.').slice(-2).join('.') } });
      }
    }
    if (model.handlers.length === 0) return;
    reportInstanceLoads(context.report.bind(context), model);
    // The model, its encoders and its scaler read again in one handler are one lesson: the first load says it.
    const told = new Set<number>();
    for (const call of model.calls) {
      if (!call.callee || !call.inFunction) continue;
      // The loaders' pattern is long and every call of the file is tested: once each.
      const loader = LOADER.test(call.callee);
      if (!loader && !helpers.has(call.callee) && !LOAD_HELPER.test(call.callee)) continue;
      // The handler (found by position) before the credentials test (a walk up out of WASM): after
      // an edit inside one handler, this rule's view knows that handler only, and the loads of the
      // others are passed over without reading their trees.
      const handler = model.enclosingHandler(call.node);
      if (!handler) continue;
      const loads = loader && !loadsCredentials(call.node);
      const through = loads ? undefined : (helpers.get(call.callee) ?? (LOAD_HELPER.test(call.callee) ? call.callee : undefined));
      if (through === undefined && !loads) continue;
      if (isReloadRoute(handler) || createdOnce(call.node, handler.node, model.source.slice(handler.node.startIndex, model.handlerEnd(handler)))) continue;
      // Unpickling the request's own bytes is an input problem (unsafe-deserialization), not a model
      // load: `request` itself, or a value read from the handler's payload (`BytesIO(data[0]["body"])`).
      const args = call.node.childForFieldName('arguments')?.text ?? '';
      if (/\brequest\b/.test(args) || (handler.payload !== undefined && requestDerived(model, handler).mentionsRaw(args))) continue;
      if (told.has(handler.node.id)) continue;
      told.add(handler.node.id);
      const callee = (through ?? call.callee).split('.').slice(-2).join('.');
      context.report({
        node: call.node,
        messageId: through === undefined ? 'perRequest' : 'helper',
        data: { handler: handler.name, callee, ...(through === undefined ? {} : { helper: call.callee.split('.').pop() ?? call.callee }) },
      });
    }
  },
});

/**
 * Class-based views that Django, DRF, Flask (`View`, `MethodView`), Flask-RESTful and Flask-RESTX
 * instantiate once per request: whatever `__init__` loads is loaded per request. gRPC servicers,
 * BentoML services and Ray Serve deployments are built once, and a Flask view that sets
 * `init_every_request = False` is reused.
 */
function reportInstanceLoads(report: (finding: { node: Node; messageId: string; data: Record<string, string> }) => void, model: PythonModel): void {
  const seen = new Set<number>();
  for (const handler of model.handlers) {
    if (handler.framework !== 'django' && handler.framework !== 'flask') continue;
    const cls = handler.node.parent?.type === 'block' ? handler.node.parent.parent : handler.node.parent?.parent?.type === 'block' ? handler.node.parent.parent.parent : undefined;
    if (cls?.type !== 'class_definition' || seen.has(cls.id)) continue;
    seen.add(cls.id);
    if (/init_every_request\s*=\s*False/.test(cls.text)) continue;
    const init = model.functions.find((f) => f.childForFieldName('name')?.text === '__init__' && f.startIndex > cls.startIndex && f.endIndex <= cls.endIndex);
    if (!init) continue;
    const load = model.calls.find((c) => c.inFunction?.id === init.id && c.callee && LOADER.test(c.callee));
    if (!load) continue;
    const framework = handler.framework === 'django' ? 'Django' : 'Flask';
    report({
      node: load.node,
      messageId: 'perInstance',
      data: { view: cls.childForFieldName('name')?.text ?? '?', callee: load.callee!.split('.').slice(-2).join('.'), framework },
    });
  }
}

/**
 * Does `name`, called from `from`, resolve to a project function that loads a model only once
 * per process: a cached loader itself, or a function whose load goes through one (and that
 * reaches no per-call load)?
 */
function cachedLoader(view: ProjectView, from: string, name: string, scope?: string): boolean {
  const target = projectFunction(view, from, name, scope);
  if (!target || calledEffect(view, from, name, 'loads', scope)) return false;
  return (
    target.fn.loadsOnce === true ||
    target.fn.calls.some((c) => c.once && (projectFunction(view, target.path, c.name)?.fn.loadsOnce === true || calledEffect(view, target.path, c.name, 'loads') !== undefined))
  );
}

/** Helpers from other modules whose name says they load an artifact (`model_load`, `load_pickle`). */
const LOAD_HELPER = /(^|\.)(model_?load|load_?(pickle|joblib|artifacts?|checkpoint|pipeline|weights|scaler|encoder|vectorizer|preprocessor|net|network)|unpickle)$/i;

/**
 * `model = load_model()` and then `for movie in query(...): model.predict(...)`: a batch job loads
 * once for the many predictions it makes. A loop over the message's own rows (a parameter) is
 * still one load per message.
 */
function amortisedOverBatch(load: Node, fn: Node): boolean {
  const left = load.parent?.type === 'assignment' ? load.parent.childForFieldName('left') : undefined;
  if (left?.type !== 'identifier') return false;
  const parameters = new Set(
    (fn.childForFieldName('parameters')?.namedChildren ?? []).map((p) => (p?.type === 'identifier' ? p.text : (p?.childForFieldName('name') ?? p?.namedChildren[0])?.text)),
  );
  const uses = new RegExp(`\\b${left.text}\\b`);
  return (fn.childForFieldName('body')?.descendantsOfType('for_statement') ?? []).some((loop) => {
    const over = loop?.childForFieldName('right');
    if (!loop || !over || loop.startIndex < load.endIndex || (over.type === 'identifier' && parameters.has(over.text))) return false;
    return uses.test(loop.childForFieldName('body')?.text ?? '');
  });
}

/** Does this task train (`.fit(`, `net.train_net(`)? Then what it loads is a starting point, read once per run. */
function trainingTasks(model: PythonModel, fn: Node): boolean {
  return model.calls.some((c) => c.inFunction?.id === fn.id && c.callee !== undefined && (TRAINING_HELPER.test(c.callee) || isTrainingCall(model, c)));
}

/** A model load, or an embedding model built (which loads its weights). */
const LOADER = { test: (callee: string): boolean => MODEL_LOADER.test(callee) || EMBEDDING_MODEL.test(callee) };

const TRAINING_HELPER = /(^|\.)(train_net|train_model|fit_model|fit_generator)$/;

/**
 * Module-level functions of this file that load a model on every call (no cache around them):
 * `def model_load(path): return pickle.load(open(path, 'rb'))`. Name -> the loader they call.
 */
function loadingHelpers(model: PythonModel): Map<string, string> {
  // A credentials read (`key = json.load(f)`) is told apart last, by the tree around it: only for a load in a helper.
  return sameFileHelpers(
    model,
    model.calls,
    (call) => (call.callee && LOADER.test(call.callee) ? call.callee : undefined),
    true,
    undefined,
    (call) => !loadsCredentials(call.node),
  );
}

/** A torchvision architecture built with its pretrained weights (`models.resnet18(pretrained=True)`, `weights="DEFAULT"`). */
function buildsPretrained(call: CallInfo): boolean {
  if (!/^torchvision\.models\.\w+$/.test(call.callee ?? '')) return false;
  const pretrained = keywordArgument(call.node, 'pretrained')?.text;
  const weights = keywordArgument(call.node, 'weights')?.text;
  return pretrained === 'True' || (weights !== undefined && weights !== 'None');
}

/**
 * A long-running worker loop (a queue consumer, an SQS poller): each pass serves one message,
 * so a model loaded in its body, or in a same-file helper the body calls, is read again for
 * every message. One finding per loop: the first load says it.
 */
function reportLoopLoads(
  report: (descriptor: { node: Node; messageId: string; data: Record<string, string>; related?: { range: ReturnType<typeof nodeRange>; message: ReturnType<typeof l> }[] }) => void,
  model: PythonModel,
): void {
  if (workerLoops(model).length === 0) return;
  const loads = (call: CallInfo): string | undefined => (call.callee && (LOADER.test(call.callee) || buildsPretrained(call)) ? call.callee : undefined);
  const helpers = sameFileHelpers(model, model.calls, loads);
  const told = new Set<number>();
  for (const call of model.calls) {
    if (!call.callee) continue;
    const direct = loads(call);
    const through = direct === undefined ? helpers.get(call.callee) : undefined;
    if (direct === undefined && through === undefined) continue;
    const loop = enclosingWorkerLoop(model, call.node);
    if (!loop || told.has(loop.node.id) || call.node.startIndex < loop.body.startIndex) continue;
    // `if model is None: model = load()` inside the loop loads once.
    if (createdOnce(call.node, loop.node, model.source.slice(loop.node.startIndex, loop.node.endIndex))) continue;
    told.add(loop.node.id);
    const callee = (direct ?? through!).split('.').slice(-2).join('.');
    if (through === undefined) report({ node: call.node, messageId: 'perMessage', data: { callee } });
    else {
      // The squiggle is the call the loop makes; the load it reaches is where reviewers point too.
      const helper = call.callee.split('.').pop() ?? call.callee;
      const load = model.calls.find((c) => c.inFunction?.childForFieldName('name')?.text === helper && loads(c) !== undefined);
      report({ node: call.node, messageId: 'loopHelper', data: { callee, helper }, ...(load && { related: [{ range: nodeRange(load.node), message: LOOP_LOAD }] }) });
    }
  }
}

/**
 * `POST /model/reload`, `def refresh_model()`: loading is what the route is for. Whether it
 * is protected is another rule's question (unauthenticated-state-change).
 */
function isReloadRoute(handler: Pick<HandlerInfo, 'name' | 'route'>): boolean {
  const words = `${handler.route ?? ''} ${handler.name}`.toLowerCase().split(/[^a-z]+/);
  return words.some((w) => RELOAD_WORDS.has(w)) && !words.some((w) => /^(predict|prediction|infer|inference|score|classify|generate)$/.test(w));
}

const RELOAD_WORDS = new Set(['reload', 'refresh', 'swap', 'promote', 'rollout', 'switch', 'load']);

const LOOP_LOAD = l('메시지마다 다시 실행되는 로딩', 'the load that runs again for every message');
const RERUN_LOAD = l('캐시 없이 다시 실행되는 로딩', 'the load that runs again on every rerun, with no cache');
