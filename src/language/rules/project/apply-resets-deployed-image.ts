import { kubectlApplies } from '../../project/commands';
import type { WorkloadFact } from '../../project/facts';
import { lineAt } from '../../project/report';
import { l, projectRule } from '../../rule';
import type { Range } from '../../types';

/** `kubectl set image deployment/NAME container=image` (also `deploy/`, `deployment.apps/`), across line continuations. */
const SET_IMAGE = /\bkubectl\s+set\s+image\s+(?:\\\s*\n\s*)?(?:[^\n]*?\s)?(?:deployments?|deploy)(?:\.apps)?\/([^\s\\]+)\s+(?:\\\s*\n\s*)?[^\s=\\]+=(\S+)/g;
/** A step that writes the image into the manifest before applying it: then the apply already rolls out the new build. */
const REWRITE = /\b(sed\s+(-\w*\s+)*-i|envsubst|yq\s|kustomize\s+edit\s+set\s+image|kubectl\s+kustomize)\b/;

interface Event {
  readonly kind: 'apply' | 'set';
  readonly offset: number;
  readonly target: string;
  readonly image?: string;
  readonly range: Range;
}

export default projectRule({
  scope: 'project',
  id: 'apply-resets-deployed-image',
  language: 'yaml',
  category: 'delivery',
  severity: 'info',
  anchors: ['kubernetes-docs:kubectl-apply', 'gap:apply-then-set-image'],
  messages: {
    reset: l(
      '파이프라인이 "{image}"를 실행하는 {file}을 먼저 적용한 다음에야 kubectl set image로 이미지를 바꿉니다. 배포할 때마다 Deployment "{deployment}"가 먼저 "{image}"로 롤아웃되고(없는 이미지면 실패하는 파드, latest면 무엇이든) 다시 한 번 롤아웃됩니다',
      'The pipeline applies {file}, which runs "{image}", and only then sets the image with kubectl set image: every deploy first rolls Deployment "{deployment}" out to "{image}" (failing pods if it does not exist, whatever it is if it floats) and then rolls it out again',
    ),
  },
  docs: {
    summary: l(
      '같은 파이프라인(워크플로, 배포 스크립트)에서 Deployment 매니페스트를 `kubectl apply -f`로 적용하고, 그 뒤에 같은 Deployment의 이미지를 `kubectl set image`로 바꾸는 경우를 찾습니다. 매니페스트의 이미지가 set image가 넣는 이미지와 같을 때, apply 전에 이미지를 매니페스트에 써 넣을 때(sed, envsubst, yq, kustomize), set image가 실패했을 때만 apply하는 대체 경로(`||`)는 제외합니다.',
      "Flags a pipeline (a workflow, a deploy script) that applies a Deployment manifest with `kubectl apply -f` and afterwards changes the same Deployment's image with `kubectl set image`. Left alone: a manifest whose image is the one set image sets, a pipeline that writes the image into the manifest before applying it (sed, envsubst, yq, kustomize), and an apply that is only a fallback when set image fails (`||`).",
    ),
    why: l(
      'apply는 매니페스트에 적힌 이미지로 Deployment를 되돌립니다. 그 이미지가 자리표시자나 latest이면 배포마다 먼저 실패하는 파드나 알 수 없는 빌드가 트래픽을 받고, 곧이어 두 번째 롤아웃이 일어납니다. 매니페스트만 보고는 지금 무엇이 돌고 있는지 알 수 없습니다.',
      'apply puts the Deployment back to the image written in the manifest. When that is a placeholder or latest, every deploy first sends traffic to failing pods or an unknown build, and a second rollout follows right after. The manifest no longer says what runs.',
    ),
    bad: '# --- .github/workflows/deploy.yml ---\nname: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          kubectl apply -f k8s/deployment.yaml\n          kubectl set image deployment/api api=ghcr.io/acme/api:${{ github.sha }}\n# --- k8s/deployment.yaml ---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:latest\n',
    good: '# --- .github/workflows/deploy.yml ---\nname: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 매니페스트에 이번 빌드의 이미지를 적은 뒤 한 번만 적용하면 어떨까요?\n      - run: |\n          sed -i "s|IMAGE_PLACEHOLDER|ghcr.io/acme/api:${{ github.sha }}|" k8s/deployment.yaml\n          kubectl apply -f k8s/deployment.yaml\n# --- k8s/deployment.yaml ---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: IMAGE_PLACEHOLDER\n',
  },
  weeks: ['intermediate/2', 'advanced/7'],
  questions: [
    l(
      'apply가 끝난 직후부터 set image가 끝날 때까지, "{deployment}"는 어떤 이미지로 돌고 있나요?',
      'Between the end of the apply and the end of set image, which image does "{deployment}" run?',
    ),
    l(
      '배포가 끝난 뒤 매니페스트만 보고 지금 돌고 있는 빌드를 알 수 있나요? 알 수 없다면 무엇을 바꾸면 될까요?',
      'Once the deploy is done, can you tell from the manifest which build is running? If not, what would you change?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 배포 한 번에 롤아웃 한 번\n# 고려사항:\n# - 이번 빌드의 이미지를 apply 전에 매니페스트에 적을 수 있나요? (kustomize edit set image, sed, envsubst)\n# - 아니면 처음 한 번만 apply하고 이후에는 set image만 하나요?\n# - run: # TODO\n',
    en: "# TODO: one rollout per deploy\n# Consider:\n# - can this build's image be written into the manifest before the apply? (kustomize edit set image, sed, envsubst)\n# - or is the manifest applied once, and only set image used afterwards?\n# - run: # TODO\n",
  },
  project(context) {
    const root = context.view.root ? `${context.view.root.replace(/\/$/, '')}/` : '';
    const deployments = new Map<string, readonly WorkloadFact[]>();
    for (const [path, facts] of context.view.files)
      if (facts.kind === 'yaml') {
        const found = facts.workloads.filter((w) => w.kind === 'Deployment');
        if (found.length > 0) deployments.set(path, found);
      }
    if (deployments.size === 0) return;
    const applied = (target: string) =>
      [...deployments].filter(([path]) => path === root + target || path.startsWith(`${root}${target}/`) || path.endsWith(`/${target}`) || path.includes(`/${target}/`));
    for (const [path, facts] of context.view.files) {
      const scripts =
        facts.kind === 'yaml'
          ? facts.workflowRuns.map((r) => ({ raw: r.raw, range: r.range }))
          : facts.kind === 'script'
            ? facts.commands.map((c) => ({ raw: c.text, range: c.range }))
            : [];
      const events: Event[] = [];
      let rewrites = false;
      let offset = 0;
      for (const script of scripts) {
        // An expression (`${{ env.DEPLOYMENT }}`) holds spaces; as one opaque word the commands read as the shell sees them.
        const raw = script.raw.replace(/\$\{\{[^}\n]*\}\}/g, 'XXXX');
        const range = script.range;
        for (const line of raw.split('\n')) if (REWRITE.test(line) && !/\bkubectl\s+apply\b/.test(line)) rewrites = true;
        if (rewrites) break;
        // `-k` applies a kustomization, which sets its own images; `set image ... || kubectl apply -f ...` is a
        // fallback for a first deploy, another matter.
        for (const apply of kubectlApplies(raw))
          if (apply.verb === 'apply' && !apply.kustomize && !apply.fallback)
            events.push({ kind: 'apply', offset: offset + apply.index, target: apply.path, range: lineAt(range, raw, apply.index) });
        for (const match of raw.matchAll(SET_IMAGE))
          events.push({ kind: 'set', offset: offset + match.index, target: match[1], image: match[2], range: lineAt(range, raw, match.index) });
        offset += raw.length + 1;
      }
      if (rewrites) continue;
      events.sort((a, b) => a.offset - b.offset);
      const seen: Event[] = [];
      // One finding per applied manifest: a pipeline that deploys staging and then production resets both.
      const reported = new Set<string>();
      for (const event of events) {
        if (event.kind === 'apply') {
          seen.push(event);
          continue;
        }
        // A variable (or a masked `${{ }}`) names the Deployment only the run knows: any Deployment of the applied files may be it, once.
        const unknown = /[$<{]|X{4,}/.test(event.target);
        let hit = false;
        for (const apply of seen)
          for (const [file, workloads] of applied(apply.target)) {
            if (reported.has(file) || (unknown && hit)) continue;
            const named = unknown ? workloads : workloads.filter((w) => w.name === event.target);
            const workload = named.find((w) => w.containers.some((c) => c.image && !/[$⟨]|\{\{/.test(c.image) && c.image !== event.image));
            const container = workload?.containers.find((c) => c.image && c.image !== event.image);
            if (!workload || !container?.image || workload.containers.some((c) => c.image === event.image)) continue;
            const related =
              container.imageLine === undefined
                ? []
                : [
                    {
                      path: file,
                      range: { start: { line: container.imageLine, column: 0 }, end: { line: container.imageLine, column: 0 } },
                      message: l('매니페스트의 이미지', "the manifest's image"),
                    },
                  ];
            context.report({ path, range: apply.range, messageId: 'reset', data: { file: file.slice(root.length), image: container.image, deployment: workload.name }, related });
            reported.add(file);
            hit = true;
          }
      }
    }
  },
});
