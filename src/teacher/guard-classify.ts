/**
 * Is a line of visible text code in one of the learner's languages (Python, YAML, shell,
 * Dockerfile), and how much implementation does it carry? A skeleton's lines (signatures,
 * imports, bare keys, `pass`, placeholders) are structure, not implementation: they cost
 * little or nothing; a line that does the work costs one unit.
 */

export type CodeKind = 'prose' | 'comment' | 'skeleton' | 'code';

export interface Verdict {
  readonly kind: CodeKind;
  /** Implementation carried: 1 for a working line, SKELETON_UNITS for structure, 0 for nothing new. */
  readonly units: number;
}

/** Structure (a signature, a bare key) is not nothing: a whole file of it is a file. */
export const SKELETON_UNITS = 0.25;
/** An import names a tool; the seed's own review skeleton opens with five of them. */
export const IMPORT_UNITS = 0.1;

/**
 * The project's own tree-sitter Python grammar behind a synchronous question. Optional: the
 * guard has a cheaper path for when no parser is loaded.
 */
export interface LineParser {
  /** `code`: parses as a statement or expression worth counting; `trivial`: a lone name or literal; `error`: not Python. */
  python(text: string): 'code' | 'trivial' | 'error';
}

const PROSE: Verdict = { kind: 'prose', units: 0 };
const COMMENT: Verdict = { kind: 'comment', units: 0 };
const CODE: Verdict = { kind: 'code', units: 1 };
const SKELETON: Verdict = { kind: 'skeleton', units: SKELETON_UNITS };
const IMPORT_LINE: Verdict = { kind: 'skeleton', units: IMPORT_UNITS };
const EMPTY_SKELETON: Verdict = { kind: 'skeleton', units: 0 };

