import { REWRITES_IMAGE } from '../../project/yaml-facts';
import { l, projectRule } from '../../rule';
import type { Range } from '../../types';
import { isTemplatePlaceholder } from '../../yaml/helm';
import { repository } from '../../yaml/images';
import { scriptPushes } from '../../yaml/pushes';

/** A variable or a masked `${{ }}` where a path segment would be: any segment matches it. */
const UNKNOWN = /X{4,}|\$\{?\w+\}?|<[^>]*>/g;

/** An image repository as a registry resolves it: no tag, no `docker.io/library/` prefix. */
function normalise(reference: string): string {
  return repository(reference.trim().replace(/^["']|["']$/g, ''))
    .replace(/^(index\.)?docker\.io\//i, '')
    .replace(/^library\//i, '');
}

/**
 * A pushed repository as a pattern over lower-case references: an unknown part (a secret,
 * `$REGISTRY`, `${{ github.repository }}`) matches anything, slashes included. `name` is the last
 * path segment when it is literal text, which is what ties a deployed image to this push.
 */
function pattern(pushed: string): { regex: RegExp; name?: string } | undefined {
  const path = normalise(pushed);
  if (path.replace(UNKNOWN, '').replace(/\//g, '') === '') return undefined;
  const source = path
    .split(UNKNOWN)
    .map((part) => part.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const last = path.slice(path.lastIndexOf('/') + 1);
  return { regex: new RegExp(`^${source}$`), name: last.replace(UNKNOWN, '') === last ? last.toLowerCase() : undefined };
}

export default projectRule({
  scope: 'project',
  id: 'deployed-image-not-pushed',
  language: 'yaml',
  category: 'delivery',
  severity: 'warning',
  anchors: ['gap:deployed-image-mismatch'],
  messages: {
    container: l(
      '컨테이너 "{container}"는 "{image}"를 실행하지만, 파이프라인이 push하는 이미지는 "{pushed}"입니다. CI가 만든 빌드가 클러스터에 닿지 않습니다',
      'Container "{container}" runs "{image}", but the pipeline pushes "{pushed}": what CI builds never reaches the cluster',
    ),
    neverPushed: l(
      '컨테이너 "{container}"는 "{image}"를 실행하는데, 파이프라인은 이 이미지를 러너에서 빌드만 하고 어느 레지스트리에도 push하지 않습니다. 클러스터는 이 이미지를 받아 올 수 없습니다',
      'Container "{container}" runs "{image}", which the pipeline only builds on its runner and never pushes to a registry: the cluster has nowhere to pull it from',
    ),
    values: l(
      '차트 값의 이미지 "{image}"는 파이프라인이 push하는 "{pushed}"가 아닙니다. CI가 만든 빌드가 배포되지 않습니다',
      'The chart deploys "{image}", not "{pushed}", the image the pipeline pushes: what CI builds is never deployed',
    ),
  },
  docs: {
    summary: l(
      'CI(워크플로, Cloud Build, 배포 스크립트)가 push하는 이미지와 이름(마지막 경로)은 같지만 레지스트리나 계정 경로가 다른 이미지를 Kubernetes 매니페스트나 Helm 값이 실행하는 경우, 그리고 배포하는 파이프라인이 러너에서 빌드만 하고 어디에도 push하지 않는 이미지를 매니페스트가 실행하는 경우(kind load, minikube, k3d로 러너 위 클러스터에 넣는 경우 제외)를 찾습니다. 파이프라인이 매니페스트의 이미지를 직접 바꾸면(kubectl set image, sed, yq, envsubst, helm --set image, kustomize images) 판단하지 않습니다.',
      'Flags a Kubernetes manifest or Helm values whose image has the same name (last path segment) as the one CI (a workflow, Cloud Build or a deploy script) pushes, but another registry or account path, and a manifest whose image a deploying pipeline builds on its runner but nothing ever pushes (unless the pipeline loads its builds into a cluster on the runner: kind load, minikube, k3d). Nothing is said when the pipeline sets the image itself (kubectl set image, sed, yq, envsubst, helm --set image, kustomize images).',
    ),
    why: l(
      '`mlops-api`는 Docker Hub의 `library/mlops-api`이고, CI가 push한 `someuser/mlops-api`가 아닙니다. 클러스터는 로컬에 남은 오래된 이미지를 돌리거나, 남의 이미지를 받거나, ImagePullBackOff로 멈춥니다. 파이프라인은 초록불인데 배포된 것은 그 빌드가 아닙니다.',
      "`mlops-api` is Docker Hub's `library/mlops-api`, not the `someuser/mlops-api` CI pushed. The cluster runs an old image left on a node, pulls someone else's, or stops in ImagePullBackOff; the pipeline is green and what runs is not its build.",
    ),
    bad: '# --- .github/workflows/cd.yml ---\nname: cd\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker push ${{ secrets.DOCKER_USERNAME }}/mlops-api:${{ github.sha }}\n# --- k8s/deployment.yaml ---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: mlops-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: mlops-api:1.0\n',
    good: '# --- .github/workflows/cd.yml ---\nname: cd\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker push someuser/mlops-api:${{ github.sha }}\n# --- k8s/deployment.yaml ---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: mlops-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          # TODO: CI가 push하는 저장소 경로와 같은가요? 태그(커밋)는 누가 정하나요?\n          image: someuser/mlops-api:1.4.2\n',
  },
  weeks: ['intermediate/2', 'advanced/7'],
  questions: [
    l(
      '"{image}"라는 이름만으로는 어느 레지스트리의 어느 계정에서 이미지를 받아 오게 되나요? CI가 빌드를 올리는 곳과 같은가요?',
      'From the name "{image}" alone, which registry and account is the image fetched from? Is that where CI sends its builds?',
    ),
    l(
      '배포가 끝난 뒤, 지금 돌고 있는 것이 어느 커밋의 빌드인지 어떻게 확인할 수 있을까요?',
      "Once the release is out, how would you check which commit's build is the one running?",
    ),
  ],
  scaffold: {
    ko: '# TODO: 배포되는 이미지와 push되는 이미지를 하나로 맞추기\n# 고려사항:\n# - 레지스트리/계정 경로까지 CI의 push와 같은가요?\n# - 태그(커밋 SHA)는 누가 매니페스트에 적어 넣나요? (kubectl set image, kustomize images, helm --set)\n# image: # TODO\n',
    en: '# TODO: make the deployed image the pushed one\n# Consider:\n# - does the registry/account path match what CI pushes?\n# - who writes the tag (commit SHA) into the manifest? (kubectl set image, kustomize images, helm --set)\n# image: # TODO\n',
  },
  project(context) {
    const pushed: string[] = [];
    const built: string[] = [];
    const deployed: { path: string; image: string; range: Range; container?: string }[] = [];
    for (const [path, facts] of context.view.files) {
      if (facts.kind === 'script') {
        const text = facts.commands.map((c) => c.text).join('\n');
        // A script that sets the image itself decides what runs; so does one whose push target only the run knows.
        if (REWRITES_IMAGE.test(text)) return;
        const pushes = scriptPushes(text);
        pushed.push(...(pushes.opaque ? ['*'] : pushes.pushed.map((p) => p.reference)));
      }
      if (facts.kind !== 'yaml') continue;
      if (facts.rewritesImage || facts.kustomizeImages?.length) return;
      pushed.push(...(facts.pushedImages ?? []));
      built.push(...(facts.builtImages ?? []));
      for (const workload of facts.workloads)
        for (const container of workload.containers) {
          if (!container.image || container.imageLine === undefined || /\{\{|\$|⟨/.test(container.image) || isTemplatePlaceholder(container.image)) continue;
          const line = container.imageLine;
          deployed.push({ path, image: container.image, container: container.name, range: { start: { line, column: 0 }, end: { line, column: 0 } } });
        }
      for (const value of facts.valuesImages ?? []) deployed.push({ path, image: value.reference, range: value.range });
    }
    if (pushed.length === 0) {
      // Nothing is pushed anywhere, yet a pipeline that applies the manifests builds the image it names on its runner.
      if (built.includes('*')) return;
      const local = new Set(built.map((reference) => normalise(reference).toLowerCase()));
      for (const target of deployed)
        if (target.container !== undefined && local.has(normalise(target.image).toLowerCase()))
          context.report({ path: target.path, range: target.range, messageId: 'neverPushed', data: { image: target.image, container: target.container } });
      return;
    }
    if (pushed.includes('*')) return;
    const patterns = pushed.map(pattern);
    // A push whose whole repository is a variable may be any image: nothing can be said.
    if (patterns.some((p) => p === undefined)) return;
    for (const target of deployed) {
      const image = normalise(target.image).toLowerCase();
      if (patterns.some((p) => p!.regex.test(image))) continue;
      const name = image.slice(image.lastIndexOf('/') + 1);
      const index = patterns.findIndex((p) => p!.name === name);
      if (index < 0) continue;
      const data = { image: target.image, pushed: repository(pushed[index]).replace(/X{4,}/g, '${{ … }}'), container: target.container ?? '' };
      context.report({ path: target.path, range: target.range, messageId: target.container === undefined ? 'values' : 'container', data });
    }
  },
});
