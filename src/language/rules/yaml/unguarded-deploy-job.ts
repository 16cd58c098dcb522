import { l, yamlRule } from '../../rule';
import { jobSteps, workflowJobs } from '../../yaml/actions';
import { rolloutAction, rolloutCommand } from '../../yaml/ci-steps';
import { azurePipelineJobs, azureShipment, isAzurePipelines } from '../../yaml/azure-pipelines';
import { gitlabJobs, isGitLabCi } from '../../yaml/gitlab-ci';
import { at, has, scalar } from '../../yaml/model';

/** A job named for deploys counts when it starts or changes something (a container, a remote host). */
const DEPLOY_JOB = /(^|[-_\s])(deploy(ment)?|prod(uction)?)($|[-_\s])/i;
const STARTS = /\b(docker\s+(run|compose\s+up)|docker-compose\s+up|ssh|scp|rsync|systemctl)\b/g;

/**
 * The first command of a run script that starts or changes something. A foreground `docker run
 * --rm` (no `-d`) is a throwaway container — an import check or a smoke test of the image just
 * built — not a service left running.
 */
function startCommand(script: string): string | undefined {
  for (const match of script.matchAll(STARTS)) {
    if (!/^docker\s+run$/.test(match[0])) return match[0];
    const command = script.slice(match.index).split(/(?<!\\)\n/)[0];
    if (!(/\s--rm\b/.test(command) && !/\s(-d\b|--detach\b|-\w*d\w*\s)/.test(command))) return match[0];
  }
  return undefined;
}

