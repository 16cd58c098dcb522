import { formatDuration, intervalFor, rateWindows, scrapeIntervals, type RateWindow, type ScrapeInterval } from '../../yaml/rate-windows';
import { l, yamlRule } from '../../rule';
import type { Range } from '../../types';

interface Short {
  readonly range: Range;
  readonly messageId: string;
  readonly data: Record<string, string>;
  /** The file and place that set the interval, when one does. */
  readonly source?: { readonly path: string; readonly range?: Range };
}

/** A window shorter than two scrapes, as a report: where the interval comes from decides the message. */
function judge(window: RateWindow, intervals: readonly { path: string; interval: ScrapeInterval }[], display: (path: string) => string): Short | undefined {
  const interval = intervalFor(
    window,
    intervals.map((i) => i.interval),
  );
  if (window.ms >= 2 * interval.ms) return undefined;
  // The default of a server no file configures belongs to no file; a configuration's own default does.
  const path = intervals.find((i) => i.interval === interval)?.path;
  const data = { fn: window.fn, window: window.window, interval: interval.text, minimum: formatDuration(2 * interval.ms), file: path === undefined ? '' : display(path) };
  const messageId = path === undefined ? (window.operator ? 'operatorDefault' : 'prometheusDefault') : interval.range ? 'configured' : 'configDefault';
  return { range: window.range, messageId, data, ...(path === undefined ? {} : { source: { path, range: interval.range } }) };
}

