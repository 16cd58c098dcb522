import type { Range } from '../types';
import { at, items, rangeWithin, scalar, type YamlDocument, type YMap, type YScalar } from './model';

export interface AlertRule {
  readonly name: string;
  readonly nameRange: Range;
  readonly spec: YMap;
}

/** Alerting rules of a rules file (`groups:`) or of a PrometheusRule CRD (`spec.groups:`). */
export function alertRules(document: YamlDocument): AlertRule[] {
  const groups = at(document.root, 'groups') ?? at(document.root, 'spec.groups');
  const result: AlertRule[] = [];
  for (const group of items(groups)) {
    for (const rule of items(at(group, 'rules'))) {
      const alert = at(rule, 'alert');
      if (rule.kind === 'map' && alert) result.push({ name: scalar(alert) ?? '?', nameRange: alert.range, spec: rule });
    }
  }
  return result;
}

/** The `expr` of every alerting and recording rule, with the rule's name (alert or record). */
export function ruleExpressions(document: YamlDocument): { readonly name: string; readonly expr: YScalar }[] {
  const groups = at(document.root, 'groups') ?? at(document.root, 'spec.groups');
  const result: { name: string; expr: YScalar }[] = [];
  for (const group of items(groups)) {
    for (const rule of items(at(group, 'rules'))) {
      const expr = at(rule, 'expr');
      const name = scalar(at(rule, 'alert')) ?? scalar(at(rule, 'record'));
      if (expr?.kind === 'scalar' && name) result.push({ name, expr });
    }
  }
  return result;
}

/** Where the PromQL of an `expr` scalar starts and ends inside its raw text (inside quotes, below a `|` header). */
export function promqlBounds(expr: YScalar): { readonly from: number; readonly end: number } {
  const quoted = expr.style === 'single' || expr.style === 'double';
  return { from: quoted ? 1 : expr.style === 'block' ? expr.raw.indexOf('\n') + 1 : 0, end: quoted ? expr.raw.length - 1 : expr.raw.length };
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/** Prometheus durations (`30s`, `1h30m`, `500ms`) in milliseconds; undefined if not one. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const match of trimmed.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) total += Number(match[1]) * UNIT_MS[match[2]];
  return total;
}

/** Functions that make a counter meaningful (or only test whether it exists). */
const COUNTER_SAFE = new Set(['rate', 'irate', 'increase', 'resets', 'absent', 'absent_over_time', 'present_over_time', 'count_over_time', 'timestamp', 'changes']);
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'and', 'or', 'unless', 'inf', 'nan', 'atan2']);
const LABEL_LIST_AFTER = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
export const COUNTER_SUFFIX = /_(total|count|sum|bucket)$/;

export interface CounterUse {
  readonly metric: string;
  readonly range: Range;
}

/**
 * A small PromQL scanner: it finds metric selectors whose names end like counters and that
 * are not inside rate/irate/increase. It skips strings, label matchers `{...}`, ranges `[5m]`
 * and label lists after `by`/`without`/`on`/`ignoring`, which is all it needs to tell a
 * selector from a label name or a function call without a full parser.
 */
export function countersWithoutRate(expr: YScalar): CounterUse[] {
  const raw = expr.raw;
  const result: CounterUse[] = [];
  const stack: boolean[] = [];
  let previousWord = '';
  // Scan only the PromQL: inside the YAML quotes, or below a block scalar's `|` header.
  let i = expr.style === 'single' || expr.style === 'double' ? 1 : expr.style === 'block' ? raw.indexOf('\n') + 1 : 0;
  const end = expr.style === 'single' || expr.style === 'double' ? raw.length - 1 : raw.length;
  const skipTo = (close: string) => {
    const quote = close === '"' || close === "'" || close === '`';
    for (i++; i < end && raw[i] !== close; i++) if (quote && raw[i] === '\\') i++;
    i++;
  };
  while (i < end) {
    const c = raw[i];
    if (c === '"' || c === "'" || c === '`') {
      skipTo(c);
    } else if (c === '{') skipTo('}');
    else if (c === '[') skipTo(']');
    else if (c === '#') skipTo('\n');
    else if (c === '(') {
      if (LABEL_LIST_AFTER.has(previousWord)) skipTo(')');
      else {
        stack.push(COUNTER_SAFE.has(previousWord) || stack[stack.length - 1] === true);
        i++;
      }
      previousWord = '';
    } else if (c === ')') {
      stack.pop();
      previousWord = ')';
      i++;
    } else if (/[0-9.]/.test(c)) {
      const match = /^[0-9.][0-9a-zA-Z_.+-]*/.exec(raw.slice(i, i + 64));
      i += match ? match[0].length : 1;
      previousWord = '';
    } else if (/[a-zA-Z_:]/.test(c)) {
      const word = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(raw.slice(i, i + 256))![0];
      const start = i;
      i += word.length;
      let next = i;
      while (next < end && /\s/.test(raw[next])) next++;
      const isCall = raw[next] === '(';
      if (!isCall && !KEYWORDS.has(word) && COUNTER_SUFFIX.test(word) && stack[stack.length - 1] !== true) {
        result.push({ metric: word, range: rangeWithin(expr, start, i) });
      }
      previousWord = word;
    } else {
      if (!/\s/.test(c)) previousWord = '';
      i++;
    }
  }
  return result;
}
