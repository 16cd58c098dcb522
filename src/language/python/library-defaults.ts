/**
 * Model classes built with no model name, which run their library's default model (shared by
 * unpinned-model-reference and the project facts: the default is fixed only where the project pins
 * the package that defines the class).
 */
import type { Node } from 'web-tree-sitter';
import { hasSplat, keywordArgument, type PythonModel } from './model';

/**
 * LangChain and LlamaIndex model classes that fall back to a library default when no model is named
 * (`ChatOpenAI()`, `OpenAI(temperature=0)`, `OpenAIEmbeddings()`, `Ollama()`). The OpenAI SDK's own
 * `openai.OpenAI()` is a client, not a model, and is not one of them.
 */
const LIBRARY_DEFAULT_MODEL =
  /^(langchain_openai|langchain_ollama|langchain\.(chat_models|llms|embeddings)|langchain_community\.(chat_models|llms|embeddings))(\.\w+)*\.(ChatOpenAI|OpenAI|OpenAIEmbeddings|Ollama|OllamaEmbeddings)$|^llama_index\.(llms\.openai|embeddings\.openai)(\.\w+)*\.(OpenAI|OpenAIEmbedding)$/;
/** Keywords that name the model (or the Azure deployment that stands for it). */
const MODEL_KEYWORDS = ['model', 'model_name', 'model_id', 'deployment_name', 'azure_deployment', 'deployment', 'engine'];

/** A cheap gate before the calls are read: the classes' names appear in the text. */
const LIBRARY_DEFAULT_HINT = /OpenAI|Ollama/;

/** The file's model classes built with no model name, in source order. */
export function libraryDefaultCalls(model: PythonModel): Node[] {
  if (!LIBRARY_DEFAULT_HINT.test(model.source)) return [];
  return model.calls.filter((call) => LIBRARY_DEFAULT_MODEL.test(call.callee ?? '') && namesNoModel(call.node)).map((call) => call.node);
}

/** No model keyword, no positional argument and no `**kwargs` that could carry one. */
export function namesNoModel(call: Node): boolean {
  if (hasSplat(call)) return false;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.some((a) => a.type !== 'keyword_argument')) return false;
  return !MODEL_KEYWORDS.some((k) => keywordArgument(call, k));
}

/**
 * The distribution that defines a library-default class, whose version decides the default:
 * `langchain_openai.OpenAIEmbeddings` -> `langchain-openai`, `llama_index.embeddings.openai.OpenAIEmbedding`
 * -> `llama-index-embeddings-openai`. `langchain.embeddings` re-exports langchain-community's classes.
 */
export function definingPackage(callee: string): string {
  const split = /^llama_index\.(llms|embeddings)\.openai\b/.exec(callee);
  if (split) return `llama-index-${split[1]}-openai`;
  if (callee.startsWith('langchain.')) return 'langchain-community';
  return callee.split('.')[0].replace(/_/g, '-');
}

/**
 * A file whose library-default classes are all embeddings: where the finding goes (0-based) and
 * the packages that define them. An embeddings default is one fixed model of the pinned release
 * (`text-embedding-ada-002`); a chat or completion default is a provider alias (`gpt-3.5-turbo`,
 * a retired `text-davinci-003`) or an untagged Ollama name, which moves whatever the release.
 */
export function libraryDefaultFacts(model: PythonModel): { libraryDefaults?: { line: number; packages: string[] } } {
  if (!LIBRARY_DEFAULT_HINT.test(model.source)) return {};
  const calls = model.calls.filter((call) => LIBRARY_DEFAULT_MODEL.test(call.callee ?? '') && namesNoModel(call.node));
  if (calls.length === 0 || !calls.every((call) => /\.OpenAIEmbeddings?$/.test(call.callee!))) return {};
  return { libraryDefaults: { line: calls[0].node.startPosition.row, packages: [...new Set(calls.map((call) => definingPackage(call.callee!)))] } };
}
