import type { Node } from 'web-tree-sitter';
import { keywordArgument } from '../../python/model';
import { assignmentAt } from '../../python/scan';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'debug-mode-enabled',
  language: 'python',
  local: 'statement',
  category: 'security',
  severity: 'error',
  anchors: ['B201', 'S201', 'semgrep:flask-debug-enabled'],
  messages: {
    runDebug: l('{framework} 앱이 debug 모드로 실행됩니다', 'The {framework} app runs in debug mode'),
    uvicornReload: l('uvicorn이 reload=True로 실행됩니다 (개발용 설정)', 'uvicorn runs with reload=True (a development setting)'),
    debugAttribute: l('앱의 debug 설정이 True로 고정되어 있습니다', 'The app debug setting is hard-coded to True'),
    constructorDebug: l(
      '{framework} 앱이 debug=True로 만들어집니다 — 어떤 서버가 실행하든 500 응답에 traceback이 담겨 클라이언트에게 갑니다',
      'The {framework} app is created with debug=True — whatever server runs it, a 500 answer carries the traceback to the client',
    ),
    djangoDebug: l('Django 설정 파일에 DEBUG = True가 고정되어 있습니다', 'The Django settings file hard-codes DEBUG = True'),
    debugFromEnvString: l(
      'debug 값이 환경 변수의 문자열({value})입니다: 비어 있지 않은 값은 "False"나 "0"이어도 참이라 debug가 켜집니다',
      'The debug value is the environment variable\'s string ({value}): any non-empty value, "False" and "0" too, is true and turns debug on',
    ),
  },
  severityReasons: {
    reloadOnly: {
      severity: 'warning',
      message: l(
        '자동 재시작(reload)은 디버거를 열지 않습니다: 보안 구멍이 아니라 운영에 맞지 않는 개발용 설정입니다',
        'auto-reload opens no debugger: it is a development setting that does not belong in production, not a security hole',
      ),
    },
    envString: {
      severity: 'warning',
      message: l(
        '변수가 비어 있거나 없을 때는 꺼져 있습니다: 누군가 "False"나 "0"으로 끄려고 할 때 켜집니다',
        'Unset or empty, it is off: it turns on when someone sets it to "False" or "0" to turn it off',
      ),
    },
  },
  docs: {
    summary: l(
      '웹 앱을 debug/reload 모드로 실행하거나 debug=True로 만드는 코드(FastAPI(debug=True))와 Django 설정의 DEBUG = True, 그리고 환경 변수 문자열을 그대로 debug 값으로 쓰는 코드(debug=os.getenv("DEBUG"): "False"도 참)를 찾습니다. Dockerfile·compose·Procfile·매니페스트가 gunicorn이나 uvicorn으로 모듈을 실행하고 아무것도 파일을 python으로 직접 실행하지 않으면, `__main__`의 debug 실행은 개발자의 로컬 진입점이므로 묻지 않습니다.',
      'Flags web apps started in debug or auto-reload mode or created with debug=True (FastAPI(debug=True)), DEBUG = True in Django settings, and a debug value that is an environment variable\'s raw string (debug=os.getenv("DEBUG"): "False" is true too). Where the Dockerfile, compose file, Procfile or manifest serves the module with gunicorn or uvicorn and nothing runs the file with python, the debug run in `__main__` is a developer\'s local entry point and is left alone.',
    ),
    why: l(
      'Flask debug 모드의 Werkzeug 디버거는 브라우저에서 임의 코드를 실행할 수 있게 해 줍니다. 오류 페이지는 스택 트레이스와 설정값을 노출하고, reload는 파일 감시로 CPU를 소모합니다.',
      "Flask's Werkzeug debugger lets anyone who reaches an error page run arbitrary code; tracebacks leak settings, and auto-reload burns CPU watching files.",
    ),
    bad: "from flask import Flask\napp = Flask(__name__)\n\nif __name__ == '__main__':\n    app.run(debug=True)\n",
    good: "import os\nfrom flask import Flask\napp = Flask(__name__)\n\nif __name__ == '__main__':\n    # TODO: 개발 환경에서만 debug를 켜세요. 어떤 환경 변수로 구분할까요?\n    app.run(debug=os.environ.get('FLASK_DEBUG') == '1')\n",
  },
  weeks: ['beginner/1'],
  questions: [
    l(
      '이 코드가 운영 서버에서 그대로 실행되면, 오류 페이지를 본 사용자는 무엇을 할 수 있을까요?',
      'If this runs as-is on a production server, what can a user who reaches an error page do?',
    ),
    l('개발 환경과 운영 환경의 설정을 코드 수정 없이 어떻게 구분하시겠어요?', 'How would you tell development and production settings apart without editing the code?'),
    l('운영에서는 어떤 WSGI/ASGI 서버로 앱을 띄우실 건가요? 그 이유는요?', 'Which WSGI/ASGI server would start the app in production, and why?'),
  ],
  scaffold: {
    ko: "# TODO: 실행 환경별 설정 분리\n# 고려사항:\n# - debug 값은 어디서 읽어올까요? (환경 변수, 설정 파일)\n# - 운영에서는 gunicorn/uvicorn 같은 서버가 앱을 실행합니다\n# TODO: if __name__ == '__main__' 블록은 로컬 개발용으로만 남기세요\n",
    en: "# TODO: separate settings per environment\n# Consider:\n# - where should the debug flag come from? (environment variable, config file)\n# - in production a server such as gunicorn/uvicorn runs the app\n# TODO: keep the if __name__ == '__main__' block for local development only\n",
  },
  check(context) {
    const { model } = context;
    const readsEnvironment = /\b(?:getenv|environ)\b/.test(model.source);
    // `debug=os.getenv("DEBUG")`, or a module-level name bound to such a read (`debug = os.environ["debug"]`).
    const reportEnvString = (debug: Node) => {
      if (!readsEnvironment) return;
      let value: string | undefined = debug.text;
      if (debug.type === 'identifier') {
        // A module-level binding, read in the whole file: after an edit the rule may run on a statement view, which holds the region's assignments only.
        const binding = model.whole.assignments.find((a) => a.startPosition.column === 0 && assignmentAt(model.source, a.startIndex)?.target.trim() === debug.text);
        value = binding?.childForFieldName('right')?.text;
      }
      if (value && ENV_STRING.test(value))
        context.report({ node: debug.parent ?? debug, messageId: 'debugFromEnvString', severityReason: 'envString', data: { value: short(value) } });
    };
    for (const call of model.calls) {
      const callee = call.callee ?? '';
      if (/^(flask\.Flask|fastapi\.FastAPI)\.run$/.test(callee) || (model.framework === 'flask' && /\.run$/.test(callee) && !callee.startsWith('uvicorn'))) {
        const debug = keywordArgument(call.node, 'debug');
        if (debug?.text === 'True') context.report({ node: debug.parent ?? call.node, messageId: 'runDebug', data: { framework: model.framework ?? 'web' } });
        else if (debug) reportEnvString(debug);
      } else if (callee === 'fastapi.FastAPI' || callee === 'starlette.applications.Starlette') {
        const debug = keywordArgument(call.node, 'debug');
        if (debug?.text === 'True')
          context.report({ node: debug.parent ?? call.node, messageId: 'constructorDebug', data: { framework: callee.endsWith('Starlette') ? 'Starlette' : 'FastAPI' } });
        else if (debug) reportEnvString(debug);
      } else if (callee === 'uvicorn.run' || callee === 'uvicorn.Config' || callee === 'uvicorn.config.Config') {
        const reload = keywordArgument(call.node, 'reload');
        if (reload?.text === 'True') context.report({ node: reload.parent ?? call.node, messageId: 'uvicornReload', severityReason: 'reloadOnly' });
      }
    }
    for (const assignment of model.assignments) {
      const at = assignmentAt(model.source, assignment.startIndex);
      if (at && readsEnvironment && !model.source.startsWith('True', at.valueIndex)) {
        const left = at.target.replace(/\s+/g, '');
        const value = assignment.childForFieldName('right')?.text;
        const isDebugSetting =
          (/^\w+\.debug$/.test(left) && model.instances.has(left.split('.')[0])) ||
          /^\w+\.config\[['"]DEBUG['"]\]$/.test(left) ||
          (left === 'DEBUG' && isDjangoSettings(context.path) && assignment.startPosition.column === 0);
        if (isDebugSetting && value && ENV_STRING.test(value))
          context.report({ node: assignment, messageId: 'debugFromEnvString', severityReason: 'envString', data: { value: short(value) } });
        continue;
      }
      if (!at || !model.source.startsWith('True', at.valueIndex) || /\w/.test(model.source[at.valueIndex + 4] ?? '')) continue;
      const left = at.target.replace(/\s+/g, '');
      const isAppDebug = /^\w+\.debug$/.test(left) && model.instances.has(left.split('.')[0]);
      const isConfigDebug = /^\w+\.config\[['"]DEBUG['"]\]$/.test(left);
      if (isAppDebug || isConfigDebug) context.report({ node: assignment, messageId: 'debugAttribute' });
      // Django reads DEBUG from settings modules (settings.py, settings/prod.py ...); dev settings files are meant to.
      else if (left === 'DEBUG' && isDjangoSettings(context.path) && assignment.startPosition.column === 0) context.report({ node: assignment, messageId: 'djangoDebug' });
    }
  },
  // `app.run(debug=True)` is the development server only where something runs the file that
  // way (issue 9). When the Dockerfile, compose file, Procfile or manifest serves the module with
  // gunicorn or uvicorn and nothing runs it with python, the debug run is a developer's local
  // entry point and reviewers leave it alone: the corpus's own controls say so ("the image runs
  // gunicorn; the debug run is local only"). The note this used to leave was false on unseen
  // code as often as it was matched (dev: 7 false, 6 matched).
  project(context) {
    const { view } = context;
    for (const [path, facts] of view.python) {
      for (const listener of facts.listeners) {
        if (!listener.debugRange) continue;
        const launches = view.launchesOf(path);
        const served = launches.some((l) => l.launch.server !== 'python' && !l.launch.dev && !l.launch.reload);
        if (served && !launches.some((l) => l.launch.server === 'python')) context.withdraw(path, listener.debugRange.start.line);
      }
    }
  },
});

/**
 * The raw string of an environment variable (`os.getenv("DEBUG")`, `os.environ.get("DEBUG", False)`,
 * `os.environ["DEBUG"]`), or `bool()` of it: any non-empty value is true. A comparison, `int()`,
 * `.lower() == "true"` or a typed reader (`env.bool`, `config(..., cast=bool)`) is not matched.
 */
const ENV_STRING = /^(?:bool\(\s*)?(?:os\.)?(?:getenv\(|environ\.get\(|environ\[)[^()[\]]*(?:\)|\])(?:\s*\))?$/;

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

function isDjangoSettings(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const file = parts[parts.length - 1] ?? '';
  const folder = parts[parts.length - 2] ?? '';
  if (/(^|_)(dev|local|development|test|testing)\.py$/.test(file)) return false;
  return file === 'settings.py' || (folder === 'settings' && file.endsWith('.py'));
}
