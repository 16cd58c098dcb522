import { l, yamlRule, type YamlContext } from '../../rule';
import { azurePipelineJobs, azureShipment, isAzureGateStep, isAzurePipelines } from '../../yaml/azure-pipelines';
import { jobSteps, triggerEvents, workflowJobs, type WorkflowJob } from '../../yaml/actions';
import { deployAction, deployCommand, gateCommand, gateTool } from '../../yaml/ci-steps';
import { cloudBuildSteps, isCloudBuild } from '../../yaml/cloud-build';
import { gitlabJobs, gitlabPrintsOnly, gitlabUpstream, isGitLabCi, type GitLabJob } from '../../yaml/gitlab-ci';
import { at, entry, items, scalar, type YamlDocument, type YMap } from '../../yaml/model';

/** A step whose name says it checks something counts as a gate (a smoke test of the image, say); "Check out the repo" is a checkout. */
const GATE_NAME = /\b(tests?|testing|lint(ing)?|smoke|check(?!\s*out\b)s?|verify|validate|validation|evaluate|evaluation)\b/i;
/** A reusable workflow called by a job that reads like CI (`uses: ./.github/workflows/ci.yml`). */
const GATE_WORKFLOW = /(^|[/_.-])(ci|tests?|lint|checks?|quality|verify|validate)([/_.-]|$)/i;
/** Triggers that mean another workflow or a caller already ran the gate. */
const GATED_ELSEWHERE = new Set(['workflow_run', 'workflow_call']);

function needsOf(job: WorkflowJob): string[] {
  const needs = at(job.spec, 'needs');
  return needs?.kind === 'seq' ? items(needs).flatMap((n) => scalar(n) ?? []) : [scalar(needs) ?? ''].filter(Boolean);
}

/**
 * Scanners of an image or of the dependencies: they find known vulnerabilities, and say nothing about
 * whether the commit works. A job whose only check is one still ships untested code.
 */
const SCANNER = /^(trivy|safety|pip-audit)$|aquasecurity\/trivy|anchore\/scan-action|snyk|docker\/scout|grype|codeql/i;
/** A script that only shows or passes on values (`echo`, `cat`, `X=$(cat f)`, `>> $GITHUB_OUTPUT`): nothing in it can fail. */
const SHOW_ONLY_LINE = /^\s*(#.*|(echo|printf|cat|ls|pwd)\b[^|;&]*|[A-Za-z_]\w*=("?\$\((cat|echo|ls)\b[^)]*\)"?|\S*))?\s*$/;

/** A step named like a check whose script can fail on nothing: `name: Check training result` / `run: echo "acc=1.0" >> $GITHUB_OUTPUT`. */
function showsOnly(step: YMap): boolean {
  const run = scalar(at(step, 'run'));
  return run !== undefined && at(step, 'uses') === undefined && run.split('\n').every((line) => SHOW_ONLY_LINE.test(line));
}

/** A job whose id says it deploys: `deploy`, `deploy-prod`, `render_deploy`. */
const DEPLOY_JOB = /^(deploy|deployment)([-_]|$)|[-_](deploy|deployment)$/i;

/** A step that does something: an action, or a script that is more than `echo`/`cat`. */
function shipsSomething(step: YMap): boolean {
  if (at(step, 'uses') !== undefined) return !/^actions\/(checkout|setup-\w+|cache|download-artifact)$/i.test((scalar(at(step, 'uses')) ?? '').replace(/@.*$/, ''));
  return scalar(at(step, 'run')) !== undefined && !showsOnly(step);
}

/** A step that checks rather than ships (`helm lint`, `yamllint`, `shellcheck`, a test run): a job of them is a check named for its folder. */
function checksSomething(step: YMap): boolean {
  const text = `${scalar(at(step, 'run')) ?? ''} ${(scalar(at(step, 'uses')) ?? '').replace(/^actions\/checkout@.*$/i, '')}`;
  return /lint|test|check|validate|verify/i.test(text);
}

/** How a message names a step: its action, its name, or its first command. */
function stepLabel(step: YMap): string {
  return (scalar(at(step, 'uses')) ?? '').replace(/@.*$/, '') || scalar(at(step, 'name')) || (scalar(at(step, 'run')) ?? '').split('\n')[0].trim();
}

/**
 * A step that checks what its own job just shipped (`Verify S3 Upload`, `Check deployment`,
 * `Verify rollout`): it says the upload or rollout happened, not that the commit works.
 */
const SHIPMENT_CHECK_NAME = /\b(verify|verifies|check|checks)\s+(the\s+)?(\w+\s+)?(upload(s|ed)?|deployment|deploy|rollout|push(ed)?|publish(ed)?|release)\b/i;

function isGateStep(step: YMap): boolean {
  const tool = gateTool(step);
  if (tool !== undefined) return !SCANNER.test(tool);
  const name = scalar(at(step, 'name')) ?? '';
  return GATE_NAME.test(name) && !SHIPMENT_CHECK_NAME.test(name) && !showsOnly(step);
}

function isGateJob(job: WorkflowJob): boolean {
  if (job.reusable) return GATE_WORKFLOW.test(job.id) || GATE_WORKFLOW.test(scalar(at(job.spec, 'uses')) ?? '');
  return jobSteps(job).some(isGateStep);
}

/** Every job reachable through `needs:` from this one. */
function upstream(job: WorkflowJob, byId: ReadonlyMap<string, WorkflowJob>): WorkflowJob[] {
  const seen = new Set<string>();
  const queue = needsOf(job);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const next = byId.get(id);
    if (next) queue.push(...needsOf(next));
  }
  return [...seen].flatMap((id) => byId.get(id) ?? []);
}

