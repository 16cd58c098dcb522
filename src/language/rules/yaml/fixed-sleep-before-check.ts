import { l, yamlRule } from '../../rule';
import { jobSteps, workflowJobs } from '../../yaml/actions';
import { at, entries, entry, rangeWithin, scalar, type YMap, type YScalar } from '../../yaml/model';

/** Something that starts asynchronously: a detached container, a rollout, a background server. */
const START =
  /\bdocker\s+run\b[^\n]*\s(-d|--detach)\b|\bdocker[\s-]compose\b[^\n]*\bup\b[^\n]*\s(-d|--detach)\b|\bkubectl\s+(apply|create|set\s+image|rollout\s+restart)\b|\bhelm\s+(upgrade|install)\b|\bsystemctl\s+(restart|start)\b|\bservice\s+[\w@.-]+\s+(restart|start)\b|\bgcloud\s+run\s+deploy\b|\baws\s+ec2\s+(start|run)-instances\b|\bgcloud\s+compute\s+instances\s+(create|start)\b|\b(python3?|uvicorn|gunicorn|flask|node|npm|java|mlflow|bentoml|streamlit)\b[^\n]*[^&]&\s*$/;
/** A real wait: it returns when the thing is ready (or fails when it never is). */
const WAIT =
  /\bkubectl\s+(rollout\s+status|wait)\b|\s--wait\b|\bwait-for|\bdockerize\b[^\n]*-wait|\bdocker[\s-]compose\b[^\n]*\bup\b[^\n]*--wait\b|\b(until|while)\b[^\n]*\b(curl|wget|nc|pg_isready|kubectl)\b|--retry-connrefused|--retry\s+\d|\baws\s+ec2\s+wait\s+(instance|system)-status-ok\b/;
/** What fails when the thing is not ready yet: requests, tests, load tests, a look at the service. */
const CHECK =
  /\b(curl|wget|http|httpie|pytest|newman|locust|wrk|ab|k6|hey|ssh|scp)\b|\bkubectl\s+get\b|\bdocker\s+(compose\s+)?exec\b|\bdocker-compose\s+exec\b|\bnpm\s+(run\s+)?test\b|\bpython\b[^\n]*\b(test|smoke|e2e|check)/i;
const LOCAL = /\b(localhost|127\.0\.0\.1):\d+|^(localhost|127\.0\.0\.1)$/m;
/**
 * Reading a Service's load-balancer address (`{.status.loadBalancer.ingress[0].ip}`, the EXTERNAL-IP
 * column): the cloud assigns it on its own schedule, after any rollout wait, so a sleep before it is a
 * guess whatever came earlier in the job.
 */
const LOAD_BALANCER_READ = /\.status\.loadBalancer\b|\bEXTERNAL-IP\b/;
/** A line that only prints: skipped when looking for what a sleep waits for. */
const ECHO = /^\s*(echo|printf)\b/;
/** `sleep 30`, `sleep 180s`, `sleep 3m`: seconds, or minutes with an m. */
const SLEEP = /\bsleep\s+(\d+)(s|m)?\b/;
const LOOP_OPEN = /\b(for|while|until)\b[^\n]*(;\s*|\s)do\b|^\s*do\s*$/;
const LOOP_CLOSE = /\bdone\b/;

/** An action that runs its `script` input on a remote host over SSH (appleboy/ssh-action and the like). */
const SSH_ACTION = /ssh/i;

/** The script of a step: its `run`, or the `script` an SSH action runs on the server. */
function script(step: YMap | undefined): YScalar | undefined {
  const run = at(step, 'run');
  if (run?.kind === 'scalar') return run;
  if (!SSH_ACTION.test(scalar(at(step, 'uses')) ?? '')) return undefined;
  const remote = at(at(step, 'with'), 'script');
  return remote?.kind === 'scalar' ? remote : undefined;
}

