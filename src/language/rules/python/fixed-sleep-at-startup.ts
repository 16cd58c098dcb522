import type { Node } from 'web-tree-sitter';
import { CLIENT } from '../../python/clients';
import type { CallInfo, PythonModel } from '../../python/model';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';
import type { Range } from '../../types';

/**
 * Calls that reach another process or service: a client or pool of `CLIENT`, a broker or database
 * connection, an HTTP request, a vector store or tracking server.
 */
const CONNECTS = new RegExp(
  `^(${CLIENT.map((c) => c.replace(/\./g, '\\.')).join('|')})$|^(requests|httpx)\\.(get|post|put|head|request|Client|AsyncClient)$|^urllib\\.request\\.urlopen$|^pika\\.(BlockingConnection|SelectConnection)$|^aio_pika\\.connect(_robust)?$|^chromadb\\.(HttpClient|AsyncHttpClient)$|^mlflow\\.(set_experiment|start_run|get_experiment_by_name|search_runs)$|^(psycopg2|psycopg|pymysql|sqlite3|mysql\\.connector)\\.connect$|^socket\\.create_connection$|\\.connect$`,
);
/** Starting another process that the script then talks to (`subprocess.Popen(["uvicorn", ...])`). */
const STARTS_PROCESS = /^subprocess\.Popen$/;
/** A line of a shell script that waits until the thing is ready: a polling loop or a wait-for tool. */
const READINESS = /\b(until|while)\b|\bwait-for(-it)?\b|\bdockerize\b[^\n]*-wait|\bcurl\b[^\n]*--retry|\bpg_isready\b|\bnc\s+-z\b|\btimeout\s+\d+\s/;
/** Functions that run once while the process starts, where a fixed pause stands in for a readiness check. */
const STARTUP_FUNCTION = /^_?(main|run|start\w*|setup\w*|init\w*|bootstrap\w*|connect\w*|wait_for\w*|lifespan|on_startup|startup\w*)$/;
/** Shell lines that neither use the background process nor wait for it properly. */
const NEUTRAL = /^(echo|printf|set|export|cd|:|true|trap|wait\b|exec\s+wait\b)\b/;

