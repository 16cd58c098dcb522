/**
 * The contract between the CLI dispatcher and its commands. Commands write through `CliIo`
 * instead of `process` so tests can run them in-process and read what they printed.
 */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Progress lines are only drawn when stderr is a terminal. */
  readonly stderrIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CommandModule {
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

/** A mistake in the command line or the config: printed as one clear message, exit code 2. */
export class UsageError extends Error {}

export function ioFromProcess(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  };
}
