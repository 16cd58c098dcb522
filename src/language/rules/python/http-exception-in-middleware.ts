import type { Node } from 'web-tree-sitter';
import { enclosingFunction } from '../../python/nodes';
import { l, pythonRule } from '../../rule';

/** `raise HTTPException(...)`, `raise fastapi.HTTPException(...)`, `raise StarletteHTTPException(...)`. */
const RAISES_HTTP = /^raise\s+(?:[\w.]+\.)?\w*HTTPException\b/;
/** An except clause that would catch it inside the middleware: bare, Exception, or HTTPException itself. */
const CATCHES_IT = /^except\s*(?::|\(?[^:]*\b(?:HTTPException|Exception|BaseException)\b)/;

export default pythonRule({
  id: 'http-exception-in-middleware',
  language: 'python',
  category: 'error-handling',
  severity: 'warning',
  anchors: ['gap:starlette-middleware-exceptions'],
  messages: {
    raised: l(
      '미들웨어에서 던진 {exception}은 앱의 예외 핸들러를 거치지 않습니다 — 클라이언트는 {status} 대신 500을 받습니다',
      'An {exception} raised in middleware never reaches the app’s exception handlers — the client gets a 500, not the {status}',
    ),
  },
  docs: {
    summary: l(
      'call_next를 받는 HTTP 미들웨어(BaseHTTPMiddleware.dispatch, @app.middleware("http"))에서 HTTPException을 던지는 코드를 찾습니다.',
      'Flags HTTPException raised inside HTTP middleware that takes call_next (BaseHTTPMiddleware.dispatch, @app.middleware("http")).',
    ),
    why: l(
      'FastAPI/Starlette의 예외 핸들러(HTTPException을 상태 코드로 바꾸는 곳)는 사용자 미들웨어보다 안쪽에 있습니다. 미들웨어에서 던진 HTTPException은 그 핸들러를 지나치지 않고 바깥의 ServerErrorMiddleware까지 올라가, 401이나 429를 의도한 응답이 500 Internal Server Error와 스택 트레이스 로그가 됩니다. 클라이언트는 재시도해도 되는지 알 수 없고, 모니터링은 인증 실패를 서버 오류로 셉니다.',
      'FastAPI/Starlette exception handlers (where HTTPException becomes a status code) sit inside the user middleware. An HTTPException raised in middleware passes them by and climbs to the outer ServerErrorMiddleware, so the intended 401 or 429 becomes a 500 Internal Server Error with a stack trace in the log. Clients cannot tell whether to retry, and monitoring counts rejected requests as server errors.',
    ),
    bad: 'from fastapi import FastAPI, HTTPException, Request\n\napp = FastAPI()\n\n@app.middleware("http")\nasync def require_key(request: Request, call_next):\n    if request.headers.get("x-api-key") != API_KEY:\n        raise HTTPException(status_code=401, detail="invalid key")\n    return await call_next(request)\n',
    good: 'from fastapi import FastAPI, Request\nfrom fastapi.responses import JSONResponse\n\napp = FastAPI()\n\n@app.middleware("http")\nasync def require_key(request: Request, call_next):\n    if request.headers.get("x-api-key") != API_KEY:\n        # TODO: 미들웨어는 예외 대신 응답을 돌려줍니다. 어떤 상태 코드와 본문이 좋을까요?\n        return JSONResponse(status_code=401, content={"detail": "..."})\n    return await call_next(request)\n',
  },
  weeks: ['beginner/5', 'advanced/10'],
  questions: [
    l(
      '이 미들웨어가 거절한 요청에 클라이언트는 실제로 어떤 상태 코드를 받을까요? 직접 요청을 보내 확인해 볼 수 있나요?',
      'Which status code does a client actually receive when this middleware rejects it? Can you send a request and check?',
    ),
    l(
      '앱의 예외 핸들러와 미들웨어 중 어느 쪽이 요청을 먼저 받나요? 미들웨어에서 생긴 예외는 누가 처리하나요?',
      'Which sees the request first, the app’s exception handlers or the middleware? Who handles an exception raised in the middleware?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 미들웨어에서 요청을 거절하는 방법\n# 고려사항:\n# - 예외를 던지는 대신 응답(JSONResponse)을 돌려줄까요?\n# - 상태 코드(401, 403, 429)와 본문 형식은 앱의 다른 오류와 같아야 하나요?\n# - 429라면 Retry-After 헤더도 필요할까요?\n# TODO: 거절 응답 돌려주기\n',
    en: '# TODO: reject a request from middleware\n# Consider:\n# - return a response (JSONResponse) instead of raising?\n# - should the status (401, 403, 429) and body match the app’s other errors?\n# - for 429, does the client need a Retry-After header?\n# TODO: return the rejection response\n',
  },
  check(context) {
    const { model } = context;
    if (!model.source.includes('HTTPException') || !model.source.includes('call_next')) return;
    for (const raise of model.nodesOf('raise_statement')) {
      if (!RAISES_HTTP.test(raise.text)) continue;
      const fn = enclosingFunction(raise);
      if (!fn || !/\bcall_next\b/.test(fn.childForFieldName('parameters')?.text ?? '') || caughtWithin(raise, fn)) continue;
      const exception = /(\w*HTTPException)/.exec(raise.text)?.[1] ?? 'HTTPException';
      const status = /status_code\s*=\s*(\d{3})|HTTPException\(\s*(\d{3})/.exec(raise.text);
      context.report({ node: raise, messageId: 'raised', data: { exception, status: status ? (status[1] ?? status[2]) : 'intended status' } });
    }
  },
});

/** Inside the middleware, a `try` around the raise whose except clause catches it turns it into a response there. */
function caughtWithin(raise: Node, fn: Node): boolean {
  for (let at: Node | null = raise; at && at.id !== fn.id; at = at.parent) {
    const parent = at.parent;
    if (parent?.type !== 'try_statement' || at.type !== 'block') continue;
    if (parent.namedChildren.some((c) => c?.type === 'except_clause' && CATCHES_IT.test(c.text))) return true;
  }
  return false;
}
