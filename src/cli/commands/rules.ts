import { ALL_RULES } from '../../language/rules';
import type { Rule } from '../../language/rule';
import type { RuleMeta } from '../../language/types';
import { EXIT_OK, type CliIo } from '../command';
import { parseOptions, resolveLang } from '../options';

export const HELP = `Usage: ai-teacher rules [--json] [--lang ko|en]

Lists every rule: id, language, category, default severity and what it flags.
  --json        print the full metadata (docs, weeks, questions, scaffold) as JSON
  --lang ko|en  language of the summaries (default: from LANG)
`;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, false);
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
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
