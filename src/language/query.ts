import { Query, type Language, type Node, type QueryCapture } from 'web-tree-sitter';

/**
 * Query-based matching: each rule may declare the structural part of its pattern as a
 * tree-sitter query (an S-expression). The queries of all rules of one language are compiled
 * once into a single `Query`, run once per file inside WASM, and each match is handed to the
 * rule whose text the pattern came from. Only matched nodes cross into JavaScript, and a rule
 * whose query found nothing in a file does not run there at all (ast-grep's rule YAML over
 * tree-sitter; typescript-eslint's selectors).
 */

/** One match of a rule's query. */
export interface RuleMatch {
  /** Index of the matching pattern within the rule's own query text (0 for the first pattern). */
  readonly pattern: number;
  /** The first node captured under each name. */
  readonly captures: Readonly<Record<string, Node>>;
  /** Every capture in the match, in order (names repeat for quantified captures). */
  readonly all: readonly QueryCapture[];
}

export interface QueryRule {
  readonly id: string;
  readonly query?: string;
}

interface Owner {
  readonly ruleId: string;
  /** Pattern index of the rule's first pattern in the combined query. */
  readonly firstPattern: number;
}

/** A query that failed to compile: the rule reports it as an internal error on every file. */
export interface BrokenQuery {
  readonly ruleId: string;
  readonly message: string;
}

/** What one run of the combined query found in a file. */
export interface QueryRun {
  /** The matches of each rule's query, by rule id, in the order tree-sitter returned them. */
  readonly byRule: Map<string, RuleMatch[]>;
  /** The nodes of each collected kind (see `QuerySet.compile`), in document order. */
  readonly nodes: Readonly<Record<string, Node[]>>;
  /** A run over a range only: some rule match had captures both inside and outside it. */
  readonly crossing?: boolean;
}

/** A span of the text, as UTF-16 indices: `[startIndex, endIndex)`. */
export interface IndexRange {
  readonly startIndex: number;
  readonly endIndex: number;
}

export class QuerySet {
  private constructor(
    private readonly query: Query | undefined,
    /** The node kinds collected for the file model; their patterns come first in the query. */
    private readonly collected: readonly string[],
    /** The owner of each rule pattern of the combined query (pattern index minus the collected kinds). */
    private readonly owners: readonly Owner[],
    readonly broken: readonly BrokenQuery[],
  ) {}

  /**
   * Compiles the queries of `rules` for one language into one query. The joined text is
   * compiled once, and each pattern is given to the rule whose text it lies in; only when that
   * fails (a broken query, or a pattern that reaches across two rules' texts) is each query
   * compiled on its own, so one broken query costs only its rule. Compiling a query is the
   * costly part of a first lint (tree-sitter analyses every pattern against the grammar), so
   * the good case compiles each pattern once, not twice.
   *
   * `collect` names node kinds the file model needs (`call`, `function_definition` ...). They
   * become one-node patterns at the front of the same query, so a single traversal of the
   * tree inside WASM feeds both the model and the rules: a second traversal (the model's own
   * `descendantsOfType`) cost more than the extra patterns do.
   */
  static compile(language: Language, rules: readonly QueryRule[], collect: readonly string[] = []): QuerySet {
    const withQuery = rules.filter((rule) => rule.query?.trim());
    return QuerySet.compileJoined(language, withQuery, collect) ?? QuerySet.compileEach(language, withQuery, collect);
  }

  /** The joined queries compiled once, or undefined when some query needs compiling on its own. */
  private static compileJoined(language: Language, rules: readonly QueryRule[], collect: readonly string[]): QuerySet | undefined {
    const collecting = collect.map((kind) => `(${kind}) @${kind}`).join('\n');
    const spans: { ruleId: string; start: number; end: number }[] = [];
    let source = collecting;
    for (const rule of rules) {
      if (source) source += '\n';
      spans.push({ ruleId: rule.id, start: source.length, end: source.length + rule.query!.length });
      source += rule.query!;
    }
    if (!source) return new QuerySet(undefined, [], [], []);
    let query: Query;
    try {
      query = new Query(language, source);
    } catch {
      return undefined;
    }
    // A pattern's end as tree-sitter reports it runs on over the whitespace after it.
    const endOf = (i: number) => source.slice(0, query.endIndexForPattern(i)).trimEnd().length;
    const owners: Owner[] = [];
    const firstOf = new Map<string, number>();
    const count = query.patternCount();
    for (let i = collect.length; i < count; i++) {
      const start = query.startIndexForPattern(i);
      const end = endOf(i);
      const span = spans.find((s) => start >= s.start && end <= s.end);
      if (!span) {
        query.delete();
        return undefined;
      }
      if (!firstOf.has(span.ruleId)) firstOf.set(span.ruleId, owners.length);
      owners.push({ ruleId: span.ruleId, firstPattern: firstOf.get(span.ruleId)! });
    }
    // The collected kinds' patterns come first and lie before every rule's text.
    if (count < collect.length || (collect.length > 0 && endOf(collect.length - 1) > collecting.length)) {
      query.delete();
      return undefined;
    }
    return new QuerySet(query, collect, owners, []);
  }

