import { l, yamlRule } from '../../rule';
import { jobSteps, workflowJobs } from '../../yaml/actions';
import { deployAction, gateTool, rolloutAction } from '../../yaml/ci-steps';
import { at, scalar, type YMap } from '../../yaml/model';

/** A model evaluation or validation script (`python -m eval.run_eval`, `python evaluate_model.py`). */
const EVALUATION = /\bpython3?\s+(?:-m\s+)?([\w./-]*(?:eval|validat)[\w./-]*)/i;
/**
 * Checks that belong after a release: a smoke, end-to-end, integration or load test, a health
 * or endpoint check, a verification of what was deployed. They test the running environment.
 */
const POST_RELEASE =
  /smoke|e2e|end[-_ ]?to[-_ ]?end|integration|acceptance|load[-_ ]?test|locust|\bk6\b|health|post[-_ ]?deploy|verif|canary|rollback|monitor|endpoint|deploy|_URL\b|--url|base[-_]?url|https?:\/\//i;
/** A throw-away cluster or a registry on the runner (`localhost:5000/api`, not a URL): shipping to it is how the job tests. */
const EPHEMERAL =
  /\b(kind\s+create|minikube\s+start|k3d\s+cluster\s+create|helm\/kind-action|medyagh\/setup-minikube|AbsaOSS\/k3d-action)|(?<![/\w])(localhost|127\.0\.0\.1):\d+\/[\w-]/i;

function stepText(step: YMap): string {
  return [scalar(at(step, 'name')), scalar(at(step, 'uses')), scalar(at(step, 'run')), scalar(at(step, 'with.image-ref')), scalar(at(step, 'with.image'))]
    .filter(Boolean)
    .join('\n');
}

/** The image started on the runner and called on localhost: a test of the candidate, not of an environment. */
const LOCAL_RUN = /\bdocker\s+run\b|\bdocker[\s-]compose\b[^\n]*\sup\b/;
const LOCALHOST = /\b(localhost|127\.0\.0\.1)\b/;

/**
 * The pre-release check a step runs (tests, lint, a scan of the image, a model evaluation), if any.
 * While only an artefact has been published (nothing rolled out), a smoke test that starts the image
 * on the runner is one too: nothing else is running that it could be checking.
 */
