/**
 * A small PromQL reader: enough of the grammar to know which labels each side of a binary
 * operator carries. It lexes once, left to right, and parses by precedence climbing; nesting
 * deeper than MAX_DEPTH gives up (undefined) rather than exhaust the stack, so any input costs
 * time linear in its length.
 */

export type Matchers = ReadonlyMap<string, string>;

export type PromNode =
  | {
      readonly kind: 'selector';
      readonly metric: string;
      readonly matchers: Matchers;
      readonly start: number;
      readonly end: number;
      /** A range vector's `[5m]` (brackets included), as offsets into the text; absent for an instant vector or a subquery. */
      readonly range?: { readonly start: number; readonly end: number };
    }
  | { readonly kind: 'number'; readonly start: number; readonly end: number }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly PromNode[]; readonly start: number; readonly end: number }
  | {
      readonly kind: 'aggregate';
      readonly op: string;
      readonly by?: readonly string[];
      readonly without?: readonly string[];
      readonly args: readonly PromNode[];
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'binary';
      readonly op: string;
      /** `on(...)`, `ignoring(...)` or a group modifier was written: the author chose the matching. */
      readonly matching: boolean;
      readonly lhs: PromNode;
      readonly rhs: PromNode;
      readonly start: number;
      readonly end: number;
    };

interface Token {
  readonly type: 'word' | 'number' | 'string' | 'op' | '(' | ')' | ',' | 'matchers' | 'range';
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly matchers?: Matchers;
}

const AGGREGATES = new Set(['sum', 'avg', 'min', 'max', 'count', 'group', 'stddev', 'stdvar', 'quantile', 'topk', 'bottomk', 'count_values', 'limitk', 'limit_ratio']);
const PRECEDENCE: Record<string, number> = {
  or: 1,
  and: 2,
  unless: 2,
  '==': 3,
  '!=': 3,
  '<': 3,
  '>': 3,
  '<=': 3,
  '>=': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '%': 5,
  atan2: 5,
  '^': 6,
};
const MAX_DEPTH = 64;

/** Reads `{job="api", status=~"5.."}` into label -> `op value`; skips quoted text. */
function readMatchers(text: string, from: number, end: number): { matchers: Map<string, string>; next: number } {
  const matchers = new Map<string, string>();
  let i = from + 1;
  let label = '';
  let op = '';
  while (i < end && text[i] !== '}') {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`' || (c === '\\' && text[i + 1] === '"')) {
      const close = c === '\\' ? '\\"' : c;
      const valueStart = i + close.length;
      let j = valueStart;
      while (j < end && !text.startsWith(close, j)) j += text[j] === '\\' && close !== '\\"' ? 2 : 1;
      if (label) matchers.set(label, `${op}${text.slice(valueStart, j)}`);
      label = '';
      op = '';
      i = j + close.length;
    } else if (/[a-zA-Z_]/.test(c)) {
      let j = i;
      while (j < end && /\w/.test(text[j])) j++;
      label = text.slice(i, j);
      i = j;
    } else if (c === '=' || c === '!' || c === '~') {
      op += c;
      i++;
    } else i++;
  }
  return { matchers, next: i + 1 };
}

function lex(text: string, from: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < end) {
    const c = text[i];
    const start = i;
    if (/\s/.test(c)) i++;
    else if (c === '#') {
      while (i < end && text[i] !== '\n') i++;
    } else if (c === '"' || c === "'" || c === '`' || (c === '\\' && text[i + 1] === '"')) {
      const close = c === '\\' ? '\\"' : c;
      i += close.length;
      while (i < end && !text.startsWith(close, i)) i += text[i] === '\\' && close !== '\\"' ? 2 : 1;
      i += close.length;
      tokens.push({ type: 'string', text: '', start, end: Math.min(i, end) });
    } else if (c === '{') {
      const { matchers, next } = readMatchers(text, i, end);
      i = next;
      tokens.push({ type: 'matchers', text: '', start, end: Math.min(i, end), matchers });
    } else if (c === '[') {
      while (i < end && text[i] !== ']') i++;
      i++;
      tokens.push({ type: 'range', text: '', start, end: Math.min(i, end) });
    } else if (/[0-9.]/.test(c)) {
      while (i < end && /[0-9a-zA-Z_.]/.test(text[i])) i++;
      if (/[eE]$/.test(text.slice(start, i)) && /[+-]/.test(text[i] ?? '')) {
        i++;
        while (i < end && /[0-9]/.test(text[i])) i++;
      }
      tokens.push({ type: 'number', text: text.slice(start, i), start, end: i });
    } else if (/[a-zA-Z_:]/.test(c)) {
      while (i < end && /[a-zA-Z0-9_:]/.test(text[i])) i++;
      tokens.push({ type: 'word', text: text.slice(start, i), start, end: i });
    } else if (c === '(' || c === ')' || c === ',') {
      i++;
      tokens.push({ type: c, text: c, start, end: i });
    } else {
      const two = text.slice(i, i + 2);
      const op = ['==', '!=', '<=', '>=', '=~', '!~'].includes(two) ? two : c;
      i += op.length;
      tokens.push({ type: 'op', text: op, start, end: i });
    }
  }
  return tokens;
}

