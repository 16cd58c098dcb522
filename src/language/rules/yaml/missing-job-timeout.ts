import { l, yamlRule } from '../../rule';
import { jobSteps, workflowJobs, type WorkflowJob } from '../../yaml/actions';
import { at, entry, has, intact, scalar } from '../../yaml/model';

/** A shell builtin or keyword that only computes or writes values (`echo`, `case`, `if`, `set`, `test`). */
const BUILTIN = /^(echo|printf|set|export|unset|local|declare|readonly|test|\[\[?|true|false|exit|shift|case|esac|if|then|else|elif|fi|done|\{|\}|;;)(\s|;|$)/;
/** An assignment's name and `=` where a word starts (`train=`, `a=`). */
const NAME = /\w+=/y;

/**
 * Assignments only (`train=0`, `a="$b"`, `x=1 y=2`), optionally ending a case arm with `;;`: a value
 * is a quoted string or a run of non-spaces, and the next name may follow it with or without a space.
 * Read as a walk over the positions where an assignment may start, each visited once: one regex for
 * the whole line tried every way to cut `a=b&c=d&...` into assignments (6 s on 96 characters).
 */
function onlyAssignments(line: string): boolean {
  const n = line.length;
  const space = (i: number) => i < n && /\s/.test(line[i]);
  // Where the run of non-spaces at each position ends.
  const runEnds = new Uint32Array(n + 1);
  runEnds[n] = n;
  for (let i = n - 1; i >= 0; i--) runEnds[i] = space(i) ? i : runEnds[i + 1];
  const pending = [0];
  const visited = new Uint8Array(n + 1);
  visited[0] = 1;
  // The smallest value start already walked to each end of a run of non-spaces.
  const walkedFrom = new Map<number, number>();
  const reach = (end: number): boolean => {
    let next = end;
    while (space(next)) next++;
    if (next === n || (next === n - 2 && line.endsWith(';;'))) return true;
    if (!visited[next]) {
      visited[next] = 1;
      pending.push(next);
    }
    return false;
  };
  while (pending.length > 0) {
    NAME.lastIndex = pending.pop() as number;
    if (!NAME.exec(line)) continue;
    const value = NAME.lastIndex;
    const quote = line[value];
    if (quote === '"' || quote === "'") {
      const close = line.indexOf(quote, value + 1);
      if (close >= 0 && reach(close + 1)) return true;
    }
    const runEnd = runEnds[value];
    const from = walkedFrom.get(runEnd) ?? runEnd + 1;
    for (let end = value; end < from; end++) if (reach(end)) return true;
    walkedFrom.set(runEnd, Math.min(from, value));
  }
  return false;
}
/** The pattern of a case arm, up to its `)`: `"35 2 * * *")`, `push|schedule)`, `*)`. */
const CASE_PATTERN = /^("[^"]*"|'[^']*'|[^\s()"'|]+)(\s*\|\s*("[^"]*"|'[^']*'|[^\s()"'|]+))*\)\s*/;

/** A case arm whose body is assignments only: `"35 2 * * *") train=1 ;;`, `*) ;;`. */
function assignmentsCaseArm(line: string): boolean {
  const pattern = CASE_PATTERN.exec(line);
  if (!pattern) return false;
  const body = line.slice(pattern[0].length);
  return body === '' || body === ';;' || onlyAssignments(body);
}

/** A line that only computes or writes values: nothing on it waits on anything. */
function bookkeepingLine(line: string): boolean {
  if (line === '' || line.startsWith('#')) return true;
  // A command substitution runs a program (`echo "$(curl ...)"`); arithmetic `$(( ))` does not.
  if (/\$\((?!\()|`/.test(line)) return false;
  return BUILTIN.test(line) || onlyAssignments(line) || assignmentsCaseArm(line);
}

/**
 * A job that only decides what the other jobs do: no action, and every run line is shell
 * bookkeeping (the outputs of a `resolve` or `changes` job). It has nothing that could hang.
 */
function bookkeepingJob(job: WorkflowJob): boolean {
  const steps = jobSteps(job);
  return (
    steps.length > 0 &&
    steps.every((step) => {
      if (has(step, 'uses')) return false;
      const lines = (scalar(at(step, 'run')) ?? '').split('\n').map((line) => line.trim());
      return lines.every(bookkeepingLine);
    })
  );
}

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
      'timeout-minutes가 없는 job을 찾습니다 (재사용 워크플로를 호출하는 job과 모든 step에 timeout이 있는 job, 액션 없이 셸 계산과 출력 쓰기만 하는 job(다른 job이 할 일을 정하는 resolve·changes job: 멈출 것이 없습니다)은 제외).',
      'Flags jobs without timeout-minutes (jobs calling a reusable workflow, jobs where every step has a timeout, and bookkeeping jobs that use no action and only compute and write values in the shell (a resolve or changes job deciding what the others do: nothing in them can hang) are skipped).',
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
    const jobs = workflowJobs(document).filter((job) => !job.reusable && !bookkeepingJob(job));
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
