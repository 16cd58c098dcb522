import type { Node } from 'web-tree-sitter';
import type { HandlerInfo } from './model';
import { isAsync } from './nodes';

/**
 * Model servers that call a script's hooks once per request, so each hook answers a request like
 * a route: SageMaker's inference toolkits (`input_fn`, `predict_fn`, `output_fn`, `transform_fn`
 * beside `model_fn`), TorchServe handler classes (`handle`, `preprocess`, `inference`,
 * `postprocess` of a `BaseHandler` subclass), KServe models (`predict`, `preprocess`,
 * `postprocess`, `explain` of a `kserve.Model` subclass), Triton's Python backend
 * (`TritonPythonModel.execute`) and Cog predictors (`BasePredictor.predict`). The load hooks
 * (`model_fn`, `initialize`, `load`, `setup`) run once per worker and are not handlers.
 *
 * The server itself catches what a hook raises, logs the traceback and answers an error status,
 * so the rules that ask "does a failure reach a log?" leave these hooks alone; what a hook does
 * with the client's bytes (decode, fetch, trust) is the hook's own.
 */

/** What the model hands over: imports and nodes, without a dependency on the model class. */
export interface HookSource {
  readonly source: string;
  readonly classes: readonly Node[];
  readonly functions: readonly Node[];
  importsModule(module: string): boolean;
}

/** SageMaker hooks by name, and the position of the parameter holding the request body. */
const SAGEMAKER_HOOKS: Readonly<Record<string, number | undefined>> = { input_fn: 0, transform_fn: 1, predict_fn: undefined, output_fn: undefined };
/** A SageMaker inference script defines its loader (or the all-in-one transform) at module level. */
const SAGEMAKER_SCRIPT = /^def[ \t]+(?:model_fn|transform_fn)[ \t]*\(/m;

interface ClassServer {
  /** Base classes (last dotted segment) that make a class this server's model. */
  readonly base: RegExp;
  /** A module the file imports, when the base name alone is too common (`Model`). */
  readonly module?: string;
  /** Per-request methods, and whether the first parameter after `self` is the raw request payload. */
  readonly methods: Readonly<Record<string, boolean>>;
}

const CLASS_SERVERS: readonly ClassServer[] = [
  {
    base: /^(BaseHandler|ImageClassifier|ImageSegmenter|ObjectDetector|TextClassifier|VisionHandler|TextHandler|DenseNetHandler)$/,
    module: 'ts',
    methods: { handle: true, preprocess: true, inference: false, postprocess: false },
  },
  { base: /^Model$/, module: 'kserve', methods: { predict: true, preprocess: true, postprocess: false, explain: true } },
  { base: /^BasePredictor$/, module: 'cog', methods: { predict: false } },
];

/** Does this file hold a model server's per-request hooks? Cheap text tests first. */
export function servesModelHooks(file: HookSource, bases: (cls: Node) => string[]): boolean {
  if (SAGEMAKER_SCRIPT.test(file.source) && file.functions.some((fn) => sagemakerHook(fn) !== undefined)) return true;
  if (/\bclass[ \t]+TritonPythonModel\b/.test(file.source)) return true;
  return file.classes.some((cls) => classServer(file, bases(cls)) !== undefined);
}

/** The hooks of this file as handlers, skipping those already known. */
export function modelServerHandlers(file: HookSource, bases: (cls: Node) => string[], seen: Set<number>): HandlerInfo[] {
  const found: HandlerInfo[] = [];
  const add = (fn: Node, name: string, payloadIndex: number | undefined) => {
    if (seen.has(fn.id)) return;
    seen.add(fn.id);
    const payload = payloadIndex === undefined ? undefined : parameterNames(fn)[payloadIndex];
    found.push({ node: fn, name, isAsync: isAsync(fn), framework: 'model-server', ...(payload ? { payload } : {}) });
  };
  if (SAGEMAKER_SCRIPT.test(file.source)) {
    for (const fn of file.functions) {
      const hook = sagemakerHook(fn);
      if (hook) add(fn, hook, SAGEMAKER_HOOKS[hook]);
    }
  }
  for (const cls of file.classes) {
    const className = cls.childForFieldName('name')?.text ?? '?';
    const triton = className === 'TritonPythonModel';
    const server = triton ? undefined : classServer(file, bases(cls));
    if (!triton && !server) continue;
    const body = cls.childForFieldName('body')?.namedChildren ?? [];
    const members = new Set(body.map((m) => (m?.type === 'decorated_definition' ? m.childForFieldName('definition') : m)?.childForFieldName('name')?.text));
    for (const member of body) {
      const fn = member?.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
      if (fn?.type !== 'function_definition') continue;
      const name = fn.childForFieldName('name')?.text ?? '';
      let payload = triton ? (name === 'execute' ? false : undefined) : server!.methods[name];
      if (payload === undefined) continue;
      // A `handle` that passes the batch on to its own `preprocess` leaves the reading to it.
      if (name === 'handle' && members.has('preprocess')) payload = false;
      add(fn, `${className}.${name}`, payload ? 1 : undefined);
    }
  }
  return found;
}

function sagemakerHook(fn: Node): string | undefined {
  const owner = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  const name = fn.childForFieldName('name')?.text ?? '';
  return owner?.type === 'module' && Object.hasOwn(SAGEMAKER_HOOKS, name) ? name : undefined;
}

function classServer(file: HookSource, bases: readonly string[]): ClassServer | undefined {
  return CLASS_SERVERS.find((s) => bases.some((b) => s.base.test(b)) && (s.module === undefined || file.importsModule(s.module)));
}

/** Parameter names in order (`self` included), without annotations and defaults. */
function parameterNames(fn: Node): string[] {
  return (fn.childForFieldName('parameters')?.namedChildren ?? []).map((p) => {
    if (!p) return '';
    if (p.type === 'identifier') return p.text;
    const name = p.childForFieldName('name') ?? p.namedChildren[0];
    return name?.type === 'identifier' ? name.text : '';
  });
}
