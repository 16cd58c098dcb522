import type { Lang } from '../language/types';
import { ruleMeta } from './catalog';
import { fence } from './text';

/**
 * The no-solution guard. Model output passes through it before the learner sees it: prose
 * streams on, code is held until its block closes and then checked. A block that implements
 * what the scaffold asks for, or a long block without TODO placeholders, is replaced by the
 * scaffold and a question. Nothing here trusts the model to have followed its instructions.
 */

/** Above this many new, non-comment lines a block is a finished implementation unless it is dense with TODOs. */
export const LONG_BLOCK_LINES = 12;
/** When the learner asked for the solution (or tried an injection), the bar drops to this. */
export const STRICT_BLOCK_LINES = 4;
/** A block this long that also touches the scaffold's topic, without any TODO, implements it. */
export const TOPIC_BLOCK_LINES = 3;
/** Code-looking lines outside a fence: a run this long is treated as a block (a model dodging the fence). */
export const UNFENCED_RUN_LINES = 6;

export interface GuardScaffold {
  readonly ruleId?: string;
  readonly language: string;
  readonly text: string;
}

export interface GuardContext {
  readonly lang: Lang;
  /** The scaffolds relevant to this answer, most important first: the replacement, and the topic to detect. */
  readonly scaffolds: readonly GuardScaffold[];
  /** The learner's own code: quoting it back is not handing over a solution. */
  readonly learnerCode?: string;
  /** Set when the learner asked for the finished code or the input carried an injection. */
  readonly strict?: boolean;
}

const COMMENT = /^\s*(#|\/\/|--|;|\/\*|\*|<!--|"""|''')/;
const PLACEHOLDER = /\bTODO\b|\bFIXME\b|<your[^>]*>|\?\?\?|구현하세요|채워\s*보세요|fill (this|me) in/i;
const SKELETON = /^\s*(import\s|from\s+\S+\s+import\s|(async\s+)?def\s.*:\s*$|class\s.*:\s*$|@[\w.]+|pass\s*$|\.\.\.\s*$|-\s*$|[})\]]+[,;]?\s*$|else:\s*$|try:\s*$|finally:\s*$)/;
const BARE_KEY = /^\s*-?\s*[\w.-]+:\s*$/;
const STOP = new Set(['TODO', 'todo', 'this', 'that', 'with', 'from', 'what', 'which', 'should', 'your', 'Consider', 'import', 'return', 'self', 'None', 'True', 'False', 'print', 'where', 'when', 'does', 'must', 'keep', 'only', 'block', 'name', 'main', 'each', 'step', 'uses', 'runs', 'there', 'have', 'make', 'like', 'such', 'server', 'production', 'local', 'development', 'setting', 'settings', 'code', 'file', 'model', 'time', 'test']);