class GiveUp extends Error {}

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  parse(): PromNode | undefined {
    try {
      const node = this.expression(0, 0);
      return this.position === this.tokens.length ? node : undefined;
    } catch (error) {
      if (error instanceof GiveUp) return undefined;
      throw error;
    }
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  private take(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new GiveUp();
    return token;
  }

  private expect(type: Token['type']): Token {
    const token = this.take();
    if (token.type !== type) throw new GiveUp();
    return token;
  }

  private labelList(): string[] {
    this.expect('(');
    const labels: string[] = [];
    while (this.peek()?.type !== ')') {
      const token = this.take();
      if (token.type === 'word') labels.push(token.text);
      else if (token.type !== ',' && token.type !== 'string') throw new GiveUp();
    }
    this.take();
    return labels;
  }

  private binaryOperator(): string | undefined {
    const token = this.peek();
    if (!token) return undefined;
    const text = token.type === 'word' ? token.text.toLowerCase() : token.type === 'op' ? token.text : '';
    return Object.hasOwn(PRECEDENCE, text) ? text : undefined;
  }

  private expression(minPrecedence: number, depth: number): PromNode {
    if (depth > MAX_DEPTH) throw new GiveUp();
    let lhs = this.unary(depth + 1);
    for (let op = this.binaryOperator(); op && PRECEDENCE[op] >= minPrecedence; op = this.binaryOperator()) {
      this.take();
      let matching = false;
      for (let word = this.peek(); word?.type === 'word'; word = this.peek()) {
        const modifier = word.text.toLowerCase();
        if (modifier === 'bool') this.take();
        else if (['on', 'ignoring', 'group_left', 'group_right'].includes(modifier)) {
          this.take();
          matching = true;
          if (this.peek()?.type === '(') this.labelList();
        } else break;
      }
      // `^` is right-associative; everything else binds to the left.
      const rhs = this.expression(op === '^' ? PRECEDENCE[op] : PRECEDENCE[op] + 1, depth + 1);
      lhs = { kind: 'binary', op, matching, lhs, rhs, start: lhs.start, end: rhs.end };
    }
    return lhs;
  }

  private unary(depth: number): PromNode {
    if (depth > MAX_DEPTH) throw new GiveUp();
    const token = this.peek();
    if (token?.type === 'op' && (token.text === '-' || token.text === '+')) {
      this.take();
      return this.unary(depth + 1);
    }
    return this.postfix(this.primary(depth), depth);
  }

  /**
   * Ranges, subqueries, `offset` and `@` modifiers do not change the labels. A selector keeps
   * where its range is written (`x[5m]`), for the rules that judge the window; a subquery's
   * (`x[5m:1m]`, `rate(x[5m])[1h:]`) is read and dropped.
   */
  private postfix(node: PromNode, depth: number): PromNode {
    for (;;) {
      const token = this.peek();
      if (token?.type === 'range') {
        this.take();
        if (node.kind === 'selector' && !node.range && !this.text.slice(token.start, token.end).includes(':')) node = { ...node, range: { start: token.start, end: token.end } };
      } else if (token?.type === 'word' && token.text.toLowerCase() === 'offset') {
        this.take();
        if (this.peek()?.type === 'op') this.take();
        this.take();
      } else if (token?.type === 'op' && token.text === '@') {
        this.take();
        this.primary(depth + 1);
      } else return node;
    }
  }

  private primary(depth: number): PromNode {
    if (depth > MAX_DEPTH) throw new GiveUp();
    const token = this.take();
    if (token.type === 'number') return { kind: 'number', start: token.start, end: token.end };
    if (token.type === 'string') return { kind: 'number', start: token.start, end: token.end };
    if (token.type === '(') {
      const inner = this.expression(0, depth + 1);
      this.expect(')');
      return inner;
    }
    if (token.type === 'matchers') return { kind: 'selector', metric: '', matchers: token.matchers!, start: token.start, end: token.end };
    if (token.type !== 'word') throw new GiveUp();
    const name = token.text;
    const lower = name.toLowerCase();
    if (AGGREGATES.has(lower) && (this.peek()?.type === '(' || ['by', 'without'].includes(this.peek()?.text.toLowerCase() ?? ''))) {
      return this.aggregate(lower, token.start, depth);
    }
    if (this.peek()?.type === '(') {
      const args = this.args(depth);
      return { kind: 'call', name: lower, args, start: token.start, end: this.tokens[this.position - 1].end };
    }
    if (lower === 'inf' || lower === 'nan') return { kind: 'number', start: token.start, end: token.end };
    const matchers = this.peek()?.type === 'matchers' ? this.take().matchers! : new Map<string, string>();
    return { kind: 'selector', metric: name, matchers, start: token.start, end: this.tokens[this.position - 1].end };
  }

  private args(depth: number): PromNode[] {
    this.expect('(');
    const args: PromNode[] = [];
    while (this.peek()?.type !== ')') {
      args.push(this.expression(0, depth + 1));
      if (this.peek()?.type === ',') this.take();
      else if (this.peek()?.type !== ')') throw new GiveUp();
    }
    this.take();
    return args;
  }

  private aggregate(op: string, start: number, depth: number): PromNode {
    let by: string[] | undefined;
    let without: string[] | undefined;
    const clause = () => {
      const word = this.peek()?.type === 'word' ? this.peek()!.text.toLowerCase() : '';
      if (word === 'by' || word === 'without') {
        this.take();
        const labels = this.labelList();
        if (word === 'by') by = labels;
        else without = labels;
      }
    };
    clause();
    const args = this.args(depth);
    clause();
    return { kind: 'aggregate', op, by, without, args, start, end: this.tokens[this.position - 1].end };
  }
}

