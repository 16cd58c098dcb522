import type { Node } from 'web-tree-sitter';
import { l, pythonRule } from '../../rule';

/** A name whose value is a credential: `api_key`, `request.headers`, `user.password`, `settings.OPENAI_API_KEY`. */
const SECRET_NAME = /(^|[._])(api_?key|apikey|access_?token|refresh_?token|token|password|passwd|pwd|secret|secret_?key|authorization|auth_?header|credentials?|cookies?)$/i;
const HEADERS = /(^|\.)request\.(headers|cookies)$/;
/** Raw request bodies. */
const BODY = /^request\.(json|form|data|values|body|get_json|get_data|stream)$/;
/** Wrapping that keeps the secret out of the line: `len(token)`, `bool(api_key)`, `mask(key)`. */
const SAFE_WRAP = /^(len|bool|type|hash|mask\w*|redact\w*|_?mask\w*|hashlib\.\w+|\w*fingerprint\w*)$/;
const SECRET_WORDS = /api_?key|apikey|token|passw|pwd|secret|authori[sz]ation|auth_?header|credential|cookie|headers/i;
const BODY_WORDS = /request\.(json|form|data|values|body|get_json|get_data|stream)/;
/** A request field that picks how to serve, not what the user sent: `req.model`, `body.top_k`, `params.temperature`. */
const SETTING_FIELD = /^\w+\.(model(_name|_type|_version|_id)?|version|algorithm|mode|task|top_k|k|limit|temperature|threshold|page|page_size|batch_size|format|max_tokens)$/;
/**
 * A request field that is an identifier (`req.transaction_id`, `body.user_id`, `order.id`): the
 * key that ties a log line to a request, which is what this rule asks to log instead of the
 * content. Government and patient numbers (`national_id`, `passport_id`) are personal data and stay.
 */
const ID_FIELD = /^\w+\.(?![Nn]ational|[Pp]assport|[Tt]ax|[Ss]ocial|[Ss]sn|SSN|[Dd]river|[Ll]icen[cs]e|[Pp]atient)(?:id|ID|\w+_id|\w+_ID|[a-z]\w*[a-z0-9]Id)$/;
const LOG_METHOD = /(^|\.)(debug|info|warning|warn|error|exception|critical|log)$/;
/** Parameter types that are not the request's content. */
const NOT_PAYLOAD = /^(Request|Response|BackgroundTasks|Session|AsyncSession|UploadFile|WebSocket|HTTPConnection|str|int|float|bool|Optional\[(str|int|float|bool)\])$/;

