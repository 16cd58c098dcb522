import type { Lang } from '../language/types';
import {
  ANSWER_BUDGET,
  CONVERSATION_BUDGET,
  FenceTracker,
  HELD_BACK_MARK,
  KnownCode,
  LineJudge,
  STRICT_ANSWER_BUDGET,
  historySpend,
  teacherScaffolds,
  type JudgedLine,
  type LineContext,
} from './guard-budget';
import { classifyLine, codeScore, isProse, type LineParser } from './guard-classify';
import { fold, visibleLine } from './guard-visible';
import { ruleMeta } from './catalog';
import { fence } from './text';

/**
 * The no-solution guard. Model output passes through it before the learner sees it. Prose
 * streams on; from the first new code on, the answer is held until it ends, because what has
 * been shown cannot be taken back. Every new line of code costs units from a budget that
 * spans the whole conversation (see guard-budget.ts); when an answer goes over, all of its
 * new code is replaced by a TODO scaffold, a question and an honest note. Nothing here trusts
 * the model to have followed its instructions.
 */

export interface GuardScaffold {
  readonly ruleId?: string;
  readonly language: string;
  readonly text: string;
}

export interface GuardContext {
  readonly lang: Lang;
  /** The scaffolds relevant to this answer, most important first: the replacement shown when code is held back. */
  readonly scaffolds: readonly GuardScaffold[];
  /** The learner's own code (their file, selection, code in their messages): quoting it back costs nothing. */
  readonly learnerCode?: string;
  /** The teacher's earlier answers in this conversation, oldest first, as the learner saw them. */
  readonly history?: readonly string[];
  /** Set when the learner asked for the finished code or the input carried an injection. */
  readonly strict?: boolean;
  /** The project's tree-sitter Python grammar, when loaded; the guard works without it too. */
  readonly parser?: LineParser;
}

/** Code in a line of prose this answer may show before the rest of the answer waits for its end. */
const INLINE_FREE_UNITS = 1;
/** Working lines that use the finding's own vocabulary: this many in one answer implement its fix. */
export const TOPIC_LINES = 3;
/**
 * The learner's own lines shown again around new code: this many, with at least FIXED_UNITS of
 * new code lines among them (code in a sentence is not a line of the file), make a fixed version
 * of their file.
 */
export const FIXED_ECHOES = 6;
export const FIXED_UNITS = 2;

const STOP = new Set([
  'TODO',
  'todo',
  'this',
  'that',
  'with',
  'from',
  'what',
  'which',
  'should',
  'your',
  'Consider',
  'import',
  'return',
  'self',
  'None',
  'True',
  'False',
  'print',
  'where',
  'when',
  'does',
  'must',
  'keep',
  'only',
  'block',
  'name',
  'main',
  'each',
  'step',
  'uses',
  'runs',
  'there',
  'have',
  'make',
  'like',
  'such',
  'server',
  'production',
  'local',
  'development',
  'setting',
  'settings',
  'code',
  'file',
  'model',
  'time',
  'test',
  'data',
  'value',
  'values',
  'request',
  'response',
  'json',
  'features',
  'predict',
  'prediction',
  'health',
  'status',
]);

/** Identifiers a fix for these scaffolds would have to use (readinessProbe, environ, Counter ...). */
function topicTerms(scaffolds: readonly GuardScaffold[]): Set<string> {
  const terms = new Set<string>();
  for (const s of scaffolds) {
    const good = ruleMeta(s.ruleId)?.docs.good ?? '';
    for (const m of `${s.text}\n${good}`.matchAll(/[A-Za-z_][A-Za-z0-9_]{3,}/g)) if (!STOP.has(m[0])) terms.add(m[0]);
  }
  return terms;
}

const GENERIC_SCAFFOLD = {
  ko: '# TODO: 먼저 다음을 고려해보세요\n# - 이 코드가 프로덕션에서 실패한다면 어떤 모습일까요?\n# - 입력, 에러, 자원, 관측 가능성 중 무엇이 빠져 있나요?\n# TODO: 위 질문에 답한 뒤 직접 구현해 보세요\n',
  en: '# TODO: consider these first\n# - if this code failed in production, what would it look like?\n# - which is missing: input checks, errors, resources, observability?\n# TODO: answer the questions above, then implement it yourself\n',
};