  /** Each query compiled on its own first, then the good ones joined. */
  private static compileEach(language: Language, rules: readonly QueryRule[], collect: readonly string[]): QuerySet {
    const broken: BrokenQuery[] = [];
    const parts: { ruleId: string; source: string; patterns: number }[] = [];
    for (const rule of rules) {
      try {
        const single = new Query(language, rule.query!);
        parts.push({ ruleId: rule.id, source: rule.query!, patterns: single.patternCount() });
        single.delete();
      } catch (error) {
        broken.push({ ruleId: rule.id, message: `the rule's query does not compile: ${(error as Error)?.message ?? String(error)}` });
      }
    }
    if (parts.length === 0 && collect.length === 0) return new QuerySet(undefined, [], [], broken);
    const owners: Owner[] = [];
    for (const part of parts) {
      const firstPattern = owners.length;
      for (let i = 0; i < part.patterns; i++) owners.push({ ruleId: part.ruleId, firstPattern });
    }
    const collecting = collect.map((kind) => `(${kind}) @${kind}`);
    const query = new Query(language, [...collecting, ...parts.map((part) => part.source)].join('\n'));
    if (query.patternCount() !== collect.length + owners.length) {
      // Never expected: joining valid queries keeps every pattern. Fail loudly in tests.
      query.delete();
      throw new Error(`combined query has ${query.patternCount()} patterns, expected ${collect.length + owners.length}`);
    }
    return new QuerySet(query, collect, owners, broken);
  }

  /** Does any compiled query belong to this rule? */
  has(ruleId: string): boolean {
    return this.owners.some((owner) => owner.ruleId === ruleId);
  }

  /**
   * Runs every pattern once over the tree and groups the matches by rule id. `wanted` limits
   * the work to the rules that will run (rules switched off by configuration are left out);
   * `range` to the nodes and matches that start inside it (a re-lint's edited statements).
   */
  run(root: Node, wanted?: ReadonlySet<string>, range?: IndexRange): QueryRun {
    const byRule = new Map<string, RuleMatch[]>();
    const lists = this.collected.map((): Node[] => []);
    const nodes = Object.fromEntries(this.collected.map((kind, i) => [kind, lists[i]]));
    if (!this.query) return { byRule, nodes };
    const first = this.collected.length;
    const inside = (node: Node) => !range || (node.startIndex >= range.startIndex && node.startIndex < range.endIndex);
    let crossing = false;
    for (const match of this.query.matches(root, range ? { startIndex: range.startIndex, endIndex: range.endIndex } : undefined)) {
      if (match.patternIndex < first) {
        const node = match.captures[0].node;
        if (inside(node)) lists[match.patternIndex].push(node);
        continue;
      }
      const owner = this.owners[match.patternIndex - first];
      if (!owner || (wanted && !wanted.has(owner.ruleId))) continue;
      if (range) {
        // Tree-sitter returns the matches that intersect the range; one that starts outside it
        // belongs to the text around the range, and one that spans its edge belongs to neither.
        const within = match.captures.filter((capture) => inside(capture.node)).length;
        if (within !== match.captures.length) crossing ||= within > 0;
        if (within !== match.captures.length) continue;
      }
      const captures: Record<string, Node> = {};
      for (const capture of match.captures) captures[capture.name] ??= capture.node;
      let list = byRule.get(owner.ruleId);
      if (!list) byRule.set(owner.ruleId, (list = []));
      list.push({ pattern: match.patternIndex - first - owner.firstPattern, captures, all: match.captures });
    }
    return { byRule, nodes, ...(crossing ? { crossing } : {}) };
  }

  dispose(): void {
    this.query?.delete();
  }
}
