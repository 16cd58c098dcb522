import type { Node } from 'web-tree-sitter';
import { keywordArgument, positionalArguments, type PythonModel } from '../../python/model';
import { interpolatedName } from '../../python/nodes';
import { l, pythonRule } from '../../rule';

const SQL_SINK = /\.(execute|executemany|executescript|raw)$|^pandas\.(read_sql|read_sql_query)$|^sqlalchemy(\.sql)?\.text$/;
/**
 * The project's own wrappers of a driver, by what their name says they do (`execute_sql(query)`,
 * `run_query(sql)`, `db.execute_query(...)`): a string that reads as SQL, built from values, handed
 * to one reaches the driver just the same.
 */
const SQL_HELPER = /(^|[._])(execute|exec|run)_?(sql|query)$|(^|[._])(sql|query)_?(execute|exec|run)$/i;
/**
 * Any other call handed a statement built from values (`database.write(query=f"UPDATE ...")`, a
 * project's own `Database.write` that runs it): Bandit's B608 flags the built statement wherever it
 * goes, since whatever the helper is named it ends in a driver. Output is not a sink: print, logging,
 * Streamlit's display calls, helpers named for formatting or showing (`format_query`, `show_sql`).
 */
const ANY_CALL =
  /^(?!print$|logging\.|st\.|streamlit\.)(?!.*\b(log|logger|LOGGER|_logger|LOG)\.\w+$)(?!(?:.*\.)?\w*(format|pretty|print|display|show|render|highlight|echo|log)\w*$)[\w.]+$/i;
/** A name that holds a statement: one hop back to its assignment is followed for these only on calls that are not SQL sinks. */
const STATEMENT_NAME = /sql|query|stmt|statement/i;
/** Away from a sink, prose can read as SQL ("select a model from the list"): written in capitals, or with a clause only SQL has. */
const SQL_CLAUSE = /\b(where|values|limit|order\s+by|group\s+by|join)\b|^\s*select\s+\*/i;
const SQL_CAPITALS = /^\s*(SELECT|INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|WITH)\b/;
/**
 * What every file the rule can report in has: a string whose text (an interpolation or escape may
 * come first) begins with a statement's first word. Most files have none, and the rule, which
 * re-runs on the whole file after every edit, then costs a regular expression over the source.
 */
