import { l, yamlRule } from '../../rule';
import { at, entries, items, rangeWithin, scalar, type YNode, type YScalar } from '../../yaml/model';
import { cloudBuildSteps, isCloudBuild } from '../../yaml/cloud-build';

/**
 * Cloud annotations that make a LoadBalancer Service internal (GKE, AWS, Azure, OCI, IBM,
 * DigitalOcean and the like all name it "internal" or "private" in the key or the value).
 */
const INTERNAL_ANNOTATION = /internal|private/i;
const TRUTHY = /^(true|internal|private|yes|1)$/i;

/**
 * A Helm chart's values files: `service.type: LoadBalancer` is what every install with them gets
 * (`values.yaml`, and the environment files `values-prod.yaml`, `values.prod.yaml`).
 */
const HELM_VALUES = /(^|\/)values([._-][\w.-]*)?\.ya?ml$/i;

/** `gcloud run deploy ... --allow-unauthenticated` (not `--no-allow-unauthenticated`): every caller on the internet is let in. */
const CLOUD_RUN_DEPLOY = /\brun\s+deploy\s+([\w$-]+)?/;
const ALLOW_UNAUTHENTICATED = /(?<![\w-])--allow-unauthenticated\b/;

/** The Cloud Run services a Cloud Build config deploys public: the argument (or script line) that opens it, and the service name. */
function publicCloudRunDeploys(root: YNode): { node: YScalar; start: number; end: number; name: string }[] {
  const found: { node: YScalar; start: number; end: number; name: string }[] = [];
  for (const step of cloudBuildSteps(root)) {
    const deploy = CLOUD_RUN_DEPLOY.exec(step.command);
    if (!deploy) continue;
    const part = step.parts.find(({ node }) => ALLOW_UNAUTHENTICATED.test(node.value));
    if (!part) continue;
    const { node } = part;
    const offset = node.raw.indexOf('--allow-unauthenticated');
    const start = offset < 0 ? 0 : offset;
    found.push({ node, start, end: offset < 0 ? node.raw.length : start + '--allow-unauthenticated'.length, name: deploy[1] ?? '?' });
  }
  return found;
}

function isInternal(annotations: YNode | undefined): boolean {
  return entries(annotations).some((a) => {
    const value = scalar(a.value) ?? '';
    return (INTERNAL_ANNOTATION.test(a.key) && TRUTHY.test(value)) || (/load-?balancer/i.test(a.key) && /^(internal|private)$/i.test(value));
  });
}

