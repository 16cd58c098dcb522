import { retaggedByKustomize } from '../../project/kustomize';
import { l, yamlRule, type Report } from '../../rule';
import { workflowJobs } from '../../yaml/actions';
import { composeServices, isMonitoringImage } from '../../yaml/compose';
import { gitlabJobs, isGitLabCi } from '../../yaml/gitlab-ci';
import { imageName, imagePin } from '../../yaml/images';
import { allContainers, customResourcePods } from '../../yaml/kubernetes';
import { at, entries, has, scalar, type YamlDocument, type YNode } from '../../yaml/model';
import type { StageFact } from '../../project/facts';

/**
 * A tag that moves like latest: one that names a channel or a branch (`2-latest`, `latest-gpu`,
 * `main`, `alpine`) or a role (`httpservice`, `celery`), with no version number anywhere in it.
 * Every push or upstream release overwrites it, as it does latest.
 */
function movingTag(tag: string | undefined): boolean {
  if (!tag) return false;
  // A distribution's release name (`ubuntu:jammy`) is a release, as `ubuntu:22.04` is.
  if (DISTRIBUTION_RELEASE.test(tag)) return false;
  return /(^|[-_.])latest([-_.]|$)/i.test(tag) || /^[a-z]{3,}([-_][a-z]+)*$/i.test(tag);
}
const DISTRIBUTION_RELEASE = /^(noble|jammy|focal|bionic|xenial|trixie|bookworm|bullseye|buster|stretch)$/i;

/**
 * The official Python image tagged by its major version only (`python:3`, `python:3-slim`): the
 * tag follows every minor release (3.12, then 3.13), so the interpreter under pinned requirements
 * changes, and compiled wheels with it. `python:3.12-slim` names a minor and stays put.
 */
function majorOnlyPython(image: string, tag: string | undefined): boolean {
  return tag !== undefined && imageName(image) === 'python' && /^(docker\.io\/)?(library\/)?python:/i.test(image.trim()) && /^[23](-[a-z][\w.]*)*$/i.test(tag);
}

function imageReport(node: YNode | undefined): Report | undefined {
  const image = scalar(node);
  if (!node || image === undefined) return undefined;
  const { pin, tag } = imagePin(image);
  if (pin === 'latest') return { range: node.range, messageId: 'latest', data: { image } };
  if (pin === 'none') return { range: node.range, messageId: 'untagged', data: { image } };
  if (pin === 'tag' && movingTag(tag)) return { range: node.range, messageId: 'moving', data: { image, tag: tag! } };
  if (pin === 'tag' && majorOnlyPython(image, tag)) return { range: node.range, messageId: 'majorOnly', data: { image, tag: tag! } };
  return undefined;
}

