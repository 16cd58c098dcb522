import type { Node } from 'web-tree-sitter';
import type { HandlerInfo, PythonModel } from '../../python/model';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'view-returns-none',
  language: 'python',
  local: 'handler',
  category: 'error-handling',
  severity: 'error',
  anchors: ['gap:view-returns-none'],
  messages: {
    explicit: l(
      "뷰 '{handler}'가 None을 반환합니다 — {framework}는 이를 응답으로 만들 수 없어 500 오류를 냅니다",
      "The view '{handler}' returns None — {framework} cannot turn that into a response and answers 500",
    ),
    fallsThrough: l(
      "뷰 '{handler}'는 마지막 if 조건이 거짓이면 아무것도 반환하지 않습니다 — {framework}가 500 오류를 냅니다",
      "The view '{handler}' returns nothing when its last if condition is false — {framework} answers 500",
    ),
  },
  docs: {
    summary: l(
      'Flask·Django 뷰가 None을 반환하거나(return None, 빈 return), 마지막 if 분기 밖에서 아무것도 반환하지 않는 경로를 찾습니다.',
      'Flags Flask and Django views that return None (return None, a bare return) or have a path past their last if that returns nothing.',
    ),
    why: l(
      'Flask와 Django는 None을 응답으로 바꾸지 못하고 TypeError로 500을 냅니다. 보통 GET처럼 아무도 시험하지 않은 경로에서만 나타나, 배포 뒤에야 발견됩니다.',
      'Flask and Django cannot turn None into a response and fail with a TypeError, a 500. It usually hides on a path nobody tried (a GET on a POST view) and shows up only after deployment.',
    ),
    bad: "from flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n@app.route('/predict', methods=['GET', 'POST'])\ndef predict():\n    if request.method == 'POST':\n        return jsonify(ok=True)\n    return None\n",
    good: "from flask import Flask, jsonify\n\napp = Flask(__name__)\n\n# TODO: 이 경로가 GET을 받아야 하나요?\n@app.route('/predict', methods=['POST'])\ndef predict():\n    return jsonify(ok=True)\n",
  },
  weeks: ['beginner/5'],
  questions: [
    l('{handler|이 뷰}에 GET 요청을 보내면 어떤 응답이 돌아올까요? 직접 시험해 보셨나요?', 'What comes back if you send a GET request to {handler|this view}? Have you tried it?'),
    l(
      '이 경로가 받아야 하는 HTTP 메서드는 무엇인가요? 나머지 메서드에는 어떤 상태 코드가 맞을까요?',
      'Which HTTP methods should this route accept? Which status code fits the others?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 모든 경로가 응답을 반환하게 하기\n# 고려사항:\n# - 이 뷰가 받아야 하는 메서드만 methods=[...]에 남기면 나머지는 405가 됩니다\n# - 남는 분기에는 어떤 응답(상태 코드, 메시지)이 맞을까요?\n# TODO: None 대신 응답 반환하기\n',
    en: '# TODO: make every path return a response\n# Consider:\n# - keep only the methods this view serves in methods=[...]; others get a 405\n# - which response (status code, message) fits the remaining branch?\n# TODO: return a response instead of None\n',
  },
  check(context) {
    const { model } = context;
    for (const handler of model.handlers) {
      // FastAPI serialises None as null and flask-restful as an empty body; Flask and Django fail.
      if (handler.framework !== 'flask' && handler.framework !== 'django') continue;
      if (handler.name.includes('.') && handler.framework === 'flask' && !isMethodView(model, handler)) continue;
      const data = { handler: handler.name, framework: handler.framework === 'flask' ? 'Flask' : 'Django' };
      const body = handler.node.childForFieldName('body');
      if (!body) continue;
      const explicit = noneReturn(model, handler, body);
      if (explicit) {
        context.report({ node: explicit, messageId: 'explicit', data });
        continue;
      }
      const last = lastStatement(body);
      if (last?.type === 'if_statement' && !last.childForFieldName('alternative') && returnsSomething(model, last) && !onlyMethod(model, handler, last)) {
        context.report({ node: last.child(0) ?? last, messageId: 'fallsThrough', data });
      }
    }
  },
});

/** `return None` or a bare `return` in the view itself (not in a nested function). */
function noneReturn(model: PythonModel, handler: HandlerInfo, body: Node): Node | undefined {
  const text = model.source.slice(body.startIndex, body.endIndex);
  if (!/^\s*return\s*(None)?\s*(#.*)?$/m.test(text)) return undefined;
  for (const ret of body.descendantsOfType('return_statement')) {
    if (!ret || /\S/.test(model.source.slice(ret.startIndex + 6, ret.endIndex).replace(/^\s*None\b/, ''))) continue;
    let inner = false;
    for (let n = ret.parent; n && n.id !== handler.node.id; n = n.parent) if (n.type === 'function_definition' || n.type === 'lambda') inner = true;
    if (!inner) return ret;
  }
  return undefined;
}

function lastStatement(body: Node): Node | undefined {
  const statements = body.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  return statements[statements.length - 1];
}

/** The if's own branch returns a value, so the author meant the view to answer. */
function returnsSomething(model: PythonModel, node: Node): boolean {
  return /^\s*return\s+\S/m.test(model.source.slice(node.startIndex, node.endIndex));
}

/**
 * `if request.method == "POST":` on a route that accepts only POST is always true; so is the last
 * of `if request.method == "POST": ... if request.method == "GET": ...` on a route declared with
 * GET and POST: every method the route accepts has its own branch (Flask answers HEAD and OPTIONS itself).
 */
function onlyMethod(model: PythonModel, handler: HandlerInfo, node: Node): boolean {
  const condition = node.childForFieldName('condition');
  const text = condition ? model.source.slice(condition.startIndex, condition.endIndex) : '';
  if (!/\bmethod\b/.test(text)) return false;
  if ((handler.methods?.length ?? 0) === 1) return true;
  const declared = (handler.methods ?? ['GET']).map((m) => m.toUpperCase()).filter((m) => m !== 'HEAD' && m !== 'OPTIONS');
  const covered = new Set<string>();
  const body = node.parent;
  for (const statement of body?.namedChildren ?? []) {
    if (statement?.type !== 'if_statement') continue;
    const branches = [statement.childForFieldName('condition'), ...statement.namedChildren.filter((c) => c?.type === 'elif_clause').map((c) => c!.childForFieldName('condition'))];
    for (const branch of branches) {
      const test = branch ? model.source.slice(branch.startIndex, branch.endIndex) : '';
      // Only plain tests (`request.method == "GET"`, `request.method in ("GET", "HEAD")`), not `!=` or `not in`.
      if (!/\bmethod\s*(==|in\b)/.test(test) || /!=|\bnot\b/.test(test)) continue;
      for (const m of test.matchAll(/['"]([A-Za-z]+)['"]/g)) covered.add(m[1].toUpperCase());
    }
  }
  return declared.length > 0 && declared.every((m) => covered.has(m));
}

/** Flask class views (`MethodView`) render through Flask; flask-restful resources do not. */
function isMethodView(model: PythonModel, handler: HandlerInfo): boolean {
  const cls = handler.node.parent?.parent;
  return cls?.type === 'class_definition' && /\b(MethodView|View)\b/.test(cls.childForFieldName('superclasses')?.text ?? '');
}
