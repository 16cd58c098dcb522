import type { Node } from 'web-tree-sitter';
import { fileValidatesPayloads, handlerChecksInput, reqparseArguments, requestReads } from '../../python/requests';
import { ENVELOPE_KEYS } from '../../python/request-derived';
import { parametersAt } from '../../python/scan';
import { messageCallbacks, workerLoops } from '../../python/workers';
import type { HandlerInfo } from '../../python/model';
import { l, pythonRule, type PythonContext } from '../../rule';

/** FastAPI body parameters typed so loosely that nothing is validated. */
const LOOSE_BODY = /^(dict|Dict(\[.*\])?|dict\[.*\]|Any|typing\.Any|typing\.Dict(\[.*\])?|Mapping(\[.*\])?|object)$/;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export default pythonRule({
  id: 'unvalidated-request-payload',
  language: 'python',
  category: 'validation',
  severity: 'warning',
  anchors: ['gap:unvalidated-payload', 'CWE-20'],
  messages: {
    rawRead: l("핸들러 '{handler}'가 {source}를 검증 없이 사용합니다", "The handler '{handler}' uses {source} without validating it"),
    untypedArgument: l(
      "요청 파서의 인자 '{name}'에 type이 없습니다 — 보낸 문자열이 무엇이든 그대로 핸들러로 갑니다",
      "The request parser argument '{name}' declares no type — whatever string was sent reaches the handler as-is",
    ),
    streamRecord: l(
      '스트림 메시지를 검증 없이 바로 씁니다 ({what}) — 형식이 다른 메시지 하나가 워커를 멈추거나 틀린 예측을 만듭니다',
      'A stream message is used without validation ({what}) — one message of another shape stops the worker or produces a wrong prediction',
    ),
    streamModel: l(
      '스트림 메시지({what})를 스키마나 모양 검사 없이 모델 호출 {call}에 넘깁니다 — 형식이 다른 메시지 하나가 워커를 멈추거나 틀린 예측을 내보냅니다',
      'A stream message ({what}) goes to the model call {call} with no schema or shape check — one message of another shape stops the worker or sends out a wrong prediction',
    ),
    looseDescriptor: l(
      "BentoML API '{handler}'의 입력 {descriptor}에 모양·dtype·스키마가 없습니다 — 어떤 배열이나 객체든 검증 없이 모델에 닿습니다",
      "The BentoML API '{handler}' declares its input as {descriptor} with no shape, dtype or schema — any array or object reaches the model unchecked",
    ),
    bypassed: l(
      "핸들러 '{handler}'가 {validator}를 검증한 뒤, 검증된 값({validated}) 대신 원래 요청 데이터({source})를 씁니다 — 검증이 통과시킨 값이 아니라 보낸 그대로가 모델에 갑니다",
      "The handler '{handler}' validates {validator}, then uses the raw request data ({source}) instead of the validated values ({validated}) — what reaches the model is what was sent, not what validation passed",
    ),
    rawQuery: l(
      "핸들러 '{handler}'가 쿼리 파라미터({names})를 변환이나 검사 없이 {call}에 넘깁니다 — 값은 문자열이고, 빠지면 None입니다",
      "The handler '{handler}' passes query parameters ({names}) to {call} as they arrive, with no conversion or check — each is a string, or None when it is missing",
    ),
    looseBody: l(
      "핸들러 '{handler}'의 본문 파라미터 '{param}'의 타입이 {type}라서 FastAPI가 아무것도 검증하지 않습니다",
      "The body parameter '{param}' of '{handler}' is typed {type}, so FastAPI validates nothing",
    ),
  },
  docs: {
    summary: l(
      '요청 본문(request.json, get_json(), form, await request.json(), Django request.body, AWS Lambda event의 body, 직접 호출된 Lambda가 모델이나 SageMaker·Bedrock 엔드포인트 호출에 넘긴 event나 event에서 읽은 값, 모델 서버 훅이 받은 본문(SageMaker input_fn, TorchServe handle·preprocess, KServe predict), 모델 호출에 바로 넘긴 gRPC 요청 필드, 변환이나 검사 없이 모델 호출에 넘긴 쿼리 파라미터(Flask request.args.get(...), Django request.GET[...], 이름에 담았거나 리스트에 append한 값), 입력 디스크립터가 인자 없는 NumpyNdarray()·PandasDataFrame()·JSON()인 BentoML API)을 스키마 검증 없이 쓰는 핸들러를 찾습니다. 워커의 소비 루프(for msg in consumer, async for)나 RabbitMQ 콜백(basic_consume에 넘긴 함수의 마지막 인자인 메시지)이 메시지의 키를 검증 없이 읽거나, 메시지 전체를 모양 검사 없이 모델 호출에 넘기는 경우도 찾습니다. 모든 예외를 400으로 바꾸는 except Exception이나, 아무것도 ValidationError를 일으킬 수 없는데 그것을 잡는 except, 타입·크기·범위 검사 없이 값이 있는지만 보고(`if not tweets:`) 4xx를 돌려주는 것은 검증으로 치지 않습니다. 다른 모듈에서 가져온 프로젝트의 검증 함수(validate_inputs(...))에 본문을 넘기고 그 결과로 계속하는 핸들러는 검증하는 것으로 봅니다.',
      "Flags handlers that use the request body (request.json, get_json(), form, await request.json(), Django request.body, an AWS Lambda event's body, the event of a directly invoked Lambda (or a value read from it) handed to a model or a SageMaker/Bedrock endpoint call, the body a model server's hook receives (SageMaker input_fn, TorchServe handle/preprocess, KServe predict), a gRPC request field handed straight to a model, query parameters (Flask request.args.get(...), Django request.GET[...], kept in a name or appended to a list) handed to a model call with no conversion or check, a BentoML API whose input descriptor is a bare NumpyNdarray(), PandasDataFrame() or JSON()) without schema validation, and consumers (a loop `for msg in consumer` or `async for`, a RabbitMQ callback given to basic_consume, whose last parameter is the message) that index into a message or hand the whole decoded message to a model call with no schema or shape check. A blanket except that turns every failure into a 400, an except ValidationError where nothing can raise one, or a 4xx guarded only by a presence test (`if not tweets:`) with no type, size or range check, does not count as validation. A handler that hands the body to a project validator imported from another module (validate_inputs(...)) and goes on with its result is validating.",
    ),
    why: l(
      '모델은 정해진 모양의 입력만 이해합니다. 필드가 빠지거나 타입이 다르면 KeyError/500 오류가 나거나, 더 나쁘게는 틀린 예측을 조용히 반환합니다.',
      'A model only understands input of a fixed shape. Missing fields or wrong types cause KeyErrors and 500s or, worse, silently wrong predictions.',
    ),
    bad: "from flask import Flask, request\n\napp = Flask(__name__)\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    data = request.json\n    return {'n': len(data['features'])}\n",
    good: "from fastapi import FastAPI\nfrom pydantic import BaseModel\n\napp = FastAPI()\n\nclass PredictRequest(BaseModel):\n    # TODO: 필드의 타입과 허용 범위를 정하세요\n    features: list[float]\n\n@app.post('/predict')\ndef predict(body: PredictRequest):\n    return {'n': len(body.features)}\n",
  },
  weeks: ['beginner/1'],
  questions: [
    l(
      "누군가 {field|필수 필드} 없이, 혹은 숫자 대신 문자열을 넣어 요청하면 '{handler}'는 어떻게 반응할까요?",
      "What does '{handler}' do if someone sends a request without {field|a required field}, or with a string instead of numbers?",
    ),
    l(
      '모델이 기대하는 입력의 모양(필드, 타입, 길이, 범위)을 코드 어디에 적어 두면 좋을까요?',
      'Where in the code would you write down the input shape the model expects (fields, types, length, ranges)?',
    ),
    l('잘못된 입력에는 어떤 상태 코드와 메시지를 돌려주는 게 좋을까요?', 'Which status code and message should a malformed request get?'),
  ],
  scaffold: {
    ko: '# TODO: 입력 스키마 정의와 검증\n# 고려사항:\n# - 필수 필드와 타입은? (예: features는 숫자 리스트?)\n# - 길이와 값의 범위 제한은?\n# - 검증 실패 시 400/422와 어떤 메시지를 줄까요?\n# TODO: 검증된 객체만 모델에 전달하기\n',
    en: '# TODO: define and validate the input schema\n# Consider:\n# - required fields and types? (e.g. is features a list of numbers?)\n# - limits on length and value ranges?\n# - on failure, 400/422 with which message?\n# TODO: pass only validated objects to the model\n',
  },
  // The handlers of an app nothing the tree runs starts (a demo beside the served app) take no one's input.
  project(context) {
    for (const path of context.view.entryPoints.unserved) context.withdraw(path);
  },
  check(context) {
    const { model } = context;
    reportStreamRecords(context);
    if (model.handlers.length === 0) return;
    // A reqparse argument without `type=` hands the handler whatever string was sent.
    const untyped = reqparseArguments(model).find((argument) => !argument.typed);
    if (untyped) context.report({ node: untyped.call.node, messageId: 'untypedArgument', data: { name: untyped.name } });
    for (const handler of model.handlers) if (handler.framework === 'bentoml') reportLooseDescriptor(context, handler);
    if (fileValidatesPayloads(model)) {
      for (const handler of model.handlers) reportBypassedValidation(context, handler);
      return;
    }
    for (const handler of model.handlers) {
      if (handler.framework === 'grpc') {
        reportMessageToModel(context, handler);
        continue;
      }
      if (handler.framework === 'aws-lambda' && !requestReads(model, handler).length && !handlerChecksInput(model, handler)) {
        reportEventToModel(context, handler);
        continue;
      }
      if (handler.framework === 'flask' || handler.framework === 'django') reportQueryToModel(context, handler);
      const first = requestReads(model, handler).find((read) => read.kind === 'body');
      // A handler that rejects bad input with a 4xx by hand is validating, if not declaratively.
      if (first && (!handlerChecksInput(model, handler) || presenceOnly(model.source.slice(handler.node.startIndex, model.handlerEnd(handler))))) {
        // The first key the handler reads (data['features'], .get('x')) lets the teacher ask about that field.
        const key = /\[\s*['"]([\w-]{1,40})['"]\s*\]|\.get\(\s*['"]([\w-]{1,40})['"]/.exec(handler.node.text);
        const field = key?.[1] ?? key?.[2];
        context.report({ range: first.range, messageId: 'rawRead', data: { handler: handler.name, source: first.source, ...(field ? { field: `'${field}'` } : {}) } });
      }
      if (handler.framework !== 'fastapi' || !handler.methods?.some((m) => BODY_METHODS.has(m))) continue;
      for (const parameter of parametersAt(model.source, handler.node.startIndex)) {
        if (parameter.type && LOOSE_BODY.test(parameter.type) && !/\b(Query|Path|Header|Cookie|Depends)\(/.test(parameter.value)) {
          context.report({
            range: model.rangeOf(parameter.start, parameter.end),
            messageId: 'looseBody',
            data: { handler: handler.name, param: parameter.name, type: parameter.type },
          });
        }
      }
    }
  },
});

/** A 4xx answer on a line of its own: `return jsonify(...), 400`, `abort(400)`, `raise HTTPException(status_code=422)`. */
const REFUSAL_LINE = /\babort\(\s*4\d\d|\bstatus(_code)?\s*=\s*4\d\d|,\s*4\d\d\s*\)?\s*$|\b(BadRequest|UnprocessableEntity|HTTPBadRequest)\b/;
/** One test of presence: `not x`, `x is None`, `"k" not in data`, `x == ""`, joined by `or`. */
const PRESENCE_TEST = /^(?:not\s+VALUE|VALUE\s+is\s+None|(?:['"][\w-]+['"]|[\w.]+)\s+not\s+in\s+[\w.]+(?:\.keys\(\))?|VALUE\s*==\s*(?:""|''))$/.source.replace(
  /VALUE/g,
  String.raw`[\w.]+(?:\([^()\n]*\)|\[[^\]\n]*\])?`,
);
const PRESENCE = new RegExp(PRESENCE_TEST);
/** What checks more than presence: a type, a size or range, a conversion under try, a validator. */
const CONTENT_CHECK = /\bisinstance\s*\(|\blen\s*\(|\btype\s*\(|\bvalidate\w*\s*\(|\btry\s*:|[^=!<>]\s*[<>]=?\s*[\w.(-]/;

/**
 * Every 4xx the handler answers is guarded by a presence test alone (`if not tweets: return ..., 400`)
 * and nothing else in it checks a type, a size, a range or a conversion: a missing field is refused,
 * but a field of the wrong type or an unbounded list reaches the model all the same. That is not
 * validating the body.
 */
function presenceOnly(text: string): boolean {
  if (CONTENT_CHECK.test(text.replace(/^[ \t]*(?:async[ \t]+)?def[^\n]*\n/, '').replace(/(['"])(?:(?!\1)[^\\\n]|\\.)*\1/g, '""'))) return false;
  const lines = text.split('\n');
  let refusals = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!REFUSAL_LINE.test(lines[i])) continue;
    refusals++;
    const indent = /^[ \t]*/.exec(lines[i])![0].length;
    let guard: string | undefined;
    for (let j = i - 1; j >= 0 && guard === undefined; j--) {
      const line = lines[j];
      if (!line.trim()) continue;
      if (/^[ \t]*/.exec(line)![0].length < indent) guard = line;
    }
    const condition = guard === undefined ? undefined : /^[ \t]*(?:el)?if\s+(.+?)\s*:\s*(?:#.*)?$/.exec(guard)?.[1];
    if (condition === undefined || !condition.split(/\s+or\s+/).every((part) => PRESENCE.test(part.trim().replace(/^\((.*)\)$/, '$1')))) return false;
  }
  return refusals > 0;
}

/** `x = request.args.get("x")` or `request.args["x"]` (Django: `request.GET`): one query parameter kept in a name. */
const QUERY_READ = /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(request[ \t]*\.[ \t]*(?:args|GET)[ \t]*(?:\.[ \t]*get[ \t]*\(([^\n]*)\)|\[[^\]\n]+\]))[ \t]*(?:#.*)?$/gm;
/** `features.append(request.GET["x"])`: a query parameter collected, as it arrived, into a list. */
const QUERY_APPEND =
  /^[ \t]*([A-Za-z_]\w*)[ \t]*\.[ \t]*append[ \t]*\([ \t]*(request[ \t]*\.[ \t]*(?:args|GET)[ \t]*(?:\.[ \t]*get[ \t]*\(([^\n]*)\)|\[[^\]\n]+\]))[ \t]*\)[ \t]*(?:#.*)?$/gm;

/**
 * Query parameters (Flask `request.args.get("x")`, Django `request.GET["x"]`) kept in names, or
 * appended to a list (`features.append(request.GET["RI"])`), and handed to a model call with
 * no conversion (`float(x)`, `type=float`) and no check that answers a 4xx: each value is a string,
 * or None when the parameter is missing, and the model gets it as it arrived.
 */
function reportQueryToModel(context: PythonContext, handler: HandlerInfo): void {
  const { model } = context;
  if (handler.framework === 'flask' && model.imports.get('request') !== 'flask.request') return;
  const start = handler.node.startIndex;
  const end = model.handlerEnd(handler);
  const text = model.source.slice(start, end);
  // Django views read `request.GET`; Flask handlers `request.args`.
  const source = handler.framework === 'django' ? 'GET' : 'args';
  const reads = [...text.matchAll(QUERY_READ), ...text.matchAll(QUERY_APPEND)]
    .filter((m) => new RegExp(`\\.[ \t]*${source}\\b`).test(m[2]) && !/\btype[ \t]*=/.test(m[3] ?? ''))
    .sort((a, b) => a.index - b.index);
  if (reads.length === 0 || handlerChecksInput(model, handler)) return;
  // A name converted or tested anywhere in the handler (`float(x)`, `if x is None`) is not raw.
  const raw = reads.filter((m) => {
    const name = m[1];
    return !new RegExp(`\\b(?:float|int|bool|Decimal|literal_eval|\\w*validate\\w*)[ \t]*\\([ \t]*${name}\\b|\\bif\\b[^\\n:]*\\b${name}\\b`).test(text);
  });
  if (raw.length === 0) return;
  const mentions = new RegExp(`\\b(${raw.map((m) => m[1]).join('|')})\\b`);
  for (const call of model.callsWithin(start, end)) {
    const written = call.node.childForFieldName('function')?.text ?? '';
    if (!MODEL_CALL.test(written)) continue;
    const argument = call.node.childForFieldName('arguments')?.namedChildren.find((a) => a && mentions.test(a.text));
    if (!argument) continue;
    const first = raw[0];
    const from = start + first.index + first[0].indexOf(first[2]);
    // A list filled by several appends is named once.
    const held = [...new Set(raw.map((m) => m[1]))];
    const names = held.slice(0, 3).join(', ') + (held.length > 3 ? ', ...' : '');
    context.report({ range: model.rangeOf(from, from + first[2].length), messageId: 'rawQuery', data: { handler: handler.name, names, call: `${written}()` } });
    return;
  }
}

/** `form.is_valid()`, `serializer.is_valid(raise_exception=True)`, Flask-WTF `form.validate_on_submit()`. */
const VALIDATE_CALL = /\b([A-Za-z_]\w*)[ \t]*\.[ \t]*(is_valid|validate_on_submit)[ \t]*\(/;

/**
 * A handler that validates a Django form, a DRF serializer or a Flask-WTF form and then reads the
 * raw request (`request.data`, `request.POST`, the form's own `.data`) instead of the validated
 * values (`cleaned_data`, `validated_data`): the check ran, and its result was thrown away.
 */
function reportBypassedValidation(context: PythonContext, handler: HandlerInfo): void {
  const { model } = context;
  const start = handler.node.startIndex;
  const text = model.source.slice(start, model.handlerEnd(handler));
  const match = VALIDATE_CALL.exec(text);
  if (!match) return;
  const validator = match[1];
  // The validated object is used: its cleaned or validated values, or `save()` (DRF, ModelForm).
  // Flask-WTF keeps the checked values on the fields: `form.<field>.data`.
  if (new RegExp(`\\b${validator}[ \\t]*\\.[ \\t]*(cleaned_data|validated_data|save[ \\t]*\\()`).test(text)) return;
  if (match[2] === 'validate_on_submit' && new RegExp(`\\b${validator}\\.\\w+\\.data\\b`).test(text)) return;
  const after = match.index + match[0].length;
  const afterPosition = model.rangeOf(start + after, start + after).start;
  const later = (r: { line: number; column: number }) => r.line > afterPosition.line || (r.line === afterPosition.line && r.column >= afterPosition.column);
  const candidates = requestReads(model, handler)
    .filter((read) => read.kind === 'body' && later(read.range.start))
    .map((read) => ({ range: read.range, source: read.source }));
  // A Django form's `.data` is the submitted QueryDict, strings and all, not the cleaned values.
  const form = new RegExp(`\\b${validator}[ \\t]*=[ \\t]*[\\w.]*Form[ \\t]*\\(`).test(text);
  if (form) {
    const data = new RegExp(`\\b${validator}[ \\t]*\\.[ \\t]*data\\b`, 'g');
    data.lastIndex = after;
    const read = data.exec(text);
    if (read) candidates.push({ range: model.rangeOf(start + read.index, start + read.index + read[0].length), source: `${validator}.data` });
  }
  const first = candidates.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.column - y.range.start.column)[0];
  if (!first) return;
  const { range, source } = first;
  const validated = match[2] === 'validate_on_submit' ? `${validator}.<field>.data` : form ? `${validator}.cleaned_data` : `${validator}.validated_data`;
  context.report({ range, messageId: 'bypassed', data: { handler: handler.name, validator, validated, source } });
}

/** A BentoML 1.x IO descriptor in `@svc.api(input=...)`, with its arguments. */
const DESCRIPTOR = /\binput\s*=\s*((?:bentoml\.io\.|io\.)?(NumpyNdarray|PandasDataFrame|JSON)\s*\(([^()]*)\))/;
/** What makes a descriptor check something: a shape, a dtype, named columns, a pydantic model. */
const DESCRIPTOR_CHECK: Readonly<Record<string, RegExp>> = {
  NumpyNdarray: /\b(shape|dtype|enforce_shape|enforce_dtype)\s*=/,
  PandasDataFrame: /\b(shape|dtype|columns|enforce_shape|enforce_dtype)\s*=/,
  JSON: /\bpydantic_model\s*=/,
};

/**
 * `@svc.api(input=NumpyNdarray())`: BentoML validates what the descriptor declares, and a bare
 * `NumpyNdarray()`, `PandasDataFrame()` or `JSON()` declares nothing, so any array or object
 * reaches the runner.
 */
function reportLooseDescriptor(context: PythonContext, handler: HandlerInfo): void {
  const { model } = context;
  const decorated = handler.node.parent;
  if (decorated?.type !== 'decorated_definition') return;
  const head = model.source.slice(decorated.startIndex, handler.node.startIndex);
  const match = DESCRIPTOR.exec(head);
  if (!match || DESCRIPTOR_CHECK[match[2]].test(match[3])) return;
  const start = decorated.startIndex + match.index + match[0].indexOf(match[1]);
  context.report({ range: model.rangeOf(start, start + match[1].length), messageId: 'looseDescriptor', data: { handler: handler.name, descriptor: match[1] } });
}

/**
 * A Lambda handler that passes its event, or a value read or built from it, to a model call
 * (`model.predict(event)`, `invoke_endpoint(Body=json.dumps(event))`, `predict(event["data"])`):
 * a directly invoked function's event is whatever the caller sent, unchecked.
 */
function reportEventToModel(context: PythonContext, handler: HandlerInfo): void {
  const { model } = context;
  const event = handler.payload;
  if (!event) return;
  // The envelope's own keys (an S3 or SQS trigger's Records) are AWS's, not a caller's payload.
  const envelope = new RegExp(`\\b${event}(?=\\s*(?:\\[\\s*|\\.get\\(\\s*)['"](?:${ENVELOPE_KEYS})['"])`, 'g');
  const text = model.source.slice(handler.node.startIndex, model.handlerEnd(handler)).replace(envelope, (m) => '_'.repeat(m.length));
  if (SHAPE_CHECK.test(text)) return;
  const mentions = new RegExp(`\\b(${derivedNames(text, [event]).join('|')})\\b`);
  for (const call of model.callsWithin(handler.node.startIndex, model.handlerEnd(handler))) {
    const written = call.node.childForFieldName('function')?.text ?? '';
    if (!MODEL_CALL.test(written) && !REMOTE_MODEL_CALL.test(written)) continue;
    // Positional or keyword (`Body=json.dumps(event)`): the event, or a value built from it.
    const argument = call.node.childForFieldName('arguments')?.namedChildren.find((a) => {
      if (!a) return false;
      const value = a.type === 'keyword_argument' ? a.childForFieldName('value') : a;
      return value !== null && mentions.test(text.slice(value.startIndex - handler.node.startIndex, value.endIndex - handler.node.startIndex));
    });
    if (!argument) continue;
    context.report({ node: argument, messageId: 'rawRead', data: { handler: handler.name, source: event } });
    return;
  }
}

/**
 * A gRPC method that looks at its request before using it: an INVALID_ARGUMENT answer, or a test
 * (`if`, `len`, `isinstance`, a validator) of the request or of a value built from it. An abort
 * for another reason (`if self.model is None: context.abort(...)`) says nothing of the input.
 */
function grpcChecksRequest(text: string, names: readonly string[]): boolean {
  if (/\bINVALID_ARGUMENT\b/.test(text)) return true;
  const name = `\\b(?:${names.join('|')})\\b`;
  return new RegExp(`\\b(?:len|isinstance|validate\\w*)\\s*\\(\\s*[^)\\n]*${name}|^[ \\t]*(?:if|elif|assert)\\b[^\\n]*${name}`, 'm').test(text);
}

/**
 * A gRPC servicer method that hands a field of its request message straight to a model call
 * (`model.predict([request.features])`, `run_prediction(request.input)`): protobuf fixes the
 * field's type, but not how many values a repeated field holds or how long a string is.
 */
function reportMessageToModel(context: PythonContext, handler: HandlerInfo): void {
  const { model } = context;
  const parameters = handler.node.childForFieldName('parameters')?.namedChildren ?? [];
  const request = parameters[0]?.text === 'self' ? parameters[1] : parameters[0];
  if (request?.type !== 'identifier') return;
  const text = model.source.slice(handler.node.startIndex, model.handlerEnd(handler));
  const derived = derivedNames(text, [request.text]).filter((name) => name !== request.text);
  // Several named scalar fields (`request.alcohol`, `request.pH`) are typed by the schema one by
  // one; a single repeated or string field (`request.features`, `request.text`) is not bounded.
  const fields = new Set([...text.matchAll(new RegExp(`\\b${request.text}\\.(\\w+)`, 'g'))].map((m) => m[1]));
  if (fields.size > 1) return;
  const field = new RegExp(`\\b${request.text}\\.\\w+|\\b(${[...derived, '(?!)'].join('|')})\\b`);
  for (const call of model.callsWithin(handler.node.startIndex, model.handlerEnd(handler))) {
    const written = call.node.childForFieldName('function')?.text ?? '';
    if (!MODEL_CALL.test(written) && !/(^|\.)run_model$/.test(written)) continue;
    const argument = call.node.childForFieldName('arguments')?.namedChildren.find((a) => a && field.test(a.text));
    if (!argument) continue;
    // Only a test before the model call checks what the call is given (a later `if prob >= 0.5` reads the output).
    if (!grpcChecksRequest(model.source.slice(handler.node.startIndex, call.node.startIndex), [request.text, ...derived]))
      context.report({ node: argument, messageId: 'rawRead', data: { handler: handler.name, source: argument.text.slice(0, 40) } });
    return;
  }
}

/** What a worker takes out of a message: its decoded value. */
const DECODED = /\.value\b|\bjson\.loads\(|\.decode\(|\.body\b|\.data\b/;

/**
 * A consumer that indexes into a message without a schema (`record["features"]`) or hands it whole
 * to a model: the body of a consumer loop, or of a RabbitMQ callback, whose last parameter is the
 * message (`def callback(ch, method, properties, body)`, aio-pika's `async def on_message(message)`).
 */
function reportStreamRecords(context: PythonContext): void {
  const { model } = context;
  const loops = workerLoops(model);
  const callbacks = messageCallbacks(model.whole);
  if ((loops.length === 0 && callbacks.size === 0) || fileValidatesPayloads(model)) return;
  for (const loop of loops) reportStreamBody(context, loop.body, []);
  if (callbacks.size === 0) return;
  for (const fn of model.functions) {
    if (!callbacks.has(fn.id)) continue;
    const parameters = fn.childForFieldName('parameters')?.namedChildren ?? [];
    const last = parameters[parameters.length - 1];
    const message = last?.type === 'identifier' ? last.text : last?.type === 'typed_parameter' ? last.namedChildren[0]?.text : undefined;
    const body = fn.childForFieldName('body');
    if (message && message !== 'self' && body) reportStreamBody(context, body, [message]);
  }
}

/** One consumer body: the first key read from a decoded message, else the message handed to a model. */
function reportStreamBody(context: PythonContext, block: Node, messages: readonly string[]): void {
  const { model } = context;
  const body = model.source.slice(block.startIndex, block.endIndex);
  const decoded = [...body.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([^\n]+)$/gm)].filter((m) => DECODED.test(m[2])).map((m) => m[1]);
  const key = new RegExp(`(?:\\b(?:${decoded.length ? decoded.join('|') : '(?!)'})|\\.value)\\s*\\[\\s*['"][^'"\\n]+['"]\\s*\\]`).exec(body);
  if (!key) {
    reportStreamToModel(context, block, [...new Set([...messages, ...decoded])]);
    return;
  }
  // A key read after the message's shape was tested (`isinstance`, `"k" not in data`) reads a checked message.
  if (SHAPE_CHECK.test(body.slice(0, key.index))) return;
  const start = block.startIndex + key.index;
  context.report({ range: model.rangeOf(start, start + key[0].length), messageId: 'streamRecord', data: { what: key[0].replace(/\s+/g, '') } });
}

/**
 * The decoded names and what the loop builds from them (`df = pd.DataFrame([record])`,
 * `x = np.array(data["features"])`), in the loop's order: the message reaches the model just the same.
 */
function derivedNames(text: string, decoded: readonly string[]): string[] {
  const names = new Set(decoded);
  if (names.size === 0) return [];
  for (const m of text.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([^\n]+)$/gm)) {
    if ([...names].some((name) => new RegExp(`\\b${name}\\b`).test(m[2]))) names.add(m[1]);
  }
  return [...names];
}

/** Calls that run a model on what they are given: `model.predict(x)`, `predict(data)`, `make_prediction(...)`. */
const MODEL_CALL = /(^|\.)(predict\w*|transform|forward|generate|classify|infer|inference|run_inference|score_\w+)$|^(make_|run_|get_)?predictions?\w*$/;
/** Model endpoints called over the network with the payload: SageMaker, Bedrock. */
const REMOTE_MODEL_CALL = /(^|\.)(invoke_endpoint|invoke_endpoint_async|invoke_model|invoke_model_with_response_stream)$/;
/** A check of the message's shape in the loop: a type, key, length or shape test, or a schema. */
const SHAPE_CHECK = /\bisinstance\s*\(|\blen\s*\(|\.shape\b|\bnot\s+in\b|\bvalidate\w*\s*\(|\.(parse_obj|parse_raw|model_validate\w*)\s*\(|\bif\s+not\s+\w+\s*:/;

/**
 * A consumer loop that hands the whole decoded message (`data = msg.value`) to a model call:
 * nothing looked at its keys, types or shape before the model did.
 */
function reportStreamToModel(context: PythonContext, body: Node, decoded: readonly string[]): void {
  const { model } = context;
  const text = model.source.slice(body.startIndex, body.endIndex);
  if (SHAPE_CHECK.test(text)) return;
  const mentions = new RegExp(`\\b(${[...derivedNames(text, decoded), '(?!)'].join('|')})\\b|\\.value\\b`);
  for (const call of model.callsWithin(body.startIndex, body.endIndex)) {
    const written = call.node.childForFieldName('function')?.text ?? '';
    if (!MODEL_CALL.test(written)) continue;
    const argument = call.node.childForFieldName('arguments')?.namedChildren.find((a) => a && mentions.test(a.text));
    if (!argument) continue;
    context.report({ node: argument, messageId: 'streamModel', data: { what: argument.text.slice(0, 40), call: `${written}()` } });
    return;
  }
}
