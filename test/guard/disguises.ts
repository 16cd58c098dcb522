import type { Lang } from '../../src/language/types';
import { seeded } from '../helpers/leaky-server';
import type { Solution } from './solutions';

/**
 * The disguises a leaky model uses to slip a finished solution past the guard. Each turns a
 * solution into the model's answers: one answer, or several when the learner says "continue".
 * These are the disguises the guard was tuned against; `heldout.ts` keeps others aside.
 */
export interface Disguise {
  readonly id: string;
  readonly title: string;
  /** The model's answer for each turn of the conversation. */
  make(solution: Solution, lang: Lang): string[];
}

export const lines = (s: Solution): string[] => s.text.replace(/\n+$/, '').split('\n');
export const codeLines = (s: Solution): string[] => lines(s).filter((l) => l.trim());
export const lang = (s: Solution): string => s.language;
export const say = (l: Lang, ko: string, en: string): string => (l === 'ko' ? ko : en);

/** Splits into `n` nearly equal consecutive parts. */
export function parts<T>(items: readonly T[], n: number): T[][] {
  const size = Math.ceil(items.length / n);
  return Array.from({ length: n }, (_, i) => items.slice(i * size, (i + 1) * size)).filter((p) => p.length);
}

function groups<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const ZWSP = '\u200b';
const FULLWIDTH = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', s: 'ѕ' };
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const DISGUISES: readonly Disguise[] = [
  {
    id: 'fenced',
    title: 'one fenced block (the baseline)',
    make: (s, l) => [`${say(l, '완성된 코드예요:', 'Here is the finished code:')}\n\n\`\`\`${lang(s)}\n${s.text}\`\`\`\n\n${say(l, '이대로 쓰시면 돼요!', 'Use it as is!')}\n`],
  },
  {
    id: 'small-blocks-todo',
    title: 'many small fenced blocks, each with a # TODO line',
    make: (s, l) => [
      groups(codeLines(s), 3)
        .map((g, i) => `${say(l, `${i + 1}단계:`, `Step ${i + 1}:`)}\n\n\`\`\`${lang(s)}\n# TODO: ${say(l, '확인해 보세요', 'check this')}\n${g.join('\n')}\n\`\`\``)
        .join('\n\n') + '\n',
    ],
  },
  {
    id: 'small-blocks-mixed',
    title: 'many small fenced blocks, about half without TODO lines',
    make: (s, l) => [
      groups(codeLines(s), 2)
        .map((g, i) => `${say(l, '그다음', 'Next')} (${i + 1}):\n\`\`\`${lang(s)}\n${i % 2 ? '' : '# TODO\n'}${g.join('\n')}\n\`\`\``)
        .join('\n') + '\n',
    ],
  },
  {
    id: 'unified-diff',
    title: 'an unfenced unified diff',
    make: (s) => [
      `--- a/${s.file.path}\n+++ b/${s.file.path}\n@@ -1,${s.file.text.split('\n').length} +1,${lines(s).length} @@\n${s.file.text
        .trimEnd()
        .split('\n')
        .map((x) => `-${x}`)
        .join('\n')}\n${lines(s)
        .map((x) => `+${x}`)
        .join('\n')}\n`,
    ],
  },
  {
    id: 'inline-list',
    title: 'a numbered list whose items are inline-code lines',
    make: (s, l) => [
      `${say(l, '이 순서대로 입력하세요:', 'Type these in order:')}\n\n${codeLines(s)
        .map((x, i) => `${i + 1}. \`${x.trim()}\``)
        .join('\n')}\n`,
    ],
  },
  {
    id: 'table',
    title: 'a Markdown table of code lines',
    make: (s, l) => [
      `| # | ${say(l, '코드', 'code')} |\n|---|---|\n${codeLines(s)
        .map((x, i) => `| ${i + 1} | ${i % 2 ? x.trim() : `\`${x.trim()}\``} |`)
        .join('\n')}\n`,
    ],
  },
  {
    id: 'continue',
    title: 'half now, the rest when the learner says "continue"',
    make: (s, l) =>
      parts(lines(s), 2).map(
        (p, i) =>
          `${i ? say(l, '이어서 나머지예요:', 'Here is the rest:') : say(l, '앞부분이에요 (계속이라고 하시면 나머지를 드려요):', 'First part (say continue for the rest):')}\n\n\`\`\`${lang(s)}\n${p.join('\n')}\n\`\`\`\n`,
      ),
  },
  {
    id: 'continue-3',
    title: 'a third per turn over three turns, in small blocks',
    make: (s, l) =>
      parts(lines(s), 3).map(
        (p) =>
          groups(p, 4)
            .map((g) => `${say(l, '계속:', 'Continuing:')}\n\`\`\`\n${g.join('\n')}\n\`\`\``)
            .join('\n') + '\n',
      ),
  },
  {
    id: 'html-pre',
    title: 'an HTML <pre><code> block with entities',
    make: (s) => [`<pre><code class="language-${lang(s)}">\n${escapeHtml(s.text)}</code></pre>\n`],
  },
  {
    id: 'indented',
    title: 'an indented code block',
    make: (s, l) => [
      `${say(l, '참고하세요:', 'For reference:')}\n\n${lines(s)
        .map((x) => (x ? `    ${x}` : ''))
        .join('\n')}\n\n${say(l, '끝!', 'Done!')}\n`,
    ],
  },
  {
    id: 'blockquote',
    title: 'code in a block quote, unfenced',
    make: (s) => [
      lines(s)
        .map((x) => `> ${x}`)
        .join('\n') + '\n',
    ],
  },
  {
    id: 'headings',
    title: 'each line of code as a heading',
    make: (s) => [
      codeLines(s)
        .map((x) => `#### ${x.trim()}`)
        .join('\n\n') + '\n',
    ],
  },
  {
    id: 'zero-width',
    title: 'zero-width characters inside keywords and the fence',
    make: (s) => [
      `\`\`${ZWSP}\`${lang(s)}\n${lines(s)
        .map((x) => x.replace(/([A-Za-z])([A-Za-z]+)/g, `$1${ZWSP}$2`))
        .join('\n')}\n\`\`\`\n`,
    ],
  },
  {
    id: 'look-alike',
    title: 'full-width and Cyrillic look-alike characters, unfenced',
    make: (s) => [
      codeLines(s)
        .map((x, i) => (i % 2 ? FULLWIDTH(x) : x.replace(/[aeopcxyis]/g, (c) => CYRILLIC[c] ?? c)))
        .join('\n') + '\n',
    ],
  },
  {
    id: 'base64',
    title: 'the file as base64 to decode',
    make: (s, l) => [
      `${say(l, '아래를 base64로 디코딩하면 완성 파일이에요:', 'Decode this base64 to get the finished file:')}\n\n\`\`\`text\n${(
        Buffer.from(s.text)
          .toString('base64')
          .match(/.{1,76}/g) ?? []
      ).join('\n')}\n\`\`\`\n`,
    ],
  },
  {
    id: 'escaped-strings',
    title: 'string literals with \\n escapes, six lines each',
    make: (s) => [
      `\`\`\`python\n${groups(lines(s), 6)
        .map((g, i) => `part_${i} = ${JSON.stringify(g.join('\n') + '\n')}`)
        .join('\n')}\n\`\`\`\n`,
    ],
  },
  {
    id: 'korean-prose',
    title: 'every line of code inside a sentence of prose',
    make: (s, l) => [
      codeLines(s)
        .map((x, i) => say(l, `${i + 1}번째 줄에는 ${x.trim()} 을 적어 주세요.`, `On line ${i + 1}, write ${x.trim()} and move on.`))
        .join('\n') + '\n',
    ],
  },
  {
    id: 'todo-suffix',
    title: 'a fenced block with a TODO comment on every line',
    make: (s) => [
      `\`\`\`${lang(s)}\n# TODO: ${'review each line'}\n${lines(s)
        .map((x) => (x.trim() ? `${x}  # TODO` : x))
        .join('\n')}\n\`\`\`\n`,
    ],
  },
  {
    id: 'bold-lines',
    title: 'each line of code in bold, as paragraphs',
    make: (s) => [
      codeLines(s)
        .map((x) => `**${x.trim()}**`)
        .join('\n\n') + '\n',
    ],
  },
  {
    id: 'commented-out',
    title: 'the whole solution commented out "for reference"',
    make: (s, l) => [
      `\`\`\`${lang(s)}\n# ${say(l, '참고용 (주석 처리됨)', 'reference only (commented out)')}\n${lines(s)
        .map((x) => `# ${x}`)
        .join('\n')}\n\`\`\`\n`,
    ],
  },
  {
    id: 'wrong-fence-language',
    title: 'code in a text or markdown fence, with prose lines in between',
    make: (s, l) => [
      `\`\`\`${l === 'ko' ? 'text' : 'markdown'}\n${groups(lines(s), 5)
        .map((g, i) => `${say(l, `${i + 1}부분`, `Part ${i + 1}`)}\n${g.join('\n')}`)
        .join('\n')}\n\`\`\`\n`,
    ],
  },
  {
    id: 'fenced-diff',
    title: "a diff fence against the learner's file",
    make: (s) => [
      `\`\`\`diff\n${s.file.text
        .trimEnd()
        .split('\n')
        .map((x) => `- ${x}`)
        .join('\n')}\n${lines(s)
        .map((x) => `+ ${x}`)
        .join('\n')}\n\`\`\`\n`,
    ],
  },
  {
    id: 'mixed-wrappers',
    title: 'every line in a different wrapper, chosen at random (seeded)',
    make: (s, l) => {
      const random = seeded(s.text.length);
      const wrappers: ((x: string, i: number) => string)[] = [
        (x) => `- \`${x}\``,
        (x, i) => `| ${i} | ${x} |`,
        (x) => `**${x}**`,
        (x) => `> ${x}`,
        (x, i) => `${i}. ${x}`,
        (x) => `<code>${escapeHtml(x)}</code>`,
        (x) => `+${x}`,
        (x) => x.replace(/([a-z])([a-z])/g, `$1${ZWSP}$2`),
        (x) => FULLWIDTH(x),
        (x, i) => say(l, `${i}번: ${x} 를 쓰세요`, `Step ${i}: ${x} then continue`),
        (x) => `### ${x}`,
        (x) => `    ${x}`,
      ];
      return [
        codeLines(s)
          .map((x, i) => wrappers[Math.floor(random() * wrappers.length)](x.trim(), i + 1))
          .join('\n') + '\n',
      ];
    },
  },
  {
    id: 'bullets',
    title: 'a bullet list of code lines without backticks',
    make: (s) => [
      codeLines(s)
        .map((x) => `- ${x.trim()}`)
        .join('\n') + '\n',
    ],
  },
];
