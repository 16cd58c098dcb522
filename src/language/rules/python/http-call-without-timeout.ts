import type { Node } from 'web-tree-sitter';
import { hasSplat, keywordArgument, type PythonModel } from '../../python/model';
import { l, pythonRule } from '../../rule';
import { enclosingClass, enclosingFunction } from '../../python/nodes';
import { isNotebookModel } from '../../python/notebooks';
import { RUNS_HANDED_CALLABLE } from '../../python/effects';

const VERBS = '(get|post|put|patch|delete|head|options|request)';
/** requests module functions and methods of a `requests.Session()` instance. */
const REQUESTS = new RegExp(`^requests(\\.(api|Session|session))?\\.${VERBS}$`);
const HTTPX = new RegExp(`^httpx(\\.(Client|AsyncClient))?\\.(${VERBS.slice(1, -1)}|stream)$|^httpx\\.(Client|AsyncClient)$`);
const URLOPEN = /^urllib\.request\.urlopen$|^urllib2\.urlopen$/;
/** A requests session built where its calls do not resolve through a module-level name: `with requests.Session() as s`, a local, `self.session`. */
const SESSION = /^requests\.(Session|session)$/;
const SESSION_VERB = new RegExp(`^${VERBS}$`);
/**
 * Maps that run a function handed to them once per item (`executor.map(requests.get, urls)`,
 * `map(requests.get, urls)`), judged like the calls of `RUNS_HANDED_CALLABLE`
 * (`asyncio.to_thread(requests.get, url)`, `executor.submit(requests.post, url, json=x)`). The keywords
 * of `to_thread`, `submit`, `run_sync` and `run_in_threadpool` reach the call. A `functools.partial` is
 * left out: its timeout is often given where the partial is called.
 */
const MAPS = /(^|\.)map$/;

