import type { Node, Point, Tree } from 'web-tree-sitter';
import { nodeRange } from '../rule';
import type { EngineNotice, Lang, Localized } from '../types';
import type { PythonModel } from './model';
import { LineIndex } from './scan';

/**
 * tree-sitter-python parses much of Python 2 without an ERROR node: it keeps `print` and `exec`
 * statements for old code, reads `raise E, "m"` as a raise of a tuple, backticks as a string,
 * `0777` and `10L` as integers. The rules read Python 3, so such a file gets the `syntax` notice
 * the README promises, found here.
 *
 * Each construct has a text pre-check, so a Python 3 file (nearly all of them) costs a few
 * regular expressions and no walk of the tree; only a hit asks the tree, and only on the lines
 * that matched. `except E, e:` is left alone: Python 3.14 reads `except A, B:` as two types.
 */
interface Construct {
  readonly what: Localized;
  /** Lines that may hold the construct (multiline, global). */
  readonly lines: RegExp;
  /** The first node on those lines that really is the construct. */
  find(tree: Tree, from: Point, to: Point): Node | undefined;
}

const ofType =
  (type: string, test: (node: Node) => boolean = () => true) =>
  (tree: Tree, from: Point, to: Point) =>
    tree.rootNode.descendantsOfType(type, from, to).find(test);

const CONSTRUCTS: readonly Construct[] = [
  { what: { ko: 'print 문', en: 'print statement' }, lines: /^[ \t]*print[ \t]*[^\s(=.,;:)\]}]/gm, find: ofType('print_statement') },
  { what: { ko: 'exec 문', en: 'exec statement' }, lines: /^[ \t]*exec[ \t]+[^\s(=.,;:)\]}]/gm, find: ofType('exec_statement') },
  {
    what: { ko: 'raise E, "메시지"', en: 'raise E, "message"' },
    lines: /^[ \t]*raise[ \t]+[^\n#]*,/gm,
    find: ofType('raise_statement', (node) => node.namedChildren[0]?.type === 'expression_list'),
  },
  { what: { ko: '역따옴표 repr', en: 'backtick repr' }, lines: /`/g, find: ofType('string_start', (node) => node.text === '`') },
  { what: { ko: '<> 연산자', en: '<> operator' }, lines: /<>/g, find: ofType('<>') },
  { what: { ko: 'ur"..." 문자열', en: 'ur"..." string' }, lines: /\bur["']/gi, find: ofType('string_start', (node) => /^ur/i.test(node.text)) },
  {
    what: { ko: '옛 8진수나 L 접미사 정수', en: 'old octal or long integer literal' },
    lines: /\b0[0-7]*[1-7][0-7]*\b|\b\d+[lL]\b/g,
    find: ofType('integer', (node) => /^0\d*[1-9]\d*$|^\d+[lL]$/.test(node.text)),
  },
  { what: { ko: '튜플 매개변수', en: 'tuple parameter' }, lines: /\bdef[ \t]+\w+[ \t]*\([^)\n]*\(/g, find: ofType('tuple_pattern', (node) => node.parent?.type === 'parameters') },
];

/** Lines with a pre-check hit before we give up on a construct (a file full of backticks in docstrings). */
const MAX_CANDIDATE_LINES = 64;

/** Each construct's pre-check as one test (`PythonModel.linesMatch`: each matches within one line). */
const HINTS: readonly RegExp[] = CONSTRUCTS.map((construct) => new RegExp(construct.lines.source, construct.lines.flags.replace('g', '')));

/**
 * The first Python 2 construct in the file, as a `syntax` notice; undefined for Python 3 code.
 * With the file's `model`, the pre-checks are asked of it first (`linesMatch`), so that a re-lint
 * tests only the edited statements' lines when nothing in the file hits, as is usual.
 */
export function python2Notice(tree: Tree, text: string, lang: Lang, model?: PythonModel): EngineNotice | undefined {
  const first = firstConstruct(tree, text, model);
  if (!first) return undefined;
  const line = first.node.startPosition.row + 1;
  return {
    kind: 'syntax',
    code: 'python2',
    range: nodeRange(first.node),
    message:
      lang === 'ko'
        ? `${line}번째 줄 근처에 Python 2 문법이 있습니다 (${first.what.ko}): 규칙은 Python 3 기준이라 일부 발견이 빠질 수 있어요`
        : `Python 2 syntax near line ${line} (${first.what.en}): the rules read Python 3, so some findings may be missing`,
  };
}

interface Found {
  readonly node: Node;
  readonly what: Localized;
}

/**
 * The first construct of each tree, kept while the tree lives: the engine asks for the notice
 * and `undefined-name` asks again for the same tree, and the pre-checks scan the whole text.
 */
const firstOf = new WeakMap<Tree, { readonly text: string; readonly first: Found | undefined }>();

function firstConstruct(tree: Tree, text: string, model?: PythonModel): Found | undefined {
  const kept = firstOf.get(tree);
  if (kept?.text === text) return kept.first;
  if (model && model.source === text && !HINTS.some((hint) => model.linesMatch(hint))) {
    firstOf.set(tree, { text, first: undefined });
    return undefined;
  }
  // Line starts are indexed only when a pre-check hits, which a Python 3 file rarely does.
  let index: LineIndex | undefined;
  const rows = { at: (offset: number) => (index ??= new LineIndex(text)).position(offset).line };
  let first: Found | undefined;
  for (const construct of CONSTRUCTS) {
    const node = findConstruct(construct, tree, text, rows);
    if (node && (!first || node.startIndex < first.node.startIndex)) first = { node, what: construct.what };
  }
  firstOf.set(tree, { text, first });
  return first;
}

function findConstruct(construct: Construct, tree: Tree, text: string, rows: { at(offset: number): number }): Node | undefined {
  construct.lines.lastIndex = 0;
  let checked = 0;
  let lastRow = -1;
  for (let match = construct.lines.exec(text); match && checked < MAX_CANDIDATE_LINES; match = construct.lines.exec(text)) {
    const row = rows.at(match.index);
    if (row === lastRow) continue;
    lastRow = row;
    checked++;
    const node = construct.find(tree, { row, column: 0 }, { row: row + 1, column: 0 });
    if (node) return node;
  }
  return undefined;
}
