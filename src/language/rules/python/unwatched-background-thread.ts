import type { Node } from 'web-tree-sitter';
import { keywordArgument, type PythonModel } from '../../python/model';
import { l, pythonRule } from '../../rule';
import { escapeRegExp } from '../../regexp';

export default pythonRule({
  id: 'unwatched-background-thread',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:unwatched-daemon-thread'],
  callees: ['threading.Thread'],
  messages: {
    unwatched: l(
      '서비스가 데몬 스레드({target})를 띄우고 아무도 살펴보지 않습니다 — 스레드가 예외로 죽어도 API는 계속 정상처럼 응답하고, 아무것도 다시 시작하지 않습니다',
      'The service starts a daemon thread ({target}) that nothing watches — if it dies on an exception, the API keeps answering as if all were well and nothing restarts it',
    ),
  },
  docs: {
    summary: l(
      '요청 핸들러가 있는 서비스 파일에서 daemon=True 스레드를 시작하면서, 파일 어디에서도 그 스레드의 is_alive()를 확인하지 않는 경우를 찾습니다.',
      'Flags a daemon thread started in a service module (one with request handlers) when nothing in the file checks the thread with is_alive().',
    ),
    why: l(
      '컨슈머나 인덱서를 데몬 스레드로 돌리면, 그 스레드에서 난 예외는 로그 한 줄(또는 아무것도)만 남기고 스레드를 끝냅니다. 프로세스는 살아 있으니 헬스 체크도 통과하고 오케스트레이터도 재시작하지 않아, 메시지 처리가 조용히 멈춘 채로 남습니다. 종료할 때도 데몬 스레드는 정리 없이 끊깁니다.',
      'When a consumer or an indexer runs in a daemon thread, an exception in it ends the thread with one log line (or none). The process is still alive, so the health check passes and the orchestrator restarts nothing: message processing silently stops. At shutdown a daemon thread is cut off without cleanup.',
    ),
    bad: 'import threading\n\nfrom fastapi import FastAPI\n\nfrom worker import consume_and_predict\n\napp = FastAPI()\n\n\n@app.on_event("startup")\ndef start_consumer():\n    threading.Thread(target=consume_and_predict, daemon=True).start()\n\n\n@app.get("/health")\ndef health():\n    return {"status": "ok"}\n',
    good: 'import threading\n\nfrom fastapi import FastAPI, Response\n\nfrom worker import consume_and_predict\n\napp = FastAPI()\nconsumer = threading.Thread(target=consume_and_predict, daemon=True)\n\n\n@app.on_event("startup")\ndef start_consumer():\n    consumer.start()\n\n\n@app.get("/health")\ndef health(response: Response):\n    # TODO: 컨슈머가 죽었다면 헬스 체크가 실패해야 하지 않을까요? (또는 컨슈머를 별도 프로세스로)\n    if not consumer.is_alive():\n        response.status_code = 503\n    return {"consumer": consumer.is_alive()}\n',
  },
  weeks: ['intermediate/6'],
  questions: [
    l(
      '{target}가 처리 중 예외로 끝나면, 누가 그 사실을 알게 되나요? /health는 무엇이라고 답하나요?',
      'If {target} ends on an exception, who finds out? What does /health answer then?',
    ),
    l(
      '이 작업을 API와 같은 프로세스에서 돌려야 하나요, 아니면 자체 재시작 정책이 있는 별도 워커여야 하나요?',
      'Must this work run in the API process, or as a separate worker with its own restart policy?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 백그라운드 작업이 죽으면 드러나게 하기\n# 고려사항:\n# - 스레드 객체를 보관하고 헬스 체크에서 is_alive() 확인 (죽으면 503 → 재시작)\n# - 루프 안의 예외를 기록하고 계속할지, 멈출지\n# - 별도 프로세스/컨테이너(자체 restart 정책)로 분리하기\n# - 종료 시 정리: 이벤트로 멈추고 join()\n',
    en: '# TODO: make a dead background job visible\n# Consider:\n# - keep the thread object and check is_alive() in the health check (503 when dead -> restart)\n# - log exceptions inside the loop: continue or stop?\n# - move it to its own process/container with a restart policy\n# - shutdown: stop it through an event and join()\n',
  },
  check(context) {
    const { model } = context;
    if (model.handlers.length === 0 || /\.is_alive\s*\(/.test(model.uncommentedSource)) return;
    for (const call of context.calls) {
      const daemon = keywordArgument(call.node, 'daemon');
      const assigned = call.node.parent?.type === 'assignment' ? call.node.parent.childForFieldName('left')?.text : undefined;
      const daemonLater = assigned !== undefined && new RegExp(`\\b${escapeRegExp(assigned)}\\.daemon\\s*=\\s*True`).test(model.source);
      if (daemon?.text !== 'True' && !daemonLater) continue;
      const target = keywordArgument(call.node, 'target')?.text ?? 'target';
      if (survivesErrors(model, target)) continue;
      context.report({ node: call.node, messageId: 'unwatched', data: { target: target.length > 40 ? `${target.slice(0, 37)}...` : target } });
    }
  },
});

/** A `while` that runs until stopped: `while True:`, `while 1:`, `while running:`. */
const FOREVER = /^while\s+(True|1|[\w.]*(running|alive|active)\w*(\(\))?)\s*:/;
/** A statement that only waits between rounds. */
const WAIT = /^(await\s+)?([\w.]*\.)?(sleep|wait)\s*\([^()]*\)$/;
/** A handler that catches every error: bare, `Exception` or `BaseException` (alone or first in a tuple). */
const BROAD = /^except\s*(\(?\s*(Exception|BaseException)\b[^:]*)?:/;

/**
 * `def loop(): while True: time.sleep(N); try: work() except Exception: logging.error(...)`: a
 * thread whose target, defined in this file, is one forever loop whose every step but its waits
 * sits in a try with a broad except that does not re-raise. No exception can end that thread,
 * which is what the rule warns about (a consumer whose poll or setup sits outside the try can die).
 */
function survivesErrors(model: PythonModel, target: string): boolean {
  const name = target.replace(/^self\./, '');
  if (!/^\w+$/.test(name)) return false;
  const definition = model.functions.find((f) => f.childForFieldName('name')?.text === name);
  const steps = statementsOf(definition?.childForFieldName('body'));
  const loop = steps.length === 1 && steps[0].type === 'while_statement' ? steps[0] : undefined;
  if (!loop || !FOREVER.test(loop.text)) return false;
  const body = statementsOf(loop.childForFieldName('body'));
  let guarded = 0;
  for (const step of body) {
    if (step.type === 'expression_statement' && WAIT.test(step.text.trim())) continue;
    if (step.type !== 'try_statement') return false;
    const handlers = step.namedChildren.filter((c): c is Node => c?.type === 'except_clause');
    if (!handlers.some((h) => BROAD.test(h.text) && !/^\s*raise\b/m.test(h.text))) return false;
    guarded++;
  }
  return guarded > 0;
}

/** The statements of a block, without comments and a leading docstring. */
function statementsOf(block: Node | null | undefined): Node[] {
  const statements = block?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment') ?? [];
  const first = statements[0];
  return first?.type === 'expression_statement' && first.namedChildren[0]?.type === 'string' ? statements.slice(1) : statements;
}
