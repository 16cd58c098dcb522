import type { Node } from 'web-tree-sitter';
import type { PythonModel } from '../../python/model';
import { enclosingExcept, inAnyExcept, silentCatchAll } from '../../python/errors';
import { enclosingWorkerLoop, isDisplayLoop, onlyDisplays, queueTasks, workerLoops } from '../../python/workers';
import { calledEffect } from '../../project/effects';
import type { ProjectView } from '../../project/index';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'print-instead-of-logging',
  language: 'python',
  // Not local: the prints of a file are told in one finding that names them all.
  category: 'observability',
  severity: 'info',
  anchors: ['T201', 'T203'],
  messages: {
    print: l('서비스 코드에서 print()로 출력합니다 — 레벨도, 시간도, 요청 정보도 없는 로그입니다', 'Service code writes with print() — no level, no timestamp, no request context'),
    helper: l(
      "핸들러 '{handler}'가 부르는 {helper}()가 print()로 출력합니다 — 요청마다 레벨도 시간도 없는 출력이 남습니다",
      "{helper}(), called by the handler '{handler}', writes with print() — on every request, with no level or timestamp",
    ),
    taskHelper: l(
      "작업 '{handler}'가 부르는 {helper}()가 print()로 출력합니다 — 메시지마다 레벨도 시간도 없는 출력이 남습니다",
      "{helper}(), called by the task '{handler}', writes with print() — for every message, with no level or timestamp",
    ),
    loopHelper: l(
      '워커 루프가 메시지마다 부르는 {helper}()가 print()로 출력합니다 — 메시지마다 레벨도 시간도 없는 출력이 남습니다',
      '{helper}(), called for every message of a worker loop, writes with print() — for every message, with no level or timestamp',
    ),
    jobHelper: l(
      '작업 큐의 워커가 작업마다 실행하는 {helper}()가 print()로 출력합니다 — 작업마다 레벨도 시간도 없는 출력이 남습니다',
      '{helper}(), which a queue worker runs for every job, writes with print() — for every job, with no level or timestamp',
    ),
    serviceError: l(
      "서비스 '{service}'가 가져다 쓰는 모듈이 실패를 print()로 알립니다 — 운영 로그에서 레벨로 걸러 낼 수도, 언제 무엇이 실패했는지 찾을 수도 없습니다",
      "A module the service '{service}' imports reports a failure with print() — no level to filter on in production, no trace of when or what failed",
    ),
    worker: l(
      '계속 도는 워커 루프가 print()로 보고합니다 — 레벨도 시간도 없어 장애 때 걸러 볼 수 없습니다',
      'A long-running worker loop reports with print() — no level or timestamp to filter by when it fails',
    ),
    printMany: l(
      '서비스 코드가 여기와 {lines}번째 줄에서 print()로 출력합니다 — 레벨도, 시간도, 요청 정보도 없는 로그입니다',
      'Service code writes with print() here and again on line {lines} — no level, no timestamp, no request context',
    ),
    workerMany: l(
      '계속 도는 워커 루프가 여기와 {lines}번째 줄에서 print()로 보고합니다 — 레벨도 시간도 없어 장애 때 걸러 볼 수 없습니다',
      'A long-running worker loop reports with print() here and again on line {lines} — no level or timestamp to filter by when it fails',
    ),
  },
  docs: {
    summary: l(
      '서빙 앱의 함수(요청마다 실행되는 코드), 계속 도는 워커 루프, 큐 작업과 RabbitMQ 컨슈머 콜백(받은 것을 보여 주기만 하는 콘솔 수신기는 제외), 작업이 부르는 같은 파일의 함수와 Celery 작업 클래스의 메서드 안의 print()/pprint() 호출을 찾습니다. 프로젝트 전체를 보면, RQ 같은 작업 큐에 참조로 넘겨지는 함수가 어느 모듈에 있든 print()로 출력하는 곳, 워커 루프가 메시지마다 부르는 다른 모듈의 함수가 print()로 출력하는 곳과, 서비스(핸들러, gRPC 서비서, 큐 작업, 워커 루프가 있는 파일)가 직접 또는 다른 모듈을 거쳐 가져오는 모듈에서 실패를 print()로 알리는 곳(except 안, 오류 메시지)도 모듈마다 한 번 찾습니다 (시작 메시지, __main__ 블록, CLI, 노트북에서 내보낸 파일, 학습 스크립트, 테스트는 제외). 모델을 학습시키는 핸들러(/train 라우트, 재학습 작업)가 부르는 함수의 print는 학습 코드로 보고 묻지 않습니다: 학습 스크립트처럼 print해도 됩니다(학습하는 라우트는 요청 안의 학습을 다루는 규칙이 핸들러에서 알립니다). Streamlit 페이지(스크립트가 상호작용마다 다시 실행됨)에서는 함수 안이나 위젯(채팅 입력, 버튼, 스피너)이 여는 블록 안의 출력도 찾습니다(실패나 설정 문제를 알리는 출력은 제외).',
      'Flags print()/pprint() calls in the functions of a serving app (code that runs per request), in long-running worker loops, and in queue tasks and RabbitMQ consumer callbacks (not a console receiver that only shows what arrives), with the functions of the same file that a task calls and the methods of a Celery task class. Across the project it also flags a function handed to a job queue by reference (`queue.enqueue(predict_task, ...)`, RQ) that prints, in whichever module it lives, a helper in another module that prints on every message of a worker loop, and, once per module, a print() that reports a failure (under an `except`, or an error message) in a module a service (a file with handlers, a gRPC servicer, queue tasks or a worker loop) imports directly or through other modules (not start-up messages, __main__ blocks, CLIs, exported notebooks, training scripts or tests). The helpers of a handler that trains a model (a /train route, a retrain task) are training code, which may print like a training script (a route that trains is told so on the handler, by the rule on training inside a request). In a Streamlit page (the script runs again on every interaction) it also flags printing in a function or in a block a widget opens (the chat input, a button, a spinner), not a print that tells of a failure or a setting problem.',
    ),
    why: l(
      'print는 레벨로 거를 수도, 수집기에서 구조화할 수도 없고 버퍼링 때문에 컨테이너 로그에서 늦게 보이거나 사라집니다. 개인정보가 섞인 입력을 그대로 찍기도 쉽습니다.',
      'print cannot be filtered by level or parsed by a log collector, may be buffered and show up late or never in container logs, and easily dumps personal data.',
    ),
    bad: "from flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    print('health checked')\n    return 'ok'\n",
    good: "import logging\nfrom flask import Flask\n\napp = Flask(__name__)\nlogger = logging.getLogger(__name__)\n\n@app.route('/health')\ndef health():\n    # TODO: 이 로그는 어떤 레벨이 맞을까요? 어떤 필드를 함께 남길까요?\n    logger.debug('health checked')\n    return 'ok'\n",
  },
  weeks: ['beginner/6', 'intermediate/6', 'advanced/5'],
  questions: [
    l('운영 중 오류가 났을 때, 이 print 출력 중에서 필요한 줄을 어떻게 찾으실 건가요?', 'When something fails in production, how would you find the one print line you need?'),
    l('이 메시지는 디버그, 정보, 경고, 오류 중 어떤 수준일까요? 운영에서 항상 보여야 할까요?', 'Is this message debug, info, warning or error? Should production always show it?'),
    l('로그에 요청 데이터나 개인정보가 찍히고 있지는 않나요?', 'Could request data or personal information end up in this output?'),
  ],
  scaffold: {
    ko: '# TODO: logging 모듈로 전환\n# 고려사항:\n# - 모듈마다 logger = logging.getLogger(__name__)\n# - 레벨은? (DEBUG/INFO/WARNING/ERROR)\n# - 수집기를 위해 JSON 같은 구조화 형식이 필요할까요?\n# - 개인정보는 어떻게 가릴까요?\n# TODO: print 대신 logger 호출로 바꾸기\n',
    en: '# TODO: move to the logging module\n# Consider:\n# - one logger = logging.getLogger(__name__) per module\n# - which level? (DEBUG/INFO/WARNING/ERROR)\n# - does your collector need a structured (JSON) format?\n# - how do you mask personal data?\n# TODO: replace print with logger calls\n',
  },
  callees: ['print', 'pprint.pprint'],
  // A helper in another module that prints on every call from a handler or a queue task: the per-file pass sees only its own file.
  project(context) {
    const { view } = context;
    // An app nothing the tree runs starts (a demo beside the served app) is not service code.
    for (const path of view.entryPoints.unserved) context.withdraw(path);
    const sites = new Set<string>();
    for (const [path, facts] of view.python) {
      if (view.unserved(path)) continue;
      // A handler that trains a model (a /train route, a retrain task) runs training code, which may
      // print its progress like a training script; a route that trains is told so on the handler.
      const training = new Set((facts.handlerCalls ?? []).filter((c) => c.via === 'call' && calledEffect(view, path, c.name, 'trains', c.scope)).map((c) => c.handler));
      for (const call of facts.handlerCalls ?? []) {
        if (call.via !== 'call' || training.has(call.handler)) continue;
        const reached = calledEffect(view, path, call.name, 'prints', call.scope);
        // A script's `main(x)` that a queue task calls runs once per message, not once at start-up.
        if (!reached || reached.path === path || (STARTUP_NAME.test(reached.fn.name) && !(call.task && reached.fn.name === 'main'))) continue;
        // A service module's own functions are the per-file pass's finding.
        const target = view.python.get(reached.path);
        if (!target || target.routes.length > 0 || target.objects.length > 0) continue;
        const site = `${reached.path}:${reached.effect.range.start.line}`;
        if (sites.has(site)) continue;
        sites.add(site);
        // One habit, one finding per module: this one names the handler it runs for, so the module's
        // own per-file finding (a worker loop or a consumer callback printing) is not told twice.
        context.withdraw(reached.path);
        context.report({
          path: reached.path,
          range: reached.effect.range,
          messageId: call.task ? 'taskHelper' : 'helper',
          data: { handler: call.handler, helper: reached.fn.name },
        });
      }
    }
    // A helper in another module that prints on every message of a worker loop (`for message in consumer:`), nested loops included.
    for (const [path, facts] of view.python) {
      if (!facts.workerLoopLines) continue;
      for (const call of facts.loopCalls ?? []) {
        if (!facts.workerLoopLines.some(([first, last]) => first <= call.loopLine && call.loopLine <= last)) continue;
        const reached = calledEffect(view, path, call.name, 'prints');
        if (!reached || reached.path === path || STARTUP_NAME.test(reached.fn.name)) continue;
        const target = view.python.get(reached.path);
        if (!target || target.serves || target.routes.length > 0 || target.objects.length > 0) continue;
        const site = `${reached.path}:${reached.effect.range.start.line}`;
        if (sites.has(site)) continue;
        sites.add(site);
        context.report({ path: reached.path, range: reached.effect.range, messageId: 'loopHelper', data: { helper: reached.fn.name } });
      }
    }
    // A module a service imports (directly or through other project modules) that reports its
    // failures with print(): the per-file pass sees a library; the project sees the service's error path.
    const toldModules = new Set<string>();
    for (const [path, entry] of servedModules(view)) {
      const facts = view.python.get(path);
      if (!facts?.errorPrints || facts.serves || facts.routes.length > 0 || facts.objects.length > 0) continue;
      // One lesson per module, at its first print under an `except`; none when a handler's call already reached one of them.
      if (facts.errorPrints.some((range) => sites.has(`${path}:${range.start.line}`))) continue;
      const range = facts.errorPrints[0];
      sites.add(`${path}:${range.start.line}`);
      toldModules.add(path);
      context.report({ path, range, messageId: 'serviceError', data: { service: baseName(entry) } });
    }
    // A function handed to a job queue by reference (`queue.enqueue(predict_task, ...)`, RQ): a worker
    // runs it once per job, though nothing in its own module says it is a task. One lesson per
    // module: none where the module's printed failures (or another job's prints) were already told.
    for (const [path, facts] of view.python) {
      for (const job of facts.queueJobs ?? []) {
        const reached = calledEffect(view, path, job.name, 'prints');
        if (!reached || (reached.fn.name !== lastName(job.name) && STARTUP_NAME.test(reached.fn.name))) continue;
        const target = view.python.get(reached.path);
        if (!target || target.routes.length > 0 || target.objects.length > 0 || view.unserved(reached.path) || toldModules.has(reached.path)) continue;
        const site = `${reached.path}:${reached.effect.range.start.line}`;
        if (sites.has(site)) continue;
        sites.add(site);
        toldModules.add(reached.path);
        context.withdraw(reached.path);
        context.report({ path: reached.path, range: reached.effect.range, messageId: 'jobHelper', data: { helper: reached.fn.name } });
      }
    }
  },
  check(context) {
    const { model } = context;
    // Lambda writes stdout to CloudWatch with a timestamp and the request id, so a print in a
    // function is already a log line there; the lesson is for servers whose stdout is lost.
    const serving = model.role === 'serving' && model.framework !== 'aws-lambda';
    // An app factory (`def create_app(): app = Flask(__name__)`) whose routes live in blueprints.
    const appFactory = !serving && model.calls.some((c) => c.inFunction !== undefined && APP_CREATION.test(c.callee ?? ''));
    // A Streamlit page is a service too: the script runs again on every interaction.
    const page = !serving && streamlitPage(model);
    // One habit, one finding: the prints of a kind in the file are named together. Failures
    // printed (no ERROR level to alert on) are a second habit beside output printed per request.
    const found = new Map<string, { kind: 'print' | 'worker'; nodes: Node[] }>();
    const report = (node: Node, clause: Node | undefined, kind: 'print' | 'worker') => {
      const key = `${kind}:${reportsFailure(node, clause)}`;
      const group = found.get(key) ?? { kind, nodes: [] };
      group.nodes.push(node);
      found.set(key, group);
    };
    for (const call of context.calls) {
      if (model.inMainGuard(call.node)) continue;
      // The print that is a catch-all's whole body is swallowed-exception's lesson.
      // Most calls lie in no except clause: the model's list says so without walking up out of WASM.
      const clause = inAnyExcept(model, call.node) ? enclosingExcept(call.node) : undefined;
      if (clause && silentCatchAll(model.source, clause)) continue;
      // A print into an explicit file (stderr, a report) is a deliberate write, not logging.
      // `print(..., file=...)` writes elsewhere; the text test spares marshalling the arguments of the others.
      if (
        /\bfile\b/.test(model.source.slice(call.node.startIndex, call.node.endIndex)) &&
        call.node.childForFieldName('arguments')?.namedChildren.some((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'file')
      )
        continue;
      // A service's start-up message runs once; what runs per request or per message is the
      // issue: prints in functions of a service, and prints in a long-running worker loop. A
      // start-up failure printed in an `except` (the model did not load) is the issue too: the
      // traceback is lost and nothing at ERROR level tells the operator why the service degraded.
      // A loop that only prints what it receives is a console client: the print is its output.
      const loop = enclosingWorkerLoop(model, call.node);
      if (loop) {
        if (!isDisplayLoop(model, loop)) report(call.node, clause, 'worker');
      } else if (serving && call.inFunction && !inStartup(model, call.inFunction)) report(call.node, clause, 'print');
      else if ((serving || appFactory) && call.inFunction && clause) report(call.node, clause, 'print');
      // A page that prints a failure shows it with st.error too; the answer printed on every turn is the habit.
      else if (page && !reportsFailure(call.node, clause) && !NOTICE.test(call.node.text) && onInteraction(model, call.node)) report(call.node, clause, 'print');
      else if (call.inFunction && inQueueTask(model, call.node)) report(call.node, clause, 'worker');
      else if (call.inFunction && loopHelpers(model).has(call.inFunction.id)) report(call.node, clause, 'worker');
    }
    for (const { kind, nodes } of found.values()) {
      // The finding sits on the print of the main path (the result written per request or per
      // message), not on one in an error branch: the least nested, the first among equals.
      // Each print's depth once (a walk up the tree), not twice per comparison.
      const depths = nodes.length === 1 ? [0] : nodes.map(branchDepth);
      let first = 0;
      for (let i = 1; i < nodes.length; i++) if (depths[i] < depths[first]) first = i;
      const main = nodes[first];
      const others = nodes.filter((n) => n !== main).map((n) => n.startPosition.row + 1);
      if (others.length === 0) context.report({ node: main, messageId: kind });
      else context.report({ node: main, messageId: `${kind}Many`, data: { lines: others.join(', ') } });
    }
  },
});

