import { allRuleMeta } from './catalog';
import { classifyLine, proseFragments, type LineParser, type Verdict } from './guard-classify';
import { afterLabel, decodedLines, fold, visibleCode, visibleLine } from './guard-visible';

/**
 * The code budget. Every new line of code the learner would receive costs units (a working
 * line one, structure a quarter, comments and placeholders nothing), counted over the whole
 * conversation: what earlier teacher turns already showed plus the current answer. Lines the
 * learner wrote, lines already shown, and the teacher's own scaffolds cost nothing.
 */

/** One answer may carry this much implementation; a seed-style review skeleton needs three and a half. */
export const ANSWER_BUDGET = 4;
/** The whole conversation may carry this much, so a solution cannot arrive a few lines per turn. */
export const CONVERSATION_BUDGET = 10;
/** After an injection, a request for the solution, or a hold earlier in the conversation. */
export const STRICT_ANSWER_BUDGET = 2;

/** What the guard puts in front of what it held back, so a later turn knows it happened. */
export const HELD_BACK_MARK = '🛡️';

export interface JudgedLine {
  /** `fence`: a fence delimiter; `code`: the line is code as a whole; `prose`: text, perhaps with code inside. */
  readonly kind: 'blank' | 'fence' | 'prose' | 'code';
  /** The new implementation it carries. */
  readonly units: number;
  /** It shows code the learner does not have yet, even if only structure. */
  readonly novel: boolean;
  /** All its new code sits in inline code spans of a sentence (how a teacher names things). */
  readonly inline: boolean;
  /** It is a line of code the learner already has, shown again. */
  readonly echo: boolean;
}

const MENTION = /^[A-Za-z_][\w.]*(?:\(\s*(?:\.\.\.|…)?\s*\))?$/;

const BLANK: JudgedLine = { kind: 'blank', units: 0, novel: false, inline: false, echo: false };