/**
 * A Cloud Build config runs its steps in order (a step with `waitFor: ['-']` starts at once): the
 * first step that ships, or the `images:` it pushes when the build ends, needs a test step before it.
 */
function checkCloudBuild(context: YamlContext, document: YamlDocument): void {
  const steps = cloudBuildSteps(document.root);
  const isGate = (step: (typeof steps)[number]) => gateCommand(step.command) !== null || GATE_NAME.test(step.label);
  const index = steps.findIndex((step) => deployCommand(step.command) !== undefined);
  if (index >= 0) {
    const step = steps[index];
    if (step.startsAtOnce || !steps.slice(0, index).some(isGate))
      context.report({ range: step.range, messageId: 'cloudBuild', data: { job: step.label, action: deployCommand(step.command) as string } });
    return;
  }
  const images = entry(document.root, 'images');
  if (images && items(images.value).length > 0 && !steps.some(isGate))
    context.report({ range: images.keyRange, messageId: 'cloudBuild', data: { job: 'images', action: 'the images pushed when the build ends' } });
}

/**
 * A GitLab CI job that ships needs a gate before it: a test or lint command earlier in its own
 * script, or a job that runs first (an earlier stage, or its `needs:`) and tests, lints or is named
 * for it (`test`, `lint`, a `test` stage) and runs more than echoes.
 */
function checkGitLab(context: YamlContext, document: YamlDocument): void {
  const jobs = gitlabJobs(document.root);
  // A job named for the check counts when it runs something: `test: script: [echo "tests go here"]` checks nothing.
  const isGateJob = (job: GitLabJob) =>
    job.scripts.some((line) => gateCommand(line.value) !== null) ||
    ((GATE_NAME.test(job.id.replace(/[-_:]/g, ' ')) || GATE_NAME.test(job.stage.replace(/[-_]/g, ' '))) && !gitlabPrintsOnly(job));
  for (const job of jobs) {
    const index = job.scripts.findIndex((line) => deployCommand(line.value) !== undefined);
    if (index < 0 || job.scripts.slice(0, index).some((line) => gateCommand(line.value) !== null)) continue;
    if (gitlabUpstream(job, jobs).some(isGateJob)) continue;
    const action = deployCommand(job.scripts[index].value) as string;
    context.report({ range: job.idRange, messageId: 'noTests', data: { job: job.id, action } });
  }
}

/**
 * An Azure pipeline's job that ships needs a gate before it: a test or lint step earlier in the
 * job, or a job it waits for (its `dependsOn:`, or an earlier stage) that tests. A job or stage
 * with `condition: always()` runs whatever its upstream did, so nothing upstream gates it.
 */
function checkAzure(context: YamlContext, document: YamlDocument): void {
  const jobs = azurePipelineJobs(document.root);
  const byId = new Map(jobs.map((job) => [job.id, job]));
  for (const job of jobs) {
    const index = job.steps.findIndex((step) => azureShipment(step) !== undefined);
    if (index < 0 || job.steps.slice(0, index).some(isAzureGateStep)) continue;
    if (!job.runsAfterFailure && job.upstream.some((id) => byId.get(id)?.steps.some(isAzureGateStep))) continue;
    const step = job.steps[index];
    const data = { job: job.implicit ? step.label : job.id, action: (azureShipment(step) as { action: string }).action };
    context.report({ range: job.implicit ? step.range : job.idRange, messageId: job.implicit ? 'azureStep' : 'noTests', data });
  }
}

