import { l, yamlRule } from '../../rule';
import { jobSteps, workflowJobs } from '../../yaml/actions';
import { entry, has, intact } from '../../yaml/model';

export default yamlRule({
  id: 'missing-job-timeout',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'reliability',
  severity: 'warning',
  anchors: ['ghalint:012'],
  messages: {
    missing: l('job "{job}"에 timeout-minutes가 없어 최대 6시간까지 실행될 수 있습니다', 'Job "{job}" has no timeout-minutes and may run for up to 6 hours'),
    missingAll: l(
      '이 워크플로의 어떤 job({job})에도 timeout-minutes가 없어 각각 최대 6시간까지 실행될 수 있습니다',
      'No job of this workflow ({job}) has timeout-minutes; each may run for up to 6 hours',
    ),
  },
  docs: {
    summary: l(
      'timeout-minutes가 없는 job을 찾습니다 (재사용 워크플로를 호출하는 job과 모든 step에 timeout이 있는 job은 제외).',
      'Flags jobs without timeout-minutes (jobs calling a reusable workflow, and jobs where every step has a timeout, are skipped).',
    ),
    why: l(
      '기본 제한은 360분입니다. 멈춘 학습 스크립트나 응답 없는 데이터 다운로드가 GPU 러너를 6시간 붙잡고, 그동안 비용이 나가고 다른 배포는 대기합니다.',
      'The default limit is 360 minutes: a hung training script or a stalled data download holds a (GPU) runner for six hours, costing money while other deployments wait.',
    ),
    bad: 'on: push\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python train.py\n',
    good: 'on: push\njobs:\n  train:\n    runs-on: ubuntu-latest\n    # TODO: 평소 실행 시간의 몇 배로 잡을까요?\n    timeout-minutes: 30\n    steps:\n      - run: python train.py\n',
  },
  weeks: ['beginner/4', 'advanced/6'],
  questions: [
    l(
      '{job} job은 평소에 몇 분 걸리나요? 그 두세 배가 지나도 끝나지 않았다면 무슨 일이 생긴 걸까요?',
      'How many minutes does the {job} job usually take, and what has gone wrong if it is still running at two or three times that?',
    ),
    l(
      '이 job의 한 단계가 다운로드나 외부 호출에서 멈추면, 러너와 비용은 언제까지 묶여 있을까요?',
      'If a step of this job hangs on a download or an external call, how long are the runner and the bill tied up?',
    ),
  ],
  scaffold: {
    ko: '# TODO: job 시간 제한 정하기\n# 고려사항:\n# - 최근 실행들의 소요 시간은 어땠나요? (p95)\n# - 데이터나 모델이 커지면 이 값은 어떻게 바뀌어야 할까요?\n# - 시간 초과가 나면 누가 어떻게 알게 되나요?\n# timeout-minutes: # TODO\n',
    en: '# TODO: set a time limit for the job\n# Consider:\n# - how long did recent runs take (p95)?\n# - how should this change as data or the model grows?\n# - who learns about a timeout, and how?\n# timeout-minutes: # TODO\n',
  },
  check(context, document) {
    const jobs = workflowJobs(document).filter((job) => !job.reusable);
    const unbounded = jobs.filter((job) => {
      if (has(job.spec, 'timeout-minutes') || !intact(document, job.spec)) return false;
      const steps = jobSteps(job);
      return !(steps.length > 0 && steps.every((step) => has(step, 'timeout-minutes')));
    });
    // A reviewer says "no job has a timeout" once, not once per job.
    const jobsKey = entry(document.root, 'jobs');
    if (jobs.length > 1 && unbounded.length === jobs.length && jobsKey) {
      context.report({ range: jobsKey.keyRange, messageId: 'missingAll', data: { job: unbounded.map((job) => job.id).join(', ') } });
      return;
    }
    for (const job of unbounded) context.report({ range: job.idRange, messageId: 'missing', data: { job: job.id } });
  },
});
