import type { Node } from 'web-tree-sitter';
import { CLIENT, SDK_CLIENT } from '../../python/clients';
import { oncePerConnection, type CallInfo, type PythonModel } from '../../python/model';
import { perItemLoop } from '../../python/effects';
import { cachedByDecorator, createdOnce, sameFileHelpers } from '../../python/serving';
import { calledEffect, projectFunction } from '../../project/effects';
import { l, nodeRange, pythonRule } from '../../rule';
import type { Localized, Range } from '../../types';

export default pythonRule({
  id: 'client-created-per-request',
  language: 'python',
  category: 'scalability',
  severity: 'warning',
  anchors: ['gap:per-request-connection'],
  callees: [...CLIENT, SDK_CLIENT],
  messages: {
    perRequest: l(
      "요청 핸들러 '{handler}'가 요청마다 새 {client}를 만듭니다 — 연결(풀)을 매번 새로 열고 닫습니다",
      "The handler '{handler}' builds a new {client} on every request — a connection (and its pool) is opened and thrown away each time",
    ),
    helper: l(
      "요청 핸들러 '{handler}'가 {helper}()를 부르고, 그 함수가 호출마다 새 {client}를 만듭니다 — 요청마다 연결을 새로 엽니다",
      "The handler '{handler}' calls {helper}(), which builds a new {client} on every call — each request opens a fresh connection",
    ),
    elsewhere: l(
      "요청 핸들러 '{handler}'가 다른 모듈의 {helper}()를 부르고, 그 안에서 호출마다 새 {builds}를 만듭니다 — 요청마다 연결을 새로 엽니다",
      "The handler '{handler}' calls {helper}() from another module, which builds a new {builds} on every call — each request opens a fresh connection",
    ),
    background: l(
      "요청 핸들러 '{handler}'가 요청마다 백그라운드 작업 {helper}()를 등록하고, 그 함수가 실행될 때마다 새 {client}를 만듭니다 — 요청마다 연결을 새로 엽니다",
      "The handler '{handler}' schedules {helper}() as a background task on every request, and it builds a new {client} each time it runs — each request opens a fresh connection",
    ),
    perItem: l(
      '반복문이 항목마다 새 {client}를 만듭니다 — 메시지·행마다 연결을 새로 열고 닫아, 처리량이 연결 수립 시간에 묶입니다',
      'The loop builds a new {client} for every item — a connection is opened and dropped per message or row, so throughput is bounded by connection set-up',
    ),
    perItemElsewhere: l(
      '{helper}()가 호출마다 새 {client}를 만들고, {file}의 반복문({line}번째 줄)이 항목마다 이 함수를 부릅니다 — 메시지·행마다 연결을 새로 엽니다',
      '{helper}() builds a new {client} on every call, and a loop in {file} (line {line}) calls it for every item — a connection is opened per message or row',
    ),
    perItemHelper: l(
      '{helper}()가 호출마다 새 {client}를 만들고, {line}번째 줄의 반복문이 항목마다 이 함수를 부릅니다 — 메시지·행마다 연결을 새로 엽니다',
      '{helper}() builds a new {client} on every call, and the loop on line {line} calls it for every item — a connection is opened per message or row',
    ),
  },
  docs: {
    summary: l(
      '요청 핸들러 안에서, 또는 메시지·행을 하나씩 처리하는 반복문 안에서(직접, 또는 같은 파일의 함수를 거쳐) DB 엔진, 커넥션, Redis·Mongo·Kafka·boto3·OpenAI·Ollama·Google Cloud 클라이언트, RabbitMQ(pika) 연결을 매번 만드는 코드를 찾습니다. 연결을 다시 시도하는 반복문과, 웹소켓 핸들러가 메시지 반복문 전에 하는 준비(연결당 한 번)는 제외합니다.',
      'Flags database engines and connections, Redis, Mongo, Kafka, boto3, OpenAI, Ollama or Google Cloud clients and RabbitMQ (pika) connections, created inside request handlers, or for every item of a loop over messages or rows (directly or through a function of the same file). Loops that retry a connection, and the set-up a websocket handler does before its message loop (once per connection), are left alone.',
    ),
    why: l(
      '클라이언트를 만들 때마다 TCP·TLS·인증 핸드셰이크가 일어나고, 재사용할 연결 풀도 버려집니다. 부하가 오르면 지연이 늘고, DB의 최대 연결 수를 넘겨 요청이 실패합니다.',
      'Every new client pays a TCP, TLS and authentication handshake and throws away the pool that would make the next call cheap. Under load latency grows and the database runs out of connections, so requests fail.',
    ),
    bad: "from fastapi import FastAPI\nfrom sqlalchemy import create_engine, text\n\napp = FastAPI()\n\n@app.get('/models')\ndef list_models():\n    engine = create_engine('postgresql://db/models')\n    with engine.connect() as conn:\n        return [r[0] for r in conn.execute(text('SELECT name FROM models'))]\n",
    good: "from fastapi import FastAPI\nfrom sqlalchemy import create_engine, text\n\napp = FastAPI()\n# TODO: 엔진(연결 풀)은 프로세스당 한 번만 만드세요 — 설정은 어디서 읽을까요?\nengine = create_engine('postgresql://db/models', pool_pre_ping=True)\n\n@app.get('/models')\ndef list_models():\n    with engine.connect() as conn:\n        return [r[0] for r in conn.execute(text('SELECT name FROM models'))]\n",
  },
  weeks: ['beginner/5', 'intermediate/4'],
  questions: [
    l(
      "초당 50개의 요청이 '{handler}'로 오면 {client|이 클라이언트}는 몇 번 만들어지고, 그 뒤의 서버에는 연결이 몇 개 생길까요?",
      "With 50 requests per second on '{handler}', how many times is {client|this client} built, and how many connections does the server behind it see?",
    ),
    l(
      '클라이언트를 한 번만 만든다면 프로세스의 어느 시점이 좋을까요? 워커가 여러 개면 각자 하나씩 가져야 할까요?',
      'If the client is built once, at which point of the process should that happen? With several workers, should each have its own?',
    ),
    l('연결이 끊겼을 때 재사용하던 클라이언트는 어떻게 회복해야 할까요?', 'When the connection drops, how should a reused client recover?'),
  ],
  scaffold: {
    ko: '# TODO: 클라이언트(연결 풀)를 프로세스당 한 번만 만들기\n# 고려사항:\n# - 시작 시점: 모듈 수준? FastAPI lifespan? Flask 앱 팩토리?\n# - 풀 크기와 타임아웃은 얼마가 적당할까요?\n# - 연결이 끊기면 어떻게 다시 연결할까요? (pool_pre_ping, 재시도)\n# TODO: 핸들러는 만들어 둔 클라이언트만 사용하기\n',
    en: '# TODO: build the client (and its pool) once per process\n# Consider:\n# - when: at import? in a FastAPI lifespan? in the Flask app factory?\n# - which pool size and timeouts fit?\n# - how does it reconnect after a dropped connection (pool_pre_ping, retries)?\n# TODO: handlers only use the client built at start-up\n',
  },
  // The same through a helper in another module (`initialize_qa_chain()` building a ChatOpenAI per call).
  project(context) {
    const { view } = context;
    const reported = new Set<string>();
    for (const [path, facts] of view.python) {
      // A loop over messages or rows calling a function of another module that connects on every call.
      for (const call of facts.loopCalls ?? []) {
        const reached = calledEffect(view, path, call.name, 'client');
        const called = reached ? projectFunction(view, path, call.name) : undefined;
        if (!reached || !called || called.path === path) continue;
        // Reported in the function the loop calls, where the connection has to move out: at the
        // client it builds, or at its call that reaches one (`cnx = create_connection()`).
        const step = called.fn === reached.fn ? reached.effect.range : called.fn.calls.find((c) => c.range && !c.once && calledEffect(view, called.path, c.name, 'client'))?.range;
        const range = step ?? reached.effect.range;
        const at = step ? called.path : reached.path;
        const key = `${at}:${range.start.line}`;
        if (reported.has(key)) continue;
        reported.add(key);
        context.report({
          path: at,
          range,
          messageId: 'perItemElsewhere',
          data: { helper: called.fn.name, client: reached.effect.what, file: view.display(path), line: String(call.loopLine + 1) },
        });
      }
    }
    for (const [path, facts] of view.python) {
      for (const call of facts.handlerCalls ?? []) {
        if (call.task || call.perConnection || call.via !== 'call') continue;
        const reached = calledEffect(view, path, call.name, 'client', call.scope);
        if (!reached || (reached.path === path && projectFunction(view, path, call.name, call.scope)?.fn === reached.fn)) continue;
        context.report({
          path,
          range: call.range,
          messageId: 'elsewhere',
          data: { handler: call.handler, helper: call.name.split('.').pop() ?? call.name, builds: reached.effect.what },
          related: [{ path: reached.path, range: reached.effect.range, message: l('요청마다 만들어지는 클라이언트', 'the client built on every request') }],
        });
      }
    }
  },
  check(context) {
    const { model } = context;
    reportPerItemClients(context.report.bind(context), model, context.calls);
    if (model.handlers.length === 0) return;
    const sites = new Map<string, CallInfo>();
    const helpers = sameFileHelpers(model, context.calls, (call) => shortName(call.callee!), true, sites);
    for (const call of context.calls) {
      const fn = call.inFunction;
      const handler = fn ? model.enclosingHandler(call.node) : undefined;
      if (!fn || !handler || oncePerConnection(handler, call.node) || createdOnce(call.node, fn, model.source.slice(fn.startIndex, fn.endIndex))) continue;
      context.report({ node: call.node, messageId: 'perRequest', data: { handler: handler.name, client: shortName(call.callee!) } });
    }
    if (helpers.size === 0) return;
    reportBackgroundTasks(context.report.bind(context), model, context.calls, helpers);
    for (const call of model.calls) {
      const client = call.callee && !call.callee.includes('.') ? helpers.get(call.callee) : undefined;
      const handler = client && call.inFunction ? model.enclosingHandler(call.node) : undefined;
      if (client && handler && !oncePerConnection(handler, call.node)) {
        // The client the helper builds is where the fix goes: named as the related place.
        const site = sites.get(call.callee!);
        context.report({
          node: call.node,
          messageId: 'helper',
          data: { handler: handler.name, helper: call.callee!, client },
          ...(site && { related: [{ range: nodeRange(site.node), message: l('요청마다 만들어지는 클라이언트', 'the client built on every request') }] }),
        });
      }
    }
  },
});

