import { looksLikeIssuedToken } from '../python/secrets';
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
 * The credentials written in a dotenv file. A value counts when the variable names a credential
 * (see `isLiteralSecret`) and the value has the shape of an issued or generated one: a provider's
 * key (`sk-...`, `hf_...`, `AKIA...`), a private key, or a long random string. Short local defaults
 * (`POSTGRES_PASSWORD=postgres`), placeholders and `${VAR}` references are configuration a
 * reviewer lets pass, committed or not.
 */
export function envFacts(text: string): EnvFacts {
  const credentials: EnvCredentialFact[] = [];
  const lines = text.split(/\r?\n/);
  for (let line = 0; line < lines.length; line++) {
    const match = ASSIGNMENT.exec(lines[line]);
    if (!match) continue;
    const value = unquote(match[2]);
    if (!isLiteralSecret(match[1], value) || !(looksLikeIssuedToken(value) || looksGenerated(value) || generatedUrlPassword(value))) continue;
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

/** A long string of mixed letters and digits, as key generators and providers emit them. */
function looksGenerated(value: string): boolean {
  if (value.length < 16 || /\s/.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^[./~]/.test(value)) return false;
  return /[A-Za-z]/.test(value) && /\d/.test(value);
}

/** `scheme://user:<generated password>@host`: a real database or broker password, not `postgres:postgres`. */
function generatedUrlPassword(value: string): boolean {
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:([^@\s]+)@/i.exec(value)?.[1];
  return password !== undefined && password.length >= 12 && /[A-Za-z]/.test(password) && /\d/.test(password);
}
