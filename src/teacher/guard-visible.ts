/**
 * What the learner sees of one line of model Markdown, as plain text segments. The guard
 * classifies these, never the raw Markdown: a line of code stays a line of code whether the
 * model wrapped it in a list item, a table cell, inline backticks, a diff prefix, a heading,
 * emphasis, HTML or invisible and look-alike characters.
 */

/** One piece of visible text: a line, a table cell, or what an HTML line break separates. */
export interface Segment {
  /** The text as the learner reads it, code spans shown as their content. */
  readonly text: string;
  /** The code spans inside a piece of prose (empty when the whole piece is one span). */
  readonly spans: readonly string[];
  /** The text without its code spans, for code written straight into a sentence. */
  readonly bare: string;
}

/** Characters that render as nothing; a model can put them inside a keyword to hide it. */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

/** Letters from other scripts that read as Latin ones (Unicode confusables, the common part). */
const LOOK_ALIKE: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'B',
  е: 'e',
  к: 'k',
  м: 'M',
  н: 'H',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 'T',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ү: 'y',
  ɡ: 'g',
  ɑ: 'a',
  ʏ: 'y',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  υ: 'u',
  ι: 'i',
  κ: 'k',
  τ: 't',
  ϲ: 'c',
  ε: 'e',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '′': "'",
  '″': '"',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '−': '-',
  '꞉': ':',
  '∶': ':',
  ː: ':',
  '⁄': '/',
  '∕': '/',
  ǀ: '|',
  '∣': '|',
  '․': '.',
  '‧': '.',
  '˙': '.',
};
const LOOK_ALIKE_RE = new RegExp(`[${Object.keys(LOOK_ALIKE).join('')}]`, 'g');

/**
 * Folds what only looks different: compatibility forms (full-width ｆｒｏｍ, mathematical letters),
 * look-alike letters, invisible characters and odd spaces. Used for judging only, never shown.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(LOOK_ALIKE_RE, (c) => LOOK_ALIKE[c] ?? c)
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
}

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  equals: '=',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lbrack: '[',
  rbrack: ']',
  lcub: '{',
  rcub: '}',
  lbrace: '{',
  rbrace: '}',
  colon: ':',
  semi: ';',
  comma: ',',
  period: '.',
  num: '#',
  sol: '/',
  bsol: '\\',
  lowbar: '_',
  ast: '*',
  plus: '+',
  excl: '!',
  quest: '?',
  vert: '|',
  verbar: '|',
  grave: '`',
  hyphen: '-',
  dash: '-',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Block-level HTML tags and line breaks split a line into what renders as separate lines. */
const HTML_BREAK = /<br\s*\/?>|<\/?(?:p|div|pre|li|ul|ol|tr|td|th|thead|tbody|table|details|summary|blockquote|h[1-6]|dd|dt|dl|section|article)\b[^<>]*>/gi;
const HTML_TAG = /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>|<!--|-->/g;

const QUOTE = /^\s{0,3}(?:>\s?)+/;
const HEADING = /^\s{0,3}#{1,6}(?:\s+|$)/;
const LIST = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const THEMATIC = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|={3,})$/;
/** "Line 3:", "L3", "03 |", "(3)", "3단계:", "12번째 줄:", "Step 2 -" before the real content. */
const LINE_LABEL = /^(?:(?:line|ln|l|줄|행|step|단계)\s*\d{1,4}|\(?\d{1,4}\)|\d{1,4}\s*(?:번째\s*)?(?:줄|행|단계)?)\s*(?:[:.)|\]-]|—)\s*/i;

/** Backslash escapes Markdown allows in front of punctuation. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * TeX-style wrappers a renderer may or may not typeset, shown either way as their content:
 * `$...$`, `$$...$$`, `\(...\)`, `\[...\]`, `\texttt{...}` and other one-argument commands, `\verb|...|`.
 */
