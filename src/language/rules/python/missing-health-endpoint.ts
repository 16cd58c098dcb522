import { APP_FRAMEWORK_NAMES, documentedHealthRoute, grpcServerOf, HEALTH_ROUTE, isHealthRoutePath, routelessApp, servingApp } from '../../python/serving';
import { servedBy } from '../../project/apps';
import { linkedDeployments, probesAppServer } from '../../project/report';
import { l, pythonRule } from '../../rule';

/** Adapters that run a WSGI/ASGI app as an AWS Lambda function. */
const SERVERLESS_ADAPTERS = ['mangum', 'serverless_wsgi', 'awsgi', 'apig_wsgi', 'aws_wsgi'];

export default pythonRule({
  id: 'missing-health-endpoint',
  language: 'python',
  category: 'health',
  severity: 'warning',
  anchors: ['kube-score:pod-probes', 'CKV_K8S_8', 'CKV_K8S_9'],
  messages: {
    http: l('{framework} 앱에 헬스 체크 엔드포인트(/health, /healthz, /ready ...)가 없습니다', 'The {framework} app has no health-check endpoint (/health, /healthz, /ready ...)'),
    grpc: l('gRPC 서버가 표준 헬스 체크 서비스(grpc_health.v1)를 등록하지 않습니다', 'The gRPC server does not register the standard health service (grpc_health.v1)'),
    django: l(
      'Django URL 설정 어디에도 헬스 체크 경로(/health/, /healthz ...)가 없습니다',
      'No URL configuration of this Django project has a health-check route (/health/, /healthz ...)',
    ),
    httpMounted: l(
      '{framework} 앱에도, 앱이 마운트한 라우터({files})에도 헬스 체크 엔드포인트가 없습니다',
      'The {framework} app has no health-check endpoint, neither in this file nor in the routers it mounts ({files})',
    ),
  },
  docs: {
    summary: l(
      'Flask/FastAPI 앱이나 gRPC 서비서를 만들지만 헬스 체크 경로가 없는 파일을 찾습니다 (앱당 한 번). 프로젝트 전체를 볼 때는 다른 파일의 라우터와 Django URL 설정까지 따라가고, 서버리스 플랫폼(vercel.json, Mangum)이 함수로 실행하는 앱은 제외합니다. 라우트가 하나도 없고 실행만 되는 앱(스케줄러 프로세스를 붙잡아 두는 `app.run()`)은 서비스가 아니므로 제외합니다.',
      'Flags a file that creates a Flask/FastAPI app or a gRPC servicer but has no health-check route (once per app). With the whole project, routers in other files and Django URL configurations are followed, and apps a serverless platform runs as functions (vercel.json, Mangum) are left alone. An app with no route at all that is only run (an `app.run()` keeping a scheduler process open) serves nothing and is skipped.',
    ),
    why: l(
      '쿠버네티스와 로드 밸런서는 헬스 체크로 트래픽을 보낼지, 컨테이너를 재시작할지 결정합니다. 없으면 모델이 아직 로딩 중이거나 멈춘 인스턴스로도 요청이 갑니다.',
      'Kubernetes and load balancers use health checks to decide where traffic goes and when to restart. Without one, requests reach instances that are still loading or stuck.',
    ),
    bad: "from flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    return {'y': 1}\n",
    good: "from flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    # TODO: 모델이 로딩되었는지 확인하세요. liveness와 readiness는 무엇이 다를까요?\n    return {'status': 'ok'}\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    return {'y': 1}\n",
  },
  weeks: ['beginner/1'],
  questions: [
    l(
      '아직 준비 중인(모델을 로딩 중인) 인스턴스로 요청이 들어오면 어떻게 될까요? 로드 밸런서나 오케스트레이터는 그걸 어떻게 알 수 있을까요?',
      'What happens if a request reaches an instance that is still getting ready (loading its model)? How would a load balancer or an orchestrator know?',
    ),
    l(
      "'살아 있다(liveness)'와 '요청을 받을 준비가 됐다(readiness)'는 이 서비스에서 각각 무엇을 뜻할까요?",
      "In this service, what does 'alive' (liveness) mean, and what does 'ready for traffic' (readiness) mean?",
    ),
    l('헬스 체크가 무거운 추론을 실행한다면 어떤 문제가 생길까요?', 'What could go wrong if the health check ran a heavy inference?'),
  ],
  scaffold: {
    ko: '# TODO: 헬스 체크 엔드포인트\n# 고려사항:\n# - liveness: 프로세스가 살아 있는지만 빠르게 확인\n# - readiness: 모델 로딩 완료, 의존 서비스 연결 여부\n# - 실패 시 어떤 상태 코드를 돌려줄까요?\n# TODO: @app.route("/health") 같은 경로 추가, 무거운 작업은 하지 않기\n',
    en: '# TODO: health-check endpoint\n# Consider:\n# - liveness: a quick "is the process alive"\n# - readiness: is the model loaded, are dependencies reachable?\n# - which status code signals failure?\n# TODO: add a route such as @app.route("/health"); keep it cheap\n',
  },
  check(context) {
    const { model } = context;
    const app = servingApp(model);
    if (!app) return;
    if (app.framework === 'grpc') {
      if (!model.importsModule('grpc_health')) context.report({ node: app.node, messageId: 'grpc' });
      return;
    }
    // An app with no route at all (kept only to run a scheduler process) serves nothing to probe or measure.
    if (routelessApp(model, app)) return;
    // Routers mounted from other files may hold the health route; per-file analysis cannot tell.
    if (app.mountsOtherRoutes || app.routes.some(isHealthRoutePath)) return;
    // `GET /` documented (name, docstring or comment) as the health check is one.
    if (model.handlers.some((handler) => documentedHealthRoute(model, handler))) return;
    if (model.importsModule('healthcheck') || model.importsModule('fastapi_health')) return;
    // An app wrapped for AWS Lambda (`handler = Mangum(app)`) is started per invocation: no probe calls it.
    if (SERVERLESS_ADAPTERS.some((m) => model.importsModule(m))) return;
    context.report({ node: app.node, messageId: 'http', data: { framework: APP_FRAMEWORK_NAMES[app.framework] } });
  },
  // With the whole project known: routers mounted from other files are followed, and routes
  // added to the app from another module count.
  project(context) {
    const { view } = context;
    // An app nothing the tree runs starts (a demo beside the served app) is not the service.
    for (const path of view.entryPoints.unserved) context.withdraw(path);
    // A GET route the deployment's probe or healthcheck calls is the app's health route, whatever its name (`/check`).
    const probed = new Set<string>();
    for (const deployment of linkedDeployments(view)) {
      for (const probe of deployment.probes) {
        if (probe.path === undefined || !probesAppServer(deployment, probe)) continue;
        for (const app of deployment.apps) {
          // Not the framework's own pages (`/docs`) nor the index page: a probe there checks nothing of the service.
          const route = servedBy(app, probe.path)?.route;
          if (route && !route.implicit && route.path !== '/' && route.path !== '' && (route.methods === undefined || route.methods.includes('GET'))) probed.add(app.path);
        }
      }
    }
    for (const { app, mounts } of view.fileApps()) {
      if (view.unserved(app.path)) continue;
      if (view.idleApp(app)) {
        context.withdraw(app.path, app.object.range.start.line);
        continue;
      }
      // A function a serverless platform runs (`vercel.json` above it) has no probe to answer.
      if (view.serverless(app.path)) {
        context.withdraw(app.path);
        continue;
      }
      const healthy =
        probed.has(app.path) ||
        app.routes.some((r) => r.health) ||
        app.prefixes.some((p) => HEALTH_ROUTE.test(p.prefix)) ||
        app.files.some((f) => view.python.get(f)?.healthLibrary);
      if (healthy) context.withdraw(app.path, app.object.range.start.line);
      else if (mounts && app.complete) {
        const files = app.files.filter((f) => f !== app.path).map((f) => view.display(f));
        context.report({
          path: app.path,
          range: app.object.range,
          messageId: 'httpMounted',
          data: { framework: app.framework === 'flask' ? 'Flask' : 'FastAPI', files: files.join(', ') || '-' },
        });
      }
    }
    // Django projects (which the per-file rule leaves alone): the root URLconf and everything it includes.
    for (const app of view.apps) {
      if (app.framework !== 'django' || !app.complete || app.routes.length === 0 || app.routes.some((r) => r.health)) continue;
      if ([...view.python.values()].some((f) => f.healthLibrary)) continue;
      context.report({ path: app.path, range: app.anchor, messageId: 'django' });
    }
    const servers = new Set<string>();
    for (const [path, facts] of view.python) {
      const servicer = facts.grpcServicers[0];
      if (!servicer || facts.grpcHealth) continue;
      if (view.grpcHealthInService(path)) {
        context.withdraw(path, servicer.range.start.line);
        continue;
      }
      // The health service is registered where the server is built: report there, once.
      const server = grpcServerOf(view, path);
      if (!server) continue;
      context.withdraw(path, servicer.range.start.line);
      if (!server.facts.grpcHealth && !servers.has(server.path)) context.report({ path: server.path, range: server.range, messageId: 'grpc' });
      servers.add(server.path);
    }
  },
});
