/**
 * Reads the accuracy corpus (`test/accuracy/cases/<set>/<case>/`): each case is a `case.yml`
 * with the reviewers' expected issues and negative controls, next to `repo/`, a minimal
 * reproduction of a real public repository. Locations may be given as line numbers or as text
 * anchors, which are resolved here against the files in `repo/` so that editing a case does
 * not silently shift its expectations. Any mistake in a case file is an error with its path.
 * The format is documented in test/accuracy/README.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CATEGORIES, type Category } from '../src/language/types';
import { SETS, type CaseSet, type ExpectedIssue, type Location, type NegativeControl } from './accuracy-score';

export const CORPUS_ROOT = path.resolve(__dirname, '..', 'test', 'accuracy', 'cases');
export const KINDS = ['learner', 'course', 'template', 'reference'] as const;
const SEVERITIES = ['high', 'medium', 'low'] as const;

export interface SourceFile {
  readonly path: string;
  readonly commit?: string;
}

export interface CorpusCase {
  readonly id: string;
  readonly set: CaseSet;
  /** The case folder; the mini-repository is `dir/repo`. */
  readonly dir: string;
  readonly repoDir: string;
  readonly source: { readonly repo: string; readonly commit?: string; readonly files: readonly SourceFile[] };
  readonly kind: (typeof KINDS)[number];
  readonly summary: string;
  readonly issues: readonly ExpectedIssue[];
  readonly controls: readonly NegativeControl[];
}

export class CaseError extends Error {}

type Raw = Record<string, unknown>;

const LOCATION_KEYS = ['file', 'at', 'after', 'to', 'line', 'lines', 'all'];
const ISSUE_KEYS = [...LOCATION_KEYS, 'category', 'accept', 'severity', 'issue', 'note', 'or'];
const CONTROL_KEYS = [...LOCATION_KEYS, 'category', 'rules', 'why'];
const CASE_KEYS = ['source', 'kind', 'summary', 'issues', 'controls'];

/** Every case of the given sets, sorted by set then id. */
export function loadCorpus(sets: readonly CaseSet[] = SETS, root = CORPUS_ROOT): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const set of sets) {
    const setDir = path.join(root, set);
    if (!fs.existsSync(setDir)) continue;
    for (const name of fs.readdirSync(setDir).sort()) {
      const dir = path.join(setDir, name);
      if (fs.statSync(dir).isDirectory()) cases.push(loadCase(dir, set));
    }
  }
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new CaseError(`case id ${c.id} is used twice (dev and holdout?)`);
    seen.add(c.id);
  }
  return cases;
}

