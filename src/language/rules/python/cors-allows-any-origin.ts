import type { Node } from 'web-tree-sitter';
import { keywordArgument, positionalArguments } from '../../python/nodes';
import { l, pythonRule, type PythonContext } from '../../rule';

/** Where a learner opens CORS: the Starlette/FastAPI middleware, Flask-CORS, django-cors-headers, a hand-written header. */
const STARLETTE_CORS = /^(fastapi|starlette)\.middleware\.cors\.CORSMiddleware$|(^|\.)CORSMiddleware$/;
const FLASK_CORS = /^flask_cors\.(CORS|cross_origin)$/;
const WILDCARD = /^\s*(\[\s*)?(["'])\*\2\s*(,\s*)?(\])?\s*$/;
const DJANGO_ALL = /^[ \t]*(?:CORS_ALLOW_ALL_ORIGINS|CORS_ORIGIN_ALLOW_ALL)\b(?:[ \t]*=[ \t]*\w+)*[ \t]*=[ \t]*True\b/m;
const DJANGO_CREDENTIALS = /^[ \t]*CORS_ALLOW_CREDENTIALS[ \t]*=[ \t]*True\b/m;
const HEADER = /(["'])Access-Control-Allow-Origin\1\s*(?:\]\s*=|,)\s*(["'])\*\2/g;

export default pythonRule({
  id: 'cors-allows-any-origin',
  language: 'python',
  category: 'security',
  severity: 'warning',
  anchors: ['CWE-942', 'semgrep:wildcard-cors'],
  messages: {
    anyOrigin: l('CORS가 모든 출처(*)를 허용합니다', 'CORS allows every origin (*)'),
    withCredentials: l('CORS가 모든 출처를 허용하면서 인증 정보(쿠키·Authorization)도 허용합니다', 'CORS allows every origin and also allows credentials (cookies, Authorization)'),
  },
  severityReasons: {
    noCredentials: {
      severity: 'info',
      message: l(
        '인증 정보는 허용하지 않으므로, 다른 사이트가 로그인한 사용자 대신 요청할 수는 없습니다: 공개 API라면 의도한 설정일 수 있습니다',
        'credentials are not allowed, so another site cannot act as a logged-in user: for a public API this may be intended',
      ),
    },
  },
  docs: {
    summary: l(
      'CORSMiddleware·Flask-CORS·django-cors-headers·직접 쓴 헤더에서 모든 출처(*)를 허용하는 설정을 찾습니다(환경 변수의 기본값이 *인 경우 `os.getenv("ALLOWED_ORIGINS", "*")` 포함). 인증 정보까지 허용하면 경고, 아니면 정보로 알립니다.',
      'Flags CORS set up to allow every origin (*) in CORSMiddleware, Flask-CORS, django-cors-headers or a hand-written header, also as the default of an environment variable (`os.getenv("ALLOWED_ORIGINS", "*")`): a warning when credentials are allowed too, info otherwise.',
    ),
    why: l(
      '브라우저는 CORS로 "어느 사이트의 스크립트가 이 API의 응답을 읽어도 되는지"를 정합니다. *에 인증 정보까지 열면, 사용자가 방문한 아무 사이트가 그 사용자의 세션으로 API를 부르고 결과를 읽을 수 있습니다.',
      'CORS tells browsers which sites’ scripts may read this API’s responses. Open to * with credentials, any site a user visits can call the API with that user’s session and read the answer.',
    ),
    bad: "from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=['*'], allow_credentials=True)\n",
    good: "import os\nfrom fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\n# TODO: 이 API를 부르는 프런트엔드의 출처는 어디인가요? (환경마다 다르다면 설정에서 읽기)\nALLOWED_ORIGINS = os.environ['ALLOWED_ORIGINS'].split(',')\napp.add_middleware(CORSMiddleware, allow_origins=ALLOWED_ORIGINS, allow_credentials=True)\n",
  },
  weeks: ['beginner/5', 'advanced/4'],
  questions: [
    l(
      '이 API를 브라우저에서 부르는 프런트엔드는 어떤 출처(도메인)에 있나요? 그 목록을 {setting|설정}에 적을 수 있나요?',
      'Which origins (domains) does the browser front end that calls this API live on? Could {setting|the setting} list exactly those?',
    ),
    l(
      '사용자가 악성 사이트를 열었을 때, 그 사이트의 스크립트가 이 API를 부르고 응답을 읽을 수 있을까요? 쿠키가 함께 간다면요?',
      'If a user opens a malicious site, can its scripts call this API and read the response? And if cookies go along?',
    ),
    l('개발용(localhost)과 운영용 출처는 어떻게 나눠 설정할까요?', 'How would you configure development (localhost) and production origins separately?'),
  ],
  scaffold: {
    ko: '# TODO: 허용할 출처를 명시하기\n# 고려사항:\n# - 이 API를 부르는 프런트엔드의 출처는? (환경 변수/설정에서 읽기)\n# - 쿠키나 Authorization 헤더가 정말 필요한가요?\n# - 메서드와 헤더도 필요한 것만 허용할 수 있나요?\n# TODO: "*" 대신 출처 목록 사용\n',
    en: '# TODO: name the allowed origins\n# Consider:\n# - which origins does the front end call from? (read them from config/env)\n# - are cookies or the Authorization header really needed?\n# - can methods and headers be limited to what is used?\n# TODO: replace "*" with the list of origins\n',
  },
  check(context) {
    const { model } = context;
    const source = model.source;
    if (!/CORS|Access-Control-Allow-Origin|cross_origin/.test(source)) return;
    for (const call of model.calls) {
      const callee = call.callee ?? '';
      if (/\.add_middleware$/.test(callee)) {
        const first = positionalArguments(call.node)[0];
        if (first && STARLETTE_CORS.test(model.resolve(first) ?? first.text)) starlette(context, call.node);
      } else if (FLASK_CORS.test(callee)) flaskCors(context, call.node, callee);
    }
    if (DJANGO_ALL.test(source)) {
      const at = source.search(DJANGO_ALL);
      const line = source.slice(0, at).split('\n').length - 1;
      report(context, line, DJANGO_CREDENTIALS.test(source), 'CORS_ALLOW_ALL_ORIGINS');
    }
    for (const match of source.matchAll(HEADER)) report(context, source.slice(0, match.index).split('\n').length - 1, false, 'Access-Control-Allow-Origin');
  },
});

function starlette(context: PythonContext, call: Node): void {
  const origins = keywordArgument(call, 'allow_origins');
  const regex = keywordArgument(call, 'allow_origin_regex');
  const open = (origins && isWildcard(context, origins)) || (regex !== undefined && /^[rRbB]?(["'])\.\*\1$/.test(regex.text));
  if (!open) return;
  report(context, call.startPosition.row, keywordArgument(call, 'allow_credentials')?.type === 'true', 'allow_origins');
}

function flaskCors(context: PythonContext, call: Node, callee: string): void {
  const origins = keywordArgument(call, 'origins');
  const resources = keywordArgument(call, 'resources');
  // Flask-CORS allows every origin unless `origins` (or a resource's "origins") narrows it.
  const narrowed = origins ? !isWildcard(context, origins) : resources ? !/["']origins["']\s*:\s*["']\*["']/.test(resources.text) && /origins/.test(resources.text) : false;
  if (narrowed) return;
  report(context, call.startPosition.row, keywordArgument(call, 'supports_credentials')?.type === 'true', callee.endsWith('cross_origin') ? '@cross_origin' : 'CORS(app)');
}

/**
 * An environment read whose default is every origin (`os.getenv("ALLOWED_ORIGINS", "*").split(",")`):
 * wherever the variable is not set, and a learner's deploy rarely sets it, the service is open to all.
 */
const ENV_WILDCARD = /\b(?:getenv|environ\.get)\(\s*(["'])[^"'\n]*\1\s*,\s*(["'])\*\2\s*\)/;

/** `["*"]`, `"*"`, an environment default of `"*"`, or a name this module binds to one of them (`origins = ["*"]`). */
function isWildcard(context: PythonContext, node: Node): boolean {
  if (WILDCARD.test(node.text) || ENV_WILDCARD.test(node.text)) return true;
  if (node.type !== 'identifier') return false;
  const binding = new RegExp(`^${node.text}[ \\t]*(?::[^=\\n]+)?=[ \\t]*(.+)$`, 'm').exec(context.model.source);
  return binding !== null && (WILDCARD.test(binding[1]) || ENV_WILDCARD.test(binding[1]));
}

function report(context: PythonContext, line: number, credentials: boolean, setting: string): void {
  const text = context.model.source.split('\n')[line] ?? '';
  context.report({
    range: { start: { line, column: text.length - text.trimStart().length }, end: { line, column: text.length } },
    messageId: credentials ? 'withCredentials' : 'anyOrigin',
    data: { setting },
    ...(credentials ? {} : { severityReason: 'noCredentials' }),
  });
}
