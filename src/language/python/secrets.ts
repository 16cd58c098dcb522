import { memoKey } from '../memo-key';

/**
 * Heuristics for hard-coded credentials, tuned for precision: a finding needs a secret-looking
 * name and a value that looks like a real credential rather than a placeholder or a label.
 */

/** Name segments that mean "this holds a credential". */
const SECRET_SEGMENTS = new Set(['password', 'passwd', 'pwd', 'secret', 'token', 'apikey', 'credential', 'credentials', 'passphrase']);
const SECRET_PAIRS = [
  ['api', 'key'],
  ['access', 'key'],
  ['private', 'key'],
  ['secret', 'key'],
  ['client', 'secret'],
  ['auth', 'token'],
];
/** Segments that turn the name into metadata about a secret (its URL, its env-var name, its length). */
const METADATA_SEGMENTS = new Set([
  'url',
  'uri',
  'endpoint',
  'name',
  'names',
  'field',
  'file',
  'path',
  'header',
  'type',
  'len',
  'length',
  'max',
  'min',
  'num',
  'count',
  'env',
  'var',
  'prefix',
  'param',
  'label',
  'pattern',
  'regex',
  'dir',
  'ttl',
  'expiry',
  'expires',
  'id',
  'policy',
  'hint',
  'prompt',
  'placeholder',
  'format',
  'kind',
  'location',
  'arn',
  'ref',
  'source',
  'limit',
  'required',
]);

/**
 * Placeholders are not secrets. Decision (documented in the rule): empty strings, values with
 * whitespace, template markers (`<...>`, `${...}`, `{{...}}`), repeated characters (`xxxx`, `****`),
 * and words such as changeme/your-.../example/dummy/placeholder/todo/test/secret/password.
 */
const PLACEHOLDER =
  /^(changeme|change[-_ ]?me|replace[-_ ]?me|your[-_].*|<.*>|\$\{.*\}|\{\{.*\}\}|%\(.*\)s|example.*|dummy.*|placeholder.*|todo.*|test.*|fake.*|sample.*|none|null|secret|password|token|redacted|\*+|x+|\.+|-+|[a-z]+_here|not[-_ ]?needed|no[-_ ]?key.*|sk-no-key-required|unused|ignored|anything|lm-studio|ollama|empty)$/i;

function segments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * A verdict that depends on the name alone, remembered: the same few hundred names recur in every
 * file and on every keystroke. Bounded, so odd inputs cannot grow it.
 */
function rememberedByName(classify: (name: string) => boolean): (name: string) => boolean {
  const known = new Map<string, boolean>();
  return (name) => {
    let verdict = known.get(name);
    if (verdict === undefined) {
      if (known.size >= 4096) known.clear();
      known.set(memoKey(name), (verdict = classify(name)));
    }
    return verdict;
  };
}

/** Does this variable, keyword or dict-key name hold a credential? */
export const isSecretName = rememberedByName(classifyName);

function classifyName(name: string): boolean {
  const parts = segments(name);
  if (parts.length === 0 || parts.some((p) => METADATA_SEGMENTS.has(p))) return false;
  if (parts.some((p) => SECRET_SEGMENTS.has(p))) return true;
  return SECRET_PAIRS.some(([a, b]) => parts.some((p, i) => p === a && parts[i + 1] === b));
}

/**
 * Does this name hold several credentials (`API_KEYS`, `VALID_API_KEYS`, `ADMIN_PASSWORDS`)?
 * The last segment is read in the singular. A bare `TOKENS` is left alone, because token lists
 * in ML code are vocabularies (`SPECIAL_TOKENS`, `STOP_TOKENS`); `AUTH_TOKENS` still counts.
 */
export const isSecretCollectionName = rememberedByName(classifyCollectionName);

