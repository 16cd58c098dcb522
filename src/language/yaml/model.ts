import { Parser, type Node, type Tree } from 'web-tree-sitter';
import type { FileSummary, Range } from '../types';
import { classify } from './classify';
import { isHelmTemplate, neutraliseHelmTemplate } from './helm';
import { beyondScannerRows, bridgeScannerRows } from './long';
import { firstSyntaxError, type YamlSyntaxError } from './syntax-error';
import { at, entries, items, scalar, type YamlDocument, type YEntry, type YNode, type YScalar } from './values';

export { classify, isWorkloadKind } from './classify';
export * from './values';
export type { YamlSyntaxError } from './syntax-error';

/**
 * The text to parse a YAML file from: undefined for plain YAML (the file's own text), or the
 * neutralised text of a Helm template (yaml/helm.ts), which keeps every line where it was. The
 * engine parses this text once and hands it to `YamlModel` beside the file's own.
 */
export function yamlSourceOf(text: string, path: string): string | undefined {
  return isHelmTemplate(text, path) ? neutraliseHelmTemplate(text) : undefined;
}

/**
 * A light value tree over tree-sitter's YAML CST: maps, sequences and scalars with their
 * source ranges. Aliases resolve to their anchored node and merge keys (`<<: *base`) are
 * applied, so rules see what a YAML loader would see, with positions to report on.
 *
 * Nodes keep positions (and scalars their source text) rather than the tree-sitter node, because a broken file is
 * re-parsed document by document and those extra trees are freed before rules run.
 */
/**
 * The documents a lint built, by their source text, for the next lint of the same editor
 * document (`LintEngine.lintDocument`): a document whose text is unchanged is taken over rather
 * than walked again in the tree (moved by the lines the edit added or removed above it).
 */
export type DocumentMemo = ReadonlyMap<string, BuiltDocuments>;

export interface BuiltDocuments {
  /** The row the document node started at when it was built. */
  readonly row: number;
  readonly documents: readonly YamlDocument[];
}

/**
 * One `---` document of a YAML file parsed on its own (`yamlSegments`): its tree, the file row
 * and text offset it starts at. An editor re-lint (`LintEngine.lintDocument`) re-parses only the
 * segments an edit changed, since tree-sitter-yaml's incremental parse reuses almost nothing.
 */
export interface YamlSegment {
  readonly tree: Tree;
  readonly row: number;
  readonly index: number;
}

/**
 * A YAML text cut into the texts its `---` documents are parsed from, one tree each, with the
 * row and offset each starts at; undefined when the text is not cut so (a single document, a
 * `...` end marker or a `%` directive, a text past the scanner's row limit). Every segment but
 * the last is parsed without its trailing whitespace, where the document node of the whole
 * file's tree ends too: parsed so, the documents are those of the whole file's tree (same
 * ranges, same text): so on all 1,457 such files of the rule fixtures and the dev corpus when
 * this was written, and test/unit/incremental.test.ts compares the re-lint with a full lint after
 * random edits of them. A segment whose tree has an error may not be: the caller parses the whole
 * file then.
 */
export function yamlSegments(text: string): { readonly text: string; readonly row: number; readonly index: number }[] | undefined {
  if (!text.includes('\n---') || /^(\.\.\.|%)/m.test(text) || beyondScannerRows(text)) return undefined;
  const segments: { text: string; row: number; index: number }[] = [];
  let start = 0;
  let row = 0;
  let startRow = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    row++;
    const next = i + 1;
    if (text.startsWith('---', next) && (next + 3 === text.length || /\s/.test(text[next + 3]))) {
      segments.push({ text: text.slice(start, next).trimEnd(), row: startRow, index: start });
      start = next;
      startRow = row;
    }
  }
  if (segments.length === 0) return undefined;
  segments.push({ text: text.slice(start), row: startRow, index: start });
  return segments;
}