/** `COPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/`: the image a COPY pulls a file from, unless it names a stage. */
function copySource(text: string, stages: readonly StageFact[]): string | undefined {
  const from = /(?:^|\s)--from=["']?([^\s"']+)/.exec(text)?.[1];
  if (!from || /^\d+$/.test(from) || !/[/:.]/.test(from)) return undefined;
  return stages.some((s) => s.alias?.toLowerCase() === from.toLowerCase()) ? undefined : from;
}

/** A Helm chart's values files: the image a template renders from `.Values` is written here. */
const HELM_VALUES = /(^|\/)values([.-][\w-]+)?\.ya?ml$/i;

/**
 * The image references of a Helm values file: `image: {repository, tag}` maps and `image:`
 * scalars (with a `tag:` or `version:` beside them when the chart keeps the tag apart). An
 * empty or missing `tag` is left alone: the usual template falls back to the chart's appVersion.
 */
function valuesReports(node: YNode | undefined, depth = 0, seen = new Set<YNode>()): Report[] {
  // Each node once: aliases share nodes, and an alias bomb would make the walk exponential.
  if (!node || depth > 8 || seen.has(node)) return [];
  seen.add(node);
  if (node.kind === 'seq') return node.items.flatMap((item) => valuesReports(item, depth + 1, seen));
  if (node.kind !== 'map') return [];
  const reports: Report[] = [];
  const image = at(node, 'image');
  const sibling = at(node, 'tag') ?? at(node, 'version');
  // As in a manifest, `pullPolicy: Never` names an image loaded on the node (kind, minikube).
  const local = [at(image, 'pullPolicy'), at(node, 'pullPolicy'), at(node, 'imagePullPolicy')].some((p) => scalar(p) === 'Never');
  if (!local && image?.kind === 'map') {
    const repository = scalar(at(image, 'repository'));
    const tag = at(image, 'tag');
    const text = scalar(tag)?.trim();
    if (repository && text === 'latest') reports.push({ range: tag!.range, messageId: 'latest', data: { image: `${repository}:latest` } });
    // A channel or environment name (`tag: prod`, `tag: stable`): every push to it moves it, as latest.
    // An environment's values file often sets the tag alone (the repository is in values.yaml).
    else if (text && text !== 'latest' && !/[{$]/.test(text) && movingTag(text))
      reports.push({ range: tag!.range, messageId: 'moving', data: { image: `${repository ?? 'image.repository'}:${text}`, tag: text } });
  } else if (!local && image?.kind === 'scalar' && scalar(image)) {
    const name = scalar(image)!;
    if (sibling?.kind === 'scalar') {
      if (scalar(sibling)?.trim() === 'latest' && imagePin(name).pin === 'none') reports.push({ range: sibling.range, messageId: 'latest', data: { image: `${name}:latest` } });
    } else if (!/\s/.test(name.trim())) {
      const report = imageReport(image);
      if (report) reports.push(report);
    }
  }
  for (const e of node.entries) if (e.key !== 'image') reports.push(...valuesReports(e.value, depth + 1, seen));
  return reports;
}

function imageNodes(document: YamlDocument): (YNode | undefined)[] {
  if (document.kind === 'kubernetes') {
    // `imagePullPolicy: Never` means a locally loaded image (kind, minikube), not a registry pull.
    const containers = [...allContainers(document).map((c) => c.spec), ...customResourcePods(document).flatMap((pod) => pod.containers)];
    return containers.filter((c) => scalar(at(c, 'imagePullPolicy')) !== 'Never').map((c) => at(c, 'image'));
  }
  if (document.kind === 'compose') {
    // With `build:` the image key names what this file builds, so it is an output, not an input;
    // another service of the file that runs that same image (a trainer or a dashboard reusing the
    // API's image) runs the local build too, not a registry pull.
    const services = composeServices(document);
    const built = new Set(
      services
        .filter((s) => has(s.spec, 'build'))
        .map((s) => scalar(at(s.spec, 'image')))
        .filter((i): i is string => i !== undefined),
    );
    return services.filter((s) => !has(s.spec, 'build') && !built.has(scalar(at(s.spec, 'image')) ?? '')).map((s) => at(s.spec, 'image'));
  }
  return workflowJobs(document).flatMap((job) => {
    const container = at(job.spec, 'container');
    const own = container?.kind === 'map' ? at(container, 'image') : container;
    return [own, ...entries(at(job.spec, 'services')).map((s) => at(s.value, 'image'))];
  });
}

/** The images a GitLab CI pipeline runs its jobs in: the pipeline's, the default's and each job's `image:` (`name:` when a map). */
function gitlabImages(root: YNode | undefined): YNode[] {
  const nodes = [at(root, 'image'), at(root, 'default.image'), ...gitlabJobs(root).map((job) => at(job.spec, 'image'))];
  return [...new Set(nodes.map((node) => (node?.kind === 'map' ? at(node, 'name') : node)).filter((node): node is YNode => node !== undefined))];
}

export default yamlRule({
  id: 'mutable-image-tag',
  language: 'yaml',
  documentKinds: ['kubernetes', 'compose', 'github-actions', 'other'],
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['kube-linter:latest-tag', 'CKV_K8S_14', 'polaris:tagNotSpecified', 'dclint:service-image-require-explicit-tag', 'zizmor:unpinned-images', 'ghalint:007'],
  messages: {
    latest: l('"{image}" 이미지가 latest 태그를 씁니다', 'Image "{image}" uses the latest tag'),
    untagged: l('이미지 "{image}"에 태그가 없어 latest로 받아집니다', 'Image "{image}" has no tag, so latest is pulled'),
    moving: l(
      '이미지 "{image}"의 태그 "{tag}"는 버전이 아닌 이름이라, 푸시나 새 릴리스마다 다른 이미지를 가리킵니다',
      'Image "{image}" uses the tag "{tag}", a name rather than a version: every push or release moves it to another image',
    ),
    majorOnly: l(
      '이미지 "{image}"의 태그 "{tag}"는 Python 주 버전만 정해서, 새 마이너 릴리스(3.12, 3.13 ...)가 나올 때마다 고정한 패키지 아래의 인터프리터가 바뀝니다',
      'Image "{image}" uses the tag "{tag}", which names only the Python major version: each new minor release (3.12, 3.13 ...) changes the interpreter under your pinned packages',
    ),
    monitoring: l(
      '모니터링 이미지 {count}개가 latest를 따라갑니다 ({images}); 대시보드와 알림 규칙이 어느 날 다른 버전에서 돌게 됩니다',
      '{count} monitoring images float on latest ({images}); dashboards and alert rules will one day run on another version',
    ),
  },
  docs: {
    summary: l(
      'Kubernetes(Pod를 만드는 SeldonDeployment, Argo Workflow, KServe InferenceService의 컨테이너 포함), docker-compose, GitHub Actions container, GitLab CI job 이미지, Dockerfile FROM과 COPY --from이 받는 이미지, Helm values 파일(image.tag: latest, 태그 없는 image:)에서 태그가 없거나 latest인 이미지를 찾습니다 (다이제스트 고정과 레지스트리 포트는 구분). 매니페스트, compose, Helm values 파일(환경별 values 파일의 image.tag: prod 포함)에서는 버전 숫자 없이 이름만 있는 태그(main, alpine, 2-latest, httpservice, prod)도 latest처럼 움직이므로 찾습니다. Dockerfile FROM을 포함해 어디서든, Python 공식 이미지를 주 버전만으로 받는 태그(python:3, python:3-slim)도 마이너 릴리스마다 인터프리터가 바뀌므로 찾습니다. compose 파일의 모니터링 이미지들은 한 번에 알리고, 같은 파일의 다른 서비스가 build:로 만드는 이미지는 로컬 빌드이므로 보고하지 않습니다. 적용 전에 Kustomization이 태그를 바꾸는 매니페스트의 latest(오버레이의 images: 항목, 워크플로의 kustomize edit set image)는 자리표시자이므로 보고하지 않습니다.',
      "Flags images with no tag or the latest tag in Kubernetes (including the containers of SeldonDeployments, Argo Workflows and KServe InferenceServices), docker-compose, GitHub Actions containers and GitLab CI job images, in Dockerfile FROM lines and the images a COPY --from pulls, and in Helm values files (image.tag: latest, an untagged image:), digests and registry ports told apart. In manifests, compose files and Helm values files (an environment's values file setting image.tag: prod included) a tag that is a name with no version number in it (main, alpine, 2-latest, httpservice, prod) moves like latest and is flagged too. Anywhere, Dockerfile FROM lines included, the official Python image tagged by its major version only (python:3, python:3-slim) is flagged too: the interpreter changes with every minor release. The monitoring images of a compose file are said once, and an image another service of the same file builds (build: with that image:) is a local build, not reported. A manifest's latest that a Kustomization retags before it is applied (an overlay's images: entry, a workflow running kustomize edit set image) is a placeholder and is not reported.",
    ),
    why: l(
      'latest는 언제든 다른 이미지를 가리킬 수 있습니다. 어제 검증한 모델 서버와 오늘 재시작된 Pod가 다른 코드와 다른 모델을 돌리고, 롤백할 "이전 버전"도 사라집니다.',
      'latest can point to a different image at any time: the model server you validated yesterday and the pod restarted today run different code and models, and there is no earlier version to roll back to.',
    ),
    bad: 'services:\n  api:\n    image: registry.example.com/model-api:latest\n',
    good: 'services:\n  api:\n    # TODO: CI가 만든 버전 태그나 다이제스트로 고정하세요\n    image: registry.example.com/model-api:1.4.2\n',
  },
  weeks: ['beginner/3', 'intermediate/2', 'advanced/7'],
  questions: [
    l('지난주에 배포한 것과 똑같은 {image}를 다시 띄우려면, 어떤 정보가 있어야 할까요?', 'What would you need to start exactly the same {image} you deployed last week?'),
    l(
      '새 이미지가 latest로 올라간 뒤 {unit|인스턴스} 하나만 다시 시작되면, 몇 가지 버전이 섞여 돌게 될까요?',
      'If a new image is pushed as latest and only one {unit|instance} restarts, how many versions end up running side by side?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 이미지 버전 고정\n# 고려사항:\n# - 이미지 태그를 무엇과 연결할까요? (git SHA, 모델 버전, 시맨틱 버전)\n# - 태그가 다시 덮어써질 수 있다면 다이제스트(@sha256:...)가 필요할까요?\n# - 롤백할 때 어떤 값을 바꾸면 되나요?\n# image: registry.example.com/<이름>:# TODO\n',
    en: '# TODO: pin the image version\n# Consider:\n# - what should the tag be tied to (git SHA, model version, semantic version)?\n# - if tags can be overwritten, do you need a digest (@sha256:...)?\n# - which value would you change to roll back?\n# image: registry.example.com/<name>:# TODO\n',
  },
  check(context, document) {
    if (document.kind === 'other') {
      if (HELM_VALUES.test(context.path)) for (const report of valuesReports(document.root)) context.report(report);
      else if (isGitLabCi(document.root)) for (const report of gitlabImages(document.root).map(imageReport)) if (report) context.report(report);
      return;
    }
    // The monitoring stack of a compose file (Prometheus, Grafana, Alertmanager, exporters) on
    // latest is one thing to fix, as a reviewer says it: one finding at the first such image.
    const monitoring: Report[] = [];
    for (const node of imageNodes(document)) {
      const report = imageReport(node);
      if (!report) continue;
      if (document.kind === 'compose' && isMonitoringImage(String(report.data?.image ?? ''))) monitoring.push(report);
      else context.report(report);
    }
    const [first] = monitoring;
    if (monitoring.length === 1) context.report(first);
    else if (first)
      context.report({
        range: first.range,
        messageId: 'monitoring',
        data: { ...first.data, count: String(monitoring.length), images: monitoring.map((r) => r.data?.image).join(', ') },
      });
  },
  // Dockerfiles are read by the project model: their base images, too.
  project(context) {
    // A base's `:latest` that a Kustomization retags (an overlay's images:, CI's `kustomize edit
    // set image`) is a placeholder: what is applied carries the real tag.
    const retagged = retaggedByKustomize(context.view.files);
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml') continue;
      for (const container of facts.workloads.flatMap((w) => w.containers))
        if (container.image && container.imageLine !== undefined && retagged(path, container.image)) context.withdraw(path, container.imageLine);
    }
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'dockerfile') continue;
      for (const stage of facts.stages) {
        // `FROM builder` names an earlier stage, and `scratch` is empty: neither is pulled.
        if (stage.image.toLowerCase() === 'scratch' || facts.stages.some((s) => s !== stage && s.alias?.toLowerCase() === stage.image.toLowerCase())) continue;
        const { pin, tag } = imagePin(stage.image);
        if (pin === 'latest' || pin === 'none') context.report({ path, range: stage.range, messageId: pin === 'latest' ? 'latest' : 'untagged', data: { image: stage.image } });
        // `FROM python:3`: the base's interpreter moves with each minor release.
        else if (pin === 'tag' && majorOnlyPython(stage.image, tag)) context.report({ path, range: stage.range, messageId: 'majorOnly', data: { image: stage.image, tag: tag! } });
        // A tool copied out of another image (uv, a static binary) is pulled like a base image.
        for (const copy of stage.copies ?? []) {
          const image = copySource(copy.text, facts.stages);
          const copied = image === undefined ? undefined : imagePin(image).pin;
          if (image && (copied === 'latest' || copied === 'none'))
            context.report({ path, range: copy.range, messageId: copied === 'latest' ? 'latest' : 'untagged', data: { image } });
        }
      }
    }
  },
});