const MAYBE_SQL = /(["'}]|\\\w)\s*(select|insert|update|delete|drop|create|alter|with)\b/i;
const LOOKS_LIKE_SQL = /^\s*(select\s[\s\S]*\sfrom|insert\s+into|update\s+\w+\s+set|delete\s+from|drop\s+table|create\s+table|alter\s+table|with\s+\w+\s+as)\b/i;

export default pythonRule({
  id: 'sql-built-from-strings',
  language: 'python',
  // Not local: a parameter is judged by every call of its function in the file (`fixedByCallers`),
  // so an edit in another function can bring or withdraw a finding here.
  category: 'security',
  severity: 'error',
  anchors: ['B608', 'S608', 'CWE-89'],
  messages: {
    built: l('SQL 문을 {how}로 만들어 실행합니다 — 값이 쿼리 구조를 바꿀 수 있습니다', 'The SQL statement is built with {how} — values can change the query’s structure'),
  },
  docs: {
    summary: l(
      'f-string, %, .format(), + 로 만든 SQL 문자열을 execute/read_sql이나 그런 이름의 래퍼(execute_sql, run_query), 또는 다른 어떤 호출(database.write(query=...) 같은 프로젝트 헬퍼; Bandit B608처럼. print, logging, Streamlit 출력은 제외)에 넘기는 코드를 찾습니다 (끼워 넣는 값이 모두 코드가 정한 값 — 리터럴, 상수, int로 표기된 인자, 리터럴 목록을 도는 반복 변수, 같은 파일의 모든 호출이 리터럴로 채우는 인자 — 이면 제외).',
      'Flags SQL built with f-strings, %, .format() or + and passed to execute/read_sql, to a wrapper named for it (execute_sql, run_query), or to any other call (a project helper such as database.write(query=...), as Bandit B608 does; print, logging and Streamlit output are not sinks) (unless every spliced value is fixed by the code: a literal, a constant, an int-annotated parameter, a loop variable over a literal list, a parameter every call in the file fills with a literal).',
    ),
    why: l(
      '문자열에 끼워 넣은 값은 SQL 구문의 일부가 됩니다. user_id에 "1 OR 1=1"이 들어오면 모든 행이 조회되고, \'; DROP TABLE\'이면 테이블이 사라집니다.',
      'Interpolated values become part of the SQL syntax. A user_id of "1 OR 1=1" returns every row; a "; DROP TABLE" removes the table.',
    ),
    bad: "import sqlite3\n\ndef get_user(conn, user_id):\n    return conn.execute(f'SELECT * FROM users WHERE id = {user_id}').fetchone()\n",
    good: "import sqlite3\n\ndef get_user(conn, user_id):\n    # TODO: 값은 SQL 문과 분리해서 전달하세요. 드라이버의 자리표시자는 무엇인가요?\n    return conn.execute('SELECT * FROM users WHERE id = ?', (user_id,)).fetchone()\n",
  },
  weeks: ['intermediate/5', 'advanced/5'],
  questions: [
    l(
      '{variable|쿼리에 끼워 넣는 값}에 "1 OR 1=1"이라는 값이 들어오면 이 쿼리는 무엇을 돌려줄까요?',
      'If {variable|a value spliced into this query} were "1 OR 1=1", what would this query return?',
    ),
    l('SQL 문과 값을 한 문자열로 합치지 않고 따로 넘기는 방법은 무엇이 있을까요?', 'How can you pass the statement and the values separately instead of as one string?'),
    l('테이블 이름처럼 자리표시자로 넣을 수 없는 부분은 어떻게 제한하시겠어요?', 'For parts that cannot be placeholders, such as table names, how would you restrict the values?'),
  ],
  scaffold: {
    ko: '# TODO: 파라미터 바인딩으로 쿼리 작성\n# 고려사항:\n# - 이 드라이버의 자리표시자는? (?, %s, :name)\n# - 테이블/컬럼 이름이 바뀐다면 허용 목록으로 제한할 수 있나요?\n# - DB 계정의 권한은 최소인가요?\n# TODO: SQL 문자열에 값을 직접 넣지 않기\n',
    en: '# TODO: write the query with bound parameters\n# Consider:\n# - which placeholder does this driver use? (?, %s, :name)\n# - if table/column names vary, can an allow-list restrict them?\n# - does the database account have the least privilege?\n# TODO: never put values into the SQL string itself\n',
  },
  callees: [SQL_SINK, SQL_HELPER, ANY_CALL],
  check(context) {
    const { model } = context;
    if (!MAYBE_SQL.test(model.source)) return;
    for (const call of context.calls) {
      const args = call.node.childForFieldName('arguments')?.namedChildren ?? [];
      const sink = SQL_SINK.test(call.callee ?? '') || SQL_HELPER.test(call.callee ?? '');
      // A sink's statement is its first argument; any other call may take it under any name (`write(query=...)`).
      const candidates = (sink ? args.slice(0, 1) : args)
        .flatMap((a) => (a?.type === 'keyword_argument' ? [a.childForFieldName('value')] : [a]))
        .filter((a): a is Node => a !== null);
      for (const argument of candidates) {
        if (argument.type === 'identifier' && !sink && !STATEMENT_NAME.test(argument.text)) continue;
        const built = argument.type === 'identifier' ? assignedBefore(model, argument, call.inFunction) : argument;
        const how = builtSql(built);
        if (!how || (!sink && !surelySql(built!)) || splicedValues(built!).every((value) => fixedValue(model, value, call.inFunction))) continue;
        const variable = interpolatedName(built);
        context.report({ node: argument, messageId: 'built', data: { how, ...(variable ? { variable } : {}) } });
        break;
      }
    }
  },
});

/** How a string expression interpolates values into SQL, if it does. */
function builtSql(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string' && node.namedChildren.some((c) => c?.type === 'interpolation')) return LOOKS_LIKE_SQL.test(sqlText(node)) ? 'f-string' : undefined;
  if (node.type === 'binary_operator') {
    const left = node.childForFieldName('left');
    const operator = node.childForFieldName('operator')?.text;
    if (left?.type === 'string' && LOOKS_LIKE_SQL.test(sqlText(left)) && (operator === '%' || operator === '+')) return operator === '%' ? '% formatting' : 'concatenation';
    if (left?.type === 'binary_operator') return builtSql(left);
  }
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    if (fn?.childForFieldName('attribute')?.text === 'format' && object?.type === 'string' && LOOKS_LIKE_SQL.test(sqlText(object))) return '.format()';
  }
  return undefined;
}

/** The expressions a built string splices in: f-string interpolations, `%`/`+` operands, `.format()` arguments. */
function splicedValues(node: Node): Node[] {
  if (node.type === 'string') return node.namedChildren.flatMap((c) => (c?.type === 'interpolation' && c.namedChildren[0] ? [c.namedChildren[0]] : []));
  if (node.type === 'binary_operator') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const rights = right?.type === 'tuple' ? right.namedChildren : [right];
    return [...(left ? splicedValues(left) : []), ...rights.flatMap((r) => (r ? (r.type === 'string' ? splicedValues(r) : [r]) : []))];
  }
  const args = node.type === 'call' ? (node.childForFieldName('arguments')?.namedChildren ?? []) : [node];
  return args.flatMap((a) => (a?.type === 'keyword_argument' ? [a.childForFieldName('value')] : [a])).filter((a): a is Node => a !== null);
}

const LITERAL = new Set(['integer', 'float', 'true', 'false', 'none']);

/**
 * A value the code itself fixes, so no input reaches the SQL through it: a literal, a number
 * (`int(...)`, a parameter annotated int/float/bool), a name assigned a literal, or a loop
 * variable over a literal list (`for name in ["X_train", "y_train"]`).
 */