function classifyCollectionName(name: string): boolean {
  const parts = segments(name);
  const last = parts[parts.length - 1];
  if (!last || !/[a-z]s$/.test(last) || parts.some((p) => METADATA_SEGMENTS.has(p))) return false;
  const singular = [...parts.slice(0, -1), last.replace(/ies$/, 'y').replace(/s$/, '')];
  if (singular[singular.length - 1] === 'token' && !singular.some((p) => TOKEN_OWNERS.has(p))) return false;
  return classifyName(singular.join('_'));
}

const TOKEN_OWNERS = new Set(['auth', 'access', 'api', 'bearer', 'admin', 'service', 'client', 'refresh']);

/** Does this literal look like a real credential value? */
export function looksLikeSecretValue(value: string): boolean {
  // A Google app password (SMTP alerts sent through Gmail) is four groups of four letters with spaces.
  if (APP_PASSWORD.test(value)) return true;
  if (value.length < 6 || /\s/.test(value) || PLACEHOLDER.test(value)) return false;
  // An environment-variable name (`HF_TOKEN`) or a dotted setting name is a reference, not a value.
  if (/^[A-Z][A-Z0-9_]*$/.test(value) || /^[a-z_]+(\.[a-z_]+)+$/.test(value)) return false;
  // URLs and paths are flagged only when they embed credentials (see `credentialsInUrl`).
  if (/^(https?|s3|gs|file):\/\//.test(value) || /^[./~]/.test(value)) return false;
  return true;
}

const APP_PASSWORD = /^[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}$/;

/**
 * A password is a secret however short: `pymysql.connect(password="root")`, `{"password": "1234"}`.
 * Names whose segments say password get a shorter floor than other secret names (three
 * characters instead of six); placeholders and environment-variable names still do not count.
 */
export function looksLikePassword(name: string, value: string): boolean {
  if (value.length < 3 || value.length >= 6 || !segments(name).some((p) => PASSWORD_SEGMENTS.has(p))) return false;
  return !/\s/.test(value) && !PLACEHOLDER.test(value) && !/^[A-Z][A-Z0-9_]*$/.test(value) && !/^[./~]/.test(value);
}

const PASSWORD_SEGMENTS = new Set(['password', 'passwd', 'pwd']);

/**
 * Credentials issued by a provider have a recognisable shape (OpenAI, GitHub, AWS, Hugging Face,
 * Slack, GitLab, Stripe, Google, private keys). A default of an environment lookup is reported
 * only when it has such a shape: `os.getenv("DB_PASSWORD", "cloudpass")` is local-development
 * configuration whatever the variable is called, `os.getenv("OPENAI_API_KEY", "sk-proj-...")`
 * ships a real key.
 */
const ISSUED_TOKEN = [
  /^sk-(proj-|live-|ant-)?[A-Za-z0-9_-]{20,}$/,
  /^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}$/,
  /^github_pat_[A-Za-z0-9_]{30,}$/,
  /^(AKIA|ASIA)[0-9A-Z]{16}$/,
  /^AIza[0-9A-Za-z_-]{35}$/,
  /^hf_[A-Za-z0-9]{30,}$/,
  /^xox[abprs]-[A-Za-z0-9-]{10,}$/,
  /^glpat-[A-Za-z0-9_-]{20,}$/,
  /^(sk|rk)_live_[A-Za-z0-9]{20,}$/,
  /^SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}$/,
  /^-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];

export function looksLikeIssuedToken(value: string): boolean {
  return ISSUED_TOKEN.some((shape) => shape.test(value));
}

/** `scheme://user:password@host` with a real-looking password. */
export function credentialsInUrl(value: string): boolean {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:([^@\s]+)@/i.exec(value);
  return match !== null && !PLACEHOLDER.test(match[1]) && !/^\$\{|^\{|^%\(/.test(match[1]);
}

/** A name for the key that signs sessions, cookies or tokens: `SECRET_KEY`, `app.secret_key`, `JWT_SECRET`, `SESSION_SECRET`. */
export const SIGNING_KEY_NAME = /^(?:(?:flask_|app_|django_)?secret_?key|jwt_?secret(?:_?key)?|session_?secret(?:_?key)?|signing_?key|token_?secret(?:_?key)?)$/i;
