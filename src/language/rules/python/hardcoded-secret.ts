import type { Node } from 'web-tree-sitter';
import { keywordArgument, stringValue } from '../../python/model';
import { credentialsInUrl, isSecretCollectionName, isSecretName, looksLikeIssuedToken, looksLikePassword, looksLikeSecretValue, SIGNING_KEY_NAME } from '../../python/secrets';
import { isTestPath } from '../../python/test-code';
import { assignmentAt, keywordNameAt, stringKeyAt } from '../../python/scan';
import { l, pythonRule } from '../../rule';

/** A comparison with a string literal on either side. */
const COMPARISON_WITH_STRING = /[!=]=\s*['"]|['"]\s*[!=]=/g;
/** `name == 'literal'` or `'literal' == name`, with a dotted or subscripted name. */
const COMPARED_SECRET =
  /([A-Za-z_][\w.]*(?:\[\s*['"][\w-]+['"]\s*\])?)\s*[!=]=\s*('[^'\n]*'|"[^"\n]*")|('[^'\n]*'|"[^"\n]*")\s*[!=]=\s*([A-Za-z_][\w.]*(?:\[\s*['"][\w-]+['"]\s*\])?)/g;

/**
 * Where a key is used to sign (`jwt.encode(payload, SECRET_KEY, ...)`, `secret_key=SECRET_KEY`): a
 * placeholder key is reported only when the code signs with it, and that use is usually inside a function
 * other than the constant's statement. Bounded so a call left open cannot make the scan quadratic.
 */
const SIGNING_USE = /\b(?:encode|decode|sign|loads|dumps|Serializer|SessionMiddleware|JWTManager)\s*\([^)]{0,400}|\b(?:secret_key|key|secret)\s*=\s*[A-Za-z_]\w*/g;

/** What a placeholder-key finding reads beyond its own statement: the file's signing uses, as text. */
function statementFact(model: { readonly source: string }): string {
  return (model.source.match(SIGNING_USE) ?? []).join('\n');
}

export default pythonRule({
  id: 'hardcoded-secret',
  language: 'python',
  local: 'statement',
  statementFact,
  category: 'security',
  severity: 'error',
  anchors: ['B105', 'B106', 'S105', 'S106', 'CWE-798', 'semgrep:hardcoded-config'],
  messages: {
    named: l("'{name}'에 비밀값이 코드에 직접 적혀 있습니다", "A secret is written directly into the code for '{name}'"),
    url: l('연결 문자열에 사용자 이름과 비밀번호가 들어 있습니다', 'The connection string embeds a user name and password'),
    placeholderKey: l(
      '\'{name}\'는 자리표시자("{value}")이지만 코드가 실제로 이 값으로 서명합니다 — 저장소를 읽은 누구나 유효한 토큰이나 세션을 만들 수 있습니다',
      '\'{name}\' is a placeholder ("{value}"), yet the code signs with it — anyone who reads the repository can forge valid tokens or sessions',
    ),
  },
  docs: {
    summary: l(
      '비밀번호/토큰/API 키처럼 보이는 이름에 문자열 리터럴을 넣거나, URL에 계정 정보를 넣은 코드를 찾습니다. 빈 값, changeme 같은 자리표시자, 환경 변수 조회(기본값이 발급된 키 형태가 아니면), pydantic 설정 클래스(BaseSettings) 필드의 기본값(환경 변수가 대신하므로 — 발급된 키 형태나 서명 키가 아니면), 테스트 파일은 제외합니다. 다만 코드가 실제로 서명에 쓰는 서명 키(jwt.encode에 넘기는 SECRET_KEY, Flask의 app.secret_key)는 자리표시자("your-secret-key")여도 찾습니다: 그 값을 바꾸는 곳이 없습니다.',
      'Flags string literals assigned to password/token/API-key names and URLs with embedded credentials. Empty values, placeholders such as changeme, environment lookups (unless the default has the shape of an issued key), field defaults of a pydantic settings class (BaseSettings; the environment replaces them, so likewise unless the value is an issued key or a signing key) and test files are ignored. A signing key the code actually signs with (a SECRET_KEY passed to jwt.encode, Flask’s app.secret_key) is flagged even as a placeholder ("your-secret-key"): nothing replaces it.',
    ),
    why: l(
      '코드에 적힌 비밀값은 git 기록, 이미지 레이어, 로그를 통해 퍼지고 되돌릴 수 없습니다. 유출되면 키를 바꾸고 모든 배포를 다시 해야 합니다.',
      'A secret in code spreads through git history, image layers and logs, and cannot be taken back. Once leaked, the key must be rotated and everything redeployed.',
    ),
    bad: "API_KEY = 'sk-live-4f9a8b7c6d5e4f3a2b1c'\n",
    good: "import os\n\n# TODO: 이 값은 어디서 주입되나요? (환경 변수, 시크릿 매니저) 없으면 어떻게 할까요?\nAPI_KEY = os.environ['API_KEY']\n",
  },
  weeks: ['intermediate/1', 'advanced/5', 'advanced/9'],
  questions: [
    l('이 저장소를 볼 수 있는 사람은 누구인가요? 그들이 {name|이 비밀값}으로 할 수 있는 일은요?', 'Who can read this repository, and what can they do with {name|this secret}?'),
    l(
      '이 비밀값이 유출되었다면, 바꾸는 데 어떤 작업이 필요할까요? 코드 수정 없이 바꿀 수 있나요?',
      'If this secret leaked, what would rotating it take? Could you do it without changing code?',
    ),
    l('개발, 스테이징, 운영 환경은 같은 비밀값을 써도 될까요?', 'Should development, staging and production share this secret?'),
  ],
  scaffold: {
    ko: '# TODO: 비밀값을 코드 밖으로\n# 고려사항:\n# - 실행 환경에서 어떻게 주입할까요? (환경 변수, K8s Secret, 시크릿 매니저)\n# - 값이 없을 때 시작을 실패시켜야 할까요?\n# - 이미 커밋된 키는 교체(rotate)했나요?\n# TODO: 코드에는 이름만, 값은 환경에서 읽기\n',
    en: '# TODO: move the secret out of the code\n# Consider:\n# - how is it injected at run time? (environment variable, K8s Secret, a secret manager)\n# - should start-up fail when it is missing?\n# - has the already committed key been rotated?\n# TODO: keep only the name in code and read the value from the environment\n',
  },
  check(context) {
    const { model } = context;
    if (isTestPath(context.path)) return;
    const source = model.source;
    const reported = new Set<number>();
    // A placeholder is no secret, except where nothing replaces it: a signing key the code signs with
    // (`SECRET_KEY = "your-secret-key"` passed to jwt.encode, Flask's `app.secret_key`).
    const placeholderSigningKey = (target: string, name: string, value: Node | null | undefined) => {
      const text = value ? stringValue(value) : undefined;
      if (!value || text === undefined || text.length < 6 || looksLikeSecretValue(text) || !PLACEHOLDER_VALUE.test(text) || !SIGNING_KEY_NAME.test(name)) return;
      const flaskKey = /^\w+\.(secret_key|config\[\s*['"]SECRET_KEY['"]\s*\])$/.test(target) && model.importsModule('flask');
      const signsWith = new RegExp(
        `\\b(?:encode|decode|sign|loads|dumps|Serializer|SessionMiddleware|JWTManager)\\s*\\([^)]{0,400}\\b${name}\\b|\\b(?:secret_key|key|secret)\\s*=\\s*${name}\\b`,
      ).test(source);
      if (flaskKey || (/^[A-Za-z_]\w*$/.test(target) && signsWith)) context.report({ node: value, messageId: 'placeholderKey', data: { name, value: text } });
    };
    // `settingsDefault`: the value is a field default of a settings class, which the environment
    // replaces like an `os.getenv` default: reported, as those are, when it has the shape of an
    // issued key, and when it is a signing key (the app signs with it whenever nobody sets one).
    const check = (name: string | undefined, value: Node | null | undefined, settingsDefault = false) => {
      const text = value ? stringValue(value) : undefined;
      if (text === undefined || !value || name === undefined) return;
      const secret = settingsDefault
        ? looksLikeIssuedToken(text) || (SIGNING_KEY_NAME.test(name) && looksLikeSecretValue(text))
        : looksLikeSecretValue(text) || looksLikePassword(name, text);
      if (secret) context.report({ node: value, messageId: 'named', data: { name } });
    };
    // Names are read from the source text; only secret-looking names cost a tree lookup.
    for (const assignment of model.assignments) {
      const target = assignmentAt(source, assignment.startIndex)?.target;
      const name = target?.replace(/^.*\.|^.*\[\s*['"]|['"]\s*\]$/g, '');
      if (name && isSecretName(name)) {
        check(name, assignment.childForFieldName('right'), settingsField(assignment));
        placeholderSigningKey(target!, name, assignment.childForFieldName('right'));
      } else if (name && isSecretCollectionName(name)) {
        const collection = assignment.childForFieldName('right');
        if (collection && literalSecrets(collection)) context.report({ node: collection, messageId: 'named', data: { name } });
      }
    }
    for (const pair of model.pairs) {
      const key = stringKeyAt(source, pair.startIndex);
      if (key && isSecretName(key)) check(key, pair.childForFieldName('value'));
    }
    for (const argument of model.keywordArguments) {
      const name = keywordNameAt(source, argument.startIndex);
      if (name && isSecretName(name) && !keyForLocalServer(argument)) check(name, argument.childForFieldName('value'));
    }
    // The default of an environment lookup is local configuration, whatever the variable is
    // called (`os.getenv("DB_PASSWORD", "cloudpass")`); only a provider-issued key is a leak.
    // That holds for a connection string too (`os.getenv("DATABASE_URL", "postgresql://app:app@localhost/db")`):
    // the URL scan below skips these defaults.
    const fallbacks: [number, number][] = [];
    for (const call of model.callsNamed(ENV_LOOKUPS)) {
      const [key, fallback] = call.node.childForFieldName('arguments')?.namedChildren ?? [];
      const name = key ? stringValue(key) : undefined;
      const value = fallback ? stringValue(fallback) : undefined;
      if (fallback) fallbacks.push([fallback.startIndex, fallback.endIndex]);
      if (name && fallback && value !== undefined && looksLikeIssuedToken(value)) context.report({ node: fallback, messageId: 'named', data: { name } });
    }
    // A credential checked against a literal (`auth.password == 'admin'`, Bandit B105's compare):
    // any non-empty value is the password, placeholder-looking or not. A cheap scan finds the
    // comparisons with a string on one side; only their lines are read further.
    for (const hit of model.textMatches(COMPARISON_WITH_STRING)) {
      const start = source.lastIndexOf('\n', hit.index) + 1;
      const end = source.indexOf('\n', hit.index);
      const line = source.slice(start, end < 0 ? source.length : end);
      for (const match of line.matchAll(COMPARED_SECRET)) {
        const name = (match[1] ?? match[4]).replace(/^.*\.|^.*\[\s*['"]|['"]\s*\]$/g, '');
        const literal = match[2] ?? match[3];
        if (!isSecretName(name) || /^\s*$/.test(literal.slice(1, -1))) continue;
        const at = start + match.index + match[0].indexOf(literal);
        if (!reported.has(at)) context.report({ range: model.rangeOf(at, at + literal.length), messageId: 'named', data: { name } });
        reported.add(at);
      }
    }
    for (const match of model.textMatches(URL_WITH_PASSWORD)) {
      const at = match.index;
      if (fallbacks.some(([start, end]) => at >= start && at < end)) continue;
      if (credentialsInUrl(match[2])) context.report({ range: model.rangeOf(match.index, match.index + match[0].length), messageId: 'url' });
    }
  },
});

const ENV_LOOKUPS = ['os.getenv', 'os.environ.get'];
/** A value written to be replaced: `your-secret-key`, `change-me`, `secret`, `supersecret`, `my_secret_key`. */
const PLACEHOLDER_VALUE =
  /^(?:your|my|change|replace|put|insert|enter|some|super|default|dev|development|test|example|sample|dummy|secret|unsafe|insecure)[\w\s-]*$|(?:secret|key|here|me|please)$/i;

/**
 * A short list, set, tuple or dict of accepted keys written out (`API_KEYS = ["k-1a2b3c", ...]`):
 * every element (every value, for a dict) is a string literal with the shape of a credential. A
 * long list is a word list (common passwords to reject), not the service's own keys.
 */
function literalSecrets(collection: Node): boolean {
  const elements =
    collection.type === 'dictionary'
      ? collection.namedChildren.map((pair) => (pair?.type === 'pair' ? pair.childForFieldName('value') : null))
      : ['list', 'set', 'tuple'].includes(collection.type)
        ? collection.namedChildren
        : [];
  if (elements.length === 0 || elements.length > 10) return false;
  return elements.every((element) => {
    const text = element ? stringValue(element) : undefined;
    return text !== undefined && looksLikeSecretValue(text);
  });
}

/**
 * A field of a pydantic settings class (`class Settings(BaseSettings): MINIO_SECRET_KEY: str =
 * "minioadmin"`): the environment variable of the same name replaces the default, as it does for
 * `os.getenv("MINIO_SECRET_KEY", "minioadmin")`, so the default is local configuration.
 */
function settingsField(assignment: Node): boolean {
  // assignment -> expression_statement -> block -> class_definition
  const owner = assignment.parent?.parent?.parent;
  return owner?.type === 'class_definition' && /\bBaseSettings\b/.test(owner.childForFieldName('superclasses')?.text ?? '');
}

/**
 * An OpenAI-compatible client pointed at a server on this machine or in the compose network
 * (`OpenAI(base_url="http://localhost:11434/v1", api_key="llama3")`): Ollama, LM Studio, vLLM and
 * llama.cpp ignore the key, which any non-empty string fills.
 */
function keyForLocalServer(argument: Node): boolean {
  const call = argument.parent?.parent;
  if (call?.type !== 'call') return false;
  const base = keywordArgument(call, 'base_url') ?? keywordArgument(call, 'api_base') ?? keywordArgument(call, 'openai_api_base');
  const url = base ? stringValue(base) : undefined;
  return url !== undefined && LOCAL_SERVER.test(url);
}

const LOCAL_SERVER = /^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal|ollama|lmstudio|vllm|llama-?cpp)(:\d+)?(\/|$)/i;

/** A quoted URL with `user:password@` in it; the password is then checked against placeholders. */
const URL_WITH_PASSWORD = /[rbuRBU]?(['"])([a-z][a-z0-9+.-]*:\/\/[^:/@\s'"]+:[^@\s'"]+@[^'"\n]*)\1/gi;
