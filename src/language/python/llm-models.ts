import type { Node } from 'web-tree-sitter';
import { keywordArgument, stringValue, subjectArgument, type PythonModel } from './model';
import { parameterDefault, resolveString } from './references';

/**
 * LLM model names written in code that name a moving alias instead of a version: a provider
 * alias with no dated snapshot (`gpt-4o-mini`, `claude-sonnet-4-5`, `gemini-1.5-flash`) or an
 * Ollama name with no tag (`llama3`, `mistral`, `nomic-embed-text:latest`), which Ollama resolves
 * to `:latest`. The name is read where the code writes it: the literal at the call, a module
 * constant, or a function parameter's default. A name read from the environment is configured,
 * whatever its default, and is left alone.
 */

/**
 * OpenAI chat models without a dated snapshot (`gpt-4o-2024-08-06` and `gpt-4-0613` are pinned).
 * `-turbo-preview` is `-turbo` then `-preview`: listed as one suffix too, it let a long name split
 * two ways at each of them (exponential).
 */
const OPENAI_ALIAS = /^(gpt-(3\.5|4|4o|4\.1|4\.5|5)(-(turbo|mini|nano|16k|32k|instruct|preview|vision-preview))*|o[134](-(mini|pro|preview))?|chatgpt-4o)$/;
/** Anthropic's undated aliases of the 4.x family (`claude-sonnet-4-5`, `claude-opus-4-1`); dated ids end in `-YYYYMMDD`. */
const ANTHROPIC_ALIAS = /^claude-(opus|sonnet|haiku)-\d+(-\d)?$/;
/** Gemini names that Google documents as aliases of the newest stable version (`gemini-1.5-flash` -> `-002`). */
const GEMINI_ALIAS = /^(models\/)?gemini-(pro|pro-vision|1\.0-pro|1\.5-(pro|flash|flash-8b)|2\.0-flash(-lite)?)$/;
/**
 * Open-weight models as a hosted provider names them (Groq's `llama-3.3-70b-versatile`,
 * `llama3-70b-8192`, `gemma2-9b-it`, `mixtral-8x7b-32768`; DeepSeek's `deepseek-chat`): the
 * provider swaps the weights behind the name and retires it on its own schedule.
 */
const HOSTED_OPEN_ALIAS =
  /^(llama-3\.[0-9]-\d+b-(versatile|instant|specdec)|llama3-(8|70)b-8192|llama3-groq-\d+b-[\w-]+|mixtral-8x7b-32768|gemma2?-\d+b-it|deepseek-(chat|reasoner|coder))$/;
/** An Ollama library name with no tag, or `:latest`; `org/name` and `hf.co/...` are other registries. */
const OLLAMA_UNTAGGED = /^[a-z][\w.-]*(:latest)?$/i;

/** Calls that name a model through one of these keywords. */
const MODEL_KEYWORDS = ['model', 'model_name', 'engine'];
/**
 * Calls that take the model as their first argument: Gemini's `GenerativeModel("gemini-pro")`,
 * LangChain's `init_chat_model("openai:gpt-4o-mini")` and LangGraph's `create_react_agent("anthropic:...", tools)`.
 */
const POSITIONAL_MODEL = /(^|\.)(GenerativeModel|init_chat_model|init_embeddings|create_react_agent|create_agent)$/;
/**
 * The `provider:` prefix of LangChain's `init_chat_model` / LangGraph and pydantic-ai model strings
 * (`openai:gpt-5-nano`, `anthropic:claude-sonnet-4-5`, `google_genai:gemini-2.0-flash`): the name after it is the alias.
 * Ollama's prefix is left out: after `ollama:` a name's own `:tag` cannot be told from the prefix.
 */
const PROVIDER_PREFIX =
  /^(openai|azure_openai|anthropic|google_genai|google_vertexai|google-gla|google-vertex|groq|mistralai|deepseek|bedrock|bedrock_converse|together|fireworks):/;
/** An Ollama client call or a LangChain/LlamaIndex/Chroma wrapper of one (`ollama.chat`, `ChatOllama`, `OllamaEmbeddings`). */
const OLLAMA_CALL = /ollama/i;
/** Ollama's REST API: a `requests.post(f"{OLLAMA_URL}/api/generate", json={"model": ...})` names the model in its body. */
const OLLAMA_ENDPOINT = /\/api\/(generate|chat|embeddings|embed)\b/;

export interface HardcodedAlias {
  /** Where the name is written: the literal, the constant's value or the parameter's default. */
  readonly node: Node;
  readonly ref: string;
  readonly provider: 'ollama' | 'provider';
  /** The module constant it is written in, when it is not written at the call. */
  readonly constant?: string;
  /**
   * Written in a function's body and named from another top-level statement (a name bound in one
   * function, read in another or at module level): the finding is not its statement's own.
   */
  readonly across?: boolean;
}

