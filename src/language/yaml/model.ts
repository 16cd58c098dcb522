import type { Node, Tree } from 'web-tree-sitter';
import type { FileSummary, Range, YamlDocKind } from '../types';

/**
 * A light value tree over tree-sitter's YAML CST: maps, sequences and scalars with their
 * source ranges. Aliases resolve to their anchored node and merge keys (`<<: *base`) are
 * applied, so rules see what a YAML loader would see, with positions to report on.
 */

interface YBase {
  readonly range: Range;
  readonly node: Node;
  readonly tag?: string;
}
export interface YScalar extends YBase {
  readonly kind: 'scalar';
  readonly value: string;
  readonly style: 'plain' | 'single' | 'double' | 'block';
}
export interface YEntry {
  readonly key: string;
  readonly keyRange: Range;
  readonly keyNode: Node;
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
}

export class YamlModel {
  readonly documents: YamlDocument[] = [];
  /** Set when the file is a Helm (Go) template; such files are skipped with a notice. */
  readonly helmTemplated: boolean;
  readonly lineCount: number;

  constructor(
    readonly tree: Tree,
    readonly path: string,
    readonly text: string,
  ) {
    this.lineCount = tree.rootNode.endPosition.row + 1;
    this.helmTemplated = isHelmTemplate(text);
    if (this.helmTemplated) return;
    let index = 0;
    for (const documentNode of tree.rootNode.namedChildren) {
      if (documentNode?.type !== 'document') continue;
      const builder = new Builder();
      const body = documentNode.namedChildren.find((c) => c !== null && (c.type === 'block_node' || c.type === 'flow_node'));
      const root = body ? builder.build(body) : undefined;
      this.documents.push({ index: index++, root, kind: classify(root), range: rangeOf(documentNode) });
    }
  }

  summary(): FileSummary {
    const kinds = [...new Set(this.documents.map((d) => d.kind))];
    return { language: 'yaml', role: kinds.join(',') || 'empty', yamlKinds: kinds, lineCount: this.lineCount };
  }
}

class Builder {
  private readonly anchors = new Map<string, YNode>();

  build(node: Node): YNode | undefined {
    let anchor: string | undefined;
    let tag: string | undefined;
    let content: Node | undefined;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'anchor') anchor = child.namedChildren[0]?.text ?? child.text.slice(1);
      else if (child.type === 'tag') tag = child.text;
      else if (child.type !== 'comment') content = child;
    }
    if (node.type !== 'block_node' && node.type !== 'flow_node') content = node;
    const value = content ? this.content(content, tag) : undefined;
    if (anchor && value) this.anchors.set(anchor, value);
    return value;
  }

  private content(node: Node, tag: string | undefined): YNode | undefined {
    const range = rangeOf(node);
    switch (node.type) {
      case 'alias':
        return this.anchors.get(node.namedChildren[0]?.text ?? node.text.slice(1));
      case 'plain_scalar':
        return { kind: 'scalar', value: node.text, style: 'plain', range, node, tag };
      case 'single_quote_scalar':
        return { kind: 'scalar', value: node.text.slice(1, -1).replace(/''/g, "'"), style: 'single', range, node, tag };
      case 'double_quote_scalar':
        return { kind: 'scalar', value: unescapeDouble(node.text.slice(1, -1)), style: 'double', range, node, tag };
      case 'block_scalar':
        return { kind: 'scalar', value: blockScalarValue(node.text), style: 'block', range, node, tag };
      case 'block_mapping':
      case 'flow_mapping':
        return { kind: 'map', entries: this.entries(node), range, node, tag };
      case 'block_sequence':
      case 'flow_sequence': {
        const items: YNode[] = [];
        for (const item of node.namedChildren) {
          if (!item || item.type === 'comment') continue;
          const inner = item.type === 'block_sequence_item' ? item.namedChildren.find((c) => c !== null && c.type !== 'comment') : item;
          const value = inner ? this.build(inner) : undefined;
          if (value) items.push(value);
        }
        return { kind: 'seq', items, range, node, tag };
      }
      default:
        return undefined;
    }
  }

  private entries(mapping: Node): YEntry[] {
    const entries: YEntry[] = [];
    const merged: YEntry[] = [];
    for (const pair of mapping.namedChildren) {
      if (!pair || (pair.type !== 'block_mapping_pair' && pair.type !== 'flow_pair')) continue;
      const keyNode = pair.childForFieldName('key');
      const valueNode = pair.childForFieldName('value');
      if (!keyNode) continue;
      const keyValue = this.build(keyNode);
      const key = keyValue?.kind === 'scalar' ? keyValue.value : keyNode.text;
      const value = valueNode ? this.build(valueNode) : undefined;
      if (key === '<<') {
        // Merge keys: the mapping's own keys win, earlier merged maps win over later ones.
        const sources = value?.kind === 'seq' ? value.items : value ? [value] : [];
        for (const source of sources) if (source.kind === 'map') merged.push(...source.entries);
        continue;
      }
      entries.push({ key, keyRange: rangeOf(keyNode), keyNode, value });
    }
    for (const entry of merged) {
      if (!entries.some((e) => e.key === entry.key)) entries.push(entry);
    }
    return entries;
  }
}

