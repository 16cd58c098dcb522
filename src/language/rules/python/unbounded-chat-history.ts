import type { Node } from 'web-tree-sitter';
import { LLM_CALLEES } from '../../python/llm-calls';
import { keywordArgument } from '../../python/nodes';
import type { PythonModel } from '../../python/model';
import { escapeRegExp } from '../../regexp';
import { l, pythonRule } from '../../rule';
import type { Range } from '../../types';

/** The arguments a chat call takes the conversation in. */
const HISTORY_KEYWORDS = ['messages', 'history', 'chat_history', 'contents'];
/**
 * A store that outlives one call: Streamlit session state, an object's attribute, a key of the
 * visitor's web session (Flask's `session["messages"]` or `flask.session[...]`, Django's `request.session[...]`).
 */
const PERSISTENT_PATH = /^(st\.)?session_state\b|^self\.|^(flask\.|request\.)?session\[\s*["'][\w-]+["']\s*\]$/;
/** A value looked up from a conversation store: `get_chat_history(sid)`, `sessions[sid]`. */
const STORE_LOOKUP = /histor|memory|conversation|session|chats?\b/i;
/** Anything in the file that bounds a conversation: a trimming helper, a window, a limit. */
const BOUND_WORDS =
  /maxlen|trim_messages|truncat|summari[sz]|max_?history|history_?limit|max_?turns|max_?messages|max_?tokens_?history|window|ConversationBufferWindowMemory|ConversationSummary/i;

export default pythonRule({
  id: 'unbounded-chat-history',
  language: 'python',
  category: 'reliability',
  severity: 'info',
  anchors: ['OWASP-LLM10:2025', 'CWE-770', 'gap:llm-context-growth'],
  messages: {
    whole: l(
      "대화 기록 '{name}'이 턴마다 늘어나는데, 자르거나 요약하지 않고 통째로 모델 호출({call})에 갑니다 — 긴 대화는 컨텍스트 창을 넘어 실패하거나 앞부분을 조용히 잃고, 토큰 비용과 지연이 턴마다 커집니다",
      "The conversation '{name}' grows every turn and goes whole to the model call ({call}), never trimmed or summarised — a long conversation overflows the context window (an error, or the start silently dropped), and token cost and latency grow with every turn",
    ),
  },
  docs: {
    summary: l(
      '턴마다 append되는 대화 기록(모듈 전역 리스트, st.session_state, Flask·Django 세션의 키, self 속성, 세션 저장소에서 꺼낸 리스트)이 슬라이스·삭제·요약 없이 LLM 호출의 messages=/history=로 가는 코드를 찾습니다. 같은 파일에 자르기([-N:], pop, del), deque(maxlen), 창·요약 메모리, 길이 상한이 있으면 제외합니다.',
      'Flags a conversation that is appended to every turn (a module-level list, st.session_state, a key of the Flask or Django session, an attribute of self, a list taken from a session store) and passed whole as messages=/history= to an LLM call, with no slice, deletion or summary. A file that trims the history ([-N:], pop, del), uses deque(maxlen), a window or summary memory, or a length limit is left alone.',
    ),
    why: l(
      '모델은 매 호출마다 보낸 토큰 전부를 처리합니다. 기록을 통째로 보내면 n번째 턴의 비용과 지연은 n에 비례해 늘고, 대화가 길어지면 컨텍스트 창을 넘어 오류가 나거나(OpenAI) 앞부분이 조용히 잘립니다(Ollama num_ctx) — 시스템 프롬프트가 먼저 사라집니다.',
      'The model processes every token it is sent, on every call. Sending the whole history makes the cost and latency of turn n grow with n, and a long conversation overflows the context window: an error (OpenAI) or a silent cut of the start (Ollama num_ctx) — and the system prompt is the first thing lost.',
    ),
    bad: "import streamlit as st\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=30)\nif 'messages' not in st.session_state:\n    st.session_state.messages = [{'role': 'system', 'content': 'You answer questions about our product.'}]\n\nif prompt := st.chat_input('Ask', max_chars=2000):\n    st.session_state.messages.append({'role': 'user', 'content': prompt})\n    reply = client.chat.completions.create(model='gpt-4o-mini-2024-07-18', messages=st.session_state.messages)\n    st.session_state.messages.append({'role': 'assistant', 'content': reply.choices[0].message.content})\n",
    good: "import streamlit as st\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=30)\nMAX_TURNS = 10\nSYSTEM = {'role': 'system', 'content': 'You answer questions about our product.'}\nif 'messages' not in st.session_state:\n    st.session_state.messages = []\n\nif prompt := st.chat_input('Ask', max_chars=2000):\n    st.session_state.messages.append({'role': 'user', 'content': prompt})\n    # TODO: 몇 턴(또는 몇 토큰)까지 보낼까요? 잘린 앞부분은 요약해서 남길까요?\n    recent = st.session_state.messages[-2 * MAX_TURNS:]\n    reply = client.chat.completions.create(model='gpt-4o-mini-2024-07-18', messages=[SYSTEM, *recent])\n    st.session_state.messages.append({'role': 'assistant', 'content': reply.choices[0].message.content})\n",
  },
  weeks: ['beginner/5', 'advanced/4', 'advanced/6'],
  questions: [
    l(
      '이 대화가 200턴이 되면 한 번의 호출에 몇 토큰이 가고, 모델의 컨텍스트 창을 넘으면 무슨 일이 생길까요?',
      'When this conversation reaches 200 turns, how many tokens does one call send, and what happens when they exceed the model’s context window?',
    ),
    l(
      '기록을 자를 때 시스템 프롬프트는 어떻게 지키고, 잘린 앞부분의 내용은 버릴까요, 요약해서 남길까요?',
      'When the history is trimmed, how is the system prompt kept, and is the dropped start thrown away or kept as a summary?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 모델에 보내는 대화 기록에 상한 두기\n# 고려사항:\n# - 최근 N턴만 보내기(슬라이스) 또는 토큰 수로 자르기\n# - 시스템 프롬프트는 자르기 전에 따로 두기\n# - 잘린 앞부분은 요약 한 줄로 남길지\n# TODO: 상한을 설정 값으로 빼기\n',
    en: '# TODO: put a bound on the history sent to the model\n# Consider:\n# - only the last N turns (a slice), or a cut by token count\n# - keep the system prompt aside before trimming\n# - whether the dropped start is kept as a one-line summary\n# TODO: move the bound to settings\n',
  },
  callees: LLM_CALLEES,
  check(context) {
    const { model } = context;
    const source = model.source;
    if (BOUND_WORDS.test(source)) return;
    const reported = new Set<string>();
    for (const call of context.calls) {
      for (const keyword of HISTORY_KEYWORDS) {
        const value = keywordArgument(call.node, keyword);
        if (!value || !/^(identifier|attribute|subscript)$/.test(value.type)) continue;
        const names = historyNames(value, call.inFunction ?? undefined, call.node.startIndex, source);
        if (!names || names.some((n) => reported.has(n))) continue;
        const growth = grows(names, model);
        if (!growth || names.some((n) => bounded(n, source))) continue;
        for (const n of names) reported.add(n);
        context.report({
          node: value,
          messageId: 'whole',
          data: { name: value.text, call: `${call.callee ?? 'call'}()` },
          related: [
            { range: growth, message: GROWS_HERE },
            ...(takenAt.has(value) ? [{ range: model.rangeOf(takenAt.get(value)!, takenAt.get(value)! + 1), message: TAKEN_HERE }] : []),
          ],
        });
      }
    }
  },
});

const TAKEN_HERE = l('저장된 대화 기록 전체를 여기서 꺼냅니다', 'the whole stored conversation is taken here');
const GROWS_HERE = l('대화 기록이 여기서 턴마다 늘어납니다', 'the history grows here, every turn');

/**
 * The names the history goes by, when it outlives one call: a Streamlit/self path, a module-level
 * name, or a local taken from one of those or from a conversation store. A list built in the
 * function (`messages = [system, user]`) is per call: undefined.
 */
/** Where a local alias took the stored conversation (`messages = st.session_state.memory`), by the call's argument. */
const takenAt = new WeakMap<Node, number>();

function historyNames(value: Node, fn: Node | undefined, callStart: number, source: string): string[] | undefined {
  const text = value.text;
  if (value.type !== 'identifier') return PERSISTENT_PATH.test(text) ? [text] : undefined;
  const word = escapeRegExp(text);
  // Only what is bound before the call (a keyword argument `messages=messages` on its own line is no binding).
  const body = fn ? source.slice(fn.startIndex, callStart) : '';
  const matches = [...body.matchAll(new RegExp(`^[ \\t]*${word}\\s*(?::[^=\\n]*)?=(?!=)\\s*([^\\n]+)$`, 'gm'))];
  const local = matches.map((m) => m[1].trim());
  if (fn && new RegExp(`^[ \\t]*global\\s+[^\\n]*\\b${word}\\b`, 'm').test(body)) return [text];
  if (local.length === 0) {
    // Not bound in the function: a module-level list (or a parameter, which is the caller's: no).
    const parameters = fn?.childForFieldName('parameters')?.text ?? '';
    if (new RegExp(`\\b${word}\\b`).test(parameters)) return undefined;
    return new RegExp(`^${word}\\s*(?::[^=\\n]*)?=(?!=)`, 'm').test(source) ? [text] : undefined;
  }
  // One branch may take the stored conversation and another a fresh list: the stored one reaches the call.
  const stored = local.find((from) => PERSISTENT_PATH.test(from) && /^[\w.]+(\[[^\]]+\])?$/.test(from));
  if (stored) {
    const at = matches[local.indexOf(stored)];
    takenAt.set(value, fn!.startIndex + at.index + at[0].length - at[0].trimStart().length);
    return [text, stored];
  }
  if (local.length !== 1) return undefined;
  const from = local[0];
  if (storeLookup(from)) return [text];
  // A copy of a stored conversation, message by message (`[{...} for h in history]`, `history = session["history"]`).
  const copied = /\bfor\s+\w+\s+in\s+([A-Za-z_]\w*)\s*\]$/.exec(from)?.[1];
  if (!copied || copied === text) return undefined;
  const inner = [...body.matchAll(new RegExp(`^[ \\t]*${escapeRegExp(copied)}\\s*=(?!=)\\s*([^\\n]+)$`, 'gm'))].map((m) => m[1].trim());
  return inner.length === 1 && storeLookup(inner[0]) ? [text, copied] : undefined;
}

/** `get_chat_history(sid)`, `sessions[sid]`, `session["history"]`: a lookup in a conversation store. */
function storeLookup(from: string): boolean {
  return /^[\w.]+\(.*\)$|^[\w.]+\[[^\]]+\]$/.test(from) && STORE_LOOKUP.test(from.replace(/\(.*$/, '').replace(/\[.*$/, ''));
}

/** The first place the history is appended to (or extended), as a range; undefined if it never grows. */
function grows(names: readonly string[], model: PythonModel): Range | undefined {
  for (const name of names) {
    const m = new RegExp(`(^|[^\\w.])${escapeRegExp(name)}\\s*(\\.\\s*(append|extend)\\s*\\(|\\+=)`, 'm').exec(model.source);
    if (!m) continue;
    const start = m.index + m[1].length;
    return model.rangeOf(start, start + name.length);
  }
  return undefined;
}

/** The file slices, pops, deletes from or measures the history somewhere: bounded. */
function bounded(name: string, source: string): boolean {
  const n = escapeRegExp(name);
  return new RegExp(`(^|[^\\w.])${n}\\s*\\[[^\\]\\n]*:|\\bdel\\s+${n}\\b|(^|[^\\w.])${n}\\s*\\.\\s*(pop|popleft|clear|remove)\\s*\\(|\\blen\\(\\s*${n}\\s*\\)`, 'm').test(source);
}
