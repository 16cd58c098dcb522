import { l, yamlRule } from '../../rule';
import { rangeWithin } from '../../yaml/model';
import { promqlBounds, ruleExpressions } from '../../yaml/prometheus';
import { binaryNodes, labelShape, parsePromQL, type LabelShape, type Matchers, type PromNode } from '../../yaml/promql';

const ARITHMETIC = new Set(['/', '*', '+', '-', '%']);

const describe = (matchers: Matchers) => [...matchers].map(([label, test]) => `${label}${test}`).join(', ');
const labelList = (labels: ReadonlySet<string>) => (labels.size === 0 ? '()' : `(${[...labels].sort().join(', ')})`);

/**
 * Why two vectors joined one-to-one cannot pair up as intended, or undefined when that is not
 * certain. Two aggregations to different label sets never match. An aggregation against a raw
 * scraped series never matches unless it keeps job and instance (the scrape adds both; a
 * recording rule's output, named with a colon, may not carry them). The same metric read raw on
 * both sides with different matchers pairs every series with itself: the "error ratio" is 1.
 */
function mismatch(lhs: LabelShape, rhs: LabelShape): { messageId: string; data: Record<string, string> } | undefined {
  if (lhs.kind === 'exact' && rhs.kind === 'exact') {
    const same = lhs.labels.size === rhs.labels.size && [...lhs.labels].every((label) => rhs.labels.has(label));
    return same ? undefined : { messageId: 'aggregated', data: { left: labelList(lhs.labels), right: labelList(rhs.labels) } };
  }
  const exact = lhs.kind === 'exact' ? lhs : rhs.kind === 'exact' ? rhs : undefined;
  const series = lhs.kind === 'series' ? lhs : rhs.kind === 'series' ? rhs : undefined;
  if (exact && series) {
    if (series.metric.includes(':') || (exact.labels.has('job') && exact.labels.has('instance'))) return undefined;
    return { messageId: 'oneSide', data: { metric: series.metric, labels: labelList(exact.labels) } };
  }
  if (lhs.kind === 'series' && rhs.kind === 'series' && lhs.metric === rhs.metric && !lhs.metric.includes(':')) {
    const same = lhs.matchers.size === rhs.matchers.size && [...lhs.matchers].every(([label, test]) => rhs.matchers.get(label) === test);
    return same ? undefined : { messageId: 'raw', data: { metric: lhs.metric, left: describe(lhs.matchers) || '-', right: describe(rhs.matchers) || '-' } };
  }
  return undefined;
}

