import type { Node } from 'web-tree-sitter';
import { l, pythonRule } from '../../rule';

/**
 * Calls that block until something happens, or wait on purpose: a loop holding one is paced by it
 * (a sleep, a consumer's poll, a queue's get, a socket's recv, a file's read, a cursor's fetch).
 */
const WAITS =
  /(^|\.)(sleep|wait\w*|join|poll|get|get_message|recv\w*|read|readline|readlines|readinto|accept|select|consume|listen|serve_forever|input|receive\w*|brpop|blpop|xread\w*|fetchone|fetchmany|fetchall|next|result|communicate)$/;
/** Statements that do nothing: a loop of only these spins. */
const IDLE = new Set(['pass_statement', 'continue_statement']);

export default pythonRule({
  id: 'polling-without-wait',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:polling-without-wait'],
  messages: {
    spin: l(
      '아무 일도 하지 않는 루프가 조건이 바뀌기를 기다립니다 — CPU 코어 하나를 100% 쓰면서 기다리고, 끝나는 시한도 없습니다',
      'A loop that does nothing waits for a condition to change — it burns a whole CPU core while it waits, with no deadline',
    ),
    poll: l(
      "루프가 '{name}'을(를) 쉬지 않고 다시 조회합니다({call}) — 기다림(sleep)도 시한도 없어, 상대 서비스에 요청을 연달아 퍼붓고 상태가 끝내 바뀌지 않으면 영원히 돕니다",
      "The loop re-queries '{name}' ({call}) back to back — with no sleep and no deadline it floods the other service with requests, and spins forever if the state never changes",
    ),
  },
  docs: {
    summary: l(
      '상태가 바뀌기를 기다리는 while 루프 중, 몸체가 pass/continue뿐인 루프(바쁜 대기)와, 매번 같은 인자로 같은 조회를 다시 부르고(S3의 보고서 다시 읽기, 작업 상태 다시 조회) 그 결과로 루프를 끝내는데 sleep도 시한도 없는 루프를 찾습니다. sleep, 소비자의 poll, 큐의 get, 소켓 recv, 파일 read, 커서 fetch처럼 스스로 기다리는 호출이 있는 루프와 try가 있는 재시도 루프(retry-without-backoff가 봅니다)는 제외합니다.',
      'Flags while loops that wait for a state to change: a body of only pass/continue (a busy wait), and a loop that calls the same query again with the same arguments each time (re-reading a report from S3, re-fetching a job status) and leaves on its result, with no sleep and no deadline. Loops holding a call that waits by itself (a sleep, a consumer poll, a queue get, a socket recv, a file read, a cursor fetch) and retry loops with a try (retry-without-backoff looks at those) are left alone.',
    ),
    why: l(
      '기다리는 동안 아무것도 하지 않는 루프는 코어 하나를 통째로 쓰고, 원격 상태를 쉬지 않고 조회하는 루프는 초당 수백 번 요청을 보내 스로틀링이나 요금 폭탄을 부릅니다. 상태가 끝내 바뀌지 않으면(작업 실패, 네트워크 단절) 루프는 영원히 돌고, CI 작업이나 워커는 시간 제한에 걸릴 때까지 멈춰 있습니다.',
      'A loop that does nothing while it waits takes a whole core, and a loop that re-queries a remote state without pausing sends hundreds of requests a second, which earns throttling or a bill. If the state never changes (the job failed, the network dropped), the loop runs forever and the CI job or worker hangs until something kills it.',
    ),
    bad: "import pandas as pd\n\nreport = pd.read_csv(f's3://{BUCKET}/reports.csv')\nwhile len(report[report['commit'] == SHA]) == 0:\n    report = pd.read_csv(f's3://{BUCKET}/reports.csv')\n",
    good: "import time\n\nimport boto3\n\nsagemaker = boto3.client('sagemaker')\ndeadline = time.monotonic() + 3600\nwhile True:\n    status = sagemaker.describe_training_job(TrainingJobName=JOB)['TrainingJobStatus']\n    if status in ('Completed', 'Failed', 'Stopped'):\n        break\n    # TODO: 몇 초마다 다시 볼까요? 끝내 바뀌지 않으면 언제 포기할까요?\n    if time.monotonic() > deadline:\n        raise TimeoutError(JOB)\n    time.sleep(30)\n",
  },
  weeks: ['intermediate/1', 'intermediate/6'],
  questions: [
    l(
      '이 루프가 기다리는 상태가 끝내 바뀌지 않으면(작업이 실패하면) 루프는 언제 멈추나요?',
      'If the state this loop waits for never changes (the job failed), when does the loop stop?',
    ),
    l(
      '이 루프는 1초에 몇 번 조회할까요? 상대 서비스와 요금에는 어떤 영향을 줄까요?',
      'How many times a second does this loop query? What does that do to the other service and to the bill?',
    ),
    l('기다리는 대신 완료를 알려 받을 방법(waiter, 이벤트, 콜백)이 있을까요?', 'Is there a way to be told when it is done instead of asking (a waiter, an event, a callback)?'),
  ],
  scaffold: {
    ko: '# TODO: 기다리며 다시 보기\n# 고려사항:\n# - 몇 초 간격으로 다시 볼까요? (점점 늘릴까요?)\n# - 끝내 바뀌지 않으면 언제 포기하고 무엇을 알릴까요?\n# - 실패 상태도 루프를 끝내나요?\n# - SDK에 waiter가 있나요? (boto3 get_waiter, job.wait())\n# TODO: time.sleep(...)과 시한(deadline)\n',
    en: '# TODO: wait between looks\n# Consider:\n# - how many seconds between looks (growing)?\n# - when to give up if it never changes, and what to report?\n# - does a failed state end the loop too?\n# - does the SDK have a waiter (boto3 get_waiter, job.wait())?\n# TODO: time.sleep(...) and a deadline\n',
  },
  query: '(while_statement) @loop',
  // Each finding is one matched loop's condition, judged by that loop alone.
  local: true,
  check(context) {
    for (const { captures } of context.matches) {
      const loop = captures.loop!;
      const body = loop.childForFieldName('body');
      const condition = loop.childForFieldName('condition');
      if (!body || !condition) continue;
      const statements = body.namedChildren.filter((s): s is Node => !!s && s.type !== 'comment');
      if (statements.length > 0 && statements.every((s) => IDLE.has(s.type) || (s.type === 'expression_statement' && s.text === '...'))) {
        // `while not ready(): pass` spins on the condition's call; `while True: pass` spins for nothing.
        context.report({ node: condition, messageId: 'spin' });
        continue;
      }
      if (waits(loop)) continue;
      const polled = polledName(body, condition, statements);
      if (polled) context.report({ node: condition, messageId: 'poll', data: { name: polled.name, call: polled.call } });
    }
  },
});