export function loadCase(dir: string, set: CaseSet): CorpusCase {
  const id = path.basename(dir);
  const file = path.join(dir, 'case.yml');
  const where = (what: string) => `${path.relative(process.cwd(), file)}: ${what}`;
  if (!fs.existsSync(file)) throw new CaseError(where('missing'));
  const repoDir = path.join(dir, 'repo');
  if (!fs.existsSync(repoDir)) throw new CaseError(where('the case has no repo/ folder'));
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CaseError(where(`not valid YAML: ${(error as Error).message}`));
  }
  const doc = object(raw, where('the document'));
  onlyKeys(doc, CASE_KEYS, where('top level'));

  const source = object(doc.source, where('source'));
  onlyKeys(source, ['repo', 'commit', 'files'], where('source'));
  const files = list(source.files, where('source.files')).map((entry, i): SourceFile => {
    if (typeof entry === 'string') return { path: entry };
    const o = object(entry, where(`source.files[${i}]`));
    onlyKeys(o, ['path', 'commit'], where(`source.files[${i}]`));
    return { path: text(o.path, where(`source.files[${i}].path`)), commit: optionalText(o.commit, where(`source.files[${i}].commit`)) };
  });
  const kind = text(doc.kind, where('kind'));
  if (!(KINDS as readonly string[]).includes(kind)) throw new CaseError(where(`kind must be one of ${KINDS.join(', ')}`));

  const texts = new Map<string, string[]>();
  const linesOf = (relative: string, at: string): string[] => {
    let lines = texts.get(relative);
    if (!lines) {
      const full = path.join(repoDir, relative);
      if (relative.startsWith('/') || relative.includes('..') || !fs.existsSync(full)) throw new CaseError(where(`${at}: no file repo/${relative}`));
      lines = fs.readFileSync(full, 'utf8').split(/\r?\n/);
      texts.set(relative, lines);
    }
    return lines;
  };
  const locations = (o: Raw, at: string): Location[] => {
    const relative = text(o.file, `${at}.file`);
    const lines = linesOf(relative, at);
    if (o.all === true) return resolveAll(o, lines, at).map((range) => ({ file: relative, ...range }));
    if (o.all !== undefined) throw new CaseError(`${at}: all must be true or absent`);
    return [{ file: relative, ...resolveLines(o, lines, at) }];
  };

  const issues = list(doc.issues ?? [], where('issues')).map((entry, i): ExpectedIssue => {
    const at = where(`issues[${i}]`);
    const o = object(entry, at);
    onlyKeys(o, ISSUE_KEYS, at);
    const alternatives = list(o.or ?? [], `${at}.or`).map((alt, j) => {
      const a = object(alt, `${at}.or[${j}]`);
      onlyKeys(a, LOCATION_KEYS, `${at}.or[${j}]`);
      return locations(a, `${at}.or[${j}]`);
    });
    const accept = list(o.accept ?? [], `${at}.accept`).map((value, j) => text(value, `${at}.accept[${j}]`));
    const severity = optionalText(o.severity, `${at}.severity`);
    if (severity !== undefined && !(SEVERITIES as readonly string[]).includes(severity)) throw new CaseError(`${at}: severity must be one of ${SEVERITIES.join(', ')}`);
    return {
      id: `${id}#${i + 1}`,
      locations: [...locations(o, at), ...alternatives.flat()],
      category: category(o.category, `${at}.category`),
      accept,
      description: text(o.issue, `${at}.issue`),
      severity: severity as ExpectedIssue['severity'],
      note: optionalText(o.note, `${at}.note`),
    };
  });
  const controls = list(doc.controls ?? [], where('controls')).map((entry, i): NegativeControl => {
    const at = where(`controls[${i}]`);
    const o = object(entry, at);
    onlyKeys(o, CONTROL_KEYS, at);
    return {
      id: `${id}!${i + 1}`,
      location: controlLocation(locations(o, at), at),
      category: o.category === undefined ? undefined : category(o.category, `${at}.category`),
      rules: list(o.rules ?? [], `${at}.rules`).map((value, j) => text(value, `${at}.rules[${j}]`)),
      description: text(o.why, `${at}.why`),
    };
  });
  return {
    id,
    set,
    dir,
    repoDir,
    source: { repo: text(source.repo, where('source.repo')), commit: optionalText(source.commit, where('source.commit')), files },
    kind: kind as CorpusCase['kind'],
    summary: text(doc.summary, where('summary')),
    issues,
    controls,
  };
}

/**
 * `line: 12`, `lines: 12-18` (or `[12, 18]`), or `at: "text"` with optional `after: "text"`
 * (search from the line after the first line holding it) and `to: "text"` (the range ends at
 * the first line at or after `at` holding it). Without `after`, `at` must be on exactly one
 * line. An anchor starting with ^ must start the line (`^  api:` is a compose service key, not
 * a `depends_on` entry). Nothing at all: the whole file.
 */