function stripTex(text: string): string {
  let out = text.replace(/\\verb\*?([^\w\s])(.*?)\1/g, '$2');
  for (let i = 0; i < 3 && /\\[A-Za-z]+\{/.test(out); i++) out = out.replace(/\\[A-Za-z]+\{((?:[^{}]|\{[^{}]*\})*)\}/g, '$1');
  return out.replace(/^\s*(?:\$\$?|\\\(|\\\[)\s*(.*?)\s*(?:\$\$?|\\\)|\\\])\s*$/, '$1').replace(/(^|\s)\$(?=\S)([^$]*[^\s$\d])\$(?=$|[\s.,;:!?])/g, '$1$2');
}

/** Emphasis, strikethrough, links, images and footnote marks around or inside a piece of text. */
function stripInline(text: string): string {
  let out = stripTex(text)
    .replace(/!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/\[\^[^\]]*\]:?/g, '')
    .replace(/<(https?:[^<>\s]+)>/g, '$1')
    .replace(/\*\*(?=\S)(.+?)\*\*/g, '$1')
    .replace(/~~(?=\S)(.+?)~~/g, '$1')
    .replace(/(^|[\s(])__(?=\S)(.+?)__(?=$|[\s).,:;!?])/g, '$1$2');
  // Single-character emphasis only when it wraps whole words, so `a * b` and `*args` survive.
  out = out.replace(/(^|\s)\*(?=\S)([^*]+?)\*(?=$|[\s.,:;!?])/g, '$1$2').replace(/(^|\s)_(?=[^\s_])([^_]+?)_(?=$|[\s.,:;!?])/g, '$1$2');
  return out;
}

/** Splits a table row into its cells; a pipe inside a code span still splits, as in GFM. */
function tableCells(line: string): string[] | undefined {
  const trimmed = line.trim();
  const pipes = (trimmed.match(/(?<!\\)\|/g) ?? []).length;
  if (pipes < 2 && !(pipes === 1 && (trimmed.startsWith('|') || trimmed.endsWith('|')))) return undefined;
  return trimmed
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, '|').trim())
    .filter((c) => c.length > 0);
}

const SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g;

/** Inline code spans of a piece of prose, and the prose with each span kept as its content. */
function codeSpans(text: string): { spans: string[]; whole?: string } {
  const spans: string[] = [];
  for (const m of text.matchAll(SPAN)) spans.push(m[2].replace(/^ (.*) $/, '$1'));
  if (spans.length === 1) {
    const outside = text.replace(SPAN, '').replace(/[\s,;:.。、·•→-]+/g, '');
    if (!outside) return { spans, whole: spans[0] };
  }
  return { spans };
}

export interface VisibleLine {
  /** Nothing the learner would read as content: blank, a table rule, a thematic break. */
  readonly structural: boolean;
  readonly segments: readonly Segment[];
}

/**
 * The visible text of one Markdown line outside a fenced block. Quotes, headings, list
 * markers, table pipes, HTML and labels are taken away; a line that is one inline code span
 * becomes that code; other spans come out as `inline` segments of their own.
 */
