import type { Node } from 'web-tree-sitter';
import { hasSplat, keywordArgument, stringValue, subjectArgument, type PythonModel } from './model';
import { HUB_ID, ORGLESS_ID } from './references';

/**
 * Calls that download a model from the Hugging Face Hub, shared by unpinned-model-reference and
 * the project facts (a Hub id held in a constant of another module, python-facts.ts).
 */

export const HF_MODULES =
  /^(transformers|huggingface_hub|diffusers|peft|sentence_transformers|datasets|timm|optimum|accelerate|chronos|open_clip|setfit|gliner|span_marker|unsloth|trl|tokenizers)\b/;
export const HF_LOADERS = /(^|\.)(from_pretrained|hf_hub_download|snapshot_download|load_dataset|SentenceTransformer|pipeline)$/;
/**
 * Wrappers that download a Hub model by `model_name` on construction: LangChain's and
 * LlamaIndex's local Hugging Face embeddings, Chroma's sentence-transformers embedding function
 * and the sentence-transformers cross-encoder (the
 * hosted `HuggingFaceEndpointEmbeddings` downloads nothing). Judged by the resolved import, so a
 * project class of the same name is not one.
 */
export const HUB_WRAPPERS =
  /^(langchain_huggingface|langchain_community\.embeddings|langchain\.embeddings|llama_index\.embeddings\.huggingface)(\.\w+)*\.(HuggingFaceEmbeddings|HuggingFaceBgeEmbeddings|HuggingFaceInstructEmbeddings|SentenceTransformerEmbeddings|HuggingFaceEmbedding)$|^sentence_transformers(\.cross_encoder)?\.CrossEncoder$|^chromadb\.utils\.embedding_functions(\.\w+)*\.(SentenceTransformerEmbeddingFunction|InstructorEmbeddingFunction)$/;

/**
 * `from_pretrained` is the Hub's loading convention well beyond transformers (Chronos, diffusers,
 * PEFT, project wrappers): any class's, judged by what it is given. timm and open_clip name a Hub
 * model with an `hf-hub:` prefix.
 */
export const ANY_FROM_PRETRAINED = /(^|\.)from_pretrained$/;
export const HF_HUB_PREFIXED = /(^|\.)(create_model|create_model_and_transforms|create_model_from_pretrained)$/;
/** `torch.hub.load("owner/repo", "model")` fetches a GitHub repository's default branch unless given `owner/repo:tag`. */
export const TORCH_HUB = /^torch\.hub\.load$/;
/** PEFT loads an adapter onto a base model: the adapter's id is the second argument. */
export const PEFT_ADAPTER = /(^|\.)PeftModel(For\w+)?\.from_pretrained$/;

/** A call that downloads from the Hugging Face Hub. */
export function isHubLoad(callee: string, usesHub: boolean): boolean {
  return (usesHub && HF_LOADERS.test(callee)) || HUB_WRAPPERS.test(callee) || ANY_FROM_PRETRAINED.test(callee) || HF_HUB_PREFIXED.test(callee) || TORCH_HUB.test(callee);
}

/** `isHubLoad` as `callsNamed` patterns, without and with a Hugging Face import: one lookup in the file's call index, shared by the rule and the project facts. */
export const HUB_LOADS = [HUB_WRAPPERS, ANY_FROM_PRETRAINED, HF_HUB_PREFIXED, TORCH_HUB];
export const HUB_LOADS_WITH_MODULES = [HF_LOADERS, ...HUB_LOADS];

/** Local folders: relative, absolute or home paths. */
const LOCAL_PATH = /^(\.|\/|~)/;

/** The argument a Hub load names its model with (`from_pretrained(x)`, `pipeline(model=x)`, a wrapper's `model_name=x`). */
function hubSubject(call: Node, callee: string): Node | undefined {
  if (TORCH_HUB.test(callee)) return undefined;
  if (/pipeline$/.test(callee)) return keywordArgument(call, 'model');
  if (PEFT_ADAPTER.test(callee)) return undefined;
  const keyword =
    HUB_WRAPPERS.test(callee) || HF_HUB_PREFIXED.test(callee)
      ? 'model_name'
      : /download$/.test(callee)
        ? 'repo_id'
        : /load_dataset$/.test(callee)
          ? undefined
          : 'pretrained_model_name_or_path';
  return keyword ? subjectArgument(call, keyword) : undefined;
}

/**
 * Hub loads whose model is a bare name this file imports (`from config import MODEL_NAME`), with
 * no revision and no spread arguments: what the name holds is in another module, for the project pass.
 */
export function importedNameHubLoads(model: PythonModel): { line: number; name: string }[] {
  const usesHub = [...model.imports.values()].some((target) => HF_MODULES.test(target));
  const found: { line: number; name: string }[] = [];
  for (const call of model.callsNamed(usesHub ? HUB_LOADS_WITH_MODULES : HUB_LOADS)) {
    const subject = hubSubject(call.node, call.callee ?? '');
    if (subject?.type !== 'identifier' || !model.imports.has(subject.text)) continue;
    if (keywordArgument(call.node, 'revision') || hasSplat(call.node)) continue;
    found.push({ line: call.node.startPosition.row, name: subject.text });
  }
  return found;
}

/** Module-level constants holding a Hub model id (`MODEL_NAME = "org/name"`, `"bert-base-uncased"`), by name. */
export function hubIdConstants(model: PythonModel): { name: string; line: number; value: string }[] {
  const found: { name: string; line: number; value: string }[] = [];
  for (const assignment of model.assignments) {
    if (assignment.parent?.parent?.type !== 'module') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'string' || right.namedChildren.some((c) => c?.type === 'interpolation')) continue;
    const value = stringValue(right);
    if (value === undefined || LOCAL_PATH.test(value) || !(HUB_ID.test(value) || ORGLESS_ID.test(value))) continue;
    found.push({ name: left.text, line: right.startPosition.row, value });
  }
  return found;
}
