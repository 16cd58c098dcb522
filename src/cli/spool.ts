import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Results held in memory before the spool moves them to a temporary file. */
const MEMORY_LIMIT_BYTES = 1024 * 1024;

/**
 * Holds every file's result of a `check` run between the per-file pass and the output, which
 * has to wait for the project pass. A result is kept as its JSON in UTF-8, not as objects: a
 * third of the size, nothing pointing back at the file's text (strings the engine cut out of
 * it would otherwise keep each whole text alive), and nothing for the garbage collector to
 * walk. Past a few megabytes of its own the spool writes to a temporary file, removed when it is closed
 * (at once on POSIX, where an open file can be unlinked), so memory stays flat however large
 * the tree. A temporary folder that cannot be written keeps the results in memory instead.
 *
 * Results are read back once each, in the order they were added.
 */
export class ResultSpool {
  private readonly held: Uint8Array[] = [];
  private heldBytes = 0;
  /** Byte offset in the file of every result written there, then their lengths. */
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private fd: number | undefined;
  private file: string | undefined;
  private fileBytes = 0;
  /** The first result still in memory (the ones before it are in the file). */
  private firstHeld = 0;
  private spillFailed = false;

  constructor(
    private readonly memoryLimit = MEMORY_LIMIT_BYTES,
    /** Where the temporary file goes. */
    private readonly tmpDir = os.tmpdir(),
  ) {}

  /**
   * `owned: false` for bytes that live in memory anyway (a view into the content cache's file):
   * they do not count towards the limit.
   */
  add(bytes: Uint8Array, owned = true): void {
    if (this.fd !== undefined && this.write(bytes)) return;
    this.held.push(bytes);
    if (owned) this.heldBytes += bytes.length;
    if (this.heldBytes > this.memoryLimit && !this.spillFailed) this.spill();
  }

  /** The `index`-th result added (0-based). */
  get(index: number): Uint8Array {
    if (index >= this.firstHeld) return this.held[index - this.firstHeld];
    const bytes = Buffer.allocUnsafe(this.lengths[index]);
    fs.readSync(this.fd!, bytes, 0, bytes.length, this.offsets[index]);
    return bytes;
  }

  /** Closes and removes the temporary file; the spool is empty afterwards. */
  close(): void {
    this.held.length = 0;
    if (this.fd !== undefined) fs.closeSync(this.fd);
    if (this.file) fs.rmSync(path.dirname(this.file), { recursive: true, force: true });
    this.fd = undefined;
    this.file = undefined;
  }

  /** Moves what is held in memory to a new temporary file; on any failure keeps it in memory. */
  private spill(): void {
    try {
      const dir = fs.mkdtempSync(path.join(this.tmpDir, 'ai-teacher-'));
      this.file = path.join(dir, 'results.jsonl');
      this.fd = fs.openSync(this.file, 'w+', 0o600);
      try {
        // Gone at once where the system allows it, so even a killed run leaves nothing behind.
        fs.rmSync(dir, { recursive: true, force: true });
        this.file = undefined;
      } catch {
        // Windows keeps an open file: close() removes it.
      }
    } catch {
      this.spillFailed = true;
      return;
    }
    const moved = this.held.splice(0);
    this.heldBytes = 0;
    for (const bytes of moved) {
      if (!this.write(bytes)) {
        // A full disk: what is not written stays in memory, and so does what follows.
        this.held.push(...moved.slice(moved.indexOf(bytes)));
        this.heldBytes = this.held.reduce((n, b) => n + b.length, 0);
        return;
      }
    }
  }

  private write(bytes: Uint8Array): boolean {
    if (this.spillFailed || this.held.length > 0) return false;
    try {
      let written = 0;
      while (written < bytes.length) written += fs.writeSync(this.fd!, bytes, written, bytes.length - written, this.fileBytes + written);
    } catch {
      this.spillFailed = true;
      return false;
    }
    this.offsets.push(this.fileBytes);
    this.lengths.push(bytes.length);
    this.fileBytes += bytes.length;
    this.firstHeld++;
    return true;
  }
}
