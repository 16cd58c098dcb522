import type { Node } from 'web-tree-sitter';
import { l, pythonRule } from '../../rule';

/** A wait before the next attempt: a sleep, a backoff library, or a rate limiter's own wait. */
const WAITS = /\b(sleep|backoff|wait_exponential|wait_random|wait_fixed|Retry-After|retry_after|wait)\s*\(|\bexpo\b/;
/**
 * What a remote call looks like, in the try body or in the exceptions caught: retrying a parse of
 * a model's answer or a local computation has no service to spare, so it needs no wait.
 */
const REMOTE =
  /\b(requests|httpx|aiohttp|urlopen|urllib|boto3|client|session|conn|connection|connect|cursor|invoke\w*|post|get|put|fetch\w*|produce|send|publish|execute|completions|RequestException|ClientError|ConnectionError|OperationalError|Timeout\w*|HTTPError|URLError|APIError|RateLimitError|ServiceUnavailable\w*)\b/;
/** Statements that leave the loop or the function on failure (no retry follows). */
const LEAVES = /^(raise|return|break)\b/;

export default pythonRule({
  id: 'retry-without-backoff',
  language: 'python',
  // Each except is judged by its own try, loop and function, all inside its top-level statement.
  local: 'statement',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:retry-without-backoff'],
  messages: {
    loop: l(
      '실패하면 기다리지 않고 곧바로 다시 시도합니다 — 과부하·스로틀링·재시작 중인 서비스에 요청을 연달아 보내 회복을 늦추고, 시도 횟수를 순식간에 다 씁니다',
      'A failed attempt is retried at once, with no wait — an overloaded, throttling or restarting service gets the requests back to back, recovers later, and the attempts are used up in a moment',
    ),
    recursive: l(
      "'{fn}'이 실패하면 기다리지 않고 자기 자신을 다시 부릅니다 — 스로틀링이나 장애 중인 서비스에 곧바로 재요청해 상황을 악화시킵니다",
      "'{fn}' calls itself again as soon as it fails, with no wait — a throttling or failing service gets the retry immediately, which only adds to the load",
    ),
  },
  docs: {
    summary: l(
      '재시도 루프(range(...) 또는 while 루프 안의 try: 성공하면 break/return, 실패하면 다음 반복)와 except 안에서 자기 자신을 다시 부르는 재귀 재시도 중, 시도 사이에 sleep이나 backoff가 전혀 없는 경우를 찾습니다.',
      'Flags retry loops (a try inside a range(...) or while loop that breaks or returns on success and loops again on failure) and recursive retries (a function calling itself from its except block) with no sleep or backoff between attempts.',
    ),
    why: l(
      '서비스가 실패하는 흔한 이유는 과부하, 스로틀링, 재시작입니다. 기다리지 않는 재시도는 바로 그 순간 요청을 몇 배로 늘려 회복을 막고, 재시도 예산을 몇 밀리초 안에 소진해 결국 실패합니다. 지수 백오프와 지터가 있어야 재시도가 실제로 도움이 됩니다.',
      'Services fail mostly because they are overloaded, throttling or restarting. Retrying without a wait multiplies the requests at exactly that moment, keeps the service from recovering, and spends the whole retry budget within milliseconds, so the call fails anyway. Exponential backoff with jitter is what makes a retry help.',
    ),
    bad: "import requests\n\n\ndef fetch(url):\n    for attempt in range(5):\n        try:\n            return requests.get(url, timeout=5).json()\n        except requests.RequestException:\n            continue\n    raise RuntimeError('gave up')\n",
    good: "import random\nimport time\n\nimport requests\n\n\ndef fetch(url):\n    for attempt in range(5):\n        try:\n            return requests.get(url, timeout=5).json()\n        except requests.RequestException:\n            # TODO: 몇 초부터 시작해 얼마나 늘릴까요? 지터는 왜 필요할까요?\n            time.sleep(min(30, 2**attempt) + random.random())\n    raise RuntimeError('gave up')\n",
  },
  weeks: ['intermediate/1', 'intermediate/6'],
  questions: [
    l(
      '상대 서비스가 과부하로 실패하고 있을 때, 기다리지 않는 재시도 5번은 그 서비스에 어떤 영향을 줄까요?',
      'When the other service fails because it is overloaded, what do five retries with no wait do to it?',
    ),
    l(
      '여러 워커가 동시에 같은 간격으로 재시도하면 어떤 일이 생길까요? 지터는 그 문제를 어떻게 줄이나요?',
      'What happens when many workers retry at the same fixed interval at once? How does jitter help?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 재시도 사이에 기다리기\n# 고려사항:\n# - 첫 대기 시간과 최대 대기 시간은?\n# - 지수 백오프에 지터를 더할까요? (tenacity, backoff 라이브러리)\n# - 어떤 오류만 재시도해야 할까요? (4xx는 재시도해도 같은 결과)\n# TODO: 실패 후 time.sleep(...) 또는 재시도 라이브러리 사용\n',
    en: '# TODO: wait between retries\n# Consider:\n# - the first and the longest wait?\n# - exponential backoff with jitter? (the tenacity or backoff libraries)\n# - which errors deserve a retry at all? (a 4xx fails the same way again)\n# TODO: time.sleep(...) after a failure, or a retry library\n',
  },
  check(context) {
    const { model } = context;
    for (const except of model.excepts) {
      const tryNode = except.parent;
      if (tryNode?.type !== 'try_statement') continue;
      const fn = enclosing(except, 'function_definition');
      const name = fn?.childForFieldName('name')?.text;
      // Recursive retry: the except block calls the function it sits in.
      const recursive = name ? recursiveCall(except, name) : undefined;
      if (recursive && fn && !WAITS.test(fn.text)) {
        context.report({ node: recursive, messageId: 'recursive', data: { fn: name! } });
        continue;
      }
      const loop = retryLoop(tryNode, fn);
      if (!loop || WAITS.test(loop.text) || leavesOnFailure(except)) continue;
      if (!REMOTE.test(tryNode.childForFieldName('body')?.text ?? '') && !REMOTE.test(except.text.split('\n')[0])) continue;
      const header = loop.type === 'for_statement' ? loop.childForFieldName('right') : loop.childForFieldName('condition');
      context.report({ node: header ?? loop, messageId: 'loop' });
    }
  },
});

function enclosing(node: Node, type: string): Node | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === type) return p;
  return undefined;
}