/** The note, scaffold and question that stand in for held-back code. */
export function heldBackNotice(context: GuardContext, reason: 'answer' | 'conversation'): string {
  const scaffold = context.scaffolds[0];
  const code = scaffold?.text ?? GENERIC_SCAFFOLD[context.lang];
  const lang = scaffold?.language ?? 'python';
  if (context.lang === 'ko') {
    const why = reason === 'conversation' ? '이 대화에서 드릴 수 있는 코드 예시는 이미 충분히 드렸어요' : '그대로 보여 드리면 완성된 코드를 건네는 셈이 되거든요';
    return `> ${HELD_BACK_MARK} 나머지는 보여 드리지 않았어요: ${why}. 대신 직접 채워 볼 골격이에요.\n\n${fence(code, lang)}\n\n🤔 이 골격의 TODO 중 어떤 것부터 채워 보시겠어요? 그렇게 정한 이유는 무엇인가요?\n`;
  }
  const why = reason === 'conversation' ? 'this conversation already has as much example code as I give' : 'showing it would hand you the finished code';
  return `> ${HELD_BACK_MARK} I've held back the rest: ${why}. Here is a skeleton to fill in yourself instead.\n\n${fence(code, lang)}\n\n🤔 Which TODO in this skeleton would you fill in first, and why?\n`;
}

interface Held {
  readonly raw: string;
  readonly context: LineContext;
  readonly judged: JudgedLine;
}

const SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g;
/** Code characters a sentence does not need. */
const CODE_CHARS = /[={}[\]$@\\]|\w\(|\b[A-Za-z_]\w*\.[a-z_][a-z0-9_]+\b|\w_\w|[A-Za-z_]:\S|^\s*[-+][A-Za-z_@#]/;
/** Links and parenthesised asides without code in them are part of a sentence. */
function sentencePart(text: string): string {
  return text.replace(/\bhttps?:\/\/\S+/g, ' ').replace(/(^|\s)\([^()]*\)/g, (m, before: string) => (CODE_CHARS.test(m.slice(before.length + 1, -1)) ? m : `${before} `));
}
/**
 * A `key:` as YAML writes it, or (once an answer has shown it is handing over a solution) a
 * Python keyword followed by a name, is enough to keep a sentence from the learner.
 */
const YAML_KEY = /(?<![\w-])[a-z][A-Za-z0-9_.-]*:(?=\s|$|[가-힣])/;
const HANGUL = /[가-힣]/;
const KEYWORD_AND_NAME = /\b(?:return|except|raise|def|class|elif|lambda|yield|await|async|assert)\s+[A-Za-z_][\w.]*(?:[\s:(]|$)/;

/**
 * After an answer went over its budget, only plain sentences get through: a line with any
 * sign of code is dropped, and code spans inside sentences are blanked. Not `strict`: the same
 * reading of the sentence without the keyword check and without touching its code spans, to
 * decide whether a line may stream before the answer ends.
 */
function proseAfterHold(raw: string, strict = true): string | undefined {
  const { structural, segments } = visibleLine(raw);
  if (structural) return raw;
  for (const segment of segments) {
    // "A small hint: ..." is English; a Latin `key:` inside a Korean sentence is YAML.
    if ((strict || HANGUL.test(segment.bare)) && YAML_KEY.test(segment.bare)) return undefined;
    if (strict && KEYWORD_AND_NAME.test(segment.bare)) return undefined;
    // What is left of held code reads as loose tokens ("WORKDIR", "/app", "8080"), not as a sentence.
    if (strict && !HANGUL.test(segment.bare) && (segment.bare.match(/(?:^|\s)[A-Za-z][a-z]{2,}(?=[\s,.;:!?]|$)/g) ?? []).length < 2) return undefined;
    if (CODE_CHARS.test(sentencePart(segment.bare))) return undefined;
    const verdict = classifyLine(segment.text);
    if (verdict.kind === 'code' || verdict.kind === 'skeleton') return undefined;
    if (!isProse(segment.bare) && codeScore(segment.bare) >= 1) return undefined;
  }
  if (!strict) return raw;
  return raw.replace(SPAN, (whole, _ticks, inner: string) => (CODE_CHARS.test(inner) || classifyLine(inner).units > 0 || /\s/.test(inner.trim()) ? '`…`' : whole));
}

/** Prose a half-written line can stream before its end: it must already read as plain sentences. */
function streamable(prefix: string, judge: LineJudge): boolean {
  if (!/^\s{0,3}(?:(?:[-*+]|\d{1,3}[.)])\s+|#{1,6}\s+|>\s?)*[\p{L}\p{N}"'“(*]/u.test(prefix)) return false;
  if (/<(?![\d\s=])|\|/.test(prefix) || (prefix.match(/`+/g) ?? []).length % 2 !== 0) return false;
  return proseAfterHold(prefix, false) === prefix && !judge.judge(prefix, { kind: 'text' }).novel;
}

/**
 * Streaming form of the guard. Push model text as it arrives; guarded Markdown comes out of
 * `emit`. Chunks may split fences, lines and table rows anywhere.
 */
export class StreamGuard {
  private partial = '';
  /** How much of `partial` already went out as streamed prose. */
  private partialSent = 0;
  private readonly fences = new FenceTracker();
  private readonly judge: LineJudge;
  private readonly limit: number;
  private readonly reason: 'answer' | 'conversation';
  private held: Held[] = [];
  private heldNovel = false;
  private spent = 0;
  /** Units on lines that are code as a whole (not code in a sentence): what a fixed file is made of. */
  private codeSpent = 0;
  private topicLines = 0;
  private echoes = 0;
  private readonly topics: Set<string>;
  private tripped = false;
  private noticed = false;
  private tail = '\n\n';
  caught = 0;

  constructor(
    private readonly context: GuardContext,
    private readonly emit: (markdown: string) => void,
  ) {
    const known = new KnownCode().add(context.learnerCode).add(teacherScaffolds());
    for (const s of context.scaffolds) known.add(s.text);
    const history = historySpend(context.history ?? [], known, context.parser);
    this.judge = new LineJudge(known, context.parser);
    const answer = context.strict || history.heldBack ? STRICT_ANSWER_BUDGET : ANSWER_BUDGET;
    const left = Math.max(0, CONVERSATION_BUDGET - history.units);
    this.limit = Math.min(answer, left);
    this.reason = left < answer ? 'conversation' : 'answer';
    this.topics = topicTerms(context.scaffolds);
  }

  /** Implementation units of this answer so far (for tests and the report). */
  get units(): number {
    return this.spent;
  }

  push(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.line(line, '\n');
    this.streamPartial();
  }

  end(): void {
    if (this.partial || this.partialSent) {
      const last = this.partial;
      this.partial = '';
      this.line(last, '');
    }
    if (!this.tripped) this.release();
  }

  private out(markdown: string): void {
    if (!markdown) return;
    this.emit(markdown);
    this.tail = (this.tail + markdown).slice(-2);
  }

  private streamPartial(): void {
    if (this.tripped || this.held.length || this.fences.inside || !this.partial) return;
    let boundary = -1;
    // Only whole sentences stream early: a colon or a comma can sit in the middle of code.
    for (const m of this.partial.matchAll(/[.?!。](?=\s)/g)) boundary = m.index + 1;
    if (boundary <= this.partialSent) return;
    const prefix = this.partial.slice(0, boundary);
    if (!streamable(prefix, this.judge)) return;
    this.out(prefix.slice(this.partialSent));
    this.partialSent = boundary;
  }

  private line(whole: string, nl: string): void {
    // A line whose start already streamed as prose: only the rest is judged, as running text.
    const raw = whole.slice(this.partialSent);
    const context: LineContext = this.partialSent ? { kind: 'text' } : this.fences.next(whole);
    this.partialSent = 0;
    const judged = this.judge.judge(raw, context);
    this.spent += judged.units;
    if (judged.kind === 'code') this.codeSpent += judged.units;
    if (judged.echo) this.echoes++;
    if (judged.units >= 1 && Array.from(fold(raw).matchAll(/[A-Za-z_][A-Za-z0-9_]{3,}/g)).some((m) => this.topics.has(m[0]))) this.topicLines++;
    const item: Held = { raw: raw + nl, context, judged };
    if (this.tripped) return this.afterHold(item);
    // Code spans in a sentence may name a thing or two before the rest of the answer waits; code
    // written bare into a sentence, or a line of code, holds the answer at once.
    // A line that only looks like code (nothing counted) waits too, so that if the answer turns
    // out to be a solution it can still be dropped with the rest.
    const suspicious = context.kind === 'text' && proseAfterHold(raw, false) !== raw;
    const startsHold = context.kind === 'fence-open' || suspicious || (judged.novel && (!judged.inline || this.spent > INLINE_FREE_UNITS));
    if (this.held.length || startsHold) {
      this.held.push(item);
      this.heldNovel ||= judged.novel;
    } else {
      this.out(item.raw);
    }
    if (this.spent > this.limit || this.topicLines >= TOPIC_LINES || (this.echoes >= FIXED_ECHOES && this.codeSpent >= FIXED_UNITS)) return this.trip();
    // A fenced block with nothing new in it (a quoted learner line, a TODO skeleton) goes out once it closes.
    if (this.held.length && !this.heldNovel && !this.fences.inside) this.release();
  }

  private release(): void {
    for (const h of this.held) this.out(h.raw);
    this.held = [];
    this.heldNovel = false;
  }

  private trip(): void {
    this.tripped = true;
    this.caught++;
    const held = this.held;
    this.held = [];
    for (const h of held) this.afterHold(h);
    this.notice();
  }

  private notice(): void {
    if (this.noticed) return;
    this.noticed = true;
    this.out(`${this.tail.endsWith('\n\n') ? '' : this.tail.endsWith('\n') ? '\n' : '\n\n'}${heldBackNotice(this.context, this.reason)}\n`);
  }

  private afterHold(item: Held): void {
    const code = item.context.kind !== 'text' || item.judged.kind === 'code' || item.judged.units > 0;
    const prose = code ? undefined : proseAfterHold(item.raw);
    if (prose === undefined) return this.notice();
    this.out(prose);
  }
}

/** The whole-text form: the same guard over a finished answer. */
export function guardMarkdown(markdown: string, context: GuardContext): { markdown: string; caught: number } {
  let out = '';
  const guard = new StreamGuard(context, (piece) => (out += piece));
  guard.push(markdown);
  guard.end();
  return { markdown: out, caught: guard.caught };
}

const INJECTION: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override|bypass)\b.{0,30}\b(previous|prior|above|earlier|all|your|the|system)\b.{0,20}\b(instructions?|rules?|prompts?|guidelines?|directions?)/i,
  /(이전|앞의|위의|기존|모든)\s*(의\s*)?(지시|지침|명령|규칙|프롬프트)[^\n]{0,10}(무시|잊어|따르지)/,
  /(지시|지침|규칙|명령)(을|를|은|는)?\s*(모두\s*)?(무시|잊어)/,
  /\byou are now\b|\bfrom now on,? you\b|\bpretend (to be|you are)\b|\bact as (a|an|my)\b|\broleplay as\b/i,
  /(너는|당신은|넌)\s*이제|지금부터\s*(너는|당신은|넌)|역할을\s*바꿔/,
  /\b(give|show|write|send|provide|print)\b.{0,15}\b(full|complete|entire|finished|whole|working|final)\b.{0,15}\b(code|solution|implementation|answer|program|file)/i,
  /(정답|완성된?|전체|완전한)\s*(코드|답|솔루션|구현)/,
  /\b(system|developer)\s*(prompt|message|mode)\b|시스템\s*프롬프트|개발자\s*모드|\bjailbreak\b|\bDAN\b/i,
  /<\|im_start\|>|<\/?system>|\[\s*(system|INST)\s*\]|^\s*(system|assistant)\s*:/im,
  /\bnew instructions?\s*:|\bupdated rules?\s*:|새로운\s*지시\s*:/i,
];

/** Instructions hidden in learner code or messages. Detection only tightens the guard; the rules never change. */
export function detectInjection(text: string): boolean {
  return INJECTION.some((re) => re.test(text));
}
