import type { Node } from 'web-tree-sitter';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'setup-only-in-main-guard',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:setup-in-main-guard'],
  messages: {
    mainOnly: l(
      "핸들러가 쓰는 '{name}'이(가) `if __name__ == \"__main__\":` 안에서만 준비됩니다 — gunicorn·uvicorn·flask run처럼 앱을 import하는 서버에서는 '{name}' 없이 요청을 받습니다",
      '\'{name}\', which the handlers use, is set up only under `if __name__ == "__main__":` — a server that imports the app (gunicorn, uvicorn, flask run) serves requests without it',
    ),
  },
  docs: {
    summary: l(
      '요청 핸들러가 읽는 모듈 변수(모델, DB 연결, 벡터 저장소)를 `if __name__ == "__main__":` 블록 안에서만 만드는 코드를 찾습니다. 블록이 부르는 함수가 `global model`로 채우고 다른 곳에서는 부르지 않는 경우도 찾습니다. Dockerfile·compose·시작 스크립트가 파일을 `python app.py`로만 실행하면(블록이 실행되므로) 보고하지 않습니다.',
      'Flags module variables the request handlers read (a model, a database connection, a vector store) that are created only inside the `if __name__ == "__main__":` block, directly or by a function the block calls and nothing else does (`global model` in `load_model()`). A file the Dockerfile, compose file or start script runs only as a script (`python app.py`) is left alone: the block runs there.',
    ),
    why: l(
      '`__main__` 블록은 `python app.py`로 직접 실행할 때만 돕니다. 운영 서버(gunicorn, uvicorn, flask run, 테스트 클라이언트)는 모듈을 import하므로 그 블록을 건너뛰고, 핸들러는 None이나 NameError를 만나 모든 요청이 500이 됩니다. 로컬에서는 잘 되다가 배포하자마자 깨지는 대표적인 버그입니다.',
      'The `__main__` block runs only when the file is executed directly. Production servers (gunicorn, uvicorn, flask run, a test client) import the module, skip the block, and the handlers meet None or a NameError: every request is a 500. It works locally and breaks on the first deploy.',
    ),
    bad: "import pickle\nfrom flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    return jsonify({'y': model.predict([request.json['x']]).tolist()})\n\nif __name__ == '__main__':\n    model = pickle.load(open('model.pkl', 'rb'))\n    app.run()\n",
    good: "import pickle\nfrom flask import Flask, jsonify, request\n\napp = Flask(__name__)\n# TODO: import될 때도 모델이 준비되도록 모듈 수준(또는 앱 팩토리)에서 로딩하기\nwith open('model.pkl', 'rb') as f:\n    model = pickle.load(f)\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    return jsonify({'y': model.predict([request.json['x']]).tolist()})\n\nif __name__ == '__main__':\n    app.run()\n",
  },
  weeks: ['beginner/5'],
  questions: [
    l(
      "서버가 이 파일을 실행하지 않고 import만 할 때도 `__main__` 블록이 실행될까요? 그때 '{name}'은 어떤 값일까요?",
      "When a server imports this module instead of running it, does the `__main__` block run? What is '{name}' then?",
    ),
    l('이 서비스는 배포 환경에서 정확히 어떤 명령으로 시작되나요?', 'Which exact command starts this service where it is deployed?'),
    l('준비가 실패하면 서버는 시작을 멈춰야 할까요, 준비되지 않았다고 보고해야 할까요?', 'If set-up fails, should the server refuse to start, or report that it is not ready?'),
  ],
  scaffold: {
    ko: '# TODO: 앱이 import될 때 필요한 것을 준비하기\n# 고려사항:\n# - 모듈 수준? 앱 팩토리(create_app)? FastAPI lifespan?\n# - 준비에 실패하면 시작을 멈출까요, readiness로 알릴까요?\n# - `__main__`에는 개발 서버 실행만 남기기\n# TODO: 핸들러가 쓰는 객체의 생성을 __main__ 밖으로 옮기기\n',
    en: '# TODO: set up what the handlers need when the app is imported\n# Consider:\n# - at module level? in an app factory (create_app)? in a FastAPI lifespan?\n# - on failure: refuse to start, or report not-ready?\n# - leave only the development server start in `__main__`\n# TODO: move the creation of what handlers use out of __main__\n',
  },
  // Where the Dockerfile, compose file or start script runs the file itself (`python app.py`) and
  // nothing imports it as a module (gunicorn, uvicorn, flask run), the guard runs and the handlers
  // get what it sets up: the lesson is for the server that imports the app, which the tree does not use.
  project(context) {
    const { view } = context;
    for (const path of view.python.keys()) {
      const launches = view.launchesOf(path);
      if (launches.length > 0 && launches.every((l) => l.launch.server === 'python')) context.withdraw(path);
    }
  },
  check(context) {
    const { model } = context;
    const guard = model.mainGuard;
    if (!guard || model.handlers.length === 0) return;
    // The guard's span, read once (a node's end crosses into WASM); an item is judged only when it
    // starts inside it, so a re-lint does not find every call and function of the file again.
    const start = guard.startIndex;
    const end = guard.endIndex;
    // What the handlers and the functions they may call read (functions inside the guard run only
    // there), sliced only when the guard sets something up.
    let readers: string[] | undefined;
    const readersOf = () => (readers ??= model.functions.filter((fn) => fn.startIndex < start || fn.startIndex > end).map((fn) => model.source.slice(fn.startIndex, fn.endIndex)));
    for (const assignment of model.assignments) {
      if (assignment.startIndex < start || assignment.startIndex >= end || assignment.endIndex > end || insideFunction(assignment, guard)) continue;
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if (left?.type !== 'identifier' || !right || !/call|await/.test(right.type)) continue;
      const name = left.text;
      if (!readersOf().some((text) => readsGlobal(text, name)) || setAtImport(model.source, name, guard)) continue;
      context.report({ node: assignment, messageId: 'mainOnly', data: { name } });
      return;
    }
    // `load_model(path)` under the guard, where `def load_model(p): global model; model = ...` is
    // called nowhere else: the handlers' global is still unset when a server imports the app.
    for (const call of model.calls) {
      if (call.inFunction || call.node.startIndex < start || call.node.startIndex >= end || call.node.endIndex > end) continue;
      const callee = call.node.childForFieldName('function');
      if (callee?.type !== 'identifier') continue;
      const setter = model.functions.find((fn) => fn.parent?.type === 'module' && fn.childForFieldName('name')?.text === callee.text);
      if (!setter || calledOutside(model.source, callee.text, guard, setter)) continue;
      const body = model.source.slice(setter.startIndex, setter.endIndex);
      for (const name of globalsAssigned(body)) {
        const others = readersOf().filter((text) => text !== body);
        if (!others.some((text) => readsGlobal(text, name)) || setAtImport(model.source, name, guard)) continue;
        context.report({ node: call.node, messageId: 'mainOnly', data: { name } });
        return;
      }
    }
  },
});