export default yamlRule({
  id: 'public-load-balancer',
  language: 'yaml',
  documentKinds: ['kubernetes', 'other'],
  category: 'security',
  severity: 'warning',
  messages: {
    service: l(
      'Service "{name}"가 type: LoadBalancer로 인터넷 전체에 공개됩니다 (loadBalancerSourceRanges도 내부 LB 설정도 없음)',
      'Service "{name}" is a LoadBalancer open to the whole internet (no loadBalancerSourceRanges, not an internal load balancer)',
    ),
    cloudRun: l(
      'Cloud Run 서비스 "{name}"를 --allow-unauthenticated로 배포해 인터넷의 누구나 인증 없이 호출할 수 있습니다',
      'Cloud Run service "{name}" is deployed with --allow-unauthenticated: anyone on the internet can call it without authentication',
    ),
    values: l(
      '이 values 파일의 service.type이 LoadBalancer라서 이 파일로 설치할 때마다 서비스가 인터넷에 공개됩니다',
      'This values file sets service.type to LoadBalancer, so every install with it publishes the service to the internet',
    ),
  },
  docs: {
    summary: l(
      'loadBalancerSourceRanges도, 내부 로드밸런서 어노테이션도 없는 type: LoadBalancer Service와, 차트의 values 파일(values.yaml과 values-prod.yaml 같은 환경별 파일)의 service.type이 LoadBalancer인 경우, 그리고 Google Cloud Build 설정에서 --allow-unauthenticated로 배포하는 Cloud Run 서비스(gcloud run deploy)를 찾습니다.',
      'Flags type: LoadBalancer Services with neither loadBalancerSourceRanges nor an internal load-balancer annotation, Helm values files (values.yaml and environment files such as values-prod.yaml) whose service.type is LoadBalancer, and Cloud Run services a Google Cloud Build config deploys with --allow-unauthenticated (gcloud run deploy).',
    ),
    why: l(
      '클라우드의 LoadBalancer는 공인 IP를 받습니다. 인증 없는 예측 API가 그대로 공개되면 누구나 모델을 호출(비용, 추출 공격)하고 입력을 넣어볼 수 있습니다. 보통은 ClusterIP 뒤에 TLS와 인증이 있는 Ingress/게이트웨이를 둡니다.',
      'A cloud LoadBalancer gets a public IP. An unauthenticated prediction API published that way lets anyone call the model (cost, model extraction) and probe it with any input; the usual shape is a ClusterIP behind an Ingress or gateway with TLS and authentication.',
    ),
    bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: model-api\nspec:\n  type: LoadBalancer\n  selector: {app: model-api}\n  ports:\n    - port: 80\n      targetPort: 8000\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: model-api\nspec:\n  # TODO: 누가 이 API를 호출해야 하나요? 외부 공개는 TLS와 인증이 있는 Ingress에서\n  type: ClusterIP\n  selector: {app: model-api}\n  ports:\n    - port: 80\n      targetPort: 8000\n',
  },
  weeks: ['advanced/1', 'advanced/4'],
  questions: [
    l(
      '"{name}"의 공개 주소(공인 IP나 URL)를 알게 된 사람은 누구든 예측을 요청할 수 있을까요? 그 요청을 누가 막나요?',
      'Could anyone who learns the public address (IP or URL) of "{name}" send predictions? What stops them?',
    ),
    l(
      '이 API를 실제로 호출해야 하는 쪽은 어디인가요: 클러스터 안의 서비스, 사내망, 아니면 인터넷의 사용자?',
      'Who really needs to call this API: services in the cluster, the internal network, or users on the internet?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 서비스를 어디까지 공개할지 정하기\n# 고려사항:\n# - 클러스터 안에서만 쓰면 type: ClusterIP\n# - 외부 공개가 필요하면 TLS와 인증이 있는 Ingress/API 게이트웨이 뒤로\n# - 꼭 LoadBalancer라면 loadBalancerSourceRanges로 허용할 IP 대역을 제한하거나 내부 LB 어노테이션을 쓰기\n# - Cloud Run이라면 --no-allow-unauthenticated로 배포하고 호출할 쪽에만 run.invoker 권한 주기\n# spec:\n#   type: # TODO\n',
    en: '# TODO: decide how far the service is published\n# Consider:\n# - only used inside the cluster: type: ClusterIP\n# - needed from outside: behind an Ingress or API gateway with TLS and authentication\n# - if it must be a LoadBalancer: limit loadBalancerSourceRanges or use an internal load-balancer annotation\n# - on Cloud Run: deploy with --no-allow-unauthenticated and grant run.invoker only to the callers\n# spec:\n#   type: # TODO\n',
  },
  check(context, document) {
    const root = document.root;
    if (document.kind === 'other' && isCloudBuild(root)) {
      for (const deploy of publicCloudRunDeploys(root!))
        context.report({ range: rangeWithin(deploy.node, deploy.start, deploy.end), messageId: 'cloudRun', data: { name: deploy.name } });
      return;
    }
    if (document.kind === 'other') {
      if (!HELM_VALUES.test(context.path)) return;
      const type = at(root, 'service.type');
      if (scalar(type) === 'LoadBalancer' && items(at(root, 'service.loadBalancerSourceRanges')).length === 0 && !isInternal(at(root, 'service.annotations')))
        context.report({ range: type!.range, messageId: 'values' });
      return;
    }
    if (scalar(at(root, 'kind')) !== 'Service') return;
    const type = at(root, 'spec.type');
    if (scalar(type) !== 'LoadBalancer') return;
    if (items(at(root, 'spec.loadBalancerSourceRanges')).length > 0 || isInternal(at(root, 'metadata.annotations'))) return;
    context.report({ range: type!.range, messageId: 'service', data: { name: scalar(at(root, 'metadata.name')) ?? '?' } });
  },
});