export default pythonRule({
  id: 'http-call-without-timeout',
  language: 'python',
  local: true,
  category: 'reliability',
  severity: 'warning',
  anchors: ['B113', 'S113', 'W3101'],
  messages: {
    noTimeout: l(
      '{callee} 호출에 timeout이 없습니다 — 상대 서버가 응답하지 않으면 영원히 기다립니다',
      '{callee} has no timeout — if the other side never answers, this waits forever',
    ),
    noneTimeout: l('{callee} 호출의 timeout이 None이라 제한 없이 기다립니다', '{callee} is called with timeout=None, so it waits without limit'),
    hugeTimeout: l(
      '{callee}의 timeout이 {seconds}초(한 시간 이상)라 사실상 제한이 없습니다 — 상대가 멈추면 요청과 워커가 그만큼 묶입니다',
      "{callee}'s timeout is {seconds} s (an hour or more), which is no limit in practice — if the other side hangs, the request and its worker are held that long",
    ),
  },
  docs: {
    summary: l(
      'timeout 없는 requests/urlopen 호출(`with requests.Session() as s`, 함수 안의 세션, `self.session`으로 만든 세션의 호출도, `asyncio.to_thread(requests.get, url)`·`run_in_executor`·`submit`·`map`에 넘겨진 호출도), timeout=None인 httpx 호출, 그리고 한 시간 이상의 timeout(사실상 무제한)을 찾습니다. 테스트 모듈(테스트 대상 서비스를 부르는 pytest·unittest 코드)은 제외합니다.',
      'Flags requests and urlopen calls without a timeout (calls through a session too, whether bound by `with requests.Session() as s`, to a local or to `self.session`, and calls handed to `asyncio.to_thread`, `run_in_executor`, an executor’s `submit` or `map`, or `map`), httpx calls with timeout=None, and timeouts of an hour or more (no limit in practice). Test modules (pytest or unittest code calling the service under test) are left alone.',
    ),
    why: l(
      'requests는 기본 timeout이 없습니다. 외부 API(피처 스토어, 다른 모델)가 멈추면 워커가 하나씩 묶이고, 결국 서비스 전체가 응답하지 않습니다.',
      'requests has no default timeout. When a dependency (a feature store, another model) hangs, workers block one by one until the whole service stops answering.',
    ),
    bad: "import requests\n\ndef fetch_features(user_id):\n    return requests.get(f'http://features/{user_id}').json()\n",
    good: "import requests\n\n# TODO: 이 값은 어떤 근거로 정할까요? (상대 서비스의 p99 지연, 우리 SLO)\nFEATURE_TIMEOUT_S = 2.0\n\ndef fetch_features(user_id):\n    return requests.get(f'http://features/{user_id}', timeout=FEATURE_TIMEOUT_S).json()\n",
  },
  weeks: ['beginner/5', 'intermediate/4', 'intermediate/6'],
  questions: [
    l(
      '호출하는 서버가 응답하지 않고 연결만 유지한다면, 이 요청은 언제 끝날까요?',
      'If the server you call keeps the connection open but never answers, when does this request end?',
    ),
    l('우리 서비스의 응답 시간 목표(SLO)를 생각하면, 이 호출에는 몇 초까지 기다려도 될까요?', 'Given your own latency objective (SLO), how long may this call take at most?'),
    l('타임아웃이 났을 때는 재시도, 기본값, 오류 중 무엇을 하시겠어요?', 'When it times out, will you retry, fall back to a default, or fail?'),
  ],
  scaffold: {
    ko: '# TODO: 외부 호출의 타임아웃 정하기\n# 고려사항:\n# - 연결(connect)과 읽기(read) 타임아웃은 각각 얼마?\n# - 타임아웃이 나면 재시도? 기본값? 오류 응답?\n# - 재시도한다면 백오프와 최대 횟수는?\n# TODO: 모든 HTTP 호출에 timeout 전달하기 (세션 단위 설정도 고려)\n',
    en: '# TODO: choose timeouts for outgoing calls\n# Consider:\n# - connect and read timeouts, each how long?\n# - on timeout: retry, default value, or an error response?\n# - if retrying: backoff and a maximum number of attempts?\n# TODO: pass a timeout to every HTTP call (or configure it per session)\n',
  },
  callees: [REQUESTS, URLOPEN, HTTPX, SESSION, RUNS_HANDED_CALLABLE, MAPS],
  check(context) {
    // A notebook saved as a script is an exploration, not the code that runs (see isNotebookExport).
    if (isNotebookModel(context.model)) return;
    // A pytest or unittest module calling the service under test is the test's own scaffolding; the job's timeout bounds it.
    if (context.model.isTest) return;
    // A session with a timeout-setting HTTPAdapter subclass mounted gives every call a default timeout.
    const sessionHasDefault = context.model.classes.some((c) => /HTTPAdapter/.test(c.childForFieldName('superclasses')?.text ?? ''));
    const resolved = new Set(context.model.calls.filter((c) => REQUESTS.test(c.callee ?? '')).map((c) => c.node.id));
    for (const call of context.calls) {
      const callee = call.callee!;
      if (hasSplat(call.node)) continue;
      if (sessionHasDefault && /^requests\.(Session|session)\b/.test(callee)) continue;
      if (RUNS_HANDED_CALLABLE.test(callee) || MAPS.test(callee)) {
        const handed = handedCall(context.model, call.node);
        if (handed && !keywordArgument(call.node, 'timeout')) context.report({ node: call.node, messageId: 'noTimeout', data: { callee: short(handed) } });
        continue;
      }
      if (SESSION.test(callee)) {
        for (const use of sessionCalls(call.node)) {
          // A session the model resolves (`with requests.Session() as s` in a function) is judged with the other calls.
          if (hasSplat(use) || resolved.has(use.id)) continue;
          const timeout = keywordArgument(use, 'timeout');
          const verb = use.childForFieldName('function')?.childForFieldName('attribute')?.text ?? 'get';
          if (!timeout) context.report({ node: use, messageId: 'noTimeout', data: { callee: `requests.Session.${verb}` } });
          else if (timeout.type === 'none') context.report({ node: use, messageId: 'noneTimeout', data: { callee: `requests.Session.${verb}` } });
        }
        continue;
      }
      const timeout = keywordArgument(call.node, 'timeout');
      if (REQUESTS.test(callee) || URLOPEN.test(callee)) {
        // urlopen(url, data, timeout) may pass it positionally as the third argument.
        const positional = URLOPEN.test(callee) && (call.node.childForFieldName('arguments')?.namedChildren.filter((a) => a?.type !== 'keyword_argument').length ?? 0) >= 3;
        if (!timeout && !positional) context.report({ node: call.node, messageId: 'noTimeout', data: { callee: short(callee) } });
        else if (timeout?.type === 'none') context.report({ node: call.node, messageId: 'noneTimeout', data: { callee: short(callee) } });
      } else if (HTTPX.test(callee) && timeout?.type === 'none') {
        context.report({ node: call.node, messageId: 'noneTimeout', data: { callee: short(callee) } });
      }
      const seconds = timeout ? hoursLong(timeout) : undefined;
      if (seconds !== undefined) context.report({ node: timeout!, messageId: 'hugeTimeout', data: { callee: short(callee), seconds } });
    }
  },
});

