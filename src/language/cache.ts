import { createHash, randomBytes, type Hash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Rule } from './rule';
import type { ProjectResult } from './project/run';
import type { EngineNotice, Finding, Lang, LintResult } from './types';

/**
 * A content cache like Ruff's: a file whose bytes, path, rule set, configuration, message
 * language and tool build are unchanged since the last run gets its previous result back
 * without being parsed. The cache lives in `.ai-teacher-cache/` (the walker skips it, and it
 * holds a `.gitignore` of its own); one file per fingerprint, so a changed rule, config or
 * version reads a different file and can never see stale results.
 *
 * Concurrent runs are safe: each run reads the file once and writes a complete new file under a
 * temporary name before renaming it into place, so a reader sees the old file or the new one,
 * never half of one (the last writer's entries win). A corrupted or foreign file is ignored
 * and replaced. Nothing here throws: a cache that cannot be read or written is simply empty.
 *
 * Only the per-file pass is cached, with the file's project facts. Results that depend on other
 * files (the project pass) are computed each run from those facts, never stored in a file's entry.
 */
export const CACHE_DIR_NAME = '.ai-teacher-cache';
const FORMAT = 2;

export interface CacheIdentity {
  /** The tool's version. */
  readonly version: string;
  /** Identifies the build (say, the bundle's size and time), for unreleased builds. */
  readonly build?: string;
  readonly rules: readonly Rule[];
  /** The configuration that applies, as plain data. */
  readonly config: unknown;
  /** Findings carry messages rendered in this language. */
  readonly lang: Lang;
}

/** A hash of everything, besides the file itself, that decides a file's result. */
export function cacheFingerprint(identity: CacheIdentity): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, identity.version, identity.build ?? '', identity.lang, identity.config ?? null]));
  for (const rule of identity.rules) {
    // The metadata, the matching and the check's own source: a rule edited without a version
    // bump still changes the fingerprint. Helpers it calls are covered by `build`.
    const { callees, ...meta } = rule as Rule & { callees?: readonly (string | RegExp)[] };
    hash.update(JSON.stringify(meta));
    hash.update(JSON.stringify((callees ?? []).map(String)));
    hash.update(String('check' in rule ? rule.check : rule.project));
    // Project hooks of per-file rules run in the project pass, not on the cached result.
  }
  return hash.digest('hex');
}

/**
 * A file's per-file result as the cache keeps it and `check` holds it until the output: JSON,
 * the facts apart (the project index reads them back as objects, the rest waits as bytes).
 */
export interface SerialisedResult {
  /** The project facts as JSON; '' when the file has none. */
  readonly facts: string;
  /** The rest of the result, without its path, as JSON in UTF-8. */
  readonly body: Uint8Array;
}

export function serialiseResult(result: LintResult): SerialisedResult {
  const { path: _path, facts, ...body } = result;
  return { facts: facts ? JSON.stringify(facts) : '', body: Buffer.from(JSON.stringify(body)) };
}

/** The result back under the path the file is shown by now (facts as well when asked for). */
export function restoreResult(path: string, serialised: Pick<SerialisedResult, 'body'> & Partial<SerialisedResult>): LintResult {
  const body = JSON.parse(Buffer.from(serialised.body.buffer, serialised.body.byteOffset, serialised.body.byteLength).toString('utf8')) as Omit<LintResult, 'path'>;
  return serialised.facts ? { path, ...body, facts: JSON.parse(serialised.facts) as LintResult['facts'] } : { path, ...body };
}

/**
 * The cache file: a header line `{"format":2,"fingerprint":...,"sha1":...}`, then one line per
 * file, `"<key>"<TAB><content hash>[/<stat signature>]<TAB><facts JSON><TAB><result JSON>`. JSON never holds a raw
 * tab or newline, so the lines split without parsing; an entry is parsed only when its file is
 * looked up, and an unchanged entry is written back as the bytes it was read as. The header's
 * SHA-1 of the lines rejects a damaged file whole.
 */
