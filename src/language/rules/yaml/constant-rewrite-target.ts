import { l, yamlRule } from '../../rule';
import { at, entries, items, scalar } from '../../yaml/model';

export default yamlRule({
  id: 'constant-rewrite-target',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:ingress-rewrite-target'],
  messages: {
    constant: l(
      'rewrite-target이 고정값 "{target}"이고 경로 "{path}"가 Prefix라서, 그 아래 모든 요청(/predict, /health ...)이 백엔드의 "{target}"로 바뀝니다',
      'rewrite-target is the constant "{target}" on the Prefix path "{path}", so every request under it (/predict, /health ...) reaches the backend as "{target}"',
    ),
  },
  docs: {
    summary: l(
      'ingress-nginx의 rewrite-target 어노테이션이 캡처 그룹($1, $2) 없는 고정 경로이고, Prefix(또는 ImplementationSpecific) 경로에 걸린 Ingress를 찾습니다.',
      'Flags an Ingress whose ingress-nginx rewrite-target annotation is a constant path (no $1/$2 capture group) while a Prefix (or ImplementationSpecific) path uses it.',
    ),
    why: l(
      'ingress-nginx는 일치한 경로 전체를 rewrite-target 값으로 바꿉니다. 값이 "/"이면 /predict도 /health도 백엔드에는 "/"로 도착해, 예측 요청이 루트 핸들러(또는 404)로 가고 헬스 체크도 엉뚱한 곳을 봅니다. 경로 일부를 떼려면 정규식 경로와 캡처 그룹($2)을 써야 합니다.',
      'ingress-nginx replaces the whole matched path with the rewrite-target value. With "/", both /predict and /health arrive at the backend as "/": predictions hit the root handler (or a 404) and health checks look at the wrong route. Stripping a prefix needs a regex path and a capture group ($2).',
    ),
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: model-api\n  annotations:\n    nginx.ingress.kubernetes.io/rewrite-target: /\nspec:\n  ingressClassName: nginx\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: model-api\n                port:\n                  number: 80\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: model-api\n  # TODO: 백엔드는 어떤 경로를 기대하나요? 접두사를 떼야 한다면 캡처 그룹으로:\n  #   nginx.ingress.kubernetes.io/use-regex: "true"\n  #   nginx.ingress.kubernetes.io/rewrite-target: /$2  (path: /api(/|$)(.*))\nspec:\n  ingressClassName: nginx\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: model-api\n                port:\n                  number: 80\n',
  },
  weeks: ['intermediate/3'],
  questions: [
    l(
      '클라이언트가 {path}predict로 요청하면, 백엔드 앱은 어떤 경로를 받게 되나요? 그 경로에 라우트가 있나요?',
      'When a client calls {path}predict, which path does the backend app receive? Does it have a route there?',
    ),
    l(
      '이 rewrite가 필요한 이유는 무엇인가요? 백엔드가 접두사 없이도 같은 경로를 쓰나요?',
      'Why is this rewrite needed at all? Does the backend serve the same paths without a prefix?',
    ),
  ],
  scaffold: {
    ko: '# TODO: rewrite-target이 필요한지부터 확인하기\n# 고려사항:\n# - 백엔드 경로와 Ingress 경로가 같다면 rewrite-target을 빼기\n# - 접두사를 떼야 한다면: use-regex: "true", path: /api(/|$)(.*), rewrite-target: /$2\n# - kubectl exec로 백엔드가 받은 경로를 로그에서 확인하기\n',
    en: '# TODO: first check whether a rewrite is needed\n# Consider:\n# - if the backend serves the same paths as the Ingress, drop rewrite-target\n# - to strip a prefix: use-regex: "true", path: /api(/|$)(.*), rewrite-target: /$2\n# - check in the backend logs which path it actually receives\n',
  },
  check(context, document) {
    const root = document.root;
    if (scalar(at(root, 'kind')) !== 'Ingress') return;
    const annotation = entries(at(root, 'metadata.annotations')).find((a) => /(^|\/)rewrite-target$/.test(a.key));
    const target = annotation ? scalar(annotation.value) : undefined;
    if (!annotation || target === undefined || target.includes('$') || target.includes('{{') || target.includes('⟨')) return;
    for (const rule of items(at(root, 'spec.rules'))) {
      for (const path of items(at(rule, 'http.paths'))) {
        const type = scalar(at(path, 'pathType')) ?? 'ImplementationSpecific';
        const value = scalar(at(path, 'path')) ?? '/';
        // An exact path, or a regex path (its groups are what a rewrite refers to), rewrites one thing on purpose.
        if (type === 'Exact' || /[()[\]*+?^$|\\]/.test(value)) continue;
        context.report({ range: annotation.keyRange, messageId: 'constant', data: { target, path: value.endsWith('/') ? value : `${value}/` } });
        return;
      }
    }
  },
});
