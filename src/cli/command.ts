import type { Localized } from '../language/types';

/**
 * The contract between the CLI dispatcher and its commands. Commands write through `CliIo`
 * instead of `process` so tests can run them in-process and read what they printed.
 */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Progress lines are only drawn when stderr is a terminal. */
  readonly stderrIsTTY: boolean;
  /** Colour is used on a terminal (NO_COLOR and FORCE_COLOR decide otherwise). */
  readonly stdoutIsTTY?: boolean;
  stdout(text: string): void;
  /**
   * Bytes for standard output as they are (a replayed report), resolving once they have left the
   * process, so the caller may reuse the buffer; without it they go to `stdout` as text.
   */
  stdoutBytes?(bytes: Uint8Array): Promise<void>;
  stderr(text: string): void;
  /**
   * Resolves once what `stdout` was given has left the process. Standard output to a pipe is
   * written asynchronously: a long report written faster than the reader takes it (CI logs, a
   * pipe to `jq`, the bench's child process) would otherwise wait in memory whole, 60 MB more
   * at the peak of a 5,440-file run.
   */
  drain?(): Promise<void>;
}

export interface CommandModule {
  /** Printed for `ai-teacher <command> --help` (and `-h`), whatever else is on the line. */
  readonly HELP: string;
  /** Runs the command with the arguments after its name; resolves to the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** One row of the command table: the module loads only when its command runs. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `ai-teacher --help`. */
  readonly summary: string;
  load(): Promise<CommandModule>;
}

/** Exit codes, documented in the README. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * A mistake in the command line or the config, or a path that cannot be checked: printed as one
 * line, `ai-teacher <command>: <reason>`, in the user's language; exit code 2.
 */
export class UsageError extends Error {
  readonly text: Localized | string;

  constructor(text: Localized | string) {
    super(typeof text === 'string' ? text : text.en);
    this.text = text;
  }
}

export function ioFromProcess(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdout: (text) => void process.stdout.write(text),
    // The callback runs once the bytes are written (or the write failed: main.ts handles EPIPE).
    stdoutBytes: (bytes) => new Promise((resolve) => void process.stdout.write(bytes, () => resolve())),
    stderr: (text) => void process.stderr.write(text),
    drain: () => drained(process.stdout),
  };
}

function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    // A closed or broken pipe never drains: the run goes on (main.ts ends it on EPIPE).
    const done = () => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
}