interface Entry {
  /** sha256 of the file's bytes, then `/` and the file's `stat` signature when one was trusted. */
  readonly h: string;
  /** The entry's whole line (with its newline), for writing it back; undefined once written to the new file. */
  readonly line: Uint8Array | undefined;
  /** Where the line sits in the new file (when `line` is undefined) and its length. */
  readonly at: number;
  readonly length: number;
  /** Where the facts and the body start in the line. */
  readonly facts: number;
  readonly body: number;
}

interface Header {
  readonly format: number;
  readonly fingerprint: string;
  readonly sha1: string;
}

const TAB = 9;
const NEWLINE = 10;

/**
 * The cache being written: new lines go to a temporary file as they come, so a run that fills
 * the cache never holds its results twice (the whole file used to be joined in memory at the
 * end, twice the cache's size at the peak). The header, of a fixed length, is written last.
 */
interface Writing {
  readonly fd: number;
  readonly temporary: string;
  readonly sha1: Hash;
  /** Bytes written, the reserved header included. */
  end: number;
}

export class LintCache {
  private writing: Writing | undefined;
  private failed = false;

  private constructor(
    private readonly file: string,
    private readonly root: string,
    private readonly fingerprint: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  /**
   * Opens the cache of `root` (the folder holding `.ai-teacher-cache/`, normally the working
   * directory) for this fingerprint. Paths given to `get` and `set` are stored relative to it.
   */
  static open(root: string, fingerprint: string): LintCache {
    const file = path.join(root, CACHE_DIR_NAME, `v${FORMAT}`, `${fingerprint.slice(0, 32)}.jsonl`);
    return new LintCache(file, root, fingerprint, readEntries(file, fingerprint));
  }

  /** Content hash of a file's bytes, to pass to `get` and `set`. */
  static hash(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The stored result for this file if its content hash matches, or, given `{ signature }`, if
   * the `stat` signature it was stored with matches (see `set`).
   */
  get(file: string, hash: string | { readonly signature: string }): SerialisedResult | undefined {
    const entry = this.entries.get(this.key(file));
    if (!entry) return undefined;
    const at = entry.h.indexOf('/');
    if (typeof hash === 'string' ? (at < 0 ? entry.h : entry.h.slice(0, at)) !== hash : at < 0 || entry.h.slice(at + 1) !== hash.signature) return undefined;
    let line = entry.line;
    if (!line) {
      // Set in this run and already written out: read back from the new file.
      if (!this.writing) return undefined;
      line = Buffer.allocUnsafe(entry.length);
      if (fs.readSync(this.writing.fd, line, 0, entry.length, entry.at) !== entry.length) return undefined;
    }
    const facts = entry.body - 1 > entry.facts ? Buffer.from(line.buffer, line.byteOffset + entry.facts, entry.body - 1 - entry.facts).toString('utf8') : '';
    return { facts, body: line.subarray(entry.body, line.length - 1) };
  }

  /**
   * Stores a file's result under its content hash and, when given, the `stat` signature the
   * file had before it was read, which a caller trusts only for a file older than the clock's
   * uncertainty (see cli/run-record.ts): later runs then skip reading and hashing it.
   */
  set(file: string, hash: string, result: SerialisedResult, signature = ''): void {
    // A crashed rule may be a passing fault (memory, a bug fixed by the next build): never keep it.
    if (hasInternalError(result.body)) return;
    const writing = this.startWriting();
    if (!writing) return;
    const key = this.key(file);
    const h = signature ? `${hash}/${signature}` : hash;
    const head = Buffer.from(`${JSON.stringify(key)}\t${h}\t`);
    const facts = Buffer.from(result.facts);
    const line = Buffer.concat([head, facts, Buffer.from([TAB]), result.body, Buffer.from([NEWLINE])]);
    if (!this.append(writing, line)) return;
    this.entries.set(key, { h, line: undefined, at: writing.end - line.length, length: line.length, facts: head.length, body: head.length + facts.length + 1 });
  }

  /** Puts the new file in place if anything changed: the lines kept from the old file, then the header. */
  save(): void {
    const writing = this.writing;
    if (!writing) return;
    this.writing = undefined;
    try {
      for (const entry of this.entries.values()) if (entry.line && !this.append(writing, entry.line)) throw new Error('write failed');
      fs.writeSync(writing.fd, Buffer.from(headerLine(this.fingerprint, writing.sha1.digest('hex'))), 0, undefined, 0);
      fs.closeSync(writing.fd);
      fs.renameSync(writing.temporary, this.file);
      tidyCacheFolder(this.file);
    } catch {
      closeQuietly(writing.fd);
      fs.rmSync(writing.temporary, { force: true });
    }
  }

  private startWriting(): Writing | undefined {
    if (this.writing || this.failed) return this.writing;
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      markCacheFolder(path.join(this.root, CACHE_DIR_NAME));
      const fd = fs.openSync(temporary, 'w+', 0o644);
      // The header's length does not depend on the digest it holds: reserved now, written last.
      const reserved = Buffer.byteLength(headerLine(this.fingerprint, '0'.repeat(40)));
      this.writing = { fd, temporary, sha1: createHash('sha1'), end: reserved };
      return this.writing;
    } catch {
      // A read-only folder or a full disk costs the next run its speed, not this run its result.
      this.failed = true;
      fs.rmSync(temporary, { force: true });
      return undefined;
    }
  }

  private append(writing: Writing, line: Uint8Array): boolean {
    try {
      let written = 0;
      while (written < line.length) written += fs.writeSync(writing.fd, line, written, line.length - written, writing.end + written);
      writing.sha1.update(line);
      writing.end += line.length;
      return true;
    } catch {
      this.failed = true;
      this.writing = undefined;
      closeQuietly(writing.fd);
      fs.rmSync(writing.temporary, { force: true });
      return false;
    }
  }

  private key(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }
}

function headerLine(fingerprint: string, sha1: string): string {
  return `${JSON.stringify({ format: FORMAT, fingerprint, sha1 } satisfies Header)}\n`;
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Already closed.
  }
}

