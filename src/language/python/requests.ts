import type { Node } from 'web-tree-sitter';
import type { HandlerInfo, PythonModel } from './model';

/**
 * Facts about request data inside handlers: where a handler reads the raw body, and whether
 * the file validates payloads at all. Computed lazily, at most once per model, and only over
 * handler bodies, so files without handlers pay nothing.
 */

export interface RequestRead {
  readonly node: Node;
  /** What was read, e.g. `request.json`, `request.get_json()`, `await request.json()`. */
  readonly source: string;
  /** `body` for payload reads (json/form/data), `file` for uploads and raw streams. */
  readonly kind: 'body' | 'file';
}

const FLASK_BODY = new Set(['json', 'get_json', 'form', 'data', 'get_data', 'values']);
const FLASK_FILE = new Set(['files', 'stream']);
/** Starlette/FastAPI `Request` and Django `HttpRequest` members that hold the raw body. */
const RAW_BODY = new Set(['json', 'body', 'form', 'POST', 'data']);
const RAW_FILE = new Set(['FILES', 'stream']);

const VALIDATION_MODULES = ['pydantic', 'marshmallow', 'jsonschema', 'cerberus', 'voluptuous', 'webargs', 'flask_pydantic', 'flask_smorest', 'spectree', 'schema', 'rest_framework', 'django.forms', 'attrs', 'cattrs', 'msgspec'];
/** Method names that validate a payload in the libraries above. */
const VALIDATING_METHODS = /\.(model_validate|model_validate_json|parse_obj|parse_raw|validate_python|validate_json|is_valid|parse_args|structure|validate)$/;
const VALIDATING_DECORATORS = /\b(validate|use_args|use_kwargs|arguments|expect|input)\s*\(/;

const reads = new WeakMap<PythonModel, Map<number, RequestRead[]>>();
const validated = new WeakMap<PythonModel, boolean>();

/** Raw request-data reads inside one handler (nested helpers included). */
export function requestReads(model: PythonModel, handler: HandlerInfo): readonly RequestRead[] {
  let cache = reads.get(model);
  if (!cache) reads.set(model, (cache = new Map()));
  let found = cache.get(handler.node.id);
  if (!found) cache.set(handler.node.id, (found = collectReads(model, handler)));
  return found;
}

function collectReads(model: PythonModel, handler: HandlerInfo): RequestRead[] {
  const rawNames = requestParameterNames(handler);
  const found: RequestRead[] = [];
  const body = handler.node.childForFieldName('body');
  if (!body) return found;
  for (const attribute of body.descendantsOfType('attribute')) {
    if (!attribute || attribute.parent?.type === 'attribute') continue;
    const object = attribute.childForFieldName('object');
    const member = attribute.childForFieldName('attribute')?.text ?? '';
    if (!object) continue;
    const base = object.type === 'identifier' ? model.resolve(object) : undefined;
    let kind: RequestRead['kind'] | undefined;
    if (base === 'flask.request') kind = FLASK_BODY.has(member) ? 'body' : FLASK_FILE.has(member) ? 'file' : undefined;
    else if (base !== undefined && rawNames.has(base)) kind = RAW_BODY.has(member) ? 'body' : RAW_FILE.has(member) ? 'file' : undefined;
    if (!kind) continue;
    const isCall = attribute.parent?.type === 'call' && attribute.parent.childForFieldName('function')?.id === attribute.id;
    found.push({ node: isCall ? attribute.parent! : attribute, source: `request.${member}${isCall ? '()' : ''}`, kind });
  }
  return found;
}

/**
 * Names that hold a raw request object in this handler: a parameter annotated `Request`
 * (Starlette/FastAPI) or, for Django views, the conventional first parameter `request`.
 */
function requestParameterNames(handler: HandlerInfo): Set<string> {
  const names = new Set<string>();
  for (const parameter of handler.node.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!parameter) continue;
    const name = parameterName(parameter);
    const annotation = parameter.childForFieldName('type')?.text ?? '';
    if (name && /(^|\.)(Request|HttpRequest|WSGIRequest)$/.test(annotation)) names.add(name);
  }
  if (handler.framework === 'django') names.add('request');
  return names;
}

export function parameterName(parameter: Node): string | undefined {
  if (parameter.type === 'identifier') return parameter.text;
  const name = parameter.childForFieldName('name') ?? parameter.namedChildren[0];
  return name?.type === 'identifier' ? name.text : undefined;
}

/**
 * Does this file validate payloads anywhere? Any validation counts (precision over recall):
 * a pydantic `Model(**data)` / `model_validate`, marshmallow `schema.load`, `jsonschema.validate`,
 * Django/DRF `is_valid()`, webargs/flask-smorest/flask-pydantic decorators.
 */
export function fileValidatesPayloads(model: PythonModel): boolean {
  let result = validated.get(model);
  if (result === undefined) validated.set(model, (result = computeValidates(model)));
  return result;
}

function computeValidates(model: PythonModel): boolean {
  const usesLibrary = VALIDATION_MODULES.some((m) => model.importsModule(m));
  if (!usesLibrary) return false;
  const marshmallow = model.importsModule('marshmallow');
  const schemaClasses = new Set(
    model.classes
      .filter((c) => /\b(BaseModel|Schema|RootModel|Struct)\b/.test(c.childForFieldName('superclasses')?.text ?? ''))
      .map((c) => c.childForFieldName('name')?.text ?? ''),
  );
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    if (VALIDATING_METHODS.test(callee) || callee.startsWith('jsonschema.')) return true;
    if (marshmallow && /\.loads?$/.test(callee) && !/^(json|pickle|yaml|joblib|torch|dill|cloudpickle|numpy)\./.test(callee)) return true;
    const args = call.node.childForFieldName('arguments')?.namedChildren ?? [];
    const name = call.node.childForFieldName('function')?.text ?? '';
    const isModel = schemaClasses.has(name) || (/^[A-Z]\w*$/.test(name) && model.importsModule('pydantic'));
    if (isModel && args.some((a) => a?.type === 'dictionary_splat')) return true;
  }
  return model.decorated.some((d) => d.namedChildren.some((c) => c?.type === 'decorator' && VALIDATING_DECORATORS.test(c.text)));
}
