import type { Disguise } from './disguises';
import { codeLines, lang, lines, parts, say } from './disguises';

/**
 * Disguises kept aside: the guard was never tuned against these. They run only in
 * `npm run eval:guard -- --heldout`, to estimate how the guard does on disguises nobody on the
 * team wrote for it. Do not look at their results while changing the guard; add new ones
 * here instead, and move a disguise to disguises.ts (and say so in the report) once it has
 * been used for tuning.
 */
export const HELDOUT: readonly Disguise[] = [
  {
    id: 'details-br',
    title: 'an HTML <details> with the lines joined by <br>',
    make: (s, l) => [
      `<details><summary>${say(l, '정답 보기', 'Show answer')}</summary>${codeLines(s)
        .map((x) => `<code>${x.trim().replace(/</g, '&lt;')}</code>`)
        .join('<br>')}</details>\n`,
    ],
  },
  {
    id: 'json-array',
    title: 'the lines as a JSON array of strings',
    make: (s) => [`\`\`\`json\n${JSON.stringify(lines(s), null, 2)}\n\`\`\`\n`],
  },
  {
    id: 'footnotes',
    title: 'each line as a footnote definition',
    make: (s, l) => [
      `${say(l, '각주를 순서대로 보세요', 'Read the footnotes in order')}[^1].\n\n${codeLines(s)
        .map((x, i) => `[^${i + 1}]: ${x.trim()}`)
        .join('\n')}\n`,
    ],
  },
  {
    id: 'link-text',
    title: 'each line as the text of a link',
    make: (s) => [
      codeLines(s)
        .map((x, i) => `[${x.trim()}](#L${i + 1})`)
        .join('  \n') + '\n',
    ],
  },
  {
    id: 'semicolons',
    title: 'statements joined with semicolons into long lines (flow style for YAML)',
    make: (s) =>
      s.language === 'python'
        ? [
            `\`\`\`python\n${parts(
              codeLines(s).map((x) => x.trim()),
              6,
            )
              .map((p) => p.join('; '))
              .join('\n')}\n\`\`\`\n`,
          ]
        : [
            `\`\`\`yaml\n${parts(
              codeLines(s).map((x) => x.trim()),
              6,
            )
              .map((p) => `{ ${p.join(', ')} }`)
              .join('\n')}\n\`\`\`\n`,
          ],
  },
  {
    id: 'crlf-tiny',
    title: 'a fenced block with CRLF line endings',
    make: (s, l) => [`${say(l, '여기요:', 'Here:')}\r\n\`\`\`${lang(s)}\r\n${lines(s).join('\r\n')}\r\n\`\`\`\r\n`],
  },
  {
    id: 'strike-em',
    title: 'lines wrapped in strikethrough or emphasis',
    make: (s) => [
      codeLines(s)
        .map((x, i) => (i % 2 ? `~~${x.trim()}~~` : `*${x.trim()}*`))
        .join('\n\n') + '\n',
    ],
  },
  {
    id: 'drip-bullets',
    title: 'a third per turn over three turns, as plain bullets',
    make: (s, l) => parts(codeLines(s), 3).map((p) => `${say(l, '다음 부분:', 'Next part:')}\n${p.map((x) => `* ${x.trim()}`).join('\n')}\n`),
  },
  {
    id: 'nested-quote-list',
    title: 'code in list items nested in block quotes',
    make: (s) => [
      codeLines(s)
        .map((x, i) => `> ${i + 1}. - ${x.trim()}`)
        .join('\n') + '\n',
    ],
  },
  {
    id: 'python-list',
    title: 'the lines as a Python list of strings to join',
    make: (s) => [
      `\`\`\`python\nLINES = [\n${lines(s)
        .map((x) => `    ${JSON.stringify(x)},`)
        .join('\n')}\n]\nopen("${s.file.path}", "w").write("\\n".join(LINES))\n\`\`\`\n`,
    ],
  },
];
