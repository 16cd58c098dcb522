// The steps of the GitHub Action (action.yml at the repository root), as one Node script with
// no dependencies beyond the built CLI (dist/cli.js), so the same commands run on a runner and in
// the local test (test/unit/action.test.ts):
//
//   node scripts/action/run.mjs check     ai-teacher check --format sarif; outputs exit-code, findings, sarif-file
//   node scripts/action/run.mjs summary   ai-teacher teach for the changed files: job summary + comment body
//   node scripts/action/run.mjs comment   posts (or updates) the pull-request comment
//
// Inputs arrive as AI_TEACHER_* environment variables (action.yml maps them), never spliced into
// a shell script. GitHub's own variables are read as GitHub sets them: GITHUB_WORKSPACE,
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_API_URL,
// GITHUB_REPOSITORY, RUNNER_TEMP.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ACTION_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ACTION_ROOT, 'dist', 'cli.js');
export const COMMENT_MARKER = '<!-- ai-engineering-teacher -->';
const LINTED = /\.(py|pyi|ya?ml)$/i;
/** GitHub refuses issue comments over 65,536 characters and step summaries over 1 MiB. */
const COMMENT_LIMIT = 60_000;
const SUMMARY_LIMIT = 900_000;
const TABLE_ROWS = 50;

const env = (name, fallback = '') => (process.env[name] ?? '').trim() || fallback;
const workspace = () => path.resolve(env('GITHUB_WORKSPACE', process.cwd()));
const temp = () => env('RUNNER_TEMP', os.tmpdir());
const lang = () => (env('AI_TEACHER_LANGUAGE', 'en') === 'ko' ? 'ko' : 'en');

function setOutput(name, value) {
  const file = env('GITHUB_OUTPUT');
  const line = `${name}=${String(value).replace(/\r?\n/g, ' ')}\n`;
  if (file) fs.appendFileSync(file, line);
  else process.stdout.write(`[output] ${line}`);
}

function cli(args, options = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: workspace(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
}

/**
 * The paths to check, relative to the workspace. When the action itself was checked out inside
 * the workspace (`uses: ./.ai-teacher`), a path that contains it is replaced by its other
 * entries, so the teacher never reviews its own test fixtures.
 */
export function targets(raw, root, actionRoot = ACTION_ROOT) {
  const paths = raw.split(/[\s,]+/).filter(Boolean);
  const own = path.relative(root, actionRoot);
  const inside = own && !own.startsWith('..') && !path.isAbsolute(own);
  const out = [];
  for (const p of paths.length ? paths : ['.']) {
    const abs = path.resolve(root, p);
    const rel = path.relative(abs, actionRoot);
    if (inside && rel && !rel.startsWith('..') && !path.isAbsolute(rel) && fs.statSync(abs, { throwIfNoEntry: false })?.isDirectory()) {
      // Keep every sibling on the way down to the action's folder, never the folder itself.
      const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          if (full === actionRoot || entry.name === '.git') continue;
          const down = path.relative(full, actionRoot);
          if (entry.isDirectory() && !down.startsWith('..') && !path.isAbsolute(down)) walk(full);
          else out.push(path.relative(root, full) || '.');
        }
      };
      walk(abs);
    } else out.push(p);
  }
  return out;
}

function sarifOf(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Results of a SARIF log as plain rows (the documented SARIF 2.1.0 shape the CLI writes). */
export function sarifRows(sarif) {
  const rows = [];
  for (const run of sarif?.runs ?? []) {
    for (const result of run.results ?? []) {
      const location = result.locations?.[0]?.physicalLocation;
      rows.push({
        ruleId: result.ruleId ?? '',
        level: result.level ?? 'warning',
        message: result.message?.text ?? '',
        file: location?.artifactLocation?.uri ?? '',
        line: location?.region?.startLine ?? 0,
      });
    }
  }
  return rows;
}

function check() {
  const sarifFile = path.resolve(workspace(), env('AI_TEACHER_SARIF_FILE', path.join(temp(), 'ai-teacher.sarif')));
  const args = ['check', ...targets(env('AI_TEACHER_PATHS', '.'), workspace()), '--format', 'sarif', '--lang', lang()];
  const failLevel = env('AI_TEACHER_FAIL_LEVEL');
  if (failLevel && failLevel !== 'never') args.push('--fail-level', failLevel);
  if (env('AI_TEACHER_CONFIG')) args.push('--config', env('AI_TEACHER_CONFIG'));
  console.log(`ai-teacher ${args.join(' ')}`);
  const result = cli(args);
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.status !== 0 && result.status !== 1) {
    console.log(
      `::error title=AI Engineering Teacher::ai-teacher check failed (exit code ${result.status ?? result.signal}): ${(result.stderr || result.error?.message || '').trim().split('\n')[0]}`,
    );
    return 2;
  }
  fs.mkdirSync(path.dirname(sarifFile), { recursive: true });
  fs.writeFileSync(sarifFile, result.stdout);
  const rows = sarifRows(sarifOf(sarifFile));
  setOutput('sarif-file', sarifFile);
  setOutput('findings', rows.length);
  setOutput('exit-code', result.status);
  console.log(`${rows.length} finding(s); SARIF written to ${sarifFile}`);
  return 0;
}

