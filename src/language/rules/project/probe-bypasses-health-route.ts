import { isHealthPath, servedBy } from '../../project/apps';
import { healthRoutes, linkedDeployments, probesAppServer } from '../../project/report';
import { l, projectRule } from '../../rule';

/** A route below a health route (`/health_check/load_balancer`, `/health/db`): one of the app's health checks, not a bypass. */
function underHealthRoute(path: string): boolean {
  return path
    .split('/')
    .filter(Boolean)
    .slice(0, -1)
    .some((segment) => /health/i.test(segment) && isHealthPath(`/${segment}`));
}

export default projectRule({
  scope: 'project',
  id: 'probe-bypasses-health-route',
  language: 'yaml',
  documentKinds: ['kubernetes', 'compose'],
  category: 'health',
  severity: 'warning',
  anchors: ['gap:probe-not-health-route'],
  messages: {
    bypass: l('{probe}가 {path}를 확인하지만 앱에는 헬스 체크 경로 {health}가 따로 있습니다', 'The {probe} checks {path}, while the app has a health route of its own: {health}'),
  },
  docs: {
    summary: l(
      '앱에 헬스 체크 경로가 있는데도 프로브나 healthcheck가 /metrics, /docs, 예측 경로 같은 다른 경로를 확인하는 경우를 찾습니다.',
      'Flags probes and healthchecks that request another route (/metrics, /docs, a prediction route) although the app serves a health route.',
    ),
    why: l(
      '/metrics나 / 는 모델이 로딩에 실패해도 200을 돌려줍니다. 그러면 준비되지 않은 인스턴스로 트래픽이 가고, 헬스 체크 경로에 넣어 둔 점검(모델 로딩, 의존 서비스 연결)은 아무도 보지 않습니다.',
      'Routes such as /metrics or / answer 200 even when the model failed to load, so traffic reaches instances that are not ready, and the checks written into the health route (model loaded, dependencies reachable) are never consulted.',
    ),
    bad:
      "# --- app.py ---\nfrom fastapi import FastAPI\nfrom prometheus_client import make_asgi_app\n\napp = FastAPI()\napp.mount('/metrics', make_asgi_app())\n\n@app.get('/health')\ndef health():\n    return {'ok': True}\n\n" +
      '# --- docker-compose.yml ---\nservices:\n  api:\n    build: .\n    command: uvicorn app:app --host 0.0.0.0 --port 8000\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/metrics"]\n',
    good:
      "# --- app.py ---\nfrom fastapi import FastAPI\nfrom prometheus_client import make_asgi_app\n\napp = FastAPI()\napp.mount('/metrics', make_asgi_app())\n\n@app.get('/health')\ndef health():\n    # TODO: 모델이 로딩되지 않았다면 어떤 상태 코드를 돌려줘야 할까요?\n    return {'ok': True}\n\n" +
      '# --- docker-compose.yml ---\nservices:\n  api:\n    build: .\n    command: uvicorn app:app --host 0.0.0.0 --port 8000\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n',
  },
  weeks: ['intermediate/7', 'beginner/6'],
  questions: [
    l(
      '모델 파일 로딩이 실패한 인스턴스에서 이 프로브가 확인하는 경로는 어떤 상태 코드를 돌려줄까요?',
      'On an instance whose model failed to load, which status code does the route this probe checks return?',
    ),
    l(
      '헬스 체크 경로에는 무엇을 확인하는 코드가 들어 있나요? 그 확인이 프로브에 쓰이지 않는다면 무엇을 놓치게 될까요?',
      'What does the health route check, and what do you miss when the probe never asks it?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 프로브가 헬스 체크 경로를 보게 하기\n# 고려사항:\n# - readiness: 모델 로딩/의존 서비스가 준비되었는지 답하는 경로\n# - liveness: 프로세스가 살아 있는지만 가볍게 답하는 경로\n# TODO: 프로브의 path를 앱의 헬스 체크 경로로 바꾸세요\n',
    en: '# TODO: point the probe at the health route\n# Consider:\n# - readiness: a route that says whether the model and dependencies are ready\n# - liveness: a cheap "the process is alive" route\n# TODO: set the probe path to the app\'s health route\n',
  },
  project(context) {
    const { view } = context;
    for (const deployment of linkedDeployments(view)) {
      for (const probe of deployment.probes) {
        if (probe.path === undefined || isHealthPath(probe.path) || underHealthRoute(probe.path) || !probesAppServer(deployment, probe)) continue;
        const apps = deployment.apps.filter((app) => servedBy(app, probe.path!));
        const served = apps.map((app) => servedBy(app, probe.path!)?.route);
        // Served by the app, not a health route (a documented `GET /` is one), and the app has a health route.
        if (apps.length === 0 || served.some((route) => route?.health)) continue;
        const health = apps.flatMap(healthRoutes);
        if (health.length === 0) continue;
        const route = apps.flatMap((app) => app.routes).find((r) => r.path === health[0]);
        context.report({
          path: probe.file,
          range: probe.pathRange ?? probe.range,
          messageId: 'bypass',
          data: { probe: probe.label, path: probe.path, health: health.join(', ') },
          related: route
            ? [{ path: route.file, range: route.range, message: l(`헬스 체크 경로 ${route.path}는 여기에 있습니다`, `The health route ${route.path} is here`) }]
            : undefined,
        });
      }
    }
  },
});
