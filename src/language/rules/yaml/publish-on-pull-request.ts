import { l, yamlRule, type YamlContext } from '../../rule';
import { jobSteps, triggerEvents, triggers, workflowJobs, type WorkflowJob } from '../../yaml/actions';
import { azurePipelineJobs, azureShipment, isAzurePipelines } from '../../yaml/azure-pipelines';
import { deployAction } from '../../yaml/ci-steps';
import { at, entry, items, scalar, type YamlDocument, type YNode } from '../../yaml/model';

/**
 * Conditions that keep a step off pull-request runs: the event is not a pull request, or the
 * ref is a branch or a tag (a pull request's ref is refs/pull/N/merge), or the PR was merged.
 */
const NOT_ON_PULL_REQUEST =
  /event_name\s*!=\s*'pull_request|event_name\s*==\s*'(push|release|workflow_dispatch|schedule|workflow_run)'|github\.ref\s*==|github\.ref_name\s*==|refs\/(heads|tags)\/|startsWith\(\s*github\.ref|!\s*github\.event\.pull_request\b|github\.event\.pull_request\.merged|github\.event_name\s*!=\s*"pull_request/;

/** A job that brings up a throwaway cluster (kind, minikube, k3d) applies manifests to it, not to a live one. */
const LOCAL_CLUSTER = /kind-action|setup-minikube|k3d|\bkind\s+create\s+cluster\b|\bminikube\s+start\b|\bk3d\s+cluster\s+create\b/;

