import type { Node } from 'web-tree-sitter';
import { guardsOnlyRequestParsing } from '../../python/errors';
import { enclosingFunction } from '../../python/nodes';
import { l, nodeRange, pythonRule, type PythonContext } from '../../rule';
import { memoKey } from '../../memo-key';

/** Calls that send something to the client: returns are handled separately. */
const CLIENT_SINKS = /(^|\.)(HTTPException|abort|jsonify|JSONResponse|Response|make_response|set_details|HttpResponse|JsonResponse)$/;
const ERROR_HANDLER_DECORATOR = /\.(errorhandler|exception_handler|app_errorhandler|add_exception_handler|register_error_handler)\s*\(/;

export default pythonRule({
  id: 'exception-leaked-to-client',
  language: 'python',
  local: 'handler',
  category: 'error-handling',
  severity: 'warning',
  anchors: ['CWE-209', 'gap:error-response-hygiene'],
  messages: {
    leaked: l('예외 내용({what})이 그대로 클라이언트 응답에 담깁니다', 'The exception text ({what}) is sent to the client as-is'),
  },
  docs: {
    summary: l(
      "핸들러의 except 블록에서 str(e), f'{e}', traceback.format_exc() 등을 응답으로 돌려주는 코드를 찾습니다. 핸들러가 응답에 그대로 넣는 같은 파일의 도우미 함수가 except에서 그런 값을 return하는 경우도 포함합니다.",
      "Flags handlers whose except blocks send str(e), f'{e}', traceback.format_exc() and the like back in the response, and helpers of the same file that return such a value from an except when a handler puts their result in its response.",
    ),
    why: l(
      '예외 메시지에는 파일 경로, SQL, 내부 호스트 이름, 때로는 입력 데이터가 들어 있습니다. 공격자에게는 지도이고, 사용자에게는 이해할 수 없는 메시지입니다.',
      'Exception text contains file paths, SQL, internal host names and sometimes input data: a map for attackers and gibberish for users.',
    ),
    bad: "from fastapi import FastAPI, HTTPException\n\napp = FastAPI()\n\n@app.post('/predict')\ndef predict(x: float):\n    try:\n        return {'y': 1 / x}\n    except Exception as e:\n        raise HTTPException(status_code=500, detail=str(e))\n",
    good: "import logging\nfrom fastapi import FastAPI, HTTPException\n\napp = FastAPI()\nlogger = logging.getLogger(__name__)\n\n@app.post('/predict')\ndef predict(x: float):\n    try:\n        return {'y': 1 / x}\n    except ZeroDivisionError:\n        # TODO: 클라이언트에게는 무엇을, 로그에는 무엇을 남길까요?\n        logger.exception('prediction failed')\n        raise HTTPException(status_code=422, detail='x must not be zero')\n",
  },
  weeks: ['beginner/5', 'advanced/10'],
  questions: [
    l('이 응답을 받은 사용자는 예외 메시지에서 무엇을 알게 될까요? 공격자라면요?', 'What does a user learn from this exception text in the response? And an attacker?'),
    l(
      '클라이언트가 정말 알아야 하는 정보와, 운영자만 알아야 하는 정보를 어떻게 나눌까요?',
      'How would you split what the client needs to know from what only operators should see?',
    ),
    l('입력이 잘못된 경우와 서버 내부 오류는 서로 다른 상태 코드를 받아야 할까요?', 'Should bad input and an internal server error get different status codes?'),
  ],
  scaffold: {
    ko: '# TODO: 오류 응답 정리\n# 고려사항:\n# - 클라이언트에게: 일반적인 메시지와 요청 ID 정도\n# - 로그에: 스택 트레이스와 입력 요약 (logger.exception)\n# - 입력 오류(4xx)와 서버 오류(5xx)를 어떻게 구분할까요?\n# TODO: 예외 문자열 대신 정해진 오류 메시지 사용하기\n',
    en: '# TODO: clean error responses\n# Consider:\n# - for the client: a generic message and maybe a request id\n# - for the logs: traceback and input summary (logger.exception)\n# - how do you tell input errors (4xx) from server errors (5xx)?\n# TODO: respond with a fixed message instead of the exception text\n',
  },
  check(context) {
    const { model } = context;
    // A helper that raises the web framework's HTTP error (FastAPI's HTTPException, Flask's abort)
    // answers the client as surely as the route that calls it: `ChatService.reply()` turning any
    // failure into `HTTPException(500, detail=str(e))` in a service module the routes import.
    const raisesToClient = /\b(HTTPException|abort)\s*\(/.test(model.source) && ['fastapi', 'starlette', 'flask', 'werkzeug'].some((m) => model.importsModule(m));
    if (model.role !== 'serving' && !raisesToClient) return;
    const errorHandlers = /errorhandler|exception_handler/.test(model.source);
    let helpers: Map<string, RespondingHelper> | undefined;
    for (const clause of model.excepts) {
      const inHandler = model.enclosingHandler(clause) !== undefined;
      // Outside a handler, only an app error handler, a helper whose result a handler returns, or an HTTP error raised reaches the client.
      if (!inHandler && !errorHandlers && !raisesToClient && model.handlers.length === 0) continue;
      // Cheap text pre-check: if the clause's text shows no leak, its sinks cannot either.
      const clauseText = model.source.slice(clause.startIndex, clause.endIndex);
      if (!leak(clauseText.replace(/^[^\n]*/, ''), /^except\b[^:\n]*\bas\s+(\w+)/.exec(clauseText)?.[1])) continue;
      const fn = inHandler ? undefined : enclosingFunction(clause);
      const appHandler = !inHandler && !!fn && ERROR_HANDLER_DECORATOR.test(fn.parent?.type === 'decorated_definition' ? fn.parent.text.slice(0, 200) : '');
      // A helper of this file whose returned value a handler sends back (`pred = send_request(x)`
      // ... `return render_template(..., pred=pred)`): its `return str(e)` reaches the client too.
      const helper = fn && !inHandler && !appHandler ? (helpers ??= respondingHelpers(model)).get(fn.childForFieldName('name')?.text ?? '') : undefined;
      if (!inHandler && !appHandler && !helper && !(fn && raisesToClient)) continue;
      const raisedOnly = !inHandler && !appHandler && !helper;
      // Mapping a validation error's message to a 4xx is the intended use of that message.
      // The clause's children are marshalled once (each `namedChildren` read builds new nodes).
      const children = clause.namedChildren;
      if (clauseText.includes('ValidationError') && /ValidationError/.test(children[0]?.text ?? '')) continue;
      // A parser's message about the client's own upload (`Expected 3 fields in line 5, saw 4`)
      // answered as a 4xx tells the caller what to fix in the file they sent, and nothing of the server.
      if (parsesClientInput(children[0]?.text ?? '') && CLIENT_ERROR_STATUS.test(clauseText)) continue;
      // The decoder's message about the client's own body (`Expecting value: line 1 column 1`) tells the server's secrets to no one.
      if (guardsOnlyRequestParsing(clause)) continue;
      const name = exceptionName(children);
      const body = children.find((c) => c?.type === 'block');
      if (!body) continue;
      const carriers = carriersOf(body, name);
      for (const sink of sinks(body)) {
        // A helper's value reaches the client through the handler's return; a raised HTTP error, directly.
        if (helper && sink.type !== 'return_statement' && !raisedToClient(sink)) continue;
        // Outside a handler only a raised HTTP error reaches the client; a returned value goes back to the caller.
        if (raisedOnly && !raisedToClient(sink)) continue;
        const what = leak(sink.text, name) ?? carriers.map((carrier) => leak(sink.text, carrier)).find(Boolean);
        if (what) {
          const related = helper && [
            { range: nodeRange(helper.call), message: l('핸들러가 이 도우미를 호출하는 곳', 'where the handler calls this helper') },
            { range: nodeRange(helper.response), message: l('그 값이 클라이언트에게 돌아가는 곳', 'where its value goes back to the client') },
          ];
          context.report({ node: sink, messageId: 'leaked', data: { what }, ...(related ? { related } : {}) });
          break;
        }
      }
    }
    if (errorHandlers) appErrorHandlers(model.functions, context.report.bind(context));
  },
});

/**
 * App-level error handlers (`@app.exception_handler(Exception)`, `@app.errorhandler(500)`) get
 * the exception as a parameter, not from an `except`: its text returned to the client leaks
 * just the same, for every route at once.
 */
function appErrorHandlers(functions: readonly Node[], report: (r: { node: Node; messageId: string; data: Record<string, string> }) => void): void {
  for (const fn of functions) {
    const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
    if (!decorated || !ERROR_HANDLER_DECORATOR.test(decorated.text.slice(0, fn.startIndex - decorated.startIndex))) continue;
    // The exception is the last parameter: `(error)` in Flask, `(request, exc)` in FastAPI.
    const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
    const last = params[params.length - 1];
    const name = (last?.type === 'identifier' ? last : last?.namedChildren[0])?.text;
    const body = fn.childForFieldName('body');
    if (!name || !body) continue;
    if (ownClientError(decorated.text.slice(0, fn.startIndex - decorated.startIndex), body.text)) continue;
    for (const sink of sinks(body)) {
      const what = leak(sink.text, name);
      if (what) {
        report({ node: sink, messageId: 'leaked', data: { what } });
        break;
      }
    }
  }
}

/**
 * A handler for one of the project's own exception classes (`InvalidPayloadError`, `ModelInputError`)
 * that answers a 4xx: the app raises that class with a message meant for the caller, the way a
 * validation error's message is. Built-in and catch-all types (`Exception`, `ValueError`, `500`) carry
 * whatever the library wrote and stay reported.
 */
function ownClientError(decorators: string, body: string): boolean {
  const registered = /\.(?:app_)?(?:errorhandler|exception_handler)\(\s*([\w.]+)\s*\)/.exec(decorators)?.[1];
  if (!registered || !/^(\w+\.)*[A-Z]\w*$/.test(registered)) return false;
  const type = registered.split('.').pop()!;
  if (BUILTIN_EXCEPTION.test(type)) return false;
  return /\bstatus(_code)?\s*=\s*4\d\d\b|,\s*4\d\d\s*\)?\s*$|HTTP_4\d\d_|\babort\(\s*4\d\d/m.test(body);
}

/**
 * The caught types are all parse errors of data the client sent: pandas' CSV errors, a JSON or
 * text decoding error, the csv module's. Written as a name or a tuple of names (`... as e` included).
 * A `ValueError` beside one of them (`except (ValueError, pd.errors.ParserError)`) is the same
 * parse failure as the parsers raise it for a malformed value, not a catch-all.
 */
function parsesClientInput(caught: string): boolean {
  const names = caught
    .replace(/\s+as\s+\w+$/, '')
    .replace(/^\(|\)$/g, '')
    .split(',')
    .map((name) => name.trim());
  return names.some((name) => PARSE_ERROR.test(name)) && names.every((name) => PARSE_ERROR.test(name) || name === 'ValueError');
}

const PARSE_ERROR = /^(?:[\w.]*\.)?(ParserError|EmptyDataError|JSONDecodeError|UnicodeDecodeError)$|^csv\.Error$/;
/** A 4xx answer: `status_code=400`, `HTTP_422_...`, `abort(400)`, `return ..., 400`. */
const CLIENT_ERROR_STATUS = /status_code\s*=\s*4\d\d\b|HTTP_4\d\d_|\babort\(\s*4\d\d\b|HTTPException\(\s*4\d\d\b|,\s*4\d\d\s*\)?\s*$/m;

const BUILTIN_EXCEPTION =
  /^(BaseException|Exception|ArithmeticError|AssertionError|AttributeError|EOFError|ImportError|ModuleNotFoundError|LookupError|IndexError|KeyError|MemoryError|NameError|OSError|IOError|RuntimeError|NotImplementedError|RecursionError|TypeError|ValueError|UnicodeError|UnicodeDecodeError|ZeroDivisionError|FileNotFoundError|PermissionError|TimeoutError|ConnectionError|HTTPException|RequestValidationError|StarletteHTTPException|InternalServerError|DatabaseError|OperationalError|IntegrityError|SQLAlchemyError|DoesNotExist|JSONDecodeError)$/;

/**
 * Local names the clause fills with the exception's text before answering: `err = f"Upload
 * failed: {str(e)}"`, logged and then sent as `{"error": err}`, leaks just the same.
 */
function carriersOf(body: Node, name: string | undefined): string[] {
  if (!name) return [];
  const carriers: string[] = [];
  for (const statement of body.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChild(0) : undefined;
    const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
    const right = assignment?.childForFieldName('right');
    if (left?.type === 'identifier' && right && leak(right.text, name)) carriers.push(left.text);
  }
  return carriers;
}

/**
 * Module-level functions of this file whose result a request handler puts in its response: called
 * in a handler's `return`, or assigned to a name the handler's `return` uses. Name -> the call and
 * the `return` that sends the value back, which the finding names as related places: the leak is
 * there only while they are, so an edit of them re-reads it (a re-lint keeps a finding whose related
 * places lie outside the edit, incremental.ts).
 */
interface RespondingHelper {
  readonly call: Node;
  readonly response: Node;
}

function respondingHelpers(model: PythonContext['model']): Map<string, RespondingHelper> {
  const found = new Map<string, RespondingHelper>();
  const defined = new Set(model.functions.filter((f) => f.parent?.type === 'module' || f.parent?.parent?.type === 'module').map((f) => f.childForFieldName('name')?.text ?? ''));
  for (const handler of model.handlers) {
    const end = model.handlerEnd(handler);
    const returns = handler.node.descendantsOfType('return_statement').filter((r): r is Node => r !== null);
    for (const call of model.callsWithin(handler.node.startIndex, end)) {
      const name = call.node.childForFieldName('function')?.text ?? '';
      if (!defined.has(name) || found.has(name)) continue;
      let statement: Node | null = call.node.parent;
      while (statement && statement.type !== 'return_statement' && statement.type !== 'assignment' && statement.type !== 'expression_statement' && statement.type !== 'block')
        statement = statement.parent;
      if (!statement || statement.type === 'block' || statement.type === 'expression_statement') continue;
      // An assignment counts only when the call is its whole right side (`x = helper(...)`).
      if (statement.type === 'assignment' && statement.childForFieldName('right')?.id !== call.node.id) continue;
      if (statement.type === 'return_statement') {
        found.set(name, { call: call.node, response: statement });
        continue;
      }
      const target = statement.childForFieldName('left')?.text;
      const uses = target && /^\w+$/.test(target) ? new RegExp(`\\b${target}\\b`) : undefined;
      const response = uses && returns.find((r) => uses.test(r.text));
      if (response) found.set(name, { call: call.node, response });
    }
  }
  return found;
}

function exceptionName(children: (Node | null)[]): string | undefined {
  const pattern = children.find((c) => c?.type === 'as_pattern');
  const target = pattern?.childForFieldName('alias') ?? pattern?.namedChildren[1];
  return target?.text.replace(/^as\s+/, '');
}

/**
 * Returned values and arguments of response-building calls in the except block, in document
 * order. Lazy: the caller stops at the first leaking sink, usually the first `return`, so the
 * calls after it need not have their function names marshalled.
 */
function* sinks(body: Node): Generator<Node> {
  for (const ret of body.descendantsOfType(['return_statement', 'call'])) {
    if (!ret) continue;
    if (ret.type === 'return_statement') {
      yield ret;
      continue;
    }
    const fn = ret.childForFieldName('function')?.text ?? '';
    if (CLIENT_SINKS.test(fn) || /\.abort$/.test(fn)) yield ret;
  }
}

/** `raise HTTPException(...)`, or a call of Flask's `abort(...)` (which raises): what a helper sends to the client. */
function raisedToClient(sink: Node): boolean {
  if (sink.type !== 'call') return false;
  const fn = sink.childForFieldName('function')?.text ?? '';
  return (/(^|\.)HTTPException$/.test(fn) && sink.parent?.type === 'raise_statement') || /(^|\.)abort$/.test(fn);
}

/** How the exception leaks into this sink, or undefined. */
function leak(text: string, name: string | undefined): string | undefined {
  if (/traceback\.format_exc|format_exception|print_exc/.test(text)) return 'traceback';
  if (!name) return undefined;
  const escaped = name.replace(/[^\w]/g, '');
  // Every way of leaking the exception names it: most clause texts are ruled out here.
  if (!text.includes(escaped)) return undefined;
  const patterns = leakPatterns(escaped);
  const converted = patterns.converted.exec(text);
  if (converted) return `${converted[1]}(${escaped})`;
  if (patterns.formatted.test(text)) return `{${escaped}}`;
  if (patterns.passed.test(text)) return escaped;
  return undefined;
}

/** The three leak patterns for one exception name, compiled once per name (`e`, `exc`, `error` ...). */
const LEAK_PATTERNS = new Map<string, { converted: RegExp; formatted: RegExp; passed: RegExp }>();
function leakPatterns(name: string): { converted: RegExp; formatted: RegExp; passed: RegExp } {
  let patterns = LEAK_PATTERNS.get(name);
  if (!patterns) {
    patterns = {
      converted: new RegExp(`\\b(str|repr)\\(\\s*${name}\\s*\\)`),
      formatted: new RegExp(`\\{\\s*${name}(\\.args|!r|!s)?\\s*[}!:]`),
      // `type(exc).__name__` sends the class name, an error code, not the exception's text.
      passed: new RegExp(`(?:(?<!\\btype)\\(|[,:=])\\s*${name}(\\.args)?\\s*[,)}]`),
    };
    LEAK_PATTERNS.set(memoKey(name), patterns);
  }
  return patterns;
}
