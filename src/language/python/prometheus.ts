import type { Node } from 'web-tree-sitter';
import type { CallInfo, PythonModel } from './model';
import { keywordArgument, positionalArguments, stringValue } from './nodes';
import { nodeRange } from '../rule';
import type { Range } from '../types';

/**
 * prometheus_client metrics as a module declares and records them: what `metric-labels-mismatch`
 * compares, in one file and (through the project facts) across an import.
 */

/** A prometheus_client metric built (`Counter(...)`) or used through its name (`REQUESTS.labels`, `LATENCY.observe`). */
export const METRIC_CALL = /^prometheus_client\.(Counter|Gauge|Histogram|Summary|Info|Enum)(?:\.(\w+))?$/;
/** Methods that record a value on the metric itself: on a labelled metric they need `.labels(...)` first. */
export const RECORDS = new Set(['inc', 'dec', 'set', 'observe', 'time', 'track_inprogress', 'count_exceptions', 'set_to_current_time', 'set_function', 'info', 'state']);
/** The record method of each kind, for a message that says what was meant. */
export const RECORD_OF: Readonly<Record<string, string>> = { Counter: 'inc', Gauge: 'set', Histogram: 'observe', Summary: 'observe', Info: 'info', Enum: 'state' };

export interface DeclaredMetric {
  readonly name: string;
  readonly kind: string;
  /** The label names; absent when they are not written as a literal list of strings. */
  readonly labels?: readonly string[];
  /** The declaring statement. */
  readonly range: Range;
  /** The module never names the metric again (see `markUnrecorded`): only a module importing it could record it. */
  readonly unused?: true;
}

/** What `.labels(...)` is given: the keyword names, or the positional values as written. */
export interface GivenLabels {
  readonly names?: readonly string[];
  readonly count: number;
  readonly text: string;
}

/** A use of a metric by name: `.labels(...)` (`method` 'labels'), a record method, or the name called (`__call__`). */
export interface MetricUse {
  readonly name: string;
  readonly method: string;
  readonly node: Node;
  readonly inFunction: Node | undefined;
  /** For `.labels(...)`: what it is given; absent with splats or a mix of both kinds. */
  readonly given?: GivenLabels;
}

/** The metrics a module declares at its top level (`NAME = Counter(...)`), in order; a name declared twice with other labels has none. */
export function declaredMetrics(calls: readonly CallInfo[]): Map<string, DeclaredMetric> {
  const declared = new Map<string, DeclaredMetric>();
  for (const call of calls) {
    const match = METRIC_CALL.exec(call.callee ?? '');
    if (!match || match[2] !== undefined) continue;
    const name = declaredName(call.node);
    if (!name) continue;
    const labels = labelNames(call.node);
    const before = declared.get(name);
    // Declared twice with other labels (a try/except around a re-registration): the labels are not known.
    const known = before ? String(before.labels) === String(labels) : true;
    declared.set(name, { name, kind: match[1], ...(labels && known && { labels }), range: nodeRange(call.node.parent!) });
  }
  return declared;
}

/** The declarations whose name occurs only once in the module's text, marked `unused`. */
export function markUnrecorded(declared: readonly DeclaredMetric[], source: string): DeclaredMetric[] {
  return declared.map((metric) => {
    let count = 0;
    for (let at = source.indexOf(metric.name); at >= 0 && count < 2; at = source.indexOf(metric.name, at + metric.name.length)) {
      if (!/\w/.test(source[at - 1] ?? '') && !/\w/.test(source[at + metric.name.length] ?? '')) count++;
    }
    return count < 2 ? { ...metric, unused: true as const } : metric;
  });
}

/** The calls on a metric name among `calls`: `.labels(...)`, a record method, or the name called like a function. */
export function metricUse(call: CallInfo): MetricUse | undefined {
  const match = METRIC_CALL.exec(call.callee ?? '');
  if (!match) return undefined;
  return useOf(call.node, match[2], call.inFunction);
}

function useOf(node: Node, method: string | undefined, inFunction: Node | undefined): MetricUse | undefined {
  const target = node.childForFieldName('function');
  if (!target || method === undefined) return undefined;
  if (method === '__call__') return target.type === 'identifier' ? { name: target.text, method, node, inFunction } : undefined;
  if (method !== 'labels' && !RECORDS.has(method)) return undefined;
  const receiver = target.type === 'attribute' ? target.childForFieldName('object') : undefined;
  if (receiver?.type !== 'identifier') return undefined;
  const given = method === 'labels' ? givenLabels(node) : undefined;
  return { name: receiver.text, method, node, inFunction, ...(given && { given }) };
}

