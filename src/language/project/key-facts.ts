import { suppressionList } from '../suppress';
import type { KeyFileFacts, KeyFact } from './facts';

/**
 * Credential files a learner commits whole: a GCP service-account key (`key.json`,
 * `sa-key.json`, `serviceAccountKey.json`, or the `<project>-<12 hex>.json` name the console
 * downloads it under), a private key (`*.pem`, `*.key`, `id_rsa`), an AWS `credentials` file.
 * Only JSON files whose name says key, credential, secret or service account are read, so a
 * repository's data files (`annotations.json`, a 200 MB `keypoints` file) are never opened.
 */
const NAME_WORDS = ['key', 'keys', 'keyfile', 'credential', 'credentials', 'cred', 'creds', 'secret', 'secrets', 'sa', 'account', 'gcp', 'gcloud'];
const NAME_PARTS = ['serviceaccount', 'service-account', 'service_account', 'adminsdk', 'client_secret', 'client-secret'];
const JSON_KEY_NAME = new RegExp(`(^|[-_. ])(${NAME_WORDS.join('|')})([-_. ]|$)|${NAME_PARTS.join('|')}|-[0-9a-f]{12}$`);
const PRIVATE_KEY_NAME = /\.(pem|key)$|^id_(rsa|dsa|ecdsa|ed25519)$/;

/**
 * The same names as editor globs (case-sensitive, so the usual capitalisations are listed):
 * each word alone or between separators, each part anywhere, the console's 12-hex suffix.
 */
export const KEY_FILE_GLOBS: readonly string[] = [
  ...NAME_WORDS.flatMap((word) => [word, word[0].toUpperCase() + word.slice(1), word.toUpperCase()]).flatMap((word) => [
    `${word}.json`,
    `${word}[-_. ]*.json`,
    `*[-_. ]${word}.json`,
    `*[-_. ]${word}[-_. ]*.json`,
  ]),
  ...[...NAME_PARTS, 'serviceAccount', 'ServiceAccount'].map((part) => `*${part}*.json`),
  `*-${'[0-9a-f]'.repeat(12)}.json`,
  '*.pem',
  '*.key',
  'id_rsa',
  'id_dsa',
  'id_ecdsa',
  'id_ed25519',
  'credentials',
];

/** Is this lower-cased file name one the credential-file reader opens? */
export function isKeyFileName(lower: string): boolean {
  if (lower.endsWith('.json')) return JSON_KEY_NAME.test(lower.slice(0, -'.json'.length));
  return PRIVATE_KEY_NAME.test(lower) || lower === 'credentials';
}

/**
 * Examples, samples and test fixtures hold keys that were never issued (or were issued for the
 * test only): a folder or file named so is documentation, not a leak. Folders are read from the
 * run's root down (`relative`), so a checkout under `~/examples/` is not taken for one. A plain
 * `tests/` folder is not among them: the CLI's root can sit above the project, and a key a test
 * suite reads to reach a real bucket is a real key.
 */
const DOCUMENTATION_FOLDER = /(^|[\\/])(examples?|samples?|dummy|fake|mocks?|fixtures?|testdata|test_data|__fixtures__)[\\/]/i;
const DOCUMENTATION_NAME = /example|sample|dummy|fake|mock|template|placeholder/i;

/** Is this key file an example or a test fixture? `relative`: its path from the project root, when known. */
export function isDocumentationKey(relative: string): boolean {
  const name = relative.slice(Math.max(relative.lastIndexOf('/'), relative.lastIndexOf('\\')) + 1);
  return DOCUMENTATION_NAME.test(name) || (!/^([\\/]|[A-Za-z]:)/.test(relative) && DOCUMENTATION_FOLDER.test(relative));
}

/** A PEM header of an unencrypted private key (an `ENCRYPTED PRIVATE KEY` needs its passphrase). */
const PEM_BEGIN = /-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH) )?PRIVATE KEY-----/;
/** A key body: a run of base64 (a placeholder such as `...`, `<your key>` or `xxxx` is not one). */
const BASE64_BODY = /^[A-Za-z0-9+/=]{16,}/;

/** The credentials a committed key file holds, each at the line a reviewer points at. */
export function keyFileFacts(path: string, text: string): KeyFileFacts {
  const keys: KeyFact[] = [];
  const lines = text.split(/\r?\n/);
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) jsonKeys(lines, keys);
  else if (/(^|[\\/])credentials$/.test(lower)) awsKeys(lines, keys);
  else pemKeys(lines, keys);
  return { kind: 'keyfile', keys, suppressions: suppressionList(text) };
}

/** `"private_key": "-----BEGIN PRIVATE KEY-----\nMIIE...` in a service-account (or other) key JSON. */
function jsonKeys(lines: readonly string[], keys: KeyFact[]): void {
  const serviceAccount = lines.some((line) => /"type"\s*:\s*"service_account"/.test(line));
  for (let line = 0; line < lines.length; line++) {
    const match = /"private_key"\s*:\s*"([^"]*)/.exec(lines[line]);
    if (!match) continue;
    const value = match[1];
    const begin = PEM_BEGIN.exec(value);
    if (!begin) continue;
    const body = value.slice(begin.index + begin[0].length).replace(/^(\\n|\\r|\s)+/, '');
    if (!BASE64_BODY.test(body)) continue;
    keys.push({ kind: serviceAccount ? 'service-account' : 'private-key', range: lineRange(lines, line, match.index) });
  }
}

/** A PEM private key: its BEGIN line, when a real body follows. */
function pemKeys(lines: readonly string[], keys: KeyFact[]): void {
  for (let line = 0; line < lines.length; line++) {
    const begin = PEM_BEGIN.exec(lines[line]);
    if (!begin) continue;
    const next = lines.slice(line + 1, line + 3).find((l) => l.trim() !== '') ?? '';
    const rest = lines[line].slice(begin.index + begin[0].length).trim();
    if (!BASE64_BODY.test(rest || next.trim()) || /ENCRYPTED/.test(next)) continue;
    keys.push({ kind: 'private-key', range: lineRange(lines, line, begin.index) });
  }
}

/** `aws_secret_access_key = ...` in an AWS credentials file (AWS's own documented example keys end in EXAMPLEKEY). */
function awsKeys(lines: readonly string[], keys: KeyFact[]): void {
  for (let line = 0; line < lines.length; line++) {
    const match = /^\s*aws_secret_access_key\s*=\s*([A-Za-z0-9/+=]{30,})\s*$/i.exec(lines[line]);
    if (!match || /EXAMPLE/i.test(match[1])) continue;
    keys.push({ kind: 'aws', range: lineRange(lines, line, lines[line].length - lines[line].trimStart().length) });
  }
}

function lineRange(lines: readonly string[], line: number, column: number) {
  return { start: { line, column }, end: { line, column: lines[line].length } };
}
