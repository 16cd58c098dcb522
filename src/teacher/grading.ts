import type { Checkpoint, RubricConcept } from '../curriculum/types';
import type { Lang } from '../language/types';
import lexiconData from './knowledge/lexicon.json';
import { withParticle } from '../shared/korean';
import { normalise, stem as stemEn, stripEnding } from './knowledge/retrieve';

/**
 * Checkpoint answers graded on meaning, offline. A rubric concept counts when a sentence of the
 * answer expresses it: one of its phrasings, or its label said in other words (every content
 * word of the label, or two thirds of a long label, present itself or through a synonym of the
 * bilingual lexicon: "변화" is present in "달라졌어요"). A concept the answer dismisses ("필요
 * 없어요", "doesn't matter") is contradicted, not covered. And a list of keywords is not an
 * answer: a passing answer connects its ideas with reasons (because, if, so; -서, -면, 때문).
 */

export interface Grade {
  /** Rubric concept ids the answer explains. */
  readonly covered: readonly string[];
  readonly missing: readonly string[];
  /** Concepts the answer mentions only to dismiss or contradict them. */
  readonly contradicted: readonly string[];
  /** The answer explains with reasons rather than listing keywords. */
  readonly connected: boolean;
  readonly passed: boolean;
  /** Plain-language feedback on what is missing or wrong (no Markdown headings). */
  readonly feedback: string;
}

const GROUPS = (lexiconData as { groups: Readonly<Record<string, readonly string[]>> }).groups;

interface Member {
  readonly text: string;
  readonly hangul: boolean;
}

const HANGUL = /[\uac00-\ud7a3]/;
const MEMBERS: ReadonlyMap<string, readonly Member[]> = new Map(
  Object.entries(GROUPS).map(([id, words]) => [id, words.map((w) => ({ text: normalise(w).trim(), hangul: HANGUL.test(w) }))]),
);

/** A sentence prepared for matching: its compact Hangul form and its English word stems. */
interface Prepared {
  readonly norm: string;
  readonly compact: string;
  readonly stems: readonly string[];
}

export function prepare(text: string): Prepared {
  const norm = normalise(text);
  return { norm, compact: norm.replace(/\s+/g, ''), stems: (norm.match(/[a-z0-9][a-z0-9_/+-]*/g) ?? []).map(stemEn) };
}

function containsTerm(s: Prepared, term: string, hangul: boolean): boolean {
  if (!term) return false;
  if (hangul) return s.compact.includes(term.replace(/\s+/g, ''));
  if (/\s/.test(term) && /^[a-z0-9' -]+$/.test(term)) return containsStems(s.stems, term.split(/\s+/).map(stemEn));
  if (/\s|[^a-z0-9_-]/.test(term)) return s.norm.includes(term);
  const stem = stemEn(term);
  return s.stems.some((w) => w === stem || (stem.length >= 4 && w.startsWith(stem)) || (w.length >= 4 && term.length >= 5 && stem.startsWith(w)));
}

/** Whether the stems of a sentence contain a phrase's stems in a row ("pulling it back" has "pull it back"). */
function containsStems(stems: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= stems.length; i++) if (phrase.every((p, j) => stems[i + j] === p)) return true;
  return false;
}

/** Groups a label word belongs to (the word is one of their members, or its stem is). */
function groupsOf(word: string, hangul: boolean): string[] {
  const out: string[] = [];
  for (const [id, members] of MEMBERS) {
    const matches = (m: Member) =>
      m.text === word ||
      (hangul
        ? m.text.length >= 2 && word.startsWith(m.text.replace(/\s+/g, ''))
        : stemEn(m.text) === stemEn(word) || (m.text.length >= 5 && stemEn(word).startsWith(stemEn(m.text))));
    if (members.some((m) => m.hangul === hangul && matches(m))) out.push(id);
  }
  return out;
}

const LABEL_STOP = new Set([
  'and',
  'or',
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'on',
  'for',
  'with',
  'by',
  'its',
  'their',
  'vs',
  'e.g',
  'over',
  'across',
  'per',
  'into',
  'from',
  'between',
  'about',
  'after',
  'before',
  'when',
  'than',
  'through',
  'under',
  'using',
  'via',
  'each',
  'one',
  'your',
  'our',
  'more',
  'less',
  'all',
  '및',
  '그리고',
  '또는',
  '등',
  '여러',
  '따른',
  '위한',
  '대한',
  '통한',
]);

interface LabelWord {
  readonly word: string;
  readonly hangul: boolean;
  readonly groups: readonly string[];
}

/** The content words of a label's main part (outside parentheses) and of each parenthesised example. */
export function labelParts(label: string): { words: LabelWord[]; alternatives: LabelWord[][] } {
  // "인스턴스(레플리카)로" keeps its particle on the word once the parenthesis is gone.
  const main = label.replace(/\s*\([^)]*\)/g, '');
  const examples = Array.from(label.matchAll(/\(([^)]*)\)/g), (m) =>
    m[1]
      .split(/[,/·]|\band\b/)
      .map((x) => x.trim())
      .filter((x) => x.length > 1),
  ).flat();
  return { words: contentWords(main), alternatives: examples.map(contentWords).filter((w) => w.length > 0 && w.length <= 3) };
}

