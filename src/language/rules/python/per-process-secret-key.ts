import type { Node } from 'web-tree-sitter';
import { referenceName } from '../../python/nodes';
import { SIGNING_KEY_NAME } from '../../python/secrets';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/** A value drawn at random when the process starts (`os.urandom(24)`, `secrets.token_hex()`, `str(uuid.uuid4())`). */
const RANDOM_VALUE = /^(?:str\(\s*|bytes\(\s*)?(?:os\.urandom|urandom|secrets\.token_(?:hex|urlsafe|bytes)|token_(?:hex|urlsafe|bytes)|uuid\.uuid4|uuid4)\s*\(/;
/** Keyword arguments that take the signing key (`SessionMiddleware(secret_key=...)`, `JWTStrategy(secret=...)`). */
const KEY_ARGUMENT = /^(?:secret_key|secret|signing_key|jwt_secret)$/;
/** Code that signs with the key: a web framework's sessions, JWTs, signed cookies. */
const SIGNING_MODULES = [
  'flask',
  'fastapi',
  'starlette',
  'django',
  'jwt',
  'jose',
  'authlib',
  'itsdangerous',
  'flask_jwt_extended',
  'flask_login',
  'fastapi_users',
  'litestar',
  'sanic',
  'quart',
];

/** Something in the file signs with the key: sessions, flashed messages, logins, CSRF tokens, JWTs, signed cookies. */
const SIGNS =
  /\bsession\b|\bflash\s*\(|\blogin_user\b|\bLoginManager\b|\bCSRFProtect\b|\bFlaskForm\b|\bSessionMiddleware\b|\bjwt\b|\bJWT\w*|\bSerializer\b|\bset_signed_cookie\b|\bcreate_access_token\b/;

export default pythonRule({
  id: 'per-process-secret-key',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['flask-docs:secret-key', 'gap:per-process-secret-key'],
  messages: {
    random: l(
      "'{name}'이(가) 프로세스가 시작할 때마다 새로 만든 난수입니다 — 재시작하면 모든 세션과 토큰이 무효가 되고, 워커나 인스턴스가 여럿이면 서로의 세션과 토큰을 거부합니다",
      "'{name}' is a random value drawn each time the process starts — every restart invalidates all sessions and tokens, and with several workers or instances each rejects the others' sessions and tokens",
    ),
  },
  docs: {
    summary: l(
      '세션·쿠키·JWT를 서명하는 키(Flask `app.secret_key`, `SECRET_KEY`, `JWT_SECRET`, `SessionMiddleware(secret_key=...)`)를 `os.urandom`, `secrets.token_hex`, `uuid4`로 시작할 때마다 만드는 코드를 찾습니다. 환경 변수가 없을 때만 쓰는 기본값(`os.getenv("SECRET_KEY", ...)`)과 테스트 파일은 제외합니다.',
      'Flags keys that sign sessions, cookies or JWTs (Flask `app.secret_key`, `SECRET_KEY`, `JWT_SECRET`, `SessionMiddleware(secret_key=...)`) drawn with `os.urandom`, `secrets.token_hex` or `uuid4` each time the process starts. A default used only when the environment variable is missing (`os.getenv("SECRET_KEY", ...)`) test files, and files where nothing signs with the key (no sessions, flashed messages, logins, CSRF, JWTs or signed cookies) are left alone.',
    ),
    why: l(
      '서명 키는 서비스의 모든 프로세스가 같은 값을 오래 공유해야 합니다. 시작할 때 만든 난수는 재배포·재시작마다 바뀌어 로그인한 사용자를 모두 내보내고, gunicorn 워커나 컨테이너 복제본이 여럿이면 요청이 어느 프로세스로 가느냐에 따라 세션이 무작위로 깨집니다. 키 자체는 비밀 저장소(환경 변수, Secret)에서 읽어야 합니다.',
      'A signing key must be shared by every process of the service and last. One drawn at start-up changes on every deploy or restart, logging every user out, and with several gunicorn workers or container replicas sessions break at random depending on which process a request reaches. The key belongs in a secret store (an environment variable, a Secret).',
    ),
    bad: "import os\n\nfrom flask import Flask, session\n\napp = Flask(__name__)\napp.secret_key = os.urandom(24)\n\n@app.route('/login', methods=['POST'])\ndef login():\n    session['user'] = 'alice'\n    return 'ok'\n",
    good: "import os\n\nfrom flask import Flask, session\n\napp = Flask(__name__)\n# TODO: 키는 어디에 보관할까요? 모든 워커와 인스턴스가 같은 값을 읽나요?\napp.secret_key = os.environ['FLASK_SECRET_KEY']\n\n@app.route('/login', methods=['POST'])\ndef login():\n    session['user'] = 'alice'\n    return 'ok'\n",
  },
  weeks: ['intermediate/2', 'advanced/4'],
  questions: [
    l(
      '서비스를 재배포한 직후, 이미 로그인해 있던 사용자의 다음 요청은 어떻게 될까요? {name|이 키}로 서명된 쿠키를 새 프로세스가 확인할 수 있나요?',
      'Right after a redeploy, what happens to the next request of a user who was logged in? Can the new process verify a cookie signed with the old {name|key}?',
    ),
    l(
      '서비스가 워커 프로세스나 복제본 여러 개로 돌면 {name|키}는 프로세스마다 같을까요? 로그인 요청과 다음 요청이 다른 프로세스로 가면 무슨 일이 생기나요?',
      'When the service runs as several worker processes or replicas, does each hold the same {name|key}? What happens when the login request and the next one reach different processes?',
    ),
    l(
      '이 키는 어디에 두어야 모든 프로세스가 같은 값을 읽고, 저장소에는 남지 않을까요?',
      'Where should this key live so that every process reads the same value and the repository never holds it?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 서명 키를 한곳에서 읽기\n# 고려사항:\n# - 모든 워커·복제본이 같은 값을 읽을 곳은? (환경 변수, Kubernetes Secret, 비밀 관리자)\n# - 값이 없을 때 조용히 난수를 쓸까요, 시작을 멈출까요?\n# - 키를 바꿔야 할 때(유출) 기존 세션은 어떻게 할까요?\n# TODO: SECRET_KEY = ... (난수 대신 설정에서)\n',
    en: '# TODO: read the signing key from one place\n# Consider:\n# - where do all workers and replicas read the same value? (env var, Kubernetes Secret, secret manager)\n# - when it is missing, fall back to a random value silently, or refuse to start?\n# - when the key must change (a leak), what happens to existing sessions?\n# TODO: SECRET_KEY = ... (from configuration, not random)\n',
  },
  // No query: one for every assignment and keyword argument matched a third of a file's nodes,
  // each moved again after every edit of the file. The model's lists hold the same nodes, and
  // are read only in the few files that sign anything.
  check(context) {
    const { model } = context;
    if (isTestPath(context.path) || !SIGNING_MODULES.some((m) => model.importsModule(m)) || !SIGNS.test(model.source)) return;
    for (const node of inDocumentOrder(model.assignments, model.keywordArguments)) {
      const assignment = node.type === 'assignment';
      const target = assignment ? node.childForFieldName('left') : undefined;
      const argument = assignment ? undefined : node.childForFieldName('name');
      const value = node.childForFieldName(assignment ? 'right' : 'value');
      // As the query `(assignment left: (_) right: (_))`, `(keyword_argument name: (identifier) value: (_))` matched.
      if (!value || !value.isNamed || (assignment ? !target?.isNamed : argument?.type !== 'identifier')) continue;
      if (!RANDOM_VALUE.test(value.text)) continue;
      const name = target ? referenceName(target) : argument && KEY_ARGUMENT.test(argument.text) ? argument.text : undefined;
      if (name && (target === undefined || SIGNING_KEY_NAME.test(name))) context.report({ node: value, messageId: 'random', data: { name } });
    }
  },
});

/** Two lists of nodes in document order, merged into one. */
function inDocumentOrder(a: readonly Node[], b: readonly Node[]): Node[] {
  const out: Node[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i].startIndex <= b[j].startIndex) ? a[i++] : b[j++]);
  return out;
}
