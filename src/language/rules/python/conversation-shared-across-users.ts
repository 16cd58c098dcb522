import type { Node } from 'web-tree-sitter';
import { writtenCallee } from '../../python/nodes';
import type { HandlerInfo, PythonModel } from '../../python/model';
import { requestDerived } from '../../python/request-derived';
import { escapeRegExp } from '../../regexp';
import { l, pythonRule } from '../../rule';

/** Hosted-model calls and chain/agent runs (the same families unchecked-llm-input knows). */
const LLM_CALL =
  /(^|\.)(ChatCompletion|Completion)\.a?create$|(^|\.)(chat\.)?completions\.create$|\.messages\.create$|\.responses\.create$|\.generate_content$|\.start_chat$|(^|\.)(chat|generate)$|^litellm\.a?completion$|\.(invoke|ainvoke|stream|astream|predict|run)$|^(llm|\w+_llm|llm_\w+|chat_model)$/i;
/** A list or a deque built empty (or bounded) at module level. */
const CONTAINER = /^(\[\s*\]|list\(\s*\)|(collections\.)?deque\([^)]*\))$/;
const MUTATOR = 'append|extend|insert|appendleft|extendleft';

export default pythonRule({
  id: 'conversation-shared-across-users',
  language: 'python',
  category: 'security',
  severity: 'warning',
  anchors: ['OWASP-LLM02:2025', 'CWE-488', 'gap:shared-conversation-state'],
  messages: {
    shared: l(
      "모듈 전역 '{name}'에 핸들러 '{handler}'가 요청마다 사용자의 메시지를 쌓고, 그 목록이 모델 호출({call})로 갑니다 — 프로세스 하나의 대화를 모든 사용자가 함께 씁니다. 한 사람의 질문과 답이 다른 사람의 프롬프트에 들어갑니다",
      "The handler '{handler}' adds each user's message to the module-level '{name}', and that list goes to the model call ({call}) — every user of the process shares one conversation, so one person's questions and answers land in another person's prompt",
    ),
  },
  docs: {
    summary: l(
      '모듈 수준에서 만든 리스트·deque(대화 기록)에 요청 핸들러(Flask, FastAPI, Gradio 함수 등)가 요청에서 온 값을 append하고, 같은 파일의 LLM 호출이 그 리스트를 받는 코드를 찾습니다. 세션별 저장소(세션 ID를 키로 쓰는 dict, Gradio의 history 인자, st.session_state)와 명령줄 채팅 스크립트는 제외합니다.',
      "Flags a list or deque built at module level (a conversation history) that a request handler (Flask, FastAPI, a Gradio function...) appends request data to, and that an LLM call of the same file is given. Per-session stores (a dict keyed by a session id, Gradio's history argument, st.session_state) and command-line chat scripts are left alone.",
    ),
    why: l(
      '웹 서버 프로세스 하나가 모든 사용자의 요청을 처리합니다. 모듈 전역의 대화 기록은 사용자마다 따로 있지 않아서, 다른 사람의 질문·개인 정보·답변이 내 프롬프트에 섞이고(정보 유출), 동시에 들어온 대화가 서로 끼어들며, 워커가 여러 개면 어떤 워커에 닿느냐에 따라 기록이 달라집니다.',
      "One web server process answers every user's requests. A module-level history is not per user: other people's questions, personal data and answers are mixed into my prompt (a data leak), concurrent chats interleave, and with several workers the history depends on which worker a request reaches.",
    ),
    bad: "import gradio as gr\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=30)\nchat_history = []\n\ndef chat(message, history):\n    chat_history.append({'role': 'user', 'content': message})\n    reply = client.chat.completions.create(model='gpt-4o-mini-2024-07-18', messages=chat_history)\n    chat_history.append({'role': 'assistant', 'content': reply.choices[0].message.content})\n    return reply.choices[0].message.content\n\ngr.ChatInterface(chat, type='messages').launch()\n",
    good: "import gradio as gr\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=30)\n\ndef chat(message, history):\n    # TODO: Gradio이 세션마다 넘겨주는 history로 대화를 만드세요 — 길이 제한은 몇 턴으로 할까요?\n    messages = [{'role': m['role'], 'content': m['content']} for m in history[-10:]]\n    messages.append({'role': 'user', 'content': message})\n    reply = client.chat.completions.create(model='gpt-4o-mini-2024-07-18', messages=messages)\n    return reply.choices[0].message.content\n\ngr.ChatInterface(chat, type='messages').launch()\n",
  },
  weeks: ['beginner/5', 'advanced/4'],
  questions: [
    l(
      '두 사람이 동시에 이 챗봇을 쓰면, 두 번째 사람의 프롬프트에는 누구의 메시지가 들어갈까요?',
      "If two people use this chatbot at the same time, whose messages end up in the second person's prompt?",
    ),
    l(
      '대화 기록을 사용자(세션)별로 나누려면 무엇을 키로 삼고, 그 기록은 어디에 얼마 동안 보관할까요?',
      'To keep one history per user (session), what would be the key, and where and for how long would the history be kept?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 대화 기록을 사용자(세션)별로 나누기\n# 고려사항:\n# - 클라이언트가 보내는 history(Gradio) 또는 세션 ID를 키로 쓰는 저장소\n# - 기록 길이 상한(턴 수, 토큰 수)과 보관 기간\n# - 워커가 여러 개면 기록은 어디에 둘까요? (Redis, DB)\n# TODO: 모듈 전역 리스트 없애기\n',
    en: '# TODO: keep one conversation per user (session)\n# Consider:\n# - the history the client sends (Gradio), or a store keyed by a session id\n# - a bound on the history (turns, tokens) and how long it is kept\n# - with several workers, where does the history live? (Redis, a database)\n# TODO: remove the module-level list\n',
  },
  check(context) {
    const { model } = context;
    if (model.handlers.length === 0) return;
    for (const [name, node] of moduleContainers(model)) {
      const word = new RegExp(`\\b${escapeRegExp(name)}\\b`);
      const mutation = new RegExp(`(^|[^\\w.])${escapeRegExp(name)}\\s*\\.\\s*(?:${MUTATOR})\\s*\\(([^\\n]*)`, 'g');
      for (const handler of model.handlers) {
        const text = model.source.slice(handler.node.startIndex, handler.node.endIndex);
        if (!word.test(text) || rebinds(text, name)) continue;
        const added = [...text.matchAll(mutation)].map((m) => m[2]);
        if (added.length === 0 || !added.some((a) => fromClient(model, handler, a))) continue;
        const call = llmCallGiven(model, name);
        if (!call) continue;
        context.report({ node, messageId: 'shared', data: { name, handler: handler.name, call: `${call}()` } });
        break;
      }
    }
  },
});

/** `history = []`, `chat_history = deque(maxlen=20)` at the top level of the module, bound once. */
function moduleContainers(model: PythonModel): Map<string, Node> {
  const found = new Map<string, Node>();
  const twice = new Set<string>();
  // Each top-level statement read once and kept across re-lints (a file-wide rule that walked every
  // assignment of the file was a tenth of a one-line re-lint's CPU): an edit re-reads its statement only.
  const parts = model.perStatement('module-containers', moduleBindings);
  parts.forEach((bindings, i) => {
    for (const binding of bindings) {
      if (found.has(binding.name)) twice.add(binding.name);
      if (binding.container) found.set(binding.name, model.statements[i].namedChild(binding.child)!);
    }
  });
  for (const name of twice) found.delete(name);
  return found;
}

interface ModuleBinding {
  readonly name: string;
  /** The assignment's index among the statement's named children. */
  readonly child: number;
  /** Is the value an empty (or bounded) list or deque? */
  readonly container: boolean;
}
const NO_BINDINGS: readonly ModuleBinding[] = [];

/** The `name = value` assignments a top-level statement is made of, in order (the statement alone: no position is kept). */
function moduleBindings(statement: Node): readonly ModuleBinding[] {
  if (statement.type !== 'expression_statement') return NO_BINDINGS;
  let bindings: ModuleBinding[] | undefined;
  statement.namedChildren.forEach((assignment, child) => {
    if (assignment?.type !== 'assignment') return;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || !right) return;
    (bindings ??= []).push({ name: left.text, child, container: CONTAINER.test(right.text.replace(/\s+/g, ' ')) });
  });
  return bindings ?? NO_BINDINGS;
}