export class YamlModel {
  readonly documents: YamlDocument[] = [];
  /**
   * With a memo given: each document built from the file's own tree, by the key of its source
   * text (the memo of the next lint), and the key of each such document (`documentKey`).
   */
  readonly built?: Map<string, BuiltDocuments>;
  private readonly keys?: Map<YamlDocument, { readonly key: string; readonly row: number }>;
  /**
   * Set when the file is a Helm (Go) template that could not be read even with its template
   * actions neutralised; such files are skipped with a notice.
   */
  readonly helmTemplated: boolean;
  /**
   * Set when the file is a Helm template read through `neutraliseHelmTemplate`: the documents
   * are those of the rendered manifest, with placeholders for what only the chart's values know.
   */
  readonly helmRendered: boolean;
  readonly lineCount: number;
  /** The text the documents are built from: the file's, or its Helm template neutralised (same lines). */
  readonly source: string;

  /** Does the tree (or a segment's tree) hold an ERROR or MISSING node? */
  readonly hasError: boolean;

  /**
   * `parsed` is the file's tree, or the trees of its `---` documents (`yamlSegments`; plain
   * YAML only, none with an error). The tree is parsed from `rendered` when given: the text
   * `yamlSourceOf` returns for a Helm template (the engine parses that text, not the template).
   * Without it, a Helm template's tree is of the template and its neutralised text is parsed
   * again here.
   */
  constructor(
    parsed: Tree | readonly YamlSegment[],
    readonly path: string,
    readonly text: string,
    rendered?: string,
    private readonly memo?: DocumentMemo,
  ) {
    const segments = Array.isArray(parsed) ? (parsed as readonly YamlSegment[]) : undefined;
    const tree = segments ? segments[0].tree : (parsed as Tree);
    this.hasError = segments ? segments.some((segment) => segment.tree.rootNode.hasError) : tree.rootNode.hasError;
    const last = segments?.[segments.length - 1];
    // Past the scanner's wrap row the tree can stop short of the text (long.ts); so can the tree
    // of a raw Helm template, where its `{{ }}` broke the parse (the neutralised text keeps every line).
    this.lineCount = beyondScannerRows(text) ? text.split('\n').length : last ? last.tree.rootNode.endPosition.row + last.row + 1 : tree.rootNode.endPosition.row + 1;
    const helm = !segments && (rendered !== undefined || isHelmTemplate(text, path));
    this.source = rendered ?? (helm ? neutraliseHelmTemplate(text) : text);
    this.helmRendered = helm;
    if (helm) {
      if (rendered !== undefined) this.addTree(tree);
      else this.addRendered(tree);
      this.helmTemplated = this.documents.length === 0 && this.source.trim() !== '';
      return;
    }
    this.helmTemplated = false;
    if (memo && !this.hasError) {
      this.built = new Map();
      this.keys = new Map();
    }
    if (segments && !this.hasError) for (const segment of segments) this.addDocuments(segment.tree.rootNode, [], segment.row, true, segment.index);
    else this.addTree(tree);
    this.addEmbeddedRules(tree);
  }

  private syntaxErrorRead?: { readonly error: YamlSyntaxError | undefined };

  /**
   * Where the YAML parser stops, for a file tree-sitter could not parse: read once and shared by
   * the engine's syntax notice and the project facts (`unparseable-ci-definition`).
   */
  get syntaxError(): YamlSyntaxError | undefined {
    if (!this.hasError) return undefined;
    this.syntaxErrorRead ??= { error: firstSyntaxError(this.text) };
    return this.syntaxErrorRead.error;
  }

  /**
   * `documentKey(document)`: its source text's key and its row when it was built from the
   * file's own tree with a memo given (the same key means the same document, moved by the rows
   * between); undefined otherwise (a recovered, embedded or Helm document).
   */
  documentKey(document: YamlDocument): { readonly key: string; readonly row: number } | undefined {
    return this.keys?.get(document);
  }

  private addTree(tree: Tree): void {
    if (!tree.rootNode.hasError) this.addDocuments(tree.rootNode, [], 0, true);
    else this.recoverDocuments(tree);
  }

  /** A Helm template whose tree is of the template: its neutralised text is parsed again. */
  private addRendered(tree: Tree): void {
    const parser = new Parser();
    let rendered: Tree | null = null;
    try {
      parser.setLanguage(tree.language);
      rendered = parser.parse(this.source);
      if (rendered) this.addTree(rendered);
    } finally {
      rendered?.delete();
      parser.delete();
    }
  }

