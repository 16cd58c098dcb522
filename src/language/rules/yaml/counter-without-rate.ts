import { l, yamlRule } from '../../rule';
import { at } from '../../yaml/model';
import { alertRules, countersWithoutRate } from '../../yaml/prometheus';

/** Units that name what a histogram or summary measures: `request_latency_seconds_count`. */
const MEASURED = /_(seconds|milliseconds|ms|bytes|duration|latency|size|length)$/;

/**
 * `_total` and `_bucket` are counters by convention, but `_count` and `_sum` are counters only as
 * the series of a histogram or summary. A gauge that counts something right now
 * (`drifted_features_count`, `queue_items_count`) is compared as it is; it is taken for a counter
 * when its base names a unit or its histogram siblings appear in the same rules.
 */
function countingGauge(metric: string, text: string): boolean {
  const parts = /^(\w+)_(count|sum)$/.exec(metric);
  if (!parts) return false;
  const [, base, kind] = parts;
  if (MEASURED.test(base)) return false;
  const siblings = new RegExp(`\\b${base}_(bucket|${kind === 'count' ? 'sum' : 'count'})\\b`);
  return !siblings.test(text);
}

export default yamlRule({
  id: 'counter-without-rate',
  language: 'yaml',
  documentKinds: ['prometheus-rules'],
  category: 'observability',
  severity: 'warning',
  anchors: ['pint:promql/counter'],
  messages: {
    raw: l('"{metric}" 카운터를 rate/irate/increase 없이 그대로 씁니다', 'Counter "{metric}" is used without rate/irate/increase'),
  },
  docs: {
    summary: l(
      '알림 식에서 _total, _count, _sum, _bucket으로 끝나는 지표가 rate, irate, increase 밖에서 쓰인 경우를 찾습니다 (histogram_quantile 안의 _bucket 포함).',
      'Flags alert expressions that use a _total, _count, _sum or _bucket series outside rate, irate or increase (including _bucket inside histogram_quantile).',
    ),
    why: l(
      '카운터는 프로세스가 시작된 뒤로 계속 커지기만 하고 재시작하면 0으로 돌아갑니다. 그대로 비교하면 "오래 떠 있던 Pod"에서 알림이 울리고 재시작 직후에는 조용해져, 지금 무슨 일이 일어나는지 알 수 없습니다.',
      'A counter only grows since the process started and drops to zero on restart. Compared raw, the alert fires for pods that have simply been up for long and goes quiet right after a restart, so it says nothing about what is happening now.',
    ),
    bad: 'groups:\n  - name: model-api\n    rules:\n      - alert: TooManyErrors\n        expr: http_requests_total{status="500"} > 100\n        for: 5m\n        labels: { severity: page }\n        annotations: { summary: "Many 500s" }\n',
    good: 'groups:\n  - name: model-api\n    rules:\n      - alert: TooManyErrors\n        # TODO: 어떤 시간 창에서의 비율이 의미 있을까요?\n        expr: sum(rate(http_requests_total{status="500"}[5m])) > 1\n        for: 5m\n        labels: { severity: page }\n        annotations: { summary: "Many 500s" }\n',
  },
  weeks: ['beginner/6', 'capstone/2'],
  questions: [
    l(
      '{metric}의 값이 100이라면, 그 100은 언제부터 쌓인 값인가요? 이 메트릭을 내보내는 프로세스가 재시작되면 값은 어떻게 될까요?',
      'If {metric} reads 100, since when have those 100 been counted, and what happens to the value when the process exporting it restarts?',
    ),
    l(
      '"지금 문제가 있다"를 표현하려면 누적값 대신 무엇을 봐야 할까요? 어떤 시간 창이 적당할까요?',
      'To express "there is a problem right now", what should you look at instead of the running total, and over which time window?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 누적 카운터를 "지금의 변화"로 바꾸기\n# 고려사항:\n# - 초당 비율(rate)과 기간 내 증가량(increase) 중 무엇이 이 알림에 맞나요?\n# - 시간 창은 스크레이프 간격의 몇 배여야 할까요?\n# - 지연 시간 분위수라면 histogram_quantile에 무엇을 넣어야 할까요?\n# expr: # TODO\n',
    en: '# TODO: turn the running total into "change right now"\n# Consider:\n# - does this alert need a per-second rate or an increase over a window?\n# - how many scrape intervals should the window span?\n# - for a latency quantile, what goes into histogram_quantile?\n# expr: # TODO\n',
  },
  check(context, document) {
    const exprs = alertRules(document).flatMap((rule) => {
      const expr = at(rule.spec, 'expr');
      return expr?.kind === 'scalar' ? [expr] : [];
    });
    const text = exprs.map((expr) => expr.raw).join('\n');
    for (const expr of exprs) {
      for (const use of countersWithoutRate(expr)) {
        if (countingGauge(use.metric, text)) continue;
        context.report({ range: use.range, messageId: 'raw', data: { metric: use.metric } });
      }
    }
  },
});
