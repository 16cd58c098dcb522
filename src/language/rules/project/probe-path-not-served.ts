import { servedBy } from '../../project/apps';
import { appRelated, linkedDeployments, probesAppServer, routeList } from '../../project/report';
import { l, projectRule } from '../../rule';

export default projectRule({
  scope: 'project',
  id: 'probe-path-not-served',
  language: 'yaml',
  documentKinds: ['kubernetes', 'compose'],
  category: 'health',
  severity: 'error',
  anchors: ['gap:probe-route-mismatch', 'kube-score:pod-probes'],
  messages: {
    notServed: l(
      '{probe}가 {path}를 확인하지만 {app}의 앱에는 그런 경로가 없습니다 (있는 경로: {routes})',
      'The {probe} checks {path}, but the app in {app} serves no such route (it has {routes})',
    ),
    wrongMethod: l(
      '{probe}는 GET {path}를 보내지만 {app}의 앱은 이 경로에서 {methods}만 받습니다',
      'The {probe} sends GET {path}, but the app in {app} accepts only {methods} there',
    ),
  },
  docs: {
    summary: l(
      'Kubernetes readiness/liveness/startup 프로브, compose healthcheck, Dockerfile HEALTHCHECK가 확인하는 경로를 그 컨테이너가 실행하는 앱이 제공하지 않는 경우를 찾습니다 (다른 파일의 라우터와 마운트까지 따라갑니다).',
      'Flags Kubernetes readiness/liveness/startup probes, compose healthchecks and Dockerfile HEALTHCHECKs whose path the app running in that container does not serve (routers and mounts in other files are followed).',
    ),
    why: l(
      '없는 경로를 확인하는 readinessProbe는 파드를 영원히 준비되지 않은 상태로 두고, livenessProbe는 멀쩡한 컨테이너를 계속 재시작시킵니다. 배포는 성공했는데 트래픽이 가지 않는, 학습자가 가장 자주 만나는 배포 버그입니다.',
      'A readinessProbe against a missing route keeps the pod out of the Service forever, and a livenessProbe restarts a healthy container again and again. The rollout "succeeds" and no traffic arrives: one of the most common first-deployment bugs.',
    ),
    bad:
      "# --- app.py ---\nfrom flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return {'status': 'ok'}\n\n" +
      '# --- k8s/deployment.yaml ---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n        - name: api\n          image: acme/api:1.0\n          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: 5000\n',
    good:
      "# --- app.py ---\nfrom flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    # TODO: 모델이 로딩되었는지 확인하세요\n    return {'status': 'ok'}\n\n" +
      '# --- k8s/deployment.yaml ---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n        - name: api\n          image: acme/api:1.0\n          readinessProbe:\n            httpGet:\n              path: /health\n              port: 5000\n',
  },
  weeks: ['intermediate/7', 'advanced/1', 'beginner/3'],
  questions: [
    l(
      '이 헬스 체크가 요청하는 경로로 지금 직접 요청을 보내 보면 어떤 응답이 올까요? 플랫폼은 그 응답을 어떻게 해석할까요?',
      'If you request the exact path this check requests, what comes back, and how does the platform read that answer?',
    ),
    l(
      '앱의 헬스 체크 경로를 바꿀 때, 같은 경로를 적어 둔 곳이 또 어디에 있나요? 둘이 어긋나지 않게 하려면 어떻게 할까요?',
      'When the health route changes in the app, where else is that path written down, and how would you keep the two from drifting apart?',
    ),
    l(
      '준비 상태(readiness) 확인이 계속 실패하면 이 서비스로 가는 트래픽은 어떻게 되고, 살아 있음(liveness) 확인이 실패하면 무엇이 달라질까요?',
      'What happens to the traffic for this service when its readiness check keeps failing, and what changes when it is the liveness check?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 프로브와 앱의 경로 맞추기\n# 고려사항:\n# - 앱이 실제로 제공하는 헬스 체크 경로는 무엇인가요? (라우터 prefix 포함)\n# - readiness와 liveness가 같은 경로를 봐야 할까요?\n# TODO: httpGet.path와 port를 앱의 경로/포트와 맞추고, 한쪽을 바꾸면 다른 쪽도 바꾸세요\n',
    en: '# TODO: make the probe and the app agree\n# Consider:\n# - which health route does the app actually serve (router prefixes included)?\n# - should readiness and liveness check the same path?\n# TODO: set httpGet.path and port to the app route and port; change both together\n',
  },
  project(context) {
    const { view } = context;
    for (const deployment of linkedDeployments(view)) {
      // A route list that may be missing routes from an unresolved mount proves nothing.
      if (!deployment.apps.every((app) => app.complete)) continue;
      for (const probe of deployment.probes) {
        if (probe.path === undefined || !probesAppServer(deployment, probe)) continue;
        const served = deployment.apps.map((app) => servedBy(app, probe.path!)).filter((s) => s !== undefined);
        const app = deployment.apps[0];
        if (served.length === 0) {
          context.report({
            path: probe.file,
            range: probe.pathRange ?? probe.range,
            messageId: 'notServed',
            data: { probe: probe.label, path: probe.path, app: view.display(app.path), routes: routeList(app) },
            related: appRelated(view, app),
          });
          continue;
        }
        const routes = served.flatMap((s) => (s.route ? [s.route] : []));
        if (routes.length > 0 && served.every((s) => s.route?.methods && !s.route.methods.includes('GET'))) {
          context.report({
            path: probe.file,
            range: probe.pathRange ?? probe.range,
            messageId: 'wrongMethod',
            data: { probe: probe.label, path: probe.path, app: view.display(app.path), methods: routes[0].methods!.join(', ') },
            related: [{ path: routes[0].file, range: routes[0].range, message: l(`${probe.path}는 여기에 선언되어 있습니다`, `${probe.path} is declared here`) }],
          });
        }
      }
    }
  },
});