export default pythonRule({
  id: 'sensitive-data-logged',
  language: 'python',
  local: 'statement',
  category: 'security',
  severity: 'warning',
  anchors: ['CWE-532', 'gap:secret-in-log'],
  messages: {
    secret: l('로그에 자격 증명({value})이 그대로 남습니다', 'A credential ({value}) is written to the log in clear'),
    payload: l(
      "핸들러 '{handler}'가 요청 내용({value})을 통째로 로그에 남깁니다 — 사용자 데이터가 로그 저장소로 복사됩니다",
      "The handler '{handler}' writes the request content ({value}) to the log — user data is copied into the log store",
    ),
  },
  severityReasons: {
    payload: {
      severity: 'info',
      message: l(
        '요청 내용은 자격 증명이 아니지만, 개인 정보나 민감한 입력일 수 있습니다: 무엇을 얼마나 남길지 정해 두세요',
        'request content is not a credential, but it may hold personal or sensitive input: decide what to keep and for how long',
      ),
    },
  },
  docs: {
    summary: l(
      '로깅 호출의 인자에 API 키·토큰·비밀번호·요청 헤더·쿠키가 들어가거나, 핸들러가 요청 본문을 통째로 로그에 남기는 경우를 찾습니다. 요청의 식별자 필드(transaction_id, user_id 같은 ID — 주민·여권 번호 등은 제외)는 로그와 요청을 잇는 값이라 알리지 않습니다.',
      'Flags logging calls whose arguments hold API keys, tokens, passwords, request headers or cookies, and handlers that log the whole request body. An identifier field of the request (transaction_id, user_id — national or passport numbers excepted) is the key that ties a log line to its request and is not told.',
    ),
    why: l(
      '로그는 코드보다 훨씬 많은 사람과 시스템(로그 수집기, 대시보드, 외부 업체)이 읽고 오래 보관됩니다. 한 번 로그에 남은 키는 사실상 유출된 것이고, 사용자 입력은 개인정보 보호 의무가 따라옵니다.',
      'Logs are read by far more people and systems than the code (collectors, dashboards, vendors) and kept for a long time. A key that reached the log is as good as leaked, and user input brings privacy duties with it.',
    ),
    bad: "import logging\nfrom fastapi import FastAPI, Header\n\napp = FastAPI()\nlogger = logging.getLogger(__name__)\n\n@app.get('/secure')\ndef secure(x_api_key: str = Header(...)):\n    logger.warning(f'rejected key {x_api_key}')\n    return {}\n",
    good: "import logging\nfrom fastapi import FastAPI, Header\n\napp = FastAPI()\nlogger = logging.getLogger(__name__)\n\n@app.get('/secure')\ndef secure(x_api_key: str = Header(...)):\n    # TODO: 누가 실패했는지 추적하려면 키 대신 무엇을 남길까요? (요청 ID, 클라이언트 IP, 키의 해시 앞부분)\n    logger.warning('rejected API key', extra={'request_id': '...'})\n    return {}\n",
  },
  weeks: ['advanced/4', 'beginner/6'],
  questions: [
    l('이 로그는 누가 읽을 수 있고, 얼마나 오래 보관되나요?', 'Who can read this log, and how long is it kept?'),
    l(
      '{value|이 값} 대신 무엇을 남겨도 디버깅에 충분할까요? (요청 ID, 길이, 해시 앞부분)',
      'What could you log instead of {value|this value} that is still enough to debug? (a request id, a length, a hash prefix)',
    ),
  ],
  scaffold: {
    ko: '# TODO: 로그에서 민감한 값 빼기\n# 고려사항:\n# - 자격 증명(키, 토큰, 비밀번호, Authorization 헤더)은 절대 남기지 않기\n# - 사용자 입력은 필요한 필드만, 또는 길이/해시만 남길 수 있나요?\n# - 요청 ID로 로그와 요청을 연결하기\n# TODO: 로깅 인자 정리\n',
    en: '# TODO: keep sensitive values out of the log\n# Consider:\n# - never log credentials (keys, tokens, passwords, the Authorization header)\n# - for user input, log only the needed fields, or a length/hash\n# - tie log lines to requests with a request id\n# TODO: clean up the logging arguments\n',
  },
  callees: [LOG_METHOD, 'print'],
  check(context) {
    const { model } = context;
    for (const call of context.calls) {
      // A print is reported only for a credential: one without a credential word in its text is done before any tree access.
      if (call.callee === 'print' && !SECRET_WORDS.test(model.source.slice(call.node.startIndex, call.node.endIndex))) continue;
      const fn = call.node.childForFieldName('function');
      const written = fn?.text ?? '';
      if (!/^logging\.|log|^print$/i.test(written.replace(/\.\w+$/, '')) && !/^logging\./.test(call.callee ?? '')) continue;
      const args = call.node.childForFieldName('arguments');
      if (!args) continue;
      // Most log lines name nothing sensitive: a text test keeps the tree walk for the few that might.
      const argsText = model.source.slice(args.startIndex, args.endIndex);
      const secretWords = SECRET_WORDS.test(argsText);
      const handler = secretWords || /\{|%|,/.test(argsText) ? model.enclosingHandler(call.node) : undefined;
      if (!secretWords && !handler) continue;
      const payloadNames = handler ? payloadParameters(handler.node) : new Set<string>();
      if (handler) for (const name of contentAliases(model.source.slice(handler.node.startIndex, handler.node.endIndex), payloadNames)) payloadNames.add(name);
      if (!secretWords && !BODY_WORDS.test(argsText) && ![...payloadNames].some((n) => new RegExp(`\\b${n}\\b`).test(argsText))) continue;
      let found: { value: string; kind: 'secret' | 'payload'; node: Node } | undefined;
      for (const node of args.descendantsOfType(['identifier', 'attribute'])) {
        if (!node || node.parent?.type === 'attribute' || isCallee(node) || safelyWrapped(node, args)) continue;
        if (node.parent?.type === 'keyword_argument' && node.parent.childForFieldName('name')?.id === node.id) continue;
        const text = node.text;
        if (SECRET_NAME.test(text) || HEADERS.test(text)) {
          found = { value: text, kind: 'secret', node };
          break;
        }
        if (!found && handler && (BODY.test(text) || (payloadNames.has(text.split('.')[0]) && !SETTING_FIELD.test(text) && !ID_FIELD.test(text))))
          found = { value: text, kind: 'payload', node };
      }
      // The secret read straight from the environment: `print("key:", os.environ["OPENAI_API_KEY"])`.
      if (found?.kind !== 'secret' && secretWords) found = environmentSecret(args) ?? found;
      // A printed request body is print-instead-of-logging's lesson; a printed secret is this one.
      if (!found || (written === 'print' && found.kind !== 'secret')) continue;
      // A multi-line call (`json.dumps({...})`) is reported where the value sits.
      const multiLine = call.node.startPosition.row !== call.node.endPosition.row;
      context.report({
        node: multiLine ? found.node : call.node,
        messageId: found.kind,
        data: { value: found.value, handler: handler?.name ?? '?' },
        ...(found.kind === 'payload' ? { severityReason: 'payload' } : {}),
      });
    }
  },
});

/** `os.environ["API_KEY"]`, `os.getenv("DB_PASSWORD")`, `os.environ.get("HF_TOKEN")` among the arguments, not wrapped safely. */
function environmentSecret(args: Node): { value: string; kind: 'secret'; node: Node } | undefined {
  for (const node of args.descendantsOfType(['subscript', 'call'])) {
    if (!node || safelyWrapped(node, args)) continue;
    const head = (node.type === 'subscript' ? node.childForFieldName('value') : node.childForFieldName('function'))?.text ?? '';
    if (!ENV_READ.test(head)) continue;
    const key = node.type === 'subscript' ? node.childForFieldName('subscript') : node.childForFieldName('arguments')?.namedChildren[0];
    const name = key?.type === 'string' ? key.text.replace(/^[rbuRBU]*(['"])(.*)\1$/s, '$2') : undefined;
    if (name && SECRET_NAME.test(name)) return { value: node.text, kind: 'secret', node };
  }
  return undefined;
}

const ENV_READ = /^(os\.)?(environ|getenv|environ\.get)$/;

function isCallee(node: Node): boolean {
  return node.parent?.type === 'call' && node.parent.childForFieldName('function')?.id === node.id;
}

function safelyWrapped(node: Node, stop: Node): boolean {
  for (let n = node.parent; n && n.id !== stop.id; n = n.parent) {
    if (n.type === 'call' && SAFE_WRAP.test(n.childForFieldName('function')?.text ?? '')) return true;
  }
  return false;
}

/** Names that hold what the user wrote: a question, a prompt, a message, a review. */
const FREE_TEXT = /^(user_?)?(question|query|prompt|message|msg|text|content|input|comment|review|feedback|description|chat|utterance|transcript)s?$/i;
/** The request body read whole: `request.get_json()`, `request.form`, `await request.json()`. */
const BODY_READ = /^(await\s+)?request\s*\.\s*(json|form|args|values|data|body|get_json|get_data)\b/;
const ASSIGNMENT = /^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]+)?=(?!=)[ \t]*([^\n]+)$/gm;

/**
 * Locals of the handler that hold the request's content: the body read whole (`data =
 * request.get_json()`), and a free-text field copied out of it or out of a payload parameter
 * (`question = req.query`, `prompt = data.get("prompt")`, `text = request.args.get("text")`).
 * A field that is no free text (`session_id = req.session_id`) is an identifier, not user content.
 */
function contentAliases(text: string, payload: ReadonlySet<string>): Set<string> {
  const containers = new Set(payload);
  const aliases = new Set<string>();
  if (!/=/.test(text)) return aliases;
  for (const m of text.matchAll(ASSIGNMENT)) {
    const [, name, value] = m;
    const expression = value.trim();
    if (/^(len|bool|hash|type)\s*\(/.test(expression)) continue;
    if (BODY_READ.test(expression) && /^[\w\s.()]*$/.test(expression)) {
      containers.add(name);
      aliases.add(name);
      continue;
    }
    const field = fieldRead(expression, containers);
    if (field !== undefined && (FREE_TEXT.test(name) || FREE_TEXT.test(field))) aliases.add(name);
  }
  return aliases;
}

/** The field an expression reads from a container or the request (`req.query`, `data["q"]`, `request.args.get("q")`), if any. */
function fieldRead(expression: string, containers: ReadonlySet<string>): string | undefined {
  const keyed = /^(?:await\s+)?([A-Za-z_]\w*)((?:\s*\.\s*(?:json|form|args|values|data|get_json\s*\(\s*\)|get_data\s*\(\s*\)))*)\s*(?:\.\s*get\s*\(\s*|\[\s*)['"](\w+)['"]/.exec(
    expression,
  );
  if (keyed) {
    const [, root, chain, key] = keyed;
    return (root === 'request' ? chain.trim() !== '' : containers.has(root) && chain.trim() === '') ? key : undefined;
  }
  const attribute = /^([A-Za-z_]\w*)\s*\.\s*([A-Za-z_]\w*)\b(?!\s*\()/.exec(expression);
  return attribute && attribute[1] !== 'request' && containers.has(attribute[1]) ? attribute[2] : undefined;
}

/** Handler parameters that carry the request body: annotated with a model class (`data: Transaction`). */
function payloadParameters(fn: Node): Set<string> {
  const names = new Set<string>();
  for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (param?.type !== 'typed_parameter' && param?.type !== 'typed_default_parameter') continue;
    const name = param.type === 'typed_parameter' ? param.namedChildren[0]?.text : param.childForFieldName('name')?.text;
    // `schemas.PredictRequest`: the class as its module names it.
    const type = (param.childForFieldName('type')?.text ?? '').replace(/^([a-z_]\w*\.)+(?=[A-Z])/, '');
    if (name && /^[A-Z]/.test(type) && !NOT_PAYLOAD.test(type)) names.add(name);
  }
  return names;
}
