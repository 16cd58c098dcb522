import * as assert from 'node:assert/strict';
import { allNodes, binaryNodes, labelShape, parsePromQL, type LabelShape } from '../../src/language/yaml/promql';

const shape = (expression: string): string => {
  const node = parsePromQL(expression);
  assert.ok(node, `not parsed: ${expression}`);
  const s: LabelShape = labelShape(node);
  if (s.kind === 'exact') return `exact(${[...s.labels].join(',')})`;
  if (s.kind === 'series') return `series(${s.metric}{${[...s.matchers].map(([k, v]) => `${k}${v}`).join(',')}})`;
  return s.kind;
};

describe('PromQL reader', () => {
  it('tells the labels each kind of expression carries', () => {
    assert.equal(shape('rate(http_requests_total{status=~"5..", job="api"}[5m])'), 'series(http_requests_total{status=~5..,job=api})');
    assert.equal(shape('sum(rate(x_total[5m]))'), 'exact()');
    assert.equal(shape('sum by (job, le) (rate(x_bucket[5m]))'), 'exact(job,le)');
    assert.equal(shape('sum(rate(x_bucket[5m])) by (le)'), 'exact(le)');
    assert.equal(shape('sum without (instance) (sum by (job, instance) (x))'), 'exact(job)');
    assert.equal(shape('sum(x) * 100'), 'exact()');
    assert.equal(shape('60 * rate(x_total[5m] offset 1h)'), 'series(x_total{})');
    assert.equal(shape('scalar(x)'), 'scalar');
    assert.equal(shape('topk(3, x)'), 'unknown');
    assert.equal(shape('a / on(job) b'), 'unknown');
    assert.equal(shape('histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))'), 'unknown');
  });

  it("keeps where a selector's range is written, but not a subquery's", () => {
    const text = 'rate(x_total[1m] offset 5m) + max_over_time(rate(y_total[5m])[30m:1m]) + z_total[10m:]';
    const ranges = allNodes(parsePromQL(text)).flatMap((node) =>
      node.kind === 'selector' ? [`${node.metric}${node.range ? text.slice(node.range.start, node.range.end) : ''}`] : [],
    );
    assert.deepEqual(ranges, ['x_total[1m]', 'y_total[5m]', 'z_total']);
  });

  it('binds operators by PromQL precedence', () => {
    const node = parsePromQL('a + b / c > 0.5 and on() d');
    assert.deepEqual(
      binaryNodes(node).map((b) => b.op),
      ['and', '>', '+', '/'],
    );
    assert.equal(binaryNodes(parsePromQL('a ^ b ^ c'))[0].lhs.kind, 'selector');
  });

  it('gives up on what it cannot read instead of guessing', () => {
    for (const broken of ['sum(rate(x[5m]) / (', 'a / / b', ')', `${'('.repeat(200)}a${')'.repeat(200)}`]) {
      assert.equal(parsePromQL(broken), undefined, broken);
    }
    assert.deepEqual(allNodes(undefined), []);
  });
});