/** `"kind":"internal-error"` appears in a result's JSON only as a notice's kind (a message or a value would escape its quotes). */
const INTERNAL_ERROR = Buffer.from('"kind":"internal-error"');

function hasInternalError(body: Uint8Array): boolean {
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).includes(INTERNAL_ERROR);
}

function readEntries(file: string, fingerprint: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  try {
    const bytes = fs.readFileSync(file);
    const end = bytes.indexOf(NEWLINE);
    if (end < 0) return entries;
    const header = JSON.parse(bytes.toString('utf8', 0, end)) as Partial<Header> | null;
    if (header?.format !== FORMAT || header.fingerprint !== fingerprint || typeof header.sha1 !== 'string') return entries;
    if (
      createHash('sha1')
        .update(bytes.subarray(end + 1))
        .digest('hex') !== header.sha1
    )
      return entries;
    for (let start = end + 1; start < bytes.length;) {
      const stop = bytes.indexOf(NEWLINE, start);
      const line = bytes.subarray(start, stop < 0 ? bytes.length : stop + 1);
      start = stop < 0 ? bytes.length : stop + 1;
      const hashAt = line.indexOf(TAB) + 1;
      const factsAt = hashAt > 0 ? line.indexOf(TAB, hashAt) + 1 : 0;
      const bodyAt = factsAt > 0 ? line.indexOf(TAB, factsAt) + 1 : 0;
      if (bodyAt === 0 || line[line.length - 1] !== NEWLINE) return new Map();
      const key = JSON.parse(line.toString('utf8', 0, hashAt - 1)) as unknown;
      if (typeof key !== 'string') return new Map();
      entries.set(key, { h: line.toString('latin1', hashAt, factsAt - 1), line, at: 0, length: line.length, facts: factsAt, body: bodyAt });
    }
    return entries;
  } catch {
    return new Map();
  }
}

/**
 * The last project-pass result of a run over the same targets, under the digest of everything
 * it read (see cli/project-pass.ts): one small JSON file per set of targets.
 */
export class ProjectCache {
  private constructor(
    private readonly root: string,
    private readonly file: string,
  ) {}

  /** `slot` names the set of targets (say, a hash of the working directory and the paths given). */
  static open(root: string, slot: string): ProjectCache {
    return new ProjectCache(root, path.join(root, CACHE_DIR_NAME, `v${FORMAT}`, `project-${slot.slice(0, 32)}.json`));
  }