/** The names a function declares `global` and assigns (`global model` ... `model = joblib.load(path)`). */
function globalsAssigned(fn: string): string[] {
  const names = [...fn.matchAll(/^[ \t]*global[ \t]+(\w[\w \t,]*)$/gm)].flatMap((m) => m[1].split(',').map((n) => n.trim()));
  return names.filter((name) => /^\w+$/.test(name) && new RegExp(`^[ \\t]*${name}[ \\t]*=(?!=)`, 'm').test(fn));
}

/** Is the function also called outside the guard and outside its own body (at import, in a start-up hook)? */
function calledOutside(source: string, name: string, guard: Node, setter: Node): boolean {
  for (const m of source.matchAll(new RegExp(`(?<![.\\w])${name}[ \\t]*\\(`, 'g'))) {
    const at = m.index;
    if ((at >= guard.startIndex && at < guard.endIndex) || (at >= setter.startIndex && at < setter.endIndex)) continue;
    return true;
  }
  return false;
}

/**
 * Does this function read the module-level name? Not when it binds its own (a parameter, or an
 * assignment without `global`): `settings = get_settings()` in every function that needs it.
 */
function readsGlobal(fn: string, name: string): boolean {
  if (!new RegExp(`(?<![.\\w])${name}\\b`).test(fn)) return false;
  if (new RegExp(`^\\s*global\\s[^\\n]*\\b${name}\\b`, 'm').test(fn)) return true;
  const parameters = /\bdef\s+\w+\s*\(([^)]*)\)/.exec(fn)?.[1] ?? '';
  if (new RegExp(`(^|[,*\\s])${name}\\s*(?=[:=,]|$)`).test(parameters.trim())) return false;
  return !new RegExp(`^[ \\t]*${name}[ \\t]*(?::[^=\\n]+)?=(?!=)`, 'm').test(fn);
}

function insideFunction(node: Node, stop: Node): boolean {
  for (let n = node.parent; n && n.id !== stop.id; n = n.parent) if (n.type === 'function_definition' || n.type === 'class_definition') return true;
  return false;
}

/** Bound at module level before the guard to something other than None (`model = load()`, not `model = None`). */
function setAtImport(source: string, name: string, guard: Node): boolean {
  const before = source.slice(0, guard.startIndex);
  for (const m of before.matchAll(new RegExp(`^${name}[ \\t]*(?::[^=\\n]+)?=[ \\t]*([^\\n]+)$`, 'gm'))) if (!/^None\b/.test(m[1].trim())) return true;
  return false;
}
