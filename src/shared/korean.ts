/**
 * Korean particles after words the teacher does not control: code names, file names, English
 * words. Which form is right (은/는, 이/가, 을/를, 와/과, (으)로 ...) depends on the final sound of
 * the word as a Korean reader pronounces it: `request.json을` (제이슨), `model.pkl을` (피케이엘),
 * `Flask는` (플라스크), `API를` (에이피아이), `app.py를` (파이).
 *
 * Plain data and code, no DOM or `vscode`, so the teacher, the CLI and the webview can share it.
 */

/** How a word ends when read aloud: a vowel, ㄹ (which takes 로, not 으로), or another final consonant. */
export type FinalSound = 'vowel' | 'rieul' | 'consonant';

const HANGUL_BASE = 0xac00;
const HANGUL_LAST = 0xd7a3;
const RIEUL = 8;

/** Letter names as Koreans say them: L 엘, M 엠, N 엔, R 알 end in a consonant; the rest in a vowel. */
const LETTER_FINAL: Readonly<Record<string, FinalSound>> = { l: 'rieul', m: 'consonant', n: 'consonant', r: 'rieul' };
/** 영 일 이 삼 사 오 육 칠 팔 구. */
const DIGIT_FINAL: readonly FinalSound[] = ['consonant', 'rieul', 'vowel', 'consonant', 'vowel', 'vowel', 'consonant', 'rieul', 'rieul', 'vowel'];
/** Common words whose reading the spelling rules below would get wrong. */
const WORD_FINAL: Readonly<Record<string, FinalSound>> = {
  check: 'vowel', // 체크
  kafka: 'vowel',
  yaml: 'rieul', // 야믈
  html: 'rieul',
  sql: 'rieul', // 에스큐엘
  url: 'rieul',
  xml: 'rieul',
  k8s: 'vowel', // 케이에이츠
  pytorch: 'vowel', // 파이토치
  github: 'vowel', // 깃허브
  docker: 'vowel',
  helm: 'consonant', // 헬름
  grpc: 'vowel', // 지알피씨
  ci: 'vowel',
  cd: 'vowel',
};
function hangulFinal(code: number): FinalSound {
  const jong = (code - HANGUL_BASE) % 28;
  return jong === 0 ? 'vowel' : jong === RIEUL ? 'rieul' : 'consonant';
}

/** True when a Latin word is read letter by letter (API, pkl, yml, GPU): no vowel letters, or all capitals. */
function spelledOut(word: string): boolean {
  return (word.length <= 4 && word === word.toUpperCase() && /[A-Z]/.test(word)) || !/[aeiouy]/i.test(word);
}

function latinFinal(word: string): FinalSound {
  const lower = word.toLowerCase();
  if (WORD_FINAL[lower]) return WORD_FINAL[lower];
  if (spelledOut(word)) return LETTER_FINAL[lower[lower.length - 1]] ?? 'vowel';
  if (/(?:le|l|ll)$/.test(lower)) return 'rieul'; // pickle 피클, model 모델
  if (/(?:ng|m|n)$/.test(lower)) return 'consonant'; // logging 로깅, stream 스트림, json 제이슨
  // A final p/t/k after a single vowel letter is a 받침 (app 앱, commit 커밋, stack 스택);
  // after a consonant cluster it takes a vowel ㅡ (test 테스트, flask 플라스크, script 스크립트).
  if (/[^aeiou][aeiou](?:p|t|k|ck)$/.test(lower) || /^[aeiou](?:p|t|k|ck)$/.test(lower)) return 'consonant';
  return 'vowel';
}

/** The final sound of the last pronounced unit of `text` (backticks, quotes and brackets ignored). */
export function finalSound(text: string): FinalSound {
  const trimmed = text.replace(/[\s`'"“”‘’()[\]{}<>.,:;!?*_~/\\-]+$/u, '');
  if (!trimmed) return 'vowel';
  const last = trimmed.codePointAt(trimmed.length - 1) ?? 0;
  if (last >= HANGUL_BASE && last <= HANGUL_LAST) return hangulFinal(last);
  if (last >= 0x30 && last <= 0x39) return DIGIT_FINAL[last - 0x30];
  // The last run of Latin letters is what is read out: `model.pkl` → pkl, `setup-python@v5` → v5 → 5.
  const word = /([A-Za-z]+)[0-9]*$/.exec(trimmed);
  if (word) return latinFinal(word[1]);
  return 'vowel';
}

/** Each particle as [after a consonant, after a vowel]; (으)로 also takes 로 after ㄹ. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['이라는', '라는'],
  ['이라고', '라고'],
  ['이에요', '예요'],
  ['이었', '였'],
  ['으로', '로'],
  ['이나', '나'],
  ['이랑', '랑'],
  ['은', '는'],
  ['이', '가'],
  ['을', '를'],
  ['과', '와'],
];

/** The form of `particle` (either spelling: 을 or 를) that fits after `word`. */
export function particleFor(word: string, particle: string): string {
  const pair = PAIRS.find(([c, v]) => particle === c || particle === v);
  if (!pair) return particle;
  const sound = finalSound(word);
  if (pair[0] === '으로') return sound === 'consonant' ? '으로' : '로';
  return sound === 'vowel' ? pair[1] : pair[0];
}

/** `word` followed by the right form of `particle`: withParticle('request.json', '를') → 'request.json을'. */
export function withParticle(word: string, particle: string): string {
  return `${word}${particleFor(word, particle)}`;
}

const PARTICLE_AFTER = new RegExp(
  `^(${PAIRS.flat()
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![가-힣])`,
);
const PARTICLE_AFTER_LOOSE = new RegExp(
  `^(${PAIRS.flat()
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
);
const LONG_PARTICLE = /^(이라는|라는|이라고|라고|이에요|예요|으로|이나|이랑)/;

/**
 * Corrects the particle that a template puts right after an inserted value. `rest` is the template
 * text after the value (a closing quote or backtick may come first: `'{handler}'가`); the result
 * is `rest` with the right particle form. A one-syllable particle is only touched when no Hangul
 * follows it (so `{name}이다` or `{x}가능` stay as written); longer particles always are.
 */
export function fixParticleAfter(value: string, rest: string): string {
  const quote = /^['"”’`)\]]*/.exec(rest)?.[0] ?? '';
  const tail = rest.slice(quote.length);
  const match = PARTICLE_AFTER.exec(tail) ?? (LONG_PARTICLE.test(tail) ? PARTICLE_AFTER_LOOSE.exec(tail) : null);
  if (!match) return rest;
  return quote + particleFor(value, match[1]) + tail.slice(match[1].length);
}
