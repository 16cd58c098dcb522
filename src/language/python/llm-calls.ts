import { firstStartingAt, writtenCallee } from './nodes';
import type { CallInfo, PythonModel } from './model';
import type { RequestDerived } from './request-derived';

/**
 * What counts as a call to a language model, for the rules about prompts (unchecked-llm-input)
 * and for the project facts that follow a handler's call into the helper that makes it.
 */

/** Hosted-model calls: OpenAI (old and new clients, its image generation too), Anthropic, Gemini, Ollama, LiteLLM. */
export const HOSTED_CALL =
  /(^|\.)(ChatCompletion|Completion)\.a?create$|(^|\.)(chat\.)?completions\.create$|\.messages\.create$|\.responses\.create$|\.images\.(generate|edit)$|\.generate_content$|^ollama\.(chat|generate)$|^litellm\.a?completion$/;
/** Methods that run a chain, an agent or a generator, on a receiver named like one (`acall`, `arun`, `apredict`: LangChain's older API, still common). */
export const CHAIN_METHOD = /\.(invoke|ainvoke|stream|astream|generate|chat|complete|run|arun|acall|apredict|query)$/;
/** A model object called directly, the older LangChain style: `llm(prompt)`, `chat_llm(messages)`. */
export const BARE_LLM = /^(llm|\w+_llm|llm_\w+|chat_model)$/i;
/**
 * An LLM or chain object of a model library called directly, by the class it was built from
 * (`llm = OpenAI(...)` then `llm(prompt)`, `qa = RetrievalQA.from_chain_type(...)` then
 * `qa({"query": q})`): the resolved name is the class's `__call__`, whatever the variable is named.
 */
export const LLM_OBJECT_CALL = /^(langchain\w*|llama_index\w*|llama_cpp|gpt4all|ctransformers)(\.\w+)*\.__call__$/;
/** The calls that send a prompt to a model, as a rule's `callees`: hosted clients, chain methods, bare `llm(...)`, framework objects called. */
export const LLM_CALLEES = [HOSTED_CALL, CHAIN_METHOD, BARE_LLM, LLM_OBJECT_CALL];
export const CHAIN_RECEIVER = /llm|chain|chat|agent|rag|qa|gpt|openai|ollama|gemini|claude|generator|completion|engine/i;

/** Is this call a language-model call (a hosted API, a chain or agent run, a model object called)? */
export function isLlmCall(model: PythonModel, call: CallInfo): boolean {
  const written = writtenCallee(model, call);
  const receiver = written.slice(0, written.lastIndexOf('.')).split('.').pop() ?? '';
  return (
    HOSTED_CALL.test(call.callee ?? '') ||
    HOSTED_CALL.test(written) ||
    BARE_LLM.test(written) ||
    LLM_OBJECT_CALL.test(call.callee ?? '') ||
    (CHAIN_METHOD.test(written) && CHAIN_RECEIVER.test(receiver))
  );
}

/** A length bound or a truncation anywhere in the handler. */
const LENGTH_GUARD = /\blen\s*\(|\[\s*:\s*[\w.]+\s*\]|truncat|max_length|max_chars|textwrap\.shorten|count_tokens|num_tokens/i;
/** A constant that bounds the input (`MAX_PROMPT_LENGTH`, `MAX_INPUT_TOKENS`); `max_tokens`/`MAX_NEW_TOKENS` bound the answer. */
export const LENGTH_CONSTANT = /\bMAX_(?!(NEW_|OUTPUT_|COMPLETION_|RESPONSE_)?TOKENS\b)\w*(LEN|LENGTH|CHARS|TOKENS)\b/;

/**
 * A length bound or a truncation in the handler; a `len(...)` counts when it measures the client's
 * input (`len(prompt) > 4000`), not another list (`if len(history) > 6: history = history[2:]`).
 */
export function lengthGuarded(input: RequestDerived): boolean {
  const text = input.text.replace(/\blen\s*\(([^()\n]*)\)/g, (all, argument: string) => (input.mentions(argument) ? all : 'size(_)'));
  return LENGTH_GUARD.test(text) || LENGTH_CONSTANT.test(text);
}

/** The request-derived name (or the read itself) an expression holds, if any. */
export function derivedName(input: RequestDerived, expression: string, rawOnly: boolean): string | undefined {
  if (!(rawOnly ? input.mentionsRaw(expression) : input.mentions(expression))) return undefined;
  for (const name of rawOnly ? input.rawNames : input.names) if (new RegExp(`\\b${name}\\b`).test(expression)) return name;
  return /\brequest\s*\.\s*[\w.]+(\s*\([^)]*\))?(\s*\[[^\]]*\])?/.exec(expression)?.[0] ?? expression.slice(0, 40);
}

