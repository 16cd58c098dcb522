import { declaredMetrics, labelMistake, listedLabels, METRIC_CALL, metricUse, RECORD_OF, type DeclaredMetric, type GivenLabels } from '../../python/prometheus';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'metric-labels-mismatch',
  language: 'python',
  category: 'observability',
  severity: 'error',
  anchors: ['gap:prometheus-label-mismatch'],
  messages: {
    labelsOnUnlabelled: l(
      "'{metric}'은(는) 레이블 없이 선언됐는데 .labels()를 부릅니다 — prometheus_client가 ValueError를 던져, 이 줄에 닿는 요청은 실패합니다",
      "'{metric}' is declared without label names but .labels() is called on it — prometheus_client raises ValueError, and every request that reaches this line fails",
    ),
    missingLabels: l(
      "'{metric}'은(는) 레이블({labels})과 함께 선언됐는데 .{method}()를 바로 부릅니다 — 레이블 값이 없어 ValueError가 납니다",
      "'{metric}' is declared with labels ({labels}) but .{method}() is called on it directly — with no label values it raises ValueError",
    ),
    wrongLabels: l(
      "'{metric}'의 레이블은 {labels}인데 .labels()에는 {given}가 들어갑니다 — 이름이나 개수가 달라 ValueError가 납니다",
      "'{metric}' has the labels {labels} but .labels() gets {given} — the names or the count differ, and it raises ValueError",
    ),
    notCallable: l(
      "'{metric}'은(는) 함수가 아니라 {kind} 객체입니다 — 호출하면 TypeError가 납니다 (.labels(...).{record}()를 쓰려던 건가요?)",
      "'{metric}' is a {kind} object, not a function — calling it raises TypeError (was .labels(...).{record}() meant?)",
    ),
  },
  docs: {
    summary: l(
      'prometheus_client 메트릭을 선언과 다르게 쓰는 코드를 찾습니다: 레이블 없이 선언한 메트릭에 .labels(), 레이블이 있는 메트릭에 바로 .inc()/.observe(), 선언과 다른 레이블 이름이나 개수, 메트릭 객체를 함수처럼 호출하기. 메트릭을 다른 모듈(metrics.py)에서 선언하고 가져와 써도 찾습니다. 모두 실행 중에 예외가 납니다.',
      'Flags prometheus_client metrics used unlike their declaration: .labels() on a metric declared without labels, .inc()/.observe() directly on a labelled one, label names or counts that differ from the declaration, a metric object called like a function — also when the metrics are declared in another module (metrics.py) and imported. Each one raises at run time.',
    ),
    why: l(
      '메트릭 기록은 보통 예측 코드 한가운데에 있습니다. 선언과 맞지 않는 기록은 첫 호출에서 예외를 던지고, 그 예외가 예측 응답을 500으로 바꿉니다 — 관측하려던 코드가 장애의 원인이 됩니다. 그 경로를 한 번도 실행하지 않은 채 배포하면 운영에서 처음 알게 됩니다.',
      'Metrics are usually recorded in the middle of the prediction code. A record that does not match its declaration raises on the first call, and that exception turns the prediction into a 500 — the code meant to observe the service becomes the outage. Deployed without that path ever running, production is where it is found.',
    ),
    bad: "from prometheus_client import Counter\n\nPREDICTIONS = Counter('predictions_total', 'Predictions served')\n\ndef predict(x):\n    y = model.predict(x)\n    PREDICTIONS.labels(status='ok').inc()\n    return y\n",
    good: "from prometheus_client import Counter\n\n# TODO: 어떤 레이블로 나눠 보고 싶나요? 선언과 기록이 같은 이름을 쓰는지 확인하세요\nPREDICTIONS = Counter('predictions_total', 'Predictions served', ['status'])\n\ndef predict(x):\n    y = model.predict(x)\n    PREDICTIONS.labels(status='ok').inc()\n    return y\n",
  },
  weeks: ['beginner/6'],
  questions: [
    l(
      '{metric|이 메트릭}을 선언한 줄과 기록하는 줄을 나란히 놓고 보면, 레이블의 이름과 개수가 같나요? 다르다면 첫 요청에서 무슨 일이 생길까요?',
      'Put the line that declares {metric|this metric} beside the line that records it: do the label names and their count match? If not, what happens on the first request?',
    ),
    l(
      '메트릭 기록이 예외를 던지면 그 요청의 응답은 어떻게 될까요? 관측 코드의 실패가 예측의 실패가 되어도 괜찮을까요?',
      'If recording the metric raises, what answer does the request get? Should a failure of the observing code become a failed prediction?',
    ),
    l(
      '배포 전에 이 경로를 한 번이라도 실행하고 /metrics를 읽어 보는 테스트가 있나요? 있다면 무엇을 확인해야 할까요?',
      'Is there a test that runs this path once before deployment and reads /metrics? What should it check?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 메트릭 선언과 기록을 맞추기\n# 고려사항:\n# - 이 메트릭을 어떤 차원(레이블)으로 나눠 볼 건가요? 선언에 그 이름을 적었나요?\n# - 레이블이 있다면 기록은 항상 .labels(...)를 거칩니다\n# - 레이블 값의 종류는 몇 가지인가요? (요청 경로나 사용자 id는 피하세요)\n# TODO: 예측 경로를 실행하고 /metrics를 확인하는 테스트 추가\n',
    en: '# TODO: make the metric declarations and records agree\n# Consider:\n# - which dimensions (labels) will you slice this metric by? Are they named in the declaration?\n# - with labels, every record goes through .labels(...)\n# - how many distinct values can each label take? (avoid raw paths and user ids)\n# TODO: add a test that runs the prediction path and checks /metrics\n',
  },
  callees: [METRIC_CALL],
  check(context) {
    const declared = declaredMetrics(context.calls);
    if (declared.size === 0) return;
    // One finding per metric, kind of mistake and function: the counter of a handler recorded on two branches is one lesson.
    const told = new Set<string>();
    for (const call of context.calls) {
      const use = metricUse(call);
      const metric = use && declared.get(use.name);
      const mistake = metric && labelMistake(metric, use);
      if (!use || !metric || !mistake) continue;
      const key = `${use.name}:${mistake}:${use.inFunction?.id ?? 0}`;
      if (told.has(key)) continue;
      told.add(key);
      context.report({ node: use.node, messageId: mistake, data: messageData(metric, use.method, use.given) });
    }
  },
  // Metrics declared in one module (`metrics.py`) and recorded in the modules that import them.
  project(context) {
    const { view } = context;
    for (const [path, facts] of view.python) {
      const told = new Set<string>();
      for (const use of facts.promUses ?? []) {
        const target = view.modules.imported(path, use.local, use.scope);
        if (!target?.attribute) continue;
        const metric = view.python.get(target.path)?.promMetrics?.find((m) => m.name === target.attribute);
        const mistake = metric && labelMistake(metric, use);
        if (!metric || !mistake) continue;
        const key = `${use.local}:${mistake}:${use.scope ?? ''}`;
        if (told.has(key)) continue;
        told.add(key);
        context.report({
          path,
          range: use.range,
          messageId: mistake,
          data: { ...messageData(metric, use.method, use.given), metric: use.local },
          related: [{ path: target.path, range: metric.range, message: l(`'${metric.name}' 선언`, `'${metric.name}' is declared here`) }],
        });
      }
    }
  },
});

function messageData(metric: DeclaredMetric, method: string, given: GivenLabels | undefined): Record<string, string> {
  const labels = listedLabels(metric.labels ?? []);
  return {
    metric: metric.name,
    kind: metric.kind,
    record: RECORD_OF[metric.kind],
    labels,
    method,
    given: given ? (given.names ? listedLabels(given.names) : given.text || '()') : '',
  };
}