export default yamlRule({
  id: 'deploy-without-test-gate',
  language: 'yaml',
  // Cloud Build configs are not classified by kind: their shape is checked in `check`.
  documentKinds: ['github-actions', 'other'],
  category: 'delivery',
  severity: 'warning',
  messages: {
    noTests: l('"{job}" job이 테스트나 검사 없이 배포합니다 ({action})', 'Job "{job}" ships without any test or check first ({action})'),
    parallelTests: l(
      '"{job}" job이 "{gate}" job을 기다리지 않고 배포합니다 ({action}); needs에 없습니다',
      'Job "{job}" ships ({action}) without waiting for "{gate}": it is not in its needs',
    ),
    azureStep: l('"{job}" 단계가 앞선 테스트나 검사 단계 없이 배포합니다 ({action})', 'Step "{job}" ships ({action}) with no test or check step before it'),
    cloudBuild: l(
      'Cloud Build 단계 "{job}"가 앞선 테스트나 검사 단계 없이 배포합니다 ({action})',
      'Cloud Build step "{job}" ships ({action}) with no test or check step before it',
    ),
  },
  docs: {
    summary: l(
      '이미지 push, kubectl/helm 배포, 패키지·릴리스·모델 업로드, 클라우드 배포(이름이 배포라고 말하는 서드파티 액션, 예: gonuit/heroku-docker-deploy 포함; GitHub Pages 게시는 제외)를 하는 job, 또는 배포 방식은 알 수 없어도 이름이 배포(deploy, deploy-prod)이고 검사 단계 없이 무언가를 실행하는 job이 같은 워크플로의 테스트 job을 needs에 두지 않은 경우, 그 job이 그 전에 같은 job의 테스트·린트·스모크 검사 단계도, needs 경로의 테스트 job도 갖지 않는 경우를 찾습니다. workflow_run/workflow_call로 다른 워크플로가 먼저 검사하는 경우는 제외합니다(수동 실행 workflow_dispatch는 어떤 ref든 테스트 여부와 상관없이 배포하므로 검사합니다). 이미지·의존성 취약점 스캔(Trivy, Grype, Snyk, pip-audit, CodeQL 업로드)은 커밋이 동작하는지 확인하지 않으므로 게이트로 치지 않고, 이름만 검사처럼 보이고 값을 출력하기만 하는 단계(`echo`, `cat`)도 게이트가 아닙니다. "Check out the repo"라는 이름의 단계는 체크아웃이지 검사가 아닙니다. 방금 올린 것을 확인하는 단계("Verify S3 Upload", "Check deployment")도 커밋이 동작하는지 말해 주지 않으므로 검사로 보지 않습니다. Google Cloud Build 설정(cloudbuild.yaml)도 같은 기준으로 봅니다: 배포·push 단계(또는 빌드 끝에 push되는 images:) 앞에 테스트 단계가 있어야 합니다. GitLab CI(.gitlab-ci.yml)에서는 배포하는 job보다 먼저 끝나는 job(앞 stage, 또는 needs:)이나 같은 job의 앞선 스크립트 줄에 테스트·린트가 있어야 합니다. Azure Pipelines(azure-pipelines.yml, .azuredevops/)에서는 이미지 push(Docker@2 push/buildAndPush), 배포 태스크(KubernetesManifest, HelmDeploy, AzureWebApp 등)나 스크립트의 배포 명령 앞에, 같은 job의 앞선 테스트 단계나 기다리는 job(dependsOn, 앞 stage)의 테스트가 있어야 합니다. condition: always()인 job·stage는 앞이 실패해도 실행되므로 앞의 테스트가 막아 주지 않습니다.',
      'Flags jobs that push images, deploy with kubectl/helm, publish packages, releases or models, or deploy to a cloud service (a third-party action whose name says it deploys, such as gonuit/heroku-docker-deploy, counts; publishing GitHub Pages does not), and jobs named for the deploy (deploy, deploy-prod) that run something other than checks through a mechanism the rule does not know (a platform’s own action, a script) while the workflow’s test job is not in their needs, with neither a test, lint or smoke step before it in the same job nor a test job on their needs path. Workflows started by workflow_run/workflow_call (gated by another workflow) are skipped; a manual workflow_dispatch is not a gate (it ships whatever ref it is run on). A vulnerability scan of the image or the dependencies (Trivy, Grype, Snyk, pip-audit, a CodeQL upload) says nothing about whether the commit works and is not a gate, nor is a step named like a check whose script only shows values (`echo`, `cat`). A step named "Check out the repo" is a checkout, not a check. Nor is a step that checks what its own job just shipped ("Verify S3 Upload", "Check deployment"): it says the upload happened, not that the commit works. Google Cloud Build configs (cloudbuild.yaml) are held to the same standard: the step that deploys or pushes (or the images: pushed when the build ends) needs a test step before it. In GitLab CI (.gitlab-ci.yml) a job that ships needs a test or lint before it: earlier in its own script, or in a job that finishes first (an earlier stage, or its needs:). In Azure Pipelines (azure-pipelines.yml, .azuredevops/) an image push (Docker@2 push or buildAndPush), a deploy task (KubernetesManifest, HelmDeploy, AzureWebApp...) or a deploy command in a script needs a test step earlier in the job or a test in a job it waits for (dependsOn, an earlier stage); a job or stage with condition: always() runs even when that test failed, so it is not gated by it.',
    ),
    why: l(
      '게이트 없는 배포 파이프라인은 main에 들어온 모든 커밋을 그대로 운영에 올립니다. 모델을 못 불러오는 이미지나 문법 오류가 있는 코드도 "배포 성공"으로 표시되고, 사용자가 먼저 장애를 발견합니다.',
      'A pipeline with no gate ships every commit that lands: an image that cannot load its model or code with a syntax error is reported as a successful deploy, and users find the outage first.',
    ),
    bad: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t ghcr.io/acme/model-api:${{ github.sha }} .\n      - run: docker push ghcr.io/acme/model-api:${{ github.sha }}\n',
    good: 'on:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      # TODO: 배포를 막아야 할 검사는 무엇인가요? (테스트, 린트, 모델 스모크 테스트)\n      - run: pytest\n  deploy:\n    needs: test\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t ghcr.io/acme/model-api:${{ github.sha }} .\n      - run: docker push ghcr.io/acme/model-api:${{ github.sha }}\n',
  },
  weeks: ['beginner/4', 'intermediate/7'],
  questions: [
    l(
      '"{job}"이(가) {action}까지 가기 전에, 이 커밋이 제대로 동작한다는 것을 파이프라인의 무엇이 확인해 주나요?',
      'Before "{job}" reaches {action}, what in this pipeline confirms that the commit actually works?',
    ),
    l(
      '서비스를 깨뜨리는 커밋이 push되면, 사용자보다 먼저 그 사실을 알려 줄 단계는 이 파이프라인의 어디에 있어야 할까요?',
      'If a commit that breaks the service is pushed, where in this pipeline should the step be that notices it before users do?',
    ),
    l(
      '"{gate}" job이 실패해도 "{job}" job은 계속 진행됩니다. 두 job 사이에 어떤 관계가 필요할까요?',
      'Even when "{gate}" fails, "{job}" goes ahead. What relation do the two jobs need?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 배포 앞에 게이트 세우기\n# 고려사항:\n# - 배포를 막아야 할 검사는 무엇인가요? (단위 테스트, 린트, 이미지 스모크 테스트)\n# - 그 검사를 별도 job으로 두고 배포 job의 needs에 넣을까요, 같은 job 앞 단계로 둘까요?\n# - 어떤 브랜치·태그에서만 배포해야 하나요?\n# needs: # TODO\n',
    en: "# TODO: put a gate in front of the deploy\n# Consider:\n# - which checks should block a deploy (unit tests, lint, an image smoke test)?\n# - a separate job in the deploy job's needs, or earlier steps of the same job?\n# - which branches or tags should deploy at all?\n# needs: # TODO\n",
  },
  check(context, document) {
    if (document.kind === 'other') {
      if (isCloudBuild(document.root)) checkCloudBuild(context, document);
      else if (isGitLabCi(document.root)) checkGitLab(context, document);
      else if (isAzurePipelines(document.root)) checkAzure(context, document);
      return;
    }
    const names = triggerEvents(document);
    // A manual dispatch is not a gate: it ships whatever ref it is run on, tested or not.
    if (names.some((name) => GATED_ELSEWHERE.has(name))) return;
    const jobs = workflowJobs(document);
    const byId = new Map(jobs.map((job) => [job.id, job]));
    const gates = jobs.filter(isGateJob);
    for (const job of jobs) {
      if (job.reusable) continue;
      const steps = jobSteps(job);
      let index = steps.findIndex((step) => deployAction(step) !== undefined);
      // A job named for the deploy whose mechanism is not recognised (a platform's own action, a
      // script), in a workflow that has a test job it does not wait for: the `needs:` was forgotten.
      const named = index < 0 && DEPLOY_JOB.test(job.id) && gates.some((g) => g !== job) && !steps.some(checksSomething) ? steps.findIndex(shipsSomething) : -1;
      if (named >= 0) index = named;
      if (index < 0 || steps.slice(0, index).some(isGateStep) || upstream(job, byId).some(isGateJob)) continue;
      const action = deployAction(steps[index]) ?? stepLabel(steps[index]);
      // A post-deploy smoke test that itself needs this job runs after it: it cannot gate it.
      const gate = gates.find((candidate) => candidate !== job && !upstream(candidate, byId).includes(job));
      if (gate) context.report({ range: job.idRange, messageId: 'parallelTests', data: { job: job.id, action, gate: gate.id } });
      else context.report({ range: job.idRange, messageId: 'noTests', data: { job: job.id, action } });
    }
  },
});
