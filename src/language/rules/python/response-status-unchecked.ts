import type { Node } from 'web-tree-sitter';
import { exceptHeaders, guardingTry } from '../../python/errors';
import { enclosingFunction } from '../../python/model';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';
import { isNotebookModel } from '../../python/notebooks';

/** Signs that the caller looked at the status: `r.raise_for_status()`, `r.status_code`, `r.ok`, `if r:`. */
const STATUS = (name: string) => new RegExp(`\\b${name}\\s*\\.\\s*(raise_for_status|status_code|status|ok|is_success|is_error)\\b|\\bif\\s+(not\\s+)?${name}\\s*:`);

export default pythonRule({
  id: 'response-status-unchecked',
  language: 'python',
  // At module level the call and its `.json()` read are two top-level statements: 'statement' re-runs
  // the rule on the whole file after an edit outside function bodies, where 'true' kept a stale answer.
  local: 'statement',
  category: 'error-handling',
  severity: 'warning',
  anchors: ['gap:unchecked-http-status'],
  messages: {
    unchecked: l(
      '{callee}의 응답을 상태 코드 확인 없이 .json()으로 읽습니다 — 오류 응답(4xx/5xx, HTML 오류 페이지)이 원인과 먼 곳에서 JSON 오류나 KeyError로 드러납니다',
      'The response of {callee} is read with .json() without checking its status — an error reply (4xx/5xx, an HTML error page) surfaces as a JSON error or a KeyError far from its cause',
    ),
    body: l(
      '{callee}의 응답 본문(.{part})을 상태 코드 확인 없이 데이터로 씁니다 — 오류 응답(404 페이지, 5xx 메시지)이 정상 데이터처럼 처리되고, 실패는 원인과 먼 곳에서 드러나거나 아예 드러나지 않습니다',
      'The body (.{part}) of the response of {callee} is used as data without checking its status — an error reply (a 404 page, a 5xx message) is processed as if it were the content, and the failure shows up far from its cause or not at all',
    ),
  },
  docs: {
    summary: l(
      'requests/httpx 호출의 응답을 raise_for_status()나 status_code 확인 없이 .json()으로 읽거나, 본문(.text, .content)을 데이터로 쓰는 코드를 찾습니다 (출력·로그만 하는 경우는 제외). 오류 응답이 일으키는 예외(JSONDecodeError, ValueError, KeyError, RequestException)를 잡는 try 안의 읽기는 제외하고, 연결 오류만 잡거나 모든 예외를 한데 잡는 try(본문을 .get()으로 조심스럽게 읽는 경우 제외)는 확인으로 치지 않습니다.',
      'Flags requests/httpx responses read with .json(), or whose body (.text, .content) is used as data (printing or logging it is not), with no raise_for_status() and no status_code check. A read inside a try that catches what an error reply raises (JSONDecodeError, ValueError, KeyError, RequestException) is left alone; a try that catches only the transport (ConnectionError, Timeout) or everything at once does not count as a check (unless the body is read defensively with .get()).',
    ),
    why: l(
      '호출한 서비스가 500이나 404를 돌려주면 본문은 기대한 모양이 아닙니다. 상태를 보지 않으면 오류가 KeyError나 JSONDecodeError로 바뀌어, 실제 원인(상대 서비스의 장애)이 로그에서 사라집니다.',
      'When the called service answers 500 or 404, the body is not the expected shape. Without a status check the error turns into a KeyError or JSONDecodeError, and the real cause (the other service failing) disappears from the logs.',
    ),
    bad: 'import requests\n\ndef score(row):\n    response = requests.post(API_URL, json=row, timeout=10)\n    return response.json()["prediction"]\n',
    good: 'import requests\n\ndef score(row):\n    response = requests.post(API_URL, json=row, timeout=10)\n    # TODO: 4xx와 5xx를 다르게 다룰까요? (재시도할 오류와 아닌 오류)\n    response.raise_for_status()\n    return response.json()["prediction"]\n',
  },
  weeks: ['beginner/5', 'intermediate/6'],
  questions: [
    l(
      '{callee}가 503과 HTML 오류 페이지를 돌려주면, 이 코드는 어디에서 어떤 오류로 멈출까요?',
      'If {callee} answers 503 with an HTML error page, where does this code fail, and with which error?',
    ),
    l('상대 서비스의 오류와 내 코드의 버그를 로그에서 어떻게 구별할 수 있을까요?', "How would the logs tell the other service's failure apart from a bug in your own code?"),
  ],
  scaffold: {
    ko: '# TODO: 응답 상태 확인하기\n# 고려사항:\n# - raise_for_status()로 충분한가요, 상태별로 다르게 처리해야 하나요?\n# - 재시도할 오류(503, 타임아웃)와 포기할 오류(400)는?\n# - 실패를 어떻게 기록하고 호출자에게 알릴까요?\n# TODO: .json() 전에 상태 확인\n',
    en: '# TODO: check the response status\n# Consider:\n# - is raise_for_status() enough, or do statuses need different handling?\n# - which errors are worth a retry (503, timeouts) and which are not (400)?\n# - how is the failure logged and reported to the caller?\n# TODO: check the status before .json()\n',
  },
  callees: [/^(requests|httpx)\.(get|post|put|patch|delete|request)$/, /^(requests\.Session|requests\.session|httpx\.Client)\.(get|post|put|patch|delete|request)$/],
  check(context) {
    // A notebook saved as a script is an exploration, not the code that runs (see isNotebookExport).
    if (isNotebookModel(context.model)) return;
    const { model } = context;
    if (isTestPath(context.path)) return;
    for (const { node, callee } of context.calls) {
      const read = unchecked(model.source, node);
      const part = read?.type === 'attribute' ? read.childForFieldName('attribute')?.text : undefined;
      if (read) context.report({ node: read, messageId: part ? 'body' : 'unchecked', data: { callee: callee ?? 'the call', ...(part && { part }) } });
    }
  },
});

