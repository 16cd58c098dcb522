import type { PythonModel } from '../../python/model';
import { enclosingClass } from '../../python/nodes';
import { l, pythonRule, type PythonContext as Context } from '../../rule';

/** A module-level container: `cache = {}`, `history = []`, `seen = defaultdict(list)`, `q = deque()`. */
const MODULE_CONTAINER =
  /^([A-Za-z_]\w*)[ \t]*(?::[^=\n]+)?=[ \t]*(\{\}|\[\]|dict\(\)|list\(\)|(?:collections\.)?(?:defaultdict|OrderedDict)\([^)\n]*\)|(?:collections\.)?deque\(\))[ \t]*(?:#.*)?$/gm;
/** A cheap look at the text first (`linesMatch`): a line that may start a module-level container. */
const CONTAINER_HINT = /^[A-Za-z_]\w*[ \t]*(?::[^=\n]+)?=[ \t]*(\{\}|\[\]|dict\(|list\(|(collections\.)?(defaultdict|OrderedDict|deque)\()/m;
/** `self.cache = {}` in a cache class. */
const SELF_CONTAINER = /^[ \t]+self\.(\w+)[ \t]*(?::[^=\n]+)?=[ \t]*(\{\}|dict\(\)|(?:collections\.)?OrderedDict\(\))[ \t]*$/gm;
const CACHE_CLASS = /^[ \t]*class[ \t]+(\w*(?:Cache|Memo|cache|memo)\w*)\b/gm;
/** A file that talks to a language model (the text test that comes before any conversation-store look). */
const LLM_IMPORT = /^[ \t]*(?:from|import)[ \t]+(?:langchain\w*|openai|ollama|anthropic|google\.generativeai|google\.genai|groq|llama_index|litellm|cohere|mistralai)\b/m;
/** A container whose name says it holds conversations: `sessions`, `chat_history`, `conversations`, `memory`. */
const HISTORY_NAME = /session|histor|conversation|chat|memor|dialog/i;
/** `self.sessions = {}`, `self.chat_history = []` in a class body. */
const SELF_HISTORY = /^[ \t]+self\.(\w+)[ \t]*(?::[^=\n]+)?=[ \t]*(?:\{\}|\[\]|dict\(\)|list\(\)|(?:collections\.)?defaultdict\([^)\n]*\))[ \t]*(?:#.*)?$/gm;

export default pythonRule({
  id: 'unbounded-in-memory-cache',
  language: 'python',
  category: 'scalability',
  severity: 'warning',
  anchors: ['gap:unbounded-cache'],
  messages: {
    grows: l(
      "모듈 수준의 '{name}'이(가) 요청 핸들러 '{handler}'에서 요청마다 커지고, 어디에서도 항목을 지우지 않습니다 — 프로세스 메모리가 끝없이 늘어납니다",
      "The module-level '{name}' grows on every request in the handler '{handler}' and nothing ever removes an entry — process memory grows without end",
    ),
    cacheClass: l(
      "캐시 클래스 '{cls}'의 '{name}'에는 크기 제한도 만료 항목 삭제도 없습니다 — 서로 다른 키마다 메모리가 계속 늘어납니다",
      "The cache class '{cls}' keeps '{name}' with no size limit and never deletes expired entries — memory grows with every distinct key",
    ),
    history: l(
      "'{name}'이(가) 대화(세션)마다 기록을 프로세스 메모리에 쌓고, 어디에서도 자르거나 지우지 않습니다 — 대화가 늘수록 메모리와 함께 보내는 프롬프트가 끝없이 커지고, 재시작하면 사라지며, 워커마다 따로 있습니다",
      "'{name}' keeps chat history in process memory and nothing ever trims or evicts it — memory (and the prompt sent with it) grows with every conversation, it is lost on restart, and each worker keeps its own copy",
    ),
  },
  docs: {
    summary: l(
      '요청마다 쓰이지만 항목을 지우지 않는 모듈 수준 dict/list, 크기 제한·만료 삭제가 없는 직접 만든 캐시 클래스, 그리고 LLM 서비스에서 세션별 대화 기록을 프로세스 메모리에 자르지 않고 쌓는 저장소(모듈 수준 또는 self.sessions 같은 속성)를 찾습니다. 명령줄 채팅 스크립트는 제외합니다.',
      'Flags module-level dicts and lists written on every request that nothing ever prunes, hand-made cache classes with no size limit or eviction, and chat-history stores in LLM services (at module level or an attribute such as self.sessions) that keep every conversation in process memory untrimmed. Command-line chat scripts are left alone.',
    ),
    why: l(
      '메모리 안의 캐시와 기록은 키가 요청에서 오면 끝없이 커집니다. 며칠 뒤 워커가 메모리 부족으로 죽고, 워커마다 따로 쌓이므로 캐시 적중률도 생각보다 낮습니다.',
      'An in-memory cache or history keyed by request data grows without end. Days later the worker dies out of memory, and since each worker keeps its own copy the hit rate is lower than it looks.',
    ),
    bad: "from fastapi import FastAPI\n\napp = FastAPI()\nresults = {}\n\n@app.post('/predict')\ndef predict(text: str):\n    if text not in results:\n        results[text] = text.upper()\n    return {'y': results[text]}\n",
    good: "from functools import lru_cache\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n# TODO: 크기 제한은 얼마가 적당할까요? 만료(TTL)가 필요한가요? 워커 사이에 공유해야 하나요(Redis)?\n@lru_cache(maxsize=10_000)\ndef cached_predict(text: str) -> str:\n    return text.upper()\n\n@app.post('/predict')\ndef predict(text: str):\n    return {'y': cached_predict(text)}\n",
  },
  weeks: ['intermediate/4'],
  questions: [
    l(
      "'{name}'에는 하루에 항목이 몇 개 쌓일까요? 일주일 뒤 이 프로세스의 메모리는 얼마가 될까요?",
      "How many entries does '{name}' collect in a day? How much memory does this process hold after a week?",
    ),
    l('항목은 언제 지워져야 할까요? (크기 제한, 만료 시간, 가장 오래 안 쓴 것부터)', 'When should an entry leave? (a size limit, a time-to-live, least recently used first)'),
    l(
      '워커가 네 개라면 캐시도 네 개입니다. 공유 캐시(Redis)가 필요한 경우는 언제일까요?',
      'With four workers there are four caches. When would a shared cache (Redis) be worth it?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 메모리 안의 캐시에 한도 두기\n# 고려사항:\n# - 최대 항목 수는? (functools.lru_cache(maxsize=...), cachetools.TTLCache)\n# - 만료된 항목은 읽을 때 건너뛰기만 하나요, 실제로 지우나요?\n# - 워커 사이에 공유해야 하나요? (Redis)\n# TODO: 크기 제한과 만료 정책 정하기\n',
    en: '# TODO: bound the in-memory cache\n# Consider:\n# - how many entries at most? (functools.lru_cache(maxsize=...), cachetools.TTLCache)\n# - are expired entries only skipped on read, or actually removed?\n# - should workers share it? (Redis)\n# TODO: choose a size limit and an eviction policy\n',
  },
  check(context) {
    const { model } = context;
    const source = model.source;
    const llm = LLM_IMPORT.test(source);
    if (model.handlers.length > 0 && model.linesMatch(CONTAINER_HINT)) {
      for (const match of source.matchAll(MODULE_CONTAINER)) {
        if (reportModuleGrowth(context, model, match[1]) || !llm) continue;
        reportHistoryStore(context, model, match[1], match.index, match[1]);
      }
    }
    // A command-line chat (`input()`) has one user and ends with the script: its history is not a service's.
    if (llm && !/(?<![\w.])input\(/.test(source) && /^[ \t]+self\.\w+[ \t]*=[ \t]*(?:\{|\[|dict\(|list\(|(?:collections\.)?defaultdict\()/m.test(source)) {
      for (const match of source.matchAll(SELF_HISTORY)) {
        if (!HISTORY_NAME.test(match[1])) continue;
        const at = match.index + match[0].length - match[0].trimStart().length;
        reportHistoryStore(context, model, `self\\.${match[1]}`, at, `self.${match[1]}`);
      }
    }
    if (/class[ \t]+\w*(Cache|Memo|cache|memo)/.test(source)) {
      for (const cls of source.matchAll(CACHE_CLASS)) reportCacheClass(context, model, cls.index, cls[1]);
    }
  },
});

/**
 * A chat-history store in a file that talks to a language model: a container named for sessions
 * or history (or filled with LangChain `ChatMessageHistory()` objects), at module level in a
 * service or on a long-lived object (`self.sessions = {}`), grown anywhere in the file (a helper,
 * a method) and never trimmed or evicted. Reported where it is built. `pattern` is the name as a
 * regular expression (`self\.sessions`).
 */
function reportHistoryStore(context: Context, model: PythonModel, pattern: string, at: number, name: string): void {
  let source = model.source;
  if (name.startsWith('self.')) {
    // An attribute is judged within its own class: another class may trim an attribute of the same name.
    const node = model.tree.rootNode.descendantForIndex(at);
    const cls = node ? enclosingClass(node) : undefined;
    if (!cls) return;
    source = cls.text;
  }
  const ref = `(?<![\\w.])${pattern}`;
  if (!HISTORY_NAME.test(name) && !new RegExp(`${ref}\\[[^\\]\\n]+\\][ \\t]*=[ \\t]*(?:\\w+\\.)?(?:InMemory)?ChatMessageHistory\\(`).test(source)) return;
  if (
    new RegExp(`del[ \\t]+${ref}\\[|${ref}\\.(pop|popitem|popleft|clear|remove|move_to_end)\\(|len\\(${ref}\\)[ \\t]*[<>=]=?|maxlen|maxsize|${ref}[ \\t]*=[ \\t]*${ref}\\[`).test(
      source,
    )
  )
    return;
  const reset = new RegExp(`^[ \\t]*${pattern}[ \\t]*(?::[^=\\n]+)?=(?!=)`, 'gm');
  if ([...source.matchAll(reset)].length > 1) return;
  if (
    !new RegExp(`${ref}(\\[(?![ \\t]*['"][^'"\\n]*['"][ \\t]*\\])[^\\]\\n]+\\][ \\t]*=(?!=)|\\.(append|extend|setdefault)\\(|\\.setdefault\\([^)\\n]*\\)\\.append\\()`).test(source)
  )
    return;
  const end = model.source.indexOf('\n', at);
  context.report({ range: model.rangeOf(at, end === -1 ? model.source.length : end), messageId: 'history', data: { name } });
}

/** `NAME[key] = ...` with a non-literal key, or `NAME.append(...)`, inside a handler; no pruning anywhere in the file. True when settled: reported, or pruned somewhere. */
function reportModuleGrowth(context: Context, model: PythonModel, name: string): boolean {
  const source = model.source;
  const escaped = name.replace(/\W/g, '');
  if (new RegExp(`\\b(del[ \\t]+${escaped}\\[|${escaped}\\.(pop|popitem|popleft|clear|remove)\\(|len\\(${escaped}\\)[ \\t]*[<>=]=?)|^[ \\t]+${escaped}[ \\t]*=`, 'm').test(source))
    return true;
  const write = new RegExp(`\\b${escaped}(\\[(?![ \\t]*['"][^'"\\n]*['"][ \\t]*\\])[^\\]\\n]+\\][ \\t]*=(?!=)|\\.(append|appendleft|extend|setdefault)\\()`, 'g');
  for (const found of source.matchAll(write)) {
    const node = model.tree.rootNode.descendantForIndex(found.index);
    const handler = node ? model.enclosingHandler(node) : undefined;
    if (!handler) continue;
    const line = source.lastIndexOf('\n', found.index) + 1;
    const end = source.indexOf('\n', found.index);
    context.report({
      range: model.rangeOf(line + (source.slice(line, end).length - source.slice(line, end).trimStart().length), end === -1 ? source.length : end),
      messageId: 'grows',
      data: { name, handler: handler.name },
    });
    return true;
  }
  return false;
}

/** A cache class whose `self.X = {}` is filled by key and never pruned (no del, pop, popitem or size check). */
function reportCacheClass(context: Context, model: PythonModel, at: number, cls: string): void {
  const node = model.tree.rootNode.descendantForIndex(at + model.source.slice(at).indexOf('class'));
  const definition = node?.parent?.type === 'class_definition' ? node.parent : undefined;
  if (!definition) return;
  const body = model.source.slice(definition.startIndex, definition.endIndex);
  for (const attribute of body.matchAll(SELF_CONTAINER)) {
    const name = attribute[1];
    if (new RegExp(`del[ \\t]+self\\.${name}\\[|self\\.${name}\\.(pop|popitem|move_to_end)\\(|len\\(self\\.${name}\\)[ \\t]*[<>=]=?|maxsize|max_size|maxlen`).test(body)) continue;
    const write = new RegExp(`self\\.${name}\\[[^\\]\\n]+\\][ \\t]*=(?!=)`).exec(body);
    if (!write) continue;
    const start = definition.startIndex + write.index;
    context.report({ range: model.rangeOf(start, start + write[0].length), messageId: 'cacheClass', data: { cls, name: `self.${name}` } });
  }
}
