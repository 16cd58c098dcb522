import type { Range } from '../types';
import { at, entries, items, rangeWithin, scalar, type YamlDocument, type YNode } from './model';
import { parseDuration, promqlBounds, ruleExpressions } from './prometheus';
import { allNodes, parsePromQL } from './promql';

/**
 * The range windows of alerting and recording rules, and the scrape intervals a project sets,
 * for `rate-window-too-short`: a `rate(x[1m])` over series scraped every minute holds one sample
 * at most, and rate needs two.
 */

/** Functions that compute a change between samples of their window: with fewer than two they return nothing. */
const TWO_SAMPLES = new Set(['rate', 'irate', 'increase', 'delta', 'idelta', 'deriv', 'predict_linear']);

export interface RateWindow {
  readonly fn: string;
  /** The window as written (`1m`). */
  readonly window: string;
  readonly ms: number;
  /** The `job="..."` the selector names, if any: its own scrape interval applies. */
  readonly job?: string;
  /** Where the `[1m]` is written. */
  readonly range: Range;
  /** A PrometheusRule's: the Prometheus Operator evaluates it, and scrapes every 30s unless told otherwise. */
  readonly operator?: true;
}

export interface ScrapeInterval {
  readonly ms: number;
  /** As written (`15s`), or Prometheus's default for a configuration that sets none. */
  readonly text: string;
  /** Set on a scrape job (`job_name`): it applies to that job's series only. */
  readonly job?: string;
  /** Where it is written; absent for a default. */
  readonly range?: Range;
}

export const PROMETHEUS_DEFAULT: ScrapeInterval = { ms: 60_000, text: '1m' };
export const OPERATOR_DEFAULT: ScrapeInterval = { ms: 30_000, text: '30s' };

/** The windows of the two-sample functions over a plain selector (`rate(x[1m])`), in every rule of the document. */
export function rateWindows(document: YamlDocument): RateWindow[] {
  const operator = scalar(at(document.root, 'kind')) === 'PrometheusRule';
  const result: RateWindow[] = [];
  for (const { expr } of ruleExpressions(document)) {
    const { from, end } = promqlBounds(expr);
    for (const node of allNodes(parsePromQL(expr.raw, from, end))) {
      if (node.kind !== 'call' || !TWO_SAMPLES.has(node.name)) continue;
      const selector = node.args[0];
      if (selector?.kind !== 'selector' || !selector.range) continue;
      const window = expr.raw.slice(selector.range.start + 1, selector.range.end - 1).trim();
      const ms = parseDuration(window);
      if (ms === undefined || ms === 0) continue;
      const job = selector.matchers.get('job');
      result.push({
        fn: node.name,
        window,
        ms,
        ...(job?.startsWith('=') && !job.startsWith('=~') ? { job: job.slice(1) } : {}),
        range: rangeWithin(expr, selector.range.start, selector.range.end),
        ...(operator ? { operator: true as const } : {}),
      });
    }
  }
  return result;
}

/** A written duration, or undefined for a template, a variable or nonsense. */
function interval(node: YNode | undefined, job?: string): ScrapeInterval[] {
  const text = scalar(node)?.trim();
  const ms = text === undefined ? undefined : parseDuration(text);
  return node && text && ms ? [{ ms, text, ...(job ? { job } : {}), range: node.range }] : [];
}

const EMBEDDED_INTERVAL = /^[ \t]*scrape_interval[ \t]*:[ \t]*["']?(\d[0-9a-z]*)/gm;

/**
 * The scrape intervals the documents set: a Prometheus configuration's global one (Prometheus's
 * default 1m when it sets none) and its jobs' own, the same inside a ConfigMap's `prometheus.yml`,
 * a Prometheus Operator server's `scrapeInterval` (30s by default) and its monitors' endpoint
 * intervals, and a Helm values file's `scrapeInterval`/`scrape_interval` at any depth.
 */
export function scrapeIntervals(documents: readonly YamlDocument[]): ScrapeInterval[] {
  const found: ScrapeInterval[] = [];
  for (const document of documents) {
    const root = document.root;
    const kind = scalar(at(root, 'kind'));
    if (at(root, 'scrape_configs')?.kind === 'seq') {
      const global = interval(at(root, 'global.scrape_interval'));
      found.push(...(global.length > 0 ? global : [{ ...PROMETHEUS_DEFAULT }]));
      for (const job of items(at(root, 'scrape_configs'))) found.push(...interval(at(job, 'scrape_interval'), scalar(at(job, 'job_name'))));
    } else if (document.kind === 'kubernetes' && (kind === 'Prometheus' || kind === 'PrometheusAgent')) {
      const own = interval(at(root, 'spec.scrapeInterval'));
      found.push(...(own.length > 0 ? own : [{ ...OPERATOR_DEFAULT }]));
    } else if (document.kind === 'kubernetes' && (kind === 'ServiceMonitor' || kind === 'PodMonitor')) {
      for (const endpoint of items(at(root, kind === 'ServiceMonitor' ? 'spec.endpoints' : 'spec.podMetricsEndpoints'))) found.push(...interval(at(endpoint, 'interval')));
    } else if (document.kind === 'kubernetes' && kind === 'ConfigMap') {
      for (const { value } of entries(at(root, 'data'))) {
        if (value?.kind !== 'scalar' || !value.value.includes('scrape_configs')) continue;
        const written = [...value.raw.matchAll(EMBEDDED_INTERVAL)].flatMap((match) => {
          const ms = parseDuration(match[1]);
          const start = match.index + match[0].length - match[1].length;
          return ms ? [{ ms, text: match[1], range: rangeWithin(value, start, start + match[1].length) }] : [];
        });
        found.push(...(written.length > 0 ? written : [{ ...PROMETHEUS_DEFAULT }]));
      }
    } else if (document.kind === 'other') found.push(...valuesIntervals(root));
  }
  return found;
}

/** `scrapeInterval` or `scrape_interval` keys anywhere in a values-like document (chart values of a Prometheus install). */
function valuesIntervals(root: YNode | undefined): ScrapeInterval[] {
  const found: ScrapeInterval[] = [];
  const seen = new Set<YNode>();
  const stack: YNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'seq') stack.push(...node.items);
    else if (node.kind === 'map')
      for (const e of node.entries) {
        if (e.key === 'scrapeInterval' || e.key === 'scrape_interval') found.push(...interval(e.value));
        else if (e.value) stack.push(e.value);
      }
  }
  return found;
}

/**
 * The interval a window is judged against: its job's own when the selector names a job that sets
 * one, else the shortest the project sets anywhere (a series may come from any of them, and a
 * window long enough for one of them is not certainly wrong), else the default of the server
 * that evaluates the rule.
 */
export function intervalFor(window: RateWindow, intervals: readonly ScrapeInterval[]): ScrapeInterval {
  const own = window.job === undefined ? undefined : intervals.find((i) => i.job === window.job);
  if (own) return own;
  if (intervals.length === 0) return window.operator ? OPERATOR_DEFAULT : PROMETHEUS_DEFAULT;
  return intervals.reduce((shortest, i) => (i.ms < shortest.ms || (i.ms === shortest.ms && !shortest.range && i.range) ? i : shortest));
}

/** `120000` as `2m`, `90000` as `1m30s`. */
export function formatDuration(ms: number): string {
  const units: [string, number][] = [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1],
  ];
  let left = ms;
  let text = '';
  for (const [unit, size] of units) {
    if (left >= size) {
      text += `${Math.floor(left / size)}${unit}`;
      left %= size;
    }
  }
  return text || '0s';
}