/** `background_tasks.add_task(save_prediction, ...)` (FastAPI, Starlette): the function runs once per request, after the response. */
const ADD_TASK = /(^|\.)add_task$/;

/**
 * A same-file function handed to a request's background tasks that builds a client on every
 * run: reported at the client it builds (where the fix goes), with the registration as the
 * related place. The handler never calls it, so the `helper` pass above does not see it.
 */
function reportBackgroundTasks(report: RelatedReport, model: PythonModel, clients: readonly CallInfo[], helpers: ReadonlyMap<string, string>): void {
  if (!model.source.includes('add_task')) return;
  const told = new Set<string>();
  for (const call of model.calls) {
    if (!ADD_TASK.test(call.callee ?? call.node.childForFieldName('function')?.text ?? '')) continue;
    const target = call.node.childForFieldName('arguments')?.namedChildren[0];
    const name = target?.type === 'identifier' ? target.text : undefined;
    const handler = name && helpers.has(name) && !told.has(name) ? model.enclosingHandler(call.node) : undefined;
    if (!name || !handler) continue;
    const client = clients.find((c) => c.inFunction?.childForFieldName('name')?.text === name && c.inFunction.parent?.type !== 'class_definition');
    if (!client) continue;
    told.add(name);
    report({
      node: client.node,
      messageId: 'background',
      data: { handler: handler.name, helper: name, client: helpers.get(name)! },
      related: [{ range: nodeRange(call.node), message: l('요청마다 백그라운드 작업으로 등록하는 곳', 'Where each request schedules it as a background task') }],
    });
  }
}