function git(args) {
  return spawnSync('git', args, { cwd: workspace(), encoding: 'utf8' });
}

/** The commits to compare: a pull request's base and head, or a push's before and after. */
export function eventRange(event) {
  if (event?.pull_request) return { base: event.pull_request.base?.sha, head: event.pull_request.head?.sha ?? 'HEAD', pr: event.pull_request.number };
  if (event?.before && !/^0+$/.test(event.before)) return { base: event.before, head: event.after ?? 'HEAD' };
  return {};
}

/** Python and YAML files the event changed, or undefined when the history cannot tell. */
function changedFiles(range) {
  if (!range.base) return undefined;
  const has = (sha) => git(['cat-file', '-e', `${sha}^{commit}`]).status === 0;
  // A shallow checkout lacks the base commit; one more commit is cheap to fetch.
  if (!has(range.base)) git(['fetch', '--no-tags', '--depth=1', 'origin', range.base]);
  const head = has(range.head) ? range.head : 'HEAD';
  if (!has(range.base)) return undefined;
  const diff = git(['diff', '--name-only', '--diff-filter=ACMRT', '-z', range.base, head]);
  if (diff.status !== 0) return undefined;
  return diff.stdout.split('\0').filter((f) => f && LINTED.test(f));
}

const escapeCell = (text) => String(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function summaryMarkdown({ rows, reviews, chosenBy, omitted, ko }) {
  const count = (level) => rows.filter((r) => r.level === level).length;
  const lines = [
    `## 🎓 ${ko ? 'AI 엔지니어링 선생님' : 'AI Engineering Teacher'}`,
    '',
    ko
      ? `발견 사항 **${rows.length}개** (error ${count('error')}, warning ${count('warning')}, note ${count('note')}).`
      : `**${rows.length} finding${rows.length === 1 ? '' : 's'}** (${count('error')} error, ${count('warning')} warning, ${count('note')} note).`,
  ];
  if (rows.length) {
    lines.push('', ko ? '| 위치 | 규칙 | 수준 | 내용 |' : '| Where | Rule | Level | Message |', '| --- | --- | --- | --- |');
    for (const r of rows.slice(0, TABLE_ROWS)) lines.push(`| \`${escapeCell(r.file)}:${r.line}\` | \`${escapeCell(r.ruleId)}\` | ${r.level} | ${escapeCell(r.message)} |`);
    if (rows.length > TABLE_ROWS)
      lines.push(
        '',
        ko
          ? `…그리고 ${rows.length - TABLE_ROWS}개 더 (code scanning 탭에서 전부 볼 수 있어요).`
          : `…and ${rows.length - TABLE_ROWS} more (all of them are in the code scanning tab).`,
      );
  }
  if (reviews.length) {
    lines.push(
      '',
      chosenBy === 'changed'
        ? ko
          ? '### 바뀐 파일에 대한 선생님의 리뷰'
          : "### The teacher's review of the changed files"
        : ko
          ? '### 발견 사항이 있는 파일에 대한 선생님의 리뷰'
          : "### The teacher's review of the files with findings",
    );
    for (const review of reviews)
      lines.push('', `<details${reviews.length === 1 ? ' open' : ''}><summary><code>${review.file}</code></summary>`, '', review.markdown.trim(), '', '</details>');
  } else if (chosenBy === 'changed') lines.push('', ko ? '이번 변경에는 리뷰할 Python·YAML 파일이 없어요.' : 'This change touches no Python or YAML file to review.');
  if (omitted)
    lines.push('', ko ? `(${omitted}개 파일은 리뷰를 생략했어요: 한 번에 최대 파일 수를 넘었어요.)` : `(${omitted} more file(s) not reviewed here: over the per-run file limit.)`);
  return `${lines.join('\n')}\n`;
}

function summary() {
  const rows = sarifRows(sarifOf(path.resolve(workspace(), env('AI_TEACHER_SARIF_FILE', path.join(temp(), 'ai-teacher.sarif')))));
  const ko = lang() === 'ko';
  const event = sarifOf(env('GITHUB_EVENT_PATH', '/nonexistent'));
  const changed = changedFiles(eventRange(event));
  const roots = targets(env('AI_TEACHER_PATHS', '.'), workspace()).map((p) => path.relative(workspace(), path.resolve(workspace(), p)));
  const within = (file) => roots.some((root) => root === '' || root === '.' || file === root || file.startsWith(`${root}/`));
  // Without a diff (first push, manual run), review the files that have findings instead.
  const candidates = (changed ?? [...new Set(rows.map((r) => r.file))]).filter((f) => within(f) && fs.existsSync(path.join(workspace(), f)));
  const max = Math.max(1, Number(env('AI_TEACHER_MAX_FILES', '10')) || 10);
  const reviews = [];
  for (const file of candidates.slice(0, max)) {
    const result = cli(['teach', file, '--lang', lang()]);
    if (result.status === 0 && result.stdout.trim()) reviews.push({ file, markdown: result.stdout });
    else console.log(`::notice title=AI Engineering Teacher::no review for ${file}: ${(result.stderr || `exit code ${result.status}`).trim().split('\n')[0]}`);
  }
  let markdown = summaryMarkdown({ rows, reviews, chosenBy: changed ? 'changed' : 'findings', omitted: Math.max(0, candidates.length - max), ko });
  if (markdown.length > SUMMARY_LIMIT) markdown = `${markdown.slice(0, SUMMARY_LIMIT)}\n\n…\n`;
  const summaryFile = env('GITHUB_STEP_SUMMARY');
  if (summaryFile) fs.appendFileSync(summaryFile, markdown);
  else process.stdout.write(markdown);
  let body = `${COMMENT_MARKER}\n${markdown}`;
  if (body.length > COMMENT_LIMIT) body = `${body.slice(0, COMMENT_LIMIT)}\n\n…${ko ? ' (잘렸어요: 전체는 작업 요약에 있어요)' : ' (cut: the job summary has all of it)'}\n`;
  const commentFile = path.join(temp(), 'ai-teacher-comment.md');
  fs.writeFileSync(commentFile, body);
  setOutput('comment-file', commentFile);
  setOutput('reviewed-files', reviews.length);
  return 0;
}

async function api(method, url, token, body) {
  const response = await fetch(url, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'x-github-api-version': '2022-11-28',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${new URL(url).pathname}: HTTP ${response.status}`);
  return response.status === 204 ? undefined : response.json();
}

async function comment() {
  const event = sarifOf(env('GITHUB_EVENT_PATH', '/nonexistent'));
  const number = eventRange(event).pr;
  if (!number) {
    console.log('not a pull request: no comment');
    return 0;
  }
  const token = env('AI_TEACHER_TOKEN');
  const body = fs.readFileSync(env('AI_TEACHER_COMMENT_FILE', path.join(temp(), 'ai-teacher-comment.md')), 'utf8');
  const base = `${env('GITHUB_API_URL', 'https://api.github.com')}/repos/${env('GITHUB_REPOSITORY')}`;
  try {
    const comments = await api('GET', `${base}/issues/${number}/comments?per_page=100`, token);
    const mine = (comments ?? []).find((c) => typeof c.body === 'string' && c.body.startsWith(COMMENT_MARKER));
    if (mine) await api('PATCH', `${base}/issues/comments/${mine.id}`, token, { body });
    else await api('POST', `${base}/issues/${number}/comments`, token, { body });
    console.log(`${mine ? 'updated' : 'posted'} the teacher's comment on pull request #${number}`);
  } catch (error) {
    // Pull requests from forks get a read-only token: the summary still has everything.
    console.log(
      `::warning title=AI Engineering Teacher::could not comment on pull request #${number} (${error.message}); give the job "pull-requests: write", or read the job summary`,
    );
  }
  return 0;
}

const COMMANDS = { check, summary, comment };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const command = COMMANDS[process.argv[2]];
  if (!command) {
    console.error(`usage: node scripts/action/run.mjs ${Object.keys(COMMANDS).join('|')}`);
    process.exit(2);
  }
  if (!fs.existsSync(CLI)) {
    console.error(`${CLI} is missing: run npm ci in ${ACTION_ROOT} first (it builds the CLI)`);
    process.exit(2);
  }
  Promise.resolve(command()).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.stack : String(error));
      process.exit(1);
    },
  );
}