/** The handler binds the name afresh (`global history; history = []`) or empties it first: per-request state. */
function rebinds(text: string, name: string): boolean {
  const escaped = escapeRegExp(name);
  return new RegExp(`^[ \\t]*${escaped}\\s*=(?!=)|\\b${escaped}\\s*\\.\\s*clear\\s*\\(`, 'm').test(text);
}

/** The appended value holds what the client sent: a request read, a schema field, a handler parameter. */
function fromClient(model: PythonModel, handler: HandlerInfo, added: string): boolean {
  if (requestDerived(model, handler).mentions(added)) return true;
  const parameters = handler.node.childForFieldName('parameters')?.namedChildren ?? [];
  return parameters.some((p) => {
    const name = (p?.type === 'identifier' ? p : (p?.childForFieldName('name') ?? p?.namedChildren[0]))?.text;
    return !!name && name !== 'self' && !/^(history|chat_history|state|request)$/.test(name) && new RegExp(`\\b${escapeRegExp(name)}\\b`).test(added);
  });
}

/**
 * The model call the list reaches, named as written: the list is in the call's arguments
 * (`messages=chat_history`, `start_chat(history=history)`), or a value built from it in the same
 * function is (`prompt = "\n".join(history)` ... `llm(prompt)`).
 */
function llmCallGiven(model: PythonModel, name: string): string | undefined {
  const word = new RegExp(`\\b${escapeRegExp(name)}\\b`);
  for (const call of model.calls) {
    const written = writtenCallee(model, call);
    if (!LLM_CALL.test(written) && !LLM_CALL.test(call.callee ?? '')) continue;
    const args = call.node.childForFieldName('arguments')?.text ?? '';
    if (word.test(args)) return written;
    const fn = call.inFunction;
    if (!fn) continue;
    const body = model.source.slice(fn.startIndex, call.node.startIndex);
    for (const m of body.matchAll(/^[ \t]*([A-Za-z_]\w*)\s*=(?!=)([^\n]*)$/gm)) {
      if (word.test(m[2]) && new RegExp(`\\b${m[1]}\\b`).test(args)) return written;
    }
  }
  return undefined;
}