/** Follow a dotted path of map keys (`spec.template.spec`); numeric segments index sequences. */
export function at(node: YNode | undefined, path: string): YNode | undefined {
  let current = node;
  for (const segment of path.split('.')) {
    if (!current) return undefined;
    if (current.kind === 'map') current = current.entries.find((e) => e.key === segment)?.value;
    else if (current.kind === 'seq' && /^\d+$/.test(segment)) current = current.items[Number(segment)];
    else return undefined;
  }
  return current;
}

export function entry(node: YNode | undefined, key: string): YEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key) : undefined;
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

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob', 'ReplicationController']);

export function classify(root: YNode | undefined): YamlDocKind {
  if (root?.kind !== 'map') return 'other';
  const kind = scalar(at(root, 'kind'));
  if (kind === 'PrometheusRule') return 'prometheus-rules';
  if (kind && has(root, 'apiVersion')) return 'kubernetes';
  if (has(root, 'jobs') && (has(root, 'on') || has(root, 'true'))) return 'github-actions';
  const groups = at(root, 'groups');
  if (groups?.kind === 'seq' && groups.items.some((g) => has(g, 'rules'))) return 'prometheus-rules';
  const services = at(root, 'services');
  if (services?.kind === 'map' && services.entries.some((e) => has(e.value, 'image') || has(e.value, 'build'))) return 'compose';
  return 'other';
}

/** Is this Kubernetes kind a workload with a pod template? */
export function isWorkloadKind(kind: string | undefined): boolean {
  return kind !== undefined && WORKLOAD_KINDS.has(kind);
}

function isHelmTemplate(text: string): boolean {
  // Go templates use `{{ ... }}`; GitHub Actions expressions are `${{ ... }}` and are not templates.
  const withoutActions = text.replace(/\$\{\{[\s\S]*?\}\}/g, '');
  return /\{\{-?\s*[.$a-zA-Z/("-]/.test(withoutActions);
}

function rangeOf(node: Node): Range {
  return {
    start: { line: node.startPosition.row, column: node.startPosition.column },
    end: { line: node.endPosition.row, column: node.endPosition.column },
  };
}

function unescapeDouble(raw: string): string {
  return raw.replace(/\\(["\\/nrt0]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})/g, (_, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '0':
        return '\0';
      case 'x':
      case 'u':
        return String.fromCharCode(parseInt(e.slice(1), 16));
      default:
        return e;
    }
  });
}

function blockScalarValue(raw: string): string {
  const lines = raw.split(/\r?\n/).slice(1);
  const indents = lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
  const indent = indents.length ? Math.min(...indents) : 0;
  const body = lines.map((line) => line.slice(indent));
  return raw.trimStart().startsWith('>') ? body.join(' ').replace(/\s+/g, ' ').trim() : body.join('\n');
}