export default pythonRule({
  id: 'fixed-sleep-at-startup',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:startup-ordering'],
  callees: ['time.sleep'],
  messages: {
    sleepBeforeConnect: l(
      '시작할 때 {seconds}초를 고정으로 기다린 뒤 {target}에 연결합니다 — 상대가 더 늦게 뜨면 연결이 실패해 프로세스가 죽고, 더 빨리 뜨면 그만큼 시간을 버립니다',
      'At start-up the code sleeps a fixed {seconds} s and then connects ({target}) — when the other side starts more slowly the connection fails and the process dies; when it is faster the time is wasted',
    ),
    sleepAfterStart: l(
      '띄운 프로세스({target})가 준비되기를 {seconds}초 고정 대기로 기다립니다 — 느린 시작이면 첫 요청이 실패하고, 그 프로세스가 죽어도 아무도 모릅니다',
      'The process it started ({target}) is given a fixed {seconds} s to get ready — on a slow start the first calls fail, and if that process dies nothing notices',
    ),
    scriptSleep: l(
      '백그라운드로 띄운 `{target}`를 {seconds}초 고정 대기 후 바로 씁니다 — 서버가 더 늦게 준비되면 다음 명령이 실패하고, 컨테이너는 준비되지 않은 채 계속 돕니다',
      'The script starts `{target}` in the background, sleeps a fixed {seconds} s and then uses it — when the server takes longer, the next command fails and the container keeps running half set up',
    ),
    scriptNoWait: l(
      '백그라운드로 띄운 `{target}`를 기다리지 않고 바로 다음 명령이 씁니다 — 서버가 아직 포트를 열지 않았으면 그 명령은 실패합니다',
      'The script starts `{target}` in the background and the next command uses it at once — if the server is not listening yet, that command fails',
    ),
  },
  docs: {
    summary: l(
      '시작 단계에서 의존하는 서비스를 고정 sleep으로 기다리는 코드를 찾습니다: 모듈 수준, __main__ 블록, 시작 함수(main, startup, wait_for_db ...)에서 반복문 밖의 `time.sleep(N)` 뒤에 DB·브로커·HTTP 연결을 만들거나, `subprocess.Popen`으로 띄운 서버를 `time.sleep(N)`으로 기다리는 경우, 그리고 셸 스크립트(entrypoint.sh)에서 `서버 &`로 띄운 뒤 고정 `sleep`만 하거나 아무 대기 없이 그 서버를 쓰는 경우입니다. 재시도 반복문 안의 sleep, until/while 준비 확인, wait-for-it은 제외합니다.',
      'Flags start-up code that waits for a dependency with a fixed sleep: a `time.sleep(N)` at module level, in the `__main__` block or in a start-up function (`main`, `startup`, `wait_for_db` ...) outside any loop followed by a database, broker or HTTP connection, or waiting for a server started with `subprocess.Popen`; and shell scripts (an entrypoint.sh) that start a server with `server &` and then use it after only a fixed `sleep`, or with no wait at all. Sleeps inside a retry loop, until/while readiness checks and wait-for-it are left alone.',
    ),
    why: l(
      '서비스가 준비되는 시간은 매번 다릅니다(이미지 캐시, 모델 로드, 노드 부하). 고정 대기는 느린 날에는 부족해서 연결이 실패하고 컨테이너가 재시작을 반복하며, 빠른 날에는 시작을 늦출 뿐입니다. 준비됐는지 직접 확인하며(연결 재시도, 헬스 체크 폴링) 최대 시간을 두고 기다려야 합니다.',
      'How long a dependency takes to get ready varies every time (image cache, model load, node load). A fixed wait is too short on a slow day, so the connection fails and the container crash-loops, and only delays start-up on a fast one. Check readiness instead (retry the connection, poll a health check) with an overall deadline.',
    ),
    bad: 'import time\n\nimport pika\n\ntime.sleep(10)\nconnection = pika.BlockingConnection(pika.ConnectionParameters(host="rabbitmq"))\n',
    good: 'import time\n\nimport pika\n\n\ndef connect(attempts: int = 30) -> pika.BlockingConnection:\n    # TODO: 몇 번, 얼마 간격으로 재시도할까요? 끝내 실패하면 무엇을 로그로 남길까요?\n    for attempt in range(attempts):\n        try:\n            return pika.BlockingConnection(pika.ConnectionParameters(host="rabbitmq"))\n        except pika.exceptions.AMQPConnectionError:\n            time.sleep(min(2**attempt, 10))\n    raise RuntimeError("RabbitMQ is not reachable")\n\n\nconnection = connect()\n',
  },
  weeks: ['intermediate/6', 'beginner/3'],
  questions: [
    l(
      '{target|상대 서비스}가 {seconds|고정}초보다 늦게 준비되는 날에는 이 프로세스에 무슨 일이 생기나요?',
      'On a day when {target|the other service} takes longer than {seconds|the fixed} seconds to get ready, what happens to this process?',
    ),
    l(
      '고정된 시간을 기다리는 대신, 상대가 준비됐다는 것을 무엇으로 확인할 수 있을까요? 최대 얼마나 기다려야 할까요?',
      'Instead of waiting a fixed time, what could tell you the other side is ready? How long should you wait at most?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 고정 sleep 대신 준비될 때까지 기다리기\n# 고려사항:\n# - 준비됐다는 신호는? (연결 성공, /health 응답, 포트 열림)\n# - 재시도 간격과 최대 대기 시간은?\n# - 끝내 준비되지 않으면 어떻게 실패하고 무엇을 로그로 남길까요?\n# TODO: for attempt in range(...): try: connect() ... except ...: time.sleep(...)\n',
    en: '# TODO: wait until the dependency is ready instead of a fixed sleep\n# Consider:\n# - what says it is ready? (a connection succeeds, /health answers, the port opens)\n# - the retry interval and the overall deadline?\n# - when it never gets ready, how should start-up fail and what should it log?\n# TODO: for attempt in range(...): try: connect() ... except ...: time.sleep(...)\n',
  },
  check(context) {
    const { model } = context;
    if (isTestPath(context.path)) return;
    for (const call of context.calls) {
      // Module level, the `__main__` block, or a start-up function (`main()`, `startup()`, `wait_for_db()`).
      const fn = call.inFunction;
      if (fn && !STARTUP_FUNCTION.test(fn.childForFieldName('name')?.text ?? '')) continue;
      const seconds = fixedSeconds(call.node);
      if (seconds === undefined || inLoopOrExcept(call.node)) continue;
      const statement = topStatement(call.node);
      if (!statement) continue;
      const sameScope = (c: CallInfo) => c.inFunction?.id === fn?.id;
      const started = model.calls.find((c) => sameScope(c) && c.node.endIndex <= statement.startIndex && STARTS_PROCESS.test(c.callee ?? ''));
      if (started) {
        context.report({ node: call.node, messageId: 'sleepAfterStart', data: { seconds, target: processName(started) } });
        continue;
      }
      const next = firstConnectionAfter(model, statement, sameScope);
      if (next) context.report({ node: call.node, messageId: 'sleepBeforeConnect', data: { seconds, target: `${next.callee}()` } });
    }
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'script' || /(^|\/)procfile$/i.test(path)) continue;
      const finding = scriptWait(facts.commands);
      if (finding) context.report({ path, range: finding.range, messageId: finding.messageId, data: finding.data });
    }
  },
});

