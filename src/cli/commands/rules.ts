import { ALL_RULES } from '../../language/rules';
import type { Rule } from '../../language/rule';
import type { RuleMeta } from '../../language/types';
import { EXIT_OK, type CliIo } from '../command';
import { commandHelp, parseOptions, resolveLang, type OptionTable } from '../options';

const OPTIONS = {
  json: { type: 'boolean', help: 'print the full metadata (docs, weeks, questions, scaffold) as JSON' },
} as const satisfies OptionTable;

export const HELP = commandHelp('ai-teacher rules [--json] [--lang ko|en]', 'Lists every rule: id, language, category, default severity and what it flags.', OPTIONS);

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, OPTIONS, 0);
  const lang = resolveLang(values.lang, io.env);
  const rules = [...ALL_RULES].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (values.json) {
    io.stdout(`${JSON.stringify(rules.map(metadata), null, 2)}\n`);
    return EXIT_OK;
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const rule of rules) {
    io.stdout(`${rule.id.padEnd(width)}  ${rule.language.padEnd(6)}  ${rule.category.padEnd(15)}  ${rule.severity.padEnd(7)}  ${rule.docs.summary[lang]}\n`);
  }
  io.stdout(`\n${rules.length} rules\n`);
  return EXIT_OK;
}

/** The rule without its check function: plain data for other tools. */
function metadata(rule: Rule): RuleMeta {
  const { check: _check, project: _project, ...meta } = rule as Rule & { check?: unknown; project?: unknown };
  return meta;
}