/** Conditions that keep a step to chosen refs (a branch, tags), which is what a push to every branch needs. */
const ON_CHOSEN_REFS = /github\.ref\s*==|github\.ref_name\s*==|refs\/(heads|tags)\/|startsWith\(\s*github\.ref|github\.ref_type\s*==|default_branch/;

function guarded(node: YNode | undefined, pattern = NOT_ON_PULL_REQUEST): boolean {
  const condition = scalar(at(node, 'if'));
  return condition !== undefined && pattern.test(condition);
}

/**
 * The push trigger's entry when it takes every branch: `on: push` alone, a push map with no
 * `branches:` (only `paths:`, or `branches-ignore:`). A push on named branches or tags alone is not.
 */
function pushOnEveryBranch(on: YNode | undefined): boolean {
  if (on?.kind === 'scalar') return on.value === 'push';
  if (on?.kind === 'seq') return items(on).some((item) => scalar(item) === 'push');
  const push = entry(on, 'push');
  if (!push) return false;
  const value = push.value;
  if (value?.kind !== 'map') return true;
  if (at(value, 'branches') !== undefined) return false;
  return !(at(value, 'tags') !== undefined && at(value, 'branches-ignore') === undefined);
}

/** An Azure condition that keeps a stage, job or step off pull-request runs (`ne(variables['Build.Reason'], 'PullRequest')`, a branch test). */
const AZURE_NOT_ON_PULL_REQUEST = /Build\.Reason|PullRequest|Build\.SourceBranch|refs\/heads\//i;

/**
 * An Azure pipeline with a `pr:` trigger (not `pr: none`) whose job ships with no condition on the
 * job, its stage, the step or a job it waits for that keeps pull-request runs out.
 */
function checkAzure(context: YamlContext, document: YamlDocument): void {
  const pr = entry(document.root, 'pr');
  if (!pr || /^(none|false)$/i.test(scalar(pr.value) ?? '') || items(pr.value).some((item) => scalar(item) === 'none')) return;
  const jobs = azurePipelineJobs(document.root);
  const ownGuard = new Map(
    jobs.map((job) => [job.id, AZURE_NOT_ON_PULL_REQUEST.test(`${scalar(at(job.spec, 'condition')) ?? ''} ${scalar(at(job.stageSpec, 'condition')) ?? ''}`)]),
  );
  for (const job of jobs) {
    // A job waiting for a job kept off pull requests is skipped with it, unless it runs whatever happened before.
    if (ownGuard.get(job.id) || (!job.runsAfterFailure && job.upstream.some((id) => ownGuard.get(id)))) continue;
    const step = job.steps.find((candidate) => azureShipment(candidate) !== undefined && !AZURE_NOT_ON_PULL_REQUEST.test(scalar(at(candidate.spec, 'condition')) ?? ''));
    if (!step) continue;
    const related = [{ range: step.range, message: l('풀 리퀘스트에서도 실행되는 배포 단계', 'The step that ships, on pull requests too') }];
    const data = { job: job.implicit ? step.label : job.id, action: (azureShipment(step) as { action: string }).action, pipeline: 'pipeline' };
    context.report({ range: pr.keyRange, messageId: 'azure', data, related });
    return;
  }
}

export default yamlRule({
  id: 'publish-on-pull-request',
  language: 'yaml',
  documentKinds: ['github-actions', 'other'],
  category: 'delivery',
  severity: 'warning',
  messages: {
    anyBranch: l(
      '이 워크플로는 어느 브랜치에 push해도 실행되고, job "{job}"의 "{action}"이 브랜치 조건 없이 실행됩니다: 기능 브랜치의 리뷰 전 코드가 레지스트리나 환경에 게시됩니다',
      'This workflow runs on a push to any branch, and "{action}" in job "{job}" runs with no branch condition: unreviewed code from a feature branch is published to the registry or environment',
    ),
    azure: l(
      '이 파이프라인은 pr: 트리거로 pull request에서도 실행되고, "{job}"의 "{action}"을 막는 조건(Build.Reason, 브랜치)이 없습니다: 리뷰 전의 코드가 게시되거나 배포됩니다',
      'This pipeline also runs on pull requests (pr:), and no condition (Build.Reason, the branch) keeps "{action}" in "{job}" off them: unreviewed code is published or deployed',
    ),
    publish: l(
      '이 워크플로는 pull request에서도 실행되고, job "{job}"의 "{action}"이 조건 없이 실행됩니다: 리뷰 전의 코드가 레지스트리나 환경에 게시됩니다',
      'This workflow also runs on pull requests, and "{action}" in job "{job}" runs unconditionally: unreviewed code is published to the registry or environment',
    ),
  },
  docs: {
    summary: l(
      'pull_request/pull_request_target으로도 실행되는 워크플로에서, 이미지 push·배포·패키지 게시 단계가 job/단계의 if(이벤트, ref, merged 조건)로 pull request를 제외하지 않는 경우를 찾습니다 (워크플로당 한 번). 브랜치 필터 없이 모든 브랜치의 push로 실행되는 워크플로(`on: push`, paths만 있는 push, branches-ignore)에서 게시 단계가 브랜치·태그 조건(github.ref == ..., startsWith(github.ref, ...)) 없이 실행되는 경우도 그 job에서 찾습니다. Azure Pipelines에서는 pr: 트리거가 있는(pr: none이 아닌) 파이프라인에서 배포·게시하는 job이 stage·job·단계의 condition(Build.Reason, 브랜치)으로 pull request 실행을 제외하지 않는 경우를 찾습니다.',
      'Flags workflows that also run on pull_request or pull_request_target where an image push, deploy or package publish runs without an if (event, ref or merged condition on the step, its job or a job it needs) that keeps pull requests out (once per workflow). Workflows that run on a push to any branch (`on: push`, a push with only paths, branches-ignore) are flagged on the job whose publish step has no branch or tag condition (github.ref == ..., startsWith(github.ref, ...)): a feature branch publishes as much as main. In Azure Pipelines with a pr: trigger (not pr: none), a job that ships or deploys with no condition on its stage, the job, the step or a job it waits for (Build.Reason, the branch) that keeps pull-request runs out is reported.',
    ),
    why: l(
      'PR 실행에서 이미지를 push하면 아직 리뷰되지 않은 코드가 latest나 같은 이름의 태그로 레지스트리에 올라가고, 다른 사람이 그 이미지를 받아 배포할 수 있습니다. 배포 단계라면 PR 하나가 운영 환경을 바꿉니다. PR에서는 빌드와 검사만 하고 게시는 main 병합 후에 합니다.',
      'Pushing from a pull-request run puts unreviewed code into the registry under latest or a shared tag, where someone else may pull and deploy it; a deploy step lets one PR change a live environment. Pull requests should build and check; publishing happens after the merge to main.',
    ),
    bad: 'on:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  image:\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t ghcr.io/example/model-api:${{ github.sha }} .\n      - run: docker push ghcr.io/example/model-api:${{ github.sha }}\n',
    good: "on:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  image:\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t ghcr.io/example/model-api:${{ github.sha }} .\n      # TODO: PR에서는 빌드만, 게시는 main에서만\n      - if: github.event_name == 'push'\n        run: docker push ghcr.io/example/model-api:${{ github.sha }}\n",
  },
  weeks: ['beginner/4', 'intermediate/7'],
  questions: [
    l(
      '누군가 pull request를 열면 "{action}"은 무엇을 어디에 올리나요? 그 결과물은 리뷰를 거쳤나요?',
      'When someone opens a pull request, what does "{action}" publish, and where? Has that been reviewed?',
    ),
    l(
      'PR 실행에서 꼭 확인하고 싶은 것(빌드 성공, 테스트, 스캔)과 main에서만 해야 하는 것(게시, 배포)을 어떻게 나눌 수 있을까요?',
      'How would you split what a pull-request run must check (build, tests, scans) from what only main may do (publish, deploy)?',
    ),
  ],
  scaffold: {
    ko: "# TODO: PR 실행에서 게시 단계 빼기\n# 고려사항:\n# - 빌드와 검사는 PR에서도, push/배포는 main 병합 후에만\n# - 조건은 job 또는 단계의 if에: github.event_name == 'push' && github.ref == 'refs/heads/main'\n# - build-push-action이라면 push: ${{ github.event_name != 'pull_request' }}\n# - if: # TODO\n",
    en: "# TODO: keep publishing out of pull-request runs\n# Consider:\n# - build and check on pull requests, push or deploy only after the merge to main\n# - put the condition in the job's or the step's if: github.event_name == 'push' && github.ref == 'refs/heads/main'\n# - with build-push-action: push: ${{ github.event_name != 'pull_request' }}\n# - if: # TODO\n",
  },
  check(context, document) {
    if (document.kind === 'other') {
      if (isAzurePipelines(document.root)) checkAzure(context, document);
      return;
    }
    const on = triggers(document);
    if (!on) return;
    const events = triggerEvents(document);
    const prEvent = events.find((e) => e === 'pull_request' || e === 'pull_request_target');
    const everyBranch = !prEvent && pushOnEveryBranch(on.value);
    if (!prEvent && !everyBranch) return;
    const pattern = prEvent ? NOT_ON_PULL_REQUEST : ON_CHOSEN_REFS;
    const jobs = workflowJobs(document);
    const byId = new Map(jobs.map((job) => [job.id, job]));
    const needs = (job: WorkflowJob): string[] => {
      const value = at(job.spec, 'needs');
      return value?.kind === 'seq' ? items(value).map((i) => scalar(i) ?? '') : scalar(value) ? [scalar(value)!] : [];
    };
    // A job is kept off pull requests by its own if, or by a job it needs (a skipped job skips its dependants).
    const memo = new Map<string, boolean>();
    const jobGuarded = (job: WorkflowJob, seen: Set<string>): boolean => {
      const known = memo.get(job.id);
      if (known !== undefined) return known;
      if (seen.has(job.id)) return false;
      seen.add(job.id);
      const result = guarded(job.spec, pattern) || needs(job).some((id) => byId.has(id) && jobGuarded(byId.get(id)!, seen));
      memo.set(job.id, result);
      return result;
    };
    for (const job of jobs) {
      if (jobGuarded(job, new Set())) continue;
      const steps = jobSteps(job);
      if (steps.some((step) => LOCAL_CLUSTER.test(`${scalar(at(step, 'uses')) ?? ''} ${scalar(at(step, 'run')) ?? ''}`))) continue;
      for (const step of steps) {
        if (guarded(step, pattern)) continue;
        const action = deployAction(step);
        if (!action) continue;
        // build-push-action's `push: ${{ github.event_name != 'pull_request' }}` is its own guard.
        if (pattern.test(scalar(at(step, 'with.push')) ?? '')) continue;
        const key = on.value?.kind === 'map' ? entry(on.value, prEvent ?? 'push')?.keyRange : undefined;
        if (everyBranch) {
          // The job is where the branch condition goes (its if); the trigger is the other way to fix it.
          const related = [
            { range: key ?? on.keyRange, message: l('브랜치를 거르지 않는 push 트리거', 'The push trigger, with no branch filter') },
            { range: step.range, message: l('모든 브랜치의 push에서 실행되는 배포 단계', 'The step that ships, on a push to any branch') },
          ];
          context.report({ range: job.idRange, messageId: 'anyBranch', data: { job: job.id, action }, related });
          return;
        }
        // The trigger is where the fix goes; the step that ships is where a reader sees the harm.
        const related = [{ range: step.range, message: l('풀 리퀘스트에서도 실행되는 배포 단계', 'The step that ships, on pull requests too') }];
        context.report({ range: key ?? on.keyRange, messageId: 'publish', data: { job: job.id, action }, related });
        return;
      }
    }
  },
});
