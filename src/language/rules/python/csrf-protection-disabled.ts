import type { Node } from 'web-tree-sitter';
import { AUTH } from '../../python/auth';
import { l, pythonRule } from '../../rule';

/** `@csrf_exempt`, `@method_decorator(csrf_exempt, name="dispatch")`, Flask-WTF's `@csrf.exempt`. */
const EXEMPT = /^@\s*(\w+\.)?(csrf_exempt\b|csrf\.exempt\b|method_decorator\(\s*csrf_exempt\b)/;

export default pythonRule({
  id: 'csrf-protection-disabled',
  language: 'python',
  local: true,
  category: 'security',
  severity: 'warning',
  anchors: ['CWE-352', 'semgrep:django-no-csrf-token'],
  messages: {
    exempt: l("'{handler}'는 CSRF 보호를 끄고, 대신할 인증도 없습니다", "'{handler}' switches CSRF protection off and has no authentication in its place"),
  },
  docs: {
    summary: l(
      '@csrf_exempt(또는 Flask-WTF의 @csrf.exempt)로 CSRF 검사를 끈 뷰 중에서, 본문이나 데코레이터에 토큰·API 키 같은 인증이 보이지 않는 것을 찾습니다. URL 설정에서 csrf_exempt(views.score)로 감싼 뷰도 찾습니다.',
      'Flags views exempted from CSRF checks (@csrf_exempt, Flask-WTF’s @csrf.exempt) that show no other authentication (a token, an API key) in their decorators or body, and views wrapped in csrf_exempt(views.score) in a URL configuration.',
    ),
    why: l(
      'CSRF 검사를 끄면 사용자가 로그인한 브라우저에서 다른 사이트가 이 뷰로 요청을 보낼 수 있습니다. API라서 끈 것이라면, 쿠키 대신 토큰이나 API 키로 호출자를 확인해야 검사를 끈 것이 안전해집니다.',
      'With the check off, another site can make a logged-in browser send requests to this view. If it was switched off because the view is an API, the caller must then prove who it is with a token or an API key instead of a cookie.',
    ),
    bad: 'import json\n\nfrom django.http import JsonResponse\nfrom django.views.decorators.csrf import csrf_exempt\n\n@csrf_exempt\ndef predict(request):\n    body = json.loads(request.body)\n    return JsonResponse({"label": classify(body)})\n',
    good: 'import json\n\nfrom django.http import JsonResponse\nfrom rest_framework.decorators import api_view, permission_classes\nfrom rest_framework.permissions import IsAuthenticated\n\n@api_view(["POST"])\n@permission_classes([IsAuthenticated])\ndef predict(request):\n    # TODO: 이 API는 누가 부르나요? 브라우저(세션)라면 CSRF 토큰을, 다른 서비스라면 토큰 인증을 쓰세요\n    return JsonResponse({"label": classify(request.data)})\n',
  },
  weeks: ['advanced/4'],
  questions: [
    l(
      "로그인한 사용자가 다른 사이트를 열었을 때, 그 사이트가 '{handler}'로 요청을 보내면 무엇이 막아 주나요?",
      "If a logged-in user opens another site and that site posts to '{handler}', what stops it?",
    ),
    l(
      '이 뷰를 부르는 것은 브라우저인가요, 다른 서비스인가요? 그 호출자는 자신을 어떻게 증명하나요?',
      'Is this view called by a browser or by another service? How does that caller prove who it is?',
    ),
  ],
  scaffold: {
    ko: '# TODO: CSRF를 끄는 대신 호출자 확인하기\n# 고려사항:\n# - 브라우저 폼/JS에서 부른다면: CSRF 토큰을 보내게 할 수 있나요?\n# - 다른 서비스가 부른다면: 토큰/API 키 인증(DRF 인증 클래스)을 쓸까요?\n# - 인증을 추가했다면 csrf_exempt가 여전히 필요한가요?\n# TODO: 인증 추가 또는 @csrf_exempt 제거\n',
    en: '# TODO: check the caller instead of switching CSRF off\n# Consider:\n# - called from a browser form or JS: can it send the CSRF token?\n# - called by another service: token or API-key authentication (a DRF authentication class)?\n# - with authentication in place, is csrf_exempt still needed?\n# TODO: add authentication or drop @csrf_exempt\n',
  },
  check(context) {
    const { model } = context;
    if (!model.source.includes('exempt')) return;
    for (const definition of model.decorated) {
      const decorators = definition.namedChildren.filter((child) => child?.type === 'decorator') as Node[];
      if (!decorators.some((decorator) => EXEMPT.test(decorator.text))) continue;
      // A view that checks a token, a key or a permission has replaced the cookie check.
      if (AUTH.test(definition.text.replace(/#[^\n]*/g, ''))) continue;
      const target = definition.childForFieldName('definition');
      const handler = target?.childForFieldName('name')?.text ?? 'view';
      context.report({ node: decorators.find((decorator) => EXEMPT.test(decorator.text))!, messageId: 'exempt', data: { handler } });
    }
    // `path('score', csrf_exempt(views.score))` in a URL configuration: the view's body is in
    // another file, so only the exemption itself is seen.
    for (const call of model.callsWithin(0, model.source.length)) {
      if (!call.callee || !/(^|\.)csrf_exempt$/.test(call.callee) || insideDecorator(call.node)) continue;
      const view = call.node.childForFieldName('arguments')?.namedChildren[0]?.text ?? 'view';
      context.report({
        node: call.node,
        messageId: 'exempt',
        data: {
          handler:
            view
              .replace(/\.as_view\(.*$/s, '')
              .split('.')
              .pop() ?? view,
        },
      });
    }
  },
});

function insideDecorator(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'decorator') return true;
  return false;
}