  /**
   * Prometheus rule files shipped inside a ConfigMap (`data: {alerts.yml: |- groups: ...}`) are
   * read as rule documents of their own, so the alert rules see them as they see a rules file.
   * The block's lines are parsed in place with every other line blanked, so positions stay the
   * file's.
   */
  private addEmbeddedRules(tree: Tree): void {
    const blocks = this.documents
      .filter((d) => d.kind === 'kubernetes' && scalar(at(d.root, 'kind')) === 'ConfigMap')
      .flatMap((d) => entries(at(d.root, 'data')).map((e) => e.value))
      .filter((v): v is YScalar => v?.kind === 'scalar' && v.style === 'block' && /^\s*groups\s*:/m.test(v.value) && /^\s*(-\s*)?alert\s*:/m.test(v.value));
    if (blocks.length === 0) return;
    const lines = this.source.split('\n');
    const parser = new Parser();
    try {
      parser.setLanguage(tree.language);
      for (const block of blocks) {
        const first = block.range.start.line + 1;
        const last = Math.min(block.range.end.column === 0 ? block.range.end.line - 1 : block.range.end.line, lines.length - 1);
        const sub = parser.parse(lines.map((line, row) => (row >= first && row <= last ? line : '')).join('\n'));
        if (!sub) continue;
        try {
          this.addDocuments(sub.rootNode, [], 0);
        } finally {
          sub.delete();
        }
      }
    } finally {
      parser.delete();
    }
  }

  summary(): FileSummary {
    const kinds = [...new Set(this.documents.map((d) => d.kind))];
    return { language: 'yaml', role: kinds.join(',') || 'empty', yamlKinds: kinds, lineCount: this.lineCount };
  }

  /** `rowOffset` and `indexOffset`: where a segment's tree (`yamlSegments`) starts in the file. */
  private addDocuments(root: Node, blanked: readonly number[], rowOffset: RowShift, memoise = false, indexOffset = 0): void {
    const candidates = root.type === 'stream' ? root.namedChildren : [root];
    for (const documentNode of candidates) {
      if (!documentNode || documentNode.type === 'comment') continue;
      if (memoise && this.built && !documentNode.hasError) {
        // The same text builds the same document (anchors are per document), moved by its row.
        const start = { row: shift(documentNode.startPosition.row, rowOffset), column: documentNode.startPosition.column };
        const key = `${start.column}:${this.source.slice(documentNode.startIndex + indexOffset, documentNode.endIndex + indexOffset)}`;
        const previous = this.memo?.get(key) ?? this.built.get(key);
        const first = this.documents.length;
        if (previous) {
          const delta = start.row - previous.row;
          for (const document of previous.documents)
            this.documents.push(delta === 0 && document.index === this.documents.length ? document : moveDocument(document, delta, this.documents.length));
        } else this.addDocuments(documentNode, blanked, rowOffset);
        const documents = this.documents.slice(first);
        if (!this.built.has(key)) this.built.set(key, { row: start.row, documents });
        documents.forEach((document, i) => this.keys!.set(document, { key: `${key}#${i}`, row: start.row }));
        continue;
      }
      const builder = new Builder(rowOffset);
      let body: Node | undefined;
      if (documentNode.type === 'document') {
        body = documentNode.namedChildren.find((c) => c !== null && (c.type === 'block_node' || c.type === 'flow_node' || c.type === 'ERROR')) ?? undefined;
      } else if (documentNode.type === 'ERROR') body = documentNode;
      if (!body) continue;
      const root = builder.build(body);
      const range = rangeOf(documentNode, rowOffset);
      const brokenLines = [...blanked, ...(documentNode.hasError ? errorLines(documentNode, rowOffset) : [])];
      const partial = brokenLines.length > 0;
      // `kubectl get -o yaml` writes a `kind: List`: each item is a Kubernetes object of its own.
      const listItems = scalar(at(root, 'kind')) === 'List' ? items(at(root, 'items')) : [];
      if (listItems.length > 0) {
        for (const item of listItems) this.documents.push({ index: this.documents.length, root: item, kind: classify(item), range: item.range, partial, brokenLines });
      } else {
        this.documents.push({ index: this.documents.length, root, kind: classify(root), range, partial, brokenLines });
      }
    }
  }

