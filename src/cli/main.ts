import { runCli } from './cli';
import { ioFromProcess } from './command';

// The bundle's entry point (dist/cli.js). Everything testable lives in cli.ts and commands/.

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