function contentWords(text: string): LabelWord[] {
  const words: LabelWord[] = [];
  for (const raw of normalise(text).split(/[\s,/–]+/)) {
    const hangul = HANGUL.test(raw);
    const word = hangul ? stripEnding(raw.replace(/[^\uac00-\ud7a3a-z0-9]/g, '')) : raw.replace(/[^a-z0-9-]/g, '').replace(/^-+|-+$/g, '');
    if (!word || LABEL_STOP.has(word) || (!hangul && word.length < 3 && !/\d/.test(word))) continue;
    words.push({ word, hangul, groups: groupsOf(word, hangul) });
  }
  return words;
}

/** Members of a group found in a sentence (the evidence, used for the negation scope). */
function groupEvidence(s: Prepared, group: string): string | undefined {
  return MEMBERS.get(group)?.find((m) => containsTerm(s, m.text, m.hangul))?.text;
}

export function wordEvidence(s: Prepared, w: LabelWord): string | undefined {
  if (containsTerm(s, w.word, w.hangul)) return w.word;
  for (const g of w.groups) {
    const found = groupEvidence(s, g);
    if (found) return found;
  }
  return undefined;
}

const labelCache = new Map<string, ReturnType<typeof labelParts>>();

/** The evidence terms with which a sentence expresses a concept, or undefined when it does not. */
function conceptEvidence(s: Prepared, concept: RubricConcept): string[] | undefined {
  for (const phrase of [...concept.phrasings.ko, ...concept.phrasings.en]) {
    const term = normalise(phrase).trim();
    if (containsTerm(s, term, HANGUL.test(term))) return [term];
  }
  for (const label of [concept.label.ko, concept.label.en]) {
    let parts = labelCache.get(label);
    if (!parts) labelCache.set(label, (parts = labelParts(label)));
    const { words, alternatives } = parts;
    const found = words.map((w) => wordEvidence(s, w)).filter((e): e is string => e !== undefined);
    const needed = words.length <= 2 ? words.length : Math.ceil(words.length / 2);
    if (words.length > 0 && found.length >= needed) return found;
    // A parenthesised example ("(noise, clipping, budget)") counts with at least one word of the main label.
    if (found.length === 0 && words.length > 0) continue;
    for (const alternative of alternatives) {
      const evidence = alternative.map((w) => wordEvidence(s, w));
      if (evidence.every((e) => e !== undefined)) return [...found, ...(evidence as string[])];
    }
  }
  return undefined;
}

// Dismissing or contradicting an idea, in the clause that mentions it. Strong cues dismiss any
// idea; weak ones ("하지 않아도 돼", "don't have to") only ideas that are not about doing less
// themselves ("운영 부담 감소" is exactly "you don't have to run it").
const STRONG_KO =
  /필요\s*(가|는)?\s*없|필요없|불필요|상관\s*없|중요하지\s*않|의미\s*없|쓸모\s*없|신경\s*(쓸|안)|무시해도|할\s*이유가\s*없|낭비|단점이\s*(전혀\s*)?없|장점만|완벽하게|문제\s*없|걱정\s*없/;