  /**
   * tree-sitter's YAML grammar recovers poorly: one unclosed bracket can turn the whole stream
   * into a single ERROR node. So a broken file is re-parsed one document at a time (padded with
   * blank lines to keep positions), and only the documents that are actually broken lose data.
   */
  private recoverDocuments(tree: Tree): void {
    const parser = new Parser();
    try {
      parser.setLanguage(tree.language);
      const lines = this.source.split('\n');
      let start = 0;
      lines.forEach((line, index) => {
        if (index > 0 && /^(---|\.\.\.)(\s|$)/.test(line)) {
          this.parseSegment(parser, lines, start, index);
          start = index;
        }
      });
      this.parseSegment(parser, lines, start, lines.length);
    } finally {
      parser.delete();
    }
  }

  /**
   * Parse one document; while it is broken, blank out the line the parser choked on and try
   * again (a few times), so one bad line costs that line rather than the whole document.
   */
  private parseSegment(parser: Parser, lines: readonly string[], start: number, end: number): void {
    const body = lines.slice(start, end);
    // Over 32,768 lines the grammar's scanner needs comment lines fed in (see long.ts).
    const bridged = bridgeScannerRows(body);
    const parsed = bridged?.lines ?? body;
    const bodyRow = (row: number) => (bridged ? bridged.original(row) : row);
    let sub: Tree | null = null;
    const blanked: number[] = [];
    for (let attempt = 0; ; attempt++) {
      sub?.delete();
      sub = parser.parse(parsed.join('\n'));
      if (!sub || !sub.rootNode.hasError || attempt === MAX_REPAIRS) break;
      const row = errorRow(sub.rootNode, parsed);
      if (row === undefined || row >= parsed.length || parsed[row].trim() === '') break;
      parsed[row] = '';
      if (bridged) body[bodyRow(row)] = '';
      blanked.push(start + bodyRow(row));
    }
    if (!sub) return;
    try {
      this.addDocuments(sub.rootNode, blanked, bridged ? (row) => start + bridged.original(row) : start);
    } finally {
      sub.delete();
    }
  }
}

const MAX_REPAIRS = 4;
const SCALAR_TYPES = new Set(['plain_scalar', 'single_quote_scalar', 'double_quote_scalar', 'block_scalar']);

/** The rows covered by ERROR and MISSING nodes, found by descending only into broken subtrees. */
function errorLines(node: Node, rowOffset: RowShift): number[] {
  if (node.type === 'ERROR' || node.isMissing) {
    const rows: number[] = [];
    for (let row = node.startPosition.row; row <= node.endPosition.row; row++) rows.push(shift(row, rowOffset));
    return rows;
  }
  return node.children.flatMap((child) => (child?.hasError ? errorLines(child, rowOffset) : []));
}

/**
 * Where did the parser give up? If the tree stops before the text does, the last token it
 * read; otherwise the innermost ERROR or MISSING node.
 */
function errorRow(root: Node, lines: readonly string[]): number | undefined {
  const lastLeafRow = (node: Node) => {
    let last = node;
    while (last.childCount > 0) last = last.child(last.childCount - 1) ?? last;
    return last.startPosition.row;
  };
  const rest = lines.slice(root.endPosition.row + 1);
  if (rest.some((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))) return lastLeafRow(root);
  let node: Node = root;
  for (;;) {
    const next = node.children.find((c) => c !== null && (c.type === 'ERROR' || c.isMissing || c.hasError));
    if (!next) break;
    node = next;
  }
  // An ERROR node holds what the parser read before it gave up, so its last token is the culprit.
  if (node.type === 'ERROR') return lastLeafRow(node);
  return node.isMissing ? node.startPosition.row : undefined;
}

class Builder {
  private readonly anchors = new Map<string, YNode>();

