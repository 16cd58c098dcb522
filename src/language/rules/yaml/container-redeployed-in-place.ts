import type { Range } from '../../types';
import { l, yamlRule } from '../../rule';
import { actionName } from '../../yaml/ci-steps';
import { jobSteps, workflowJobs, type WorkflowJob } from '../../yaml/actions';
import { at, items, rangeWithin, scalar, type YScalar } from '../../yaml/model';

/** A detached `docker run`: the long-running container a deploy leaves behind. */
const DETACHED_RUN = /\bdocker\s+(?:container\s+)?run\b(?=[^\n]*\s(?:-d|--detach|-[a-zA-Z]*d[a-zA-Z]*)(?:\s|$))/;
/** What takes the previous container away (by name, by filter, or every container of a compose project). */
const REMOVES =
  /\bdocker\s+(?:container\s+)?(?:stop|rm|kill)\b|\bdocker\s+ps\b[^\n]*\|\s*xargs\b[^\n]*\bdocker\s+(?:stop|rm|kill)\b|\bdocker[\s-]compose\b[^\n]*\s(?:down|stop|rm)\b/;
/** `docker compose up -d` on the host: compose replaces the project's containers itself and reads their restart policy from the file. */
const COMPOSE_UP = /\bdocker[\s-]compose\b[^\n]*\sup\b(?=[^\n]*\s(?:-d|--detach)(?:[\s"']|$))/;
/** What fetches or makes the new image: a pull, or a compose pull or build (`up --build` builds first). */
const PULL = /\bdocker\s+(?:image\s+)?pull\b|\bdocker[\s-]compose\b[^\n]*\s(?:pull|build)\b|\bdocker[\s-]compose\b[^\n]*\sup\b[^\n]*\s--build\b/;
/** The container survives a crash and a reboot of the host. */
const RESTART = /\s--restart(?:=|\s+)(?!no\b)\S/;
/** It takes the host's port or a fixed name, so a second container of it cannot start beside the first. */
const CLAIMS = /\s(?:-p|--publish)(?:=|\s+)\S|\s-p\d|\s--name(?:=|\s+)\S|\s--network(?:=|\s+)host\b/;
const SSH_ACTION = /ssh/i;

/** One command of a deploy script, continuation lines joined, with the text range it came from. */
interface Command {
  readonly text: string;
  readonly range: Range;
}

/** The commands of a script, comments dropped; for an `ssh` call in a runner's script, only what runs on the host. */
function commands(script: YScalar, remoteOnly: boolean): Command[] {
  const result: Command[] = [];
  const lines = script.raw.split('\n');
  let offset = 0;
  let heredoc: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const start = offset;
    let text = lines[i]!;
    offset += text.length + 1;
    // A command continued with a trailing backslash is one command.
    while (/\\\s*$/.test(text) && i + 1 < lines.length) {
      text = text.replace(/\\\s*$/, ' ') + lines[++i]!;
      offset += lines[i]!.length + 1;
    }
    const code = text.replace(/(^|\s)#.*$/, '$1');
    if (!code.trim()) continue;
    const from = start + (text.length - text.trimStart().length);
    const to = start + text.trimEnd().length;
    if (remoteOnly) {
      // The host's commands: a heredoc or a quoted command given to ssh.
      if (heredoc !== undefined) {
        if (code.trim() === heredoc) heredoc = undefined;
        else result.push({ text: code, range: rangeWithin(script, from, to) });
        continue;
      }
      const ssh = /\bssh\b[^\n]*?<<-?\s*['"]?(\w+)['"]?/.exec(code);
      if (ssh) {
        heredoc = ssh[1];
        continue;
      }
      if (!/\bssh\b/.test(code)) continue;
    }
    // `docker compose down && docker compose pull && docker compose up -d`: each part in its order.
    const range = rangeWithin(script, from, to);
    for (const part of code.split(/&&|;/)) if (part.trim()) result.push({ text: part, range });
  }
  return result;
}

/** Does the job run on a machine that keeps what it starts (a self-hosted runner, the deploy target)? */
function selfHosted(job: WorkflowJob): boolean {
  const runsOn = at(job.spec, 'runs-on');
  const labels = runsOn?.kind === 'scalar' ? [runsOn.value] : items(runsOn).map((item) => scalar(item) ?? '');
  return labels.some((label) => /^self-hosted$/i.test(label.trim()));
}

/** The scripts of a job that run on the host the service lives on, in step order. */
function hostScripts(job: WorkflowJob): Command[] {
  const result: Command[] = [];
  const onHost = selfHosted(job);
  for (const step of jobSteps(job)) {
    const uses = actionName(step);
    const run = at(step, 'run');
    const remote = at(step, 'with.script');
    if (uses && SSH_ACTION.test(uses) && remote?.kind === 'scalar') result.push(...commands(remote, false));
    else if (run?.kind === 'scalar') result.push(...commands(run, !onHost));
  }
  return result;
}

export default yamlRule({
  id: 'container-redeployed-in-place',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'reliability',
  severity: 'warning',
  anchors: ['docker:run.restart', 'gap:in-place-redeploy'],
  messages: {
    noRestart: l(
      '배포된 컨테이너에 --restart 정책이 없습니다: 프로세스가 죽거나 서버가 재부팅되면 다음 배포 때까지 서비스가 내려가 있습니다',
      'The deployed container has no --restart policy: if the process dies or the host reboots, the service stays down until the next deploy',
    ),
    notReplaced: l(
      '이전 배포의 컨테이너를 멈추거나 지우는 명령이 없습니다: 두 번째 배포는 이미 쓰이는 포트나 이름 때문에 실패하고, 옛 버전이 계속 응답합니다',
      'Nothing stops or removes the container the previous deploy started: the second deploy fails on the port or name already in use, and the old version keeps answering',
    ),
    stoppedBeforePull: l(
      '새 이미지를 받거나 빌드하기 전에 실행 중인 컨테이너를 멈춥니다: 배포마다 그만큼 서비스가 끊기고, pull이나 빌드가 실패하면 아무것도 실행되지 않은 채로 남습니다',
      'The running container is stopped before the new image is pulled or built: every deploy is an outage for that long, and a failed pull or build leaves nothing running',
    ),
  },
  docs: {
    summary: l(
      '서버에서 실행되는 배포 스크립트(self-hosted 러너의 run, SSH 액션의 script, ssh로 보내는 명령)의 `docker run -d`를 봅니다. --restart 정책이 없거나, 포트·이름을 차지하는데 이전 컨테이너를 멈추거나 지우는 명령이 없거나, 새 이미지를 pull하기 전에 실행 중인 컨테이너를 멈추면 알립니다(서버의 `docker compose down` 뒤에 `compose pull`·`build`·`up --build`가 오는 경우도 같습니다). 같은 작업에서 나중에 지우는 테스트용 컨테이너와 GitHub 호스팅 러너(작업이 끝나면 사라짐)는 판단하지 않습니다.',
      "Reads the `docker run -d` of deploy scripts that run on the server (a self-hosted runner's `run`, an SSH action's `script`, commands sent through `ssh`). Reports a container with no --restart policy, one that claims a port or a name while nothing stops or removes the previous container, and a running container stopped before the new image is pulled (also a `docker compose down` on the server followed by `compose pull`, `build` or `up --build`). Test containers the same job removes later, and GitHub-hosted runners (gone when the job ends), are not judged.",
    ),
    why: l(
      '`docker run -d`만으로 배포하면 처음 한 번은 잘 됩니다. 두 번째 배포에서 "port is already allocated"로 실패하거나, 옛 컨테이너를 먼저 지우는 바람에 새 이미지를 받는 동안 서비스가 끊깁니다. 재시작 정책이 없으면 밤사이 OOM이나 서버 재부팅 한 번에 서비스가 아침까지 내려가 있습니다. 배포는 두 번째, 열 번째에도 같은 결과를 내야 합니다.',
      'Deploying with a bare `docker run -d` works the first time. The second deploy fails with "port is already allocated", or removes the old container first and is down while the new image downloads. With no restart policy, one OOM kill or host reboot at night keeps the service down until morning. A deploy has to give the same result the second and the tenth time.',
    ),
    bad: 'on:\n  push:\n    branches: [main]\npermissions:\n  contents: read\njobs:\n  deploy:\n    runs-on: self-hosted\n    timeout-minutes: 15\n    steps:\n      - run: docker pull registry.example.com/model-api:${{ github.sha }}\n      - run: docker run -d -p 8080:8080 registry.example.com/model-api:${{ github.sha }}\n',
    good: 'on:\n  push:\n    branches: [main]\npermissions:\n  contents: read\njobs:\n  deploy:\n    runs-on: self-hosted\n    timeout-minutes: 15\n    steps:\n      - run: docker pull registry.example.com/model-api:${{ github.sha }}\n      # TODO: 새 컨테이너가 /health에 답하기 전에 옛 컨테이너를 지워도 될까요? 실패하면 어느 버전으로 돌아가나요?\n      - run: |\n          docker rm -f model-api || true\n          docker run -d --name model-api --restart unless-stopped -p 8080:8080 registry.example.com/model-api:${{ github.sha }}\n',
  },
  weeks: ['beginner/4', 'intermediate/8'],
  questions: [
    l(
      '이 워크플로를 두 번 연달아 실행하면 두 번째 배포에서 무슨 일이 일어날까요? 그때 사용자는 어느 버전의 모델을 보고 있을까요?',
      'If this workflow runs twice in a row, what happens at the second deploy, and which version of the model are users talking to then?',
    ),
    l(
      '새벽에 컨테이너가 메모리 부족으로 죽거나 서버가 재부팅되면, 누가 언제 서비스를 다시 띄우나요?',
      'If the container is OOM-killed at night or the host reboots, who brings the service back, and when?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 몇 번을 실행해도 같은 결과를 내는 배포\n# 고려사항:\n# - 새 이미지를 먼저 pull하고, 그다음에 옛 컨테이너를 바꾸나요?\n# - 옛 컨테이너는 이름으로 찾아 지우나요? (docker rm -f <이름> || true)\n# - 죽거나 재부팅되면 다시 뜨나요? (--restart unless-stopped)\n# - 새 컨테이너가 /health에 답하는지 확인한 뒤에 배포를 성공으로 치나요?\n# docker run -d --name # TODO --restart # TODO -p # TODO\n',
    en: '# TODO: a deploy that gives the same result however often it runs\n# Consider:\n# - is the new image pulled first, and only then the old container replaced?\n# - is the old container found and removed by name (docker rm -f <name> || true)?\n# - does it come back after a crash or a reboot (--restart unless-stopped)?\n# - is the deploy a success only once the new container answers /health?\n# docker run -d --name # TODO --restart # TODO -p # TODO\n',
  },
  check(context, document) {
    for (const job of workflowJobs(document)) {
      const script = hostScripts(job);
      script.forEach((command, index) => {
        const compose = COMPOSE_UP.test(command.text);
        if (!compose && !DETACHED_RUN.test(command.text)) return;
        const after = script.slice(index + 1);
        // A container the job removes again is a test container, not the deployed service.
        if (after.some((later) => REMOVES.test(later.text))) return;
        const before = script.slice(0, index);
        // Compose keeps the restart policy in the file and replaces its own containers: only the order is judged.
        if (!compose && !RESTART.test(command.text)) context.report({ range: command.range, messageId: 'noRestart' });
        const removal = before.findIndex((earlier) => REMOVES.test(earlier.text));
        const builds = compose && /\s--build\b/.test(command.text);
        if (removal < 0) {
          if (!compose && CLAIMS.test(command.text)) context.report({ range: command.range, messageId: 'notReplaced' });
        } else if (builds || before.slice(removal + 1).some((earlier) => PULL.test(earlier.text))) {
          context.report({ range: before[removal]!.range, messageId: 'stoppedBeforePull' });
        }
      });
    }
  },
});