type RelatedReport = (finding: { node: Node; messageId: string; data: Record<string, string>; related?: { range: Range; message: Localized }[] }) => void;

function shortName(callee: string): string {
  return callee.split('.').slice(-2).join('.');
}

type Report = (finding: { node: Node; messageId: string; data: Record<string, string> }) => void;

/**
 * Clients built once per item of a processing loop (`for message in consumer:`, `for _, row in
 * df.iterrows():`, `while True:` polling), directly or through a module-level function of this
 * file that builds one on every call (reported where it builds it, once). Handlers have their own
 * messages; a loop that retries a connection (`try: connect(); break`) or counts attempts
 * (`for attempt in range(5)`) builds one client per attempt on purpose.
 */
function reportPerItemClients(report: Report, model: PythonModel, clients: readonly CallInfo[]): void {
  const builders = new Map<string, CallInfo>();
  for (const call of clients) {
    const fn = call.inFunction;
    const definition = fn?.parent?.type === 'decorated_definition' ? fn.parent : fn;
    if (!fn || definition?.parent?.type !== 'module' || model.isHandler(fn) || perItemLoop(call.node, fn) !== undefined) continue;
    if (cachedByDecorator(model, fn) || createdOnce(call.node, fn, model.source.slice(fn.startIndex, fn.endIndex))) continue;
    const name = fn.childForFieldName('name')?.text;
    if (name && !builders.has(name)) builders.set(name, call);
  }
  const reported = new Set<number>();
  for (const call of model.calls) {
    const direct = call.callee !== undefined && clients.includes(call);
    const builder = !direct && call.callee && !call.callee.includes('.') ? builders.get(call.callee) : undefined;
    if (!direct && !builder) continue;
    const loop = perItemLoop(call.node, call.inFunction);
    if (!loop || model.enclosingHandler(call.node)) continue;
    if (direct) {
      if (call.inFunction && createdOnce(call.node, call.inFunction, call.inFunction.text)) continue;
      report({ node: call.node, messageId: 'perItem', data: { client: shortName(call.callee!) } });
    } else if (!reported.has(builder!.node.id)) {
      reported.add(builder!.node.id);
      report({ node: builder!.node, messageId: 'perItemHelper', data: { helper: call.callee!, client: shortName(builder!.callee!), line: String(loop.startPosition.row + 1) } });
    }
  }
}
