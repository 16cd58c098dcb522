import * as v8 from 'node:v8';
import { runCli } from './cli';
import { ioFromProcess } from './command';

// The bundle's entry point (dist/cli.js). Everything testable lives in cli.ts and commands/.

// Memory, not behaviour: over a long run V8 grows the young generation step by step to 32 MB,
// the largest part of `check`'s peak on a big tree. Kept at its starting size, the 4,080-file
// bench run peaks at about 123 MB instead of 158 MB for the same CPU time within the noise
// (interleaved runs; see README, "Speed").
v8.setFlagsFromString('--semi-space-growth-factor=1');
// And the old generation grows by a fifth after each full collection instead of V8's default
// (up to 4x for a fast collector): the run's garbage waits in a smaller heap. On the bench's
// 12,720 files, alternating runs at load average 15 to 18 peaked at 146 to 148 MB against 156 to
// 199 MB, the same report byte for byte, CPU time within the noise (`--optimize-for-size` gave
// the same peak for 13 to 20 % more CPU time).
v8.setFlagsFromString('--heap-growing-percent=20');

// A reader that stops early (`ai-teacher rules | head`) closes the pipe; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
runCli(process.argv.slice(2), ioFromProcess()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ai-teacher: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
