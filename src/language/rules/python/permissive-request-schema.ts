import { keywordArgument, positionalArguments, type HandlerInfo } from '../../python/model';
import { handlerChecksInput } from '../../python/requests';
import { requestSchemas, type Schema, type SchemaField } from '../../python/schemas';
import { parametersAt } from '../../python/scan';
import { l, pythonRule, type PythonContext } from '../../rule';

/** Types that accept anything of their kind: any keys, any value. */
const LOOSE = /^(Optional\[)?(dict|Dict|Mapping|typing\.Dict|Any|typing\.Any|object|Json|JsonValue)(\[.*\])?\]?$|^(List|list|Sequence)\[(Dict|dict|Any|Mapping)(\[.*\])?\]$/;
/** Free text: a plain `str` with no length, pattern or choice constraint. */
const FREE_TEXT = /^(Optional\[)?str\]?$/;
/**
 * A handler parameter FastAPI reads as free text from the query string: a plain or optional
 * `str` (`text: str | None = None`), or no annotation at all (`def infer(text)`: FastAPI takes
 * an unannotated parameter as a query string), with no default or a literal one (not `Depends`).
 */
const FREE_TEXT_PARAMETER = /^((Optional\[)?str\]?|str\|None|None\|str|Union\[str,None\])$/;
const LITERAL_DEFAULT = /^(|None|"[^"]*"|'[^']*')$/;
/** Fields that carry free text for a model (prompts, documents): their length is the request's cost. */
const TEXT_FIELD =
  /^(prompt|text|texts|message|query|question|content|document|context|review|comment|sentence|passage|input|user_input)$|_(text|prompt|message|query|question|input)$/;
