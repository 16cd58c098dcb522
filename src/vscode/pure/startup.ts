/**
 * When the extension host's start-up work runs: the parser warm-up after activation and the
 * project (workspace) index. Both are a head start only, and both used to run while the
 * learner's first document was on its way: in a slow editor-bench run the open's event reached
 * the extension after eleven warm-up steps and the whole project index (613 ms after the open
 * was asked for). Here a warm-up step runs only at a turn of the event loop at which no check is
 * pending (`slot`), and the project index starts once the first findings are published
 * (`afterFirstPublish`), not at a fixed time after activation.
 *
 * No `vscode` here: the services hand in what "pending" means.
 */

/** What the schedule needs from the event loop (Node's by default; tests give their own). */
export interface StartupClock {
  /** Runs `run` at the next turn of the event loop, after the I/O already waiting (`setImmediate`). */
  turn(run: () => void): void;
  /** Runs `run` after `ms`; the returned function cancels it. */
  after(ms: number, run: () => void): () => void;
}

export const NODE_CLOCK: StartupClock = {
  turn: (run) => void setImmediate(run),
  after: (ms, run) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

/** What is pending: a check of a document begun and not done (its project facts included). */
export interface Pending {
  /** Is a check (or anything the learner asked for) under way now? */
  busy(): boolean;
  /** Resolves once nothing is under way. */
  idle(): Promise<void>;
}

export class StartupSchedule {
  private disposed = false;
  private published = false;
  private readonly waiting: (() => void)[] = [];
  private readonly cancels: (() => void)[] = [];

  constructor(
    private readonly pending: Pending,
    private readonly clock: StartupClock = NODE_CLOCK,
  ) {}

  /**
   * Resolves at a later turn of the event loop (the I/O that arrived meanwhile, such as VS
   * Code's open event, is handled first) at which nothing is pending: the place of one warm-up
   * step. While a check is under way it waits for the check to end, so a request that arrives
   * between two steps never waits behind more than the one step already running. Never resolves
   * once disposed, so work that is waiting for it stops.
   */
  async slot(): Promise<void> {
    for (;;) {
      await new Promise<void>((resolve) => this.clock.turn(resolve));
      if (this.disposed) await new Promise<never>(() => undefined);
      if (!this.pending.busy()) return;
      await this.pending.idle();
    }
  }

  /**
   * Runs `work` once: when the first findings have been published (`publish`) and nothing is
   * pending any more (a first check's project facts are read after its publish), or, when
   * nothing was published by then, `fallbackMs` after `armed` settled (a window whose only open
   * file is a Dockerfile, a document the config ignores, a parser that failed to load), again
   * once nothing is pending. The services arm it when the parser's warm-up is over, which takes
   * longer on a loaded machine, where VS Code's open event takes longer to come too. Not run
   * once disposed.
   */
  afterFirstPublish(work: () => void, fallbackMs: number, armed: Promise<unknown> = Promise.resolve()): void {
    let done = false;
    let cancel: () => void = () => undefined;
    const run = () => {
      if (done || this.disposed) return;
      done = true;
      cancel();
      void this.pending.idle().then(() => {
        if (!this.disposed) work();
      });
    };
    const arm = () => {
      if (done || this.disposed) return;
      cancel = this.clock.after(fallbackMs, run);
      this.cancels.push(cancel);
    };
    void armed.then(arm, arm);
    if (this.published) run();
    else this.waiting.push(run);
  }

  /** Findings of a document were handed to VS Code: work waiting for the first publish may start. */
  publish(): void {
    if (this.published) return;
    this.published = true;
    for (const run of this.waiting.splice(0)) run();
  }

  dispose(): void {
    this.disposed = true;
    this.waiting.length = 0;
    for (const cancel of this.cancels.splice(0)) cancel();
  }
}
