import type { IngressFact, ServiceFact } from '../../project/facts';
import { l, projectRule } from '../../rule';

/**
 * Ingress controllers that run inside the cluster and reach their backends by the Service's
 * cluster IP. Cloud load-balancer controllers (GKE's gce, AWS ALB in instance mode) send traffic
 * to node ports and need NodePort backends, so an Ingress of theirs, or one naming no class (the
 * cluster's default may be such a controller), says nothing here.
 */
const IN_CLUSTER_CONTROLLER = /^(nginx|ingress-nginx|nginx-(public|internal|external)|public|traefik|haproxy|kong|contour|istio|ambassador|emissary|skipper|cilium|apisix|caddy)$/i;

export default projectRule({
  scope: 'project',
  id: 'node-port-behind-ingress',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'security',
  severity: 'warning',
  anchors: ['gap:node-port-behind-ingress'],
  messages: {
    nodePort: l(
      'Service "{service}"는 Ingress "{ingress}"({controller}) 뒤에 있는데도 NodePort로 모든 노드의 포트에 열려 있습니다',
      'Service "{service}" sits behind Ingress "{ingress}" ({controller}) yet is opened as a NodePort on every node',
    ),
  },
  docs: {
    summary: l(
      '클러스터 안에서 도는 Ingress 컨트롤러(nginx, Traefik, HAProxy, Kong, Contour, Istio ...)가 트래픽을 보내는 Service가 type: NodePort인 경우를 찾습니다. 클라우드 로드밸런서 컨트롤러(GKE gce, AWS ALB)의 Ingress나 클래스를 적지 않은 Ingress는 NodePort 백엔드가 필요할 수 있어 묻지 않습니다.',
      'Flags a Service of type NodePort that an Ingress of an in-cluster controller (nginx, Traefik, HAProxy, Kong, Contour, Istio ...) routes to. An Ingress of a cloud load-balancer controller (GKE gce, AWS ALB), or one that names no class, may need NodePort backends and is not asked.',
    ),
    why: l(
      'Ingress가 이미 입구입니다: TLS, 호스트·경로 규칙, 인증과 속도 제한이 거기에 있습니다. NodePort는 같은 앱을 모든 노드 주소의 30000번대 포트에 그대로 다시 열어, 이 모든 것을 건너뛰는 두 번째 입구를 만듭니다.',
      'The Ingress is already the way in: TLS, host and path rules, authentication and rate limits live there. A NodePort opens the same app again on a 30000-range port of every node address, a second way in that skips all of it.',
    ),
    bad:
      '# --- service.yaml ---\napiVersion: v1\nkind: Service\nmetadata:\n  name: classifier\nspec:\n  type: NodePort\n  selector:\n    app: classifier\n  ports:\n    - port: 80\n      targetPort: 8000\n\n' +
      '# --- ingress.yaml ---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: classifier\nspec:\n  ingressClassName: nginx\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: classifier\n                port:\n                  number: 80\n',
    good:
      '# --- service.yaml ---\napiVersion: v1\nkind: Service\nmetadata:\n  name: classifier\nspec:\n  # TODO: Ingress 말고 이 Service에 직접 닿아야 하는 것이 있나요?\n  type: ClusterIP\n  selector:\n    app: classifier\n  ports:\n    - port: 80\n      targetPort: 8000\n\n' +
      '# --- ingress.yaml ---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: classifier\nspec:\n  ingressClassName: nginx\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: classifier\n                port:\n                  number: 80\n',
  },
  weeks: ['intermediate/7', 'advanced/1'],
  questions: [
    l('{service}에 닿는 길은 몇 개인가요? 각각의 길에는 TLS와 인증이 있나요?', 'How many ways lead to {service}, and does each of them have TLS and authentication?'),
    l(
      'Ingress 컨트롤러는 이 Service에 어떻게 트래픽을 보내나요? 그러려면 노드 포트가 필요한가요?',
      'How does the Ingress controller send traffic to this Service, and does it need a node port for that?',
    ),
  ],
  scaffold: {
    ko: '# TODO: Ingress 뒤의 Service 타입 정하기\n# 고려사항:\n# - 이 Ingress 컨트롤러는 Pod/Service의 클러스터 IP로 보내나요, 노드 포트로 보내나요?\n# - NodePort로 열린 포트에 누가 닿을 수 있나요? (방화벽, 보안 그룹)\n# type: # TODO\n',
    en: '# TODO: choose the type of a Service behind an Ingress\n# Consider:\n# - does this Ingress controller send to the cluster IP or to node ports?\n# - who can reach a port opened as a NodePort? (firewall, security groups)\n# type: # TODO\n',
  },
  project(context) {
    const services: { path: string; service: ServiceFact }[] = [];
    const ingresses: IngressFact[] = [];
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml') continue;
      for (const service of facts.services) if (service.type === 'NodePort' && service.typeRange) services.push({ path, service });
      ingresses.push(...(facts.ingresses ?? []));
    }
    for (const { path, service } of services) {
      const ingress = ingresses.find(
        (i) =>
          i.controller !== undefined &&
          IN_CLUSTER_CONTROLLER.test(i.controller) &&
          i.backends.includes(service.name) &&
          (i.namespace === undefined || service.namespace === undefined || i.namespace === service.namespace),
      );
      if (!ingress) continue;
      context.report({ path, range: service.typeRange!, messageId: 'nodePort', data: { service: service.name, ingress: ingress.name, controller: ingress.controller! } });
    }
  },
});