function preReleaseCheck(step: YMap, publishedOnly: boolean): string | undefined {
  const condition = scalar(at(step, 'if')) ?? '';
  if (/\b(failure|always|cancelled)\s*\(/.test(condition)) return undefined;
  const run = scalar(at(step, 'run')) ?? '';
  if (publishedOnly && LOCAL_RUN.test(run) && LOCALHOST.test(run)) return scalar(at(step, 'name')) ?? 'docker run';
  const text = stepText(step);
  if (POST_RELEASE.test(text)) return undefined;
  const tool = gateTool(step);
  if (tool) return tool;
  const evaluation = EVALUATION.exec(run);
  return evaluation ? evaluation[0].replace(/\s+/g, ' ') : undefined;
}

export default yamlRule({
  id: 'check-after-release',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'delivery',
  severity: 'warning',
  anchors: ['gap:check-after-release'],
  messages: {
    after: l(
      '"{check}" 검사가 같은 job에서 {release} 뒤에 실행됩니다. 검사가 실패할 때는 이미 이미지가 올라갔거나 배포가 끝난 뒤입니다',
      'The check "{check}" runs after {release} in job "{job}": by the time it fails, the image is already published or the deploy already done',
    ),
  },
  docs: {
    summary: l(
      'GitHub Actions job 안에서 이미지 push나 배포(kubectl, helm, 클라우드 배포, 배포 스크립트) 단계 뒤에 테스트·린트·이미지 스캔·모델 평가 단계가 오는 경우를 찾습니다. 아직 아무것도 롤아웃하지 않고 이미지만 올린 뒤라면, 러너에서 이미지를 띄워(docker run, compose up) localhost를 부르는 스모크 테스트도 이런 검사로 봅니다. 배포된 환경을 확인하는 스모크·e2e·통합·부하 테스트, 헬스 체크, URL을 부르는 검사, 실패 시 실행되는 단계(if: failure()), job 안에서 만든 임시 클러스터(kind, minikube, k3d)나 localhost 레지스트리로의 배포, 검사 뒤에 같은 job에서 다시 push나 배포가 오는 경우(후보 태그를 올려 검사한 뒤 릴리스하는 흐름)는 제외합니다. job마다 한 번 알립니다.',
      'Flags a GitHub Actions job where a test, lint, image scan or model evaluation step comes after a step that pushes an image or deploys (kubectl, helm, a cloud deploy, a deploy script). While only an artefact has been published (nothing rolled out yet), a smoke test that starts the image on the runner (docker run, compose up, then localhost) counts as such a check. Checks of the running environment are left alone: smoke, end-to-end, integration and load tests, health checks, checks that call a URL, steps that run on failure (if: failure()), deploys to a throw-away cluster (kind, minikube, k3d) or a localhost registry made in the job, and a check followed by a later push or deploy in the same job (a candidate tag pushed, checked, then released). Said once per job.',
    ),
    why: l(
      '검사는 배포를 막을 때만 게이트입니다. push나 배포 뒤에 돌면 실패해도 깨진 이미지는 이미 레지스트리에 있고 깨진 모델은 이미 트래픽을 받고 있으며, 빨간 job은 되돌리는 일을 해 주지 않습니다.',
      'A check is a gate only when it can stop the release. Run after the push or the deploy, its failure comes when the broken image is already in the registry and the broken model already serves traffic, and a red job rolls nothing back.',
    ),
    bad: 'on:\n  push:\n    branches: [main]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t ghcr.io/acme/api:${{ github.sha }} .\n      - run: docker push ghcr.io/acme/api:${{ github.sha }}\n      - run: docker run --rm ghcr.io/acme/api:${{ github.sha }} pytest\n',
    good: 'on:\n  push:\n    branches: [main]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t ghcr.io/acme/api:${{ github.sha }} .\n      # TODO: push 전에 이 이미지로 무엇을 확인해야 할까요?\n      - run: docker run --rm ghcr.io/acme/api:${{ github.sha }} pytest\n      - run: docker push ghcr.io/acme/api:${{ github.sha }}\n',
  },
  weeks: ['beginner/4', 'intermediate/7'],
  questions: [
    l('"{check}"이(가) 실패했을 때, {release}로 내보낸 것은 어디에 남아 있나요?', 'When "{check}" fails, where is what {release} shipped?'),
    l(
      '이 검사를 배포 앞으로 옮기면 무엇이 달라지나요? 배포 뒤에 꼭 남아야 하는 검사는 어떤 것인가요?',
      'What changes if this check moves before the release? Which checks do belong after it?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 검사를 내보내기 앞으로\n# 고려사항:\n# - 이 검사는 후보(코드, 이미지, 모델)를 보나요, 배포된 환경을 보나요?\n# - 후보를 본다면 push·배포 단계보다 먼저(또는 needs로 앞선 job에서) 돌게 할 수 있나요?\n# - 배포 뒤 검사가 실패하면 무엇을 되돌려야 하나요?\n# - run: # TODO (검사 먼저, 그다음 push/배포)\n',
    en: '# TODO: move the check before the release\n# Consider:\n# - does this check look at the candidate (code, image, model) or at the deployed environment?\n# - if the candidate, can it run before the push or deploy step (or in an earlier job via needs)?\n# - if a check after the deploy fails, what has to be rolled back?\n# - run: # TODO (check first, then push/deploy)\n',
  },
  check(context, document) {
    for (const job of workflowJobs(document)) {
      const steps = jobSteps(job);
      if (steps.some((step) => EPHEMERAL.test(stepText(step)))) continue;
      let release: string | undefined;
      let rolledOut = false;
      for (const [index, step] of steps.entries()) {
        if (release) {
          const check = preReleaseCheck(step, !rolledOut);
          // A candidate pushed under its own tag, checked, then released (retagged, deployed) further on: the check gates that.
          if (check && steps.slice(index + 1).some((later) => deployAction(later) !== undefined)) break;
          if (check) {
            context.report({ range: (at(step, 'name') ?? at(step, 'run') ?? at(step, 'uses') ?? step).range, messageId: 'after', data: { check, release, job: job.id } });
            break;
          }
        }
        release ??= deployAction(step);
        rolledOut ||= rolloutAction(step) !== undefined;
      }
    }
  },
});
