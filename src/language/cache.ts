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
 *
 * The file is read once in chunks, for the SHA-1 and where each line sits; a line is read again
 * from the open file when its entry is looked up or written back. Held whole, the file of a
 * 50,000-file tree (some 300 MB) sat in memory for the whole of a run that changed one file.
 */
interface Entry {
  /** sha256 of the file's bytes, then `/` and the file's `stat` signature when one was trusted. */
  readonly h: string;
  /** Where the line sits: in the file read (`old`), else in the new file; and its length (with its newline). */
  readonly old: boolean;
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
    /** The file the entries were read from, open until `save`; undefined when nothing was read. */
    private reading: number | undefined,
  ) {}

  /**
   * Opens the cache of `root` (the folder holding `.ai-teacher-cache/`, normally the working
   * directory) for this fingerprint. Paths given to `get` and `set` are stored relative to it.
   */
  static open(root: string, fingerprint: string): LintCache {
    const file = path.join(root, CACHE_DIR_NAME, `v${FORMAT}`, `${fingerprint.slice(0, 32)}.jsonl`);
    const read = readEntries(file, fingerprint);
    return new LintCache(file, root, fingerprint, read.entries, read.fd);
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
    const line = this.line(entry);
    if (!line) return undefined;
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
    this.entries.set(key, { h, old: false, at: writing.end - line.length, length: line.length, facts: head.length, body: head.length + facts.length + 1 });
  }

  /** An entry's line, read from the file it sits in; undefined when it cannot be read. */
  private line(entry: Entry): Buffer | undefined {
    const fd = entry.old ? this.reading : this.writing?.fd;
    if (fd === undefined) return undefined;
    const line = Buffer.allocUnsafe(entry.length);
    try {
      if (fs.readSync(fd, line, 0, entry.length, entry.at) !== entry.length) return undefined;
    } catch {
      return undefined;
    }
    return line;
  }

  /** Puts the new file in place if anything changed: the lines kept from the old file, then the header. */
  save(): void {
    const writing = this.writing;
    if (!writing) return this.closeReading();
    try {
      for (const entry of this.entries.values()) {
        if (!entry.old) continue;
        const line = this.line(entry);
        if (!line || !this.append(writing, line)) throw new Error('write failed');
      }
      this.writing = undefined;
      this.closeReading();
      fs.writeSync(writing.fd, Buffer.from(headerLine(this.fingerprint, writing.sha1.digest('hex'))), 0, undefined, 0);
      fs.closeSync(writing.fd);
      fs.renameSync(writing.temporary, this.file);
      tidyCacheFolder(this.file);
    } catch {
      this.writing = undefined;
      this.closeReading();
      closeQuietly(writing.fd);
      fs.rmSync(writing.temporary, { force: true });
    }
  }

  /** Lets go of the file read: nothing more is looked up once the cache is saved. */
  private closeReading(): void {
    if (this.reading !== undefined) closeQuietly(this.reading);
    this.reading = undefined;
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

/** Reads of the cache file while its entries are indexed. */
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * The entries of a cache file, from one pass over it in chunks, with the file left open for
 * reading their lines (see `LintCache.line`); no entries and no file when it is missing, damaged,
 * of another format or fingerprint.
 */
function readEntries(file: string, fingerprint: string): { entries: Map<string, Entry>; fd: number | undefined } {
  const none = { entries: new Map<string, Entry>(), fd: undefined };
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const entries = new Map<string, Entry>();
    const sha1 = createHash('sha1');
    let header: Partial<Header> | null | undefined;
    /** The bytes of a line begun in an earlier chunk, and where in the file the line starts. */
    let carry: Buffer = Buffer.alloc(0);
    let lineAt = 0;
    const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, Math.max(size, 1)));
    for (let offset = 0; offset < size;) {
      const read = fs.readSync(fd, chunk, 0, Math.min(chunk.length, size - offset), offset);
      if (read === 0) return closed(fd, none);
      let bytes = chunk.subarray(0, read);
      if (carry.length > 0) bytes = Buffer.concat([carry, bytes]);
      const bytesAt = offset - carry.length;
      offset += read;
      let start = 0;
      for (let stop = bytes.indexOf(NEWLINE); stop >= 0; stop = bytes.indexOf(NEWLINE, start)) {
        const line = bytes.subarray(start, stop + 1);
        lineAt = bytesAt + start;
        start = stop + 1;
        if (header === undefined) {
          header = JSON.parse(line.toString('utf8', 0, line.length - 1)) as Partial<Header> | null;
          if (header?.format !== FORMAT || header.fingerprint !== fingerprint || typeof header.sha1 !== 'string') return closed(fd, none);
          continue;
        }
        sha1.update(line);
        const hashAt = line.indexOf(TAB) + 1;
        const factsAt = hashAt > 0 ? line.indexOf(TAB, hashAt) + 1 : 0;
        const bodyAt = factsAt > 0 ? line.indexOf(TAB, factsAt) + 1 : 0;
        if (bodyAt === 0) return closed(fd, none);
        const key = JSON.parse(line.toString('utf8', 0, hashAt - 1)) as unknown;
        if (typeof key !== 'string') return closed(fd, none);
        entries.set(key, { h: line.toString('latin1', hashAt, factsAt - 1), old: true, at: lineAt, length: line.length, facts: factsAt, body: bodyAt });
      }
      // Copied: the chunk's buffer is read into again.
      carry = Buffer.from(bytes.subarray(start));
    }
    // A last line without its newline, or no header line at all: a damaged file.
    if (carry.length > 0 || !header || sha1.digest('hex') !== header.sha1) return closed(fd, none);
    return { entries, fd };
  } catch {
    return fd === undefined ? none : closed(fd, none);
  }
}

function closed<T>(fd: number, value: T): T {
  closeQuietly(fd);
  return value;
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
