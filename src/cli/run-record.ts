import { createHash, randomBytes, type Hash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR_NAME, tidyCacheFolder } from '../language/cache';

/**
 * The last whole report of a `check` run, replayed when nothing it read has changed: a repeat run
 * in a pre-commit hook or CI then costs the walk, one `stat` per file and a copy of the stored
 * bytes, with no cache file parsed, no grammar compiled, no project pass and no formatting.
 *
 * A record is kept per slot (the working directory, the arguments and everything from the
 * environment that shapes the output: language, colour, terminals, strictness; see `check.ts`)
 * under a key that digests, for every file and folder entry of the run in walk order, its path,
 * the fingerprint of its config (the rules, the build, the config, the language) and its `stat`
 * signature: size, modification and change times, inode and mode. How a path is shown follows
 * from the path, the working directory and the arguments, which the slot holds: it is not worked
 * out again for every file of a run that may only replay (a `path.relative` per file was a
 * twentieth of a warm run's CPU on a large tree named as `.`). Any edit, even
 * one that keeps the size and sets the modification time back, changes the change time.
 *
 * A file modified within `RACY_MS` of the moment it was `stat`ed could still change within the
 * same clock tick without changing its signature (git's "racily clean" entries): while any file
 * of a run is that young, the run is neither recorded nor replayed, and goes through the content
 * cache, which reads and hashes every file.
 *
 * The record is one file: a header line padded to `HEADER_BYTES` (key, exit code, what went to
 * standard error, the length of the report), then the report's bytes; written under a temporary
 * name while the report streams out and renamed into place at the end, so a reader sees a whole
 * record or the previous one. A record whose length does not match is ignored.
 */
const FORMAT = 1;
const HEADER_BYTES = 4096;
/** Older than this at the moment it is looked at, a file's signature stands for its content. */
export const RACY_MS = 2000;
/** Reads and writes of a replay, so memory stays flat however long the report. */
const CHUNK_BYTES = 1024 * 1024;

interface Header {
  readonly format: number;
  readonly key: string;
  readonly exit: number;
  readonly stderr: string;
  readonly length: number;
}

/** Digests a run's inputs entry by entry; `key()` is undefined when one of them is too young to trust. */
export class RunKey {
  private readonly hash: Hash = createHash('sha256');
  private racy = false;
  private readonly now = Date.now();

  constructor(slot: string) {
    this.hash.update(slot);
  }

  /**
   * A file or folder entry of the walk; `stat` true for a file to lint (its signature is read).
   * Returns the signature read, for the content cache to use instead of a second `stat`
   * (undefined when none was read: past a young file the key is given up and nothing more is read).
   */
  add(file: string, fingerprint: string, extra: string, stat: boolean): string | undefined {
    let signature = '';
    let read = false;
    if (stat && !this.racy) {
      try {
        signature = fileSignature(fs.statSync(file), this.now);
        read = true;
      } catch {
        // Unreadable: the run goes the long way.
      }
      if (!signature) this.racy = true;
    }
    if (!this.racy) this.hash.update(`\u0000${file}\u0000${fingerprint}\u0000${extra}\u0000${signature}`);
    return read ? signature : undefined;
  }

  key(): string | undefined {
    return this.racy ? undefined : this.hash.digest('hex');
  }
}

/**
 * A file's size, modification and change times, inode, mode and device; '' while it was
 * modified within `RACY_MS` of `now` (it could still change within the same clock tick).
 */
export function fileSignature(stats: fs.Stats, now: number): string {
  if (Math.max(stats.mtimeMs, stats.ctimeMs) > now - RACY_MS) return '';
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}:${stats.mode}:${stats.dev}`;
}

export class RunRecord {
  private constructor(private readonly file: string) {}

  /** `slot` names the command line and environment (see above). */
  static open(root: string, slot: string): RunRecord {
    const digest = createHash('sha256').update(slot).digest('hex');
    return new RunRecord(path.join(root, CACHE_DIR_NAME, `run-v${FORMAT}`, `${digest.slice(0, 32)}.out`));
  }

  /**
   * Writes the stored report through `write` (which must be done with the bytes when it
   * resolves: the buffer is reused) if it was recorded under
   * `key`; resolves to its exit code and standard error, or undefined when there is nothing to
   * replay (nothing has been written then).
   */
  async replay(key: string, write: (bytes: Uint8Array) => Promise<void>): Promise<{ exit: number; stderr: string } | undefined> {
    let fd: number | undefined;
    try {
      fd = fs.openSync(this.file, 'r');
      const head = Buffer.allocUnsafe(HEADER_BYTES);
      if (fs.readSync(fd, head, 0, HEADER_BYTES, 0) !== HEADER_BYTES) return undefined;
      const header = JSON.parse(head.toString('utf8')) as Partial<Header> | null;
      if (header?.format !== FORMAT || header.key !== key || typeof header.exit !== 'number' || typeof header.stderr !== 'string' || typeof header.length !== 'number')
        return undefined;
      if (fs.fstatSync(fd).size !== HEADER_BYTES + header.length) return undefined;
      // One buffer, reused: `write` resolves once it has taken the bytes. A new one per chunk
      // was garbage outside V8's heap that waited for a collection, 30 MB more at the peak.
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, header.length));
      for (let at = 0; at < header.length;) {
        const read = fs.readSync(fd, chunk, 0, Math.min(chunk.length, header.length - at), HEADER_BYTES + at);
        // Shorter than its header says: the report has started, so finish it from the content cache is impossible; fail loudly.
        if (read === 0) throw new Error(`the run record ${this.file} was cut short while being replayed`);
        await write(chunk.subarray(0, read));
        at += read;
      }
      return { exit: header.exit, stderr: header.stderr };
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('the run record')) throw error;
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  /** Starts recording a run's report under `key`; undefined when the cache folder cannot be written. */
  recorder(key: string): Recorder | undefined {
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const fd = fs.openSync(temporary, 'w', 0o644);
      return new Recorder(fd, temporary, this.file, key);
    } catch {
      return undefined;
    }
  }
}

/** Tees a report into a new record; `finish` puts it in place, `abandon` drops it. */
export class Recorder {
  private length = 0;
  private failed = false;

  constructor(
    private fd: number | undefined,
    private readonly temporary: string,
    private readonly file: string,
    private readonly key: string,
  ) {}

  add(text: string): void {
    if (this.failed || this.fd === undefined || !text) return;
    try {
      const bytes = Buffer.from(text);
      let written = 0;
      while (written < bytes.length) written += fs.writeSync(this.fd, bytes, written, bytes.length - written, HEADER_BYTES + this.length + written);
      this.length += bytes.length;
    } catch {
      this.failed = true;
    }
  }

  finish(exit: number, stderr: string): void {
    if (this.fd === undefined) return;
    const header = JSON.stringify({ format: FORMAT, key: this.key, exit, stderr, length: this.length } satisfies Header);
    if (this.failed || Buffer.byteLength(header) >= HEADER_BYTES) return this.abandon();
    try {
      fs.writeSync(this.fd, Buffer.from(header.padEnd(HEADER_BYTES - 1, ' ') + '\n'), 0, HEADER_BYTES, 0);
      fs.closeSync(this.fd);
      this.fd = undefined;
      fs.renameSync(this.temporary, this.file);
      tidyCacheFolder(this.file);
    } catch {
      this.abandon();
    }
  }

  abandon(): void {
    try {
      if (this.fd !== undefined) fs.closeSync(this.fd);
    } catch {
      // Already closed.
    }
    this.fd = undefined;
    fs.rmSync(this.temporary, { force: true });
  }
}
