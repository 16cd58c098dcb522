import type { Node } from 'web-tree-sitter';
import { gatheredHandles, pollsHandle, resultHandles, resultWaits } from '../../python/workers';
import { l, pythonRule } from '../../rule';

/** Calls that enqueue a Celery task and hand back a result handle, or rebuild one from its id. */
const HANDLE_CALL = /\.(?:delay|apply_async|send_task)\s*\(|\bAsyncResult\s*\(/;
/** What bounds a polling loop: a clock, a deadline, a counter of attempts. */
const BOUNDED = /\btime\.(?:time|monotonic|perf_counter)\b|\bmonotonic\(|deadline|timeout|elapsed|attempt|retries|tries|max_\w*|\bcount\b|\bwaited\b/i;

export default pythonRule({
  id: 'task-result-without-timeout',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:task-result-timeout'],
  messages: {
    get: l(
      '작업 결과를 timeout 없이 기다립니다({call}) — 작업이 사라지거나 워커가 죽으면 이 호출은 영원히 돌아오지 않습니다',
      'Waits for a task result with no timeout ({call}) — if the task is lost or its worker dies, this call never returns',
    ),
    poll: l(
      '작업이 끝날 때까지 기한 없이 폴링합니다 — 작업이 사라지면 이 루프는 끝나지 않습니다',
      'Polls the task until it is ready with no deadline — if the task is lost, this loop never ends',
    ),
  },
  docs: {
    summary: l(
      'Celery 작업의 결과를 timeout 없이 기다리는 `.get()`/`.wait()`(리스트나 딕셔너리에 모은 결과를 루프에서 하나씩 기다리는 경우도)과, 기한이나 시도 횟수 없이 `ready()`를 폴링하는 while 루프를 찾습니다.',
      'Flags `.get()`/`.wait()` on a Celery result with no timeout (results gathered in a list or dict and waited for one by one in a loop too), and while loops that poll `ready()` with no deadline or attempt count.',
    ),
    why: l(
      'AsyncResult.get()의 기본 timeout은 None, 즉 무한입니다. 브로커가 메시지를 잃거나, 워커가 OOM으로 죽거나, 결과 백엔드가 만료되면 결과는 영영 오지 않고, 기다리는 쪽(웹 요청, 배치 스크립트, 다른 작업)도 같이 멈춥니다. 기한이 있어야 실패를 알아채고 재시도하거나 사용자에게 알릴 수 있습니다.',
      'AsyncResult.get() waits forever by default. When the broker loses the message, the worker is OOM-killed or the result expires, the result never comes and the caller (a web request, a batch script, another task) hangs with it. Only a deadline lets the caller notice the failure, retry, or tell the user.',
    ),
    bad: 'from celery.result import AsyncResult\n\nfrom worker import app\n\n\ndef get_results(task_id):\n    result = AsyncResult(task_id, app=app)\n    return result.get()\n',
    good: 'from celery.exceptions import TimeoutError\nfrom celery.result import AsyncResult\n\nfrom worker import app\n\n\ndef get_results(task_id):\n    result = AsyncResult(task_id, app=app)\n    # TODO: 이 작업은 보통 얼마나 걸리나요? 기한을 넘기면 어떻게 할까요?\n    try:\n        return result.get(timeout=30)\n    except TimeoutError:\n        return None  # TODO: 재시도? 실패로 기록?\n',
  },
  weeks: ['intermediate/5', 'intermediate/4'],
  questions: [
    l(
      '워커가 이 작업을 처리하다 죽으면 결과는 언제 도착하나요? 그동안 이 코드는 무엇을 하고 있나요?',
      'If the worker dies while running this task, when does the result arrive? What is this code doing in the meantime?',
    ),
    l(
      '이 작업이 정상일 때 얼마나 걸리나요? 그 몇 배를 넘기면 실패로 볼까요?',
      'How long does this task take when all is well? Past how many times that should it count as failed?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 작업 결과를 기다리는 시간에 기한 두기\n# 고려사항:\n# - 정상 실행 시간(p99)은? 그보다 넉넉한 timeout은?\n# - result.get(timeout=...)이 TimeoutError를 내면: 재시도? 실패 기록? 사용자에게 202와 작업 id?\n# - 폴링 루프라면: time.monotonic()으로 기한을 재고 넘기면 멈추기\n',
    en: '# TODO: put a deadline on waiting for the task result\n# Consider:\n# - the normal run time (p99)? a timeout comfortably above it?\n# - when result.get(timeout=...) raises TimeoutError: retry? record a failure? answer 202 with the task id?\n# - in a polling loop: measure a deadline with time.monotonic() and stop past it\n',
  },
  check(context) {
    const { model } = context;
    if (!HANDLE_CALL.test(model.source)) return;
    const reported = new Set<number>();
    for (const scope of [...model.functions, model.tree.rootNode]) {
      const text = scope.type === 'module' ? topLevelText(model.source, model.functions) : scope.text;
      if (!HANDLE_CALL.test(text)) continue;
      const handles = resultHandles(text, 'delay|apply_async|send_task');
      // A fan-out: handles gathered in a list or dict and waited for one by one in a loop.
      for (const gathered of gatheredHandles(text, handles, 'delay|apply_async|send_task')) handles.add(gathered);
      const polled = (name: string) => pollsHandle(text, name);
      const [start, end] = scope.type === 'module' ? [0, model.source.length] : [scope.startIndex, scope.endIndex];
      for (const { call, fn, method } of resultWaits(model, text, start - 1, end, handles, HANDLE_CALL)) {
        if (reported.has(call.node.startIndex) || hasTimeout(call.node)) continue;
        if (scope.type === 'module' && model.functions.some((f) => f.startIndex <= call.node.startIndex && call.node.startIndex < f.endIndex)) continue;
        reported.add(call.node.startIndex);
        context.report({ node: call.node, messageId: 'get', data: { call: `${fn.text.length > 40 ? method : fn.text}()` } });
      }
      if (scope.type === 'module') continue;
      for (const loop of scope.descendantsOfType('while_statement')) {
        if (!loop || reported.has(loop.startIndex)) continue;
        const loopText = loop.text.replace(/#[^\n]*/g, '');
        if (![...handles].some((name) => polled(name) && loopText.includes(name)) || BOUNDED.test(loopText)) continue;
        reported.add(loop.startIndex);
        context.report({ node: loop.childForFieldName('condition') ?? loop, messageId: 'poll' });
      }
    }
  },
});

/** `timeout=` given and not None (positional first argument counts too: `get(10)`). */
function hasTimeout(call: Node): boolean {
  const args = call.childForFieldName('arguments');
  if (!args) return false;
  for (const arg of args.namedChildren) {
    if (!arg) continue;
    if (arg.type === 'keyword_argument') {
      if (arg.childForFieldName('name')?.text === 'timeout') return arg.childForFieldName('value')?.text !== 'None';
    } else if (arg === args.namedChildren[0] && arg.type !== 'comment') return arg.text !== 'None';
  }
  return false;
}

/** The module's text with every function body blanked, so top-level handles are read apart from local ones. */
function topLevelText(source: string, functions: readonly Node[]): string {
  let text = source;
  for (const fn of functions) text = text.slice(0, fn.startIndex) + ' '.repeat(fn.endIndex - fn.startIndex) + text.slice(fn.endIndex);
  return text;
}