/** The literal number of seconds of `time.sleep(10)`, when it is one second or more. */
function fixedSeconds(call: Node): string | undefined {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const first = args[0];
  if (args.length !== 1 || (first?.type !== 'integer' && first?.type !== 'float')) return undefined;
  return Number(first.text) >= 1 ? first.text : undefined;
}

/** A sleep inside a loop or an except clause paces a retry or a poll; that is the right shape. */
function inLoopOrExcept(node: Node): boolean {
  for (let at = node.parent; at; at = at.parent) {
    if (/^(for_statement|while_statement|except_clause|function_definition|lambda)$/.test(at.type)) return at.type !== 'function_definition';
  }
  return false;
}

/** The statement of its block holding the node: at module level, in the `__main__` block or in a start-up function's body. */
function topStatement(node: Node): Node | undefined {
  let at: Node | null = node;
  while (at?.parent && at.parent.type !== 'module' && at.parent.type !== 'block') at = at.parent;
  return at ?? undefined;
}

/** The first connecting call among the next three statements of the same block. */
function firstConnectionAfter(model: PythonModel, statement: Node, sameScope: (call: CallInfo) => boolean): CallInfo | undefined {
  const following: Node[] = [];
  for (let at = statement.nextNamedSibling; at && following.length < 3; at = at.nextNamedSibling) if (at.type !== 'comment') following.push(at);
  if (following.length === 0) return undefined;
  const end = following[following.length - 1].endIndex;
  return model.calls.find((c) => sameScope(c) && c.node.startIndex >= statement.endIndex && c.node.endIndex <= end && CONNECTS.test(c.callee ?? ''));
}

/** What `subprocess.Popen([...])` runs, for the message: its first word. */
function processName(call: CallInfo): string {
  const first = call.node.childForFieldName('arguments')?.namedChildren[0];
  const word = /["']([^"']+)["']/.exec(first?.text ?? '')?.[1];
  return word ?? 'subprocess.Popen';
}

interface ScriptFinding {
  readonly range: Range;
  readonly messageId: 'scriptSleep' | 'scriptNoWait';
  readonly data: Record<string, string>;
}

/**
 * A server sent to the background (`ollama serve &`, `mlflow server ... &`) and then used by a
 * later command of the script with only a fixed `sleep` before it, or none. A readiness loop or a
 * wait-for tool before the use settles it; a script whose background command is its last has
 * nothing that depends on it.
 */
function scriptWait(commands: readonly { readonly text: string; readonly range: Range }[]): ScriptFinding | undefined {
  const lines = commands.map((c) => c.text.replace(/\s+#.*$/, '').trim());
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    const background = /^(?:nohup\s+)?(.+?[^&>|\s])\s*&$/.exec(text);
    if (!background || /&&/.test(background[1])) continue;
    const target = background[1].split(/\s+/).slice(0, 2).join(' ');
    let sleep: { seconds: string; range: Range } | undefined;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j];
      if (READINESS.test(next)) return undefined;
      const pause = /^sleep\s+(\d+(?:\.\d+)?)s?\s*;?$/.exec(next);
      if (pause) {
        sleep = { seconds: pause[1], range: commands[j].range };
        continue;
      }
      if (NEUTRAL.test(next)) continue;
      // Another server sent to the background is not a use of the first.
      if (/[^&]&\s*$/.test(next)) continue;
      return sleep
        ? { range: sleep.range, messageId: 'scriptSleep', data: { target, seconds: sleep.seconds } }
        : { range: commands[i].range, messageId: 'scriptNoWait', data: { target } };
    }
  }
  return undefined;
}
