/**
 * Retrieval over the knowledge base: BM25 on a bilingual tokenisation. Latin words are
 * lower-cased, split at camelCase and snake_case and lightly stemmed; Hangul runs lose their
 * trailing particle or verb ending and become character bigrams (Korean has no reliable word
 * boundaries for a small tokeniser). Alias groups (`pickle`, `피클`, `역직렬화` ...) add one shared
 * token per group to both the question and the entries, so a Korean question finds an entry
 * written with English words and the other way round.
 */

export interface AliasGroup {
  readonly id: string;
  readonly aliases: readonly string[];
}

export interface IndexedDoc {
  readonly id: string;
  /** Text weighted like a title: the entry's name and aliases. */
  readonly title: string;
  readonly body: string;
  /** Alias groups that belong to the entry itself (counted as if named several times). */
  readonly ownGroups: readonly string[];
  /** Prior weight of the entry kind (weeks rank below concepts and rules). */
  readonly prior: number;
}

export interface Hit {
  readonly id: string;
  readonly score: number;
  /** Alias groups of the question that this entry shares. */
  readonly groups: readonly string[];
}

const EN_STOP = new Set(
  'a an the is are was were be been being am do does did doing i me my we our you your it its this that these those to of in on for with at by from as or and but if so not no what which who whom how why when where can could should would will shall may might must have has had just really actually about into than then there here some any also very more most need needs use using used get got make want like one thing things please tell explain difference between vs versus ok okay thanks hi hello there'.split(
    ' ',
  ),
);

/** Korean endings and particles stripped from the end of a word before it is split into bigrams. */
const KO_ENDINGS = [
  '하는건가요',
  '해야하나요',
  '해야되나요',
  '해야돼요',
  '해야해요',
  '하는게',
  '인건가요',
  '한건가요',
  '되는건가요',
  '해야하는',
  '하려면',
  '하는데',
  '했는데',
  '하면서',
  '해야',
  '하면',
  '되면',
  '려면',
  '다면',
  '라면',
  '니까',
  '해서',
  '어서',
  '아서',
  '지만',
  '인데',
  '하지',
  '하나요',
  '한가요',
  '인가요',
  '할까요',
  '을까요',
  '되나요',
  '되요',
  '돼요',
  '했어요',
  '해요',
  '어요',
  '아요',
  '세요',
  '나요',
  '가요',
  '는데',
  '는지',
  '은지',
  '합니다',
  '입니다',
  '습니다',
  '니다',
  '이에요',
  '예요',
  '에요',
  '이죠',
  '이요',
  '거죠',
  '건가요',
  '건지',
  '거예요',
  '뭔가요',
  '에서는',
  '으로는',
  '에게서',
  '이라는',
  '이라고',
  '까지는',
  '부터는',
  '에서',
  '에게',
  '한테',
  '으로',
  '이랑',
  '하고',
  '까지',
  '부터',
  '처럼',
  '보다',
  '마다',
  '이나',
  '에는',
  '에도',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '도',
  '로',
  '와',
  '과',
  '만',
  '요',
  '랑',
  '죠',
];
/** Bigrams so common in questions that they carry no topic. */
const KO_STOP = new Set([
  '하나',
  '나요',
  '어떻',
  '떻게',
  '뭔가',
  '무엇',
  '엇인',
  '인가',
  '가요',
  '해요',
  '어요',
  '한가',
  '건가',
  '는지',
  '어야',
  '해야',
  '하는',
  '있나',
  '없나',
  '이유',
  '궁금',
  '알려',
  '려주',
  '주세',
  '세요',
  '정확',
  '확히',
  '그냥',
  '근데',
  '제가',
  '저는',
  '우리',
  '여러',
  '이거',
  '그거',
  '뭐예',
  '예요',
  '뭐에',
  '에요',
  '되나',
  '돼요',
  '언제',
  '어디',
  '인지',
  '차이',
  '건지',
  '할까',
  '까요',
  '좋아',
  '좋은',
  '같은',
  '대해',
  '관해',
  '어떤',
  '무슨',
  '이게',
  '그게',
  '저게',
  '뭐가',
  '뭘까',
]);

const HANGUL_RUN = /[\uac00-\ud7a3]+/g;
const LATIN_WORD = /[a-z0-9][a-z0-9_./@+-]*/g;

export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** A light English stemmer: plurals, -ing, -ed and a final e (caching and cache meet at cach). */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export function stripEnding(run: string): string {
  for (const ending of KO_ENDINGS) {
    if (run.length - ending.length >= 2 && run.endsWith(ending)) return run.slice(0, -ending.length);
  }
  return run;
}

