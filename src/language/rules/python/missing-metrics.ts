import { grpcServerOf, HAND_WRITTEN_EXPOSITION, METRICS_MODULES, METRICS_ROUTE, routelessApp, servingApp } from '../../python/serving';
import { l, pythonRule } from '../../rule';

import type { ProjectView } from '../../project/index';
import type { DeclaredMetric } from '../../python/prometheus';

export default pythonRule({
  id: 'missing-metrics',
  language: 'python',
  category: 'observability',
  severity: 'info',
  anchors: ['gap:no-metrics'],
  messages: {
    noMetrics: l('이 서비스는 요청 수, 지연 시간, 오류율 같은 메트릭을 내보내지 않습니다', 'This service exports no metrics such as request count, latency or error rate'),
    neverRecorded: l(
      "메트릭 '{metric}'을(를) 선언만 하고 어디에서도 기록하지 않습니다 — /metrics에는 늘 0이 나가고, 그 값을 보는 대시보드와 알림은 아무것도 알려 주지 않습니다",
      "The metric '{metric}' is declared but never recorded anywhere — /metrics always shows 0 for it, and the dashboards and alerts that read it tell nothing",
    ),
  },
  severityReasons: {
    declaredOnly: {
      severity: 'warning',
      message: l('메트릭이 있는 것처럼 보이지만 값이 없습니다: 없는 것보다 오해를 부릅니다', 'It looks instrumented but holds no values: more misleading than no metric at all'),
    },
  },
  docs: {
    summary: l(
      '서빙 앱을 만들지만 prometheus_client, 계측 라이브러리, OpenTelemetry를 쓰지 않는 파일을 찾습니다 (앱당 한 번). Django 프로젝트는 django-prometheus도 다른 계측도 없을 때 첫 views 모듈에서 한 번 알립니다. 선언만 하고 그 모듈도, 그 모듈을 가져오는 어떤 모듈도 기록하지 않는 prometheus_client 메트릭도 알립니다. 라우트가 하나도 없고 실행만 되는 앱(스케줄러 프로세스를 붙잡아 두는 `app.run()`)은 서비스가 아니므로 제외합니다.',
      'Flags a file that creates a serving app but uses neither prometheus_client, an instrumentator nor OpenTelemetry (once per app). A Django project with neither django-prometheus nor other instrumentation is reported once, on its first views module. A prometheus_client metric declared but recorded neither by its module nor by any module importing it is reported too. An app with no route at all that is only run (an `app.run()` keeping a scheduler process open) serves nothing and is skipped.',
    ),
    why: l(
      '메트릭이 없으면 지연 시간이 늘거나 오류율이 오르거나 예측 분포가 바뀌어도 사용자가 알려 주기 전까지 모릅니다. 알람도 스케일링도 메트릭에서 시작합니다.',
      'Without metrics you learn about rising latency, error rates or drifting predictions only when users complain. Alerts and autoscaling both start from metrics.',
    ),
    bad: "from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get('/health')\ndef health():\n    return {'ok': True}\n",
    good: "from fastapi import FastAPI\nfrom prometheus_client import Counter\n\napp = FastAPI()\n# TODO: 어떤 메트릭이 알람의 근거가 될까요? (요청 수, 지연, 오류, 예측 분포)\nPREDICTIONS = Counter('predictions_total', 'Predictions served')\n\n@app.get('/health')\ndef health():\n    return {'ok': True}\n\n@app.post('/predict')\ndef predict(x: float):\n    PREDICTIONS.inc()\n    return {'y': x * 2}\n",
  },
  weeks: ['beginner/6', 'advanced/10'],
  questions: [
    l('지금 이 서비스의 응답 시간이 두 배가 되었다면, 어떻게 알 수 있을까요?', 'If this service’s latency doubled right now, how would you find out?'),
    l(
      '이 서비스에서 꼭 보고 싶은 메트릭 세 가지를 고른다면 무엇일까요? 각각 Counter, Histogram, Gauge 중 무엇이 맞을까요?',
      'If you could watch only three metrics of this service, which would they be, and is each a Counter, Histogram or Gauge?',
    ),
    l(
      '이 서비스가 모델을 서빙한다면, 모델 성능(예측 분포, 신뢰도)은 어떻게 관찰하시겠어요?',
      'If this service serves a model, how would you observe model quality (prediction distribution, confidence)?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 메트릭 추가\n# 고려사항:\n# - 요청 수와 오류 수 (Counter), 지연 시간 (Histogram)\n# - 예측값 분포나 신뢰도는 어떻게 기록할까요?\n# - /metrics 경로는 외부에 공개해도 될까요?\n# TODO: 메트릭 라이브러리 선택과 노출 방식 정하기\n',
    en: '# TODO: add metrics\n# Consider:\n# - requests and errors (Counter), latency (Histogram)\n# - how to record prediction distribution or confidence?\n# - should /metrics be reachable from outside?\n# TODO: choose a metrics library and how it is exposed\n',
  },
  check(context) {
    const { model } = context;
    const app = servingApp(model);
    if (!app) return;
    // An app with no route at all (kept only to run a scheduler process) serves nothing to probe or measure.
    if (routelessApp(model, app)) return;
    if (METRICS_MODULES.some((m) => model.importsModule(m))) return;
    if (app.mountsOtherRoutes) return;
    // A /metrics route is instrumentation when it speaks the exposition format (hand-written here,
    // the libraries were ruled out above); one that returns the model's evaluation scores is not.
    if (app.routes.some((route) => METRICS_ROUTE.test(route)) && HAND_WRITTEN_EXPOSITION.test(model.source)) return;
    context.report({ node: app.node, messageId: 'noMetrics' });
  },
  // With the whole project known: instrumentation set up in another module of the service
  // (a metrics.py, a chained Instrumentator call) counts, and mounted routers are followed.
  project(context) {
    const { view } = context;
    // An app nothing the tree runs starts (a demo beside the served app) is not the service.
    for (const path of view.entryPoints.unserved) context.withdraw(path);
    for (const { app, mounts } of view.fileApps()) {
      if (view.unserved(app.path)) continue;
      if (view.idleApp(app)) {
        context.withdraw(app.path, app.object.range.start.line);
        continue;
      }
      if (view.instrumented(app)) context.withdraw(app.path, app.object.range.start.line);
      else if (mounts && app.complete) context.report({ path: app.path, range: app.object.range, messageId: 'noMetrics' });
    }
    // Django (which the per-file pass leaves alone, having no app object): once per project with
    // URL routes, on its first views module, unless some module of the service sets metrics up
    // (django-prometheus in the settings, prometheus_client, OpenTelemetry).
    const djangoRoots = new Set<string>();
    for (const app of view.apps) {
      if (app.framework !== 'django' || app.routes.length === 0) continue;
      const root = view.serviceRoot(app.path);
      if (djangoRoots.has(root)) continue;
      djangoRoots.add(root);
      const modules = [...view.python].filter(([path]) => view.serviceRoot(path) === root);
      if (modules.some(([, facts]) => facts.metrics)) continue;
      const views = modules.filter(([, facts]) => facts.djangoView).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (views.length > 0) context.report({ path: views[0][0], range: views[0][1].djangoView!, messageId: 'noMetrics' });
    }
    // Metrics declared at the top of a module that neither it nor any module importing it records.
    const unused = new Map<string, readonly DeclaredMetric[]>();
    for (const [path, facts] of view.python) {
      const metrics = (facts.promMetrics ?? []).filter((m) => m.unused);
      if (metrics.length > 0 && !view.unserved(path)) unused.set(path, metrics);
    }
    if (unused.size > 0) {
      const imported = importedFrom(view, new Set(unused.keys()));
      for (const [path, metrics] of unused) {
        const names = imported.get(path);
        for (const metric of metrics) {
          if (names === 'module' || names?.has(metric.name) || names?.has('*')) continue;
          context.report({ path, range: metric.range, messageId: 'neverRecorded', severityReason: 'declaredOnly', data: { metric: metric.name } });
        }
      }
    }
    // gRPC: metrics (interceptors, an exporter) are set up where the server is built; report there, once.
    const servers = new Set<string>();
    let instrumentedRoots: Set<string> | undefined;
    for (const [path, facts] of view.python) {
      const servicer = facts.grpcServicers[0];
      const server = servicer && grpcServerOf(view, path);
      if (!servicer || !server) continue;
      context.withdraw(path, servicer.range.start.line);
      // The services where some module sets up metrics, gathered once rather than per servicer.
      instrumentedRoots ??= new Set([...view.python].filter(([, f]) => f.metrics).map(([other]) => view.serviceRoot(other)));
      const instrumented = instrumentedRoots.has(view.serviceRoot(path));
      if (!instrumented && !servers.has(server.path)) context.report({ path: server.path, range: server.range, messageId: 'noMetrics' });
      servers.add(server.path);
    }
  },
});

/**
 * For each of `paths`, the names other modules import from it, or 'module' when one imports the
 * module itself (its names are then reachable as attributes). One pass over every import of the
 * project; only an import whose last module segment or name is the stem of one of `paths` is
 * resolved (resolving every import once per path was quadratic on large trees).
 */
function importedFrom(view: ProjectView, paths: ReadonlySet<string>): Map<string, Set<string> | 'module'> {
  const stems = new Set([...paths].map(moduleStem));
  const result = new Map<string, Set<string> | 'module'>();
  for (const [other, facts] of view.python) {
    for (const i of facts.imports) {
      const last = i.module.slice(i.module.lastIndexOf('.') + 1);
      if (!stems.has(last) && !(i.name !== undefined && stems.has(i.name))) continue;
      const target = view.modules.imported(other, i.local, i.scope);
      if (!target || target.path === other || !paths.has(target.path)) continue;
      const names = result.get(target.path);
      if (names === 'module') continue;
      if (!target.attribute) result.set(target.path, 'module');
      else if (names) names.add(target.attribute);
      else result.set(target.path, new Set([target.attribute]));
    }
  }
  return result;
}

/** The name a module file is imported by: `metrics` of `app/metrics.py`, `telemetry` of `telemetry/__init__.py`. */
function moduleStem(path: string): string {
  const parts = path.split('/');
  const file = parts[parts.length - 1].replace(/\.pyi?$/, '');
  return file === '__init__' ? (parts[parts.length - 2] ?? '') : file;
}
