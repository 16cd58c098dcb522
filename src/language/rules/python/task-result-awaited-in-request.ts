import { resultHandles, resultWaits } from '../../python/workers';
import { l, pythonRule } from '../../rule';

/** Calls that enqueue work and hand back a result handle (Celery, RQ). */
const ENQUEUE = /\.(delay|apply_async|send_task|enqueue|enqueue_call)\s*\(|\bAsyncResult\s*\(/;

export default pythonRule({
  id: 'task-result-awaited-in-request',
  language: 'python',
  category: 'scalability',
  severity: 'warning',
  anchors: ['gap:sync-wait-on-queue'],
  messages: {
    waits: l(
      "핸들러 '{handler}'가 큐 작업의 결과를 기다립니다({call}) — 작업이 끝날 때까지 웹 워커가 묶여, 큐로 넘긴 의미가 없어집니다",
      "The handler '{handler}' waits for the queued task's result ({call}) — the web worker is held until the task finishes, which undoes the point of the queue",
    ),
  },
  docs: {
    summary: l(
      '요청 핸들러 안에서 Celery·RQ 작업을 넣고 바로 결과를 기다리는 호출(`.get()`, `.wait()`)을 찾습니다.',
      'Flags request handlers that enqueue a Celery or RQ task and then block on its result (`.get()`, `.wait()`).',
    ),
    why: l(
      '큐는 오래 걸리는 일을 웹 요청에서 떼어 내려고 씁니다. 핸들러가 결과를 기다리면 웹 워커는 작업 시간만큼 묶이고, 동시 요청 몇 개로 서버가 멈춥니다. 작업이 사라지면 요청은 타임아웃까지 매달립니다.',
      'A queue exists to take slow work out of the web request. A handler that waits for the result holds its web worker for the whole task, so a few concurrent requests stall the server, and a lost task hangs the request until its timeout.',
    ),
    bad: "from flask import Flask, jsonify\n\nfrom tasks import predict\n\napp = Flask(__name__)\n\n@app.route('/predict/<ticker>')\ndef predict_route(ticker):\n    result = predict.delay(ticker)\n    return jsonify(result.get(timeout=300))\n",
    good: "from flask import Flask, jsonify\n\nfrom tasks import predict\n\napp = Flask(__name__)\n\n@app.route('/predict/<ticker>', methods=['POST'])\ndef predict_route(ticker):\n    task = predict.delay(ticker)\n    # TODO: 클라이언트는 결과를 어떻게 받아 갈까요? (상태 조회 라우트, 콜백, 웹소켓)\n    return jsonify({'task_id': task.id}), 202\n",
  },
  weeks: ['intermediate/4', 'intermediate/5'],
  questions: [
    l(
      "작업이 30초 걸리고 웹 워커가 4개라면, '{handler}'에 동시에 요청 5개가 오면 다섯 번째 요청과 헬스 체크는 어떻게 될까요?",
      "If the task takes 30 seconds and there are 4 web workers, what happens to a fifth concurrent request to '{handler}', and to the health check?",
    ),
    l(
      '결과를 기다리는 대신 클라이언트에게 무엇을 돌려주면, 나중에 결과를 받아 갈 수 있을까요?',
      'Instead of waiting, what could you return so the client can fetch the result later?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 요청과 작업 실행을 분리하기\n# 고려사항:\n# - 작업 ID를 202와 함께 돌려주고, 상태 조회 라우트를 따로 둘까요?\n# - 꼭 동기로 답해야 한다면, 짧은 타임아웃과 실패 응답은?\n# - 결과는 어디에 얼마나 보관할까요? (result backend, 만료 시간)\n# TODO: 핸들러에서 .get() 대기 제거\n',
    en: '# TODO: separate the request from the task run\n# Consider:\n# - return the task id with 202 and add a status route?\n# - if the answer must be synchronous: a short timeout and a failure response?\n# - where are results kept, and for how long? (result backend, expiry)\n# TODO: remove the .get() wait from the handler\n',
  },
  check(context) {
    const { model } = context;
    if (!/\.(get|wait)\s*\(/.test(model.source) || !ENQUEUE.test(model.source)) return;
    for (const handler of model.handlers) {
      const start = handler.node.startIndex;
      const end = model.handlerEnd(handler);
      const text = model.source.slice(start, end);
      if (!ENQUEUE.test(text)) continue;
      // The first wait on a result handle in this handler (`task = predict.delay(x)`, then `task.get()`).
      for (const { call, fn, method } of resultWaits(model, text, start, end, resultHandles(text, 'delay|apply_async|send_task|enqueue|enqueue_call'), ENQUEUE)) {
        context.report({ node: call.node, messageId: 'waits', data: { handler: handler.name, call: `${fn.text.length > 40 ? method : fn.text}()` } });
        break;
      }
    }
  },
});
