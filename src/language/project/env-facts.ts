import { suppressionList } from '../suppress';
import { isLiteralSecret } from '../yaml/secrets';
import type { EnvCredentialFact, EnvFacts } from './facts';

/**
 * Dotenv files: `.env`, `.env.production`, `prod.env`. Their templates (`.env.example`,
 * `.env.sample`, `example.env`) are documentation and are not read.
 */
const DOTENV = /^\.env(\.[\w.-]+)?$|^[\w.-]+\.env$/;
const TEMPLATE = /(^|[.\-_])(example|sample|template|dist|defaults?|tmpl|tpl)([.\-_]|$)/;

/** Is this lower-cased file name a dotenv file the project model reads? */
export function isDotenvName(lower: string): boolean {
  return DOTENV.test(lower) && !TEMPLATE.test(lower);
}

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/;

/**
 * A value left for the reader to fill in: `your-api-key-here`, `<token>`, `changeme`, `xxxx`,
 * `sk-...`. Empty values, `${VAR}` references and a local server's dummy key are left out
 * earlier (`isLiteralSecret`).
 */
const PLACEHOLDER =
  /^(?:<[^<>]*>|\{\{[^{}]*\}\}|your(?:[\W_].*)?|.*[-_ ]here|(?:change|replace)[-_ ]?(?:me|it|this)(?:[-_ ][a-z_ -]*)?|x{3,}|\*{3,}|\.{3}|todo|tbd|sk-(?:x+|\.+|\*+))$/i;

/**
 * The credentials written in a dotenv file: every variable that names a credential (see
 * `isLiteralSecret`) with a literal value, and every connection URL with a password in it.
 * A committed `.env` is read like a compose file's `environment:`: `POSTGRES_PASSWORD=mlflow_pass`
 * is the database's password for anyone who clones the repository, however short it is.
 * Placeholders and `${VAR}` references are configuration and pass.
 */
export function envFacts(text: string): EnvFacts {
  const credentials: EnvCredentialFact[] = [];
  const lines = text.split(/\r?\n/);
  for (let line = 0; line < lines.length; line++) {
    const match = ASSIGNMENT.exec(lines[line]);
    if (!match) continue;
    const value = unquote(match[2]);
    if (!isLiteralSecret(match[1], value) || PLACEHOLDER.test(value) || placeholderUrlPassword(value)) continue;
    const column = lines[line].indexOf(match[1]);
    credentials.push({ name: match[1], range: { start: { line, column }, end: { line, column: lines[line].length } } });
  }
  return { kind: 'env', credentials, suppressions: suppressionList(text) };
}

/** The value without its quotes, or without a trailing ` # comment` when unquoted. */
function unquote(raw: string): string {
  const trimmed = raw.trim();
  const quoted = /^(["'])(.*?)\1/.exec(trimmed);
  if (quoted) return quoted[2];
  return trimmed.replace(/\s+#.*$/, '');
}

/** `scheme://user:<password>@host` with a placeholder for the password (`postgres://app:<password>@db`). */
function placeholderUrlPassword(value: string): boolean {
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:([^@\s]+)@/i.exec(value)?.[1];
  return password !== undefined && PLACEHOLDER.test(password);
}