export default yamlRule({
  id: 'fixed-sleep-before-check',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'delivery',
  severity: 'info',
  messages: {
    sleep: l(
      '준비될 때까지 기다리는 대신 {seconds}초를 고정으로 쉽니다: 느리게 뜨면 다음 검사가 실패하고, 빨리 뜨면 시간만 버립니다',
      'A fixed {seconds}-second sleep instead of waiting until the service is ready: a slow start fails the next check, a fast one wastes the time',
    ),
  },
  docs: {
    summary: l(
      '컨테이너·롤아웃·백그라운드 서버·systemd 서비스·클라우드 VM을 시작한 뒤(같은 단계 또는 바로 앞 단계, SSH 액션의 script도 한 단계로 봅니다) 반복문 밖의 고정 sleep으로 기다리고, 이어서 curl·테스트·kubectl get·docker exec·ssh 같은 검사나 localhost 서비스 사용을 하는 워크플로를 찾습니다. sleep만 하는 단계는 앞선 단계나 앞선 job(needs)이 시작한 것을 기다리는 것으로 봅니다(`sleep 180s`, `sleep 3m` 포함). rollout status, --wait, 재시도 반복문이 있으면 제외합니다. 서비스의 로드밸런서 주소(.status.loadBalancer, EXTERNAL-IP)를 읽기 직전의 고정 sleep은 앞에서 무엇을 기다렸든 찾습니다: 클라우드가 주소를 언제 줄지는 rollout status도 알려주지 않습니다.',
      'Flags workflows that start a container, a rollout, a background server, a systemd service or a cloud VM (in the same step or the one before; the `script` of an SSH action counts as a step), wait with a fixed sleep outside any loop, and then use it (curl, tests, kubectl get, docker exec, ssh, a next step configured for localhost). A step that only sleeps (`sleep 180s`, `sleep 3m` too) waits for what an earlier step or a needed job started. Skipped when rollout status, --wait or a retry loop does the waiting. A fixed sleep right before reading the load-balancer address of a Service (.status.loadBalancer, EXTERNAL-IP) is flagged whatever came before: no rollout wait covers when the cloud assigns it.',
    ),
    why: l(
      '모델을 올리는 서버의 시작 시간은 러너 부하와 모델 크기에 따라 몇 초에서 몇 분까지 달라집니다. 고정 sleep은 가끔 실패하는(flaky) 파이프라인을 만들고, 사람들이 재실행 버튼에 익숙해지면 진짜 실패도 무시하게 됩니다.',
      "A model server's start-up time varies from seconds to minutes with runner load and model size. A fixed sleep makes the pipeline flaky, and once people get used to pressing re-run, real failures are ignored too.",
    ),
    bad: 'on: push\njobs:\n  smoke:\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    steps:\n      - run: |\n          docker run -d -p 8000:8000 model-api:ci\n          sleep 10\n          curl -f http://localhost:8000/health\n',
    good: 'on: push\njobs:\n  smoke:\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    steps:\n      - run: |\n          docker run -d -p 8000:8000 model-api:ci\n          # TODO: 최대 몇 초까지 기다릴지, 준비됐다는 기준은 무엇인지 정하세요\n          for i in $(seq 1 30); do curl -fsS http://localhost:8000/health && break; sleep 2; done\n          curl -f http://localhost:8000/health\n',
  },
  weeks: ['beginner/4', 'intermediate/7'],
  questions: [
    l(
      '러너가 느려서 서비스가 {seconds}초 안에 뜨지 못하면 다음 단계는 어떻게 될까요? 그 실패는 코드 문제처럼 보일까요?',
      'If the runner is slow and the service is not up within {seconds} seconds, what happens to the next step, and would the failure look like a bug in the code?',
    ),
    l(
      '"준비됐다"는 것을 무엇으로 확인할 수 있을까요? 헬스 엔드포인트, rollout status, 모델 로딩 완료 중 무엇이 맞나요?',
      'What would prove the service is ready: a health endpoint, a rollout status, the model having loaded?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 고정 sleep 대신 준비될 때까지 기다리기\n# 고려사항:\n# - 준비 여부를 알려주는 신호는 무엇인가요? (/health, kubectl rollout status, docker compose up --wait)\n# - 최대 몇 초까지 기다리고, 끝내 준비되지 않으면 무엇을 남기고 실패할까요? (로그)\n# for i in $(seq 1 # TODO); do # TODO && break; sleep 2; done\n',
    en: '# TODO: wait until ready instead of a fixed sleep\n# Consider:\n# - which signal says it is ready (/health, kubectl rollout status, docker compose up --wait)?\n# - how long may it take at most, and what should the job print when it never gets ready (logs)?\n# for i in $(seq 1 # TODO); do # TODO && break; sleep 2; done\n',
  },
  check(context, document) {
    for (const job of workflowJobs(document)) {
      const steps = jobSteps(job);
      steps.forEach((step, index) => {
        const run = script(step);
        if (!run || !SLEEP.test(run.value)) return;
        const previous = script(steps[index - 1])?.value ?? '';
        const next = script(steps[index + 1])?.value ?? '';
        // The next step talks to what was started (MLFLOW_TRACKING_URI: http://localhost:5000).
        const nextEnv = [...entries(at(steps[index + 1], 'env')).map((e) => scalar(e.value) ?? ''), next].join('\n');
        const lines = run.raw.split('\n');
        let depth = 0;
        let offset = 0;
        // State before the sleep within this step: a start not yet followed by a real wait. A step that
        // only sleeps waits for whatever came before it (an earlier step or job, a deploy hook).
        const alone =
          run.value
            .trim()
            .split('\n')
            .filter((l) => l.trim() && !/^\s*#/.test(l)).length === 1;
        const earlier = steps.slice(0, index).some((s) => START.test(script(s)?.value ?? ''));
        let started = (START.test(previous) && !WAIT.test(previous.slice(previous.search(START)))) || (alone && (earlier || entry(job.spec, 'needs') !== undefined));
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i]!;
          if (/^\s*#/.test(line)) {
            offset += line.length + 1;
            continue;
          }
          if (LOOP_OPEN.test(line)) depth++;
          const sleep = SLEEP.exec(line);
          const seconds = Number(sleep?.[1]) * (sleep?.[2] === 'm' ? 60 : 1);
          // What the sleep waits for: the next line that does something (not a comment, not an echo).
          const following = lines.slice(i + 1).find((l) => l.trim() && !/^\s*#/.test(l) && !ECHO.test(l)) ?? '';
          const loadBalancer = sleep && depth === 0 && seconds >= 2 && !LOOP_OPEN.test(following) && LOAD_BALANCER_READ.test(following);
          if (loadBalancer) {
            const start = offset + sleep.index;
            context.report({ range: rangeWithin(run, start, start + sleep[0].length), messageId: 'sleep', data: { seconds: String(seconds) } });
          } else if (sleep && depth === 0 && started && seconds >= 2) {
            const rest = lines.slice(i + 1).join('\n');
            if (CHECK.test(rest) || (!START.test(rest) && (CHECK.test(next) || LOCAL.test(nextEnv)) && !WAIT.test(next))) {
              const start = offset + sleep.index;
              context.report({ range: rangeWithin(run, start, start + sleep[0].length), messageId: 'sleep', data: { seconds: String(seconds) } });
            }
          }
          if (START.test(line)) started = true;
          if (WAIT.test(line)) started = false;
          if (LOOP_CLOSE.test(line)) depth = Math.max(0, depth - 1);
          offset += line.length + 1;
        }
      });
    }
  },
});