export default yamlRule({
  id: 'unguarded-deploy-job',
  language: 'yaml',
  documentKinds: ['github-actions', 'other'],
  category: 'delivery',
  severity: 'info',
  anchors: ['github-docs:environments', 'github-docs:concurrency'],
  messages: {
    environment: l(
      '"{job}" job이 {action}으로 배포하지만 environment가 없습니다 (승인, 보호 규칙, 환경별 시크릿 없음)',
      'Job "{job}" deploys ({action}) with no environment (no approval, protection rules or environment secrets)',
    ),
    both: l('"{job}" job이 {action}으로 배포하지만 environment도 concurrency도 없습니다', 'Job "{job}" deploys ({action}) with neither an environment nor a concurrency group'),
    azureEnvironment: l(
      '"{job}"이(가) {action}으로 배포하지만 environment를 가진 deployment job이 아닙니다 (승인, 검사, 배포 기록 없음)',
      '"{job}" deploys ({action}) outside a deployment job with an environment (no approvals, checks or deployment history)',
    ),
    everyBranch: l(
      '"{job}" job이 {action}으로 배포하지만 environment도 브랜치 규칙(rules, only)도 없습니다: 모든 브랜치의 파이프라인이 승인 없이 배포합니다',
      'Job "{job}" deploys ({action}) with neither an environment nor a branch rule (rules, only): the pipeline of every branch deploys, with no approval',
    ),
  },
  docs: {
    summary: l(
      '실행 중인 환경(클러스터, 클라우드 서비스, 서버)에 배포하는 job, 또는 이름이 deploy/prod이면서 컨테이너를 띄우거나 원격 호스트에 접속하는 job에 environment가 없는 경우를 job마다 한 번 찾고, concurrency 그룹(job 또는 워크플로 수준)도 없으면 함께 알립니다. 이미지·패키지 push만 하는 job과, 방금 만든 이미지를 `docker run --rm`으로 잠깐 돌려 보는 job(-d 없이 끝나면 지워지는 컨테이너: 임포트 확인, 스모크 테스트)은 제외합니다. GitLab CI에서는 environment: 없이 배포하는 job을 찾고, job(rules, only, except)이나 파이프라인(workflow: rules)이 브랜치를 제한하지 않으면 그것도 함께 알립니다. Azure Pipelines에서는 environment를 가진 deployment job 밖에서(일반 job이나 job 없는 steps에서) 배포 태스크(KubernetesManifest, HelmDeploy, AzureWebApp 등)나 배포 명령을 실행하는 경우를 찾습니다.',
      'Flags, once per job, jobs that roll out to a running environment (a cluster, a cloud service, a server), or are named deploy/prod and start a container or reach a host, with no environment; the message says when the concurrency group (job or workflow level) is missing too. Jobs that only push images or packages are skipped, and so is a foreground `docker run --rm` (no `-d`): a throwaway container that checks the image just built (an import check, a smoke test) is not a deploy. In GitLab CI a job that rolls out with no environment: is reported, saying so when neither the job (rules, only, except) nor the pipeline (workflow: rules) limits it to some branches. In Azure Pipelines a rollout (a KubernetesManifest, HelmDeploy or AzureWebApp task, a deploy command in a script) outside a deployment job with an environment (in a plain job, or in the steps of a pipeline without jobs) is reported.',
    ),
    why: l(
      'environment가 없으면 운영 배포에 승인도, 브랜치 보호도, 환경별 시크릿도 걸리지 않습니다. concurrency가 없으면 연달아 들어온 두 push가 같은 클러스터에 동시에 롤아웃하고, 늦게 시작한 오래된 커밋이 마지막에 배포될 수 있습니다.',
      'Without an environment a production deploy has no approval, no branch protection and no environment-scoped secrets. Without a concurrency group two quick pushes roll out to the same cluster at once, and an older commit can finish last.',
    ),
    bad: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl apply -f k8s/\n',
    good: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    # TODO: 누가 승인해야 하고, 겹친 배포는 어떻게 처리할까요?\n    environment: production\n    concurrency:\n      group: deploy-production\n      cancel-in-progress: false\n    steps:\n      - run: kubectl apply -f k8s/\n',
  },
  weeks: ['beginner/4', 'intermediate/7', 'intermediate/8'],
  questions: [
    l(
      '"{job}" job이 운영 환경을 바꾸기 전에, 사람이 확인하거나 막을 수 있는 지점이 이 {pipeline|워크플로}에 있나요?',
      'Before "{job}" changes production, is there any point in this {pipeline|workflow} where a person can review or stop it?',
    ),
    l(
      '두 커밋을 1분 간격으로 push하면 "{job}" job 두 개는 어떤 순서로 끝날까요? 마지막에 남는 버전은 어느 커밋인가요?',
      'If two commits are pushed a minute apart, in what order do the two "{job}" runs finish, and which commit is left running?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 배포 job에 안전장치 두기\n# 고려사항:\n# - 이 배포는 어떤 환경(staging, production)으로 가나요? 승인자가 필요한가요?\n# - 그 환경에서만 쓸 시크릿은 무엇인가요?\n# - 배포가 겹치면 기다릴까요, 이전 것을 취소할까요?\n# environment: # TODO\n# concurrency:\n#   group: # TODO\n',
    en: '# TODO: put guards on the deploy job\n# Consider:\n# - which environment (staging, production) does this deploy go to, and who approves it?\n# - which secrets belong to that environment only?\n# - when deploys overlap, should the new one wait or cancel the old one?\n# environment: # TODO\n# concurrency:\n#   group: # TODO\n',
  },
  check(context, document) {
    if (document.kind === 'other') {
      // Azure Pipelines: approvals and checks belong to an environment, which only a `deployment:` job targets.
      if (isAzurePipelines(document.root)) {
        for (const job of azurePipelineJobs(document.root)) {
          if (job.deployment && job.environment) continue;
          const step = job.steps.find((candidate) => azureShipment(candidate)?.rollout);
          if (!step) continue;
          const data = { job: job.implicit ? step.label : job.id, action: (azureShipment(step) as { action: string }).action, pipeline: 'pipeline' };
          context.report({ range: job.implicit ? step.range : job.idRange, messageId: 'azureEnvironment', data });
        }
        return;
      }
      // GitLab CI: `environment:` is the protection (protected environments, approvals, deployment history);
      // without it and without rules/only (or workflow: rules), every branch's pipeline deploys.
      if (!isGitLabCi(document.root)) return;
      const pipelineRules = has(at(document.root, 'workflow'), 'rules');
      for (const job of gitlabJobs(document.root)) {
        const action = job.scripts.map((line) => rolloutCommand(line.value)).find((found) => found !== undefined);
        if (!action || has(job.spec, 'environment')) continue;
        const branchRule = pipelineRules || ['rules', 'only', 'except'].some((key) => has(job.spec, key));
        context.report({ range: job.idRange, messageId: branchRule ? 'environment' : 'everyBranch', data: { job: job.id, action: action.replace(/\s+/g, ' ') } });
      }
      return;
    }
    const workflowConcurrency = has(document.root, 'concurrency');
    for (const job of workflowJobs(document)) {
      if (job.reusable) continue;
      const steps = jobSteps(job);
      const rollout = steps.map(rolloutAction).find((action) => action !== undefined);
      const named = DEPLOY_JOB.test(job.id) || DEPLOY_JOB.test(scalar(at(job.spec, 'name')) ?? '');
      const started = named ? steps.map((step) => startCommand(scalar(at(step, 'run')) ?? '')).find(Boolean) : undefined;
      const action = rollout ?? started;
      // The environment is the guard a reviewer asks for first; a missing concurrency group is said with it.
      if (!action || has(job.spec, 'environment')) continue;
      const concurrency = workflowConcurrency || has(job.spec, 'concurrency');
      context.report({ range: job.idRange, messageId: concurrency ? 'environment' : 'both', data: { job: job.id, action: action.replace(/\s+/g, ' ') } });
    }
  },
});
