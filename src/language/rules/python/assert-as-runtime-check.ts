import type { Node } from 'web-tree-sitter';
import { isTestPath } from '../../python/test-code';
import { queueTasks } from '../../python/workers';
import { l, pythonRule } from '../../rule';

/** Validators whose AssertionError the library turns into a validation error (pydantic, attrs). */
const VALIDATOR = /@\s*([\w.]+\.)?(validator|field_validator|root_validator|model_validator|validates|validates_schema)\b/;

/** The function an assert runs in, the outermost one (a helper nested in a handler counts as the handler). */
function outermostFunction(node: Node): Node | undefined {
  let fn: Node | undefined;
  for (let at = node.parent; at; at = at.parent) if (at.type === 'function_definition') fn = at;
  return fn;
}

export default pythonRule({
  id: 'assert-as-runtime-check',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['bandit:B101', 'ruff:S101'],
  messages: {
    assert: l(
      '서비스 코드가 assert로 실행 중 조건을 검사합니다 ({count}곳): python -O로 실행하면 검사가 사라지고, 그렇지 않으면 설명 없는 AssertionError가 500이나 작업 실패가 됩니다',
      'The service checks runtime conditions with assert ({count} in this file): under python -O the checks vanish, and otherwise a bare AssertionError becomes a 500 or a failed task',
    ),
  },
  docs: {
    summary: l(
      '요청 핸들러, 큐 작업(Celery·RQ·Dramatiq)과 서비스 파일의 함수에서 입력·모델·파일 상태를 assert로 검사하는 코드를 파일마다 한 번 찾습니다. 테스트 파일, 모듈 최상위, pydantic·marshmallow 검증기(AssertionError를 검증 오류로 바꿈), isinstance 타입 좁히기는 제외합니다.',
      'Flags, once per file, request handlers, queue tasks (Celery, RQ, Dramatiq) and the functions of a service file that check inputs, the model or files with assert. Test files, module-level code, pydantic and marshmallow validators (which turn an AssertionError into a validation error) and isinstance type narrowing are skipped.',
    ),
    why: l(
      'assert는 개발 중 "절대 일어나지 않아야 할 일"을 적는 도구입니다. 파이썬을 -O로 실행하면 통째로 지워지고, 남아 있어도 실패는 메시지 없는 AssertionError라서 클라이언트는 500을, 워커는 실패한 작업만 봅니다. 요청 값이나 모델 파일처럼 실제로 틀릴 수 있는 것은 명시적인 if 검사와 알맞은 오류(400, 503, 재시도할 수 없는 작업 오류)로 다뤄야 합니다.',
      'assert states what must never happen while developing. Run Python with -O and the checks are gone; left in, a failure is a bare AssertionError, so the client sees a 500 and the worker a failed task. What can really be wrong at run time, such as a request value or a model file, needs an explicit check and the right error (400, 503, a task error that is not retried).',
    ),
    bad: 'from fastapi import FastAPI\n\napp = FastAPI()\nmodel = None\n\n@app.post("/predict")\ndef predict(features: list[float]):\n    assert model is not None\n    assert len(features) == 4, "four features"\n    return {"label": int(model.predict([features])[0])}\n',
    good: 'from fastapi import FastAPI, HTTPException\n\napp = FastAPI()\nmodel = None\n\n@app.post("/predict")\ndef predict(features: list[float]):\n    # TODO: 모델이 없을 때와 입력이 틀렸을 때, 클라이언트는 각각 어떤 상태 코드를 받아야 할까요?\n    if model is None:\n        raise HTTPException(status_code=503, detail="model not loaded")\n    if len(features) != 4:\n        raise HTTPException(status_code=422, detail="expected four features")\n    return {"label": int(model.predict([features])[0])}\n',
  },
  weeks: ['beginner/5', 'intermediate/5'],
  questions: [
    l(
      '파이썬을 -O 옵션으로 실행해 이 검사들이 사라지면, 지금 막고 있던 입력은 어디까지 들어갈까요?',
      'If Python runs with the -O option and these checks vanish, how far do the inputs they stop today get?',
    ),
    l(
      '검사가 실패하면 클라이언트(또는 작업을 넣은 쪽)는 무엇을 받나요? 무엇이 틀렸는지 알 수 있을까요?',
      'When a check fails, what does the client (or whoever queued the task) get back, and can they tell what was wrong?',
    ),
  ],
  scaffold: {
    ko: '# TODO: assert 대신 명시적인 검사와 오류\n# 고려사항:\n# - 클라이언트 입력이 틀렸다면? (400/422와 무엇이 틀렸는지)\n# - 모델·파일이 준비되지 않았다면? (503, 또는 시작할 때 실패하기)\n# - 실패를 로그에 어떻게 남길까요?\n# if # TODO: 조건:\n#     raise # TODO: 알맞은 오류\n',
    en: '# TODO: explicit checks and errors instead of assert\n# Consider:\n# - the client sent something wrong? (400/422 saying what is wrong)\n# - the model or a file is not ready? (503, or fail at start-up)\n# - how is the failure logged?\n# if # TODO: condition:\n#     raise # TODO: the right error\n',
  },
  query: '(assert_statement) @assert',
  check(context) {
    const { model } = context;
    if (isTestPath(context.path) || context.matches.length === 0) return;
    const handlers = new Set(model.handlers.map((h) => h.node.id));
    const tasks = queueTasks(model);
    // A service file (it has handlers or creates the app) or a worker's task file.
    const service = model.role === 'serving' || tasks.size > 0;
    if (!service) return;
    const found: Node[] = [];
    for (const { captures } of context.matches) {
      const statement = captures.assert!;
      const fn = outermostFunction(statement);
      if (!fn) continue;
      const condition = statement.namedChildren[0];
      if (condition?.type === 'call' && condition.childForFieldName('function')?.text === 'isinstance') continue;
      const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
      if (definition !== fn && VALIDATOR.test(model.source.slice(definition.startIndex, fn.startIndex))) continue;
      // Any function of a service file is on a request path unless shown otherwise; handlers and tasks certainly are.
      if (handlers.has(fn.id) || tasks.has(fn.id) || model.role === 'serving') found.push(statement);
    }
    if (found.length > 0) context.report({ node: found[0]!, messageId: 'assert', data: { count: found.length } });
  },
});
