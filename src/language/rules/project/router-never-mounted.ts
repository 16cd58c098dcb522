import { l, projectRule } from '../../rule';

/**
 * A Blueprint, APIRouter or flask-restx Namespace whose routes the running service never
 * serves: no `register_blueprint`, `include_router`, `add_namespace` or `Api(...)` names it and
 * no module imports it, while an app of the same service exists. The project pass decides
 * (project/unmounted.ts) and keeps silent on any doubt: a mount it cannot follow, star imports,
 * `importlib`, or any import of the router's module.
 */
export default projectRule({
  scope: 'project',
  id: 'router-never-mounted',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['vulture:unused-variable', 'gap:router-never-mounted'],
  messages: {
    unmounted: l(
      "라우터 '{name}'는 어느 앱에도 등록되지 않아 경로({routes})가 실행 중인 서비스에 존재하지 않습니다 (register_blueprint/include_router도, 이 모듈의 import도 없습니다)",
      "The router '{name}' is never mounted on an app, so its routes ({routes}) do not exist in the running service (no register_blueprint/include_router names it and no module imports it)",
    ),
  },
  docs: {
    summary: l(
      '라우트가 있는 Flask `Blueprint`, FastAPI `APIRouter`, flask-restx `Namespace`를 같은 서비스의 앱이 등록하지 않는 경우를 찾습니다. 프로젝트 전체가 보일 때만 판단하고, 따라갈 수 없는 등록(라우터 목록을 도는 루프, 함수 인자, `getattr`), `import *`, `importlib`, 그 모듈을 import하는 다른 모듈이 있으면 등록된 것으로 봅니다.',
      'Flags a Flask `Blueprint`, FastAPI `APIRouter` or flask-restx `Namespace` with routes that no app of the same service mounts. It judges only when the whole project is visible, and counts the router as mounted on any doubt: a mount it cannot follow (a loop over a list of routers, a function parameter, `getattr`), `import *`, `importlib`, or another module importing the router module.',
    ),
    why: l(
      '등록되지 않은 라우터의 경로는 404를 돌려줍니다. 코드와 테스트에는 /predict나 /health가 보이지만 실제 서비스에는 없어서, 프로브와 클라이언트가 엉뚱한 곳에서 실패하고 그 파일의 검증·오류 처리 개선도 서비스에 닿지 않습니다.',
      'The routes of an unmounted router answer 404. The code shows a /predict or /health, the running service does not have it: probes and clients fail somewhere unexpected, and any validation or error handling added in that file never reaches the service.',
    ),
    bad:
      "# --- app.py ---\nfrom flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/')\ndef index():\n    return 'ok'\n\n" +
      "# --- routes.py ---\nfrom flask import Blueprint\n\napi = Blueprint('api', __name__)\n\n@api.route('/health')\ndef health():\n    return {'status': 'ok'}\n",
    good:
      '# --- app.py ---\nfrom flask import Flask\nfrom routes import api\n\napp = Flask(__name__)\n# TODO: 등록한 라우터의 경로를 테스트로 확인하세요\napp.register_blueprint(api)\n\n' +
      "# --- routes.py ---\nfrom flask import Blueprint\n\napi = Blueprint('api', __name__)\n\n@api.route('/health')\ndef health():\n    return {'status': 'ok'}\n",
  },
  weeks: ['beginner/1', 'beginner/3'],
  questions: [
    l(
      "서비스를 띄우고 '{name}'의 경로 하나({routes})에 요청을 보내면 어떤 응답이 올까요?",
      "If you start the service and request one of the routes of '{name}' ({routes}), what comes back?",
    ),
    l('앱이 제공하는 경로 목록을 테스트나 시작 로그로 확인하려면 어떻게 할까요?', 'How could a test or the start-up log show which routes the app actually serves?'),
  ],
  scaffold: {
    ko: '# TODO: 이 라우터를 앱에 등록하거나, 쓰지 않는다면 지우세요\n# 고려사항:\n# - 어느 앱(create_app, main.py)이 이 라우터를 등록해야 하나요?\n# - prefix는 무엇이어야 하나요?\n# - 등록된 경로를 확인하는 테스트가 있나요?\n',
    en: '# TODO: mount this router on the app, or delete it if it is unused\n# Consider:\n# - which app (create_app, main.py) should mount it?\n# - which prefix should it get?\n# - is there a test that checks the served routes?\n',
  },
  project(context) {
    for (const router of context.view.unmountedRouters) {
      const routes = router.routes.slice(0, 3).join(', ') + (router.routes.length > 3 ? ', …' : '');
      context.report({ path: router.path, range: router.object.range, messageId: 'unmounted', data: { name: router.object.name, routes } });
    }
  },
});