  get(key: string): ProjectResult | undefined {
    try {
      const stored = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<StoredProject> | null;
      if (stored?.format !== FORMAT || stored.key !== key || !Array.isArray(stored.findings) || !Array.isArray(stored.withdrawn) || !Array.isArray(stored.notices))
        return undefined;
      return {
        findings: new Map(stored.findings),
        withdrawn: new Map(stored.withdrawn.map(([file, ids]) => [file, new Set(ids)])),
        notices: stored.notices,
      };
    } catch {
      return undefined;
    }
  }

  set(key: string, result: ProjectResult): void {
    // As for files: a rule that crashed is not remembered.
    if (result.notices.length > 0) return;
    const stored: StoredProject = {
      format: FORMAT,
      key,
      findings: [...result.findings],
      withdrawn: [...result.withdrawn].map(([file, ids]) => [file, [...ids]]),
      notices: [],
    };
    writeAtomically(this.root, this.file, Buffer.from(JSON.stringify(stored)));
  }
}

interface StoredProject {
  readonly format: number;
  readonly key: string;
  readonly findings: [string, readonly Finding[]][];
  readonly withdrawn: [string, string[]][];
  readonly notices: EngineNotice[];
}

/**
 * A complete new file under a temporary name renamed into place, so a concurrent reader sees
 * the old file or the new one. False when it could not be written: a read-only folder or a full
 * disk costs the next run its speed, not this run its result.
 */
function writeAtomically(root: string, file: string, bytes: Uint8Array): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    markCacheFolder(path.join(root, CACHE_DIR_NAME));
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, file);
    tidyCacheFolder(file);
    return true;
  } catch {
    fs.rmSync(temporary, { force: true });
    return false;
  }
}

/** Files of one kind (`.jsonl` results, `project-*.json`, `.out` records) kept per cache folder: one per config, command or tree last used. */
export const CACHE_FILES_KEPT = 16;
/** A temporary file this old belongs to no run still writing it. */
const TEMPORARY_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Run after `written` is put in place: the cache stays bounded. Removes the temporary files that
 * runs killed before their rename left behind (the process that named them is gone, or they are
 * an hour old), and keeps the `CACHE_FILES_KEPT` most recently written files of `written`'s kind
 * (a changed config, rule set or version starts a new file; the old one is never read again).
 * Nothing here throws: a file another run removes first is simply gone.
 */
export function tidyCacheFolder(written: string, kept = CACHE_FILES_KEPT, now = Date.now()): void {
  const dir = path.dirname(written);
  const kind = cacheFileKind(path.basename(written));
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const same: { file: string; mtime: number }[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if (name.endsWith('.tmp')) {
        const pid = Number(/\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1]);
        if (pid === process.pid) continue;
        if (!processAlive(pid) || now - fs.statSync(file).mtimeMs > TEMPORARY_MAX_AGE_MS) fs.rmSync(file, { force: true });
      } else if (cacheFileKind(name) === kind && kind !== undefined) {
        same.push({ file, mtime: fs.statSync(file).mtimeMs });
      }
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  if (same.length <= kept) return;
  same.sort((a, b) => b.mtime - a.mtime);
  for (const { file } of same.slice(kept)) {
    try {
      if (file !== written) fs.rmSync(file, { force: true });
    } catch {
      // Not ours to remove: it stays.
    }
  }
}

function cacheFileKind(name: string): string | undefined {
  if (name.endsWith('.tmp')) return undefined;
  if (name.startsWith('project-') && name.endsWith('.json')) return 'project';
  if (name.endsWith('.jsonl')) return 'results';
  if (name.endsWith('.out')) return 'record';
  return undefined;
}

/** False when no process has this id (on this machine); true when unsure. */
function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Like `.ruff_cache`: ignored by git and marked as a cache for backup tools. */
function markCacheFolder(dir: string): void {
  const gitignore = path.join(dir, '.gitignore');
  if (fs.existsSync(gitignore)) return;
  fs.writeFileSync(gitignore, '# Automatically created by ai-teacher.\n*\n');
  fs.writeFileSync(path.join(dir, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by ai-teacher.\n');
}