  /** A document re-parsed on its own starts at row 0; `rowOffset` puts it back in the file. */
  constructor(private readonly rowOffset: RowShift) {}

  build(node: Node): YNode | undefined {
    if (node.type !== 'block_node' && node.type !== 'flow_node') return this.content(node, undefined);
    let anchor: string | undefined;
    let tag: string | undefined;
    let content: Node | undefined;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'anchor') anchor = child.namedChildren[0]?.text ?? child.text.slice(1);
      else if (child.type === 'tag') tag = child.text;
      else if (child.type !== 'comment') content = child;
    }
    const value = content ? this.content(content, tag) : undefined;
    if (anchor && value) this.anchors.set(anchor, value);
    return value;
  }

  private content(node: Node, tag: string | undefined): YNode | undefined {
    const range = rangeOf(node, this.rowOffset);
    // Only scalars keep their source text: reading it costs a copy, and rules search only scalars.
    const raw = SCALAR_TYPES.has(node.type) ? node.text : '';
    switch (node.type) {
      case 'alias':
        return this.anchors.get(node.namedChildren[0]?.text ?? node.text.slice(1));
      case 'plain_scalar':
        return { kind: 'scalar', value: raw.includes('\n') ? foldPlain(raw) : raw, style: 'plain', range, raw, tag };
      case 'single_quote_scalar':
        return { kind: 'scalar', value: raw.slice(1, -1).replace(/''/g, "'"), style: 'single', range, raw, tag };
      case 'double_quote_scalar':
        return { kind: 'scalar', value: unescapeDouble(raw.slice(1, -1)), style: 'double', range, raw, tag };
      case 'block_scalar':
        return { kind: 'scalar', value: blockScalarValue(raw), style: 'block', range, raw, tag };
      case 'block_mapping':
      case 'flow_mapping':
        return { kind: 'map', entries: this.entries(node.namedChildren, node.type === 'flow_mapping'), range, tag };
      case 'block_sequence':
      case 'flow_sequence':
        return { kind: 'seq', items: this.items(node), range, tag };
      case 'flow_pair':
        // `[a: 1]` is a sequence holding a one-entry mapping.
        return { kind: 'map', entries: this.entries([node], true), range, tag };
      case 'ERROR':
        return this.recover(node, range);
      default:
        return undefined;
    }
  }

  /** Keep what parsed inside an ERROR node: its mapping pairs, or its sequence items. */
  private recover(node: Node, range: Range): YNode | undefined {
    const children = node.namedChildren.filter((c): c is Node => c !== null);
    if (children.some((c) => c.type === 'block_mapping_pair' || c.type === 'flow_pair')) return { kind: 'map', entries: this.entries(children, false), range };
    if (children.some((c) => c.type === 'block_sequence_item')) return { kind: 'seq', items: this.items(node), range };
    const inner = children.find((c) => c.type === 'block_node' || c.type === 'flow_node');
    return inner ? this.build(inner) : undefined;
  }

  private items(sequence: Node): YNode[] {
    const result: YNode[] = [];
    for (const item of sequence.namedChildren) {
      if (!item || item.type === 'comment') continue;
      const inner = item.type === 'block_sequence_item' ? item.namedChildren.find((c) => c !== null && c.type !== 'comment') : item;
      const value = inner ? this.build(inner) : undefined;
      if (value) result.push(value);
    }
    return result;
  }

  private entries(children: readonly (Node | null)[], flow: boolean): YEntry[] {
    const own: YEntry[] = [];
    const merged: YEntry[] = [];
    for (const pair of children) {
      if (!pair) continue;
      if (pair.type === 'flow_node' && flow) {
        // `{a, b}`: keys without values.
        const keyValue = this.build(pair);
        if (keyValue?.kind === 'scalar') own.push({ key: keyValue.value, keyRange: keyValue.range, value: undefined });
        continue;
      }
      if (pair.type !== 'block_mapping_pair' && pair.type !== 'flow_pair') continue;
      const keyNode = pair.childForFieldName('key');
      const valueNode = pair.childForFieldName('value');
      if (!keyNode) continue;
      const keyValue = this.build(keyNode);
      const key = keyValue?.kind === 'scalar' ? keyValue.value : keyNode.text;
      const value = valueNode ? this.build(valueNode) : undefined;
      if (key === '<<' && keyValue?.kind === 'scalar' && keyValue.style === 'plain') {
        // Merge keys: the mapping's own keys win, earlier merged maps win over later ones.
        const sources = value?.kind === 'seq' ? value.items : value ? [value] : [];
        for (const source of sources) if (source.kind === 'map') merged.push(...source.entries);
        continue;
      }
      own.push({ key, keyRange: rangeOf(keyNode, this.rowOffset), value });
    }
    if (merged.length === 0) return own;
    const seen = new Set(own.map((e) => e.key));
    for (const entry of merged) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      own.push(entry);
    }
    return own;
  }
}