/** The `.json()` read of this call's response when nothing looks at its status first. */
function unchecked(source: string, call: Node): Node | undefined {
  const scope = enclosingFunction(call) ?? call.tree.rootNode;
  // `requests.get(url).json()`: the status is never in reach.
  const parent = call.parent;
  if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.text === 'json' && parent.parent?.type === 'call') {
    const read = parent.parent;
    return handledBadReply(source, read, scope) || (guardingTry(read, scope) && readDefensively(source, read, scope)) ? undefined : read;
  }
  // `r = requests.post(...)`, then `r.json()` with no `r.raise_for_status()` / `r.status_code` in the same scope.
  const assignment = parent?.type === 'assignment' ? parent : undefined;
  const target = assignment?.childForFieldName('left');
  if (!target || target.type !== 'identifier') return undefined;
  const name = target.text;
  const looked = statusLooked(source, name, call, scope);
  if (looked === 'checked') return undefined;
  const use = new RegExp(`\\b${name}\\s*\\.\\s*(json\\s*\\(|text\\b|content\\b)`).exec(source.slice(call.endIndex, scope.endIndex));
  if (!use) return undefined;
  const at = call.tree.rootNode.descendantForIndex(call.endIndex + use.index);
  // `r.json()` is a call on the attribute; `r.text` / `r.content` taken as the data is the attribute itself.
  const read = use[1].startsWith('json') ? at?.parent?.parent : at?.parent;
  if (!read || read.type !== (use[1].startsWith('json') ? 'call' : 'attribute') || handledBadReply(source, read, scope) || handledBadReply(source, call, scope)) return undefined;
  // A body handed back as it is (`return r.text`) is the caller's to judge; one kept or passed on here is used as data.
  if (read.type === 'attribute' && (read.parent?.type === 'return_statement' || shownOnly(read))) return undefined;
  // A status that is only logged, next to a body that is only shown, is a script reporting both.
  if (looked === 'logged' && shownOnly(read)) return undefined;
  if ((guardingTry(read, scope) || guardingTry(call, scope)) && readDefensively(source, read, scope)) return undefined;
  return read;
}

/**
 * Whether the code in the scope looks at the response's status: `checked` when some reference
 * decides something (a condition, `raise_for_status()`, a value returned or kept), `logged` when
 * every reference only prints or logs it (`logger.debug(f"status {r.status_code}")` reports the
 * failure and then uses the error body anyway), `none` when there is no reference.
 */
function statusLooked(source: string, name: string, call: Node, scope: Node): 'checked' | 'logged' | 'none' {
  const pattern = new RegExp(STATUS(name).source, 'g');
  const text = source.slice(scope.startIndex, scope.endIndex);
  let seen = false;
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    seen = true;
    const node = call.tree.rootNode.descendantForIndex(scope.startIndex + found.index + found[0].length - 1);
    if (!node || !shownOnly(node)) return 'checked';
  }
  return seen ? 'logged' : 'none';
}

/** A body only printed or logged (`print(r.text)`, `logger.error(r.text)`) is shown, not used as data. */
function shownOnly(read: Node): boolean {
  for (let at = read.parent; at && at.type !== 'expression_statement' && at.type !== 'function_definition'; at = at.parent) {
    if (at.type === 'call' && /(^print$|(^|\.)(debug|info|warning|error|exception|critical|write|echo|markdown)$)/.test(at.childForFieldName('function')?.text ?? '')) return true;
  }
  return false;
}

/**
 * A try around the read that catches what an error reply makes the read raise: a body that is not
 * JSON (`JSONDecodeError`, `ValueError`), a missing key (`KeyError`, `IndexError`), the client's
 * own error (`RequestException`, `HTTPError`). A try that catches only the transport
 * (`ConnectionError`, `Timeout`) lets the error body through; a catch-all (`except Exception`)
 * turns the upstream's 4xx/5xx into one generic failure, which is the status check's lesson still.
 */
function handledBadReply(source: string, node: Node, scope: Node): boolean {
  for (let at: Node | undefined = node; at;) {
    const tryNode = guardingTry(at, scope);
    if (!tryNode) return false;
    if (exceptHeaders(source, tryNode).some((header) => BAD_REPLY.test(header))) return true;
    at = tryNode;
  }
  return false;
}

const BAD_REPLY = /\b(JSONDecodeError|ValueError|KeyError|IndexError|LookupError|TypeError|AttributeError|RequestException|HTTPError|HTTPStatusError|InvalidJSONError)\b/;

/**
 * The reply's JSON kept under a name and read with `.get(...)` (`emb = requests.post(...).json()`,
 * `embedding = emb.get("embedding")`) inside a try that catches everything: the code expects keys
 * to be missing and the catch-all answers the rest. Outside a try the same read still fails on a
 * body that is not JSON, and reviewers ask for the status there.
 */
function readDefensively(source: string, read: Node, scope: Node): boolean {
  const assignment = read.parent?.type === 'assignment' ? read.parent : undefined;
  const target = assignment?.childForFieldName('left');
  if (target?.type !== 'identifier') return false;
  return new RegExp(`\\b${target.text}\\s*\\.\\s*get\\s*\\(`).test(source.slice(read.endIndex, scope.endIndex));
}