/** A value left for the learner to fill in. */
export const PLACEHOLDER = /^(?:#.*|\/\/.*|TODO\b.*|FIXME\b.*|<[^<>]{1,40}>|\?{2,}|\.{3}|…|_{3,}|""|''|~)$/i;
const PLACEHOLDER_ANYWHERE = /\bTODO\b|\bFIXME\b|<your[^>]*>|\?\?\?|구현하세요|채워\s*보세요|fill (?:this|me) in/i;

const DOCKERFILE = /^(?:FROM|RUN|COPY|ADD|CMD|ENTRYPOINT|ENV|EXPOSE|WORKDIR|USER|HEALTHCHECK|ARG|LABEL|VOLUME|STOPSIGNAL|SHELL|ONBUILD)\s+\S/;
const IMPORT =
  /^(?:from\s+\.*[\w.]+\s+import\s+(?:\(|\*|[\w]+(?:\s+as\s+\w+)?(?:\s*,\s*\w+(?:\s+as\s+\w+)?)*\s*,?\s*\)?)|import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)\s*(?:#.*)?$/;
const DEF = /^(?:async\s+)?def\s+\w+\s*\(/;
const CLASS = /^class\s+\w+\s*(?:\([^)]*\))?\s*:\s*(?:#.*)?$/;
const BARE_DECORATOR = /^@[\w.]+\s*$/;
const CALL_DECORATOR = /^@[\w.]+\s*\(.*\)\s*$/;
const NOTHING = /^(?:pass|\.\.\.|continue|break|raise\s+NotImplementedError\b.*|(?:else|try|finally)\s*:)\s*(?:#.*)?$/;
const COMPOUND = /^(?:if|elif|while|for|with|except|async\s+(?:for|with)|match|case)\b.*:\s*(?:#.*)?$/;
const KEYWORD_STATEMENT = /^(?:return|raise|yield|await|assert|global|nonlocal|del|lambda)\b/;
const TARGET = String.raw`[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[[^\]]*\])*`;
const ASSIGNMENT = new RegExp(String.raw`^\*?${TARGET}(?:\s*,\s*\*?${TARGET})*\s*(?::\s*[^=]+?)?\s*(?:[-+*/%&|^@]|\/\/|\*\*|<<|>>)?=(?!=)\s*(.*)$`);
const ANNOTATION = /^[A-Za-z_]\w*\s*:\s*(?:[A-Z]\w*|int|str|float|bool|bytes|list|dict|set|tuple|Optional|Literal)\b[\w[\], .|]*$/;
const CALL_START = new RegExp(String.raw`^(?:await\s+)?${TARGET}\s*\(`);
/** `f(x)`, `a.b(c).d()`, or the first line of a call that goes on (`f(`, `f(a,`). */
function isCall(text: string): boolean {
  if (!CALL_START.test(text)) return false;
  const tail = text.replace(/\s+#[^"']*$/, '').replace(/[\s,;]+$/, '');
  return tail.endsWith(')') || tail.endsWith('(') || /\)[\w.()[\]'", ]*$/.test(tail) || /,\s*$/.test(text);
}
const DICT_ENTRY = /^(?:"[^"]+"|'[^']+'|\d+)\s*:\s*\S.*$/;
const CLOSERS = /^[)\]}]+\s*[,;:)\]}]*\s*(?:#.*)?$|^[([{]\s*$/;
const YAML_KEY = String.raw`(?:[A-Za-z_$][\w.\-/$]*|"[^"]+"|'[^']+')`;
const YAML_BARE = new RegExp(String.raw`^(?:-\s+)?${YAML_KEY}\s*:\s*(?:[|>][-+]?\s*)?(?:#.*)?$`);
const YAML_PAIR = new RegExp(String.raw`^(?:-\s+)?(${YAML_KEY})\s*:\s+(\S.*)$`);
const YAML_FLOW = /^(?:-\s+)?[[{].*[\]}]\s*,?$/;
const SHELL_WORDS =
  'pip|pip3|python|python3|docker|docker-compose|kubectl|helm|curl|wget|export|cd|mkdir|rm|cp|mv|echo|cat|chmod|chown|sudo|apt-get|apt|apk|yum|npm|npx|git|uvicorn|gunicorn|pytest|make|source|mlflow|dvc|terraform|gcloud|aws|az|kustomize|conda|poetry|uv|ruff|black|flake8|mypy|env|set|unset|touch|grep|sed|awk|tar|unzip|ls|systemctl|nohup|exec|printf|tee|xargs|find|kill|ps|ssh|scp|rsync|jq|yq|openssl|base64';
const SHELL = new RegExp(String.raw`^(?:\$\s+)?(?:sudo\s+)?(?:${SHELL_WORDS})(?:\s+\S+)+$`);
const SHELL_PROMPT = /^\$\s+\S/;
const SHELL_SYNTAX = /(?:&&|\|\||\s\|\s|<<-?\s*['"]?\w+|\s>{1,2}\s*\S|\$\(|\$\{?\w+\}?)/;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const SENTENCE_END = /(?:[.?!。]|[가-힣][.?!]?)\s*$/;

/** Text inside quotes and after a `#` comment taken away, to look at what is left. */
function codePart(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""').replace(/\s#.*$/, '');
}

/** Natural-language words (three letters or more, no code punctuation) in a piece of text. */
function words(text: string): number {
  return (text.match(/(?:^|\s)[A-Za-z][a-z]{2,}(?=[\s,.;:!?]|$)/g) ?? []).length + (text.match(/[가-힣]{2,}/g) ?? []).length;
}

/** A value that reads as a sentence rather than a YAML scalar. */
function sentenceValue(value: string): boolean {
  const v = value.trim();
  if (/^["'[{|>&*!]/.test(v) || /^[-\d.]+[a-z%]*$/i.test(v)) return false;
  return HANGUL.test(v) || (words(v) >= 4 && /\s/.test(v)) || (words(v) >= 2 && SENTENCE_END.test(v));
}

/** Korean text, or an English sentence, outside strings and comments. */
export function isProse(text: string): boolean {
  const part = codePart(text);
  if (HANGUL.test(part)) return (part.match(/[가-힣]+/g) ?? []).length >= 1 && !/^[\w.[\]]+\s*=/.test(part.trim());
  const n = words(part);
  const symbols = (part.match(/[=()[\]{}<>;`$@\\]|\w\.\w|\w_\w|(?:^|\s)--?\w|\w[:/]\w/g) ?? []).length;
  return n >= 3 && symbols <= Math.floor(n / 4);
}

/** A value without a trailing `# comment` (a `#` inside quotes stays). */
function withoutComment(value: string): string {
  return value.replace(/^((?:[^#"']|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')*?)\s*#.*$/, '$1').trim();
}

/** An assignment's right-hand side that sets nothing yet (`None`, `{}`, a placeholder). */
function emptyValue(value: string): boolean {
  const v = value.replace(/\s+#.*$/, '').trim();
  return !v || /^(?:None|\{\}|\[\]|\(\)|set\(\)|dict\(\)|list\(\)|""|''|0|\.\.\.|…)$/.test(v) || PLACEHOLDER.test(v);
}

export interface ClassifyOptions {
  /** Inside a fenced block (or a `<pre>`): text is shown verbatim, so code is the default reading. */
  readonly fenced?: boolean;
  readonly parser?: LineParser;
  /** Only the patterns that name a construct (for text cut out of a sentence); no scoring, no parser. */
  readonly strong?: boolean;
}

/** The verdict for one visible line. */
export function classifyLine(raw: string, options: ClassifyOptions = {}): Verdict {
  const text = raw.trim();
  if (!text) return COMMENT;
  if (/^(?:#|\/\/|--\s|;|<!--|\/\*|\*\/|\*\s)/.test(text) && !/^#\{|^--\w/.test(text)) return commentVerdict(text, options);
  if (/^("""|''')/.test(text)) return COMMENT;
  if (PLACEHOLDER.test(text)) return COMMENT;
  // "EXPOSE is the documentation that ..." is a sentence about the instruction, not one.
  if (DOCKERFILE.test(text) && !(SENTENCE_END.test(text) && words(text) >= 6)) return CODE;
  if (IMPORT.test(text)) return IMPORT_LINE;
  if (DEF.test(text) || CLASS.test(text) || BARE_DECORATOR.test(text)) return SKELETON;
  if (CALL_DECORATOR.test(text)) return CODE;
  if (NOTHING.test(text) || CLOSERS.test(text)) return EMPTY_SKELETON;
  if (/^(?:---|\.\.\.)$/.test(text) || /^-\s*$/.test(text)) return EMPTY_SKELETON;
  if (COMPOUND.test(text) && !isProse(text.slice(0, -1))) return CODE;
  if (KEYWORD_STATEMENT.test(text) && !isProse(text)) return /^(?:return|yield)\s*(?:None)?\s*(?:#.*)?$/.test(text) ? EMPTY_SKELETON : CODE;
  const assignment = ASSIGNMENT.exec(text);
  if (assignment && !isProse(assignment[1])) return emptyValue(assignment[1]) || PLACEHOLDER_ANYWHERE.test(withoutComment(assignment[1])) ? SKELETON : CODE;
  if (isCall(text) && !isProse(text)) return CODE;
  if (DICT_ENTRY.test(text) && !isProse(text)) return CODE;
  if (ANNOTATION.test(text)) return CODE;
  const yaml = yamlVerdict(text, options);
  if (yaml) return yaml;
  if ((SHELL.test(text) && !isProse(text) && (options.fenced || /\s-{1,2}\w|[/=.:]/.test(text))) || SHELL_PROMPT.test(text)) return CODE;
  if (SHELL_SYNTAX.test(text) && /^[\w./$-]+\s/.test(text) && !isProse(text)) return CODE;
  if (isProse(text) || options.strong) return PROSE;
  if (options.parser && /[=()[\]{}:.'"<>+*/%-]/.test(text)) {
    const parsed = parsePython(text, options.parser);
    if (parsed === 'code') return CODE;
  }
  return codeScore(text) >= (options.fenced ? 2 : 3) ? CODE : PROSE;
}

/** A comment is nothing unless it is commented-out code ("# app = FastAPI()"). */
function commentVerdict(text: string, options: ClassifyOptions): Verdict {
  const body = text
    .replace(/^(?:#+!?|\/\/+|--|;+|<!--|\/\*+|\*\/|\*)\s?/, '')
    .replace(/(?:-->|\*\/)\s*$/, '')
    .trim();
  if (!body || PLACEHOLDER_ANYWHERE.test(body) || /^[-*]\s/.test(body)) return COMMENT;
  const inner = classifyLine(body, { ...options, fenced: false });
  return inner.kind === 'code' ? inner : COMMENT;
}

function yamlVerdict(text: string, options: ClassifyOptions): Verdict | undefined {
  if (YAML_BARE.test(text)) {
    const key = text.replace(/^-\s+/, '');
    if (PLACEHOLDER_ANYWHERE.test(text)) return EMPTY_SKELETON;
    return options.fenced || /^[a-z_$"']|^[A-Z][a-z]*[A-Z]/.test(key) ? SKELETON : undefined;
  }
  const pair = YAML_PAIR.exec(text);
  if (pair) {
    const [, key, value] = pair;
    const bare = withoutComment(value);
    // `key: # TODO` and `key: <your-value>` are left open; `key: 3  # TODO` is filled in.
    if (!bare || PLACEHOLDER.test(bare) || PLACEHOLDER_ANYWHERE.test(bare)) return COMMENT;
    if (options.fenced) return sentenceValue(value) && !/^[a-z]/.test(key) ? undefined : CODE;
    const keyLooksLikeCode = /^[a-z_$"']/.test(key) || /[A-Z_.\-/]/.test(key.slice(1));
    return keyLooksLikeCode && !sentenceValue(value) ? CODE : undefined;
  }
  if (YAML_FLOW.test(text) && /[:,]/.test(text) && !isProse(text)) return CODE;
  if (options.fenced && /^-\s+\S/.test(text) && !isProse(text.slice(2))) return codeScore(text.slice(2)) >= 1 || !/\s/.test(text.slice(2).trim()) ? CODE : undefined;
  return undefined;
}

/**
 * Python's view, for lines the patterns leave open: an expression like
 * `not isinstance(x, list) or len(x) != 4` or a dict literal. Compound headers get a body.
 */
function parsePython(text: string, parser: LineParser): 'code' | 'trivial' | 'error' {
  const line = text.replace(/\s+$/, '');
  if (line.endsWith(':')) return parser.python(`${line}\n    pass`);
  return parser.python(line.replace(/,\s*$/, ''));
}

/** Code punctuation against natural words, for lines no pattern recognises. */
export function codeScore(text: string): number {
  const part = codePart(text);
  let score = 0;
  score += 2 * (part.match(/\w\(/g) ?? []).length;
  score += 2 * (part.match(/[=!<>]=|->|\*\*|\/\/|:=/g) ?? []).length;
  score += (part.match(/(?<![=!<>])=(?!=)/g) ?? []).length;
  score += (part.match(/[[{]/g) ?? []).length;
  score += (part.match(/[A-Za-z_]\w*\.[A-Za-z_]\w*/g) ?? []).length;
  score += (text.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g) ?? []).length;
  score += (part.match(/\b[a-z]+_[a-z_]+\b/g) ?? []).length;
  score += /[:;{]\s*$/.test(part) ? 1 : 0;
  score -= Math.max(0, words(part) - 2);
  if (HANGUL.test(part)) score -= 3;
  if (/[.?!]\s*$/.test(part) && !/\.\.\.$|\)\.?$/.test(part)) score -= 2;
  return score;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Code written into a sentence ("먼저 app = FastAPI()로 앱을 만들고 ..."), with what each costs. */
const FRAGMENTS: readonly (readonly [RegExp, number])[] = [
  [/\bfrom\s+\.*[\w.]+\s+import\s+\w+(?:\s*,\s*\w+)*/g, IMPORT_UNITS],
  [/(?<![\w.])import\s+(?!(?:the|a|an|your|my|this|that|these|it|them|data|all|some|from|and)\b)[a-z_][\w.]*(?:\s+as\s+\w+)?/g, IMPORT_UNITS],
  [/(?<![\w.])(?:async\s+)?def\s+\w+\s*\([^)]*\)\s*(?:->\s*[^:]+)?:/g, SKELETON_UNITS],
  [/(?<![\w.])class\s+[A-Z]\w*\s*(?:\([^)]*\))?:/g, SKELETON_UNITS],
  [/@[\w.]+\((?:[^()]|\([^()]*\))*\)/g, 1],
  [/(?<![\w.@])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\((?:[^()]|\([^()]*\))+\)/g, 1],
  [/(?<![\w.@])[a-z_]\w*\((?:[^()]|\([^()]*\))*\)/g, 1],
  [/(?<![\w.@])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[[^\]\s]*\])*\s*(?:[-+*/]|\/\/)?=(?![=\s>])\s*[\w.'"$:/[{-]+(?:\((?:[^()]|\([^()]*\))*\))?(?:\[[^\]]*\])?/g, 1],
  [/(?<![\w.@])[A-Za-z_]\w*\s+(?:[-+*/]|\/\/)?=\s+(?![가-힣])[\w.'"$:/[{-]+(?:\((?:[^()]|\([^()]*\))*\))?(?:\[[^\]]*\])?/g, 1],
  [/(?<![\w.])(?:return|raise|await)\s+[A-Za-z_][\w.]*\((?:[^()]|\([^()]*\))*\)/g, 1],
  // An instruction named in a sentence ("EXPOSE is ...", "ENTRYPOINT server") is a word, not a line of a Dockerfile.
  [
    /\b(?:FROM|RUN|COPY|CMD|ENTRYPOINT|HEALTHCHECK|EXPOSE|WORKDIR|USER)\s+(?!(?:is|are|was|were|be|has|have|does|do|differs?|says?|tells?|sets?|lines?|instructions?|and|or|the|a|an|to|of|in|on|at|for|with|that|which|it|its|server|port|value|should|must|can)\b)[^\s가-힣]{2,}/g,
    1,
  ],
  [/\b(?:pip3?|kubectl|docker|helm|curl|uvicorn|gunicorn)\s+(?:install|run|apply|build|compose|-\S+)(?:\s+[-\w./:=@"',[\]]+)+/g, 1],
];

/** `key: value` written into a sentence: a code-shaped key, or a value no sentence has (a number, a path, a quoted string). */
const YAML_FRAGMENT =
  /(?<![\w.-])[a-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)*:[ \t]+(?:-?\d[\w.]*|true|false|null|"[^"]*"|'[^']*'|\/[\w/.-]*|[\w.-]+[:/.@][\w./:@-]+|\{[^}]*\}|\[[^\]]*\])(?=$|[\s,;)]|[가-힣])/g;
/** A bare camelCase key before Korean text or the end ("readinessProbe: 를 추가"). */
const YAML_KEY_FRAGMENT = /(?<![\w.-])[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*:(?=\s*(?:$|[가-힣]))/g;
const HANGUL_RUNS = /[^\uac00-\ud7af\u3130-\u318f]+/g;

export interface Fragment {
  readonly text: string;
  readonly units: number;
}

/** Code fragments written into a line of prose (not in its code spans), each with what it costs. */
export function proseFragments(text: string): Fragment[] {
  const found: Fragment[] = [];
  let rest = text;
  // Korean prose around code: the Latin runs between Korean words are judged as lines of their own.
  if (HANGUL.test(text)) {
    rest = rest.replace(HANGUL_RUNS, (run) => {
      // Sentence punctuation around the run goes; a trailing colon stays (`except Exception:`, `spec:`).
      const candidate = run
        .trim()
        .replace(/^[,.:;!?"'“”‘’]+|[,.;!?"'“”‘’]+$/g, '')
        .trim();
      if (candidate.length < 6 || !balanced(candidate)) return run;
      const verdict = classifyLine(candidate, { strong: true });
      if (verdict.units === 0) return run;
      found.push({ text: candidate, units: verdict.units });
      return ' ';
    });
  }
  const take = (re: RegExp, cost: number) => {
    rest = rest.replace(re, (m) => {
      // A mention like `model.predict(...)` or `f(x)` names a function; it does not write one.
      const args = /\(([^()]*)\)\s*$/.exec(m)?.[1]?.trim();
      const bareCall = /^[a-z_]\w*\(/.test(m) && !/[=,'"]/.test(m);
      const trivial = bareCall || (cost === 1 && args !== undefined && /^(?:\.\.\.|…|[a-z]|)$/.test(args) && !/=/.test(m.slice(0, m.indexOf('('))));
      if (trivial) return m;
      found.push({ text: m, units: cost });
      return ' ';
    });
  };
  take(YAML_FRAGMENT, 1);
  take(YAML_KEY_FRAGMENT, SKELETON_UNITS);
  for (const [re, cost] of FRAGMENTS) take(re, cost);
  return found;
}