export function visibleLine(raw: string): VisibleLine {
  let line = fold(raw).replace(/\r$/, '');
  if (!line.trim() || THEMATIC.test(line) || TABLE_RULE.test(line)) return { structural: true, segments: [] };
  line = line.replace(QUOTE, '');
  for (let i = 0; i < 4 && (LIST.test(line) || HEADING.test(line)); i++)
    line = line
      .replace(LIST, '')
      .replace(HEADING, '')
      .replace(/\s#+\s*$/, '');
  const cells = tableCells(line) ?? [line];
  const segments: Segment[] = [];
  for (const cell of cells) {
    for (const piece of cell.split(HTML_BREAK)) {
      const text = decodeEntities(piece.replace(HTML_TAG, ''));
      if (!text.trim()) continue;
      pushPiece(segments, text);
    }
  }
  return { structural: segments.length === 0, segments };
}

/** Quotation marks and brackets around a whole piece: 「...」, « ... », “...”, 【...】. */
const WRAPPED = /^(?:「(.*)」|『(.*)』|«(.*)»|‹(.*)›|“(.*)”|【(.*)】|〈(.*)〉|《(.*)》|〔(.*)〕|〘(.*)〙|［(.*)］)$/;

function unwrap(text: string): string {
  let out = text;
  for (let m = WRAPPED.exec(out.trim()); m; m = WRAPPED.exec(out.trim()))
    out = m
      .slice(1)
      .find((g) => g !== undefined)!
      .trim();
  return out;
}

function pushPiece(segments: Segment[], piece: string): void {
  const unlabelled = unwrap(stripInline(piece.trim()).replace(LINE_LABEL, ''));
  const { spans, whole } = codeSpans(unlabelled);
  if (whole !== undefined) {
    segments.push({ text: whole, spans: [], bare: whole });
    return;
  }
  const text = unescapeMarkdown(unlabelled.replace(SPAN, (_, _t, inner: string) => inner));
  const bare = unescapeMarkdown(unlabelled.replace(SPAN, ' '));
  segments.push({ text, spans, bare });
}

/** A line inside a fenced block or `<pre>`: shown verbatim, except for entities in HTML. */
export function visibleCode(raw: string, html = false): VisibleLine {
  const line = fold(raw).replace(/\r$/, '');
  if (!line.trim()) return { structural: true, segments: [] };
  const text = html ? decodeEntities(line.replace(HTML_TAG, '')) : line;
  return { structural: !text.trim(), segments: text.trim() ? [{ text, spans: [], bare: text }] : [] };
}

/** The text of a "label: rest" line after its short label, when it has one. */
export function afterLabel(text: string): string | undefined {
  const m = /^([^:：]{1,24})[:：]\s+(\S.*)$/.exec(text.trim());
  if (!m) return undefined;
  const label = m[1].trim();
  // A label is a few words of prose ("1단계", "Step one", "다음 줄"), not code like `x = {"a"`.
  return /^[\p{L}\p{N}\s()#.'-]+$/u.test(label) && label.split(/\s+/).length <= 4 ? m[2] : undefined;
}

const BASE64 = /[A-Za-z0-9+/]{24,}={0,2}|[A-Za-z0-9_-]{32,}={0,2}/g;
const HEX = /(?:[0-9a-fA-F]{2}){16,}/g;

/**
 * Text hidden in an encoding a learner can undo in seconds: base64, hex, percent escapes and
 * the escapes of a string literal (`"import os\nx = 1"`). Returns the decoded lines, if any.
 */
export function decodedLines(text: string): string[] {
  const out: string[] = [];
  for (const token of text.match(BASE64) ?? []) {
    const decoded = printable(Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
    if (decoded) out.push(...decoded.split(/\r?\n/));
  }
  for (const token of text.match(HEX) ?? []) {
    const decoded = printable(Buffer.from(token, 'hex').toString('utf8'));
    if (decoded) out.push(...decoded.split(/\r?\n/));
  }
  if ((text.match(/%[0-9a-fA-F]{2}/g) ?? []).length >= 3) {
    try {
      const decoded = decodeURIComponent(text);
      if (decoded.includes('\n')) out.push(...decoded.split(/\r?\n/));
    } catch {
      // Not percent-encoded text after all.
    }
  }
  if (/\\(?:n|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\})/.test(text)) {
    const unescaped = text
      .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h: string) => safeCodePoint(parseInt(h, 16)))
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => safeCodePoint(parseInt(h, 16)))
      .replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/\\r\\n|\\n|\\r/g, '\n')
      .replace(/\\t/g, '    ')
      .replace(/\\(["'\\])/g, '$1');
    if (unescaped !== text) out.push(...unescaped.split('\n'));
  }
  return out.map(fold).filter((l) => l.trim());
}

function safeCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** Decoded bytes that read as text (not random binary from a word that happened to be base64). */
function printable(text: string): string | undefined {
  if (!text || text.includes('\uFFFD')) return undefined;
  const visible = text.replace(/[\t\n\r]/g, '');
  const control = (visible.match(/[\u0000-\u001f\u007f]/g) ?? []).length;
  return control === 0 && /[A-Za-z]{2}/.test(visible) ? text : undefined;
}