/** What is wrong with a use of a declared metric, as a message id of `metric-labels-mismatch`. */
export function labelMistake(metric: DeclaredMetric, use: Pick<MetricUse, 'method' | 'given'>): 'notCallable' | 'labelsOnUnlabelled' | 'wrongLabels' | 'missingLabels' | undefined {
  if (use.method === '__call__') return 'notCallable';
  const labels = metric.labels;
  if (!labels) return undefined;
  if (use.method === 'labels') {
    if (labels.length === 0) return 'labelsOnUnlabelled';
    return use.given && !sameLabels(labels, use.given) ? 'wrongLabels' : undefined;
  }
  return labels.length > 0 ? 'missingLabels' : undefined;
}

/** A record method after a call on an imported name: `GAUGE(model="x").set(1)`. */
const CALLED_THEN_RECORDED = /^\s*\.\s*(inc|dec|set|observe)\s*\(/;
/** A module that may record metrics declared elsewhere. */
const MAY_RECORD = /\.(labels|inc|dec|observe|set|time|track_inprogress|count_exceptions)\s*\(/;

export interface ImportedMetricUse {
  readonly local: string;
  readonly method: string;
  readonly range: Range;
  readonly given?: GivenLabels;
  /** The function the use sits in (for one finding per metric and function). */
  readonly scope?: string;
}

/**
 * Calls on names bound by `from m import NAME` that record a metric if `NAME` is one: the project
 * pass looks `NAME` up in the module it comes from. Names this module declares itself are the
 * per-file check's.
 */
export function importedMetricUses(model: PythonModel, fromImported: ReadonlySet<string>): ImportedMetricUse[] {
  if (fromImported.size === 0 || !MAY_RECORD.test(model.source)) return [];
  const uses: ImportedMetricUse[] = [];
  for (const call of model.calls) {
    const target = call.node.childForFieldName('function');
    if (!target) continue;
    let use: MetricUse | undefined;
    if (target.type === 'attribute') {
      const receiver = target.childForFieldName('object');
      if (receiver?.type !== 'identifier' || !fromImported.has(receiver.text)) continue;
      use = useOf(call.node, target.childForFieldName('attribute')?.text, call.inFunction);
    } else if (target.type === 'identifier' && fromImported.has(target.text) && CALLED_THEN_RECORDED.test(model.source.slice(call.node.endIndex, call.node.endIndex + 40))) {
      use = useOf(call.node, '__call__', call.inFunction);
    }
    if (!use) continue;
    const scope = use.inFunction?.childForFieldName('name')?.text;
    uses.push({ local: use.name, method: use.method, range: nodeRange(call.node), ...(use.given && { given: use.given }), ...(scope && { scope }) });
  }
  return uses;
}

/** `NAME` of a module-level `NAME = Counter(...)`. */
function declaredName(call: Node): string | undefined {
  const assignment = call.parent;
  if (assignment?.type !== 'assignment' || assignment.parent?.parent?.type !== 'module') return undefined;
  const left = assignment.childForFieldName('left');
  return left?.type === 'identifier' ? left.text : undefined;
}

/** The label names of a metric's declaration (`labelnames=` or the third positional argument): [] without, undefined when not a literal list of strings. */
function labelNames(call: Node): readonly string[] | undefined {
  const list = keywordArgument(call, 'labelnames') ?? positionalArguments(call)[2];
  if (!list) return [];
  if (list.type !== 'list' && list.type !== 'tuple') return undefined;
  const names: string[] = [];
  for (const item of list.namedChildren) {
    if (item?.type === 'comment') continue;
    const name = item ? stringValue(item) : undefined;
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names;
}

function givenLabels(call: Node): GivenLabels | undefined {
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => a !== null && a.type !== 'comment');
  if (args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return undefined;
  const keywords = args.filter((a) => a.type === 'keyword_argument').map((a) => a.childForFieldName('name')?.text ?? '');
  if (keywords.length > 0 && keywords.length < args.length) return undefined;
  // One positional dict is not a label value prometheus_client accepts either, but say nothing about it.
  if (keywords.length === 0 && args.length === 1 && args[0].type === 'dictionary') return undefined;
  const text = args.map((a) => (a.text.length > 30 ? `${a.text.slice(0, 29)}…` : a.text)).join(', ');
  return keywords.length > 0 ? { names: keywords, count: keywords.length, text } : { count: args.length, text };
}

function sameLabels(declared: readonly string[], given: GivenLabels): boolean {
  if (!given.names) return given.count === declared.length;
  return given.names.length === declared.length && given.names.every((name) => declared.includes(name));
}

/** Label names for a message. */
export const listedLabels = (names: readonly string[]) => (names.length === 0 ? '()' : names.join(', '));
