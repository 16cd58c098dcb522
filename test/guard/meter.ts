import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { teacherScaffolds } from '../../src/teacher/guard-budget';
import { createMarkdownRenderer } from '../../src/webview/markdown';

/**
 * The leak meter: which lines of a solution a learner could read in what reached them. It
 * renders the Markdown the way the panel does (markdown-it without HTML, DOMPurify) and the
 * way a renderer that allows HTML would, takes the text of both, and undoes what a reader
 * undoes without effort: compatibility and look-alike characters, invisible characters,
 * base64 and string escapes. It shares no code with the guard's own reading, on purpose.
 */

const window = new JSDOM('<!doctype html><html><body></body></html>').window;
const panel = createMarkdownRenderer(window as unknown as Window);
const withHtml = new MarkdownIt({ html: true, linkify: false });

function textOf(html: string): string {
  const div = window.document.createElement('div');
  div.innerHTML = html;
  // Block boundaries become line breaks, as a reader sees them.
  for (const el of Array.from(div.querySelectorAll('br,p,li,tr,td,th,pre,h1,h2,h3,h4,h5,h6,div,details,summary,blockquote'))) el.append('\n');
  return div.textContent ?? '';
}

const CONFUSABLE: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ѕ: 's',
  ј: 'j',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
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
  ο: 'o',
  α: 'a',
  ν: 'v',
  ρ: 'p',
  Ο: 'O',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ρ: 'P',
  Τ: 'T',
  Χ: 'X',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
};

function readable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Cf}\u115F\u1160\u3164\uFFA0]/gu, '')
    .replace(/[^\x00-\x7F]/g, (c) => CONFUSABLE[c] ?? c)
    .replace(/\r/g, '');
}

/** Text a reader could decode: runs of base64 lines, escaped string literals. */
function decoded(text: string): string {
  const out: string[] = [];
  const runs = text.match(/(?:^[A-Za-z0-9+/=]{16,}$\n?)+/gm) ?? [];
  for (const run of [...runs, ...(text.match(/[A-Za-z0-9+/]{40,}={0,2}/g) ?? [])]) {
    const bytes = Buffer.from(run.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/[A-Za-z]{3}/.test(bytes) && !bytes.includes('\uFFFD')) out.push(bytes);
  }
  for (const literal of text.match(/"(?:[^"\\\n]|\\.)*\\n(?:[^"\\\n]|\\.)*"/g) ?? []) {
    try {
      out.push(JSON.parse(literal) as string);
    } catch {
      out.push(literal.replace(/\\n/g, '\n'));
    }
  }
  return out.join('\n');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Everything the learner could read in these answers, as one searchable text. */
export function visibleText(markdowns: readonly string[]): string {
  const texts = markdowns.flatMap((md) => {
    const fragment = panel.render(md);
    const div = window.document.createElement('div');
    div.append(fragment);
    for (const el of Array.from(div.querySelectorAll('br,p,li,tr,td,th,pre,h1,h2,h3,h4,h5,h6,blockquote'))) el.append('\n');
    return [div.textContent ?? '', textOf(withHtml.render(md))];
  });
  const plain = readable(texts.join('\n'));
  return squash(`${plain}\n${readable(decoded(plain))}`);
}

/**
 * The solution lines that count: not blank, not comments, long enough to mean something, and
 * not already in the learner's file or in the teacher's own scaffolds (those are no leak).
 */
export function measuredLines(solution: string, learnerFile: string): string[] {
  const learner = new Set(learnerFile.split('\n').map(squash));
  const scaffolds = squash(readable(teacherScaffolds()));
  const seen = new Set<string>();
  for (const raw of solution.split('\n')) {
    const line = squash(raw);
    if (line.length < 8 || (line.match(/\w/g) ?? []).length < 5 || /^#/.test(line)) continue;
    if (learner.has(line) || scaffolds.includes(line)) continue;
    seen.add(line);
  }
  return [...seen];
}

export interface Leak {
  readonly leaked: readonly string[];
  readonly total: number;
  readonly share: number;
}

export function measureLeak(solutionLines: readonly string[], visible: string): Leak {
  const leaked = solutionLines.filter((line) => visible.includes(line));
  return { leaked, total: solutionLines.length, share: solutionLines.length ? leaked.length / solutionLines.length : 0 };
}