/** Word and bigram tokens of a text, without alias groups. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  const norm = normalise(text);
  for (const m of norm.matchAll(LATIN_WORD)) {
    const word = m[0].replace(/[./@+-]+$/, '');
    const parts = word.split(/[_./@+-]+/).filter(Boolean);
    for (const part of parts) if (!EN_STOP.has(part) && part.length > 1) out.push(stem(part));
    if (parts.length > 1) out.push(word);
  }
  for (const m of norm.matchAll(HANGUL_RUN)) {
    const run = stripEnding(m[0]);
    if (run.length === 1) continue;
    if (run.length <= 5) out.push(`:${run}`);
    for (let i = 0; i + 1 < run.length; i++) {
      const bigram = run.slice(i, i + 2);
      if (!KO_STOP.has(bigram)) out.push(bigram);
    }
  }
  return out;
}

interface CompiledAlias {
  readonly group: string;
  readonly hangul: boolean;
  readonly text: string;
  readonly pattern?: RegExp;
  /** A plain substring every match contains: a cheap test before the regular expression. */
  readonly probe: string;
}

function compileAliases(groups: readonly AliasGroup[]): CompiledAlias[] {
  const out: CompiledAlias[] = [];
  for (const group of groups) {
    for (const raw of group.aliases) {
      const text = normalise(raw).trim();
      if (!text) continue;
      if (/[\uac00-\ud7a3]/.test(text)) out.push({ group: group.id, hangul: true, text: text.replace(/\s+/g, ''), probe: '' });
      else {
        // One word may stand between the words of an alias: "version models" also finds "version their models".
        const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '(?:[\\s_-]+[a-z]+)?[\\s_-]*');
        // Short aliases (hpa, slo, gpu) must be whole words; longer ones may carry a suffix (probes, caching).
        const tail = text.length <= 3 ? '(?![a-z0-9])' : '';
        const head = /^[a-z0-9]/.test(text) ? '(?<![a-z0-9])' : '';
        out.push({ group: group.id, hangul: false, text, pattern: new RegExp(`${head}${escaped}${tail}`), probe: text.split(/\s+/)[0] });
      }
    }
  }
  return out;
}

/** Which alias groups a text mentions. */
function groupsIn(text: string, aliases: readonly CompiledAlias[]): Set<string> {
  const norm = normalise(text);
  const compact = norm.replace(/\s+/g, '');
  const found = new Set<string>();
  for (const alias of aliases) {
    if (found.has(alias.group)) continue;
    if (alias.hangul ? compact.includes(alias.text) : norm.includes(alias.probe) && alias.pattern!.test(norm)) found.add(alias.group);
  }
  return found;
}

const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 3;
const OWN_GROUP_TF = 4;
const GROUP_QUERY_WEIGHT = 2.5;

/** A BM25 index over the knowledge base's entries. */
export class Index {
  private readonly aliases: CompiledAlias[];
  private readonly docs: { id: string; tf: Map<string, number>; length: number; prior: number }[] = [];
  private readonly df = new Map<string, number>();
  private readonly averageLength: number;

  constructor(docs: readonly IndexedDoc[], groups: readonly AliasGroup[]) {
    this.aliases = compileAliases(groups);
    for (const doc of docs) {
      const tf = new Map<string, number>();
      const add = (token: string, n = 1) => tf.set(token, (tf.get(token) ?? 0) + n);
      for (const token of tokens(doc.title)) add(token, TITLE_WEIGHT);
      for (const token of tokens(doc.body)) add(token);
      for (const group of groupsIn(`${doc.title}\n${doc.body}`, this.aliases)) add(`§${group}`);
      for (const group of doc.ownGroups) add(`§${group}`, OWN_GROUP_TF);
      let length = 0;
      for (const n of tf.values()) length += n;
      this.docs.push({ id: doc.id, tf, length, prior: doc.prior });
      for (const token of tf.keys()) this.df.set(token, (this.df.get(token) ?? 0) + 1);
    }
    this.averageLength = this.docs.reduce((n, d) => n + d.length, 0) / Math.max(1, this.docs.length);
  }

  private idf(token: string): number {
    const df = this.df.get(token) ?? 0;
    const n = this.docs.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The question's alias groups (for callers that want to know what it is about). */
  groups(text: string): string[] {
    return [...groupsIn(text, this.aliases)];
  }

  search(text: string, limit = 5): Hit[] {
    const weights = new Map<string, number>();
    for (const token of tokens(text)) weights.set(token, (weights.get(token) ?? 0) + 1);
    const groups = groupsIn(text, this.aliases);
    for (const group of groups) weights.set(`§${group}`, GROUP_QUERY_WEIGHT);
    const hits: Hit[] = [];
    for (const doc of this.docs) {
      let score = 0;
      const shared: string[] = [];
      for (const [token, weight] of weights) {
        const f = doc.tf.get(token);
        if (!f) continue;
        if (token.startsWith('§')) shared.push(token.slice(1));
        score += weight * this.idf(token) * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / this.averageLength)));
      }
      if (score > 0) hits.push({ id: doc.id, score: score * doc.prior, groups: shared });
    }
    return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }
}
