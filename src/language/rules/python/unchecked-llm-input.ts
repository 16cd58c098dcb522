import type { Node } from 'web-tree-sitter';
import { writtenCallee } from '../../python/nodes';
import {
  BARE_LLM,
  isLlmCall,
  CHAIN_METHOD,
  CHAIN_RECEIVER,
  derivedName,
  HOSTED_CALL,
  LENGTH_CONSTANT,
  lengthGuarded,
  LLM_CALLEES,
  LLM_OBJECT_CALL,
  sourceLine,
} from '../../python/llm-calls';
import { keywordArgument } from '../../python/model';
import { requestDerived } from '../../python/request-derived';
import { l, pythonRule, type PythonContext } from '../../rule';
import { escapeRegExp } from '../../regexp';
import { calledEffect } from '../../project/effects';

/** An allow-list for a model name: membership in a collection, a constant's name, a Literal/Enum. */
const ALLOWED_NAMES = /\b(ALLOWED|SUPPORTED|VALID|AVAILABLE|KNOWN|PERMITTED)_?\w*|allow_?list|white_?list/i;

export default pythonRule({
  id: 'unchecked-llm-input',
  language: 'python',
  local: 'handler',
  category: 'validation',
  severity: 'warning',
  anchors: ['OWASP-LLM10:2025', 'CWE-770', 'gap:llm-input-limits'],
  messages: {
    prompt: l(
      "핸들러 '{handler}'가 요청에서 읽은 '{name}'을 길이 제한 없이 언어 모델({call})에 보냅니다 — 아주 긴 입력 하나가 토큰 비용, 지연, 컨텍스트 초과를 정합니다",
      "The handler '{handler}' sends '{name}', read from the request, to a language model ({call}) with no length limit — one very long input decides the token cost, the latency and a context overflow",
    ),
    widget: l(
      "Streamlit 입력 '{name}'에 max_chars가 없고, 그 글이 길이 제한 없이 언어 모델({call})로 갑니다 — 아주 긴 입력 하나가 토큰 비용, 지연, 컨텍스트 초과를 정합니다",
      "The Streamlit input '{name}' has no max_chars, and its text goes to a language model ({call}) with no length limit — one very long input decides the token cost, the latency and a context overflow",
    ),
    reached: l(
      "핸들러 '{handler}'가 요청에서 읽은 '{name}'을 길이 제한 없이 {helper}()에 넘기고, 그 함수가 언어 모델({call}, {file})로 보냅니다 — 아주 긴 입력 하나가 토큰 비용, 지연, 컨텍스트 초과를 정합니다",
      "The handler '{handler}' passes '{name}', read from the request, to {helper}() with no length limit, and that function sends it to a language model ({call}, in {file}) — one very long input decides the token cost, the latency and a context overflow",
    ),
    model: l(
      "핸들러 '{handler}'가 클라이언트가 고른 모델 이름('{name}')을 허용 목록 없이 {call}에 넘깁니다 — 누구나 가장 비싼 모델이나 쓰면 안 되는 모델을 부를 수 있습니다",
      "The handler '{handler}' passes a model name the client chose ('{name}') to {call} with no allow-list — anyone can call the most expensive model, or one they should not reach",
    ),
  },
  docs: {
    summary: l(
      '요청에서 읽은 값(request.args, get_json(), Django request.body)이 길이 검사나 자르기 없이 LLM 호출(OpenAI, Anthropic, Ollama, LangChain 체인)의 프롬프트로 가는 코드와, 클라이언트가 보낸 모델 이름이 허용 목록 없이 model=로 가는 코드를 찾습니다. Streamlit 앱에서는 max_chars 없는 st.chat_input/text_input/text_area 값이 모델 호출로 가는 경우도 찾습니다. 스키마 필드는 permissive-request-schema가 봅니다.',
      'Flags values read from the request (request.args, get_json(), Django request.body) that reach an LLM call (OpenAI, Anthropic, Ollama, LangChain chains) as the prompt with no length check or truncation, and a client-sent model name passed as model= with no allow-list. In a Streamlit app, an st.chat_input/text_input/text_area with no max_chars whose value reaches a model call counts the same. Schema fields are permissive-request-schema’s job.',
    ),
    why: l(
      'LLM 호출의 비용과 지연은 입력 토큰 수에 비례하고, 모델마다 가격이 수십 배 다릅니다. 길이 제한과 모델 허용 목록이 없으면 요청 하나가 한 달 예산을 쓰거나 컨텍스트 초과 오류로 500이 됩니다(OWASP LLM10: 무제한 소비).',
      'An LLM call costs and takes time in proportion to its input tokens, and models differ in price by tens of times. With no length limit and no model allow-list, one request can spend a month’s budget or fail with a context overflow as a 500 (OWASP LLM10: unbounded consumption).',
    ),
    bad: "from flask import Flask, request\nfrom openai import OpenAI\n\napp = Flask(__name__)\nclient = OpenAI()\n\n@app.route('/ask', methods=['POST'])\ndef ask():\n    data = request.get_json()\n    question = data['question']\n    reply = client.chat.completions.create(model=data['model'], messages=[{'role': 'user', 'content': question}])\n    return {'answer': reply.choices[0].message.content}\n",
    good: "from flask import Flask, abort, request\nfrom openai import OpenAI\n\napp = Flask(__name__)\nclient = OpenAI()\nALLOWED_MODELS = {'gpt-4o-mini'}\nMAX_QUESTION_CHARS = 2000\n\n@app.route('/ask', methods=['POST'])\ndef ask():\n    data = request.get_json()\n    question = data['question']\n    # TODO: 너무 긴 질문과 모르는 모델에 어떤 상태 코드로 답할까요?\n    if len(question) > MAX_QUESTION_CHARS or data['model'] not in ALLOWED_MODELS:\n        abort(400)\n    reply = client.chat.completions.create(model=data['model'], messages=[{'role': 'user', 'content': question}], max_tokens=300)\n    return {'answer': reply.choices[0].message.content}\n",
  },
  weeks: ['beginner/5', 'advanced/4', 'advanced/6'],
  questions: [
    l(
      '누군가 프롬프트로 책 한 권 분량의 텍스트를 보내거나 가장 비싼 모델을 고르면, 이 요청 하나의 비용과 응답 시간은 얼마가 될까요?',
      'If someone sends a whole book as the prompt, or picks the most expensive model, what do this one request’s cost and response time become?',
    ),
    l(
      '이 엔드포인트가 불러도 되는 모델은 어떤 것들이고, 그 목록은 코드의 어디에 적혀 있나요?',
      'Which models may this endpoint call, and where in the code is that list written down?',
    ),
  ],
  scaffold: {
    ko: '# TODO: LLM에 가는 입력에 한도 두기\n# 고려사항:\n# - 프롬프트 최대 길이(문자 수나 토큰 수), 넘으면 400/413\n# - 모델 이름은 허용 목록(set, Enum, Literal)에서만\n# - 응답 길이도 max_tokens로 상한을\n# TODO: 한도를 설정 값으로 빼서 검사하기\n',
    en: '# TODO: put limits on what reaches the LLM\n# Consider:\n# - a maximum prompt length (characters or tokens), 400/413 beyond it\n# - model names only from an allow-list (a set, an Enum, a Literal)\n# - a cap on the answer too (max_tokens)\n# TODO: move the limits to settings and check them\n',
  },
  callees: LLM_CALLEES,
  // The same through a helper, in this module or another (`answer = generate_answer(question)`
  // in the route, the chat completion in my_agent.py): the handler is where the bound belongs.
  project(context) {
    const { view } = context;
    for (const [path, facts] of view.python) {
      const reported = new Set<string>();
      for (const call of facts.handlerCalls ?? []) {
        if (call.prompt === undefined || call.task || call.via !== 'call' || reported.has(call.handler)) continue;
        const reached = calledEffect(view, path, call.name, 'llm', call.scope);
        if (!reached) continue;
        reported.add(call.handler);
        context.report({
          path,
          range: call.promptAt ?? call.range,
          messageId: 'reached',
          data: { handler: call.handler, name: call.prompt, helper: call.name.split('.').pop() ?? call.name, call: `${reached.effect.what}()`, file: view.display(reached.path) },
          related: [{ path: reached.path, range: reached.effect.range, message: l('입력이 닿는 모델 호출', 'the model call the input reaches') }],
        });
      }
    }
  },
  check(context) {
    const { model } = context;
    const done = new Set<string>();
    // A Streamlit script has no request handlers; the guard keeps the pass out of the incremental
    // re-run after an edit inside a handler, which keeps findings outside handlers as they were.
    if (model.handlers.length === 0 && model.importsModule('streamlit')) streamlitInputs(context);
    for (const call of context.calls) {
      const handler = model.enclosingHandler(call.node);
      if (!handler) continue;
      const written = writtenCallee(model, call);
      const receiver = written.slice(0, written.lastIndexOf('.')).split('.').pop() ?? '';
      const hosted = HOSTED_CALL.test(call.callee ?? '') || HOSTED_CALL.test(written) || BARE_LLM.test(written) || LLM_OBJECT_CALL.test(call.callee ?? '');
      if (!hosted && !(CHAIN_METHOD.test(written) && CHAIN_RECEIVER.test(receiver))) continue;
      const input = requestDerived(model, handler);
      if (input.rawNames.size === 0 && input.names.size === 0 && !input.mentions(call.node.text)) continue;
      const modelArgument = keywordArgument(call.node, 'model');
      const chosen = modelArgument ? derivedName(input, modelArgument.text, false) : undefined;
      if (modelArgument && chosen && !done.has(`${handler.node.id}:model`) && !allowListed(input.text, chosen)) {
        done.add(`${handler.node.id}:model`);
        const at = sourceLine(model.source, handler.node.startIndex, input, chosen);
        context.report({
          ...(at ? { range: model.rangeOf(at[0], at[1]) } : { node: modelArgument }),
          messageId: 'model',
          data: { handler: handler.name, name: chosen, call: `${written}()` },
        });
      }
      if (done.has(`${handler.node.id}:prompt`) || lengthGuarded(input)) continue;
      // A Gradio text box bounds its own input (`gr.Textbox(max_length=...)`).
      if (handler.framework === 'gradio' && /\bmax_length\s*=/.test(model.source)) continue;
      const args = call.node.childForFieldName('arguments');
      const prompt = (args?.namedChildren ?? []).filter((a): a is Node => !!a && !(a.type === 'keyword_argument' && /^model\s*=/.test(a.text)));
      const name = prompt.map((a) => derivedName(input, a.text, true)).find((n) => n !== undefined);
      if (!name) continue;
      done.add(`${handler.node.id}:prompt`);
      const at = sourceLine(model.source, handler.node.startIndex, input, name);
      context.report({ ...(at ? { range: model.rangeOf(at[0], at[1]) } : { node: call.node }), messageId: 'prompt', data: { handler: handler.name, name, call: `${written}()` } });
    }
  },
});

