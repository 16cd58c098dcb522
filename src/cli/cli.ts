import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type CommandEntry } from './command';
import { COMMANDS } from './commands';
import { guessLang, localize } from './options';
import { VERSION } from './version';

export function mainHelp(commands: readonly CommandEntry[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `ai-teacher ${VERSION}: production-readiness checks and a teacher for ML services, training code and their YAML

Usage: ai-teacher <command> [options]

Commands:
${rows}

Options:
  -h, --help     show help (also: ai-teacher <command> --help, ai-teacher help <command>)
  -v, --version  print the version

Exit codes: 0 no findings at or above the fail level, 1 findings, 2 usage or config error,
or a path that could not be checked.
`;
}

/** `-h`/`--help` anywhere before a `--` asks for the command's help, whatever else is there. */
function wantsHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help') return true;
  }
  return false;
}

/** Dispatches to a command from the table; every error becomes a message and an exit code. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CommandEntry[] = COMMANDS): Promise<number> {
  const [first, ...rest] = argv;
  const lang = guessLang(argv, io.env);
  if (first === 'help' && rest.length > 0) return runCli([rest[0], '--help'], io, commands);
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    (first === undefined ? io.stderr : io.stdout)(mainHelp(commands));
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    const names = commands.map((c) => c.name).join(', ');
    const text = first.startsWith('-')
      ? { ko: `알 수 없는 옵션입니다: ${first} (ai-teacher --help 참고)`, en: `unknown option ${first} (see ai-teacher --help)` }
      : { ko: `알 수 없는 명령입니다: "${first}" (명령: ${names}; ai-teacher --help 참고)`, en: `unknown command "${first}" (commands: ${names}; see ai-teacher --help)` };
    io.stderr(`ai-teacher: ${text[lang]}\n`);
    return EXIT_USAGE;
  }
  try {
    const module = await command.load();
    if (wantsHelp(rest)) {
      io.stdout(module.HELP);
      return EXIT_OK;
    }
    return await module.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`ai-teacher ${first}: ${localize(error.text, lang)}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
