import type { Node } from 'web-tree-sitter';
import { PythonModel, type StatementSpan } from '../../python/model';
import { l, pythonRule } from '../../rule';
import type { Range } from '../../types';

/** `exec()`, `globals()`, `locals()` and star imports: names this reading cannot see. */
const BINDS_UNSEEN = /(?<![.\w])(exec|globals|locals)\s*\(|^\s*from\s+\S+\s+import\s+\*/m;
/**
 * What every `BINDS_UNSEEN` match holds within one line, for `linesMatch`: where its `\s` runs
 * across a line break, the line before it ends in blanks (`[^\S\n]*$`).
 */
const BINDS_UNSEEN_HINT = /(?<![.\w])(?:exec|globals|locals)[^\S\n]*(?:\(|$)|import(?:[^\S\n]+\*|[^\S\n]*$)/m;

export default pythonRule({
  id: 'possibly-unbound-variable',
  language: 'python',
  category: 'error-handling',
  severity: 'warning',
  anchors: ['E0606', 'reportPossiblyUnbound'],
  messages: {
    branch: l(
      "'{name}'은 위의 일부 경로(else 없는 if, 계속 진행하는 except)에서만 값이 정해집니다 — 다른 경로로 오면 이 줄이 UnboundLocalError/NameError로 멈추고, 실제 원인 대신 엉뚱한 오류가 남습니다",
      "'{name}' is assigned only on some paths above (an if with no else, an except that carries on) — on the other path this line fails with UnboundLocalError/NameError, which hides the real cause",
    ),
  },
  docs: {
    summary: l(
      'else 없는 if·elif, 또는 except가 return·raise 없이 계속 진행하는 try 안에서만 대입되는 이름을, 그 뒤(또는 except·finally 안)에서 읽는 곳을 찾습니다 (pylint E0606, pyright reportPossiblyUnbound). 같은 조건으로 다시 감싼 사용은 건너뜁니다.',
      'Flags a name that is assigned only inside an if/elif with no else, or inside a try whose except carries on without return or raise, and then read after it (or in that except or finally) (pylint E0606, pyright reportPossiblyUnbound). Uses wrapped in a later if are left alone.',
    ),
    why: l(
      '처리하지 않은 경로(GET 요청, 알 수 없는 task 값, 연결 실패)로 오면 서비스는 의미 없는 UnboundLocalError로 500을 내고, 로그에는 진짜 원인(잘못된 입력, 끊긴 연결) 대신 이 오류만 남습니다.',
      'When the unhandled path happens (a GET, an unknown task value, a failed connection), the service dies with a meaningless UnboundLocalError (a 500), and the log shows that instead of the real cause: the bad input or the lost connection.',
    ),
    bad: "from flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n@app.route('/predict', methods=['GET', 'POST'])\ndef predict():\n    if request.method == 'POST':\n        label = request.json['label']\n    return jsonify(label=label)\n",
    good: "from flask import Flask, abort, jsonify, request\n\napp = Flask(__name__)\n\n@app.route('/predict', methods=['GET', 'POST'])\ndef predict():\n    if request.method != 'POST':\n        # TODO: 이 경로에는 어떤 상태 코드가 맞을까요?\n        abort(405)\n    label = request.json['label']\n    return jsonify(label=label)\n",
  },
  weeks: ['beginner/5', 'beginner/6'],
  questions: [
    l(
      "'{name}'이 대입되지 않는 경로는 어떤 입력이나 상황에서 생기나요? 그때 이 함수는 무엇을 해야 할까요?",
      "Which input or situation takes the path where '{name}' is never assigned? What should this function do then?",
    ),
    l(
      '그 경로에서 UnboundLocalError가 나면 클라이언트와 운영자는 각각 무엇을 보게 되나요?',
      'If that path raises UnboundLocalError, what do the client and the operator each see?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 모든 경로에서 값이 정해지게 하기\n# 고려사항:\n# - 처리하지 않는 경우(else)는 거절(raise, 4xx)해야 하나요, 기본값이 있나요?\n# - except가 계속 진행한다면, 그 뒤 코드는 무엇을 써야 하나요?\n# TODO: 빠진 경로에 return/raise 또는 기본값 추가\n',
    en: '# TODO: give the name a value on every path\n# Consider:\n# - should the unhandled case (the else) be refused (raise, a 4xx), or is there a default?\n# - if the except carries on, what should the code after it use?\n# TODO: add a return/raise or a default on the missing path\n',
  },
  check(context) {
    const { model } = context;
    // exec(), globals() and star imports bind names this reading cannot see.
    if (model.linesMatch(BINDS_UNSEEN_HINT) && BINDS_UNSEEN.test(model.source)) return;
    const lines = new Set<number>();
    const report = (name: string, range: Range) => {
      if (lines.has(range.start.line)) return;
      lines.add(range.start.line);
      context.report({ range, messageId: 'branch', data: { name } });
    };
    // The functions of each top-level statement, read once and kept across re-lints: an edit
    // inside a function's body re-reads that statement only (positions relative to its start).
    const parts = model.perStatement('possibly-unbound-variable', (statement) => functionReads(statement, model.source, model.functions));
    parts.forEach((part, i) => {
      for (const { name, at } of part) report(name, model.rangeOfSpan(i, at));
    });
    // The module's own code: one read per name (its first) and per line, after the functions' reads.
    const emit = (name: string, node: Node) => context.report({ node, messageId: 'branch', data: { name } });
    // Only an `if` or a `try` makes a name possibly unbound, at the top level or in a loop's or a
    // `with`'s body there: a module whose statements start with none of their keywords is not walked.
    const source = model.source;
    const compound = model.statements.some((statement) => {
      COMPOUND_START.lastIndex = statement.startIndex;
      return COMPOUND_START.test(source);
    });
    if (compound) moduleWalk(model, firstReads(lines, emit));
  },
});

/** The keywords a top-level statement starts with when it can leave a name possibly unbound (`async for`, `async with`). */
const COMPOUND_START = /(?:if|try|for|while|with|async)\b/y;

/**
 * What a top-level statement does to the module's flow when that does not depend on the flow
 * before it: a definition binds its name (`def`, `class`, decorated or not), and a simple
 * statement binds its targets and may stop the module (`sys.exit()`), after `uses` has read it.
 * Undefined for the compound statements, which `step` walks. Read once per statement and kept
 * across re-lints (`perStatement`): a module of a hundred functions was otherwise re-read
 * definition by definition after every edit, for the names alone.
 */
type ModuleStep = { readonly name: string | undefined } | { readonly binds: readonly string[]; readonly stops: boolean } | undefined;

const COMPOUND = new Set([
  'if_statement',
  'try_statement',
  'for_statement',
  'while_statement',
  'with_statement',
  'match_statement',
  'global_statement',
  'nonlocal_statement',
  'return_statement',
  'raise_statement',
  'break_statement',
  'continue_statement',
]);

function moduleStep(node: Node): ModuleStep {
  const type = node.type;
  if (type === 'function_definition' || type === 'class_definition') return { name: node.childForFieldName('name')?.text };
  if (type === 'decorated_definition') return { name: node.childForFieldName('definition')?.childForFieldName('name')?.text };
  if (COMPOUND.has(type)) return undefined;
  // As `step`'s default case: the names the statement binds, and whether the code goes on after it.
  const flow = fresh();
  bindStatement(node, flow);
  const call = type === 'expression_statement' ? node.namedChildren[0] : null;
  return { binds: [...flow.definite], stops: call?.type === 'call' && STOPS.test(call.childForFieldName('function')?.text ?? '') };
}

/**
 * The module's own code, as `block` over its statements would walk it (the module's unnamed
 * children, a stray `;`, change nothing there), with each statement's `moduleStep` kept.
 */
function moduleWalk(model: PythonModel, walk: Walk): void {
  const steps = model.perStatement('possibly-unbound-variable module', moduleStep);
  const statements = model.statements;
  const flow = fresh();
  const hushed = new Set<string>();
  for (let i = 0; i < statements.length; i++) {
    const known = steps[i];
    if (known === undefined) {
      if (step(statements[i], flow, walk, hushed)) return;
    } else if ('name' in known) {
      if (known.name !== undefined) bind(flow, known.name);
    } else {
      uses(statements[i], flow, walk, hushed);
      for (const name of known.binds) bind(flow, name);
      if (known.stops) return;
    }
  }
}

/** A walk that reports each name's first read in its scope, one finding per line (`lines` is shared with the caller). */
function firstReads(lines: Set<number>, emit: (name: string, node: Node) => void): Walk {
  const names = new Set<string>();
  return {
    excluded: new Set(),
    report(name, node) {
      if (names.has(name) || lines.has(node.startPosition.row)) return;
      names.add(name);
      lines.add(node.startPosition.row);
      emit(name, node);
    },
  };
}

/**
 * The possibly unbound reads in the functions of one top-level statement, in document order: the
 * name and `[row, column, endRow, endColumn]` relative to the statement's first row. One per name
 * and function, and one per line.
 */
function functionReads(statement: Node, source: string, definitions: readonly Node[]): { name: string; at: StatementSpan }[] {
  const found: { name: string; at: StatementSpan }[] = [];
  // A text test first: a function's keyword is in its statement's text, and so is the `if` or
  // `try` its body needs to be walked; most statements hold no such function and stay in WASM.
  const start = statement.startIndex;
  const end = statement.endIndex;
  const text = source.slice(start, end);
  if (!/\bdef\b/.test(text) || !/\b(if|try)\b/.test(text)) return found;
  // The functions of the statement (itself included when it is one), in document order: the
  // model's list of the file's functions, from the first starting in the statement's span.
  let low = 0;
  for (let high = definitions.length; low < high;) {
    const middle = (low + high) >>> 1;
    if (definitions[middle].startIndex < start) low = middle + 1;
    else high = middle;
  }
  const functions: Node[] = [];
  for (let i = low; i < definitions.length && definitions[i].startIndex < end; i++) functions.push(definitions[i]);
  if (functions.length === 0) return found;
  const lines = new Set<number>();
  for (const fn of functions) {
    const body = fn?.childForFieldName('body');
    if (!fn || !body || !/\b(if|try)\b/.test(source.slice(body.startIndex, body.endIndex))) continue;
    const flow = fresh();
    for (const name of parameterNames(fn.childForFieldName('parameters'))) flow.definite.add(name);
    const walk = firstReads(lines, (name, node) => found.push({ name, at: PythonModel.spanIn(statement, node) }));
    block(body, flow, walk, new Set());
  }
  return found;
}

/** Names surely bound at a point of the code, and names bound on some paths to it only. */
interface Flow {
  definite: Set<string>;
  maybe: Set<string>;
}

interface Walk {
  /** `global`/`nonlocal` names and names imported inside a try (an optional dependency): never reported. */
  readonly excluded: Set<string>;
  report(name: string, node: Node): void;
}

const fresh = (): Flow => ({ definite: new Set(), maybe: new Set() });
const copy = (flow: Flow): Flow => ({ definite: new Set(flow.definite), maybe: new Set(flow.maybe) });

/** Calls after which the code does not go on. */
const STOPS = /^(sys\.exit|exit|quit|os\._exit|abort|flask\.abort|st\.stop|pytest\.(fail|skip))$/;

/** Walks a block's statements; true when it never reaches its end (return, raise, break ...). */
function block(node: Node, flow: Flow, walk: Walk, hushed: Set<string>): boolean {
  for (const statement of node.namedChildren) if (statement && step(statement, flow, walk, hushed)) return true;
  return false;
}

function step(node: Node, flow: Flow, walk: Walk, hushed: Set<string>): boolean {
  switch (node.type) {
    case 'if_statement':
      return ifStatement(node, flow, walk, hushed);
    case 'try_statement':
      return tryStatement(node, flow, walk, hushed);
    case 'for_statement':
    case 'while_statement': {
      uses(node.childForFieldName(node.type === 'for_statement' ? 'right' : 'condition'), flow, walk, hushed);
      const inner = copy(flow);
      for (const name of targets(node.childForFieldName('left'))) bind(inner, name);
      const body = node.childForFieldName('body');
      if (body) block(body, inner, walk, union(hushed, flow.maybe));
      // A loop body is read as having run to its exit, a `break` included: what it assigns anywhere
      // is bound after it (the zero-iteration path is left to other tools).
      for (const name of inner.definite) bind(flow, name);
      for (const name of inner.maybe) bind(flow, name);
      if (body) for (const name of assignedIn(body)) bind(flow, name);
      const alternative = node.childForFieldName('alternative');
      return alternative ? block(alternative.childForFieldName('body') ?? alternative, flow, walk, hushed) : false;
    }
    case 'with_statement': {
      for (const child of node.namedChildren) {
        if (child?.type !== 'with_clause') continue;
        uses(child, flow, walk, hushed);
        for (const target of child.descendantsOfType('as_pattern_target')) for (const name of targets(target?.namedChildren[0] ?? null)) bind(flow, name);
      }
      const body = node.childForFieldName('body');
      return body ? block(body, flow, walk, hushed) : false;
    }
    case 'function_definition':
    case 'class_definition':
      bindName(flow, node);
      return false;
    case 'decorated_definition': {
      const definition = node.childForFieldName('definition');
      if (definition) bindName(flow, definition);
      return false;
    }
    case 'match_statement':
      // Read as exhaustive: each case binds its own names.
      for (const name of node.descendantsOfType('identifier')) if (name && assignedTarget(name, node)) bind(flow, name.text);
      return false;
    case 'global_statement':
    case 'nonlocal_statement':
      for (const name of node.namedChildren) if (name?.type === 'identifier') walk.excluded.add(name.text);
      return false;
    case 'return_statement':
    case 'raise_statement':
      uses(node, flow, walk, hushed);
      return true;
    case 'break_statement':
    case 'continue_statement':
      return true;
    default: {
      uses(node, flow, walk, hushed);
      bindStatement(node, flow);
      const call = node.type === 'expression_statement' ? node.namedChildren[0] : null;
      return call?.type === 'call' && STOPS.test(call.childForFieldName('function')?.text ?? '');
    }
  }
}

function ifStatement(node: Node, flow: Flow, walk: Walk, hushed: Set<string>): boolean {
  uses(node.childForFieldName('condition'), flow, walk, hushed);
  const inner = union(hushed, flow.maybe);
  const open: Flow[] = [];
  let hasElse = false;
  const consequence = node.childForFieldName('consequence');
  const first = copy(flow);
  if (!consequence || !block(consequence, first, walk, inner)) open.push(first);
  for (const clause of node.namedChildren) {
    if (clause?.type === 'elif_clause') {
      uses(clause.childForFieldName('condition'), flow, walk, inner);
      const branch = copy(flow);
      const body = clause.childForFieldName('consequence');
      if (!body || !block(body, branch, walk, inner)) open.push(branch);
    } else if (clause?.type === 'else_clause') {
      hasElse = true;
      const branch = copy(flow);
      const body = clause.childForFieldName('body');
      if (!body || !block(body, branch, walk, inner)) open.push(branch);
    }
  }
  if (!hasElse && !coversEveryChoice(node)) open.push(copy(flow));
  return merge(flow, open);
}

/**
 * An if/elif chain that compares one name with each value its command-line option allows
 * (`type=click.Choice(["local", "s3"])`, argparse `choices=[...]`) has no other path: the parser
 * refuses any other value before the code runs.
 */
function coversEveryChoice(node: Node): boolean {
  const tested: string[] = [];
  let subject: string | undefined;
  const compares = (condition: Node | null) => {
    const match = condition ? /^([\w.]+)\s*==\s*(['"])([^'"]*)\2$/.exec(condition.text) : null;
    if (!match || (subject !== undefined && subject !== match[1])) return false;
    subject = match[1];
    tested.push(match[3]);
    return true;
  };
  // The `if`'s own condition first: most are no such comparison, and their clauses stay in WASM.
  if (!compares(node.childForFieldName('condition'))) return false;
  for (const clause of node.namedChildren) if (clause?.type === 'elif_clause' && !compares(clause.childForFieldName('condition'))) return false;
  if (subject === undefined) return false;
  const allowed = declaredChoices(node, subject);
  return allowed !== undefined && allowed.length > 0 && allowed.every((value) => tested.includes(value));
}

/** The values an option's parser allows for `name` (a click parameter, or `args.name` of argparse), if it lists them. */
function declaredChoices(node: Node, subject: string): string[] | undefined {
  const name = subject.slice(subject.lastIndexOf('.') + 1);
  let top = node;
  while (top.parent) top = top.parent;
  const dashed = name.replace(/_/g, '[-_]');
  const option = new RegExp(
    `(?:click\\.(?:option|argument)|add_argument)\\(\\s*(?:['"]-[\\w-]+['"]\\s*,\\s*)?['"](?:--)?${dashed}['"][^)]*?(?:click\\.Choice\\(\\s*|choices\\s*=\\s*)[\\[(]([^\\])]*)[\\])]`,
  );
  const found = option.exec(top.text);
  if (!found) return undefined;
  const values = [...found[1].matchAll(/(['"])([^'"]*)\1/g)].map((m) => m[2]);
  return values.length ? values : undefined;
}

/** `except httpx.HTTPStatusError:`, `except (requests.HTTPError, HTTPStatusError) as e:`: only the errors `raise_for_status()` raises. */
function catchesOnlyStatusErrors(clause: Node, handler: Node | null | undefined): boolean {
  const caught = clause.text
    .slice(0, (handler?.startIndex ?? clause.endIndex) - clause.startIndex)
    .replace(/^except\*?\s*/, '')
    .replace(/\s+as\s+\w+\s*:?\s*$|\s*:\s*$/, '')
    .replace(/^\(|\)$/g, '');
  const types = caught
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return types.length > 0 && types.every((t) => /(^|\.)HTTP(Status)?Error$/.test(t));
}

function tryStatement(node: Node, flow: Flow, walk: Walk, hushed: Set<string>): boolean {
  const before = copy(flow);
  const body = node.childForFieldName('body');
  const done = copy(flow);
  const imports = new Set<string>();
  if (body) for (const statement of body.namedChildren) if (statement?.type.startsWith('import')) for (const name of importNames(statement)) imports.add(name);
  for (const name of imports) walk.excluded.add(name);
  let stopped = body ? block(body, done, walk, hushed) : false;
  // In a handler or the finally, anything the body binds may not have happened.
  const attempted = copy(before);
  for (const name of [...done.definite, ...done.maybe]) if (!before.definite.has(name)) attempted.maybe.add(name);
  const open: Flow[] = [];
  let finalClause: Node | undefined;
  for (const clause of node.namedChildren) {
    if (clause?.type === 'except_clause' || clause?.type === 'except_group_clause') {
      const branch = copy(attempted);
      const handler = clause.namedChildren.find((c) => c?.type === 'block');
      for (const child of clause.namedChildren) if (child && child.type !== 'block') uses(child, branch, walk, hushed);
      const alias = /\bas\s+([A-Za-z_]\w*)\s*:/.exec(clause.text.slice(0, (handler?.startIndex ?? clause.endIndex) - clause.startIndex + 1));
      if (alias) bind(branch, alias[1]);
      // `except HTTPStatusError:` (httpx) or `HTTPError` (requests) is raised by `response.raise_for_status()`,
      // which runs only once `response` holds the answer: in that handler the response is bound.
      if (body && catchesOnlyStatusErrors(clause, handler)) for (const match of body.text.matchAll(/\b([A-Za-z_]\w*)\.raise_for_status\(\)/g)) bind(branch, match[1]);
      if (!handler || !block(handler, branch, walk, hushed)) open.push(branch);
      for (const name of [...branch.definite, ...branch.maybe]) if (!before.definite.has(name)) attempted.maybe.add(name);
    } else if (clause?.type === 'else_clause' && !stopped) {
      const elseBody = clause.childForFieldName('body');
      if (elseBody) stopped = block(elseBody, done, walk, hushed);
    } else if (clause?.type === 'finally_clause') finalClause = clause;
  }
  if (!stopped) open.push(done);
  if (finalClause) {
    const final = copy(attempted);
    const finalBody = finalClause.namedChildren.find((c) => c?.type === 'block');
    if (finalBody && block(finalBody, final, walk, hushed)) return true;
    for (const branch of open) for (const name of final.definite) if (!before.definite.has(name)) bind(branch, name);
  }
  return merge(flow, open);
}

/** The flow after branches that reach the end; true when none does. */
function merge(flow: Flow, open: Flow[]): boolean {
  if (open.length === 0) return true;
  const definite = new Set([...open[0].definite].filter((name) => open.every((branch) => branch.definite.has(name))));
  const maybe = new Set<string>();
  for (const branch of open) for (const name of [...branch.definite, ...branch.maybe]) if (!definite.has(name)) maybe.add(name);
  flow.definite = definite;
  flow.maybe = maybe;
  return false;
}

function union(a: Set<string>, b: Set<string>): Set<string> {
  return b.size === 0 ? a : new Set([...a, ...b]);
}

function bind(flow: Flow, name: string): void {
  flow.definite.add(name);
  flow.maybe.delete(name);
}

function bindName(flow: Flow, definition: Node): void {
  const name = definition.childForFieldName('name');
  if (name) bind(flow, name.text);
}

/** Names a simple statement binds: assignment targets, walrus names, imports. */
function bindStatement(node: Node, flow: Flow): void {
  if (node.type === 'import_statement' || node.type === 'import_from_statement') {
    for (const name of importNames(node)) bind(flow, name);
    return;
  }
  for (let n: Node | null = node.type === 'expression_statement' ? node.namedChildren[0] : null; n;) {
    if (n.type === 'augmented_assignment') {
      for (const name of targets(n.childForFieldName('left'))) bind(flow, name);
      break;
    }
    if (n.type !== 'assignment') break;
    const right = n.childForFieldName('right');
    // `x: int` with no value binds nothing.
    if (right) for (const name of targets(n.childForFieldName('left'))) bind(flow, name);
    n = right;
  }
  if (node.text.includes(':=')) for (const walrus of node.descendantsOfType('named_expression')) if (walrus) bind(flow, walrus.childForFieldName('name')?.text ?? '');
}

function importNames(node: Node): string[] {
  const names: string[] = [];
  const module = node.type === 'import_from_statement' ? node.childForFieldName('module_name')?.id : undefined;
  for (const child of node.namedChildren) {
    if (!child || (module !== undefined && child.id === module)) continue;
    if (child.type === 'aliased_import') names.push(child.childForFieldName('alias')?.text ?? '');
    else if (child.type === 'dotted_name') names.push(child.text.split('.')[0]);
  }
  return names.filter(Boolean);
}

/** Names assigned anywhere in a block, nested functions and classes aside. */
function assignedIn(body: Node): string[] {
  const names: string[] = [];
  for (const node of body.descendantsOfType(['assignment', 'augmented_assignment', 'for_statement', 'named_expression'])) {
    if (!node) continue;
    let nested = false;
    for (let n = node.parent; n && n.id !== body.id; n = n.parent) if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') nested = true;
    if (!nested) names.push(...targets(node.childForFieldName(node.type === 'named_expression' ? 'name' : 'left')));
  }
  return names;
}

/** The names of a function's parameters (`x`, `x: int`, `x=1`, `*args`, `**kwargs`). */
function parameterNames(parameters: Node | null): string[] {
  const names: string[] = [];
  for (const parameter of parameters?.namedChildren ?? []) {
    if (!parameter) continue;
    if (parameter.type === 'identifier') names.push(parameter.text);
    else {
      const name = parameter.childForFieldName('name') ?? parameter.namedChildren.find((c) => c?.type === 'identifier');
      if (name?.type === 'identifier') names.push(name.text);
    }
  }
  return names;
}

/** Identifier names an assignment target binds (`a, (b, *c) = ...`); attributes and subscripts bind none. */
function targets(node: Node | null): string[] {
  if (!node) return [];
  if (node.type === 'identifier') return [node.text];
  if (/^(pattern_list|tuple_pattern|list_pattern|tuple|list|list_splat_pattern|list_splat|parenthesized_expression)$/.test(node.type)) {
    return node.namedChildren.flatMap((child) => targets(child));
  }
  return [];
}

/** Reports the first read of a possibly unbound name in the node (not in nested functions or comprehensions). */
function uses(node: Node | null, flow: Flow, walk: Walk, hushed: Set<string>): void {
  if (!node || flow.maybe.size === 0) return;
  // A text test first: a name the node reads is in its text. Most statements read none of the
  // possibly unbound names, and their identifiers are then never brought out of WASM.
  let text: string | undefined;
  let candidate = false;
  for (const name of flow.maybe) {
    if (flow.definite.has(name) || hushed.has(name) || walk.excluded.has(name)) continue;
    text ??= node.text;
    if (text.includes(name)) {
      candidate = true;
      break;
    }
  }
  if (!candidate) return;
  for (const name of node.descendantsOfType('identifier')) {
    if (!name) continue;
    const text = name.text;
    if (!flow.maybe.has(text) || flow.definite.has(text) || hushed.has(text) || walk.excluded.has(text)) continue;
    if (!isRead(name, node)) continue;
    walk.report(text, name);
    return;
  }
}

const NOT_HERE =
  /^(lambda|function_definition|class_definition|list_comprehension|set_comprehension|dictionary_comprehension|generator_expression|parameters|lambda_parameters|import_statement|import_from_statement|global_statement|nonlocal_statement|as_pattern_target)$/;

/** An identifier that is read: not an attribute name, a keyword, a target, or inside deferred code. */
function isRead(name: Node, stop: Node): boolean {
  if (assignedTarget(name, stop)) return false;
  let child = name;
  for (let n = name.parent; n; child = n, n = n.parent) {
    if (NOT_HERE.test(n.type)) return false;
    if (n.type === 'attribute' && n.childForFieldName('attribute')?.id === child.id) return false;
    if (n.type === 'keyword_argument' && n.childForFieldName('name')?.id === child.id) return false;
    if (n.id === stop.id) break;
  }
  return true;
}

/** The identifier is (part of) the target of an assignment, a for, a walrus or a case pattern. */
function assignedTarget(name: Node, stop: Node): boolean {
  let child = name;
  for (let n = name.parent; n; child = n, n = n.parent) {
    if ((n.type === 'assignment' || n.type === 'for_statement' || n.type === 'for_in_clause') && n.childForFieldName('left')?.id === child.id) return true;
    if (n.type === 'named_expression' && n.childForFieldName('name')?.id === child.id) return true;
    if (n.type === 'case_pattern') return true;
    if (n.id === stop.id) break;
  }
  return false;
}
