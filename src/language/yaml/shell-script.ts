/**
 * A small POSIX-shell reader for CI `run:` scripts: just enough lexing (quotes, `$( )`, backticks,
 * comments, heredocs, backslash continuations) to tell where a script cannot run as written, the
 * mistakes shellcheck reports as parse errors. It never executes or expands anything; a construct
 * it does not follow is skipped, not guessed at.
 */

export type ShellProblemKind = 'redirect' | 'quote' | 'flagLine' | 'prompt' | 'buildContext';

export interface ShellProblem {
  readonly kind: ShellProblemKind;
  /** Line (0-based, in the script) and column of the text to point at. */
  readonly line: number;
  readonly column: number;
  readonly length: number;
  /** The command or option the message names. */
  readonly text: string;
}

type Context = 'top' | 'single' | 'ansi' | 'double' | 'sub' | 'backtick';

/** A line that starts with a long option is run as a command of that name: the line before it lost its `\`. */
const FLAG_LINE = /^(\s*)(--[a-z][\w-]*)(?:=\S*)?(?:\s|$)(?!.*\))/i;
/** A package install that asks "Do you want to continue? [Y/n]" and reads EOF on a runner. */
const APT_INSTALL = /^\s*(?:sudo\s+(?:-\S+\s+)*)?(?:\w+=\S*\s+)*(apt-get|apt|aptitude)\s+(?:-\S+\s+)*install\b/;
const ADD_REPOSITORY = /^\s*(?:sudo\s+(?:-\S+\s+)*)?(add-apt-repository)\b/;
/** `-y`, `--yes`, `-qq` (quiet level 2 implies yes), `-o APT::Get::Assume-Yes=true`. */
const ANSWERS_YES = /(?:^|\s)(?:-[a-z]*y[a-z]*|--yes|--assume-yes|--force-yes|-qq|-q=?2)(?=\s|$)|assume-yes/i;
/** Something piped in answers the prompt (`yes | apt-get install x`). */
const PIPED_ANSWER = /\b(yes|echo\s+['"]?y)\b[^|]*\|\s*(sudo\s+)?[\w-]*apt/i;

/** `docker build` options that take a value (`-t name`); the others it knows are flags. */
const BUILD_VALUE_OPTIONS = new Set([
  '-t',
  '--tag',
  '-f',
  '--file',
  '--build-arg',
  '--target',
  '--platform',
  '--label',
  '--cache-from',
  '--cache-to',
  '--network',
  '--secret',
  '--ssh',
  '--progress',
  '-o',
  '--output',
  '--iidfile',
  '--add-host',
  '--shm-size',
  '-m',
  '--memory',
  '--ulimit',
  '--build-context',
  '--builder',
  '--metadata-file',
  '--provenance',
  '--sbom',
  '--attest',
  '--allow',
  '--annotation',
  '--cgroup-parent',
  '--isolation',
]);
const BUILD_FLAGS = new Set(['--no-cache', '--pull', '-q', '--quiet', '--load', '--push', '--rm', '--force-rm', '--compress', '--squash', '--check']);
const DOCKER_BUILD = /^\s*(?:sudo\s+)?(docker\s+(?:image\s+|buildx\s+)?build)(\s.*)?$/;

/**
 * A `docker build` with no context argument (`docker build -t api:1.0`): "requires exactly 1
 * argument". Undefined when it names one, or uses an option this reader does not know.
 */
function buildWithoutContext(segment: string): string | undefined {
  const build = DOCKER_BUILD.exec(segment);
  if (!build) return undefined;
  const tokens = (build[2] ?? '').match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token.startsWith('-') || token === '-') return undefined;
    const name = token.split('=')[0];
    if (BUILD_VALUE_OPTIONS.has(name)) {
      if (!token.includes('=')) i++;
    } else if (!BUILD_FLAGS.has(name)) return undefined;
  }
  return build[1].replace(/\s+/g, ' ');
}

/** `${{ ... }}` expressions blanked to the same length, so quotes inside them do not count. */
function maskExpressions(script: string): string {
  return script.replace(/\$\{\{[\s\S]*?\}\}/g, (expression) => expression.replace(/[^\n]/g, 'x'));
}

/**
 * The problems of one script, in order. Only scripts GitHub runs with bash or sh should be given
 * (not `shell: python` or `pwsh`).
 */