/** A cheap test on the file's text: without a provider's name no call needs reading. */
const PROVIDER_HINT = /gpt-|claude-|gemini-|ollama|o[134]-|chatgpt|llama|mixtral|gemma|deepseek/i;

/** A hosted provider's moving name for a model (not an Ollama name, which is told by the call). */
function isProviderAlias(full: string): boolean {
  const ref = full.replace(PROVIDER_PREFIX, '');
  return OPENAI_ALIAS.test(ref) || ANTHROPIC_ALIAS.test(ref) || GEMINI_ALIAS.test(ref) || HOSTED_OPEN_ALIAS.test(ref);
}

export function hardcodedModelAliases(model: PythonModel): HardcodedAlias[] {
  if (!model.linesMatch(PROVIDER_HINT)) return [];
  const found = new Map<number, HardcodedAlias>();
  const consider = (value: Node | undefined, ollama: boolean) => {
    const parameter = parameterDefault(value);
    const resolved = parameter ?? resolveString(model, value);
    // A name from the environment is configuration; its default is for local runs.
    if (!resolved || resolved.via === 'env-default') return;
    const ref = resolved.value;
    const provider = isProviderAlias(ref) ? 'provider' : ollama && OLLAMA_UNTAGGED.test(ref) ? 'ollama' : undefined;
    const constant = resolved.via === 'constant' && value?.type === 'identifier' && !parameter ? resolved.name : undefined;
    if (!provider) return;
    const across = found.get(resolved.node.startIndex)?.across || (value !== undefined && inFunctionElsewhere(resolved.node, value));
    found.set(resolved.node.startIndex, { node: resolved.node, ref, provider, constant, ...(across ? { across } : {}) });
  };
  for (const call of model.calls) {
    const node = call.node;
    const callee = call.callee ?? '';
    const text = node.text;
    const ollama = OLLAMA_CALL.test(callee);
    if (POSITIONAL_MODEL.test(callee)) consider(subjectArgument(node, /GenerativeModel$/.test(callee) ? 'model_name' : 'model'), false);
    for (const name of MODEL_KEYWORDS) if (text.includes(name)) consider(keywordArgument(node, name), ollama);
  }
  // A JSON body (`json={"model": "llama3", ...}`, or `payload = {"model": "gpt-4o"}` sent later):
  // an Ollama name when the function that builds it calls Ollama's REST API, a provider alias by its name anywhere.
  const ollamaApi = OLLAMA_ENDPOINT.test(model.source);
  for (const pair of model.pairs) {
    const key = pair.childForFieldName('key');
    if (key?.type === 'string' && stringValue(key) === 'model')
      consider(pair.childForFieldName('value') ?? undefined, ollamaApi && OLLAMA_ENDPOINT.test(enclosingScope(pair).text));
  }
  // A module constant holding a provider alias names the model for every module that imports it
  // (`OPENAI_LLM = "gpt-4o"` in constants.py, `ChatOpenAI(model=OPENAI_LLM)` elsewhere), unless
  // the file hands it to an environment lookup as the default.
  for (const assignment of model.assignments) {
    if (assignment.parent?.type !== 'expression_statement' || assignment.parent.parent?.type !== 'module') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'string' || found.has(right.startIndex)) continue;
    const ref = stringValue(right);
    if (!ref || !isProviderAlias(ref)) continue;
    if (new RegExp(`\\b(getenv|get)\\([^)\\n]*\\b${left.text}\\b`).test(model.whole.source)) continue;
    found.set(right.startIndex, { node: right, ref, provider: 'provider', constant: left.text });
  }
  return [...found.values()];
}

/**
 * What a statement's findings read outside it: the module constants that hold an alias a call
 * names, and whether the file calls Ollama's REST API (statementFact of unpinned-model-reference).
 * Undefined when an alias written in a function's body is named from another top-level statement:
 * an edit of that body re-reads its own calls only and would lose the finding.
 */
export function aliasFact(model: PythonModel): string | undefined {
  const aliases = hardcodedModelAliases(model);
  if (aliases.some((alias) => alias.across)) return undefined;
  const constants = aliases.filter((alias) => alias.constant).map((alias) => `${alias.constant}=${alias.ref}`);
  return `${OLLAMA_ENDPOINT.test(model.source)}:${[...new Set(constants)].sort().join(',')}`;
}

/** Is `written` inside a function's body and in another top-level statement than `use`? */
function inFunctionElsewhere(written: Node, use: Node): boolean {
  let top = written;
  let inFunction = written.type === 'function_definition';
  for (; top.parent && top.parent.type !== 'module'; top = top.parent) if (top.parent.type === 'function_definition') inFunction = true;
  if (!inFunction) return false;
  let other = use;
  while (other.parent && other.parent.type !== 'module') other = other.parent;
  return top.startIndex !== other.startIndex;
}

/** The function that holds `node`, or its top-level statement. */
function enclosingScope(node: Node): Node {
  let at = node;
  while (at.parent && at.type !== 'function_definition' && at.parent.type !== 'module') at = at.parent;
  return at;
}