function norm(text: string): string {
  return fold(text)
    .replace(/\s+#(?!.*["']).*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Code the learner already has or the teacher itself hands out: quoting it is not a leak. */
export class KnownCode {
  private readonly lines = new Set<string>();
  private corpus = '';

  add(text: string | undefined): this {
    if (!text) return this;
    for (const line of text.split('\n')) {
      const whole = norm(line);
      if (whole) this.lines.add(whole);
    }
    this.corpus += `\n${fold(text).replace(/\s+/g, ' ')}`;
    return this;
  }

  hasLine(text: string): boolean {
    return this.lines.has(norm(text));
  }

  /** A fragment (a code span, an expression in a sentence) that appears in known code. */
  hasFragment(text: string): boolean {
    const n = fold(text).replace(/\s+/g, ' ').trim();
    return n.length > 0 && this.corpus.includes(n);
  }
}

let scaffoldLines: string | undefined;
/** Every rule's scaffold in both languages: the teacher's own skeletons. */
export function teacherScaffolds(): string {
  scaffoldLines ??= allRuleMeta()
    .flatMap((m) => [m.scaffold.ko, m.scaffold.en])
    .join('\n');
  return scaffoldLines;
}

const FENCE_OPEN = /^\s*(?:>\s*)*(`{3,}|~{3,})\s*([^`]*)$/;
const FENCE_CLOSE = /^\s*(?:>\s*)*(`{3,}|~{3,})\s*$/;

export type LineContext =
  { readonly kind: 'text' } | { readonly kind: 'fence-open'; readonly info: string } | { readonly kind: 'fence-close' } | { readonly kind: 'fenced'; readonly info: string };

/** Where a line sits: in running text, in a fenced block, or on a fence. */
export class FenceTracker {
  private marker: string | undefined;
  private info = '';

  get inside(): boolean {
    return this.marker !== undefined;
  }

  next(raw: string): LineContext {
    const line = fold(raw).replace(/\r$/, '');
    if (this.marker !== undefined) {
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1][0] === this.marker[0] && close[1].length >= this.marker.length) {
        this.marker = undefined;
        return { kind: 'fence-close' };
      }
      return { kind: 'fenced', info: this.info };
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      this.marker = open[1];
      this.info = open[2].trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      return { kind: 'fence-open', info: this.info };
    }
    return { kind: 'text' };
  }
}

const DIFF_HEADER = /^(?:@@.*@@.*|(?:---|\+\+\+)\s+\S.*|diff\s+--git\s.*|index\s+[0-9a-f]+\.\.[0-9a-f]+.*)$/;

/** A line as written, without a diff's `+`/`-`, and in running text without a short label ("1단계: ..."). */
function variants(text: string, fenced: boolean): string[] {
  const trimmed = text.trim();
  const out = [text];
  const diff = /^[+-](?![+-])\s?(.*)$/.exec(trimmed);
  if (diff && diff[1].trim()) out.push(diff[1]);
  const label = fenced || /^[#/;]/.test(trimmed) ? undefined : afterLabel(trimmed);
  if (label) out.push(label);
  return out;
}

/** The parts of a line outside string literals, split where a statement or a flow-mapping entry ends. */
function topLevelParts(text: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') current += text[i++] ?? '';
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === '#' && separator === ';') break;
    else if (c === separator && depth === (separator === ',' ? 1 : 0)) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts.filter((p) => p.trim().length >= 3);
}

/**
 * How many statements a line of code holds: `a = 1; b = 2` is two, a flow mapping
 * `{ image: x, replicas: 3 }` one per entry. A whole file on one line costs what the file does.
 */
function statements(text: string): number {
  const trimmed = text.trim().replace(/^-\s+/, '');
  if (/^\{.*\}\s*,?$/.test(trimmed)) return topLevelParts(trimmed, ',').filter((p) => /:/.test(p)).length;
  return topLevelParts(trimmed, ';').length;
}

/** The contents of string literals long enough to hold a line of code, unless they span lines (decodedLines reads those). */
function stringContents(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.){8,})"|'((?:[^'\\]|\\.){8,})'/g)) {
    const content = (m[1] ?? m[2]).replace(/\\(["'\\])/g, '$1');
    if (!/\\n/.test(content)) out.push(content);
  }
  return out;
}

/** Judges lines against what the learner already has. */
export class LineJudge {
  constructor(
    private readonly known: KnownCode,
    private readonly parser?: LineParser,
  ) {}

  judge(raw: string, context: LineContext): JudgedLine {
    if (context.kind === 'fence-open' || context.kind === 'fence-close') return { kind: 'fence', units: 0, novel: false, inline: false, echo: false };
    if (context.kind === 'fenced') return this.fenced(raw);
    return this.text(raw);
  }

  private best(text: string, fenced: boolean): Verdict & { known: boolean; own: boolean } {
    const readings = variants(text, fenced);
    // The learner's own line under any reading (`- name: x` is also `name: x` without a diff's `-`) is an echo.
    const learners = readings.some((v) => this.known.hasLine(v));
    // `own`: the line is known whatever it reads as, so nothing inside it (a quoted string) is new either.
    let best: Verdict & { known: boolean; own: boolean } = { kind: 'prose', units: 0, known: false, own: learners };
    for (const v of readings) {
      if (DIFF_HEADER.test(v.trim())) return { kind: 'comment', units: 0, known: false, own: false };
      const verdict = classifyLine(v, { fenced, parser: this.parser });
      const known = verdict.units > 0 && learners;
      const units = known ? 0 : verdict.kind === 'code' ? Math.max(verdict.units, statements(v)) : verdict.units;
      if (units > best.units || (best.kind === 'prose' && verdict.kind !== 'prose')) best = { ...verdict, units, known, own: learners };
    }
    return best;
  }

  /** Text hidden in an encoding, and code kept inside string literals (`["import os", "x = 1"]`). */
  private decoded(text: string): number {
    let units = 0;
    for (const content of stringContents(text)) {
      const v = classifyLine(content, { strong: true });
      if (v.units > 0 && !this.known.hasLine(content)) units += v.units;
    }
    for (const line of decodedLines(text)) {
      const v = classifyLine(line, { fenced: true, parser: this.parser });
      if (v.units > 0 && !this.known.hasLine(line)) units += v.units;
    }
    return units;
  }

  private fenced(raw: string): JudgedLine {
    const { segments } = visibleCode(raw);
    if (!segments.length) return BLANK;
    const text = segments[0].text;
    const verdict = this.best(text, true);
    // The learner's own line says nothing new, strings in it included (`- "8000:8000"`).
    let units = verdict.units + (verdict.own ? 0 : this.decoded(text));
    if (verdict.kind === 'prose') units += this.fragments(text);
    const code = verdict.kind === 'code' || verdict.kind === 'skeleton' || verdict.kind === 'comment';
    return { kind: code ? 'code' : 'prose', units, novel: units > 0, inline: false, echo: verdict.known };
  }

  private text(raw: string): JudgedLine {
    const { structural, segments } = visibleLine(raw);
    if (structural) return BLANK;
    let units = 0;
    let spanUnits = 0;
    let code = false;
    let echo = false;
    for (const segment of segments) {
      const verdict = this.best(segment.text, false);
      if (verdict.kind === 'code' || verdict.kind === 'skeleton') {
        code = true;
        // A long line read as one statement may carry many (a whole file run into one sentence).
        units += verdict.known ? 0 : Math.max(verdict.units, this.fragments(segment.bare));
        echo ||= verdict.known;
      } else {
        spanUnits += this.spans(segment.spans);
        units += this.fragments(segment.bare);
      }
      if (!verdict.own) units += this.decoded(segment.text);
    }
    const total = units + spanUnits;
    return { kind: code ? 'code' : 'prose', units: total, novel: total > 0, inline: units === 0 && spanUnits > 0, echo };
  }

  /** Code spans inside a sentence; a bare name (`request.json`, `predict()`) is a mention, not code. */
  private spans(spans: readonly string[]): number {
    let units = 0;
    for (const span of spans) {
      if (MENTION.test(span.trim())) continue;
      const verdict = classifyLine(span, { parser: this.parser });
      if (verdict.units > 0 && !this.known.hasFragment(span) && !this.known.hasLine(span)) units += verdict.units;
      else if (verdict.kind === 'prose') units += this.fragments(span);
    }
    return units;
  }

  /** Code written straight into a sentence. */
  private fragments(bare: string): number {
    let units = 0;
    for (const fragment of proseFragments(bare)) if (!this.known.hasFragment(fragment.text)) units += fragment.units;
    return units;
  }
}

/** The units each line of a finished Markdown text costs, in order (history turns, tests). */
export function judgeMarkdown(text: string, judge: LineJudge): JudgedLine[] {
  const fences = new FenceTracker();
  return text.split('\n').map((line) => judge.judge(line, fences.next(line)));
}

export interface HistorySpend {
  readonly units: number;
  /** An earlier answer in this conversation was held back. */
  readonly heldBack: boolean;
}

/**
 * What earlier teacher turns cost. Each turn's code joins the known code afterwards, so an
 * answer that repeats an earlier one is not charged twice.
 */
export function historySpend(turns: readonly string[], known: KnownCode, parser?: LineParser): HistorySpend {
  let units = 0;
  let heldBack = false;
  for (const turn of turns) {
    const judge = new LineJudge(known, parser);
    units += judgeMarkdown(turn, judge).reduce((sum, line) => sum + line.units, 0);
    heldBack ||= turn.includes(HELD_BACK_MARK);
    known.add(turn);
  }
  return { units, heldBack };
}