/**
 * A Streamlit script answers each widget change by running again, so its text widgets are the
 * request: `prompt = st.chat_input(...)`, `if q := st.text_input(...)`, `st.text_area(...)`. A
 * widget with no `max_chars` whose value reaches a model call (named in its arguments, or appended
 * to the message list the call sends) with no length check is the same unbounded prompt. Secrets
 * and settings typed into a widget (a password field, an API key, a model name) are not prompts.
 */
const WIDGET =
  /^[ \t]*(?:(?:el)?if[ \t]+|while[ \t]+)?\(?[ \t]*([A-Za-z_]\w*)[ \t]*(?::=|=)[ \t]*(?:st|streamlit)\s*\.\s*(?:sidebar\s*\.\s*)?(chat_input|text_input|text_area)\s*\(/gm;
const SETTING_NAME = /key|token|secret|passw|url|path|model|name|dir|file|host|port|temperature/i;

function streamlitInputs(context: PythonContext): void {
  const { model } = context;
  const source = model.source;
  if (!/\b(chat_input|text_input|text_area)\s*\(/.test(source)) return;
  // All the file's calls: a model object called directly (`llm(prompt)`) has no resolved name to select it by.
  const llmCalls = model.calls.filter((call) => {
    return !model.enclosingHandler(call.node) && isLlmCall(model, call);
  });
  if (llmCalls.length === 0) return;
  const reported = new Set<string>();
  for (const m of source.matchAll(WIDGET)) {
    const name = m[1];
    const open = (m.index ?? 0) + m[0].length;
    const args = balanced(source, open);
    if (reported.has(name) || /\bmax_chars\s*=/.test(args) || /\btype\s*=\s*['"]password['"]/.test(args) || SETTING_NAME.test(name)) continue;
    const label = /^\s*(?:label\s*=\s*)?[rfRF]?(['"])(.*?)\1/.exec(args)?.[2] ?? '';
    if (/api[ _-]?key|token|password|secret|model|url|path/i.test(label)) continue;
    const word = new RegExp(`\\b${name}\\b`);
    if (
      new RegExp(`\\blen\\s*\\(\\s*${name}\\s*\\)|\\b${name}\\s*\\[\\s*:|\\b${name}\\s*=\\s*${name}\\s*\\[`).test(source) ||
      LENGTH_CONSTANT.test(source) ||
      /truncat|count_tokens|num_tokens/i.test(source)
    )
      continue;
    // A message list the name is appended to (`messages.append({"role": "user", "content": prompt})`).
    const appended = [...source.matchAll(new RegExp(`([\\w.\\[\\]"']+)\\s*\\.\\s*(?:append|extend)\\s*\\([^\\n]*\\b${name}\\b`, 'g'))].map((a) => a[1].split('.').pop() ?? a[1]);
    let call = llmCalls.find((c) => c.node.startIndex > (m.index ?? 0) && (word.test(c.node.text) || appended.some((list) => list.length > 2 && c.node.text.includes(list))));
    // Handed to a function of this file that calls the model (`new_message(value)`).
    call ??= llmCalls.find((c) => {
      const owner = c.inFunction?.childForFieldName('name')?.text;
      return owner !== undefined && new RegExp(`\\b${owner}\\s*\\([^)\\n]*\\b${name}\\b`).test(source.slice(m.index ?? 0));
    });
    if (!call) continue;
    reported.add(name);
    const start = (m.index ?? 0) + m[0].length - m[0].trimStart().length;
    context.report({ range: model.rangeOf(start, open + args.length + 1), messageId: 'widget', data: { name, call: `${writtenCallee(model, call)}()` } });
  }
}

/** The text of a call's arguments from just after its `(` to the matching `)` (bounded). */
function balanced(source: string, from: number): string {
  let depth = 1;
  for (let i = from; i < source.length && i < from + 2000; i++) {
    const c = source[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return source.slice(from, i);
  }
  return source.slice(from, from + 200);
}

/** `if name not in ALLOWED_MODELS`, `name in {"a", "b"}`, `MODELS[name]`: the value is checked against a list. */
function allowListed(text: string, name: string): boolean {
  if (ALLOWED_NAMES.test(text)) return true;
  const escaped = escapeRegExp(name);
  return new RegExp(`\\b${escaped}\\s+(not\\s+)?in\\s+[\\w.{[(]|\\[\\s*${escaped}\\s*\\]`).test(text);
}