/** A print in an except clause (`clause`, its `enclosingExcept`), or one whose text names a failure. */
function reportsFailure(node: Node, clause: Node | undefined): boolean {
  return clause !== undefined || /\b(error|errors|erro|fail|failed|failure|exception|warning)\b/i.test(node.childForFieldName('arguments')?.text ?? '');
}

const BRANCH = new Set(['if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'finally_clause', 'with_statement']);

/** How many branches (if, try, except, with) hold the node inside its function. */
function branchDepth(node: Node): number {
  let depth = 0;
  for (let n = node.parent; n && n.type !== 'function_definition' && n.type !== 'module'; n = n.parent) if (BRANCH.has(n.type)) depth++;
  return depth;
}

/** A problem told to whoever runs the page (`print("Project not found, check your settings")`), not output. */
const NOTICE = /\b(not found|does not exist|doesn't exist|missing|invalid|please check)\b/i;

/** A Streamlit script that draws the page at its top level (not a module it imports, which runs once). */
function streamlitPage(model: PythonModel): boolean {
  return model.importsModule('streamlit') && model.calls.some((c) => c.inFunction === undefined && c.callee?.startsWith('streamlit.') === true);
}

/** A widget read in a condition or a `with` header: `if prompt := st.chat_input(...)`, `if st.button(...)`, `with st.spinner(...)`. */
const INTERACTION_HEADER = /\b(st|streamlit)\.(sidebar\.)?(chat_input|button|form_submit_button|text_input|text_area|file_uploader|spinner|chat_message|status|session_state)\b/;

/**
 * Does the print run when the user acts, rather than once as the page starts? At the top level, a
 * print inside a block opened by a widget (the chat input, a button, a spinner around the answer);
 * in a function, any print: the page calls its functions on the interactions that need them.
 */
function onInteraction(model: PythonModel, node: Node): boolean {
  for (let n = node.parent; n && n.type !== 'module'; n = n.parent) {
    if (n.type === 'function_definition') return true;
    if (n.type !== 'if_statement' && n.type !== 'elif_clause' && n.type !== 'with_statement' && n.type !== 'while_statement') continue;
    const body = n.childForFieldName(n.type === 'with_statement' ? 'body' : 'consequence') ?? n.childForFieldName('body');
    const header = model.source.slice(n.startIndex, body ? body.startIndex : n.endIndex);
    if (INTERACTION_HEADER.test(header)) return true;
  }
  return false;
}

const loopHelperCache = new WeakMap<PythonModel, Set<number>>();

/**
 * Module-level functions of this file that a worker loop calls by name (`for message in consumer:
 * process_event(message.value)`): they run once per message as surely as the loop's own body, so
 * their prints are the worker's output. A loop that only displays what it receives is left alone.
 */
function loopHelpers(model: PythonModel): Set<number> {
  let helpers = loopHelperCache.get(model);
  if (helpers) return helpers;
  helpers = new Set<number>();
  const loops = workerLoops(model).filter((loop) => !isDisplayLoop(model, loop));
  if (loops.length > 0) {
    const names = new Set<string>();
    for (const call of model.calls) {
      const fn = call.node.childForFieldName('function');
      if (fn?.type === 'identifier' && loops.some((loop) => loop.body.startIndex <= call.node.startIndex && call.node.endIndex <= loop.body.endIndex)) names.add(fn.text);
    }
    for (const fn of model.functions) {
      if (fn.parent?.type === 'module' && names.has(fn.childForFieldName('name')?.text ?? '')) helpers.add(fn.id);
    }
  }
  loopHelperCache.set(model, helpers);
  return helpers;
}

const queueFiles = new WeakMap<PythonModel, boolean>();

function usesQueue(model: PythonModel): boolean {
  let uses = queueFiles.get(model);
  if (uses === undefined) {
    // A RabbitMQ consumer callback (pika, aio-pika) runs once per message, as a Celery task does.
    uses =
      model.importsModule('celery') ||
      model.importsModule('dramatiq') ||
      model.importsModule('pika') ||
      model.importsModule('aio_pika') ||
      /\bcelery\w*\b/i.test([...model.imports.values()].join(' '));
    queueFiles.set(model, uses);
  }
  return uses;
}

/** Is the print inside a queue task's function (Celery, Dramatiq) or a RabbitMQ consumer callback, in a file that imports the queue library? */
function inQueueTask(model: PythonModel, node: Node): boolean {
  if (!usesQueue(model)) return false;
  const tasks = queueTasks(model);
  const helpers = taskHelpers(model);
  for (let n = node.parent; n; n = n.parent) {
    if (n.type !== 'function_definition') continue;
    if (tasks.has(n.id)) return !(consumerOnly(model) && onlyDisplays(model, n));
    if (helpers.has(n.id)) return true;
  }
  return false;
}

const helperCache = new WeakMap<PythonModel, Set<number>>();
/** A Celery task class: `class Predict(celery.Task)`, `class NetTask(Task)`. */
const TASK_CLASS = /(^|[\s(,])(celery\.)?Task\s*[,)]/;

/**
 * Code a queue task runs on every message without being a task itself: a module-level function
 * of the same file that a task calls (`return to_label(segment(region))`), and the methods of
 * a Celery task class (`class TrainModel(celery.Task)`), which the worker calls for each task
 * (not `__init__` or a loader, which run once per worker process).
 */
function taskHelpers(model: PythonModel): Set<number> {
  let helpers = helperCache.get(model);
  if (helpers) return helpers;
  helpers = new Set<number>();
  helperCache.set(model, helpers);
  const tasks = queueTasks(model);
  const byName = new Map<string, Node>();
  for (const fn of model.functions) {
    const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const name = fn.childForFieldName('name')?.text;
    if (name && definition.parent?.type === 'module' && !tasks.has(fn.id)) byName.set(name, fn);
  }
  for (const fn of model.functions) {
    if (!tasks.has(fn.id)) continue;
    for (const call of model.callsWithin(fn.startIndex, fn.endIndex)) {
      const callee = call.node.childForFieldName('function');
      const helper = callee?.type === 'identifier' ? byName.get(callee.text) : undefined;
      if (helper && !STARTUP_NAME.test(callee!.text)) helpers.add(helper.id);
    }
  }
  if (!model.importsModule('celery')) return helpers;
  for (const cls of model.classes) {
    if (cls.parent?.type !== 'module' || !TASK_CLASS.test(cls.childForFieldName('superclasses')?.text ?? '')) continue;
    for (const fn of model.functions) {
      const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
      const name = fn.childForFieldName('name')?.text ?? '';
      if (definition.parent?.parent?.id === cls.id && !name.startsWith('__') && !STARTUP_NAME.test(name)) helpers.add(fn.id);
    }
  }
  return helpers;
}

/**
 * A RabbitMQ consumer file with no task queue: a callback that only shows what it receives
 * (`print(" [x] Received %r" % body)`) is a console client, and the print is its output.
 */
function consumerOnly(model: PythonModel): boolean {
  return !(model.importsModule('celery') || model.importsModule('dramatiq'));
}

/** Functions that run once when the service starts, by name or by registration. */
const APP_CREATION = /^(flask\.Flask|fastapi\.FastAPI|quart\.Quart|starlette\.applications\.Starlette)$/;
const STARTUP_NAME = /^_?(load|init|initiali[sz]e|setup|set_up|start|startup|on_startup|bootstrap|warm_?up|download|lifespan|create_app|main)(_|$)/i;

/**
 * Is the print's function a start-up function (`load_model()`, an `on_event("startup")` hook, a lifespan)
 * rather than in a handler? Its message is written once, like a module-level one.
 */
function inStartup(model: PythonModel, fn: Node): boolean {
  // `fn` is the print's innermost function (`CallInfo.inFunction`), found by position: no walk up the tree.
  if (model.isHandler(fn)) return false;
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent.text.slice(0, fn.parent.text.indexOf('def ')) : '';
  if (/on_event\(\s*['"]startup|before_first_request|before_serving|\blifespan\b/.test(decorated)) return true;
  return STARTUP_NAME.test(fn.childForFieldName('name')?.text ?? '');
}

const TEST_PATH = /(^|\/)(test_[^/]*|[^/]*_test\.py|conftest\.py)$/;
const MAX_IMPORT_DEPTH = 6;

/**
 * The project modules a serving entry point imports, directly or through other project modules,
 * each with the first entry point that reaches it. Tests and training scripts are not
 * reached through (a training script imported by a service is still training code).
 */
function servedModules(view: ProjectView): Map<string, string> {
  const reached = new Map<string, string>();
  // Nothing to tell without a module that prints a failure: no walk at all.
  if (![...view.python.values()].some((facts) => facts.errorPrints && !facts.serves)) return reached;
  // One walk from every entry point at once (each module is expanded once, whatever serves it).
  let frontier: [string, string][] = [];
  const seen = new Set<string>();
  for (const [entry, facts] of view.python)
    if (facts.serves) {
      frontier.push([entry, entry]);
      seen.add(entry);
    }
  for (let depth = 0; depth < MAX_IMPORT_DEPTH && frontier.length > 0; depth++) {
    const next: [string, string][] = [];
    for (const [from, entry] of frontier) {
      for (const i of view.python.get(from)?.imports ?? []) {
        const target = view.modules.imported(from, i.local)?.path;
        if (!target || seen.has(target) || TEST_PATH.test(target)) continue;
        seen.add(target);
        reached.set(target, entry);
        next.push([target, entry]);
      }
    }
    frontier = next;
  }
  return reached;
}

function lastName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