function norm(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/** Identifiers a solution to these scaffolds would have to use (readinessProbe, environ, Counter ...). */
function topicTerms(scaffolds: readonly GuardScaffold[]): Set<string> {
  const terms = new Set<string>();
  for (const s of scaffolds) {
    const good = ruleMeta(s.ruleId)?.docs.good ?? '';
    for (const m of `${s.text}\n${good}`.matchAll(/[A-Za-z_][A-Za-z0-9_]{3,}/g)) if (!STOP.has(m[0])) terms.add(m[0]);
  }
  return terms;
}

export interface BlockVerdict {
  readonly replace: boolean;
  readonly reason?: 'long' | 'implements-scaffold' | 'strict' | 'cumulative';
  readonly newLines: number;
}

/** The state a guard keeps across blocks, so a solution split into small blocks is still caught. */
interface Tally {
  untodoLines: number;
}

export function judgeBlock(code: string, context: GuardContext, tally: Tally = { untodoLines: 0 }, topics = topicTerms(context.scaffolds)): BlockVerdict {
  const learner = new Set((context.learnerCode ?? '').split('\n').map(norm).filter(Boolean));
  const lines = code.split('\n');
  // A TODO counts only where the code is left open (a comment line, or `key: # TODO`); `x = 1  # TODO` is filled in.
  const codePart = (l: string) => l.replace(/\s+(#|\/\/).*$/, '');
  const open = (l: string) => COMMENT.test(l) || !codePart(l).trim() || (BARE_KEY.test(codePart(l)) && PLACEHOLDER.test(l)) || /^\s*(pass|\.\.\.)\s*$/.test(codePart(l));
  const todos = lines.filter((l) => PLACEHOLDER.test(l) && open(l)).length;
  const written = lines.filter((l) => l.trim() && !open(l) && !learner.has(norm(l)));
  const fresh = written.filter((l) => !SKELETON.test(codePart(l)));
  const n = fresh.length;
  // A TODO every three real lines keeps a block a skeleton; one decorative TODO on top of a full answer does not.
  const todoDense = todos > 0 && todos * 3 >= n;
  const touched = new Set(fresh.flatMap((l) => Array.from(l.matchAll(/[A-Za-z_][A-Za-z0-9_]{3,}/g), (m) => m[0])).filter((w) => topics.has(w)));
  if (written.length > LONG_BLOCK_LINES && !todoDense) return { replace: true, reason: 'long', newLines: n };
    if (context.strict && n >= STRICT_BLOCK_LINES && !todoDense) return { replace: true, reason: 'strict', newLines: n };
  if (!todoDense && n >= TOPIC_BLOCK_LINES && touched.size >= 1) return { replace: true, reason: 'implements-scaffold', newLines: n };
  if (todos === 0 && tally.untodoLines + n > LONG_BLOCK_LINES) return { replace: true, reason: 'cumulative', newLines: n };
  if (todos === 0) tally.untodoLines += n;
  return { replace: false, newLines: n };
}

const GENERIC_SCAFFOLD = {
  ko: '# TODO: 먼저 다음을 고려해보세요\n# - 이 코드가 프로덕션에서 실패한다면 어떤 모습일까요?\n# - 입력, 에러, 자원, 관측 가능성 중 무엇이 빠져 있나요?\n# TODO: 위 질문에 답한 뒤 직접 구현해 보세요\n',
  en: '# TODO: consider these first\n# - if this code failed in production, what would it look like?\n# - which is missing: input checks, errors, resources, observability?\n# TODO: answer the questions above, then implement it yourself\n',
};

export function replacement(info: string, context: GuardContext): string {
  const language = info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const scaffold = context.scaffolds.find((s) => s.language === language) ?? context.scaffolds[0];
  const code = scaffold?.text ?? GENERIC_SCAFFOLD[context.lang];
  const lang = scaffold?.language ?? (language || 'python');
  return context.lang === 'ko'
    ? `> 🛡️ 완성된 코드 대신, 스스로 채워 볼 골격으로 바꿔 드렸어요.\n\n${fence(code, lang)}\n\n🤔 이 골격의 TODO 중 어떤 것부터 채워 보시겠어요? 그렇게 정한 이유는 무엇인가요?\n`
    : `> 🛡️ Instead of finished code, here is a skeleton for you to fill in.\n\n${fence(code, lang)}\n\n🤔 Which TODO in this skeleton would you fill in first, and why?\n`;
}

const FENCE_OPEN = /^\s*(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^\s*(`{3,}|~{3,})\s*$/;
/** Block quotes do not hide code: `> ```python` is a fence like any other. */
const QUOTE = /^(\s*>\s?)+/;
/** A list item that is nothing but inline code (`- `x = 1``) is a line of code in disguise. */
const INLINE_CODE_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+`[^`]+`\s*$/;
const LIST_OR_QUOTE = /^\s*([-*+]\s|\d+[.)]\s|>|#{1,6}\s|\|)/;
const CODE_LIKE = /^(\s{4,}|\t)\S|^\s*((async\s+)?def\s|class\s|import\s|from\s+\S+\s+import|return\b|if\s.*:\s*$|for\s.*:\s*$|while\s.*:\s*$|try:|except\b|with\s.*:\s*$|@\w|await\s|[A-Za-z_][\w.]*(\[[^\]]*\])?\s*=[^=]|[\w.]+\(.*\)\s*$|[\w.-]+:\s*$|[\w.-]+:\s+[^\s]+\s*$|-\s+[\w.-]+:\s|<\/?pre>)/;

function looksLikeCode(line: string): boolean {
  return INLINE_CODE_ITEM.test(line) || (!LIST_OR_QUOTE.test(line) && CODE_LIKE.test(line));
}

/**
 * Streaming form of the guard. Push model text as it arrives; guarded Markdown comes out of
 * `emit`. Prose goes out at once when a line is clearly prose, otherwise at its end of line.
 */
export class StreamGuard {
  private partial = '';
  private partialSent = false;
  private fenceMarker: string | undefined;
  private fenceInfo = '';
  private block: string[] = [];
  /** The block's lines as the model wrote them (with any quote markers), emitted when it passes. */
  private rawBlock: string[] = [];
  private rawClose = '';
  private run: string[] = [];
  private readonly tally: Tally = { untodoLines: 0 };
  private readonly topics: Set<string>;
  caught = 0;

  constructor(
    private readonly context: GuardContext,
    private readonly emit: (markdown: string) => void,
  ) {
    this.topics = topicTerms(context.scaffolds);
  }

  push(chunk: string): void {
    const text = this.partial + chunk;
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.line(line);
    if (this.partialSent) {
      this.emit(this.partial);
      this.partial = '';
    } else if (this.fenceMarker === undefined && this.run.length === 0 && this.isClearlyProse(this.partial)) {
      this.emit(this.partial);
      this.partial = '';
      this.partialSent = true;
    }
  }

  end(): void {
    if (this.partial) {
      const last = this.partial;
      this.partial = '';
      if (this.partialSent) this.emit(last);
      else this.line(last, true);
    }
    if (this.fenceMarker !== undefined) {
      // An unclosed block is judged like a closed one: cutting the stream must not leak code.
      this.closeBlock();
    }
    this.flushRun();
  }

  private isClearlyProse(partial: string): boolean {
    const trimmed = partial.trimStart();
    return partial.length >= 40 && partial === trimmed && /\s/.test(partial) && !/^[`~<]/.test(trimmed) && !looksLikeCode(partial) && !/[=:(]\s*$/.test(partial);
  }

  private line(raw: string, last = false): void {
    const nl = last ? '' : '\n';
    if (this.partialSent) {
      this.partialSent = false;
      this.emit(raw + nl);
      return;
    }
    const line = raw.replace(QUOTE, '');
    if (this.fenceMarker !== undefined) {
      const close = FENCE_CLOSE.exec(line);
      this.block.push(line);
      if (close && close[1][0] === this.fenceMarker[0] && close[1].length >= this.fenceMarker.length) {
        this.rawClose = raw;
        this.closeBlock(nl, true);
      } else this.rawBlock.push(raw);
      return;
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      this.flushRun();
      this.fenceMarker = open[1];
      this.fenceInfo = open[2];
      this.block = [line];
      this.rawBlock = [raw];
      return;
    }
    if (looksLikeCode(line) || (this.run.length > 0 && line.trim() === '')) {
      this.run.push(raw + nl);
      return;
    }
    this.flushRun();
    this.emit(raw + nl);
  }

  private closeBlock(nl = '\n', closed = false): void {
    const body = this.block.slice(1, closed ? -1 : undefined);
    const verdict = judgeBlock(body.join('\n'), this.context, this.tally, this.topics);
    if (verdict.replace) {
      this.caught++;
      this.emit(replacement(this.fenceInfo, this.context));
    } else {
      this.emit([...this.rawBlock, ...(closed ? [this.rawClose] : [])].join('\n') + nl);
    }
    this.fenceMarker = undefined;
    this.block = [];
    this.rawBlock = [];
  }

  private flushRun(): void {
    if (this.run.length === 0) return;
    const lines = this.run;
    this.run = [];
    const code = lines.join('');
    const substantive = lines.filter((l) => l.trim()).length;
    const verdict = substantive >= UNFENCED_RUN_LINES ? judgeBlock(code, { ...this.context, strict: true }, this.tally, this.topics) : judgeBlock(code, this.context, this.tally, this.topics);
    if (verdict.replace) {
      this.caught++;
      this.emit(replacement('', this.context));
    } else this.emit(code);
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
