/**
 * `npm run accuracy`: lints every case of the accuracy corpus (test/accuracy/cases) as a
 * project, through the CLI's own `check` command on the case's folder, and scores the findings
 * against the reviewers' expected issues: recall per category and overall, and the share of
 * findings that match no expected issue, for dev and holdout separately.
 *
 *   npm run accuracy -- [--set dev|holdout|all] [--case ID] [--blind] [--verbose] [--json]
 *                       [--tolerance N] [--check-cases] [--manifest]
 *
 * The format of a case and the meaning of every figure are in test/accuracy/README.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/cli';
import type { CliIo } from '../src/cli/command';
import { CATEGORIES } from '../src/language/types';
import { CaseError, loadCorpus, type CorpusCase } from './accuracy-cases';
import {
  DEFAULT_TOLERANCE,
  nearMisses,
  recall,
  scoreCase,
  SETS,
  summarise,
  type CaseScore,
  type CaseSet,
  type ExpectedIssue,
  type Location,
  type ObservedFinding,
  type SetSummary,
  type Tally,
} from './accuracy-score';

interface CheckJson {
  files: {
    path: string;
    findings: { ruleId: string; category: string; line: number; message: string; related?: { path: string; line: number }[] }[];
    notices: { kind: string; message: string }[];
  }[];
}

/** Runs `ai-teacher check . --format json` in the case's repo folder and reads its findings. */
export async function lintCase(c: CorpusCase): Promise<{ findings: ObservedFinding[]; notices: string[] }> {
  let out = '';
  let err = '';
  const io: CliIo = { cwd: c.repoDir, env: {}, stderrIsTTY: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await runCli(['check', '.', '--format', 'json', '--lang', 'en', '--fail-level', 'error', '--no-cache'], io);
  if (code === 2) throw new Error(`ai-teacher check failed on ${c.id}: ${err.trim()}`);
  const report = JSON.parse(out) as CheckJson;
  const findings: ObservedFinding[] = [];
  const notices: string[] = [];
  const relativePath = (p: string) => p.split(path.sep).join('/').replace(/^\.\//, '');
  for (const file of report.files) {
    const relative = relativePath(file.path);
    for (const f of file.findings) {
      const related = f.related?.map((r) => ({ file: relativePath(r.path), line: r.line }));
      findings.push({ file: relative, line: f.line, ruleId: f.ruleId, category: f.category, message: f.message, ...(related?.length ? { related } : {}) });
    }
    for (const n of file.notices) notices.push(`${relative}: ${n.kind}: ${n.message}`);
  }
  return { findings, notices };
}

const pct = (value: number | undefined) => (value === undefined ? '   -  ' : `${(value * 100).toFixed(1).padStart(5)}%`);
const frac = (t: Tally) => `${String(t.found).padStart(3)}/${String(t.expected).padEnd(3)}`;

/** Where an issue sits decides whether today's engine can even see it. */
export function fileKind(file: string): 'python' | 'yaml' | 'other' {
  if (/\.pyi?$/i.test(file)) return 'python';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return 'other';
}

function renderTable(summaries: readonly SetSummary[], scores: readonly CaseScore[], tolerance: number): string {
  const lines: string[] = [];
  lines.push(`Accuracy corpus: findings matched to expected issues (same file, line within ±${tolerance}, same category or accepted rule id)`);
  lines.push('');
  const head = ['category'.padEnd(18), ...summaries.map((s) => `${s.set} (${s.cases} cases)`.padEnd(22))].join('');
  lines.push(head);
  for (const category of CATEGORIES) {
    lines.push([category.padEnd(18), ...summaries.map((s) => `${frac(s.byCategory[category])} ${pct(recall(s.byCategory[category]))}`.padEnd(22))].join(''));
  }
  lines.push(['overall recall'.padEnd(18), ...summaries.map((s) => `${frac(s.overall)} ${pct(recall(s.overall))}`.padEnd(22))].join(''));
  lines.push(
    [
      '  high + medium'.padEnd(18),
      ...summaries.map((s) => {
        const t: Tally = { expected: 0, found: 0 };
        const weighty = (severity: string | undefined) => severity === 'high' || severity === 'medium';
        for (const score of scores.filter((x) => x.set === s.set)) {
          t.found += score.found.filter((f) => weighty(f.issue.severity)).length;
          t.expected += score.found.filter((f) => weighty(f.issue.severity)).length + score.missed.filter((i) => weighty(i.severity)).length;
        }
        return `${frac(t)} ${pct(recall(t))}`.padEnd(22);
      }),
    ].join(''),
  );
  lines.push('');
  lines.push(['by file type'.padEnd(18), ...summaries.map(() => ''.padEnd(22))].join('').trimEnd());
  for (const kind of ['python', 'yaml', 'other'] as const) {
    const cells = summaries.map((s) => {
      const t: Tally = { expected: 0, found: 0 };
      for (const score of scores.filter((x) => x.set === s.set)) {
        for (const { issue } of score.found) if (fileKind(issue.locations[0].file) === kind) t.found++;
        for (const issue of [...score.found.map((x) => x.issue), ...score.missed]) if (fileKind(issue.locations[0].file) === kind) t.expected++;
      }
      return `${frac(t)} ${pct(recall(t))}`.padEnd(22);
    });
    lines.push([`  ${kind === 'other' ? 'other files' : kind}`.padEnd(18), ...cells].join(''));
  }
  lines.push('');
  lines.push(['findings'.padEnd(18), ...summaries.map((s) => String(s.findings).padEnd(22))].join(''));
  lines.push(['  matched'.padEnd(18), ...summaries.map((s) => String(s.matched).padEnd(22))].join(''));
  lines.push(['  duplicates'.padEnd(18), ...summaries.map((s) => String(s.duplicates).padEnd(22))].join(''));
  lines.push(['  false'.padEnd(18), ...summaries.map((s) => `${s.unexpected} ${pct(s.falseRate).trim()}`.padEnd(22))].join(''));
  lines.push(['controls tripped'.padEnd(18), ...summaries.map((s) => `${s.trippedControls}/${s.controls}`.padEnd(22))].join(''));
  return lines.join('\n').replace(/ +$/gm, '') + '\n';
}

/** Per rule: findings, matched (credited or duplicate) and unmatched, most unmatched first. */
export function renderByRule(scores: readonly CaseScore[]): string {
  const rows = new Map<string, { findings: number; matched: number; onReview: number; unmatched: number; cases: Set<string> }>();
  const row = (ruleId: string) => {
    let r = rows.get(ruleId);
    if (!r) rows.set(ruleId, (r = { findings: 0, matched: 0, onReview: 0, unmatched: 0, cases: new Set() }));
    return r;
  };
  const matched = (finding: ObservedFinding) => {
    const r = row(finding.ruleId);
    r.findings++;
    r.matched++;
  };
  for (const score of scores) {
    for (const { issue, finding } of score.found) {
      matched(finding);
      if (addedOnReview(issue)) row(finding.ruleId).onReview++;
    }
    for (const finding of score.duplicates) matched(finding);
    for (const finding of score.unexpected) {
      const r = row(finding.ruleId);
      r.findings++;
      r.unmatched++;
      r.cases.add(score.id);
    }
  }
  const sorted = [...rows].sort((a, b) => b[1].unmatched - a[1].unmatched || b[1].findings - a[1].findings || a[0].localeCompare(b[0]));
  const lines = [`${'rule'.padEnd(44)}findings  matched  on review  unmatched  cases with unmatched`];
  for (const [ruleId, r] of sorted) {
    lines.push(
      `${ruleId.padEnd(44)}${String(r.findings).padStart(8)}${String(r.matched).padStart(9)}${String(r.onReview).padStart(11)}${String(r.unmatched).padStart(11)}  ${r.cases.size}`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * An issue a reviewer added after seeing the engine's finding (`note: added on review ...`), not
 * one written blind: on repositories nobody reviews after the run, a finding that only such issues
 * credit counts as false. A location, place or accepted rule id added on review leaves the issue blind.
 */
export function addedOnReview(issue: ExpectedIssue): boolean {
  return /^added on review\b/i.test(issue.note ?? '');
}

/**
 * The cases as their reviewers wrote them before the engine ran (`--blind`): the issues added on
 * review are left out, so a finding only they credited counts as false, as it would on a
 * repository nobody reviews after the run.
 */
export function writtenBlind(cases: readonly CorpusCase[]): CorpusCase[] {
  return cases.map((c) => ({ ...c, issues: c.issues.filter((issue) => !addedOnReview(issue)) }));
}

/**
 * The false findings that sit next to a missed issue of their case (accuracy-score `nearMisses`),
 * per rule: the right lesson reported on another line, under another category or in another file.
 * Line near misses are the ones to read first; category and file ones are often two unrelated
 * lessons that only share a place.
 */
export function renderNearMisses(scores: readonly CaseScore[], tolerance: number, root?: (caseId: string) => string): string {
  const byRule = new Map<string, { caseId: string; miss: ReturnType<typeof nearMisses>[number] }[]>();
  for (const score of scores)
    for (const miss of nearMisses(score, tolerance)) byRule.set(miss.finding.ruleId, [...(byRule.get(miss.finding.ruleId) ?? []), { caseId: score.id, miss }]);
  const lineOf = (caseId: string, file: string, line: number | undefined) => {
    if (!root || line === undefined) return '';
    try {
      return (
        fs
          .readFileSync(path.join(root(caseId), file), 'utf8')
          .split(/\r?\n/)
          [line - 1]?.trim()
          .slice(0, 60) ?? ''
      );
    } catch {
      return '';
    }
  };
  const lines = [
    'Near misses: false findings next to a missed issue of the same case (line: same lesson, another line; category: same line, another category; file: another file)',
  ];
  for (const [ruleId, list] of [...byRule].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    const count = (kind: string) => list.filter((x) => x.miss.kind === kind).length;
    lines.push('', `${ruleId}: ${list.length} (line ${count('line')}, category ${count('category')}, file ${count('file')})`);
    for (const { caseId, miss } of list) {
      const at = miss.issue.locations[0];
      lines.push(
        `  ${miss.kind.padEnd(8)} ${caseId}: reported ${miss.finding.file}:${miss.finding.line} [${miss.finding.category}]  expected ${at.file}${at.start === undefined ? '' : `:${at.start}`} [${miss.issue.category}]  ${miss.issue.description.slice(0, 80)}`,
      );
      const reported = lineOf(caseId, miss.finding.file, miss.finding.line);
      const expected = lineOf(caseId, at.file, at.start);
      if (reported || expected) lines.push(`           ${reported ? `reported: ${reported}` : ''}${reported && expected ? '  |  ' : ''}${expected ? `expected: ${expected}` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

function renderDetails(scores: readonly CaseScore[], notices: ReadonlyMap<string, readonly string[]>): string {
  const lines: string[] = [];
  for (const score of scores) {
    const total = score.found.length + score.missed.length;
    lines.push('');
    lines.push(`== ${score.set}/${score.id}: ${score.found.length}/${total} found, ${score.unexpected.length} false, ${score.duplicates.length} duplicate`);
    for (const issue of score.missed) {
      const at = issue.locations.map((l) => `${l.file}${l.start === undefined ? '' : `:${l.start}${l.end && l.end !== l.start ? `-${l.end}` : ''}`}`).join(' | ');
      lines.push(`  miss   [${issue.category}] ${at}  ${issue.description}`);
    }
    for (const f of score.unexpected) lines.push(`  false  ${f.file}:${f.line}  ${f.ruleId} [${f.category}]  ${f.message}`);
    for (const { control, findings } of score.trippedControls) {
      lines.push(
        `  control ${control.location.file}${control.location.start ? `:${control.location.start}` : ''} tripped by ${findings.map((f) => f.ruleId).join(', ')}: ${control.description}`,
      );
    }
    for (const notice of notices.get(score.id) ?? []) lines.push(`  notice ${notice}`);
  }
  return lines.join('\n') + '\n';
}

/** Every expectation with the text of the line it resolved to, to check a case while writing it. */
function renderResolved(cases: readonly CorpusCase[]): string {
  const lines: string[] = [];
  const textOf = new Map<string, string[]>();
  const lineText = (c: CorpusCase, file: string, n: number) => {
    const key = `${c.id}/${file}`;
    if (!textOf.has(key)) textOf.set(key, fs.readFileSync(path.join(c.repoDir, file), 'utf8').split(/\r?\n/));
    return (textOf.get(key)?.[n - 1] ?? '').trim();
  };
  const where = (c: CorpusCase, l: Location) =>
    l.start === undefined ? `${l.file} (whole file)` : `${l.file}:${l.start}${l.end !== l.start ? `-${l.end}` : ''}  | ${lineText(c, l.file, l.start)}`;
  for (const c of cases) {
    lines.push(`\n== ${c.set}/${c.id}`);
    for (const issue of c.issues) {
      lines.push(`  [${issue.category}] ${issue.description}`);
      for (const l of issue.locations) lines.push(`      ${where(c, l)}`);
    }
    for (const control of c.controls) lines.push(`  control${control.category ? ` [${control.category}]` : ''} ${where(c, control.location)}`);
  }
  return lines.join('\n') + '\n';
}

/** A Markdown table of every case's source: test/accuracy/MANIFEST.md (dev), cases/holdout/MANIFEST.md. */
export function renderManifest(cases: readonly CorpusCase[], setArg: string): string {
  const rows = cases.map((c) => {
    const files = c.source.files.map((f) => `\`${f.path}\`${f.commit && f.commit !== c.source.commit ? ` (${f.commit.slice(0, 10)})` : ''}`).join(', ');
    return `| ${c.set} | \`${c.id}\` | [${c.source.repo}](https://github.com/${c.source.repo}) | ${c.source.commit ? `\`${c.source.commit.slice(0, 10)}\`` : '-'} | ${c.kind} | ${files} | ${c.issues.length} | ${c.controls.length} |`;
  });
  return [
    `# Accuracy corpus manifest (${setArg})`,
    '',
    `Generated by \`npm run accuracy -- --manifest --set ${setArg}\`. Each case is a minimal reproduction, written for this`,
    'corpus, of the named files of a public repository at the named commit (a file read at another commit names',
    'its own). Short excerpts are kept verbatim where the mistake or the good practice is in the exact text.',
    '',
    '| Set | Case | Repository | Commit | Kind | Files reproduced | Issues | Controls |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      set: { type: 'string', default: 'dev' },
      case: { type: 'string', multiple: true },
      verbose: { type: 'boolean', short: 'v' },
      json: { type: 'boolean' },
      tolerance: { type: 'string' },
      'check-cases': { type: 'boolean' },
      manifest: { type: 'boolean' },
      'by-rule': { type: 'boolean' },
      'near-misses': { type: 'boolean' },
      'cases-from': { type: 'string' },
      blind: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'Usage: npm run accuracy -- [--set dev|holdout|all] [--case ID]... [--cases-from FILE] [--blind] [--verbose] [--json] [--by-rule] [--near-misses] [--tolerance N] [--check-cases] [--manifest]\n' +
        '--blind scores against the issues written before the engine ran (those noted "added on review" are left out), as on unseen repositories.\n' +
        '--cases-from reads case ids (one a line, # comments) from a file; --by-rule adds findings, matched (of them credited to issues added on review), and unmatched per rule.\n' +
        '--near-misses lists, per rule, false findings next to a missed issue (another line, another category, another file).\n' +
        'Default set: dev. The holdout set is for the final, honest estimate: see test/accuracy/README.md.\n',
    );
    return 0;
  }
  const setArg = values.set ?? 'dev';
  if (setArg !== 'all' && !(SETS as readonly string[]).includes(setArg)) throw new CaseError(`--set must be dev, holdout or all (got "${setArg}")`);
  const sets: CaseSet[] = setArg === 'all' ? [...SETS] : [setArg as CaseSet];
  const tolerance = values.tolerance === undefined ? DEFAULT_TOLERANCE : Number(values.tolerance);
  if (!Number.isInteger(tolerance) || tolerance < 0) throw new CaseError('--tolerance must be a whole number of lines');

  let cases = loadCorpus(sets);
  if (values.blind) cases = writtenBlind(cases);
  const fromFile = values['cases-from']
    ? fs
        .readFileSync(values['cases-from'], 'utf8')
        .split(/\r?\n/)
        .map((l) => l.replace(/#.*/, '').trim())
        .filter(Boolean)
    : [];
  const requested = [...(values.case ?? []), ...fromFile];
  if (requested.length) {
    const wanted = new Set(requested);
    cases = cases.filter((c) => wanted.has(c.id));
    const missing = [...wanted].filter((id) => !cases.some((c) => c.id === id));
    if (missing.length) throw new CaseError(`no case ${missing.join(', ')} in set ${setArg}`);
  }
  if (values.manifest) {
    process.stdout.write(renderManifest(cases, setArg));
    return 0;
  }
  if (values['check-cases']) {
    const issues = cases.reduce((n, c) => n + c.issues.length, 0);
    const controls = cases.reduce((n, c) => n + c.controls.length, 0);
    process.stdout.write(`${cases.length} cases, ${issues} expected issues, ${controls} negative controls: all case files are valid\n`);
    if (values.verbose) process.stdout.write(renderResolved(cases));
    return 0;
  }

  const scores: CaseScore[] = [];
  const notices = new Map<string, readonly string[]>();
  for (const c of cases) {
    const linted = await lintCase(c);
    notices.set(c.id, linted.notices);
    scores.push(scoreCase({ id: c.id, set: c.set, issues: c.issues, controls: c.controls, findings: linted.findings }, tolerance));
  }
  const summaries = sets.map((set) =>
    summarise(
      set,
      scores.filter((s) => s.set === set),
      cases.filter((c) => c.set === set).reduce((n, c) => n + c.controls.length, 0),
    ),
  );
  if (values.json) {
    process.stdout.write(JSON.stringify({ tolerance, sets: summaries, cases: scores }, null, 2) + '\n');
    return 0;
  }
  process.stdout.write(renderTable(summaries, scores, tolerance));
  if (values['by-rule']) process.stdout.write('\n' + renderByRule(scores));
  if (values['near-misses']) {
    const dirs = new Map(cases.map((c) => [c.id, c.repoDir]));
    process.stdout.write('\n' + renderNearMisses(scores, tolerance, (id) => dirs.get(id) ?? ''));
  }
  if (values.verbose) process.stdout.write(renderDetails(scores, notices));
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`accuracy: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
