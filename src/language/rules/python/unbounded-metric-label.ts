import { enclosingFunction } from '../../python/model';
import { l, pythonRule } from '../../rule';

/** A raw request path or URL: one value per distinct URL ever requested. */
const RAW_PATH = /\brequest\.(url\.path|path|full_path|url|base_url|path_info|get_full_path\(\))\b|\bstr\(\s*request\.url\s*\)|\bscope\[\s*['"](path|raw_path)['"]\s*\]/;
/** Label names whose values are per user or per request. */
const PER_REQUEST_LABEL = /^(user(_?id)?|request_?id|trace_?id|session(_?id)?|email|ip|client_?ip|remote_addr|customer_?id|order_?id|transaction_?id|uuid)$/i;

export default pythonRule({
  id: 'unbounded-metric-label',
  language: 'python',
  local: true,
  category: 'observability',
  severity: 'warning',
  anchors: ['gap:metric-label-cardinality'],
  messages: {
    rawPath: l(
      '메트릭 레이블 {label}에 요청 경로를 그대로 넣습니다 — /items/1, /items/2, 404 스캔마다 새 시계열이 생깁니다',
      'The metric label {label} takes the raw request path — /items/1, /items/2 and every 404 scan each create a new time series',
    ),
    perRequest: l(
      '메트릭 레이블 {label}에 요청마다 다른 값이 들어갑니다 — 사용자나 요청 수만큼 시계열이 늘어납니다',
      'The metric label {label} gets a per-request value — one time series per user or request',
    ),
  },
  docs: {
    summary: l(
      'Prometheus 메트릭의 .labels(...)에 원시 요청 경로(request.url.path, request.path)나 사용자·요청 id처럼 끝없이 늘어나는 값을 넣는 코드를 찾습니다 (한 함수에서 같은 원시 경로로 여러 메트릭을 기록하면 첫 번째에서 한 번만 알립니다).',
      'Flags Prometheus .labels(...) calls fed the raw request path (request.url.path, request.path) or per-user/per-request ids, values without a bound (the same raw path labelling several metrics in one function is told once, on the first).',
    ),
    why: l(
      '레이블 값 하나하나가 별도의 시계열입니다. 경로에 id가 들어가거나 스캐너가 임의 URL을 두드리면 시계열이 수만 개로 늘어 Prometheus 메모리가 터지고 대시보드가 느려집니다.',
      'Every label value is its own time series. With ids in paths, or a scanner hitting random URLs, the series count explodes into the tens of thousands, Prometheus runs out of memory and dashboards crawl.',
    ),
    bad: "from fastapi import FastAPI, Request\nfrom prometheus_client import Counter\n\napp = FastAPI()\nREQUESTS = Counter('requests_total', 'Requests', ['path'])\n\n@app.middleware('http')\nasync def count(request: Request, call_next):\n    REQUESTS.labels(path=request.url.path).inc()\n    return await call_next(request)\n",
    good: "from fastapi import FastAPI, Request\nfrom prometheus_client import Counter\n\napp = FastAPI()\nREQUESTS = Counter('requests_total', 'Requests', ['route'])\n\n@app.middleware('http')\nasync def count(request: Request, call_next):\n    response = await call_next(request)\n    # TODO: 매칭된 경로가 없을 때(404)는 어떤 값을 쓸까요?\n    route = request.scope.get('route')\n    REQUESTS.labels(route=route.path if route else 'unmatched').inc()\n    return response\n",
  },
  weeks: ['beginner/6', 'capstone/2'],
  questions: [
    l(
      '누군가 /predict/1부터 /predict/100000까지 요청하면 {label|이 레이블}의 시계열은 몇 개가 될까요?',
      'If someone requests /predict/1 through /predict/100000, how many series does {label|this label} create?',
    ),
    l(
      '이 메트릭으로 답하려던 질문은 무엇인가요? 그 질문에 필요한 값의 종류는 몇 가지면 충분할까요?',
      'Which question was this metric meant to answer, and how many distinct label values does that question really need?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 레이블 값의 개수를 제한하기\n# 고려사항:\n# - 원시 경로 대신 라우트 템플릿(/items/{id})을 쓸 수 있나요?\n# - 매칭되지 않은 경로(404)는 하나의 값으로 묶을까요?\n# - 사용자·요청 id는 메트릭이 아니라 로그나 트레이스에 남기는 게 맞지 않을까요?\n# TODO: 레이블 값을 정해진 집합으로 바꾸기\n',
    en: '# TODO: keep label values bounded\n# Consider:\n# - can you use the route template (/items/{id}) instead of the raw path?\n# - should unmatched paths (404) share one value?\n# - do user and request ids belong in logs or traces rather than metrics?\n# TODO: map label values to a fixed set\n',
  },
  callees: ['.labels'],
  check(context) {
    const { model } = context;
    // The same raw value labelling several metrics in one function (a counter and a histogram in
    // one middleware) is one lesson, told on the first.
    const told = new Set<string>();
    for (const call of context.calls) {
      const args = call.node.childForFieldName('arguments');
      if (!args) continue;
      for (const arg of args.namedChildren) {
        if (!arg) continue;
        const text = model.source.slice(arg.startIndex, arg.endIndex);
        const name = arg.type === 'keyword_argument' ? (arg.childForFieldName('name')?.text ?? '') : '';
        const value = arg.type === 'keyword_argument' ? text.slice(text.indexOf('=') + 1).trim() : text;
        if (RAW_PATH.test(value)) {
          // Keyed by function, so the rule stays local: a top-level statement holds its functions whole.
          const scope = enclosingFunction(call.node);
          const key = scope ? `${scope.id}:${value}` : undefined;
          if (key === undefined || !told.has(key)) context.report({ node: arg, messageId: 'rawPath', data: { label: name || value } });
          if (key !== undefined) told.add(key);
          break;
        }
        if (name && PER_REQUEST_LABEL.test(name) && !/^['"]/.test(value)) {
          context.report({ node: arg, messageId: 'perRequest', data: { label: name } });
          break;
        }
      }
    }
  },
});
