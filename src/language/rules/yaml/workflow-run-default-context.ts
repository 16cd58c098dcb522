import type { WorkflowFact } from '../../project/facts';
import { l, yamlRule, type ProjectContext } from '../../rule';
import { expressions, jobSteps, triggers, workflowJobs, workflowSteps, type Expression } from '../../yaml/actions';
import { actionName, deployAction } from '../../yaml/ci-steps';
import { at, entry, rangeWithin, scalar, scalarsUnder, type YMap, type YNode } from '../../yaml/model';

/** Contexts that name the default branch's head in a workflow_run run, not the commit that triggered it. */
const DEFAULT_CONTEXT = /^github\.(sha|ref|ref_name)$/;
/** A check of how the finished run ended: a job `if:`, a step `if:`, a script or a github-script reading it. */
const CONCLUSION = /workflow_run\.conclusion\b|workflow_run\[['"]conclusion['"]\]/;
/** A step that ships through a project command or script named for it (`make deploy`, `./scripts/deploy.sh`, `npm run release`). */
const SHIPS_BY_NAME =
  /\b(?:make|just|task|npm\s+run|yarn|pnpm(?:\s+run)?)\s+(?:deploy|release|publish|promote)[\w:-]*|(?:^|[\s/])[\w-]*(?:deploy|release|promote)[\w-]*\.(?:sh|py)\b/im;
/** Conditions that already tell a push run from a pull request's run. */
const BRANCH_AWARE = /workflow_run\.(head_branch|event|head_repository|pull_requests)/;

export default yamlRule({
  id: 'workflow-run-default-context',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'delivery',
  severity: 'warning',
  anchors: ['zizmor:dangerous-triggers', 'github-docs:workflow_run'],
  messages: {
    defaultSha: l(
      'workflow_run으로 시작된 실행에서 {expression}은 방금 끝난 워크플로의 커밋이 아니라 기본 브랜치의 최신 커밋입니다 ({count}곳)',
      'In a run started by workflow_run, {expression} is the default branch head, not the commit the finished workflow built ({count} places)',
    ),
    shaTag: l(
      'workflow_run으로 시작된 실행에서 docker/metadata-action의 type=sha 태그는 github.sha, 곧 기본 브랜치의 최신 커밋을 이름으로 씁니다; 끝난 워크플로가 검사한 커밋이 아닐 수 있습니다',
      "In a run started by workflow_run, docker/metadata-action's type=sha tag is named after github.sha, the default branch head, which need not be the commit the finished workflow checked",
    ),
    dispatchSkipped: l(
      'workflow_dispatch로 수동 실행을 열어 두었지만, "{job}" job은 github.event.workflow_run.conclusion이 success일 때만 실행됩니다. 수동 실행에는 그 값이 없으므로 아무것도 하지 않고 끝납니다',
      'Manual runs are offered (workflow_dispatch), but job "{job}" only runs when github.event.workflow_run.conclusion is success, which a manual run never has: a manual run silently does nothing',
    ),
    ownRunArtifact: l(
      'workflow_run으로 시작된 실행에서 run-id 없는 download-artifact는 이 실행 자신의 산출물을 찾습니다; 끝난 워크플로가 올린 산출물은 찾지 못합니다',
      "In a run started by workflow_run, download-artifact without run-id looks in this run's own artifacts, not in those the finished workflow uploaded",
    ),
    anyConclusion: l(
      '"{job}" job은 {workflow} 워크플로가 끝날 때마다 ({action}) 실행됩니다. 실패한 실행 뒤에도요: github.event.workflow_run.conclusion을 보는 곳이 없습니다',
      'Job "{job}" ships ({action}) every time {workflow} completes, failed runs included: nothing checks github.event.workflow_run.conclusion',
    ),
    noBranches: l(
      'workflow_run에 branches 필터가 없어, 풀 리퀘스트의 CI 실행이 끝나도 이 워크플로가 비밀값과 쓰기 권한을 가지고 실행됩니다',
      "workflow_run has no branches filter, so a pull request's CI run also starts this workflow, with secrets and write access",
    ),
  },
  docs: {
    summary: l(
      'workflow_run으로 시작되는 워크플로에서 github.sha/github.ref/github.ref_name을 쓰는 곳(워크플로마다 한 번; 대기열 이름일 뿐인 concurrency group은 제외), 끝난 실행의 커밋을 체크아웃하는 job에서 github.sha를 이름으로 쓰는 docker/metadata-action의 type=sha 태그, run-id 없는 download-artifact 단계(자기 실행에서 찾음), workflow_run.conclusion만으로 조건을 건 job 옆의 workflow_dispatch 트리거(수동 실행은 아무것도 하지 않음), branches 필터도 head_branch·event 조건도 없는 workflow_run 트리거, 그리고 무언가를 내보내는 job(배포·push·`make deploy` 같은 배포 스크립트)이 자기나 자기가 needs로 기다리는 job 어디에서도 workflow_run.conclusion을 보지 않아 실패한 실행 뒤에도 배포하는 경우(워크플로마다 한 번)를 찾습니다.',
      'Flags, in workflows started by workflow_run, uses of github.sha, github.ref or github.ref_name (once per workflow; a concurrency group only names a queue and is left alone), docker/metadata-action tags of type=sha (named after github.sha) in a job that checks out the commit of the finished run, download-artifact steps without run-id (they look in their own run), a workflow_dispatch trigger beside a job gated on workflow_run.conclusion alone (a manual run does nothing), a workflow_run trigger with neither a branches filter nor a head_branch/event condition, and (once per workflow) a job that ships something (a deploy, a push, a deploy script such as `make deploy`) while neither it nor a job it needs looks at workflow_run.conclusion, so it ships after failed runs too.',
    ),
    why: l(
      'workflow_run 실행은 기본 브랜치의 맥락에서 돌아갑니다. github.sha로 이미지를 받아 학습·승격·배포하면 CI가 검사한 커밋이 아닌 다른 커밋(또는 없는 이미지)을 내보냅니다. 필터가 없으면 검토되지 않은 풀 리퀘스트의 CI 결과로도 운영 단계가 실행됩니다.',
      "A workflow_run run executes in the default branch's context. Pulling, training, promoting or deploying by github.sha ships a commit CI never checked (or an image that does not exist). Without a filter, an unreviewed pull request's CI run also drives the production stages.",
    ),
    bad: "on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n  deploy:\n    if: github.event.workflow_run.conclusion == 'success'\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker pull ghcr.io/acme/api:${{ github.sha }}\n",
    good: "on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\n    # TODO: 어떤 브랜치의 CI 결과로만 배포해야 할까요?\n    branches: [main]\njobs:\n  deploy:\n    if: github.event.workflow_run.conclusion == 'success'\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker pull ghcr.io/acme/api:${{ github.event.workflow_run.head_sha }}\n",
  },
  weeks: ['beginner/4', 'intermediate/7'],
  questions: [
    l(
      '이 워크플로가 시작될 때 가리키는 커밋과 실행(산출물)은 방금 끝난 CI의 것인가요? 어떻게 확인할 수 있나요?',
      'When this workflow starts, are the commit and the run (its artifacts) it refers to the ones CI just finished with, and how could you check?',
    ),
    l(
      '풀 리퀘스트의 CI가 성공하면 이 워크플로는 실행될까요? 그때 어떤 비밀값과 권한을 가지고 있나요?',
      "When a pull request's CI succeeds, does this workflow run, and with which secrets and permissions?",
    ),
  ],
  scaffold: {
    ko: '# TODO: workflow_run이 검사한 커밋을 따라가게 하기\n# 고려사항:\n# - 트리거한 실행의 커밋은 github.event.workflow_run 어디에 있나요?\n# - 어떤 브랜치(와 이벤트)의 결과로만 이 단계가 실행되어야 하나요?\n# on:\n#   workflow_run:\n#     branches: # TODO\n# image: # TODO (트리거한 실행의 커밋으로)\n',
    en: "# TODO: follow the commit the triggering run checked\n# Consider:\n# - where in github.event.workflow_run is the triggering run's commit?\n# - the results of which branches (and events) should start this stage?\n# on:\n#   workflow_run:\n#     branches: # TODO\n# image: # TODO (by the triggering run's commit)\n",
  },
  check(context, document) {
    const on = triggers(document)?.value;
    const workflowRun = entry(on, 'workflow_run');
    if (!workflowRun) return;
    const found: Expression[] = [];
    let branchAware = false;
    // A concurrency group only names a queue: runs keyed on the default branch wait for each other, which is harmless.
    const queues = new Set<YNode>(
      [at(document.root, 'concurrency'), ...workflowJobs(document).map((job) => at(job.spec, 'concurrency'))].flatMap((node) => [...scalarsUnder(node)]),
    );
    for (const node of scalarsUnder(document.root)) {
      for (const expression of expressions(node)) {
        if (queues.has(node)) continue;
        if (DEFAULT_CONTEXT.test(expression.body)) found.push(expression);
        if (BRANCH_AWARE.test(expression.body)) branchAware = true;
      }
      if (node.kind === 'scalar' && BRANCH_AWARE.test(node.value)) branchAware = true;
    }
    if (found.length > 0) context.report({ range: found[0].range, messageId: 'defaultSha', data: { expression: found[0].body, count: found.length } });
    // docker/metadata-action's `type=sha` reads github.sha itself (unless the step passes another sha in `value=`). Only a
    // job that checks out the finished run's commit builds something else than what the tag names; a checkout of the
    // default branch head builds the commit the tag names (that checkout is the mistake, and another matter).
    const buildsRunCommit = new Set(
      workflowSteps(document)
        .filter(({ step }) => actionName(step)?.toLowerCase() === 'actions/checkout' && /workflow_run\.head_(sha|branch)/.test(scalar(at(step, 'with.ref')) ?? ''))
        .map(({ job }) => job.id),
    );
    for (const { job, step } of workflowSteps(document)) {
      if (actionName(step)?.toLowerCase() !== 'docker/metadata-action' || !buildsRunCommit.has(job.id)) continue;
      const tags = at(step, 'with.tags');
      if (tags?.kind !== 'scalar') continue;
      const sha = /type=sha\b(?![^\n]*\bvalue=)/.exec(tags.raw);
      if (sha) context.report({ range: rangeWithin(tags, sha.index, sha.index + sha[0].length), messageId: 'shaTag' });
    }
    // The artifacts of the workflow that finished live in its run: download-artifact needs run-id (and a token) to reach them.
    for (const { step } of workflowSteps(document)) {
      if (actionName(step)?.toLowerCase() !== 'actions/download-artifact' || at(step, 'with.run-id')) continue;
      const where = entry(step, 'uses');
      if (where) context.report({ range: where.keyRange, messageId: 'ownRunArtifact' });
    }
    // A manual run has no workflow_run payload: a job gated on its conclusion alone never runs for it.
    const dispatch = entry(on, 'workflow_dispatch');
    if (dispatch) {
      const gated = workflowJobs(document).find((job) => {
        const condition = scalar(at(job.spec, 'if')) ?? '';
        return /workflow_run\.conclusion\s*==\s*['"]success['"]/.test(condition) && !/event_name|workflow_dispatch|inputs\./.test(condition);
      });
      if (gated) context.report({ range: dispatch.keyRange, messageId: 'dispatchSkipped', data: { job: gated.id } });
    }
    // workflow_run fires when the other workflow completes, whatever its conclusion: a job that ships must look at it,
    // itself or through a job it needs (a skipped need skips it). Once per workflow, on the first such job.
    const types = [...scalarsUnder(at(workflowRun.value, 'types'))].map((node) => (node.kind === 'scalar' ? node.value : ''));
    if (types.length === 0 || types.includes('completed')) {
      const jobs = new Map(workflowJobs(document).map((job) => [job.id, job]));
      const checked = new Map<string, boolean>();
      const gated = (id: string, seen: Set<string>): boolean => {
        const known = checked.get(id);
        if (known !== undefined) return known;
        const job = jobs.get(id);
        if (!job || seen.has(id)) return false;
        seen.add(id);
        const needs = [...scalarsUnder(at(job.spec, 'needs'))].flatMap((node) => (node.kind === 'scalar' ? [node.value] : []));
        const result = [...scalarsUnder(job.spec)].some((node) => node.kind === 'scalar' && CONCLUSION.test(node.value)) || needs.some((need) => gated(need, seen));
        checked.set(id, result);
        return result;
      };
      const ships = (step: YMap) => deployAction(step) ?? SHIPS_BY_NAME.exec(scalar(at(step, 'run')) ?? '')?.[0].trim();
      const names = [...scalarsUnder(at(workflowRun.value, 'workflows'))].flatMap((node) => (node.kind === 'scalar' ? [`"${node.value}"`] : []));
      for (const job of jobs.values()) {
        const action = jobSteps(job)
          .map(ships)
          .find((found) => found !== undefined);
        if (!action || gated(job.id, new Set())) continue;
        context.report({ range: job.idRange, messageId: 'anyConclusion', data: { job: job.id, action, workflow: names.join(', ') || 'the other' } });
        break;
      }
    }
    const filtered = at(workflowRun.value, 'branches') ?? at(workflowRun.value, 'branches-ignore');
    if (!filtered && !branchAware) context.report({ range: workflowRun.keyRange, messageId: 'noBranches' });
  },
  // Without a branches filter a pull request's (or a feature branch's) run starts the chain, but
  // only when a workflow it waits for runs on such events. Waiting only for scheduled or manual
  // pipelines (a feature pipeline, then inference), nothing else can start it: the project shows
  // the finding is wrong.
  project(context) {
    withdrawWithoutPullRequestUpstream(context);
  },
});

/**
 * Events that only the schedule or a maintainer fire: no pull request, no push to a feature branch
 * and no other chained run can start a workflow that runs on these alone.
 */
const MAINTAINER_EVENTS = /^(schedule|workflow_dispatch|repository_dispatch|release)$/;

function withdrawWithoutPullRequestUpstream(context: ProjectContext): void {
  const workflows: { path: string; workflow: WorkflowFact }[] = [];
  for (const [path, facts] of context.view.files)
    if (facts.kind === 'yaml' && facts.workflow && /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(path)) workflows.push({ path, workflow: facts.workflow });
  const byName = (name: string) => {
    const wanted = name.trim().toLowerCase();
    return workflows.filter(({ path, workflow }) => (workflow.name ?? path.slice(path.lastIndexOf('/') + 1)).trim().toLowerCase() === wanted);
  };
  for (const { path, workflow } of workflows) {
    if (!workflow.runsAfterKey || workflow.runsAfter.length === 0) continue;
    // Every workflow waited for is in the project and runs only on a schedule or by hand.
    const upstreams = workflow.runsAfter.map((upstream) => byName(upstream.name));
    const quiet = upstreams.every(
      (found) =>
        found.length > 0 && found.every(({ workflow: up }) => up.events !== undefined && up.events.length > 0 && up.events.every((event) => MAINTAINER_EVENTS.test(event))),
    );
    if (quiet) context.withdraw(path, workflow.runsAfterKey.start.line);
  }
}
