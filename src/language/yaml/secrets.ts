import { isTemplatePlaceholder } from './helm';

/** Name words that hold credentials (kube-linter env-var-secret, Polaris sensitiveContainerEnvVar). */
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PWD', 'PASS', 'PASSPHRASE', 'SECRET', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS']);
/**
 * `KEY` is a secret only after these words: `API_KEY`, `ACCESS_KEY`, Airflow's `FERNET_KEY` (which
 * encrypts every stored connection); not `CACHE_KEY` or `S3_KEY`.
 */
const KEY_QUALIFIERS = new Set(['API', 'ACCESS', 'PRIVATE', 'SECRET', 'ENCRYPTION', 'SIGNING', 'MASTER', 'LICENSE', 'SERVICE', 'ACCOUNT', 'FERNET']);
/** A last word that points at a secret or describes it rather than holding it. */
const REFERENCE_LAST = new Set([
  'FILE',
  'PATH',
  'DIR',
  'NAME',
  'REF',
  'ID',
  'URL',
  'URI',
  'HOST',
  'PORT',
  'USER',
  'USERNAME',
  'ENABLED',
  'TYPE',
  'METHOD',
  'EXPIRY',
  'TTL',
  'ALGORITHM',
  'LENGTH',
  'HEADER',
  'ENDPOINT',
  'SECONDS',
  'MINUTES',
  'MODE',
  'VERSION',
  // Airflow's `_CMD` suffix names a command that prints the secret.
  'CMD',
]);

/**
 * Is this variable name a credential? Names are split into words, so the ML-typical
 * `MAX_TOKENS` and `TOKENIZERS_PARALLELISM` are not mistaken for `HF_TOKEN`.
 */
export function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  if (words.length === 0 || REFERENCE_LAST.has(words[words.length - 1])) return false;
  return words.some((word, i) => SECRET_WORDS.has(word) || (word === 'KEY' && i > 0 && KEY_QUALIFIERS.has(words[i - 1])));
}

/** Does this literal environment value look like a credential written into the file? */
export function isLiteralSecret(name: string, value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || /\$\{?[A-Za-z_]|\$\(/.test(trimmed) || isTemplatePlaceholder(trimmed)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^@\s/]+@/i.test(trimmed)) return true;
  if (!isSecretName(name) || /^(true|false|yes|no|on|off|null|~)$/i.test(trimmed) || FILE_PATH.test(trimmed)) return false;
  return !(DUMMY_KEY.test(trimmed) && !PASSWORD_NAME.test(name));
}

/**
 * A path to a mounted file (`GOOGLE_APPLICATION_CREDENTIALS: /var/secrets/google/key.json`,
 * `DB_PASSWORD: /run/secrets/db_password`): the variable says where the credential is, the way
 * Google's client libraries and Docker secrets expect, and the file itself comes from a Secret.
 * An absolute path of two or more segments, or a relative one to a key file.
 */
const FILE_PATH = /^(?:\/[\w.@-]+){2,}$|^\.{0,2}\/?(?:[\w.@-]+\/)*[\w.@-]+\.(?:json|pem|key|p12|pfx|crt)$/;

/**
 * The dummy key a local OpenAI-compatible server ignores (`OPENAI_API_KEY=ollama`, `EMPTY`,
 * `docker-model-runner`): the client library wants some value, and no credential is in it. A
 * password of that text is still a password.
 */
const DUMMY_KEY = /^(ollama|lm-?studio|docker-model-runner|vllm|llama[.-]?cpp|localai|empty|dummy|not[-_]?needed|no[-_]?key|sk-no-key-required|unused)$/i;
const PASSWORD_NAME = /pass(word|wd|phrase)?|pwd/i;
