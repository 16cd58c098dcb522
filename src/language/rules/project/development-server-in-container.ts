import type { Related } from '../../project/report';
import { l, projectRule } from '../../rule';

const DEV_SERVERS: Readonly<Record<string, string>> = { 'flask-run': 'flask run', 'django-runserver': 'manage.py runserver', 'fastapi-dev': 'fastapi dev' };

export default projectRule({
  scope: 'project',
  id: 'development-server-in-container',
  language: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  anchors: ['DL3025', 'semgrep:flask-app-run', 'gap:dev-server-in-production'],
  messages: {
    script: l(
      '이 명령은 {file}을 python으로 실행하고, 그 파일은 Flask 개발 서버(app.run)를 띄웁니다',
      "This command runs {file} with python, and that file starts Flask's development server (app.run)",
    ),
    devCommand: l('이 명령은 개발용 서버({server})로 앱을 실행합니다', 'This command serves the app with a development server ({server})'),
    reload: l('이 명령은 자동 재시작(--reload)을 켠 채 서버를 실행합니다 (개발용 설정)', 'This command runs the server with auto-reload (--reload), a development setting'),
  },
  docs: {
    summary: l(
      'Dockerfile CMD/ENTRYPOINT, compose command, Kubernetes command, Procfile이 개발 서버로 앱을 실행하는 경우를 찾습니다: app.run()을 부르는 파일을 python으로 실행, flask run, manage.py runserver, --reload.',
      'Flags Dockerfile CMD/ENTRYPOINT, compose commands, Kubernetes commands and Procfiles that serve the app with a development server: python on a file that calls app.run(), flask run, manage.py runserver, --reload.',
    ),
    why: l(
      'Flask/Django 개발 서버는 한 번에 요청을 적게 처리하고, 느린 클라이언트 하나에 막히며, 보안 점검을 받지 않았습니다. 운영에서는 gunicorn이나 uvicorn 같은 서버가 워커 수, 타임아웃, 종료 신호를 관리합니다.',
      "Flask's and Django's development servers handle few requests at a time, stall on one slow client and are not security-reviewed. In production a server such as gunicorn or uvicorn manages workers, timeouts and shutdown signals.",
    ),
    bad:
      "# --- api.py ---\nfrom flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == '__main__':\n    app.run(host='0.0.0.0', port=5000)\n\n" +
      '# --- Dockerfile ---\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD ["python", "api.py"]\n',
    good:
      "# --- api.py ---\nfrom flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == '__main__':\n    app.run(host='0.0.0.0', port=5000)\n\n" +
      '# --- Dockerfile ---\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\n# TODO: 워커 수와 타임아웃은 어떻게 정할까요?\nCMD ["gunicorn", "--bind", "0.0.0.0:5000", "api:app"]\n',
  },
  weeks: ['beginner/5', 'beginner/3'],
  questions: [
    l('동시에 요청 100개가 들어오면 이 서버는 그것들을 어떻게 처리할까요?', 'If 100 requests arrive at the same time, how does this server handle them?'),
    l('컨테이너가 종료 신호(SIGTERM)를 받으면, 처리 중이던 요청은 어떻게 될까요?', 'When the container receives SIGTERM, what happens to the requests being processed?'),
    l('운영에서 앱을 띄우는 명령과 개발할 때 띄우는 명령은 각각 무엇이어야 할까요?', 'Which command should start the app in production, and which one while you develop?'),
  ],
  scaffold: {
    ko: '# TODO: 운영용 WSGI/ASGI 서버로 실행하기\n# 고려사항:\n# - Flask는 gunicorn, FastAPI는 uvicorn/gunicorn+UvicornWorker\n# - 워커 수, 타임아웃, 바인드 주소와 포트\n# TODO: CMD를 운영 서버로 바꾸고, app.run()은 로컬 개발에만 남기세요\n',
    en: '# TODO: serve with a production WSGI/ASGI server\n# Consider:\n# - gunicorn for Flask, uvicorn (or gunicorn with UvicornWorker) for FastAPI\n# - workers, timeouts, bind address and port\n# TODO: change CMD to the production server; keep app.run() for local development\n',
  },
  project(context) {
    const { view } = context;
    const reported = new Set<string>();
    for (const deployment of view.deployments) {
      if (!deployment.production) continue;
      for (const { launch, file, range, target } of deployment.launches) {
        const key = `${file}@${range.start.line}`;
        if (reported.has(key)) continue;
        if (DEV_SERVERS[launch.server]) {
          reported.add(key);
          context.report({ path: file, range, messageId: 'devCommand', data: { server: DEV_SERVERS[launch.server] } });
        } else if (launch.reload) {
          reported.add(key);
          context.report({ path: file, range, messageId: 'reload' });
        } else if (launch.server === 'python' && target) {
          const facts = view.python.get(target);
          const devServer = facts?.listeners.find((listener) => listener.devServer && listener.runsAsScript);
          if (!devServer) continue;
          reported.add(key);
          const related: Related[] = [{ path: target, range: devServer.range, message: l('개발 서버는 여기서 시작됩니다', 'The development server starts here') }];
          context.report({ path: file, range, messageId: 'script', data: { file: view.display(target) }, related });
        }
      }
    }
  },
});