/** A built document moved down by `delta` rows (up when negative), as the `index`-th document. */
function moveDocument(document: YamlDocument, delta: number, index: number): YamlDocument {
  // Aliases and merge keys share nodes and entries: the copy shares them alike.
  const copies = new Map<object, unknown>();
  const range = (r: Range): Range => (delta === 0 ? r : { start: { line: r.start.line + delta, column: r.start.column }, end: { line: r.end.line + delta, column: r.end.column } });
  const entry = (e: YEntry): YEntry => {
    let copy = copies.get(e) as YEntry | undefined;
    if (!copy) copies.set(e, (copy = { key: e.key, keyRange: range(e.keyRange), value: node(e.value) }));
    return copy;
  };
  function node(n: YNode): YNode;
  function node(n: YNode | undefined): YNode | undefined;
  function node(n: YNode | undefined): YNode | undefined {
    if (!n) return n;
    let copy = copies.get(n) as YNode | undefined;
    if (copy) return copy;
    if (n.kind === 'scalar') copy = { ...n, range: range(n.range) };
    else if (n.kind === 'map') copy = { ...n, range: range(n.range), entries: n.entries.map(entry) };
    else copy = { ...n, range: range(n.range), items: n.items.map((item) => node(item)) };
    copies.set(n, copy);
    return copy;
  }
  return { ...document, index, root: node(document.root), range: range(document.range), brokenLines: document.brokenLines.map((line) => line + delta) };
}

/** Rows of a re-parsed segment back to the file: an offset, or a map when lines were inserted (long.ts). */
type RowShift = number | ((row: number) => number);

function shift(row: number, by: RowShift): number {
  return typeof by === 'number' ? row + by : by(row);
}

export function rangeOf(node: Node, rowOffset: RowShift = 0): Range {
  return {
    start: { line: shift(node.startPosition.row, rowOffset), column: node.startPosition.column },
    end: { line: shift(node.endPosition.row, rowOffset), column: node.endPosition.column },
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

/**
 * The value of a plain scalar written over several lines: YAML folds each line break into one
 * space (an empty line stands for a line break) and drops the indentation, so
 * `cml runner\n    --labels=x` is the one command `cml runner --labels=x`.
 */
function foldPlain(raw: string): string {
  const lines = raw.split(/\r?\n/).map((line) => line.trim());
  let value = lines[0];
  let breaks = 0;
  for (const line of lines.slice(1)) {
    if (line === '') {
      breaks += 1;
      continue;
    }
    value += breaks > 0 ? '\n'.repeat(breaks) : ' ';
    value += line;
    breaks = 0;
  }
  return value;
}

function blockScalarValue(raw: string): string {
  const [header, ...lines] = raw.split(/\r?\n/);
  const indents = lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
  const indent = indents.length ? Math.min(...indents) : 0;
  const body = lines.map((line) => line.slice(indent));
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  // Chomping: `|-` strips the final line break, `|` and `|+` keep one.
  const ending = /^[|>]([1-9]?-|-[1-9])/.test(header.trim()) || body.length === 0 ? '' : '\n';
  const text = header.trimStart().startsWith('>') ? body.join(' ').replace(/\s+/g, ' ').trim() : body.join('\n');
  return text + ending;
}
