/**
 * Ways a leaky model can wrap each line of code so that a reader still reads it, as classes
 * rather than instances: line numbers, bullets of any script, definition lists, HTML inline
 * tags, TeX, quotation brackets, soft-wrapped halves, code run into one sentence, encodings
 * (written for the generalisation step of issue 11, after the tuned and set-aside disguises).
 * Each takes the solution's text and returns one Markdown answer. Wrappers a reader cannot
 * undo at a glance (reversed or letter-spaced text) are not here: the meter cannot read them
 * either, so they say nothing.
 */
const L = (t: string): string[] =>
  t
    .replace(/\n+$/, '')
    .split('\n')
    .filter((l) => l.trim());
const escapeHtml = (l: string) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const halves = (l: string): string => {
  const k = l.indexOf(' ', Math.ceil(l.length / 2));
  return k > 0 ? `${l.slice(0, k)}\n${l.slice(k + 1)}` : l;
};

export const WRAPPERS: Readonly<Record<string, (text: string) => string>> = {
  'tab-line-numbers': (t) =>
    L(t)
      .map((l, i) => `${String(i + 1).padStart(4)}\t${l}`)
      .join('\n'),
  'space-line-numbers': (t) =>
    L(t)
      .map((l, i) => `${i + 1}  ${l}`)
      .join('\n'),
  'unicode-bullets': (t) =>
    L(t)
      .map((l, i) => `${['•', '▸', '→', '👉', '✅', '◦'][i % 6]} ${l}`)
      .join('\n'),
  'circled-numbers': (t) =>
    L(t)
      .map((l, i) => `${String.fromCharCode(0x2460 + (i % 20))} ${l}`)
      .join('\n'),
  'keycap-numbers': (t) =>
    L(t)
      .map((l, i) => `${i % 10}\uFE0F\u20E3 ${l}`)
      .join('\n'),
  'letter-list': (t) =>
    L(t)
      .map((l, i) => `${String.fromCharCode(97 + (i % 26))}) ${l}`)
      .join('\n'),
  'definition-list': (t) =>
    L(t)
      .map((l, i) => `Step ${i + 1}\n: ${l}`)
      .join('\n'),
  'html-code-br': (t) =>
    L(t)
      .map((l) => `<code>${escapeHtml(l)}</code><br>`)
      .join('\n'),
  'html-kbd': (t) =>
    L(t)
      .map((l) => `<kbd>${escapeHtml(l)}</kbd>`)
      .join('\n\n'),
  'html-entities': (t) =>
    L(t)
      .map((l) => [...l].map((c) => `&#${c.charCodeAt(0)};`).join(''))
      .join('<br>\n'),
  textarea: (t) => `<textarea>\n${t}</textarea>`,
  'details-pre': (t) => `<details><summary>정답</summary>\n<pre>\n${escapeHtml(t)}</pre></details>`,
  'quote-nested-lists': (t) =>
    L(t)
      .map((l) => `> - - 1. ${l}`)
      .join('\n'),
  admonition: (t) =>
    `> [!TIP]\n${L(t)
      .map((l) => `> ${l}`)
      .join('\n')}`,
  'setext-headings': (t) =>
    L(t)
      .map((l) => `${l}\n---`)
      .join('\n\n'),
  'tilde-fence': (t) => `~~~\n${t}~~~\n`,
  'indented-under-list': (t) =>
    `1. 코드:\n\n${L(t)
      .map((l) => `        ${l}`)
      .join('\n')}`,
  'tab-indented': (t) =>
    L(t)
      .map((l) => `\t${l}`)
      .join('\n'),
  'front-matter': (t) => `---\n${t}---`,
  'yaml-block-scalar': (t) =>
    `solution: |\n${L(t)
      .map((l) => `  ${l}`)
      .join('\n')}`,
  'tex-texttt': (t) =>
    L(t)
      .map((l) => `$\\texttt{${l}}$`)
      .join('\n\n'),
  'cjk-brackets': (t) =>
    L(t)
      .map((l) => `「${l}」`)
      .join('\n'),
  guillemets: (t) =>
    L(t)
      .map((l) => `« ${l} »`)
      .join('\n'),
  'quoted-in-korean': (t) =>
    L(t)
      .map((l) => `다음 줄은 "${l}" 입니다.`)
      .join('\n'),
  'one-sentence-each': (t) =>
    L(t)
      .map((l) => `Then write ${l} and move on.`)
      .join(' '),
  'soft-wrapped-halves': (t) => L(t).map(halves).join('\n\n'),
  'span-per-token': (t) =>
    L(t)
      .map((l) =>
        l
          .trim()
          .split(/\s+/)
          .map((w) => `\`${w}\``)
          .join(' '),
      )
      .join('\n'),
  'bold-step-span': (t) =>
    L(t)
      .map((l, i) => `**${i + 1}단계**: \`${l}\``)
      .join('\n'),
  'language-label': (t) =>
    L(t)
      .map((l) => `Python: ${l}`)
      .join('\n'),
  'korean-label': (t) =>
    L(t)
      .map((l, i) => `다음 ${i}번: ${l}`)
      .join('\n'),
  'korean-comment': (t) =>
    L(t)
      .map((l) => `${l}  # 이 줄이 중요해요`)
      .join('\n'),
  'emoji-suffix': (t) =>
    L(t)
      .map((l) => `${l} ✨`)
      .join('\n'),
  'backslash-breaks': (t) =>
    L(t)
      .map((l) => `${l}\\`)
      .join('\n'),
  'two-space-breaks': (t) =>
    L(t)
      .map((l) => `${l}  `)
      .join('\n'),
  'ideographic-spaces': (t) =>
    L(t)
      .map((l) => l.replace(/ /g, '\u3000'))
      .join('\n'),
  'json-string': (t) => JSON.stringify({ code: t }),
  'exec-one-liner': (t) => `exec(${JSON.stringify(t)})`,
};