/** The loop waits somewhere: a waiting call, an await, a yield, or a try (a retry loop). */
function waits(loop: Node): boolean {
  const stack: Node[] = [loop];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'await' || node.type === 'yield' || node.type === 'try_statement') return true;
    if (node.type === 'call' && WAITS.test(node.childForFieldName('function')?.text ?? '')) return true;
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return false;
}

/** Names a subtree assigns or augments (`x = ...`, `x += 1`, `for x in`). */
function assignedNames(node: Node): Set<string> {
  const names = new Set<string>();
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'assignment' || current.type === 'augmented_assignment' || current.type === 'for_statement') {
      const left = current.childForFieldName('left');
      for (const id of left?.type === 'identifier' ? [left] : (left?.descendantsOfType('identifier') ?? [])) if (id) names.add(id.text);
    }
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return names;
}

/**
 * A top-level `name = query(...)` of the loop body whose arguments nothing in the loop changes
 * (the same question asked again), with `name` deciding the exit: in the loop's condition or in
 * an `if` that breaks or returns.
 */
function polledName(body: Node, condition: Node, statements: readonly Node[]): { name: string; call: string } | undefined {
  const changed = assignedNames(body);
  for (const statement of statements) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'call') continue;
    const args = right.childForFieldName('arguments');
    const inputs = (args?.descendantsOfType('identifier') ?? []).map((id) => id?.text ?? '');
    if (inputs.some((name) => changed.has(name))) continue;
    const name = left.text;
    const uses = new RegExp(`\\b${name}\\b`);
    const exits =
      uses.test(condition.text) ||
      body
        .descendantsOfType('if_statement')
        .some(
          (branch) => !!branch && uses.test(branch.childForFieldName('condition')?.text ?? '') && /\b(break|return)\b/.test(branch.childForFieldName('consequence')?.text ?? ''),
        );
    if (!exits) continue;
    const callee = right.childForFieldName('function')?.text ?? '';
    return { name, call: `${callee}(...)` };
  }
  return undefined;
}
