import type { Node } from 'web-tree-sitter';
import type { PythonModel } from './model';
import { parametersAt } from './scan';

/**
 * Request schemas declared in a file: pydantic `BaseModel` (and SQLModel, pydantic dataclasses)
 * classes that a handler of the file takes as its body, or, in a schemas module without
 * handlers, classes named like input (`PredictRequest`, `CustomerData`, not `...Response` or
 * `PredictionResponseData`).
 */

export interface SchemaField {
  readonly name: string;
  /** The annotation without spaces, e.g. `Dict[str,float]`. */
  readonly type: string;
  /** The default's text (`Field(..., max_length=80)`), empty when none. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface Schema {
  readonly name: string;
  readonly node: Node;
  readonly fields: readonly SchemaField[];
  /** The handlers of this file that take it as a parameter. */
  readonly handlers: readonly string[];
}

const CLASS_HEADER = /class[ \t]+(\w+)[ \t]*(?:\(([^)]*)\))?[ \t]*:/y;
const SCHEMA_BASE = /\b(BaseModel|SQLModel|RootModel|Schema)\b/;
const FIELD = /^([ \t]+)([A-Za-z_]\w*)[ \t]*:[ \t]*([^=\n#]+?)[ \t]*(?:=[ \t]*([^\n#]*))?[ \t]*(?:#.*)?$/gm;
// Either name may end in the kind of class it is (`IrisRequestModel`, `PredictionInputSchema`, `TextRequestDTO`).
const INPUT_NAME = /(Request|Input|Payload|Query|Body|Features|Data|Item|Params|Record|Sample|Instance|Text|Prompt|Message)s?(Model|Schema|DTO|Dto)?$/;
const OUTPUT_NAME =
  /(Response|Output|Result|Prediction|Reply|Status|Info|Health|Error|Config|Settings)s?(Model|Schema|DTO|Dto)?$|(Response|Output|Result|Reply)(Data|Model|Schema|Body|Item|Payload)s?$/;

const cache = new WeakMap<PythonModel, Schema[]>();

export function requestSchemas(model: PythonModel): readonly Schema[] {
  let found = cache.get(model);
  if (!found) cache.set(model, (found = collect(model)));
  return found;
}

function collect(model: PythonModel): Schema[] {
  const source = model.source;
  if (!SCHEMA_BASE.test(source)) return [];
  const usedBy = new Map<string, string[]>();
  for (const handler of model.handlers) {
    for (const p of parametersAt(source, handler.node.startIndex)) {
      const type = /^(?:Optional\[)?(\w+)/.exec(p.type)?.[1];
      if (type) usedBy.set(type, [...(usedBy.get(type) ?? []), handler.name]);
    }
  }
  const classes: { name: string; node: Node; fields: SchemaField[] }[] = [];
  for (const cls of model.classes) {
    CLASS_HEADER.lastIndex = cls.startIndex;
    const header = CLASS_HEADER.exec(source);
    if (!header || !SCHEMA_BASE.test(header[2] ?? '')) continue;
    classes.push({ name: header[1], node: cls, fields: fieldsOf(source, cls.startIndex + header[0].length, cls.endIndex) });
  }
  const answers = model.handlers.length > 0 ? new Set<string>() : responseParts(classes);
  const schemas: Schema[] = [];
  for (const { name, node, fields } of classes) {
    const handlers = usedBy.get(name) ?? [];
    // With handlers in the file, only their bodies are requests; a schemas module goes by names,
    // and a class that only ever sits inside a response (`payload: ProfilingPayload`) is an answer.
    const isRequest = model.handlers.length > 0 ? handlers.length > 0 : INPUT_NAME.test(name) && !OUTPUT_NAME.test(name) && !answers.has(name);
    if (!isRequest) continue;
    schemas.push({ name, node, fields, handlers });
  }
  return schemas;
}

/**
 * The classes a schemas module nests, directly or through each other, in the fields of a
 * response-named class (`ChatResponse.sources: list[SourceItem]`) and in no input-named one.
 */
function responseParts(classes: readonly { name: string; fields: readonly SchemaField[] }[]): Set<string> {
  const names = new Set(classes.map((c) => c.name));
  const partsOf = (fields: readonly SchemaField[]) => [...fields.flatMap((f) => f.type.match(/\w+/g) ?? [])].filter((t) => names.has(t));
  const closure = (roots: readonly string[]) => {
    const seen = new Set<string>();
    const queue = [...roots];
    while (queue.length > 0) {
      const next = queue.pop()!;
      for (const part of partsOf(classes.find((c) => c.name === next)?.fields ?? [])) {
        if (seen.has(part)) continue;
        queue.push(part);
        seen.add(part);
      }
    }
    return seen;
  };
  const inputs = closure(classes.filter((c) => INPUT_NAME.test(c.name) && !OUTPUT_NAME.test(c.name)).map((c) => c.name));
  const outputs = closure(classes.filter((c) => OUTPUT_NAME.test(c.name)).map((c) => c.name));
  for (const name of inputs) outputs.delete(name);
  return outputs;
}

function fieldsOf(source: string, start: number, end: number): SchemaField[] {
  const body = source.slice(start, end);
  const indent = /\n([ \t]+)\S/.exec(body)?.[1];
  const fields: SchemaField[] = [];
  for (const match of body.matchAll(FIELD)) {
    // Fields sit at the body's own indentation; deeper lines belong to methods and validators.
    if (match[1] !== indent || match[2] === 'model_config' || /^(class|def|return)$/.test(match[2])) continue;
    const from = start + match.index + match[1].length;
    const lineEnd = start + match.index + match[0].trimEnd().length;
    // `max_tokens: int = Field(\n    default=16,\n    le=1024,\n)`: the default runs on to its closing parenthesis.
    const value = continued(source, (match[4] ?? '').trim(), lineEnd, end);
    fields.push({ name: match[2], type: match[3].replace(/\s+/g, ''), value, start: from, end: lineEnd });
  }
  return fields;
}

/** A default whose parentheses are still open at the end of its line, read on to where they close. */
function continued(source: string, value: string, from: number, end: number): string {
  let depth = 0;
  for (const ch of value) depth += ch === '(' || ch === '[' ? 1 : ch === ')' || ch === ']' ? -1 : 0;
  if (depth <= 0) return value;
  let i = from;
  for (; i < end && depth > 0; i++) {
    const ch = source[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === '#') while (i < end && source[i] !== '\n') i++;
  }
  return (value + source.slice(from, i)).replace(/\s+/g, ' ').trim();
}