// "하지 않아도 돼요" dismisses; "사람이 개입하지 않아도 자동으로" does not. "바뀌지 않았는지 확인" (whether it
// changed) and "나빠지지 않도록" (so that it does not) are checks, not claims.
const WEAK_KO =
  /(안\s*해도|하지\s*않아도|없어도)\s*(돼|되|괜찮)|않아도\s*(돼|되|괜찮)|전혀|거의\s*없|일은?\s*없|없어요|그대로(라|예요|이에요|입니다|인데)|(떨어지지|안\s*떨어|늘지|바뀌지)\s*않(?!(는지|았는지|었는지|도록|게|으면|을까))/;
const STRONG_EN =
  /\b(not|never)\s+(needed|necessary|important|required|useful|a problem|worth it)\b|\b(don't|do not|doesn't|does not|dont|needn't)\s+(need|matter)\b|\bno\s+(need|real downside|downside|point|reason)\b|\bunnecessary\b|\bneedless\b|\bpointless\b|\birrelevant\b|\boverkill\b|\ba waste\b|\bwaste of\b|\bnothing to give up\b|\bmyths?\b|\bisn't (needed|necessary|important)\b|\baren't (needed|necessary|important)\b|\bnobody (attacks|needs)\b|\bfully protects\b|\bjust guess\b/;
const WEAK_EN =
  /\b(don't|do not|doesn't|does not|won't)\s+(have to|change|help|hurt)\b|\bstays? the same\b|\bnever (hurts|fails|changes|delivers|leaks|matters)\b|\bis fine\b|\bcan skip\b/;
const DOING_LESS = /감소|줄이|없는|제외|피하|회피|덜|\bless\b|\bfewer\b|\bno\b|\bwithout\b|\bremov|\bavoid|\breduc|stateless/i;

function clauses(sentence: string): string[] {
  return sentence
    .split(/[,:;]|\s(?:but|so|because|while|whereas|although|and then)\s|(?<=[가-힣])(?:지만|는데|어서|아서|해서|니까|므로|고)\s/)
    .map((c) => c.trim())
    .filter(Boolean);
}

function dismisses(clause: string, concept: RubricConcept): boolean {
  const lower = clause.toLowerCase();
  if (STRONG_KO.test(clause) || STRONG_EN.test(lower)) return true;
  if (DOING_LESS.test(concept.label.ko) || DOING_LESS.test(concept.label.en)) return false;
  // "make sure it doesn't change" is a check, not a claim that nothing changes.
  return WEAK_KO.test(clause) || (WEAK_EN.test(lower) && !/\b(make sure|ensure|check|verify|whether|so that|to see if|confirm)\b/.test(lower));
}

/** Sentences of an answer (a bullet list item counts as one). */
export function sentences(answer: string): string[] {
  return answer
    .split(/[.!?。\n]+(?:\s|$)|\n+|;/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const REASON_KO =
  /때문|니까|으니|므로|그래서|따라서|그러면|그러니|려면|위해|위한|도록|지만|는데|거든|(?<!으면\s?|면\s?)(되면|하면|으면|라면|다면|이면|지면|오면|가면|이면|나면|않으면|없으면)(?!\s*(됩니다|돼요|되요|된다))|어서\s|아서\s|해서\s|여서\s|져서\s|워서\s|와서\s|봐서\s|서\s*(?=[가-힣])|해야|야\s*해|야\s*합니다|면서|다가|므로|즉|결국|대신|반면|경우/;
const REASON_EN =
  /\b(because|since|so that|so|therefore|thus|hence|if|when|whenever|once|unless|otherwise|which means|in order to|as long as|but|although|though|while|whereas|then|until|before|after|provided|only when|only while|instead|means that|to make sure|to avoid|to catch|to see|to keep|to tell|to know|so we|so you)\b/;
const PREDICATE_KO = /[가-힣](다|요|죠|니다|까|고|서|면|며|데|지|게|도록)(?=[\s.,!?]|$)/g;
const FUNCTION_EN =
  /\b(is|are|was|be|been|can|could|will|would|should|must|may|might|has|have|had|does|do|did|it|they|we|you|i|that|which|who|this|the|a|an|to|of|for|on|in|with|from|by|at|than|then|when|if|because|so|but|and|or|not|no|only|whether|each|every|need|needs|get|gets|let|lets|make|makes|keep|keeps)\b/g;

/** A list of keywords is not an explanation: an answer needs sentences that connect its ideas. */
export function isConnected(answer: string): boolean {
  const text = answer.trim();
  if (HANGUL.test(text)) {
    const predicates = (text.match(PREDICATE_KO) ?? []).length;
    const words = text.split(/\s+/).filter(Boolean).length;
    return words >= 6 && predicates >= 2 && REASON_KO.test(text);
  }
  const lower = text.toLowerCase();
  const words = lower.split(/\s+/).filter(Boolean).length;
  const functionWords = (lower.match(FUNCTION_EN) ?? []).length;
  // Full sentences are dense with function words (is, to, the, that); a list of keywords is not.
  return words >= 10 && functionWords >= 4 && (REASON_EN.test(lower) || functionWords / words >= 0.22);
}

function label(concept: RubricConcept, lang: Lang): string {
  return concept.label[lang];
}

/** Grades a checkpoint answer against its rubric, offline and deterministically. */
export function gradeAnswer(checkpoint: Checkpoint, answer: string, lang: Lang): Grade {
  const covered = new Set<string>();
  const contradicted = new Set<string>();
  for (const sentence of sentences(answer)) {
    const prepared = prepare(sentence);
    const parts = clauses(sentence);
    for (const concept of checkpoint.rubric) {
      const evidence = conceptEvidence(prepared, concept);
      if (!evidence) continue;
      // The idea is dismissed when a clause that carries its evidence also carries a dismissal.
      const scoped = parts.filter((c) => {
        const p = prepare(c);
        return evidence.some((e) => containsTerm(p, e, HANGUL.test(e)));
      });
      if ((scoped.length ? scoped : [sentence]).some((c) => dismisses(c, concept))) contradicted.add(concept.id);
      else covered.add(concept.id);
    }
  }
  for (const id of contradicted) covered.delete(id);
  const connected = isConnected(answer);
  const ids = checkpoint.rubric.map((c) => c.id);
  const coveredList = ids.filter((id) => covered.has(id));
  const contradictedList = ids.filter((id) => contradicted.has(id));
  const missing = ids.filter((id) => !covered.has(id));
  const passed = connected && coveredList.length >= checkpoint.passWith && contradictedList.length === 0;
  return { covered: coveredList, missing, contradicted: contradictedList, connected, passed, feedback: feedbackFor(checkpoint, coveredList, contradictedList, connected, lang) };
}

function feedbackFor(checkpoint: Checkpoint, covered: readonly string[], contradicted: readonly string[], connected: boolean, lang: Lang): string {
  const ko = lang === 'ko';
  const byId = new Map(checkpoint.rubric.map((c) => [c.id, c]));
  const lines: string[] = [];
  if (covered.length === 0 && contradicted.length === 0) {
    lines.push(
      ko
        ? '답이 질문의 핵심 개념과 연결되지 않았어요. 질문을 다시 읽고, 실제 서비스에서 어떤 일이 생기는지부터 설명해 보세요.'
        : "The answer doesn't connect to the key ideas of the question yet. Read it again and start from what happens in a real service.",
    );
  }
  for (const id of contradicted) {
    const c = byId.get(id)!;
    lines.push(
      ko
        ? `${withParticle(`"${label(c, lang)}"`, '은')} 필요 없다고(또는 반대로) 하셨는데, 다시 생각해 볼까요? ${c.probe.ko}`
        : `You said "${label(c, lang)}" is not needed (or the opposite holds). Think again: ${c.probe.en}`,
    );
  }
  if (!connected && covered.length > 0) {
    lines.push(
      ko
        ? '핵심 단어를 나열하기보다, 왜 그런지 이유로 이어서 설명해 주세요. 예를 들어 "~하면 ~가 생기기 때문에 ~해야 해요"처럼요.'
        : 'Rather than listing keywords, connect them with reasons, for example "if ..., then ... happens, so we need ...".',
    );
  }
  const missing = checkpoint.rubric.filter((c) => !covered.includes(c.id) && !contradicted.includes(c.id));
  const need = Math.max(0, checkpoint.passWith - covered.length);
  if (need > 0) {
    lines.push(ko ? `아직 다루지 않은 개념 중 ${need}가지 이상을 더 설명해 주세요:` : `Explain at least ${need} more of the ideas not covered yet:`);
    for (const c of missing) lines.push(`- ${c.probe[lang]}`);
  }
  return lines.join('\n');
}
