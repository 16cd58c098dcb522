import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type CommandEntry } from './command';
import { COMMANDS } from './commands';
import { VERSION } from './version';


export function mainHelp(commands: readonly CommandEntry[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `ai-teacher ${VERSION}: production-readiness checks and a teacher for ML services, training code and their YAML

Usage: ai-teacher <command> [options]

Commands:
${rows}

Options:
  -h, --help     show help (also: ai-teacher <command> --help)
  -v, --version  print the version

Exit codes: 0 no findings at or above the fail level, 1 findings, 2 usage or config error.
`;
}

/** Dispatches to a command from the table; every error becomes a message and an exit code. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CommandEntry[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(mainHelp(commands));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`ai-teacher: unknown command "${name}" (commands: ${commands.map((c) => c.name).join(', ')}; see ai-teacher --help)\n`);
    return EXIT_USAGE;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`ai-teacher ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