export default yamlRule({
  id: 'mismatched-ratio-labels',
  language: 'yaml',
  documentKinds: ['prometheus-rules'],
  category: 'observability',
  severity: 'warning',
  anchors: ['pint:promql/vector_matching'],
  messages: {
    raw: l(
      '양쪽 모두 {metric}을(를) 집계 없이 다른 필터({left} / {right})로 읽어, 각 시계열이 자기 자신과 짝지어집니다 — 비율은 1이거나 비어 있습니다',
      'Both sides read {metric} unaggregated with different filters ({left} / {right}), so each series is paired with itself: the ratio is 1 or empty',
    ),
    oneSide: l(
      '한쪽은 {labels}로 집계했고 다른 쪽은 {metric}의 시계열 그대로라 라벨이 맞는 짝이 없습니다 — 결과가 비어 알림이 울리지 않습니다',
      'One side is aggregated to {labels} and the other is raw {metric} series, so no labels pair up: the result is empty and the alert never fires',
    ),
    aggregated: l(
      '양쪽이 서로 다른 라벨로 집계되어({left} / {right}) 짝이 없습니다 — 결과가 비어 알림이 울리지 않습니다',
      'The two sides are aggregated to different labels ({left} / {right}), so nothing pairs up: the result is empty and the alert never fires',
    ),
  },
  docs: {
    summary: l(
      '알림·기록 규칙에서 두 벡터를 on/ignoring 없이 나누거나 곱할 때 라벨이 맞을 수 없는 경우를 찾습니다: 같은 지표를 필터만 다르게 집계 없이 나눈 오류율(rate(x{status=~"5.."}[5m]) / rate(x[5m])), 한쪽만 sum()한 식, 서로 다른 by 목록으로 집계한 식.',
      'Flags alerting and recording rules that divide or multiply two vectors, with no on/ignoring, whose labels cannot pair up: an error ratio of one metric read raw with different filters (rate(x{status=~"5.."}[5m]) / rate(x[5m])), a sum() on one side only, or aggregations by different label lists.',
    ),
    why: l(
      'PromQL은 두 벡터를 라벨이 똑같은 시계열끼리 짝지어 계산합니다. 필터만 다른 같은 지표를 나누면 오류 시계열이 자기 자신과 짝지어져 비율이 항상 1이 되고(오류 한 건에도 알림), 라벨 집합이 다르면 결과가 비어 장애가 나도 알림이 울리지 않습니다. 어느 쪽이든 식은 문법상 맞아서 promtool도 통과합니다.',
      'PromQL pairs the two sides by identical label sets. Dividing one metric by itself with different filters pairs each error series with itself, so the ratio is always 1 (one error pages); different label sets give an empty result, so the alert stays silent through an outage. Either way the expression is valid and promtool accepts it.',
    ),
    bad: 'groups:\n  - name: model-api\n    rules:\n      - alert: HighErrorRate\n        expr: rate(http_requests_total{status=~"5.."}[5m]) / rate(http_requests_total[5m]) > 0.05\n        for: 5m\n',
    good: 'groups:\n  - name: model-api\n    rules:\n      - alert: HighErrorRate\n        # TODO: 분자와 분모가 같은 라벨만 남기도록 집계했나요?\n        expr: sum by (job) (rate(http_requests_total{status=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.05\n        for: 5m\n',
  },
  weeks: ['beginner/6', 'capstone/2'],
  questions: [
    l(
      '분자의 시계열 하나(오류 하나의 라벨 조합)는 분모의 어떤 시계열과 짝지어질까요? 그 두 값을 나누면 얼마가 나오나요?',
      'Which series of the denominator does one numerator series (one error label set) pair with, and what does dividing those two give?',
    ),
    l(
      '오류가 전혀 없거나 모든 요청이 실패할 때 이 식은 어떤 값을 낼까요? Prometheus 화면에서 식을 직접 실행해 확인해 봤나요?',
      'What does this expression return when there are no errors at all, or when every request fails? Have you run it in the Prometheus UI?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 분자와 분모의 라벨 맞추기\n# 고려사항:\n# - 양쪽을 sum()이나 sum by (...)로 같은 라벨만 남기고 있나요?\n# - 서비스별로 보고 싶다면 by 목록에 무엇을 넣어야 할까요?\n# - 라벨이 일부러 다르다면 on()/ignoring()으로 짝을 적었나요?\n# expr: # TODO\n',
    en: '# TODO: make numerator and denominator carry the same labels\n# Consider:\n# - do both sides keep the same labels with sum() or sum by (...)?\n# - to see it per service, what goes into the by list?\n# - if the labels differ on purpose, did you write the pairing with on()/ignoring()?\n# expr: # TODO\n',
  },
  check(context, document) {
    for (const { expr } of ruleExpressions(document)) {
      const { from, end } = promqlBounds(expr);
      const tree: PromNode | undefined = parsePromQL(expr.raw, from, end);
      for (const node of binaryNodes(tree)) {
        if (node.matching || !ARITHMETIC.has(node.op)) continue;
        const found = mismatch(labelShape(node.lhs), labelShape(node.rhs));
        if (!found) continue;
        context.report({ range: rangeWithin(expr, node.start, node.end), messageId: found.messageId, data: found.data });
        break;
      }
    }
  },
});