export function shellProblems(script: string): ShellProblem[] {
  if (!/["'>]|^\s*--|apt|add-apt-repository|docker/m.test(script)) return [];
  const problems: ShellProblem[] = [];
  const lines = maskExpressions(script).split('\n');
  const stack: { context: Context; line: number; column: number }[] = [{ context: 'top', line: 0, column: 0 }];
  const heredocs: string[] = [];
  let previous: { line: number; code: string; continued: boolean } | undefined;
  // The command being read, joined over continuation lines: prompts are judged per command.
  let command = { text: '', line: 0, column: 0 };
  let promptReported = false;
  const judgeCommand = () => {
    if (!command.text) return;
    const segments = command.text.split(/&&|\|\||;|\|/);
    for (const segment of segments) {
      const build = buildWithoutContext(segment);
      if (build) problems.push({ kind: 'buildContext', line: command.line, column: command.column, length: command.text.trimEnd().length, text: build });
    }
    if (promptReported || PIPED_ANSWER.test(command.text)) return;
    for (const segment of segments) {
      const install = APT_INSTALL.exec(segment) ?? ADD_REPOSITORY.exec(segment);
      if (!install || ANSWERS_YES.test(segment)) continue;
      problems.push({ kind: 'prompt', line: command.line, column: command.column, length: command.text.trimEnd().length, text: install[1] });
      promptReported = true;
      return;
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (heredocs.length > 0) {
      if (line.trim() === heredocs[0]) heredocs.shift();
      continue;
    }
    const atTop = stack.length === 1;
    if (atTop && previous && !previous.continued && previous.code.trim() !== '' && previous.line === i - 1) {
      const flag = FLAG_LINE.exec(line);
      if (flag) {
        const before = lines[previous.line];
        const indent = before.length - before.trimStart().length;
        problems.push({ kind: 'flagLine', line: previous.line, column: indent, length: before.trimEnd().length - indent, text: flag[2] });
      }
    }
    if (atTop && !(previous?.continued ?? false)) {
      judgeCommand();
      command = { text: '', line: i, column: line.length - line.trimStart().length };
    }
    let code = line.length;
    let last = { index: -1, context: 'top' as Context };
    let continued = false;
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      const context = stack[stack.length - 1].context;
      if (context === 'single') {
        if (c === "'") stack.pop();
        last = { index: j, context };
        continue;
      }
      // `$'...'` (ANSI-C quoting) is the one single-quoted form where a backslash escapes.
      if (context === 'ansi') {
        if (c === '\\') j++;
        else if (c === "'") stack.pop();
        last = { index: j, context };
        continue;
      }
      if (c === '\\') {
        if (j === line.length - 1) continued = true;
        last = { index: j + 1, context };
        j++;
        continue;
      }
      if (context === 'double') {
        if (c === '"') stack.pop();
        else if (c === '$' && line[j + 1] === '(') stack.push({ context: 'sub', line: i, column: j++ });
        else if (c === '`') stack.push({ context: 'backtick', line: i, column: j });
        last = { index: j, context };
        continue;
      }
      if (c === '#' && (j === 0 || /[\s;&|(]/.test(line[j - 1]))) {
        code = j;
        break;
      }
      if (/\s/.test(c)) continue;
      last = { index: j, context };
      if (c === "'") stack.push({ context: j > 0 && line[j - 1] === '$' ? 'ansi' : 'single', line: i, column: j });
      else if (c === '"') stack.push({ context: 'double', line: i, column: j });
      else if (c === '`') {
        if (context === 'backtick') stack.pop();
        else stack.push({ context: 'backtick', line: i, column: j });
      } else if (c === '$' && line[j + 1] === '(') stack.push({ context: 'sub', line: i, column: j++ });
      else if (c === '(' && context === 'sub') stack.push({ context: 'sub', line: i, column: j });
      else if (c === ')' && context === 'sub') stack.pop();
      else if (c === '<' && line[j + 1] === '<' && line[j + 2] !== '<') {
        const heredoc = /^<<-?\s*(['"]?)([\w.-]+)\1/.exec(line.slice(j));
        if (heredoc) {
          heredocs.push(heredoc[2]);
          j += heredoc[0].length - 1;
        }
      }
    }
    const text = line.slice(0, code);
    // `cmd >` at the end of a line: bash stops with "syntax error near unexpected token `newline'".
    if (!continued && last.index >= 0 && last.context !== 'single' && last.context !== 'ansi' && last.context !== 'double' && /(^|[^-=>])>>?\s*$/.test(text)) {
      const at = text.trimEnd().length - (text.trimEnd().endsWith('>>') ? 2 : 1);
      problems.push({ kind: 'redirect', line: i, column: at, length: text.trimEnd().length - at, text: text.trim() });
    }
    if (atTop || stack.length === 1) command.text += `${continued ? text.slice(0, -1) : text} `;
    previous = { line: i, code: text, continued: continued || stack.length > 1 || /(\|\||&&|\|)\s*$/.test(text) };
  }
  judgeCommand();
  const open = stack.find((entry) => entry.context === 'single' || entry.context === 'ansi' || entry.context === 'double');
  if (open && heredocs.length === 0) problems.push({ kind: 'quote', line: open.line, column: open.column, length: 1, text: open.context === 'double' ? '"' : "'" });
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