/** Parses a PromQL expression found in `text[from, end)`; undefined when it is not one this reader knows. */
export function parsePromQL(text: string, from = 0, end = text.length): PromNode | undefined {
  return new Parser(lex(text, from, end), text).parse();
}

/** Every binary operation in the tree, outermost first. */
export function binaryNodes(node: PromNode | undefined): Extract<PromNode, { kind: 'binary' }>[] {
  const result: Extract<PromNode, { kind: 'binary' }>[] = [];
  const stack: PromNode[] = node ? [node] : [];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.kind === 'binary') {
      result.push(current);
      stack.push(current.rhs, current.lhs);
    } else if (current.kind === 'call' || current.kind === 'aggregate') stack.push(...[...current.args].reverse());
  }
  return result;
}

/**
 * What a node's series are known to carry: no labels at all (a scalar), exactly a set of labels
 * (after `sum by (...)`), the labels of a scraped series of one metric (unknown, but at least
 * `job` and `instance` and whatever its matchers test), or unknown.
 */
export type LabelShape =
  | { readonly kind: 'scalar' }
  | { readonly kind: 'exact'; readonly labels: ReadonlySet<string> }
  | { readonly kind: 'series'; readonly metric: string; readonly matchers: Matchers }
  | { readonly kind: 'unknown' };

