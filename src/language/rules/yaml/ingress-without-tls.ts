import { l, yamlRule } from '../../rule';
import { at, entries, entry, intact, items, scalar } from '../../yaml/model';

/** Hosts no client outside the developer's machine or cluster resolves. */
const LOCAL_HOST = /(^|\.)(localhost|local|test|internal|svc|cluster\.local)$|\.nip\.io$|\.sslip\.io$/i;
/** Annotations that terminate TLS at the cloud load balancer (ALB, GKE, AWS NLB) instead of the Ingress. */
const CERTIFICATE_ANNOTATION = /certificate|ssl-cert|pre-shared-cert|managed-certificates|allow-http/i;

const HOST_SITE = l('인증서 없이 공개되는 호스트', 'the host served without a certificate');

export default yamlRule({
  id: 'ingress-without-tls',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'security',
  severity: 'warning',
  messages: {
    missing: l('Ingress "{name}"에 tls 설정이 없어 {host}로 오는 요청이 평문 HTTP로 오갑니다', 'Ingress "{name}" has no tls section, so requests to {host} travel as plain HTTP'),
    redirect: l(
      'Ingress "{name}"은 HTTPS로 리다이렉트하라고 하지만 tls 설정(인증서)이 없습니다',
      'Ingress "{name}" asks for an HTTPS redirect but has no tls section (no certificate)',
    ),
  },
  severityReasons: {
    local: {
      severity: 'info',
      message: l('{host}는 로컬/클러스터 내부 호스트입니다: 외부에 공개할 때 인증서를 붙이세요', '{host} is a local or in-cluster host: add a certificate before it is published'),
    },
  },
  docs: {
    summary: l(
      'spec.tls가 없는 Ingress를 찾습니다 (로드밸런서 인증서 어노테이션으로 TLS를 끝내는 경우는 제외, 로컬 호스트는 info).',
      'Flags Ingresses without spec.tls (skipped when a load-balancer certificate annotation terminates TLS; info for local hosts).',
    ),
    why: l(
      'TLS가 없으면 예측 요청의 입력(개인 데이터일 수 있음), 응답, 로그인 정보와 API 키가 네트워크에서 그대로 보이고 중간에서 바뀔 수도 있습니다.',
      'Without TLS, prediction inputs (possibly personal data), answers, logins and API keys are readable and alterable by anyone on the network path.',
    ),
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: model\nspec:\n  rules:\n    - host: model.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service: {name: model, port: {number: 80}}\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: model\nspec:\n  # TODO: 인증서는 누가 발급하고 갱신하나요? (cert-manager, 클라우드 인증서)\n  tls:\n    - hosts: [model.example.com]\n      secretName: model-tls\n  rules:\n    - host: model.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service: {name: model, port: {number: 80}}\n',
  },
  weeks: ['advanced/1'],
  questions: [
    l(
      '{host}로 예측 요청을 보내는 사용자와 Ingress 사이의 네트워크에서, 누가 그 요청 본문과 응답을 볼 수 있을까요?',
      'Between a user sending a prediction to {host} and the Ingress, who on the network can read the request body and the answer?',
    ),
    l('이 서비스의 인증서는 누가 발급하고, 만료 전에 어떻게 갱신될까요?', 'Who issues the certificate for this service, and how is it renewed before it expires?'),
  ],
  scaffold: {
    ko: '# TODO: Ingress에 TLS 붙이기\n# 고려사항:\n# - 인증서는 어디서 오나요? (cert-manager Issuer, 클라우드 관리형 인증서)\n# - 인증서를 담을 Secret 이름은 무엇인가요?\n# - HTTP 요청은 HTTPS로 리다이렉트해야 할까요?\n# spec:\n#   tls:\n#     - hosts: [ # TODO ]\n#       secretName: # TODO\n',
    en: '# TODO: put TLS on the Ingress\n# Consider:\n# - where does the certificate come from (a cert-manager Issuer, a managed cloud certificate)?\n# - which Secret holds it?\n# - should plain HTTP requests be redirected to HTTPS?\n# spec:\n#   tls:\n#     - hosts: [ # TODO ]\n#       secretName: # TODO\n',
  },
  check(context, document) {
    const root = document.root;
    if (scalar(at(root, 'kind')) !== 'Ingress') return;
    const spec = entry(root, 'spec');
    if (!spec?.value || !intact(document, spec.value) || entry(spec.value, 'tls')) return;
    const annotations = entries(at(root, 'metadata.annotations'));
    if (annotations.some((a) => CERTIFICATE_ANNOTATION.test(a.key))) return;
    const hostNodes = items(at(spec.value, 'rules')).flatMap((rule) => at(rule, 'host') ?? []);
    const hosts = hostNodes.map((node) => scalar(node)).filter((host): host is string => host !== undefined);
    const host = hosts[0] ?? '*';
    const name = scalar(at(root, 'metadata.name')) ?? '?';
    const redirect = annotations.some((a) => /ssl-redirect|force-ssl|https-redirect/i.test(a.key) && /^true$/i.test(scalar(a.value) ?? ''));
    const local = hosts.length > 0 && hosts.every((h) => LOCAL_HOST.test(h));
    // The host is where the certificate is missing for: reviewers mark it there as often as on `spec`.
    const related = hostNodes[0] ? [{ range: hostNodes[0].range, message: HOST_SITE }] : undefined;
    context.report({
      range: spec.keyRange,
      messageId: redirect ? 'redirect' : 'missing',
      data: { name, host },
      severityReason: local ? 'local' : undefined,
      ...(related && { related }),
    });
  },
});