export function resolveLines(o: Raw, lines: readonly string[], where: string): { start?: number; end?: number } {
  const given = ['at', 'line', 'lines'].filter((key) => o[key] !== undefined);
  if (given.length > 1) throw new CaseError(`${where}: give only one of at, line, lines`);
  if ((o.to !== undefined || o.after !== undefined) && o.at === undefined) throw new CaseError(`${where}: to and after need at`);
  const inRange = (n: number) => {
    if (!Number.isInteger(n) || n < 1 || n > lines.length) throw new CaseError(`${where}: line ${n} is outside the file (1-${lines.length})`);
    return n;
  };
  if (o.line !== undefined) {
    const n = inRange(Number(o.line));
    return { start: n, end: n };
  }
  if (o.lines !== undefined) {
    const parts = Array.isArray(o.lines)
      ? o.lines.map(Number)
      : String(o.lines)
          .split('-')
          .map((part) => Number(part.trim()));
    if (parts.length !== 2) throw new CaseError(`${where}: lines must be "a-b" or [a, b]`);
    const [start, end] = [inRange(parts[0]), inRange(parts[1])];
    if (end < start) throw new CaseError(`${where}: lines ${start}-${end} run backwards`);
    return { start, end };
  }
  if (o.at === undefined) return {};
  const anchor = text(o.at, `${where}.at`);
  const holds = anchorMatcher(anchor);
  let from = 0;
  if (o.after !== undefined) {
    const after = text(o.after, `${where}.after`);
    const afterHolds = anchorMatcher(after);
    const index = lines.findIndex((line) => afterHolds(line));
    if (index < 0) throw new CaseError(`${where}: anchor after "${after}" is not in the file`);
    from = index + 1;
  }
  const hits: number[] = [];
  for (let i = from; i < lines.length; i++) if (holds(lines[i])) hits.push(i);
  if (hits.length === 0) throw new CaseError(`${where}: anchor "${anchor}" is not in the file${o.after !== undefined ? ' after its "after" anchor' : ''}`);
  if (hits.length > 1 && o.after === undefined) throw new CaseError(`${where}: anchor "${anchor}" is on lines ${hits.map((h) => h + 1).join(', ')}; make it unique or add after:`);
  const start = hits[0] + 1;
  if (o.to === undefined) return { start, end: start };
  const to = text(o.to, `${where}.to`);
  const toHolds = anchorMatcher(to);
  const endIndex = lines.findIndex((line, i) => i >= start - 1 && toHolds(line));
  if (endIndex < 0) throw new CaseError(`${where}: anchor to "${to}" is not at or after line ${start}`);
  return { start, end: endIndex + 1 };
}

/**
 * `all: true` with `at` (and optionally `after`): every line holding the anchor is a
 * location of its own. For one issue that a reviewer states once and a linter reports once
 * per occurrence (a timeout missing on every job, every action on a tag).
 */
export function resolveAll(o: Raw, lines: readonly string[], where: string): { start: number; end: number }[] {
  if (o.at === undefined || o.to !== undefined || o.line !== undefined || o.lines !== undefined)
    throw new CaseError(`${where}: all needs at (and optionally after), without to, line or lines`);
  const holds = anchorMatcher(text(o.at, `${where}.at`));
  let from = 0;
  if (o.after !== undefined) {
    const afterHolds = anchorMatcher(text(o.after, `${where}.after`));
    from = lines.findIndex((line) => afterHolds(line)) + 1;
    if (from === 0) throw new CaseError(`${where}: anchor after "${String(o.after)}" is not in the file`);
  }
  const hits: { start: number; end: number }[] = [];
  for (let i = from; i < lines.length; i++) if (holds(lines[i])) hits.push({ start: i + 1, end: i + 1 });
  if (hits.length === 0) throw new CaseError(`${where}: anchor "${String(o.at)}" is not in the file`);
  return hits;
}

function controlLocation(found: Location[], where: string): Location {
  if (found.length !== 1) throw new CaseError(`${where}: a control has one location (all is for issues)`);
  return found[0];
}

/**
 * An anchor is a substring of the line; a leading ^ pins it to the start of the line, and
 * /.../ is a regular expression (for shapes such as a job key: /^  [\w-]+:\s*$/).
 */
function anchorMatcher(anchor: string): (line: string) => boolean {
  if (anchor.length > 2 && anchor.startsWith('/') && anchor.endsWith('/')) {
    const pattern = new RegExp(anchor.slice(1, -1));
    return (line) => pattern.test(line);
  }
  if (anchor.startsWith('^')) {
    const prefix = anchor.slice(1);
    return (line) => line.startsWith(prefix);
  }
  return (line) => line.includes(anchor);
}

function object(value: unknown, where: string): Raw {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CaseError(`${where}: expected a mapping`);
  return value as Raw;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new CaseError(`${where}: expected a list`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') throw new CaseError(`${where}: expected a non-empty string`);
  return value;
}

function optionalText(value: unknown, where: string): string | undefined {
  return value === undefined || value === null ? undefined : text(value, where);
}

function category(value: unknown, where: string): Category {
  const name = text(value, where);
  if (!(CATEGORIES as readonly string[]).includes(name)) throw new CaseError(`${where}: "${name}" is not a category (${CATEGORIES.join(', ')})`);
  return name as Category;
}

function onlyKeys(o: Raw, allowed: readonly string[], where: string): void {
  const unknown = Object.keys(o).filter((key) => !allowed.includes(key));
  if (unknown.length) throw new CaseError(`${where}: unknown key${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
}