const UNKNOWN: LabelShape = { kind: 'unknown' };
/** Functions whose result keeps the labels of their (first vector) argument. */
const KEEPS_LABELS =
  /^(rate|irate|increase|delta|idelta|deriv|abs|ceil|floor|round|exp|ln|log2|log10|sqrt|sgn|clamp|clamp_min|clamp_max|resets|changes|predict_linear|\w+_over_time)$/;
const SCALAR_FUNCTIONS = new Set(['scalar', 'time', 'pi', 'hour', 'minute', 'day_of_month', 'day_of_week', 'day_of_year', 'days_in_month', 'month', 'year']);

const shapes = new WeakMap<PromNode, LabelShape>();

/** Memoised, and cut at MAX_DEPTH, so asking for every binary node of a long chain stays linear. */
export function labelShape(node: PromNode, depth = 0): LabelShape {
  if (depth > MAX_DEPTH) return UNKNOWN;
  let shape = shapes.get(node);
  if (!shape) {
    shape = computeShape(node, depth);
    shapes.set(node, shape);
  }
  return shape;
}

function computeShape(node: PromNode, depth: number): LabelShape {
  switch (node.kind) {
    case 'number':
      return { kind: 'scalar' };
    case 'selector':
      return node.metric ? { kind: 'series', metric: node.metric, matchers: node.matchers } : UNKNOWN;
    case 'call': {
      if (SCALAR_FUNCTIONS.has(node.name) && (node.args.length === 0 || node.name === 'scalar')) return { kind: 'scalar' };
      if (node.name === 'vector') return { kind: 'exact', labels: new Set() };
      if (!KEEPS_LABELS.test(node.name) || node.name === 'count_values') return UNKNOWN;
      const vector = node.args.find((arg) => arg.kind !== 'number');
      return vector ? labelShape(vector, depth + 1) : UNKNOWN;
    }
    case 'aggregate': {
      if (['topk', 'bottomk', 'limitk', 'limit_ratio', 'count_values'].includes(node.op)) return UNKNOWN;
      if (node.by) return { kind: 'exact', labels: new Set(node.by) };
      if (node.without) {
        const inner = labelShape(node.args[node.args.length - 1], depth + 1);
        return inner.kind === 'exact' ? { kind: 'exact', labels: new Set([...inner.labels].filter((l) => !node.without!.includes(l))) } : UNKNOWN;
      }
      return { kind: 'exact', labels: new Set() };
    }
    case 'binary': {
      if (node.matching) return UNKNOWN;
      const lhs = labelShape(node.lhs, depth + 1);
      const rhs = labelShape(node.rhs, depth + 1);
      if (lhs.kind === 'scalar') return rhs;
      if (rhs.kind === 'scalar' || node.op === 'and' || node.op === 'unless') return lhs;
      return node.op === 'or' ? UNKNOWN : lhs;
    }
  }
}

/** Every node of the tree, outermost first, without recursion. */
export function allNodes(node: PromNode | undefined): PromNode[] {
  const result: PromNode[] = [];
  const stack: PromNode[] = node ? [node] : [];
  while (stack.length > 0) {
    const current = stack.pop()!;
    result.push(current);
    if (current.kind === 'binary') stack.push(current.rhs, current.lhs);
    else if (current.kind === 'call' || current.kind === 'aggregate') stack.push(...[...current.args].reverse());
  }
  return result;
}
