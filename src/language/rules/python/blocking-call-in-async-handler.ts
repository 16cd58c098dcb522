import { l, pythonRule } from '../../rule';

const BLOCKING =
  /^(requests(\.(api|Session|session))?\.(get|post|put|patch|delete|head|options|request)|urllib\.request\.urlopen|time\.sleep|subprocess\.(run|call|check_call|check_output)|os\.system|httpx\.(get|post|put|patch|delete|head|options|request)|httpx\.Client\.\w+)$/;
/** Synchronous inference entry points; awaiting them means they are async already. */
const INFERENCE = /\.(predict|predict_proba|generate|encode|run|infer)$/;
/** Receivers that look like a model object, so `text.encode()` or `loop.run()` are not mistaken for inference. */
const MODEL_RECEIVER = /(model|pipe|pipeline|session|sess|clf|classifier|regressor|estimator|predictor|llm|encoder|booster|net)$/i;

export default pythonRule({
  id: 'blocking-call-in-async-handler',
  language: 'python',
  category: 'scalability',
  severity: 'warning',
  anchors: ['ASYNC210', 'ASYNC212', 'ASYNC251'],
  messages: {
    blocking: l(
      "async 핸들러 '{handler}'에서 블로킹 호출 {callee}를 실행합니다 — 그동안 이벤트 루프의 다른 요청이 모두 멈춥니다",
      "The async handler '{handler}' makes the blocking call {callee} — every other request on the event loop waits meanwhile",
    ),
    inference: l(
      "async 핸들러 '{handler}'에서 동기 추론 {callee}를 직접 호출합니다 — CPU를 쓰는 동안 이벤트 루프가 멈춥니다",
      "The async handler '{handler}' calls the synchronous inference {callee} directly — the event loop stalls while it computes",
    ),
  },
  docs: {
    summary: l(
      'async def 핸들러 안의 블로킹 호출(requests, time.sleep, subprocess, 동기 predict)을 찾습니다.',
      'Flags blocking calls (requests, time.sleep, subprocess, synchronous predict) inside async def handlers.',
    ),
    why: l(
      'async 핸들러는 하나의 이벤트 루프를 공유합니다. 블로킹 호출 하나가 수백 ms를 쓰면 그동안 그 워커의 모든 요청이 멈추고, 동시성이 1로 떨어집니다.',
      'Async handlers share one event loop. A blocking call that takes hundreds of milliseconds freezes every request on that worker, dropping concurrency to one.',
    ),
    bad: "import time\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get('/slow')\nasync def slow():\n    time.sleep(1)\n    return {'ok': True}\n",
    good: "import asyncio\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get('/slow')\nasync def slow():\n    # TODO: 기다리는 동안 다른 요청은 어떻게 처리될까요?\n    await asyncio.sleep(1)\n    return {'ok': True}\n",
  },
  weeks: ['beginner/5', 'intermediate/4'],
  questions: [
    l(
      "'{handler}' 안의 {callee} 호출이 0.5초 걸리는 동안, 같은 워커로 들어온 다른 요청들은 무엇을 하고 있을까요?",
      "While {callee} in '{handler}' takes half a second, what are the other requests on the same worker doing?",
    ),
    l(
      '이 핸들러를 그냥 def로 두는 것과 async def로 두는 것은 {framework|이 프레임워크}에서 어떻게 다르게 실행될까요?',
      'How does {framework|your framework} run this handler differently as a plain def versus an async def?',
    ),
    l('CPU를 많이 쓰는 추론은 어디서 실행되는 게 좋을까요? (스레드 풀, 프로세스, 별도 서버)', 'Where should CPU-heavy inference run: a thread pool, a process, a separate server?'),
  ],
  scaffold: {
    ko: '# TODO: 이벤트 루프를 막지 않기\n# 고려사항:\n# - 이 핸들러가 async일 필요가 있나요? (def면 스레드 풀에서 실행됩니다)\n# - I/O는 비동기 클라이언트(httpx.AsyncClient, asyncio.sleep)로 바꿀 수 있나요?\n# - CPU 작업은 run_in_threadpool / asyncio.to_thread / 프로세스 풀 중 무엇이 맞을까요?\n# TODO: 블로킹 호출의 실행 위치 정하기\n',
    en: '# TODO: keep the event loop free\n# Consider:\n# - does this handler need to be async? (a plain def runs in a thread pool)\n# - can I/O use async clients (httpx.AsyncClient, asyncio.sleep)?\n# - for CPU work: run_in_threadpool, asyncio.to_thread or a process pool?\n# TODO: decide where the blocking call runs\n',
  },
  check(context) {
    const { model } = context;
    for (const call of model.calls) {
      const info = call.callee ? model.handlerOf(call.inFunction) : undefined;
      if (!call.callee || !info?.isAsync) continue;
      const handler = info.name;
      if (BLOCKING.test(call.callee)) {
        context.report({ node: call.node, messageId: 'blocking', data: { handler, callee: call.callee } });
      } else if (INFERENCE.test(call.callee) && call.node.parent?.type !== 'await' && !isAsyncClient(call.callee)) {
        const fnNode = call.node.childForFieldName('function');
        const receiver = fnNode?.type === 'attribute' ? (fnNode.childForFieldName('object')?.text.split('.').pop() ?? '') : '';
        if (!MODEL_RECEIVER.test(receiver)) continue;
        const callee = fnNode?.text ?? call.callee;
        context.report({ node: call.node, messageId: 'inference', data: { handler, callee } });
      }
    }
  },
});

/** `asyncio.run`, `loop.run_in_executor`-style names and known async libraries are not sync inference. */
function isAsyncClient(callee: string): boolean {
  return /^(asyncio|anyio|trio|starlette|fastapi|httpx\.AsyncClient|aiohttp)\b|run_in_executor|run_in_threadpool|to_thread/.test(callee);
}