export default yamlRule({
  id: 'rate-window-too-short',
  language: 'yaml',
  documentKinds: ['prometheus-rules'],
  category: 'observability',
  severity: 'warning',
  anchors: ['pint:promql/rate'],
  messages: {
    configured: l(
      '{fn}()의 창 [{window}]은 스크레이프 간격 {interval}({file})의 두 배보다 짧아 샘플이 하나뿐일 때가 많습니다: 결과가 비거나 들쭉날쭉합니다. 최소 {minimum}, 넉넉히 간격의 4배를 쓰세요',
      '{fn}() over [{window}] is shorter than two scrapes at the {interval} scrape interval ({file}), so the window often holds a single sample: the result is empty or jumps. Use at least {minimum}, better four intervals',
    ),
    configDefault: l(
      '{fn}()의 창 [{window}]은 {file}이 scrape_interval을 정하지 않아 쓰이는 Prometheus 기본 간격 1m의 두 배보다 짧아 샘플이 하나뿐일 때가 많습니다: 결과가 비거나 들쭉날쭉합니다. 최소 {minimum}을 쓰거나 간격을 정하세요',
      "{fn}() over [{window}] is shorter than two scrapes at Prometheus's default 1m interval, which applies because {file} sets no scrape_interval: the window often holds a single sample, so the result is empty or jumps. Use at least {minimum}, or set the interval",
    ),
    prometheusDefault: l(
      '{fn}()의 창 [{window}]은 Prometheus 기본 스크레이프 간격 1m의 두 배보다 짧아 샘플이 하나뿐일 때가 많습니다 (프로젝트에 scrape_interval을 정한 설정이 없습니다): 결과가 비거나 들쭉날쭉합니다. 최소 {minimum}을 쓰세요',
      "{fn}() over [{window}] is shorter than two scrapes at Prometheus's default 1m interval (no configuration in the project sets scrape_interval): the window often holds a single sample, so the result is empty or jumps. Use at least {minimum}",
    ),
    operatorDefault: l(
      '{fn}()의 창 [{window}]은 Prometheus Operator의 기본 스크레이프 간격 30s의 두 배보다 짧아 샘플이 하나뿐일 때가 많습니다: 결과가 비거나 들쭉날쭉합니다. 최소 {minimum}을 쓰세요',
      "{fn}() over [{window}] is shorter than two scrapes at the Prometheus Operator's default 30s interval: the window often holds a single sample, so the result is empty or jumps. Use at least {minimum}",
    ),
  },
  docs: {
    summary: l(
      '알림·기록 규칙에서 rate, irate, increase, delta, idelta, deriv, predict_linear의 범위 창이 스크레이프 간격의 두 배보다 짧은 경우를 찾습니다. 간격은 프로젝트의 Prometheus 설정(global.scrape_interval, 선택자의 job이 정한 간격, ConfigMap 안의 prometheus.yml), Prometheus Operator의 scrapeInterval과 ServiceMonitor·PodMonitor의 interval, 차트 values에서 읽고, 여럿이면 가장 짧은 것을 씁니다. 아무 설정도 없으면 Prometheus 기본값 1m(PrometheusRule이면 Operator 기본값 30s)입니다.',
      "Flags rate, irate, increase, delta, idelta, deriv and predict_linear windows in alerting and recording rules that are shorter than twice the scrape interval. The interval is read from the project's Prometheus configuration (global.scrape_interval, the job's own when the selector names one, a prometheus.yml inside a ConfigMap), a Prometheus Operator server's scrapeInterval and its ServiceMonitor and PodMonitor intervals, and chart values; with several, the shortest counts. With none, it is Prometheus's default 1m (the Operator's 30s for a PrometheusRule).",
    ),
    why: l(
      'rate는 창 안의 샘플 두 개 이상으로 기울기를 계산합니다. 1분마다 스크레이프하는 지표에 rate(x[1m])를 쓰면 창에 샘플이 하나뿐인 순간이 많아 결과가 사라졌다 나타났다 하고, 그 위의 알림은 for 기간을 채우지 못해 울리지 않거나 제멋대로 울립니다. 식은 문법상 맞아 promtool도 통과합니다.',
      'rate computes a slope from at least two samples inside its window. With rate(x[1m]) over a metric scraped every minute, the window often holds one sample, so the series vanishes and comes back; an alert on it never completes its for duration or fires at random. The expression is valid, so promtool passes it.',
    ),
    bad: 'groups:\n  - name: model-api\n    rules:\n      - alert: HighErrorRate\n        expr: sum(rate(http_requests_total{status=~"5.."}[1m])) / sum(rate(http_requests_total[1m])) > 0.05\n        for: 5m\n',
    good: 'groups:\n  - name: model-api\n    rules:\n      - alert: HighErrorRate\n        # TODO: 스크레이프 간격의 몇 배가 이 알림에 맞을까요?\n        expr: sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05\n        for: 5m\n',
  },
  weeks: ['beginner/6', 'capstone/2'],
  questions: [
    l(
      'Prometheus는 이 지표를 몇 초마다 가져오나요? [{window}] 창 안에는 샘플이 몇 개 들어갈까요?',
      'How often does Prometheus scrape this metric, and how many samples fit into a [{window}] window?',
    ),
    l(
      '스크레이프가 한 번 늦거나 실패하면 {fn}()은 무엇을 돌려줄까요? 그때 이 알림은 어떻게 될까요?',
      'If one scrape is late or fails, what does {fn}() return, and what happens to this alert then?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 샘플이 충분히 들어가는 창 고르기\n# 고려사항:\n# - scrape_interval은 몇 초인가요? 창은 그 몇 배여야 할까요? (최소 2배, 보통 4배)\n# - 창을 길게 하면 알림이 얼마나 늦게 울리고 늦게 풀릴까요?\n# expr: # TODO\n',
    en: '# TODO: choose a window that holds enough samples\n# Consider:\n# - what is the scrape_interval, and how many of them should the window span? (two at least, four is usual)\n# - how much later does the alert fire and resolve with a longer window?\n# expr: # TODO\n',
  },
  check(context, document) {
    const intervals = scrapeIntervals(context.model.documents).map((interval) => ({ path: context.path, interval }));
    const name = context.path.slice(context.path.lastIndexOf('/') + 1);
    for (const window of rateWindows(document)) {
      const short = judge(window, intervals, () => name);
      if (short) context.report({ range: short.range, messageId: short.messageId, data: short.data });
    }
  },
  /** The scrape interval is usually set in another file (prometheus.yml, a ServiceMonitor): judged again with all of them. */
  project(context) {
    const intervals: { path: string; interval: ScrapeInterval }[] = [];
    for (const [path, facts] of context.view.files) if (facts.kind === 'yaml') for (const interval of facts.scrapeIntervals ?? []) intervals.push({ path, interval });
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml' || !facts.rateWindows) continue;
      context.withdraw(path);
      for (const window of facts.rateWindows) {
        const short = judge(window, intervals, (file) => context.view.display(file));
        if (!short) continue;
        const { source } = short;
        const related = source?.range && source.path !== path ? [{ path: source.path, range: source.range, message: l('스크레이프 간격', 'the scrape interval') }] : undefined;
        context.report({ path, range: short.range, messageId: short.messageId, data: short.data, ...(related ? { related } : {}) });
      }
    }
  },
});