function fixedValue(model: PythonModel, value: Node, fn: Node | undefined, depth = 0): boolean {
  if (LITERAL.has(value.type) || (value.type === 'string' && splicedValues(value).length === 0)) return true;
  if (value.type === 'call') return /^(int|float|len|bool)$/.test(value.childForFieldName('function')?.text ?? '');
  if (value.type !== 'identifier') return false;
  const name = value.text;
  for (let n = value.parent; n; n = n.parent) {
    if (n.type === 'for_statement' && n.childForFieldName('left')?.text === name) return literalList(model, n.childForFieldName('right'), fn);
  }
  const parameters = fn?.childForFieldName('parameters')?.namedChildren ?? [];
  const parameter = parameters.find((p) => p?.type.startsWith('typed') && p.namedChildren[0]?.text === name);
  if (parameter && /^(int|float|bool)$/.test(parameter.childForFieldName('type')?.text ?? '')) return true;
  if (fn && parameters.some((p) => parameterName(p) === name)) return fixedByCallers(model, fn, name, depth);
  const assigned = assignedBefore(model, value, fn) ?? assignedBefore(model, value, undefined);
  return assigned !== undefined && (LITERAL.has(assigned.type) || (assigned.type === 'string' && splicedValues(assigned).length === 0));
}

function parameterName(p: Node | null): string | undefined {
  if (!p) return undefined;
  if (p.type === 'identifier') return p.text;
  return (p.childForFieldName('name') ?? p.namedChildren[0])?.text;
}

/**
 * A parameter every call of its function in this file fills with a fixed value (a literal, a
 * constant, or in turn a parameter its own callers fill so, two calls deep):
 * `Inference("model.pkl", "test_features")` down to `load_data(self, table_name)`. A function
 * nobody in the file calls (a library function, a handler) takes whatever its callers send.
 */
function fixedByCallers(model: PythonModel, fn: Node, name: string, depth: number): boolean {
  if (depth >= 2) return false;
  const fnName = fn.childForFieldName('name')?.text;
  const parameters = (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p) => p?.type !== 'comment');
  const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  const cls = definition.parent?.type === 'block' && definition.parent.parent?.type === 'class_definition' ? definition.parent.parent : undefined;
  if (!fnName || (cls && /staticmethod/.test(definition.text.slice(0, definition.text.indexOf('def'))))) return false;
  // Calls through the instance or the class skip `self`/`cls`.
  const index = parameters.findIndex((p) => parameterName(p) === name) - (cls ? 1 : 0);
  if (index < 0 && cls) return false;
  const className = cls?.childForFieldName('name')?.text;
  const callers = model.calls.filter((c) => {
    const callee = c.node.childForFieldName('function');
    if (!callee) return false;
    if (fnName === '__init__') return callee.type === 'identifier' && callee.text === className;
    if (cls) return callee.type === 'attribute' && callee.childForFieldName('attribute')?.text === fnName && /^(self|cls)$/.test(callee.childForFieldName('object')?.text ?? '');
    return callee.type === 'identifier' && callee.text === fnName;
  });
  if (callers.length === 0) return false;
  return callers.every((c) => {
    const arg = keywordArgument(c.node, name) ?? positionalArguments(c.node)[index];
    return arg !== undefined && arg !== null && fixedValue(model, arg, c.inFunction, depth + 1);
  });
}

/** A list or tuple of literals, written in place or assigned to a name. */
function literalList(model: PythonModel, node: Node | null, fn: Node | undefined): boolean {
  const list = node?.type === 'identifier' ? (assignedBefore(model, node, fn) ?? assignedBefore(model, node, undefined)) : node;
  if (!list || (list.type !== 'list' && list.type !== 'tuple')) return false;
  return list.namedChildren.every((c) => c !== null && (LITERAL.has(c.type) || (c.type === 'string' && splicedValues(c).length === 0)));
}

/** The statement's text (the string of an f-string, the left of `%`/`+`, the receiver of `.format`) is SQL beyond doubt. */
function surelySql(built: Node): boolean {
  let string: Node | null = built;
  while (string && string.type !== 'string') {
    if (string.type === 'binary_operator') string = string.childForFieldName('left');
    else if (string.type === 'call') string = string.childForFieldName('function')?.childForFieldName('object') ?? null;
    else return false;
  }
  if (!string) return false;
  const text = sqlText(string);
  return SQL_CAPITALS.test(text) || SQL_CLAUSE.test(text);
}

function sqlText(string: Node): string {
  return string.namedChildren
    .filter((c) => c?.type === 'string_content')
    .map((c) => c!.text)
    .join(' ');
}

/** The value of the nearest earlier `name = ...` in the same function (one hop, no data flow). */
function assignedBefore(model: PythonModel, name: Node, fn: Node | undefined): Node | undefined {
  let found: Node | undefined;
  for (const assignment of model.assignments) {
    if (assignment.startIndex >= name.startIndex) break;
    if (assignment.childForFieldName('left')?.text !== name.text) continue;
    if (fn && (assignment.startIndex < fn.startIndex || assignment.endIndex > fn.endIndex)) continue;
    found = assignment.childForFieldName('right') ?? undefined;
  }
  return found;
}
