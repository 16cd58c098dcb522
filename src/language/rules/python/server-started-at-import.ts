import { l, pythonRule } from '../../rule';

/** Calls that start a server and block: Flask's and Flask-SocketIO's development servers, uvicorn, aiohttp's `web.run_app`, Sanic's `app.run`. */
const SERVER_START = /^(flask\.Flask\.run|flask_socketio\.SocketIO\.run|uvicorn\.run|aiohttp\.web\.run_app|sanic\.Sanic\.run)$/;

export default pythonRule({
  id: 'server-started-at-import',
  language: 'python',
  local: true,
  category: 'reliability',
  // Warning: the first server that imports the module (gunicorn, uvicorn, a test) hangs on it or serves the wrong thing.
  severity: 'warning',
  anchors: ['gap:server-started-at-import'],
  messages: {
    atImport: l(
      '{callee}()가 모듈 최상위에 있어 import만 해도 서버가 시작됩니다 — gunicorn·uvicorn·flask run·테스트가 이 모듈을 불러오는 순간 개발 서버가 떠서 멈춥니다',
      '{callee}() sits at module level, so importing the module starts a server — gunicorn, uvicorn, flask run or a test that loads it starts the development server and blocks there',
    ),
  },
  docs: {
    summary: l(
      '`if __name__ == "__main__":` 밖, 모듈 최상위에서 서버를 시작하는 호출(app.run(), uvicorn.run(), aiohttp의 web.run_app())을 찾습니다.',
      'Flags calls that start a server (app.run(), uvicorn.run(), aiohttp\'s web.run_app()) at module level, outside `if __name__ == "__main__":`.',
    ),
    why: l(
      '운영 서버와 테스트는 파일을 실행하지 않고 import합니다(gunicorn, uvicorn 명령, 테스트 클라이언트). 모듈 최상위의 app.run()은 그 import 중에 개발 서버를 띄우고 거기서 멈춥니다: gunicorn 워커는 부팅을 끝내지 못하거나 개발 서버가 대신 요청을 받고, 테스트는 끝나지 않습니다. 로컬에서 `python app.py`로만 돌려 보면 드러나지 않습니다.',
      'Production servers and tests import the file instead of running it (gunicorn, the uvicorn command, a test client). A module-level app.run() starts the development server during that import and blocks there: gunicorn workers never finish booting or the development server answers instead, and tests never end. Running `python app.py` locally never shows it.',
    ),
    bad: "from flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    return {'y': 1}\n\napp.run(host='0.0.0.0')\n",
    good: "from flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    return {'y': 1}\n\n# TODO: 배포에서는 어떤 명령이 이 앱을 시작하나요? (gunicorn app:app ?)\nif __name__ == '__main__':\n    app.run(host='0.0.0.0')\n",
  },
  weeks: ['beginner/5'],
  questions: [
    l(
      '운영 서버나 테스트가 이 모듈을 실행하지 않고 import만 하면, {callee}() 줄은 실행될까요? 그러면 무슨 일이 생길까요?',
      'When a production server or a test imports this module instead of running it, does the {callee}() line run? What happens then?',
    ),
    l('이 서비스는 배포 환경에서 정확히 어떤 명령으로 시작되나요?', 'Which exact command starts this service where it is deployed?'),
  ],
  scaffold: {
    ko: '# TODO: 서버 시작은 직접 실행할 때만\n# 고려사항:\n# - 배포에서는 누가 앱을 시작하나요? (gunicorn, uvicorn CLI)\n# - 개발용 실행은 `if __name__ == "__main__":` 안에 두기\n# TODO: 서버 시작 호출을 __main__ 블록으로 옮기기\n',
    en: '# TODO: start the server only when run directly\n# Consider:\n# - who starts the app where it is deployed? (gunicorn, the uvicorn CLI)\n# - keep the development start inside `if __name__ == "__main__":`\n# TODO: move the server start into the __main__ block\n',
  },
  callees: [SERVER_START],
  check(context) {
    const { model } = context;
    for (const call of context.calls) {
      // Inside a function (`def main():`) it runs only when called; inside the guard only when executed.
      if (call.inFunction || model.inMainGuard(call.node)) continue;
      if (insideBlock(call.node)) continue;
      const callee = call.node.childForFieldName('function')?.text ?? call.callee!;
      context.report({ node: call.node, messageId: 'atImport', data: { callee } });
    }
  },
});

/** Under an `if`, `try` or `with` at module level, the start is conditional or deliberate (`if RUN_SERVER:`); only a bare statement is sure. */
function insideBlock(node: import('web-tree-sitter').Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'module') return false;
    if (/^(if_statement|try_statement|with_statement|for_statement|while_statement)$/.test(n.type)) return true;
  }
  return false;
}
