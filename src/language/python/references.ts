import type { Node } from 'web-tree-sitter';
import { keywordArgument, stringValue, type PythonModel } from './model';
import { assignmentAt } from './scan';

/**
 * What a model reference resolves to: a literal at the call, a constant assigned in the file
 * (`MODEL_ID = "org/name"`), or the default of an environment lookup (`os.getenv("MODEL",
 * "org/name")`). Hub ids are told apart from local paths, and ids without an organisation
 * (`bert-base-uncased`) from local folder names.
 */

export interface ResolvedString {
  readonly value: string;
  /** Where the literal is written (the constant's value, the lookup's default), for the report. */
  readonly node: Node;
  readonly via: 'literal' | 'constant' | 'env-default';
  /** The constant or environment variable it came through. */
  readonly name?: string;
}

const constants = new WeakMap<PythonModel, Map<string, ResolvedString>>();

/**
 * Names bound to a string literal or to an environment lookup with a string default (last binding
 * wins), anywhere in the file: a statement view (incremental.ts) reads the whole file's too.
 */
export function stringConstants(view: PythonModel): Map<string, ResolvedString> {
  const model = view.whole;
  let found = constants.get(model);
  if (found) return found;
  found = new Map();
  constants.set(model, found);
  // `self.model_name = "distilbert-base-uncased"` in `__init__`, read as `self.model_name` by a method:
  // an attribute given one string in the whole file (given two, which one a call reads is unknown).
  const ambiguous = new Set<string>();
  for (const assignment of model.assignments) {
    const target = assignmentAt(model.source, assignment.startIndex)?.target;
    if (!target || !/^(self\.)?[A-Za-z_]\w*$/.test(target)) continue;
    const right = assignment.childForFieldName('right');
    if (!right) continue;
    const attribute = target.startsWith('self.');
    if (attribute && (found.has(target) || ambiguous.has(target) || right.type !== 'string')) {
      ambiguous.add(target);
      found.delete(target);
      continue;
    }
    if (right.type === 'string') {
      const value = stringValue(right);
      if (value !== undefined) found.set(target, { value, node: right, via: 'constant', name: attribute ? target.slice(5) : target });
    } else if (right.type === 'call' && /^os\.(getenv|environ\.get)$/.test(model.callOf(right)?.callee ?? '')) {
      const [key, fallback] = right.childForFieldName('arguments')?.namedChildren ?? [];
      const value = fallback ? stringValue(fallback) : undefined;
      if (fallback && value !== undefined) found.set(target, { value, node: fallback, via: 'env-default', name: (key && stringValue(key)) ?? target });
    }
  }
  return found;
}

/** The string an argument stands for, through one constant or environment default. */
export function resolveString(model: PythonModel, node: Node | undefined): ResolvedString | undefined {
  if (!node) return undefined;
  if (node.type === 'string') {
    const value = stringValue(node);
    return value === undefined ? undefined : { value, node, via: 'literal' };
  }
  if (node.type === 'identifier' || (node.type === 'attribute' && /^self\.\w+$/.test(node.text))) return stringConstants(model).get(node.text);
  if (node.type === 'call' && /^os\.(getenv|environ\.get)$/.test(model.callOf(node)?.callee ?? '')) {
    const [key, fallback] = node.childForFieldName('arguments')?.namedChildren ?? [];
    const value = fallback ? stringValue(fallback) : undefined;
    return fallback && value !== undefined ? { value, node: fallback, via: 'env-default', name: key ? stringValue(key) : undefined } : undefined;
  }
  return undefined;
}

/** `org/name` on the Hub; local paths start with `.`, `/`, `~` or hold more than one slash. */
export const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
/**
 * Legacy Hub ids without an organisation (`bert-base-uncased`, `gpt2`, `t5-small`,
 * `all-MiniLM-L6-v2`): a known model family, so not a local folder name.
 */
export const ORGLESS_ID =
  /^(bert|distilbert|roberta|distilroberta|xlm|xlnet|albert|electra|bart|t5|mt5|gpt2|gpt-neo|openai-gpt|ctrl|camembert|flaubert|deberta|longformer|bigbird|pegasus|mbart|marian|funnel|layoutlm|wav2vec2|whisper|vit|clip|all-minilm|all-mpnet|paraphrase|multi-qa|msmarco|sentence-t5|bge|e5|gte)(-[\w.-]+)?$/i;
export const HEX_REVISION = /^[0-9a-f]{7,40}$/;

/** The revision keyword of a Hub call, resolved; `pinned` when it is a hash or cannot be read here. */
export function revisionOf(model: PythonModel, call: Node): { pinned: boolean; value?: string } {
  const revision = keywordArgument(call, 'revision') ?? keywordArgument(call, 'commit_id') ?? keywordArgument(call, 'commit_hash');
  if (!revision) return { pinned: false };
  const resolved = resolveString(model, revision);
  // A revision from configuration or the environment without a default cannot be judged here.
  if (!resolved) return { pinned: true };
  return { pinned: HEX_REVISION.test(resolved.value), value: resolved.value };
}

/**
 * `def load(model_name="org/name"): AutoModel.from_pretrained(model_name)`: the enclosing function's
 * parameter, when the name is one, with its string default. The parameter shadows any module constant.
 */
export function parameterDefault(arg: Node | undefined): ResolvedString | undefined {
  if (arg?.type !== 'identifier') return undefined;
  let fn = arg.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  for (const parameter of fn?.childForFieldName('parameters')?.namedChildren ?? []) {
    if (parameter?.type !== 'default_parameter' && parameter?.type !== 'typed_default_parameter') continue;
    if (parameter.childForFieldName('name')?.text !== arg.text) continue;
    const value = parameter.childForFieldName('value');
    const text = value?.type === 'string' ? stringValue(value) : undefined;
    return value && text !== undefined ? { value: text, node: value, via: 'constant', name: arg.text } : undefined;
  }
  return undefined;
}
