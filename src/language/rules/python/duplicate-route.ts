import type { Node } from 'web-tree-sitter';
import { PythonModel } from '../../python/model';
import { l, pythonRule } from '../../rule';
import type { Range } from '../../types';

const VERBS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options']);
const FACTORY = /^(?:flask\.|fastapi\.)?(Flask|Blueprint|FastAPI|APIRouter)\s*\(/;

interface Registration {
  readonly object: string;
  readonly path: string;
  readonly methods: readonly string[];
  readonly range: Range;
  /** Flask's endpoint: the view function's name unless `endpoint=` names another. */
  readonly endpoint?: string;
  /** The view function (its definition's id or its name): one function stacked under several routes is one endpoint. */
  readonly view?: string;
}

const literal = (node: Node | null | undefined): string | undefined =>
  node?.type === 'string' && !node.namedChildren.some((c) => c?.type === 'interpolation') ? node.text.replace(/^[rRbBuU]*(['"]{1,3})([\s\S]*)\1$/, '$2') : undefined;

const keyword = (args: Node, name: string): Node | undefined =>
  args.namedChildren.find((c) => c?.type === 'keyword_argument' && c.childForFieldName('name')?.text === name)?.childForFieldName('value') ?? undefined;

/** The methods a `methods=[...]` list names, GET when absent; undefined when it is not a literal list. */
function methodsOf(args: Node): string[] | undefined {
  const list = keyword(args, 'methods');
  if (!list) return ['GET'];
  if (list.type !== 'list' && list.type !== 'tuple' && list.type !== 'set') return undefined;
  const methods = list.namedChildren.map((c) => literal(c)?.toUpperCase());
  return methods.every((m): m is string => !!m) ? methods : undefined;
}

export default pythonRule({
  id: 'duplicate-route',
  language: 'python',
  category: 'reliability',
  severity: 'error',
  anchors: ['F811'],
  messages: {
    route: l(
      '{method} {path}가 {object}에 두 번째로 등록됩니다 ({line}번째 줄에 이미 있음): 먼저 등록된 핸들러만 요청을 받고 이 핸들러는 실행되지 않습니다',
      '{method} {path} is registered on {object} a second time (first at line {line}): only the first handler serves it and this one never runs',
    ),
    endpoint: l(
      '뷰 함수 이름 {name}이(가) {object}에서 이미 쓰였습니다 ({line}번째 줄): Flask는 import할 때 AssertionError로 멈춥니다',
      'The view function name {name} is already used on {object} (line {line}): Flask stops at import with an AssertionError',
    ),
    redefined: l(
      '핸들러 함수 이름 {name}이(가) {line}번째 줄에서 이미 쓰였습니다: 두 경로는 모두 응답하지만, 모듈의 {name}은 이 두 번째 함수만 가리킵니다 (복사해 붙인 뒤 이름을 안 바꾼 흔적)',
      'The handler name {name} is already used at line {line}: both routes still answer, but the module name {name} now means only this second function (a copy-paste left unrenamed)',
    ),
  },
  severityReasons: {
    shadowed: {
      severity: 'warning',
      message: l('앱은 시작하지만 이 핸들러는 죽은 코드입니다', 'The app starts, but this handler is dead code'),
    },
    renamed: {
      severity: 'warning',
      message: l(
        '두 경로 모두 동작합니다: 잃는 것은 첫 함수의 이름(테스트나 import가 부르는 것)입니다',
        'Both routes work: what is lost is the first function’s name (what a test or an import calls)',
      ),
    },
  },
  docs: {
    summary: l(
      '하나의 앱/라우터/블루프린트에 같은 메서드와 경로를 두 번 등록하거나, 한 Flask 앱에 같은 이름의 뷰 함수를 두 번 등록하거나, 한 FastAPI 앱·라우터의 두 핸들러를 같은 함수 이름으로 정의한 코드를 찾습니다.',
      'Flags one app, router or blueprint registering the same method and path twice, two Flask view functions with the same name on one app, or two FastAPI handlers of one app or router defined under the same function name.',
    ),
    why: l(
      'FastAPI와 Flask는 먼저 등록된 핸들러로 요청을 보내므로, 고친 두 번째 핸들러는 조용히 무시됩니다. Flask에서 뷰 함수 이름이 겹치면 서비스가 아예 시작하지 못합니다.',
      'FastAPI and Flask route a request to the first handler registered, so the fixed second copy is silently ignored. In Flask a repeated view function name stops the service from starting at all.',
    ),
    bad: 'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post("/predict")\ndef predict(x: dict):\n    return {"v": 1}\n\n\n@app.post("/predict")\ndef predict_v2(x: dict):\n    return {"v": 2}\n',
    good: 'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post("/predict")\ndef predict(x: dict):\n    return {"v": 1}\n\n\n# TODO: 두 버전이 모두 필요한가요? 그렇다면 경로로 구분할까요?\n@app.post("/v2/predict")\ndef predict_v2(x: dict):\n    return {"v": 2}\n',
  },
  weeks: ['beginner/5'],
  questions: [
    l('두 핸들러 중 어느 쪽이 실제로 요청을 받을까요? 어떻게 확인할 수 있나요?', 'Which of the two handlers actually receives the request? How could you check?'),
    l(
      '두 번째 핸들러는 새 버전인가요, 남겨 둔 옛 코드인가요? 둘 다 필요하다면 경로를 어떻게 나눌까요?',
      'Is the second handler a new version or leftover code? If both are needed, how would you split the paths?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 중복된 라우트 정리하기\n# 고려사항:\n# - 어느 핸들러가 남아야 하나요?\n# - 두 버전이 모두 필요하다면 /v1, /v2처럼 경로를 나눌 수 있나요?\n# - 라우트 목록을 확인하는 테스트가 있나요?\n# TODO: 한 핸들러 제거 또는 경로 변경\n',
    en: '# TODO: resolve the duplicated route\n# Consider:\n# - which handler should remain?\n# - if both versions are needed, can the paths be split (/v1, /v2)?\n# - does a test check the route table?\n# TODO: remove one handler or change its path\n',
  },
  check(context) {
    const { text, model } = context;
    if (!/\b(?:Flask|Blueprint|FastAPI|APIRouter)\b/.test(text)) return;
    // Each top-level statement read once and kept across re-lints: an edit inside a function's body re-reads that statement only.
    const parts = model.perStatement('duplicate-route', routeParts);
    const kinds = new Map<string, string>();
    for (const part of parts) if (part.kind) kinds.set(part.kind[0], part.kind[1]);
    const registrations: Registration[] = [];
    parts.forEach((part, i) => {
      if (part.registrations.length === 0) return;
      const { startIndex } = model.statements[i];
      for (const found of part.registrations) {
        if (!kinds.has(found.object)) continue;
        const range = model.rangeOfSpan(i, found.at);
        // A definition's start in the file: one function stacked under several routes is one endpoint.
        const view = found.definition === undefined ? found.view : found.definition === -1 ? 'undefined' : `def@${startIndex + found.definition}`;
        registrations.push({ object: found.object, path: found.path, methods: found.methods, range, endpoint: found.endpoint, view });
      }
    });
    const routes = new Map<string, Registration>();
    const endpoints = new Map<string, Registration>();
    for (const registration of registrations) {
      const { object, path, methods, range, endpoint } = registration;
      const line = (first: Registration) => first.range.start.line + 1;
      const kind = kinds.get(object);
      if (endpoint && (kind === 'Flask' || kind === 'Blueprint')) {
        const first = endpoints.get(`${object} ${endpoint}`);
        if (first && first.view !== registration.view) {
          context.report({ range, messageId: 'endpoint', data: { name: endpoint, object, line: line(first) } });
          continue;
        }
        endpoints.set(`${object} ${endpoint}`, registration);
      }
      const repeated = methods.map((method) => ({ method, first: routes.get(`${object} ${method} ${path}`) })).find((r) => r.first);
      if (repeated?.first) context.report({ range, messageId: 'route', data: { method: repeated.method, path, object, line: line(repeated.first) }, severityReason: 'shadowed' });
      // FastAPI keeps both routes of two handlers named alike, but the second `def` rebinds the module's name (pyflakes F811).
      else if (endpoint && (kind === 'FastAPI' || kind === 'APIRouter') && registration.view?.startsWith('def@')) {
        const first = endpoints.get(`${object} ${endpoint}`);
        if (first && first.view !== registration.view) context.report({ range, messageId: 'redefined', data: { name: endpoint, line: line(first) }, severityReason: 'renamed' });
        else endpoints.set(`${object} ${endpoint}`, registration);
      }
      for (const method of methods) if (!routes.has(`${object} ${method} ${path}`)) routes.set(`${object} ${method} ${path}`, registration);
    }
  },
});

/**
 * What one top-level statement adds: an app or router it creates (`app = Flask(__name__)`), and the
 * routes it registers on any object, placed relative to the statement (rows from its first line,
 * indices from its start), so that the part is the same wherever the statement moves.
 */
interface RouteParts {
  readonly kind: readonly [string, string] | undefined;
  readonly registrations: readonly {
    readonly object: string;
    readonly path: string;
    readonly methods: readonly string[];
    readonly at: readonly [number, number, number, number];
    readonly endpoint?: string;
    /** A decorator's: its definition's start in the statement, -1 without one; undefined for a call. */
    readonly definition?: number;
    readonly view?: string;
  }[];
}

function routeParts(statement: Node): RouteParts {
  const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
  const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
  const factory = FACTORY.exec(assignment?.childForFieldName('right')?.text ?? '');
  const kind = left?.type === 'identifier' && factory ? ([left.text, factory[1]] as const) : undefined;
  const registrations: RouteParts['registrations'][number][] = [];
  const at = (node: Node) => PythonModel.spanIn(statement, node);
  // Only unconditional top-level registrations: a route defined in each branch of an `if` is not a duplicate.
  if (statement.type === 'decorated_definition') {
    const fn = statement.childForFieldName('definition');
    for (const decorator of statement.namedChildren) {
      const call = decorator?.type === 'decorator' ? decorator.namedChildren[0] : undefined;
      const callee = call?.type === 'call' ? call.childForFieldName('function') : undefined;
      const args = call?.childForFieldName('arguments');
      if (!call || callee?.type !== 'attribute' || !args) continue;
      const verb = callee.childForFieldName('attribute')?.text ?? '';
      // Most decorators route nothing (`@app.task`, `@pytest.fixture(...)`): their arguments are not read.
      if (verb !== 'route' && verb !== 'api_route' && !VERBS.has(verb)) continue;
      const object = callee.childForFieldName('object')?.text ?? '';
      const path = literal(args.namedChildren[0]);
      if (path === undefined) continue;
      const methods = verb === 'route' || verb === 'api_route' ? methodsOf(args) : [verb.toUpperCase()];
      if (!methods) continue;
      const endpoint = keyword(args, 'endpoint') ? literal(keyword(args, 'endpoint')) : fn?.childForFieldName('name')?.text;
      registrations.push({ object, path, methods, at: at(decorator!), endpoint, definition: fn ? fn.startIndex - statement.startIndex : -1 });
    }
  } else if (statement.type === 'expression_statement' && statement.namedChildren[0]?.type === 'call') {
    const call = statement.namedChildren[0];
    const callee = call.childForFieldName('function');
    const args = call.childForFieldName('arguments');
    const verb = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    const object = callee?.childForFieldName('object')?.text ?? '';
    if (args && (verb === 'add_url_rule' || verb === 'add_api_route')) {
      const path = literal(args.namedChildren[0]);
      const methods = methodsOf(args);
      if (path !== undefined && methods) {
        // add_url_rule's endpoint is its second argument or endpoint=, else the view function's name.
        const second = args.namedChildren[1];
        const view = verb === 'add_url_rule' ? (keyword(args, 'view_func') ?? (second?.type === 'keyword_argument' ? undefined : args.namedChildren[2])) : undefined;
        const endpoint = verb === 'add_url_rule' ? (literal(keyword(args, 'endpoint')) ?? literal(second) ?? (view?.type === 'identifier' ? view.text : undefined)) : undefined;
        registrations.push({ object, path, methods, at: at(call), endpoint, view: view?.text });
      }
    }
  }
  return { kind, registrations };
}
