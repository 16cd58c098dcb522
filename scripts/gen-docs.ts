/**
 * `npm run docs`: writes the README's rule table from the rule metadata, between
 * `<!-- rules:start -->` and `<!-- rules:end -->`, and the walkthrough's per-language media from
 * the curriculum. Neither is edited by hand; test/unit/readme.test.ts fails when one is out of date.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleMeta } from '../src/language/types';

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';
export const README = path.resolve(__dirname, '..', 'README.md');

const cell = (text: string) =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const LANGUAGE_ORDER = { python: 0, yaml: 1, dockerfile: 2 } as const;

/** The table, sorted by language then id, with a count line above it. */
export function renderRuleTable(rules: readonly RuleMeta[]): string {
  const sorted = [...rules].sort((a, b) => LANGUAGE_ORDER[a.language] - LANGUAGE_ORDER[b.language] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = sorted.map((rule) => {
    const kinds = rule.documentKinds ? ` (${rule.documentKinds.join(', ')})` : '';
    const scope = 'scope' in rule && rule.scope === 'project' ? ', cross-file' : '';
    return `| \`${rule.id}\` | ${rule.language}${kinds}${scope} | ${rule.category} | ${rule.severity} | ${cell(rule.docs.summary.en)}<br>${cell(rule.docs.summary.ko)} | ${rule.weeks.join(', ')} |`;
  });
  return [
    `${rules.length} rules. Generated from the rule metadata by \`npm run docs\`; \`ai-teacher rules --json\` prints all of it.`,
    '',
    '| Rule | Language | Category | Default severity | What it flags | Weeks |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The README with the text between the markers replaced; throws if the markers are missing. */
export function withRuleTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

/** The beginner walkthrough's media files, one per week and language, from the curriculum data. */
export async function walkthroughMedia(): Promise<Map<string, string>> {
  const { loadCurriculum } = await import('../src/curriculum/loader');
  const { renderWalkthroughStep } = await import('../src/curriculum/render');
  const { curriculum } = loadCurriculum(path.resolve(__dirname, '..', 'curriculum'));
  const files = new Map<string, string>();
  for (const week of curriculum.weeks.filter((w) => w.track === 'beginner')) {
    for (const lang of ['en', 'ko'] as const) {
      files.set(path.join('media', 'walkthrough', lang, `week-${String(week.number).padStart(2, '0')}.md`), renderWalkthroughStep(week, lang));
    }
  }
  return files;
}

async function main(): Promise<void> {
  for (const [file, text] of await walkthroughMedia()) {
    const full = path.resolve(__dirname, '..', file);
    if (fs.existsSync(full) && fs.readFileSync(full, 'utf8') === text) continue;
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    console.log(`${file} regenerated`);
  }
  const { ALL_RULES } = await import('../src/language/rules');
  const before = fs.readFileSync(README, 'utf8');
  const after = withRuleTable(before, renderRuleTable(ALL_RULES));
  if (after === before) {
    console.log('README.md rule table is up to date');
    return;
  }
  fs.writeFileSync(README, after);
  console.log(`README.md rule table regenerated (${ALL_RULES.length} rules)`);
}

if (require.main === module) void main();
