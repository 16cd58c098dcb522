import type { Range, YamlDocKind } from '../types';
import { PLACEHOLDER_OPEN } from './helm';

/** The value tree the YAML model builds and the accessors rules read it with. */

export interface YBase {
  readonly range: Range;
  readonly tag?: string;
}
export interface YScalar extends YBase {
  readonly kind: 'scalar';
  /** The scalar's source text as written (quotes, escapes and block headers included). */
  readonly raw: string;
  readonly value: string;
  readonly style: 'plain' | 'single' | 'double' | 'block';
}
export interface YEntry {
  readonly key: string;
  readonly keyRange: Range;
  /** Undefined for an empty value (`key:`), which YAML reads as null. */
  readonly value: YNode | undefined;
}
export interface YMap extends YBase {
  readonly kind: 'map';
  readonly entries: readonly YEntry[];
}
export interface YSeq extends YBase {
  readonly kind: 'seq';
  readonly items: readonly YNode[];
}
export type YNode = YScalar | YMap | YSeq;

export interface YamlDocument {
  readonly index: number;
  readonly root: YNode | undefined;
  readonly kind: YamlDocKind;
  readonly range: Range;
  /** True when the parser could not read all of this document; what parsed is still here. */
  readonly partial: boolean;
  /** Lines the parser could not read (empty unless partial); see `intact`. */
  readonly brokenLines: readonly number[];
}

/** Follow a dotted path of map keys (`spec.template.spec`); numeric segments index sequences. */
export function at(node: YNode | undefined, path: string): YNode | undefined {
  let current = node;
  for (const segment of path.split('.')) {
    if (!current) return undefined;
    if (current.kind === 'map') current = current.entries.find((e) => e.key === segment)?.value ?? templatedValue(current);
    else if (current.kind === 'seq' && /^\d+$/.test(segment)) current = current.items[Number(segment)];
    else return undefined;
  }
  return current;
}

export function entry(node: YNode | undefined, key: string): YEntry | undefined {
  if (node?.kind !== 'map') return undefined;
  const found = node.entries.find((e) => e.key === key);
  if (found) return found;
  const value = templatedValue(node);
  return value ? { key, keyRange: value.range, value } : undefined;
}

/**
 * A mapping a Helm template fills from elsewhere (`{{- toYaml .Values.resources | nindent 12 }}`
 * became a placeholder key, see helm.ts) may hold any key: a key looked up in it and not written
 * out is present with an unknown value, so rules that report a missing key stay silent there.
 */
export function templated(node: YNode | undefined): boolean {
  return node?.kind === 'map' && node.entries.some((e) => e.key.startsWith(PLACEHOLDER_OPEN));
}

function templatedValue(map: YMap): YMap | undefined {
  const placeholder = map.entries.find((e) => e.key.startsWith(PLACEHOLDER_OPEN));
  // Itself templated, so a path looked up further down (`requests.cpu`) is there too.
  return placeholder ? { kind: 'map', entries: [placeholder], range: placeholder.keyRange } : undefined;
}

export function has(node: YNode | undefined, key: string): boolean {
  return entry(node, key) !== undefined;
}

export function scalar(node: YNode | undefined): string | undefined {
  return node?.kind === 'scalar' ? node.value : undefined;
}

export function items(node: YNode | undefined): readonly YNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

export function entries(node: YNode | undefined): readonly YEntry[] {
  return node?.kind === 'map' ? node.entries : [];
}

/**
 * Every scalar under a node, in document order (the values of maps, the items of sequences),
 * each once: aliases share nodes, so a walk that followed every alias again would be exponential
 * on a crafted file (a "billion laughs" alias bomb) and would yield the anchored scalars again.
 */
export function* scalarsUnder(node: YNode | undefined, seen = new Set<YNode>()): Generator<YNode> {
  if (!node || seen.has(node)) return;
  seen.add(node);
  if (node.kind === 'scalar') yield node;
  else if (node.kind === 'seq') for (const item of node.items) yield* scalarsUnder(item, seen);
  else for (const e of node.entries) yield* scalarsUnder(e.value, seen);
}

/** YAML 1.1/1.2 truthiness of a scalar as loaders read it (`true`, `yes`, `on`). */
export function isTrue(node: YNode | undefined): boolean {
  return node?.kind === 'scalar' && /^(true|yes|on)$/i.test(node.value);
}

/**
 * Structural equality of two value trees, ignoring positions and styles. Aliases share nodes,
 * so a crafted file (a "billion laughs" alias bomb) could make a naive walk exponential: the
 * walk has a budget and answers "not equal" when it runs out.
 */
export function sameValue(a: YNode | undefined, b: YNode | undefined, budget = { left: 10_000 }): boolean {
  if (a === b) return true;
  if (!a || !b || --budget.left < 0) return false;
  if (a.kind === 'scalar') return b.kind === 'scalar' && a.value === b.value;
  if (a.kind === 'seq') return b.kind === 'seq' && a.items.length === b.items.length && a.items.every((item, i) => sameValue(item, b.items[i], budget));
  return b.kind === 'map' && a.entries.length === b.entries.length && a.entries.every((e) => has(b, e.key) && sameValue(e.value, entry(b, e.key)?.value, budget));
}

/**
 * The range of `raw.slice(start, end)` inside a node, so that a finding can point at one
 * expression inside a long `run:` block or PromQL string rather than at the whole value.
 */
export function rangeWithin(node: { readonly raw: string; readonly range: Range }, start: number, end: number): Range {
  const position = (offset: number) => {
    const before = node.raw.slice(0, offset);
    const newlines = before.split('\n');
    const line = node.range.start.line + newlines.length - 1;
    const column = newlines.length === 1 ? node.range.start.column + before.length : newlines[newlines.length - 1].length;
    return { line, column };
  };
  return { start: position(start), end: position(end) };
}

/**
 * Can a rule trust that a key is really absent from this node? Not when a line inside it (or
 * right after it, where its last key was being typed) could not be parsed: rules that report a
 * missing key skip such nodes rather than guess.
 */
export function intact(document: YamlDocument, node: { readonly range: Range } | undefined): boolean {
  if (document.brokenLines.length === 0 || !node) return true;
  const { start, end } = node.range;
  return !document.brokenLines.some((line) => line >= start.line && line <= end.line + 1);
}