/** A literal timeout of an hour or more (`timeout=60000.0`, a `(connect, read)` pair with such a read): no limit in practice. */
function hoursLong(timeout: Node): string | undefined {
  const values = timeout.type === 'tuple' ? timeout.namedChildren : [timeout];
  for (const value of values) {
    if ((value?.type === 'integer' || value?.type === 'float') && Number(value.text.replace(/_/g, '')) >= 3600) return value.text;
  }
  return undefined;
}

/**
 * The HTTP calls made through a session the model cannot resolve by name: bound by `with ... as s`
 * or assigned to a local of a function (its calls in that function), or to `self.<name>` (its
 * calls in that class). A session bound to a module-level name resolves to `requests.Session.get`
 * and is judged with the other calls.
 */
function sessionCalls(creation: Node): Node[] {
  const parent = creation.parent;
  let name: string | undefined;
  let scope: Node | undefined;
  if (parent?.type === 'as_pattern') {
    name = parent.childForFieldName('alias')?.text ?? parent.namedChildren[1]?.text;
    scope = enclosingFunction(creation) ?? withStatement(parent);
  } else if (parent?.type === 'assignment' && parent.childForFieldName('right')?.id === creation.id) {
    const target = parent.childForFieldName('left');
    if (target?.type === 'identifier') scope = enclosingFunction(creation);
    else if (target?.type === 'attribute' && target.childForFieldName('object')?.text === 'self') scope = enclosingClass(creation);
    name = target?.text;
  }
  if (!name || !scope || !/^(self\.)?\w+$/.test(name)) return [];
  // `s.request = functools.partial(s.request, timeout=5)` gives every call of the session a default.
  if (new RegExp(`${name.replace('.', '\\.')}\\.request\\s*=\\s*(functools\\.)?partial\\([^)]*\\btimeout\\s*=`).test(scope.text)) return [];
  return scope.descendantsOfType('call').filter((use): use is Node => {
    const fn = use?.childForFieldName('function');
    return fn?.type === 'attribute' && fn.childForFieldName('object')?.text === name && SESSION_VERB.test(fn.childForFieldName('attribute')?.text ?? '');
  });
}

/** The requests or urlopen function handed to a call that runs it (`asyncio.to_thread(requests.get, url)`), resolved through the imports. */
function handedCall(model: PythonModel, call: Node): string | undefined {
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (arg?.type !== 'identifier' && arg?.type !== 'attribute') continue;
    const name = model.resolve(arg);
    if (name && (REQUESTS.test(name) || URLOPEN.test(name))) return name;
  }
  return undefined;
}

/** The `with` statement a with-item belongs to: the scope of its `as` name at module level. */
function withStatement(node: Node): Node | undefined {
  for (let n: Node | null = node; n; n = n.parent) if (n.type === 'with_statement') return n;
  return undefined;
}

function short(callee: string): string {
  return callee.replace(/^requests\.(api|Session|session)\./, 'requests.');
}