/** `return invoke(..., retry_count + 1)` or `self.invoke(...)` inside the except block of `invoke`. */
function recursiveCall(except: Node, name: string): Node | undefined {
  // Such a call's text lies inside the except block's: without the name there, no walk.
  if (!except.text.includes(name)) return undefined;
  const pattern = new RegExp(`^(self\\.)?${name}$`);
  const stack: Node[] = [except];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'function_definition' || node.type === 'lambda') continue;
    if (node.type === 'call' && pattern.test(node.childForFieldName('function')?.text ?? '')) return node;
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return undefined;
}

/**
 * The loop the try retries: the nearest loop around it (inside the same function) that counts
 * attempts (`for _ in range(n)`) or repeats (`while ...`), whose try leaves on success
 * (`return`/`break` in the body or the else clause). A loop over items is not a retry.
 */
function retryLoop(tryNode: Node, fn: Node | undefined): Node | undefined {
  let loop: Node | undefined;
  // Nodes read out of WASM are fresh objects each time: compare by id, never by reference.
  for (let p = tryNode.parent; p && p.id !== fn?.id; p = p.parent) {
    if (p.type === 'for_statement' || p.type === 'while_statement') {
      loop = p;
      break;
    }
  }
  if (!loop) return undefined;
  // `range(len(hosts))` walks a list (fail over to the next host), it does not repeat one attempt.
  if (loop.type === 'for_statement' && !/^range\((?!\s*len\()/.test(loop.childForFieldName('right')?.text ?? '')) return undefined;
  const body = tryNode.childForFieldName('body');
  const elseClause = tryNode.namedChildren.find((c) => c?.type === 'else_clause');
  const succeeds = (block: Node | null | undefined) => !!block && block.namedChildren.some((s) => s && (s.type === 'return_statement' || s.type === 'break_statement'));
  return succeeds(body) || succeeds(elseClause?.namedChildren.find((c) => c?.type === 'block')) ? loop : undefined;
}

/** Does the except block end the attempt for good (`raise`, `return`, `break`) instead of looping again? */
function leavesOnFailure(except: Node): boolean {
  const block = except.namedChildren.find((c) => c?.type === 'block');
  return !!block && block.namedChildren.some((s) => !!s && LEAVES.test(s.text));
}
