import type { HandlerInfo, PythonModel } from '../../python/model';
import { requestDerived } from '../../python/request-derived';
import { type RequestRead, requestReads } from '../../python/requests';
import { requestSchemas } from '../../python/schemas';
import { parametersAt } from '../../python/scan';
import { l, pythonRule } from '../../rule';

const BASE64_DECODE = /^base64\.(b64decode|decodebytes|urlsafe_b64decode|standard_b64decode|decodestring)$/;
const UNBOUNDED_TYPE = /^(list|List|Sequence|typing\.List)(\[.*\])?$|^(bytes|UploadFile|fastapi\.UploadFile|list\[UploadFile\]|List\[UploadFile\])$/;
const BOUNDED = /max_length|max_items|conlist|conbytes|constr|Len\(|MaxLen|le=/;

export default pythonRule({
  id: 'unbounded-request-input',
  language: 'python',
  // Each finding is judged in its handler or schema class; what it reads elsewhere is the fact below.
  local: 'statement',
  statementFact,
  category: 'validation',
  severity: 'warning',
  anchors: ['gap:unbounded-input', 'CWE-770'],
  messages: {
    field: l(
      "'{name}' 필드({type})에 길이 제한이 없습니다 — 아주 큰 입력 하나로 메모리와 CPU를 다 쓸 수 있습니다",
      "The field '{name}' ({type}) has no length limit — one huge input can use up memory and CPU",
    ),
    upload: l("핸들러 '{handler}'가 {source}를 읽지만 앱에 MAX_CONTENT_LENGTH가 없습니다", "The handler '{handler}' reads {source} but the app sets no MAX_CONTENT_LENGTH"),
    djangoUpload: l(
      "뷰 '{handler}'가 업로드 파일(request.FILES)을 크기 확인 없이 읽습니다 — Django의 DATA_UPLOAD_MAX_MEMORY_SIZE는 파일 업로드에는 적용되지 않습니다",
      "The view '{handler}' reads an upload (request.FILES) with no size check — Django’s DATA_UPLOAD_MAX_MEMORY_SIZE does not apply to uploaded files",
    ),
    base64: l(
      "핸들러 '{handler}'가 요청의 base64 데이터를 디코드하지만 앱에 MAX_CONTENT_LENGTH가 없습니다 — 아주 큰 본문 하나가 디코드와 이미지 처리에 메모리를 다 씁니다",
      "The handler '{handler}' decodes base64 data from the request but the app sets no MAX_CONTENT_LENGTH — one huge body spends the worker’s memory on decoding and image processing",
    ),
  },
  docs: {
    summary: l(
      '길이 제한 없는 리스트/바이트/업로드 입력(FastAPI 파라미터, Pydantic 필드, 핸들러가 base64로 디코드하는 길이 제한 없는 FastAPI 문자열, MAX_CONTENT_LENGTH 없는 Flask 업로드(reqparse의 location="files" 인자 포함)와 요청의 base64 디코드, 크기 확인 없는 Django request.FILES)을 찾습니다.',
      'Flags list, bytes and upload inputs without a size limit (FastAPI parameters, Pydantic fields, FastAPI strings the handler decodes as base64 with no max_length, Flask uploads (reqparse arguments with location="files" included) and base64 request data decoded without MAX_CONTENT_LENGTH, Django request.FILES read with no size check).',
    ),
    why: l(
      '모델 추론 비용은 입력 크기에 비례합니다. 제한이 없으면 요청 하나가 워커의 메모리와 CPU를 독점해 다른 요청까지 느려지거나 OOM으로 죽습니다.',
      'Inference cost grows with input size. Without a limit one request can monopolise a worker’s memory and CPU, slowing everyone or triggering an OOM kill.',
    ),
    bad: "from fastapi import FastAPI\nfrom pydantic import BaseModel\n\napp = FastAPI()\n\nclass Batch(BaseModel):\n    rows: list[list[float]]\n\n@app.post('/predict')\ndef predict(batch: Batch):\n    return {'n': len(batch.rows)}\n",
    good: "from fastapi import FastAPI\nfrom pydantic import BaseModel, Field\n\napp = FastAPI()\n\nclass Batch(BaseModel):\n    # TODO: 한 번에 몇 개까지 받을지 정하세요. 근거는 무엇인가요?\n    rows: list[list[float]] = Field(max_length=64)\n\n@app.post('/predict')\ndef predict(batch: Batch):\n    return {'n': len(batch.rows)}\n",
  },
  weeks: ['beginner/5', 'advanced/8'],
  questions: [
    l(
      '누군가 100만 개의 행을 한 번에 보내면 이 워커의 메모리와 응답 시간은 어떻게 될까요?',
      'If someone sends a million rows at once, what happens to this worker’s memory and latency?',
    ),
    l('한 요청에서 받을 수 있는 최대 크기는 어떤 근거로 정하면 좋을까요?', 'On what basis would you choose the largest input one request may carry?'),
    l('이 제한은 애플리케이션, 게이트웨이, 인그레스 중 어디에 두는 게 맞을까요?', 'Should this limit live in the application, the gateway or the ingress, and why?'),
  ],
  scaffold: {
    ko: '# TODO: 입력 크기 제한\n# 고려사항:\n# - 배치 최대 크기와 각 값의 범위는?\n# - 업로드 파일의 최대 바이트 수는?\n# - 제한을 넘으면 413/422 중 무엇을 돌려줄까요?\n# TODO: Field(max_length=...) 또는 MAX_CONTENT_LENGTH 같은 제한 위치 정하기\n',
    en: '# TODO: limit input size\n# Consider:\n# - largest batch and value ranges?\n# - largest upload in bytes?\n# - over the limit: 413 or 422?\n# TODO: decide where the limit lives (Field(max_length=...), MAX_CONTENT_LENGTH, the gateway)\n',
  },
  check(context) {
    const { model } = context;
    const source = model.source;
    const report = (start: number, end: number, name: string, type: string) => context.report({ range: model.rangeOf(start, end), messageId: 'field', data: { name, type } });
    // A schemas module of its own (`app/schemas.py`): its request-named models are what the
    // app's handlers receive, even though no handler is in sight here.
    if (model.role !== 'serving') {
      if (model.handlers.length > 0 || !SCHEMA_MODULE.test(context.path)) return;
      for (const schema of requestSchemas(model)) {
        for (const field of schema.fields) if (isUnbounded(field.type, wholeValue(source, field.end, field.value))) report(field.start, field.end, field.name, field.type);
      }
      return;
    }
    if (model.framework === 'fastapi') {
      for (const cls of model.classes) {
        CLASS_HEADER.lastIndex = cls.startIndex;
        const header = CLASS_HEADER.exec(source);
        if (header && /\bBaseModel\b/.test(header[1] ?? '') && !responseOnly(source, cls.childForFieldName('name')?.text ?? ''))
          checkFields(source, cls.startIndex + header[0].length, cls.endIndex, report);
      }
      for (const handler of model.handlers) {
        for (const p of parametersAt(source, handler.node.startIndex)) {
          if (!isUnbounded(p.type, p.value)) continue;
          // An upload is squiggled at its parameter; where the handler reads it whole is named too.
          const read = /\bUploadFile\b/.test(p.type) ? wholeRead(source, p.end, model.handlerEnd(handler), p.name) : undefined;
          if (!read) report(p.start, p.end, p.name, p.type);
          else
            context.report({
              range: model.rangeOf(p.start, p.end),
              messageId: 'field',
              data: { name: p.name, type: p.type },
              related: [{ range: model.rangeOf(read.start, read.end), message: l('업로드 전체를 메모리로 읽는 곳', 'where the whole upload is read into memory') }],
            });
        }
      }
      for (const field of base64Fields(model)) report(field.start, field.end, field.name, `${field.type}, base64`);
    }
    if (model.framework === 'flask' && !setsMaxContentLength(model.whole)) {
      for (const handler of model.handlers) {
        const read = requestReads(model, handler).find((r) => r.kind === 'file') ?? parsedUpload(model, handler);
        if (read) {
          context.report({ range: read.range, messageId: 'upload', data: { handler: handler.name, source: read.source } });
          continue;
        }
        // A base64 image in a JSON or form body is an upload too, only larger by a third.
        const decode = model.calls.find((c) => BASE64_DECODE.test(c.callee ?? '') && model.enclosingHandler(c.node)?.node.id === handler.node.id);
        const argument = decode?.node.childForFieldName('arguments')?.namedChildren[0];
        if (decode && argument && requestDerived(model, handler).mentionsRaw(argument.text))
          context.report({ node: decode.node, messageId: 'base64', data: { handler: handler.name } });
      }
    }
    // Django bounds the body it parses (DATA_UPLOAD_MAX_MEMORY_SIZE) but not uploaded files.
    if (model.framework === 'django') {
      for (const handler of model.handlers) {
        const read = requestReads(model, handler).find((r) => r.kind === 'file' && r.source === 'request.FILES');
        if (read && !UPLOAD_CHECKED.test(model.source.slice(handler.node.startIndex, model.handlerEnd(handler))))
          context.report({ range: read.range, messageId: 'djangoUpload', data: { handler: handler.name } });
      }
    }
  },
});

/** `await file.read()`, `file.file.read()`: the first place a handler reads the upload `name` whole. */
function wholeRead(source: string, from: number, to: number, name: string): { start: number; end: number } | undefined {
  const match = new RegExp(`\\b${name}(?:\\.file)?\\.read\\(\\s*\\)`).exec(source.slice(from, to));
  if (!match) return undefined;
  const start = source.lastIndexOf('\n', from + match.index) + 1;
  const newline = source.indexOf('\n', from + match.index);
  const end = newline < 0 ? to : newline;
  return { start: start + (/^[ \t]*/.exec(source.slice(start, end))?.[0].length ?? 0), end };
}

/** A size check on an upload (`if upload.size > LIMIT`), or a form whose validation can hold one. */
const UPLOAD_CHECKED = /\.size\s*[<>]=?|[<>]=?\s*\w+(\.\w+)*\.size\b|\.is_valid\s*\(/;

/** `parser.add_argument("file", location="files", type=FileStorage)`: a reqparse parser that takes an upload. */
const UPLOAD_ARGUMENT = /\b([A-Za-z_]\w*)\.add_argument\((?:[^()]|\([^()]*\))*?(?:location\s*=\s*['"]files['"]|type\s*=\s*(?:\w+\.)*FileStorage\b)/g;

/**
 * A flask-restful / flask-restx handler that reads an upload through `parser.parse_args()`, told
 * where the parser declares the upload argument (where the size and type rules would go).
 */
function parsedUpload(model: PythonModel, handler: HandlerInfo): RequestRead | undefined {
  if (!model.source.includes('add_argument')) return undefined;
  const parsers = new Map<string, number>();
  for (const m of model.source.matchAll(UPLOAD_ARGUMENT)) if (!parsers.has(m[1])) parsers.set(m[1], m.index);
  if (parsers.size === 0) return undefined;
  for (const c of model.calls) {
    const callee = c.node.childForFieldName('function')?.text ?? '';
    const parser = /^(?:self\.)?([A-Za-z_]\w*)\.parse_args$/.exec(callee)?.[1];
    const at = parser === undefined ? undefined : parsers.get(parser);
    if (at === undefined || model.enclosingHandler(c.node)?.node.id !== handler.node.id) continue;
    const end = model.source.indexOf('\n', at);
    return { range: model.rangeOf(at, end < 0 ? model.source.length : end), source: 'an upload (reqparse, location="files")', kind: 'file' };
  }
  return undefined;
}

/** `payload.image`, `payload.image.split(",")[1]`, `image` (a parameter): the request value a decode reads. */
const DECODED_VALUE = /^([A-Za-z_]\w*)(?:\s*\.\s*([A-Za-z_]\w*))?/;

/**
 * FastAPI `str` inputs the handler decodes as base64 (`base64.b64decode(payload.image)`), with no
 * `max_length`: an image sent as text is an upload with no size limit, like `bytes` or `UploadFile`.
 * The field of a body model of this file, or a `str` parameter (`image: str = Form(...)`).
 */
function base64Fields(model: PythonModel): { name: string; type: string; start: number; end: number }[] {
  const found = new Map<number, { name: string; type: string; start: number; end: number }>();
  for (const call of model.calls) {
    if (!BASE64_DECODE.test(call.callee ?? '')) continue;
    const handler = model.enclosingHandler(call.node);
    const argument = call.node.childForFieldName('arguments')?.namedChildren[0];
    const value = argument && DECODED_VALUE.exec(argument.text);
    if (!handler || !value) continue;
    const parameter = parametersAt(model.source, handler.node.startIndex).find((p) => p.name === value[1]);
    if (!parameter) continue;
    const type = parameter.type.replace(/\s+/g, '');
    if (value[2] === undefined) {
      if (/^(Optional\[)?str\]?$/.test(type) && !BOUNDED.test(type) && !BOUNDED.test(parameter.value)) found.set(parameter.start, { ...parameter, type });
      continue;
    }
    const schema = requestSchemas(model).find((s) => s.name === /^(?:Optional\[)?(\w+)/.exec(type)?.[1]);
    const field = schema?.fields.find((f) => f.name === value[2]);
    if (field && /^(Optional\[)?str\]?$/.test(field.type) && !BOUNDED.test(field.type) && !BOUNDED.test(field.value)) found.set(field.start, field);
  }
  return [...found.values()];
}

/**
 * What the check reads beyond the handler or class it reports in: whether a Flask app limits the
 * request size anywhere, and whether each FastAPI model is only ever sent (`responseOnly`).
 */
function statementFact(model: PythonModel): string {
  if (model.role !== 'serving') return '';
  const source = model.source;
  const parts = [String(model.framework === 'flask' && setsMaxContentLength(model))];
  // An upload parser is reported at its declaration when a handler elsewhere in the file parses with it.
  if (model.framework === 'flask' && source.includes('add_argument'))
    parts.push(model.handlers.map((h) => `${h.name}:${parsedUpload(model, h)?.range.start.line ?? ''}`).join(','));
  if (model.framework === 'fastapi') {
    for (const cls of model.classes) {
      CLASS_HEADER.lastIndex = cls.startIndex;
      const header = CLASS_HEADER.exec(source);
      const name = header && /\bBaseModel\b/.test(header[1] ?? '') ? (cls.childForFieldName('name')?.text ?? '') : undefined;
      if (name !== undefined) parts.push(`${name}:${responseOnly(source, name)}`);
    }
    parts.push(`base64:${base64Fields(model).map((f) => f.name)}`);
  }
  return parts.join('\n');
}

/** A module named for the request models it holds: `schemas.py`, `api/schema.py`, `models/requests.py`. */
const SCHEMA_MODULE = /(^|[\\/])(schemas?|requests?|payloads?|dto|dtos|api_models|request_models)(\.py$|[\\/])/;

const CLASS_HEADER = /class[ \t]+\w+[ \t]*(?:\(([^)]*)\))?[ \t]*:/y;

/** A model the service only sends (`response_model=Out`, `-> Out`) and never receives (`body: Out`): nothing a client sends fills it. */
function responseOnly(source: string, name: string): boolean {
  if (!/^\w+$/.test(name)) return false;
  const sent = new RegExp(`(?:response_model\\s*=\\s*(?:[\\w.]+\\[\\s*)?|->\\s*(?:[\\w.]+\\[\\s*)?)${name}\\b`).test(source);
  const received = new RegExp(`\\w\\s*:\\s*(?:[\\w.]+\\[\\s*)?${name}\\b(?!\\s*\\()`).test(source.replace(new RegExp(`class\\s+${name}\\b`, 'g'), ''));
  return sent && !received;
}
/** `    name: type = value` at the first indentation level of a class body. */
const FIELD = /^([ \t]+)([A-Za-z_]\w*)[ \t]*:[ \t]*([^=\n#]+?)[ \t]*(?:=[ \t]*([^\n#]*))?[ \t]*(?:#.*)?$/gm;

function isUnbounded(type: string, value: string): boolean {
  return UNBOUNDED_TYPE.test(type) && !BOUNDED.test(type) && !BOUNDED.test(value);
}

/**
 * A field's default as written, continued past its first line while its brackets are open:
 * `Field(\n    ...,\n    max_length=100,\n)` carries its limit on a later line.
 */
function wholeValue(source: string, lineEnd: number, value: string): string {
  let depth = 0;
  for (const ch of value) depth += ch === '(' || ch === '[' ? 1 : ch === ')' || ch === ']' ? -1 : 0;
  let end = lineEnd;
  while (depth > 0 && end < source.length && end - lineEnd < 4000) {
    const ch = source[end++];
    depth += ch === '(' || ch === '[' ? 1 : ch === ')' || ch === ']' ? -1 : 0;
  }
  return value + source.slice(lineEnd, end);
}

function checkFields(source: string, start: number, end: number, report: (start: number, end: number, name: string, type: string) => void): void {
  const body = source.slice(start, end);
  // Fields sit at the body's own indentation; deeper lines belong to methods.
  const indent = /\n([ \t]+)\S/.exec(body)?.[1];
  for (const match of body.matchAll(FIELD)) {
    if (match[1] !== indent) continue;
    const type = match[3].replace(/\s+/g, '');
    const lineEnd = start + match.index + match[0].trimEnd().length;
    if (!isUnbounded(type, wholeValue(source, lineEnd, match[4] ?? ''))) continue;
    const from = start + match.index + match[1].length;
    report(from, lineEnd, match[2], type);
  }
}

/** Assigned directly, in a config dict, or loaded from a config object/file we cannot see. */
function setsMaxContentLength(model: PythonModel): boolean {
  if (model.calls.some((c) => /\.config\.(update|from_object|from_pyfile|from_file|from_envvar|from_prefixed_env|from_mapping)$/.test(c.callee ?? ''))) return true;
  return /MAX_CONTENT_LENGTH/.test(model.source);
}
