import type { Node } from 'web-tree-sitter';
import type { PythonModel } from '../../python/model';
import { isDisplayLoop, workerLoops } from '../../python/workers';
import { l, pythonRule } from '../../rule';

/** `if msg.error(): continue` — a consumer's error check whose body only skips. */
const SKIPPED_ERROR = /^[ \t]*if\b[^\n]*\.error\b[^\n]*:[ \t]*(?:#[^\n]*)?(?:\n[ \t]*)?(continue|pass)[ \t]*(?:#[^\n]*)?$/m;

export default pythonRule({
  id: 'worker-loop-without-error-handling',
  language: 'python',
  category: 'error-handling',
  severity: 'warning',
  anchors: ['gap:worker-loop-dies', 'CWE-755'],
  messages: {
    dies: l(
      '계속 돌아야 하는 워커 루프 안에 오류 처리가 없습니다 — 잘못된 메시지 하나에 루프(와 컨슈머)가 멈춥니다',
      'This long-running worker loop has no error handling inside it — one bad message stops the loop (and the consumer) for good',
    ),
    skipsErrors: l(
      '컨슈머 오류를 기록 없이 건너뜁니다 — 브로커나 파티션 문제가 나도 아무도 모릅니다',
      'Consumer errors are skipped without a log line — nobody learns about broker or partition failures',
    ),
  },
  docs: {
    summary: l(
      'while True: 나 for msg in consumer: 처럼 계속 도는 워커 루프가 본문에 try 없이 메시지를 처리하거나, try가 있어도 메시지를 가져오는 호출(Redis xread/blpop, basic_get)이나 메시지 디코딩(json.loads)이 그 밖에 있거나, 컨슈머 오류를 기록 없이 건너뛰는 코드를 찾습니다.',
      'Flags long-running worker loops (while True:, for msg in consumer:) that process messages with no try inside the loop, or whose try leaves the fetch (Redis xread/blpop, basic_get) or the decoding of the message (json.loads) outside it, or that skip consumer errors without logging them.',
    ),
    why: l(
      '요청 핸들러는 실패해도 다음 요청이 새로 시작되지만, 워커 루프는 예외 하나에 끝납니다. 프로세스가 살아 있는 것처럼 보여도 더는 아무 메시지도 처리하지 않는 "조용한 장애"가 됩니다.',
      'A failed request handler is followed by a fresh request, but a worker loop ends on its first exception. The process may look alive while nothing is processed any more: a silent outage.',
    ),
    bad: "import json\n\nfrom kafka import KafkaConsumer\n\nconsumer = KafkaConsumer('transactions')\n\nfor message in consumer:\n    record = json.loads(message.value)\n    print(record['amount'])\n",
    good: "import json\nimport logging\n\nfrom kafka import KafkaConsumer\n\nlogger = logging.getLogger(__name__)\nconsumer = KafkaConsumer('transactions')\n\nfor message in consumer:\n    try:\n        record = json.loads(message.value)\n        logger.info('amount %s', record['amount'])\n    except Exception:\n        # TODO: 실패한 메시지는 어디로 보낼까요? (dead-letter 토픽, 재시도 횟수)\n        logger.exception('could not process offset %s', message.offset)\n",
  },
  weeks: ['intermediate/6', 'beginner/6'],
  questions: [
    l(
      '형식이 잘못된 메시지가 하나 들어오면 이 루프는 어떻게 되나요? 그 뒤의 메시지들은요?',
      'What happens to this loop when one malformed message arrives? And to the messages after it?',
    ),
    l(
      '처리에 실패한 메시지는 버릴까요, 다시 시도할까요, 따로 보관할까요(dead-letter)? 그 결정은 누가 알아야 하나요?',
      'Should a message that failed be dropped, retried or set aside (a dead-letter topic)? Who needs to know?',
    ),
    l(
      '이 워커가 멈췄다는 것을 운영 중에 어떻게 알아차릴 수 있을까요? (로그, 메트릭, 헬스 체크)',
      'How would you notice in production that this worker has stopped? (logs, metrics, a health check)',
    ),
  ],
  scaffold: {
    ko: '# TODO: 워커 루프가 실패를 견디게 하기\n# 고려사항:\n# - 메시지 하나의 처리를 try/except로 감싸면, 루프는 다음 메시지로 넘어갈 수 있습니다\n# - 실패는 logger.exception으로 남기고, 실패 횟수를 메트릭으로 셀까요?\n# - 실패한 메시지는 어디로? (재시도, dead-letter 토픽)\n# - 오프셋 커밋은 처리 성공 뒤에 해야 하지 않을까요?\n# TODO: 메시지 단위의 오류 처리 추가\n',
    en: '# TODO: let the worker loop survive failures\n# Consider:\n# - wrap the handling of one message in try/except so the loop moves on\n# - log failures with logger.exception; count them in a metric?\n# - where does a failed message go? (retry, a dead-letter topic)\n# - should the offset be committed only after success?\n# TODO: add per-message error handling\n',
  },
  check(context) {
    const { model } = context;
    const loops = workerLoops(model);
    for (const loop of loops) {
      const body = model.source.slice(loop.body.startIndex, loop.body.endIndex);
      const skipped = SKIPPED_ERROR.exec(body);
      if (skipped && !/\blog(ger)?\.\w+\(|\bprint\(/.test(skipped[0])) {
        const start = loop.body.startIndex + skipped.index + skipped[0].length - skipped[0].trimStart().length;
        context.report({ range: model.rangeOf(start, start + skipped[0].trim().indexOf(':') + 1), messageId: 'skipsErrors' });
      }
      const hasTry = /^[ \t]*try[ \t]*:/m.test(body);
      const outside = hasTry ? unguardedStep(model, loop.body.startIndex, body, loop.node) : undefined;
      if (hasTry && !outside) continue;
      if (guardedByCallees(model, loop.body)) continue;
      // A loop that only prints what arrives has nothing to guard; an outer loop around a
      // consumer loop dies of the same message as the inner one, which is reported instead.
      if (isDisplayLoop(model, loop) || loops.some((inner) => inner !== loop && within(inner.node, loop.body) && !/^[ \t]*try[ \t]*:/m.test(inner.body.text))) continue;
      const head = model.source.slice(loop.node.startIndex, loop.body.startIndex).trimEnd();
      // A try that leaves the fetch or the decoding outside it: the step that escapes is shown too.
      const related = outside ? [{ range: model.rangeOf(outside.start, outside.end), message: OUTSIDE_TRY }] : undefined;
      context.report({ range: model.rangeOf(loop.node.startIndex, loop.node.startIndex + head.length), messageId: 'dies', ...(related ? { related } : {}) });
    }
  },
});

/** Calls a loop makes only to wait: they are not the work that can fail on a bad message. */
const WAITING = /^(?:\w+\.)*(?:sleep|wait|info|debug|warning|print)$/;

/**
 * `while self.running: await self.process_batch(); await asyncio.sleep(2)` where process_batch,
 * defined in this file, wraps its whole body in a try with a broad except: the loop survives.
 */
function guardedByCallees(model: PythonModel, body: Node): boolean {
  const statements = body.namedChildren.filter((n) => n.type !== 'comment');
  let work = 0;
  for (const statement of statements) {
    const call = statement.type === 'expression_statement' ? callOf(statement.namedChildren[0]) : undefined;
    if (!call) return false;
    const name = call.childForFieldName('function')?.text.replace(/^self\./, '') ?? '';
    if (WAITING.test(name)) continue;
    if (!/^\w+$/.test(name)) return false;
    const definition = model.functions.find((f) => f.childForFieldName('name')?.text === name);
    const block = definition?.childForFieldName('body');
    const guards = block?.namedChildren.filter((n) => n.type !== 'comment' && n.type !== 'expression_statement') ?? [];
    if (!block || !guards.some((n) => n.type === 'try_statement' && /\bexcept\s*(?:\(?\s*(?:Exception|BaseException)\b[^:]*)?:/.test(n.text))) return false;
    if (guards.some((n) => n.type !== 'try_statement' && n.type !== 'return_statement')) return false;
    work++;
  }
  return work > 0;
}

/** The call of `f()` or `await f()`. */
function callOf(node: Node | undefined | null): Node | undefined {
  if (node?.type === 'await') return callOf(node.namedChildren[0]);
  return node?.type === 'call' ? node : undefined;
}

function within(node: Node, outer: Node): boolean {
  return outer.startIndex <= node.startIndex && node.endIndex <= outer.endIndex;
}

/**
 * Steps that raise on their own: a fetch when the broker or store is down (confluent's `poll`
 * reports errors in the message instead), and the decoding of a message body, which is where a
 * malformed message fails first.
 */
const RAISING_STEP = /\.(xread|xreadgroup|blpop|brpop|receive_messages|get_message|basic_get)\s*\(|\b(?:json|orjson|ujson|simplejson)\.loads\s*\(/g;

/**
 * The loop has a `try`, but its fetch or its decoding sits outside it: `messages = r.xread(...)`
 * above a `try` around the model call still kills the worker on the first connection error, and
 * `data = json.loads(body)` above a `try` around the final notification dies on the first
 * malformed message.
 */
function unguardedStep(model: PythonModel, bodyStart: number, body: string, loop: Node): { start: number; end: number } | undefined {
  for (const match of body.matchAll(RAISING_STEP)) {
    let guarded = false;
    for (let n = model.tree.rootNode.descendantForIndex(bodyStart + match.index + 1)?.parent; n && n.id !== loop.id; n = n.parent) {
      if (n.type === 'try_statement') guarded = true;
    }
    // The called name, without the leading dot and the opening parenthesis.
    const name = /^\.?([\w.]+)/.exec(match[0]);
    const start = bodyStart + match.index + (match[0].startsWith('.') ? 1 : 0);
    if (!guarded) return { start, end: start + (name?.[1].length ?? 0) };
  }
  return undefined;
}

const OUTSIDE_TRY = l('try 밖에 있어, 여기서 나는 오류가 루프를 끝내는 단계', 'outside the try: an error here ends the loop');
