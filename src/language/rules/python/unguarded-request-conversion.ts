import type { Node } from 'web-tree-sitter';
import { unguardedConversions } from '../../python/conversions';
import { appErrorHandlers } from '../../python/errors';
import { l, pythonRule } from '../../rule';

/** An app-level handler for these maps bad input to a response on its own. */
const INPUT_ERRORS = /(^|\.)(ValueError|TypeError|KeyError|LookupError|JSONDecodeError|BadRequest\w*|400|422)$/;

export default pythonRule({
  id: 'unguarded-request-conversion',
  language: 'python',
  local: 'handler',
  category: 'error-handling',
  severity: 'warning',
  anchors: ['gap:unguarded-input-conversion', 'CWE-20', 'CWE-755'],
  messages: {
    convert: l(
      "핸들러 '{handler}'가 요청 입력을 {what}로 변환하는데 실패에 대비하지 않습니다 — 잘못된 값 하나가 400이 아니라 500이 됩니다",
      "The handler '{handler}' converts request input with {what} and nothing catches a failure — one malformed value becomes a 500 instead of a 400",
    ),
    key: l(
      "핸들러 '{handler}'가 요청 JSON에서 {what}를 바로 꺼냅니다 — 키가 없으면 KeyError로 500이 됩니다",
      "The handler '{handler}' reads {what} straight from the request JSON — a missing key is a KeyError and a 500",
    ),
  },
  docs: {
    summary: l(
      '핸들러에서 요청 입력을 float()/int()/json.loads()/strptime() 등으로 변환하거나, 업로드된 파일을 Image.open()/pd.read_csv()/PdfReader() 등으로 해석하거나, JSON 본문의 키를 바로 읽으면서, 그 실패(ValueError, JSONDecodeError, KeyError, UnidentifiedImageError)를 잡지 않는 코드를 찾습니다.',
      'Flags handlers that convert request input with float()/int()/json.loads()/strptime() and the like, decode an uploaded file with Image.open()/pd.read_csv()/PdfReader() and the like, or read keys straight from the JSON body, without catching the failure (ValueError, JSONDecodeError, KeyError, UnidentifiedImageError).',
    ),
    why: l(
      '클라이언트의 실수가 서버 오류(500)로 보이면 클라이언트는 무엇을 고쳐야 할지 모르고, 운영자는 진짜 장애와 잘못된 입력을 구분하지 못합니다. 오류율 알림도 잘못된 입력 때문에 울립니다.',
      'When a client mistake looks like a server error (500), the client cannot tell what to fix and operators cannot tell real incidents from bad input; error-rate alerts fire on malformed requests.',
    ),
    bad: "from flask import Flask, request\n\napp = Flask(__name__)\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    age = float(request.form['age'])\n    return {'age': age}\n",
    good: "from flask import Flask, request\n\napp = Flask(__name__)\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    try:\n        age = float(request.form['age'])\n    except ValueError:\n        # TODO: 클라이언트에게 무엇이 잘못됐는지 어떻게 알려줄까요?\n        return {'error': 'age must be a number'}, 400\n    return {'age': age}\n",
  },
  weeks: ['beginner/5', 'beginner/1'],
  questions: [
    l(
      '요청에 {what|이 코드}가 읽는 필드가 빠져 있거나, 숫자 자리에 글자가 오면 클라이언트는 어떤 응답을 받나요? 그 응답으로 무엇을 고쳐야 할지 알 수 있을까요?',
      'If a request leaves out the field {what|this code} reads, or sends letters where a number belongs, what response does the client get? Would it tell them what to fix?',
    ),
    l('잘못된 입력(4xx)과 서버의 실패(5xx)를 운영 대시보드에서 구분할 수 있나요?', 'Can your dashboards tell a malformed request (4xx) apart from a server failure (5xx)?'),
    l(
      '{handler|이 핸들러}의 입력 모양을 한곳(스키마)에서 검증한다면 이런 변환 코드는 어떻게 달라질까요?',
      'If the input of {handler|this handler} were validated in one place (a schema), how would this conversion code change?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 요청 입력 변환 실패에 대비하기\n# 고려사항:\n# - 어떤 예외가 날 수 있나요? (ValueError, KeyError, JSONDecodeError)\n# - 클라이언트에게 400/422와 어떤 메시지를 줄까요? (내부 정보는 빼고)\n# - 스키마(pydantic, marshmallow)로 한 번에 검증할 수는 없을까요?\n# TODO: 변환을 try/except로 감싸거나 스키마 검증으로 바꾸기\n',
    en: '# TODO: prepare for failed conversions of request input\n# Consider:\n# - which exceptions can occur? (ValueError, KeyError, JSONDecodeError)\n# - which 400/422 and message does the client get? (without internals)\n# - could a schema (pydantic, marshmallow) validate it in one place?\n# TODO: guard the conversion with try/except or replace it with schema validation\n',
  },
  // The handlers of an app nothing the tree runs starts (a demo beside the served app) take no one's input.
  project(context) {
    for (const path of context.view.entryPoints.unserved) context.withdraw(path);
  },
  check(context) {
    const { model } = context;
    if (model.handlers.length === 0) return;
    // An app-level handler for ValueError/KeyError (or 400) answers bad input by itself.
    if (appErrorHandlers(model).some((type) => INPUT_ERRORS.test(type))) return;
    for (const handler of model.handlers) {
      // One finding per handler and path: the first place where bad input turns into a 500, and
      // the first on each branch that excludes it (a JSON branch and a form branch of one view).
      const reported: Node[] = [];
      for (const conversion of unguardedConversions(model, handler)) {
        if (reported.some((node) => !exclusive(node, conversion.node))) continue;
        reported.push(conversion.node);
        context.report({ node: conversion.node, messageId: conversion.kind, data: { handler: handler.name, what: conversion.what } });
      }
    }
  },
});

/** Two nodes on different branches of one `if` (its body, an `elif`, the `else`): never both run. */
function exclusive(a: Node, b: Node): boolean {
  const path = new Map<number, number>();
  for (let child = a, n = a.parent; n; child = n, n = n.parent) path.set(n.id, child.id);
  for (let child = b, n = b.parent; n; child = n, n = n.parent) {
    const fromA = path.get(n.id);
    if (fromA === undefined) continue;
    const condition = n.childForFieldName('condition')?.id;
    return n.type === 'if_statement' && fromA !== child.id && fromA !== condition && child.id !== condition;
  }
  return false;
}
