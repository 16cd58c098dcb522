import type { HandlerInfo, PythonModel } from '../../python/model';
import { requestReads } from '../../python/requests';
import { parametersAt } from '../../python/scan';
import { requestSchemas } from '../../python/schemas';
import { l, pythonRule } from '../../rule';

/** Decorators and checks that limit a view to the methods it means to serve. */
// The request object under any local name: `request`, `req`, `flask_request` (`from flask import request as flask_request`).
const METHOD_GUARD = /@\s*(\w+\.)*(require_POST|require_http_methods|require_safe|api_view|action)\b|\b\w*req\w*\.method\s*(==|!=|in\b)|\bif\s+\w*req\w*\.method\b/;

export default pythonRule({
  id: 'body-read-on-get',
  language: 'python',
  local: 'handler',
  category: 'validation',
  severity: 'info',
  anchors: ['gap:http-method-validation', 'RFC9110-9.3.1'],
  messages: {
    anyMethod: l(
      "뷰 '{handler}'는 요청 본문을 읽지만 HTTP 메서드를 제한하지 않습니다 — GET이나 DELETE로 와도 같은 코드가 빈 본문을 처리합니다",
      "The view '{handler}' reads the request body but accepts any HTTP method — a GET or DELETE runs the same code on an empty body",
    ),
    getWithBody: l(
      "핸들러 '{handler}'는 요청 본문을 읽으면서 GET({methods})으로도 응답합니다 — GET 본문은 프록시와 캐시가 버릴 수 있고, 예측은 POST가 맞습니다",
      "The handler '{handler}' reads a request body yet answers GET ({methods}) — proxies and caches may drop a GET body; a prediction belongs on POST",
    ),
  },
  docs: {
    summary: l(
      '요청 본문을 읽는 핸들러가 GET으로도 응답하거나(Flask 기본값, @app.get, api_route의 GET), 메서드 제한이 없는 Django 뷰(@require_POST, request.method 검사 없음)를 찾습니다.',
      'Flags handlers that read a request body but also answer GET (Flask’s default, @app.get, GET in api_route), and Django views with no method restriction (no @require_POST or request.method check).',
    ),
    why: l(
      'HTTP 메서드는 입력 검증의 첫 단계입니다. GET 요청의 본문은 의미가 정의되어 있지 않아 중간 장비가 버리거나 캐시하고, 크롤러와 링크 미리보기가 부작용 있는 엔드포인트를 호출하게 됩니다. 메서드를 좁히면 나머지는 프레임워크가 405로 거절합니다.',
      'The HTTP method is the first input check. A GET body has no defined meaning, so intermediaries drop or cache it, and crawlers or link previews end up calling the endpoint. Narrow the methods and the framework answers the rest with 405.',
    ),
    bad: "from flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n@app.route('/predict')\ndef predict():\n    data = request.get_json()\n    return jsonify(n=len(data))\n",
    good: "from flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n# TODO: 다른 메서드로 오면 클라이언트는 어떤 응답을 받게 될까요?\n@app.route('/predict', methods=['POST'])\ndef predict():\n    data = request.get_json()\n    return jsonify(n=len(data))\n",
  },
  weeks: ['beginner/5', 'beginner/1'],
  questions: [
    l(
      '브라우저 주소창에서 {handler|이 엔드포인트}를 열면(GET) 어떤 일이 일어나나요?',
      'What happens when someone opens {handler|this endpoint} in a browser’s address bar (a GET)?',
    ),
    l(
      '이 엔드포인트가 받아야 하는 메서드는 무엇이고, 나머지 메서드에는 어떤 상태 코드가 맞을까요?',
      'Which methods should this endpoint accept, and which status code fits the others?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 받을 HTTP 메서드를 좁히기\n# 고려사항:\n# - 본문이 있는 요청(예측, 생성)은 POST\n# - Flask: methods=["POST"], FastAPI: @app.post, Django: @require_POST\n# - 다른 메서드는 405로 거절되나요?\n# TODO: 라우트의 메서드 목록 정리하기\n',
    en: '# TODO: narrow the accepted HTTP methods\n# Consider:\n# - requests with a body (predictions, generation) use POST\n# - Flask: methods=["POST"], FastAPI: @app.post, Django: @require_POST\n# - are other methods answered 405?\n# TODO: tidy up the route’s method list\n',
  },
  // No query: a name predicate on every attribute is evaluated in JavaScript for each match
  // (0.8 ms on a 1,000-line service), while the check only walks the model's handlers.
  check(context) {
    const { model } = context;
    for (const handler of model.handlers) {
      if (!readsBody(model, handler)) continue;
      const definition = handler.node.parent?.type === 'decorated_definition' ? handler.node.parent : handler.node;
      // Comments do not restrict methods: a TODO that mentions @require_POST is not the decorator.
      if (METHOD_GUARD.test(withoutComments(model.source.slice(definition.startIndex, model.handlerEnd(handler))))) continue;
      const at = handler.node.childForFieldName('name') ?? handler.node;
      const data = { handler: handler.name, methods: (handler.methods ?? ['GET']).join(', ') };
      if (handler.framework === 'django' && !handler.name.includes('.')) context.report({ node: at, messageId: 'anyMethod', data });
      else if ((handler.framework === 'flask' || handler.framework === 'fastapi') && acceptsGet(handler)) context.report({ node: at, messageId: 'getWithBody', data });
    }
  },
});

/** The text with `#` comments removed (a `#` inside a string on the same line is kept). */
function withoutComments(text: string): string {
  return text.replace(/^([^#'"\n]*(?:(['"])[^'"\n]*\2[^#'"\n]*)*)#[^\n]*/gm, '$1');
}

/** Flask routes answer GET by default; FastAPI's `api_route` too. A class view's `get` is GET. */
function acceptsGet(handler: HandlerInfo): boolean {
  return handler.methods === undefined ? handler.route !== undefined : handler.methods.includes('GET');
}

/** The handler reads the raw body, or (FastAPI) takes a request schema as its body. */
function readsBody(model: PythonModel, handler: HandlerInfo): boolean {
  if (requestReads(model, handler).some((read) => read.kind === 'body' && !/request\.(GET|args|values)/.test(read.source))) return true;
  if (handler.framework !== 'fastapi') return false;
  const schemas = new Set(requestSchemas(model).map((schema) => schema.name));
  return parametersAt(model.source, handler.node.startIndex).some((p) => schemas.has(p.type.replace(/^Optional\[|\]$/g, '')) && !/\b(Query|Path|Header|Depends)\(/.test(p.value));
}
