import { CLIENT } from '../../python/clients';
import { createdOnce, sameFileHelpers } from '../../python/serving';
import { calledEffect, projectFunction } from '../../project/effects';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'client-created-per-request',
  language: 'python',
  category: 'scalability',
  severity: 'warning',
  anchors: ['gap:per-request-connection'],
  callees: CLIENT,
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
  },
  docs: {
    summary: l(
      '요청 핸들러 안에서 DB 엔진, 커넥션, Redis·Mongo·Kafka·boto3·OpenAI 클라이언트를 매번 만드는 코드를 찾습니다.',
      'Flags database engines and connections, and Redis, Mongo, Kafka, boto3 or OpenAI clients, created inside request handlers.',
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
    for (const [path, facts] of view.python) {
      for (const call of facts.handlerCalls ?? []) {
        if (call.task || call.via !== 'call') continue;
        const reached = calledEffect(view, path, call.name, 'client');
        if (!reached || (reached.path === path && projectFunction(view, path, call.name)?.fn === reached.fn)) continue;
        context.report({
          path,
          range: call.range,
          messageId: 'elsewhere',
          data: { handler: call.handler, helper: call.name.split('.').pop() ?? call.name, builds: reached.effect.what },
        });
      }
    }
  },
  check(context) {
    const { model } = context;
    if (model.handlers.length === 0) return;
    const helpers = sameFileHelpers(model, context.calls, (call) => shortName(call.callee!));
    for (const call of context.calls) {
      const fn = call.inFunction;
      const handler = fn ? model.enclosingHandler(call.node) : undefined;
      if (!fn || !handler || createdOnce(call.node, fn, model.source.slice(fn.startIndex, fn.endIndex))) continue;
      context.report({ node: call.node, messageId: 'perRequest', data: { handler: handler.name, client: shortName(call.callee!) } });
    }
    if (helpers.size === 0) return;
    for (const call of model.calls) {
      const client = call.callee && !call.callee.includes('.') ? helpers.get(call.callee) : undefined;
      const handler = client && call.inFunction ? model.enclosingHandler(call.node) : undefined;
      if (client && handler) context.report({ node: call.node, messageId: 'helper', data: { handler: handler.name, helper: call.callee!, client } });
    }
  },
});

function shortName(callee: string): string {
  return callee.split('.').slice(-2).join('.');
}
