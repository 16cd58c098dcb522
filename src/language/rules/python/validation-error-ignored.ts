import type { Node } from 'web-tree-sitter';
import { caughtTypes } from '../../python/errors';
import { enclosingFunction } from '../../python/nodes';
import { l, pythonRule } from '../../rule';

/** pydantic, jsonschema and marshmallow all name their failure `ValidationError`. */
const VALIDATION = /(^|\.)(ValidationError|SchemaError)$/;
/** A statement that only reports the failure: `print(...)`, a logger call, `st.error(...)`, `pass`. */
const REPORT_ONLY = /^(print|[\w.]*log\w*\.\w+|logging\.\w+|warnings\.warn|st\.(error|warning|write))$/i;

export default pythonRule({
  id: 'validation-error-ignored',
  language: 'python',
  local: 'statement',
  category: 'validation',
  severity: 'warning',
  anchors: ['gap:validation-error-ignored', 'CWE-20', 'CWE-390'],
  messages: {
    ignored: l(
      '{what}를 잡아 출력(또는 기록)만 하고 그대로 진행합니다 — 검증에 실패한 데이터가 다음 단계(전처리, 모델, 저장)로 그대로 넘어갑니다',
      '{what} is caught, reported and then ignored — the data that just failed validation goes on to the next step (preprocessing, the model, storage)',
    ),
  },
  docs: {
    summary: l(
      '함수 안에서 ValidationError(pydantic, jsonschema, marshmallow)를 잡아 print나 로그만 남기고, try 다음 코드가 그대로 실행되는 except 블록을 찾습니다. 반환, raise, continue로 처리를 멈추는 경우와 모듈 수준의 예제 코드는 제외합니다.',
      'Flags except blocks in a function that catch a ValidationError (pydantic, jsonschema, marshmallow), only print or log it, and let the code after the try run on. A clause that returns, raises or continues, and module-level demonstration code, are left alone.',
    ),
    why: l(
      '검증의 목적은 잘못된 데이터를 멈추는 것입니다. 실패를 출력만 하고 넘어가면 검증은 로그 한 줄이 되고, 잘못된 값은 모델에 들어가 조용히 틀린 예측을 만들거나 더 뒤에서 알아보기 어려운 오류로 터집니다.',
      'Validation exists to stop bad data. Printing the failure and carrying on turns it into a log line: the invalid values reach the model and produce quietly wrong predictions, or fail later with an error nobody can trace back.',
    ),
    bad: 'from pydantic import BaseModel, ValidationError\n\nclass Row(BaseModel):\n    price: float\n\ndef score(rows, model):\n    try:\n        [Row(**row) for row in rows]\n    except ValidationError as exc:\n        print(exc)\n    return model.predict(rows)\n',
    good: 'from pydantic import BaseModel, ValidationError\n\nclass Row(BaseModel):\n    price: float\n\nclass InvalidRows(Exception):\n    pass\n\ndef score(rows, model):\n    try:\n        valid = [Row(**row) for row in rows]\n    except ValidationError as exc:\n        # TODO: 호출한 쪽(클라이언트, 파이프라인)에 무엇이 잘못됐는지 어떻게 알릴까요?\n        raise InvalidRows(str(exc)) from exc\n    return model.predict([row.price for row in valid])\n',
  },
  weeks: ['beginner/1', 'beginner/6'],
  questions: [
    l(
      '검증에 실패한 데이터는 이 except 다음에 어디로 가나요? 그 단계는 잘못된 값을 견딜 수 있나요?',
      'Where does the data that failed validation go after this except? Can that step cope with invalid values?',
    ),
    l(
      '검증 실패를 알아야 하는 쪽은 누구인가요 — 요청을 보낸 클라이언트, 파이프라인, 아니면 로그를 읽는 사람?',
      'Who needs to learn that validation failed — the client that sent the request, the pipeline, or whoever reads the logs?',
    ),
    l('일부 행만 잘못되었다면, 전체를 거절할까요, 잘못된 행만 걸러낼까요?', 'If only some rows are invalid, should the whole input be refused, or only the bad rows dropped?'),
  ],
  scaffold: {
    ko: '# TODO: 검증 실패 뒤의 흐름 정하기\n# 고려사항:\n# - 요청이라면 400/422로 무엇이 잘못됐는지 알리기\n# - 배치라면 잘못된 행을 걸러내고 그 수를 기록하기\n# - 더 진행할 수 없다면 raise ... from exc\n# TODO: except 블록이 처리를 멈추거나 걸러내게 바꾸기\n',
    en: '# TODO: decide what happens after a validation failure\n# Consider:\n# - a request: answer 400/422 saying what is wrong\n# - a batch: drop the invalid rows and record how many\n# - cannot go on: raise ... from exc\n# TODO: make the except block stop or filter the processing\n',
  },
  check(context) {
    const { model } = context;
    if (!model.source.includes('ValidationError') && !model.source.includes('SchemaError')) return;
    for (const clause of model.excepts) {
      const header = /^except\b\*?\s*([^:]*?)\s*(?:\bas\s+\w+\s*)?:/.exec(model.source.slice(clause.startIndex, clause.endIndex));
      // `from marshmallow import ValidationError as SchemaInvalid`: judged by what it imports.
      if (!header?.[1] || !caughtTypes(header[1]).some((type) => VALIDATION.test(model.imports.get(type) ?? type))) continue;
      if (ignoresInvalid(clause)) context.report({ node: clause.child(0) ?? clause, messageId: 'ignored', data: { what: header[1] } });
    }
  },
});

/**
 * In a function, the clause only reports (or passes) and the statements after the `try` still
 * run: whatever the try meant to validate is then used as if it had passed.
 */
function ignoresInvalid(clause: Node): boolean {
  const block = clause.namedChildren.find((child) => child?.type === 'block');
  const statements = block?.namedChildren.filter((s): s is Node => !!s && s.type !== 'comment') ?? [];
  const onlyReports = statements.every((s) => {
    if (s.type === 'pass_statement') return true;
    const expr = s.type === 'expression_statement' ? s.namedChild(0) : null;
    return expr?.type === 'call' && REPORT_ONLY.test(expr.childForFieldName('function')?.text ?? '');
  });
  const tryNode = clause.parent?.type === 'try_statement' ? clause.parent : undefined;
  if (statements.length === 0 || !onlyReports || !tryNode || !enclosingFunction(tryNode)) return false;
  let next = tryNode.nextNamedSibling;
  while (next?.type === 'comment') next = next.nextNamedSibling;
  return next !== null && next !== undefined;
}