/** Where the name was first assigned in the handler (the line that reads it from the request). */
export function sourceLine(source: string, handlerStart: number, input: RequestDerived, name: string): [number, number] | undefined {
  if (!/^\w+$/.test(name)) return undefined;
  // The first line that fills the name from the input (`messages.append({... prompt})` after
  // `messages = [system]`), else its first assignment.
  const lines = [...input.text.matchAll(new RegExp(`^[ \\t]*${name}(?:[ \\t]*(?::[^=\\n]+)?=(?!=)|\\.(?:append|extend|insert)\\()[^\\n]*`, 'gm'))];
  const match = lines.find((m) => input.mentions(m[0].replace(/^[^=(]*[=(]/, ''))) ?? lines.find((m) => !/^[ \t]*\w+\./.test(m[0]));
  if (!match) return undefined;
  // The handler text had its comments removed, which keeps every line's start where it was only
  // up to the first comment; find the same line in the real source from the handler's start.
  const at = source.indexOf(match[0].trim(), handlerStart);
  return at === -1 ? undefined : [at, at + match[0].trim().length];
}

/** The callee as written at the start of a call's text (`writtenCallee` before its fallback to the resolved name). */
const WRITTEN = /^[A-Za-z_][\w.]*/;

/**
 * The calls of the file `isLlmCall` may accept, in document order: a superset, for a whole-file
 * scan that then asks `isLlmCall` of these alone. A call is one by its resolved name (`HOSTED_CALL`,
 * `LLM_OBJECT_CALL`, through the call index) or by its text (the other tests read the callee as
 * written, or the resolved name when the text does not start with one). The second part is found
 * per top-level statement from its text alone (`perStatement`, kept across re-lints for the
 * statements an edit left alone), as the ordinals of its calls: the same statement text holds the
 * same calls in the same order.
 */
export function llmCallCandidates(model: PythonModel): CallInfo[] {
  const calls = model.calls;
  const source = model.source;
  const firstFrom = (index: number) => firstStartingAt(calls, index, (call) => call.node);
  const statements = model.statements;
  const byText = model.perStatement('llm-call candidates', (statement): readonly number[] => {
    const found: number[] = [];
    const end = statement.endIndex;
    for (let i = firstFrom(statement.startIndex), ordinal = 0; i < calls.length && calls[i].node.startIndex < end; i++, ordinal++) {
      const start = calls[i].node.startIndex;
      const written = WRITTEN.exec(source.slice(start, Math.min(start + 120, calls[i].node.endIndex)))?.[0];
      if (
        written === undefined ||
        HOSTED_CALL.test(written) ||
        BARE_LLM.test(written) ||
        (CHAIN_METHOD.test(written) && CHAIN_RECEIVER.test(written.slice(0, written.lastIndexOf('.')).split('.').pop() ?? ''))
      ) {
        found.push(ordinal);
      }
    }
    return found;
  });
  const picked = new Set<number>();
  byText.forEach((ordinals, k) => {
    if (ordinals.length === 0) return;
    const first = firstFrom(statements[k].startIndex);
    for (const ordinal of ordinals) picked.add(first + ordinal);
  });
  for (const call of model.callsNamed(RESOLVED_LLM)) {
    for (let i = firstFrom(call.node.startIndex); i < calls.length; i++) {
      if (calls[i] === call) {
        picked.add(i);
        break;
      }
    }
  }
  return [...picked].sort((a, b) => a - b).map((i) => calls[i]);
}
const RESOLVED_LLM = [HOSTED_CALL, LLM_OBJECT_CALL];
