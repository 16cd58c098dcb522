import type { CliIo } from './command';

/** A single rewritten line on stderr, at most ten updates a second. */
export class Progress {
  private count = 0;
  private drawnAt = 0;
  private visible = false;

  constructor(
    private readonly io: CliIo,
    private readonly total: number,
  ) {}

  tick(): void {
    this.count++;
    const now = Date.now();
    if (now - this.drawnAt < 100 && this.count < this.total) return;
    this.drawnAt = now;
    this.visible = true;
    this.io.stderr(`\rai-teacher: checked ${this.count}/${this.total} files`);
  }

  /** Wipes the line before findings are printed, so they never land on top of it. */
  clear(): void {
    if (!this.visible) return;
    this.io.stderr('\r\x1b[K');
    this.visible = false;
  }

  done(): void {
    this.clear();
  }
}
