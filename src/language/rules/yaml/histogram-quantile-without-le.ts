import { l, yamlRule } from '../../rule';
import { rangeWithin } from '../../yaml/model';
import { promqlBounds, ruleExpressions } from '../../yaml/prometheus';
import { allNodes, labelShape, parsePromQL, type PromNode } from '../../yaml/promql';

/**
 * The aggregation feeding histogram_quantile that removes `le`: `sum(...)` with no by, a by list
 * without le, or `without (le)`. Only classic histograms (`_bucket` series) need le; a native
 * histogram is aggregated with a plain sum(), so an input with no `_bucket` selector is left alone.
 */
function leDropped(input: PromNode): boolean {
  const nodes = allNodes(input);
  if (!nodes.some((node) => node.kind === 'selector' && node.metric.endsWith('_bucket'))) return false;
  if (nodes.some((node) => node.kind === 'aggregate' && node.without?.includes('le'))) return true;
  const shape = labelShape(input);
  return shape.kind === 'exact' && !shape.labels.has('le');
}

export default yamlRule({
  id: 'histogram-quantile-without-le',
  language: 'yaml',
  documentKinds: ['prometheus-rules'],
  category: 'observability',
  severity: 'warning',
  anchors: ['pint:promql/aggregate'],
  messages: {
    dropped: l(
      'histogram_quantile에 넣기 전에 집계하면서 le 라벨을 버려, 분위수를 계산할 버킷이 없습니다 — 결과가 비어 알림이 울리지 않습니다',
      'The buckets are aggregated without keeping le before histogram_quantile, so there are no buckets to compute a quantile from: the result is empty and the alert never fires',
    ),
  },
  docs: {
    summary: l(
      '알림·기록 규칙에서 histogram_quantile의 입력이 _bucket 시계열을 le 없이 집계한 경우를 찾습니다: by가 없는 sum(...), le가 빠진 by 목록, without (le).',
      'Flags alerting and recording rules whose histogram_quantile input aggregates _bucket series without keeping le: a sum(...) with no by, a by list without le, or without (le).',
    ),
    why: l(
      '고전 히스토그램의 분위수는 le(버킷 상한) 라벨별 누적 개수에서 계산됩니다. 집계하면서 le를 버리면 histogram_quantile은 버킷을 찾지 못해 아무것도 돌려주지 않고, 지연 시간 알림은 문법상 맞는 채로 영원히 조용합니다.',
      'A classic histogram quantile is computed from the cumulative counts per le (bucket bound). Aggregating le away leaves histogram_quantile no buckets, so it returns nothing and the latency alert stays silent forever while the expression looks valid.',
    ),
    bad: 'groups:\n  - name: model-api\n    rules:\n      - alert: HighP95Latency\n        expr: histogram_quantile(0.95, sum(rate(request_latency_seconds_bucket[5m]))) > 0.5\n        for: 5m\n',
    good: 'groups:\n  - name: model-api\n    rules:\n      - alert: HighP95Latency\n        # TODO: 어떤 라벨별로 p95를 보고 싶나요? le는 꼭 남겨야 합니다\n        expr: histogram_quantile(0.95, sum by (le) (rate(request_latency_seconds_bucket[5m]))) > 0.5\n        for: 5m\n',
  },
  weeks: ['beginner/6', 'capstone/2'],
  questions: [
    l(
      'histogram_quantile은 어떤 라벨을 보고 버킷의 경계를 알까요? 집계한 뒤에도 그 라벨이 남아 있나요?',
      'Which label tells histogram_quantile where each bucket ends, and is it still there after your aggregation?',
    ),
    l(
      '이 식을 Prometheus 화면에서 실행하면 어떤 값이 나오나요? 결과가 비어 있다면 알림은 언제 울릴까요?',
      'What does this expression return in the Prometheus UI, and if the result is empty, when would the alert ever fire?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 분위수를 계산할 버킷 남기기\n# 고려사항:\n# - sum by (...) 목록에 le가 들어 있나요?\n# - 서비스나 엔드포인트별 분위수가 필요하다면 by에 무엇을 더할까요?\n# expr: # TODO\n',
    en: '# TODO: keep the buckets the quantile is computed from\n# Consider:\n# - does the sum by (...) list include le?\n# - for a quantile per service or endpoint, what else goes into by?\n# expr: # TODO\n',
  },
  check(context, document) {
    for (const { expr } of ruleExpressions(document)) {
      const { from, end } = promqlBounds(expr);
      for (const node of allNodes(parsePromQL(expr.raw, from, end))) {
        if (node.kind !== 'call' || node.name !== 'histogram_quantile' || node.args.length !== 2) continue;
        if (leDropped(node.args[1])) context.report({ range: rangeWithin(expr, node.start, node.end), messageId: 'dropped' });
      }
    }
  },
});