const TEXT_CONSTRAINT = /max_length|constr|pattern|regex|Literal|StringConstraints|Len\(|MaxLen/;
/** Schemas whose fields are optional by design: query filters, paging, search options, partial updates. */
const OPTIONAL_BY_DESIGN = /(Query|Filter|Params|Parameters|Options|Search|Paging|Pagination|Page|Update|Patch|Partial)s?$/;
const OPTIONAL = /^Optional\[|\|None$|^None\||Union\[.*None/;
/** A bare scalar annotation: a number, a flag or a free string, nothing that constrains the value. */
const BARE_SCALAR = /^(Optional\[)?(int|float|str|bool)\]?$|^(int|float|str|bool)\|None$/;
/** A default that constrains the value (`Field(..., ge=0)`, `Field(max_length=20)`). */
const VALUE_CONSTRAINT = /\b(ge|gt|le|lt|min_length|max_length|pattern|regex|multiple_of|allow_inf_nan)\s*=/;
/** Validators in the class body check values the annotations leave open. */
const VALIDATOR = /@(field_validator|validator|model_validator|root_validator)\b/;
/**
 * Generation settings a client should not set freely: the budget (how many tokens, beams or
 * sequences one request may cost) first, then the sampling ranges (a zero or negative temperature
 * fails inside `generate`).
 */
const GENERATION_BUDGET =
  /^(max_tokens|max_new_tokens|max_length|max_output_tokens|max_completion_tokens|max_gen_len|num_predict|n_predict|num_return_sequences|num_beams|best_of)$/;
const GENERATION_RANGE = /^(temperature|top_p)$/;
/**
 * Work budgets of a retrieval or agent request: how many documents, results, images or steps one
 * request computes (`top_k`, `num_results`, `num_inference_steps`, a forecast's `prediction_length`
 * or `horizon`). Integers only, so a feature that happens to share a name is not taken for one.
 */
const WORK_BUDGET =
  /^(top_k|n_results|num_results|max_results|num_docs|n_docs|num_images|num_inference_steps|n_samples|num_samples|num_outputs|n_iterations|num_iterations|max_iterations|prediction_length|forecast_length|forecast_horizon|horizon|n_periods|n_steps|num_steps|max_steps|steps_ahead|days_ahead|n_ahead|batch_size)$/;
const INTEGER = /^(Optional\[)?int\]?$|^int\|None$/;
const NUMBER = /^(Optional\[)?(int|float)\]?$|^(int|float)\|None$/;
/** An upper bound on the value (`Field(100, le=512)`, `conint(le=512)`). */
const UPPER_BOUND = /\b(le|lt)\s*=/;
/** Placeholder names (`feature1`, `field2`, `x3`): a demo with no domain to put a range on. */
const PLACEHOLDER = /^(feature|field|feat|col|column|var|x|f|input|value)_?\d+$/i;

export default pythonRule({
  id: 'permissive-request-schema',
  language: 'python',
  category: 'validation',
  severity: 'info',
  anchors: ['gap:schema-validates-nothing', 'CWE-20'],
  messages: {
    loose: l(
      "요청 스키마 {schema}의 '{field}' 필드({type})는 어떤 키와 값이든 받습니다 — 빠진 특징이나 엉뚱한 키는 모델 안에서야 드러납니다",
      "The field '{field}' ({type}) of the request schema {schema} accepts any keys and values — a missing feature or a stray key only shows up inside the model",
    ),
    allOptional: l(
      '요청 스키마 {schema}의 필드가 모두 선택 사항입니다 — 빈 요청도 검증을 통과합니다',
      'Every field of the request schema {schema} is optional — an empty request passes validation',
    ),
    unboundedNumbers: l(
      '요청 스키마 {schema}는 범주는 허용 값으로 검사하지만 숫자 특징 {count}개({names})에는 범위가 없습니다 — 음수나 터무니없는 값도 검증을 통과해 모델에 닿습니다',
      'The request schema {schema} checks its categories against allowed values, but none of its {count} numeric features ({names}) has a range — a negative or absurd value passes validation and reaches the model',
    ),
    freeText: l(
      "요청 스키마 {schema}의 자유 텍스트 필드 '{field}'에 최대 길이가 없습니다 — 아주 긴 입력 하나가 모델 호출의 시간과 비용을 정합니다",
      "The free-text field '{field}' of the request schema {schema} has no maximum length — one very long input decides the model call’s time and cost",
    ),
    unconstrained: l(
      '요청 스키마 {schema}의 특징 {count}개가 모두 범위나 허용 값 없는 {types}입니다 — 음수나 터무니없는 값, 모르는 범주도 검증을 통과해 모델에 닿습니다',
      'All {count} features of the request schema {schema} are bare {types} with no range or allowed values — a negative or absurd value, or an unknown category, passes validation and reaches the model',
    ),
    generation: l(
      "요청 스키마 {schema}의 '{field}'({type})는 클라이언트가 범위 없이 정합니다 — 요청 하나가 생성 길이와 비용(또는 generate 안에서 실패할 값)을 정합니다",
      "The request schema {schema} lets the client choose '{field}' ({type}) with no range — one request decides how long the model generates and what it costs (or sends a value that fails inside generate)",
    ),
    workload: l(
      "요청 스키마 {schema}의 '{field}'({type})는 클라이언트가 상한 없이 정합니다 — 요청 하나가 가져올 문서·결과 수나 실행할 단계 수를, 곧 그 요청의 시간과 비용을 정합니다",
      "The request schema {schema} lets the client choose '{field}' ({type}) with no upper bound — one request decides how many documents, results or steps the service computes, and so its time and cost",
    ),
    freeParameter: l(
      "핸들러 '{handler}'의 자유 텍스트 파라미터 '{field}'에 최대 길이가 없습니다 — 아주 긴 입력 하나가 모델 호출의 시간과 비용을 정합니다",
      "The free-text parameter '{field}' of the handler '{handler}' has no maximum length — one very long input decides the model call’s time and cost",
    ),
    unconstrainedParameters: l(
      "핸들러 '{handler}'가 특징 {count}개({names})를 범위 없는 {types} 파라미터로 받습니다 — 음수나 터무니없는 값도 검증을 통과해 모델에 닿습니다",
      "The handler '{handler}' takes {count} features ({names}) as bare {types} parameters with no range — a negative or absurd value passes validation and reaches the model",
    ),
    pageSize: l(
      "핸들러 '{handler}'의 '{field}'는 클라이언트가 상한 없이 정합니다 — 요청 하나가 표 전체를 읽어 응답 시간과 메모리를 정할 수 있습니다",
      "The handler '{handler}' lets the client choose '{field}' with no upper bound — one request can read the whole table and decide the response’s time and memory",
    ),
    generationParameter: l(
      "핸들러 '{handler}'의 '{field}'({type})는 클라이언트가 상한 없이 정합니다 — 요청 하나가 생성 길이와 비용을 정합니다",
      "The handler '{handler}' lets the client choose '{field}' ({type}) with no upper bound — one request decides how long the model generates and what it costs",
    ),
    freeGradio: l(
      'Gradio 입력 {field}에 최대 길이가 없습니다 — 아주 긴 입력 하나가 모델 호출의 시간과 비용을 정합니다',
      'The Gradio input {field} has no maximum length — one very long input decides the model call’s time and cost',
    ),
  },
  severityReasons: {
    generationBudget: {
      severity: 'warning',
      message: l(
        '생성 길이나 샘플링 값은 요청 하나의 GPU 시간과 비용을 정합니다: 상한이 없으면 한 클라이언트가 서버를 붙잡을 수 있습니다',
        'generation length and sampling settings decide one request’s GPU time and cost: with no upper bound, one client can hold the server',
      ),
    },
  },
  docs: {
    summary: l(
      '검증이 거의 없는 요청 스키마를 찾습니다: dict/Any 필드, 모든 필드가 선택 사항인 모델, 길이 제한 없는 자유 텍스트 필드(prompt, text 등; 그 필드를 len()으로 재고 raise하는 validator는 제한으로 봅니다), 상한 없이 클라이언트가 정하는 생성 설정(max_tokens, max_new_tokens, temperature 등)과 작업량(top_k, num_results, num_inference_steps 등, warning), 모든 특징이 범위 없는 float/int/str인 스키마와 범주형 필드만 Enum/Literal로 검사하고 숫자 특징은 모두 범위가 없는 스키마(스키마당 한 번), FastAPI 핸들러가 스키마 없이 바로 받는 같은 이름의 str 파라미터(?query=...; Optional[str]이나 타입 표기 없는 파라미터 포함), 특징 여러 개를 범위 없는 float/int 파라미터로 받는 핸들러(def predict(area: float, bedrooms: int), Form(...) 포함), 상한 없는 페이지 크기(limit, page_size)나 생성 길이 파라미터(max_length, max_new_tokens 등) (핸들러가 직접 4xx로 검사하면 제외).',
      'Flags request schemas that validate little: dict/Any fields, models whose every field is optional, free-text fields (prompt, text …) with no length limit (a validator that measures the field with len() and raises counts as one), generation settings and work budgets the client chooses with no upper bound (max_tokens, max_new_tokens, temperature, top_k, num_results, num_inference_steps …, at warning), schemas whose every feature is a bare float/int/str with no range or allowed values, or whose categories are Enum/Literal choices while every numeric feature is left without a range (once per schema), and the same free text taken by a FastAPI handler as a plain str parameter (?query=...; an Optional[str] or unannotated one included), a handler taking several features as bare float/int parameters (def predict(area: float, bedrooms: int), Form(...) fields included), a page size (limit, page_size) or a generation budget (max_length, max_new_tokens …) taken as a parameter with no upper bound (unless the handler checks the input itself and answers 4xx).',
    ),
    why: l(
      '스키마는 모델이 기대하는 입력의 계약입니다. Dict[str, float]는 키 이름을, 제한 없는 str은 허용 범주와 길이를 말해 주지 않아, 잘못된 입력이 검증을 통과해 KeyError나 엉뚱한 예측, 긴 프롬프트 비용으로 돌아옵니다.',
      'A schema is the contract for the input the model expects. Dict[str, float] says nothing about the keys, an unbounded str nothing about allowed categories or length, so bad input passes validation and comes back as a KeyError, a wrong prediction or an expensive prompt.',
    ),
    bad: "from fastapi import FastAPI\nfrom pydantic import BaseModel\n\napp = FastAPI()\n\nclass PredictRequest(BaseModel):\n    features: dict[str, float]\n\n@app.post('/predict')\ndef predict(body: PredictRequest):\n    return {'n': len(body.features)}\n",
    good: "from fastapi import FastAPI\nfrom pydantic import BaseModel, Field\n\napp = FastAPI()\n\nclass PredictRequest(BaseModel):\n    # TODO: 모델이 기대하는 특징마다 이름, 타입, 범위를 적어 보세요\n    age: float = Field(..., ge=0, le=120)\n    income: float = Field(..., ge=0)\n\n@app.post('/predict')\ndef predict(body: PredictRequest):\n    return {'age': body.age}\n",
  },
  weeks: ['beginner/1', 'beginner/5'],
  questions: [
    l(
      '{field|이 필드}에 모델이 모르는 키나 1MB짜리 문자열이 오면 어디에서 처음 실패할까요?',
      'If {field|this field} receives a key the model does not know, or a 1 MB string, where does it first fail?',
    ),
    l(
      '{schema|이 스키마}만 읽고도 모델이 기대하는 입력을 알 수 있나요? 무엇이 빠져 있나요?',
      'Could someone learn what the model expects from {schema|this schema} alone? What is missing?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 스키마가 입력을 실제로 검증하게 하기\n# 고려사항:\n# - dict 대신 특징마다 이름 있는 필드 (타입과 범위 포함)\n# - 범주형 값은 Literal이나 Enum으로\n# - 문자열은 max_length, 리스트는 max_length로 상한을\n# - 꼭 필요한 필드는 필수로\n# TODO: 필드별 타입과 제약 추가하기\n',
    en: '# TODO: make the schema really validate the input\n# Consider:\n# - named fields per feature instead of a dict (with types and ranges)\n# - categorical values as Literal or Enum\n# - an upper bound: max_length on strings and lists\n# - required fields required\n# TODO: add types and constraints per field\n',
  },
  // Only files that declare a class with a base class can hold a schema; a handler's own `str` parameters are the schema of a query string.
  query: `[
    (class_definition superclasses: (argument_list)) @class
    (typed_parameter type: (type (identifier) @str (#eq? @str "str")))
    (typed_default_parameter type: (type (identifier) @str (#eq? @str "str")))
  ]`,
  // Gradio text inputs are found by name: `gr.Textbox`, `gr.Interface`; a module that builds a
  // FastAPI app or router holds handlers whose parameters may be unannotated or optional text.
  callees: ['gradio.Textbox', 'gradio.TextArea', 'gradio.components.Textbox', 'gradio.Interface', 'fastapi.FastAPI', 'fastapi.APIRouter'],
  // The handlers of an app nothing the tree runs starts (a demo beside the served app) take no one's input.
  project(context) {
    for (const path of context.view.entryPoints.unserved) context.withdraw(path);
  },
  check(context) {
    const { model } = context;
    freeTextParameters(context);
    numericParameters(context);
    freeGradioText(context);
    const schemas = requestSchemas(model);
    if (schemas.length === 0) return;
    const byName = new Map<string, HandlerInfo>(model.handlers.map((h) => [h.name, h]));
    for (const schema of schemas) {
      // A handler that checks the input itself and answers 4xx knows what the schema leaves open.
      // A 401/403/404/429 refuses the caller or the record, not the input's shape.
      if (schema.handlers.some((name) => byName.has(name) && handlerChecksInput(model, byName.get(name)!, false))) continue;
      const data = (field: SchemaField) => ({ schema: schema.name, field: field.name, type: field.type });
      const loose = schema.fields.find((f) => LOOSE.test(f.type));
      if (loose) {
        context.report({ range: model.rangeOf(loose.start, loose.end), messageId: 'loose', data: data(loose) });
        continue;
      }
      // Filters, paging and partial updates are optional field by field on purpose.
      if (
        !OPTIONAL_BY_DESIGN.test(schema.name) &&
        !schema.handlers.some((name) => byName.get(name)?.methods?.some((m) => m === 'GET' || m === 'PATCH')) &&
        schema.fields.length > 0 &&
        schema.fields.every((f) => OPTIONAL.test(f.type) || /^None\b|default\s*=\s*None/.test(f.value.replace(/^Field\(\s*/, '')))
      ) {
        context.report({ node: schema.node.childForFieldName('name') ?? schema.node, messageId: 'allOptional', data: { schema: schema.name } });
        continue;
      }
      const generation = unboundedGeneration(schema, model.source);
      if (generation)
        context.report({
          range: model.rangeOf(generation.start, generation.end),
          messageId: WORK_BUDGET.test(generation.name) ? 'workload' : 'generation',
          data: data(generation),
          severityReason: 'generationBudget',
        });
      const text = schema.fields.find((f) => TEXT_FIELD.test(f.name) && FREE_TEXT.test(f.type) && !TEXT_CONSTRAINT.test(f.value) && !lengthValidated(schema.node.text, f.name));
      if (text) {
        context.report({ range: model.rangeOf(text.start, text.end), messageId: 'freeText', data: data(text) });
        continue;
      }
      if (generation) continue;
      reportUnconstrained(context, schema);
    }
  },
});

/**
 * The first generation setting of the schema (budget before sampling range) that is a bare number
 * with no upper bound, unless a validator in the class or a `min(..., field)` anywhere in the file
 * clamps it.
 */
function unboundedGeneration(schema: Schema, source: string): SchemaField | undefined {
  const open = (f: SchemaField) => NUMBER.test(f.type) && !UPPER_BOUND.test(f.value) && !new RegExp(`\\bmin\\([^)\\n]*\\b${f.name}\\b`).test(source);
  const field =
    schema.fields.find((f) => GENERATION_BUDGET.test(f.name) && open(f)) ??
    schema.fields.find((f) => GENERATION_RANGE.test(f.name) && open(f)) ??
    schema.fields.find((f) => WORK_BUDGET.test(f.name) && INTEGER.test(f.type) && open(f));
  return field && !VALIDATOR.test(schema.node.text) ? field : undefined;
}

/**
 * A schema of features, every one a bare `float`/`int`/`str` with no range, pattern or choice:
 * the types are checked, the values never. Said once per schema, at info. A schema needs a number
 * among at least two fields to be features (`user_id: str, name: str` is an identity, not a row
 * for a model), validators in its body count as checks, and placeholder names (`feature1`) leave
 * no domain to put a range on.
 */
function reportUnconstrained(context: PythonContext, schema: Schema): void {
  const { model } = context;
  const fields = schema.fields;
  if (fields.length < 2 || OPTIONAL_BY_DESIGN.test(schema.name)) return;
  const bare = (f: SchemaField) => BARE_SCALAR.test(f.type) && !VALUE_CONSTRAINT.test(f.value);
  if (!fields.every(bare)) {
    reportUnboundedNumbers(context, schema, bare);
    return;
  }
  if (!fields.some((f) => /\b(int|float)\b/.test(f.type)) || fields.some((f) => PLACEHOLDER.test(f.name))) return;
  if (VALIDATOR.test(model.source.slice(schema.node.startIndex, schema.node.endIndex))) return;
  const types = [...new Set(fields.map((f) => f.type.replace(/^Optional\[|\]$|\|None$/g, '')))].join('/');
  context.report({ node: schema.node.childForFieldName('name') ?? schema.node, messageId: 'unconstrained', data: { schema: schema.name, count: fields.length, types } });
}

/** A categorical field constrained to allowed values: `Literal["a", "b"]` or an Enum class of this file. */
function isChoice(model: PythonContext['model'], type: string): boolean {
  const bare = type.replace(/^Optional\[(.*)\]$|^(.*)\|None$/, '$1$2');
  if (/^(typing\.)?Literal\[/.test(bare)) return true;
  if (!/^[A-Z]\w*$/.test(bare)) return false;
  return new RegExp(`^class[ \\t]+${bare}[ \\t]*\\([^)]*\\b(Enum|IntEnum|StrEnum)\\b`, 'm').test(model.source);
}

/**
 * A schema that checks its categories (Enum or Literal fields) while every numeric feature, two
 * at least, is a bare `int`/`float` with no range: the choices are validated, the numbers never
 * (`age: int`, `hours_per_week: int` beside `workclass: Workclass`). Every other field must be a
 * bare scalar too, so a schema with any range, pattern or nested model says nothing here; a
 * validator in the class body checks what the annotations leave open.
 */
function reportUnboundedNumbers(context: PythonContext, schema: Schema, bare: (f: SchemaField) => boolean): void {
  const { model } = context;
  const fields = schema.fields;
  if (!fields.every((f) => bare(f) || isChoice(model, f.type))) return;
  if (!fields.some((f) => isChoice(model, f.type))) return;
  const numbers = fields.filter((f) => bare(f) && /\b(int|float)\b/.test(f.type));
  if (numbers.length < 2 || fields.some((f) => PLACEHOLDER.test(f.name))) return;
  if (VALIDATOR.test(model.source.slice(schema.node.startIndex, schema.node.endIndex))) return;
  const names =
    numbers
      .map((f) => f.name)
      .slice(0, 4)
      .join(', ') + (numbers.length > 4 ? ', …' : '');
  context.report({ node: schema.node.childForFieldName('name') ?? schema.node, messageId: 'unboundedNumbers', data: { schema: schema.name, count: numbers.length, names } });
}

/**
 * `@app.get("/ask") def ask(question: str)`: FastAPI reads a plain `str` parameter from the query
 * string, with no schema and no length limit unless its default is `Query(max_length=...)`.
 * So does `text: str | None = None`, and an unannotated `def infer(text)`.
 */
function freeTextParameters(context: PythonContext): void {
  const { model } = context;
  if (model.framework !== 'fastapi') return;
  for (const handler of model.handlers) {
    const parameters = parametersAt(model.source, handler.node.startIndex);
    const text = parameters.find((p) => TEXT_FIELD.test(p.name) && freeTextParameter(p.type.replace(/\s+/g, ''), p.value.trim()));
    if (!text || handlerChecksInput(model, handler, false)) continue;
    context.report({ range: model.rangeOf(text.start, text.end), messageId: 'freeParameter', data: { handler: handler.name, field: text.name, type: text.type } });
  }
}

/** The size of a page the client asks for: `limit`, `page_size`, `per_page`. */
const PAGE_SIZE = /^(limit|page_size|pagesize|per_page|page_limit)$/;
/** Identifiers, offsets and page numbers: numbers that name or locate a record, not features. */
const NOT_FEATURE =
  /(^|_)(id|ids|idx|index|skip|offset|page|page_size|per_page|seed|version|limit|top_k|top_n)$|^(max_tokens|max_new_tokens|max_length|max_output_tokens|max_completion_tokens|max_gen_len|num_predict|n_predict|num_return_sequences|num_beams|best_of|temperature|top_p)$/i;

/**
 * FastAPI handler parameters that are numbers the client chooses with no bound: the features of
 * a prediction taken one by one (`def predict(area: float, bedrooms: int)`, `age: int = Form(...)`),
 * every one bare — the same as a schema of bare features, written as parameters (two at least, no
 * placeholder names) — and a page size with no upper bound (`limit: int = 100`). A constraint
 * (`Query(10, le=100)`, `Annotated[int, Field(ge=0)]`), a handler that checks its input and
 * answers 4xx, or a page size the handler clamps itself (`min(limit, 100)`, `if limit > 100`) is a bound.
 */
function numericParameters(context: PythonContext): void {
  const { model } = context;
  if (model.framework !== 'fastapi') return;
  for (const handler of model.handlers) {
    const parameters = parametersAt(model.source, handler.node.startIndex).filter(
      (p) => NUMBER.test(p.type.replace(/\s+/g, '')) && !VALUE_CONSTRAINT.test(p.value) && !/^(Depends|Security|Path|Header|Cookie)\(/.test(p.value.trim()),
    );
    if (parameters.length === 0) continue;
    const body = model.source.slice(handler.node.startIndex, model.handlerEnd(handler));
    const route = handler.route ?? '';
    const size = parameters.find((p) => PAGE_SIZE.test(p.name) && !clamped(body, p.name));
    const budget = parameters.find((p) => GENERATION_BUDGET.test(p.name) && !clamped(body, p.name));
    const features = parameters.filter((p) => !NOT_FEATURE.test(p.name) && !route.includes(`{${p.name}}`));
    const all = features.length >= 2 && !features.some((p) => PLACEHOLDER.test(p.name));
    if ((!size && !all && !budget) || handlerChecksInput(model, handler, false)) continue;
    if (budget)
      context.report({
        range: model.rangeOf(budget.start, budget.end),
        messageId: 'generationParameter',
        data: { handler: handler.name, field: budget.name, type: budget.type },
        severityReason: 'generationBudget',
      });
    if (size) context.report({ range: model.rangeOf(size.start, size.end), messageId: 'pageSize', data: { handler: handler.name, field: size.name, type: size.type } });
    if (!all) continue;
    const types = [...new Set(features.map((f) => f.type.replace(/\s+/g, '').replace(/^Optional\[|\]$|\|None$/g, '')))].join('/');
    context.report({
      range: model.rangeOf(features[0].start, features[0].end),
      messageId: 'unconstrainedParameters',
      data: { handler: handler.name, count: features.length, names: features.map((f) => f.name).join(', '), types },
    });
  }
}

/** `min(limit, 100)`, `limit = min(...)`, `if limit > MAX`: the handler bounds the value itself. */
function clamped(body: string, name: string): boolean {
  return new RegExp(`\\bmin\\([^)\\n]*\\b${name}\\b|\\b${name}\\s*(>=?|<=?)|(>=?|<=?)\\s*${name}\\b`).test(body);
}

function freeTextParameter(type: string, value: string): boolean {
  if (TEXT_CONSTRAINT.test(value)) return false;
  if (type === '') return LITERAL_DEFAULT.test(value);
  return FREE_TEXT_PARAMETER.test(type);
}

/** Input-looking Gradio text components (`prompt = gr.Textbox(...)`), not outputs (`result`, `answer`). */
const GRADIO_INPUT = /prompt|input|question|query|message|\bmsg\b|text|instruction/i;
const GRADIO_OUTPUT = /result|output|answer|response|reply|generated|summary|status|log/i;

/**
 * Gradio text inputs with no `max_length`: `gr.Interface(inputs="text")`, or a `gr.Textbox` named
 * or labelled like an input. Gradio passes whatever the box holds straight to the function.
 */
function freeGradioText(context: PythonContext): void {
  for (const call of context.calls) {
    const callee = call.callee ?? '';
    if (callee === 'gradio.Interface') {
      const inputs = keywordArgument(call.node, 'inputs') ?? positionalArguments(call.node)[1];
      if (inputs && /^["'](text|textbox)["']$/i.test(inputs.text)) context.report({ node: inputs, messageId: 'freeGradio', data: { field: inputs.text } });
    } else if (/^gradio\.(Textbox|TextArea|components\.Textbox)$/.test(callee)) {
      if (keywordArgument(call.node, 'max_length')) continue;
      const assigned = call.node.parent?.type === 'assignment' ? (call.node.parent.childForFieldName('left')?.text ?? '') : '';
      const label = keywordArgument(call.node, 'label')?.text ?? '';
      const name = `${assigned} ${label}`;
      if (GRADIO_INPUT.test(name) && !GRADIO_OUTPUT.test(name)) context.report({ node: call.node, messageId: 'freeGradio', data: { field: assigned || label } });
    }
  }
}

/**
 * A validator of the class that names the field and measures it (`@field_validator("text")` whose
 * body checks `len(v) > MAX_TEXT_LENGTH` and raises): the length limit is there, in code.
 */
function lengthValidated(classText: string, field: string): boolean {
  // The decorator's arguments on its own line: `[^)\n]` keeps each attempt to one line.
  const decorator = new RegExp(`@(field_validator|validator)\\(([^)\\n]*)\\)`, 'g');
  for (let match = decorator.exec(classText); match; match = decorator.exec(classText)) {
    if (!new RegExp(`["']${field}["']|["']\\*["']`).test(match[2])) continue;
    // The validator's body: from its def to the next statement at the class's own indentation.
    const def = classText.indexOf('def ', match.index + match[0].length);
    if (def === -1) continue;
    const indent = classText.slice(classText.lastIndexOf('\n', match.index) + 1, match.index);
    if (!/^[ \t]*$/.test(indent)) continue;
    const next = new RegExp(`\\n${indent}\\S`, 'g');
    const lineEnd = classText.indexOf('\n', def);
    next.lastIndex = lineEnd === -1 ? classText.length : lineEnd;
    const end = lineEnd === -1 ? null : next.exec(classText);
    const body = classText.slice(def, end ? end.index : classText.length);
    if (/\blen\s*\(/.test(body) && /\braise\b/.test(body)) return true;
  }
  return false;
}
