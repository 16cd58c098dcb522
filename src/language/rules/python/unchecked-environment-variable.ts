import type { Node } from 'web-tree-sitter';
import { enclosingFunction, stringValue } from '../../python/nodes';
import { l, pythonRule } from '../../rule';
import { escapeRegExp } from '../../regexp';

/** A variable named like a credential: `OPENAI_API_KEY`, `TELEGRAM_TOKEN`, `DB_PASSWORD`, `HF_TOKEN`. */
const CREDENTIAL = /(^|_)(API_?KEY|KEY|TOKEN|SECRET|SECRET_KEY|PASSWORD|PASSWD)$/i;

/** Calls that build a string from their arguments; a value passed here becomes part of a name, path or URI. */
const STRING_BUILDERS = /(^|\.)(format|join|urljoin|Path|PurePath)$/;
/** Calls whose text output is only shown: a None there is harmless ("Using model None"). */
const DISPLAY = /^(print|\w*log\w*\.\w+|logging\.\w+|st\.\w+|\w*Error|\w*Exception|warnings\.warn)$/;

export default pythonRule({
  id: 'unchecked-environment-variable',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:unchecked-required-setting'],
  callees: ['os.getenv', 'os.environ.get'],
  messages: {
    unchecked: l(
      "환경 변수 {name}을(를) 기본값 없이 읽고, 확인하지 않은 채 문자열(경로·URI·이름)에 넣습니다 — 설정되지 않으면 'None'이 든 값으로 시작하고, 나중에 원인과 무관한 오류로 실패합니다",
      "The environment variable {name} is read with no default and built into a string (a path, URI or name) without a check — when it is unset the service starts with 'None' in that value and fails later with an error that does not name the variable",
    ),
    uncheckedMany: l(
      "환경 변수 {names}을(를) 기본값 없이 읽고, 확인하지 않은 채 문자열(경로·URI·이름)에 넣습니다 — 하나라도 설정되지 않으면 'None'이 든 값으로 시작하고, 나중에 원인과 무관한 오류로 실패합니다",
      "The environment variables {names} are read with no default and built into strings (paths, URIs, names) without a check — when one is unset the service starts with 'None' in that value and fails later with an error that does not name the variable",
    ),
    credential: l(
      '자격 증명 {name}을(를) 시작할 때 기본값 없이 읽고 어디에서도 확인하지 않습니다 — 설정되지 않아도 서비스는 정상처럼 뜨고, 첫 요청이 변수 이름을 말하지 않는 인증 오류로 실패합니다',
      'The credential {name} is read at start-up with no default and never checked — when it is unset the service starts as if all were well, and the first request fails with an authentication error that does not name the variable',
    ),
  },
  docs: {
    summary: l(
      'os.getenv / os.environ.get으로 기본값 없이 읽은 값이 f-string, +, format, os.path.join으로 경로·URI·이름에 들어가는데, 파일 어디에서도 그 값이 비었는지 확인하지 않는 경우와, 요청을 처리하는 파일(핸들러, 봇, Streamlit 페이지)에서 모듈을 불러올 때(시작할 때) 읽는 API 키·토큰·비밀번호를 확인 없이 클라이언트에 넘기거나 설정하는 경우(`openai.api_key = os.getenv("OPENAI_API_KEY")`, `OpenAI(api_key=os.getenv(...))`, `TOKEN = os.getenv("BOT_TOKEN")`)를 찾습니다.',
      'Flags a value read with os.getenv / os.environ.get and no default that is built into a path, URI or name (f-string, +, format, os.path.join) while nothing in the file checks whether it is set, and, in a file that serves requests (handlers, a bot, a Streamlit page), an API key, token or password read that way at start-up (module level) and handed to a client or a setting with no check (`openai.api_key = os.getenv("OPENAI_API_KEY")`, `OpenAI(api_key=os.getenv(...))`, `TOKEN = os.getenv("BOT_TOKEN")`).',
    ),
    why: l(
      "설정이 빠진 서비스는 시작할 때 바로 멈춰야 합니다. os.getenv는 없는 변수에 None을 돌려주고, f-string은 이를 'runs:/None/model' 같은 문자열로 바꿉니다. 서비스는 정상처럼 시작하고, 한참 뒤 모델 로딩이나 첫 요청에서 '모델을 찾을 수 없음', TypeError 같은 엉뚱한 오류로 실패해 원인(빠진 환경 변수)을 찾기 어렵습니다.",
      "A service missing a setting should stop at start-up and say which one. os.getenv returns None for an unset variable, and an f-string turns that into 'runs:/None/model'; the service starts as if all were well and fails later, at the model load or the first request, with 'model not found' or a TypeError that never names the variable.",
    ),
    bad: "import os\n\nimport mlflow\n\nRUN_ID = os.getenv('RUN_ID')\nmodel = mlflow.pyfunc.load_model(f'runs:/{RUN_ID}/model')\n",
    good: "import os\n\nimport mlflow\n\nRUN_ID = os.getenv('RUN_ID')\n# TODO: 값이 없으면 어떤 변수가 빠졌는지 알리며 시작을 멈추기\nif not RUN_ID:\n    raise RuntimeError('RUN_ID is not set')\nmodel = mlflow.pyfunc.load_model(f'runs:/{RUN_ID}/model')\n",
  },
  weeks: ['beginner/5', 'intermediate/4'],
  questions: [
    l(
      '{name}이(가) 설정되지 않은 채 컨테이너가 뜨면, 로그의 첫 오류 메시지는 무엇이라고 말할까요? 그 메시지로 원인을 찾을 수 있나요?',
      'If the container starts without {name}, what does the first error in the log say? Could someone find the cause from that message?',
    ),
    l(
      '이 값이 반드시 있어야 한다면, 서비스는 언제 그 사실을 알려야 할까요: 시작할 때, 아니면 첫 요청에서?',
      'If this value is required, when should the service say so: at start-up, or on the first request?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 꼭 필요한 설정은 시작할 때 한 번 확인하기\n# 고려사항:\n# - 빠졌을 때 어떤 변수인지 말하며 멈추기 (os.environ["X"]의 KeyError, 또는 직접 raise)\n# - 기본값이 의미 있는 설정이라면 getenv("X", 기본값)\n# - 여러 설정을 한 곳에서 검증하기 (pydantic-settings)\n',
    en: '# TODO: check required settings once, at start-up\n# Consider:\n# - stop and name the missing variable (os.environ["X"] raises KeyError, or raise yourself)\n# - a setting with a sensible default: getenv("X", default)\n# - validate all settings in one place (pydantic-settings)\n',
  },
  check(context) {
    const { model } = context;
    const code = model.uncommentedSource;
    // Variables read unchecked side by side (a user, a password and a host for one URI) are one
    // lesson: the first read names the others of its scope.
    const found = new Map<number, { node: Node; names: string[] }>();
    const report = (node: Node, name: string) => {
      const scope = (enclosingFunction(node) ?? model.tree.rootNode).id;
      const group = found.get(scope);
      if (group) {
        if (!group.names.includes(name)) group.names.push(name);
      } else found.set(scope, { node, names: [name] });
    };
    const credentials = new Set<string>();
    // Only where the key serves requests (handlers, a bot, a Streamlit page): a script or a config module fails where it runs.
    const serves = model.handlers.length > 0 || model.importsModule('streamlit');
    for (const call of context.calls) {
      const args = call.node.childForFieldName('arguments')?.namedChildren ?? [];
      // A default (positional or keyword) is a deliberate fallback.
      const variable = args.length === 1 && args[0] ? stringValue(args[0]) : undefined;
      if (!variable || checksVariable(code, variable)) continue;
      const parent = call.node.parent;
      // `os.getenv('X') or 'default'`, `if os.getenv('X'):` and the like are checks or fallbacks.
      if (!parent || parent.type === 'boolean_operator' || parent.type === 'not_operator' || parent.type === 'comparison_operator') continue;
      if (builtIntoString(call.node)) {
        report(call.node, variable);
        continue;
      }
      const bound = parent.type === 'assignment' && parent.childForFieldName('right')?.id === call.node.id ? parent.childForFieldName('left') : undefined;
      // A credential read at start-up: unset, the service starts and its first request fails authenticating.
      if (serves && CREDENTIAL.test(variable) && !enclosingFunction(call.node) && !credentials.has(variable)) {
        const handed = parent.type === 'keyword_argument' || parent.type === 'argument_list' || bound?.type === 'attribute';
        if (handed || (bound?.type === 'identifier' && !checksName(code, bound.text))) {
          credentials.add(variable);
          context.report({ node: call.node, messageId: 'credential', data: { name: variable } });
          continue;
        }
      }
      if (bound?.type !== 'identifier') continue;
      // A local is checked in its function; a module-level name anywhere in the file.
      const scope = enclosingFunction(call.node) ?? model.tree.rootNode;
      const scopeCode = scope.type === 'module' ? code : model.source.slice(scope.startIndex, scope.endIndex).replace(/#[^\n]*/g, '');
      if (checksName(scopeCode, bound.text)) continue;
      if (usesInString(bound.text, scope)) report(call.node, variable);
    }
    for (const { node, names } of found.values()) {
      if (names.length === 1) context.report({ node, messageId: 'unchecked', data: { name: names[0] } });
      else context.report({ node, messageId: 'uncheckedMany', data: { names: names.join(', ') } });
    }
  },
});

/** Does the file test the variable itself (`'X' in os.environ`, `if not os.getenv('X')`)? */
function checksVariable(code: string, variable: string): boolean {
  const quoted = `['"]${escapeRegExp(variable)}['"]`;
  return new RegExp(`${quoted}\\s+(not\\s+)?in\\s+(os\\.)?environ|\\b(if|assert|while)\\s+(not\\s+)?(os\\.)?(getenv|environ\\.get)\\(\\s*${quoted}`).test(code);
}

/** Does the file test or replace the bound name (`if not RUN_ID`, `RUN_ID is None`, `RUN_ID or ...`, `assert RUN_ID`)? */
function checksName(code: string, name: string): boolean {
  const n = escapeRegExp(name);
  return new RegExp(
    `\\b(if|elif|assert|while)\\b[^\\n:]*\\b${n}\\b|\\b${n}\\s+is\\s+(not\\s+)?None|\\b${n}\\s*(==|!=)|\\bnot\\s+${n}\\b|\\b${n}\\s+or\\b|\\b${n}\\s*=\\s*${n}\\s+or\\b|\\bif\\s+${n}\\s+else\\b|\\ball\\(|\\b${n}\\s*:=|\\b(validate|require|check)\\w*\\([^)]*\\b${n}\\b`,
  ).test(code);
}

/** Does `name` appear, in this scope, inside a string being built? Nested functions see module names. */
function usesInString(name: string, scope: Node): boolean {
  const stack: Node[] = [scope];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'identifier' && node.text === name && builtIntoString(node)) return true;
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return false;
}

/** Is this expression part of a string being built: an f-string field, a `+` or `%` with a string, a `format`/`join` argument? */
function builtIntoString(node: Node): boolean {
  let n: Node = node;
  for (let p = node.parent; p; n = p, p = p.parent) {
    if (p.type === 'interpolation') return !displayed(p);
    if (p.type === 'binary_operator') {
      const op = p.childForFieldName('operator')?.text;
      const other = p.childForFieldName('left')?.id === n.id ? p.childForFieldName('right') : p.childForFieldName('left');
      if ((op === '+' || op === '%') && (other?.type === 'string' || other?.type === 'binary_operator')) return !displayed(p);
      return false;
    }
    if (p.type === 'argument_list') {
      const callee = p.parent?.childForFieldName('function')?.text ?? '';
      return STRING_BUILDERS.test(callee) && !displayed(p.parent!);
    }
    if (p.type !== 'parenthesized_expression' && p.type !== 'call' && p.type !== 'keyword_argument') return false;
  }
  return false;
}

/** Is the built string only shown (printed, logged, put in an error message)? */
function displayed(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'call') {
      const callee = p.childForFieldName('function')?.text ?? '';
      if (DISPLAY.test(callee)) return true;
    }
    if (p.type.endsWith('statement') || p.type === 'function_definition') return false;
  }
  return false;
}
