import { isSystemInstall, launchOf, packageInstalls, simpleCommands, splitCommand } from '../../project/commands';
import { isProductionDockerfile } from '../../project/deploy';
import type { FileFacts } from '../../project/facts';
import type { Range } from '../../types';
import { l, projectRule } from '../../rule';
import { isTrainingCommand } from '../../project/training';

/**
 * Does this command start something that serves? A server (uvicorn, gunicorn, `flask run` ...)
 * does. A Python script or module does when the project has it and it serves (routes, a gRPC
 * servicer, a worker loop); a script the project does not hold is judged by its name
 * (`python app.py`). `python train.py && python register_model.py` is a one-shot job that trains
 * and registers, and `python train.py && python evaluate.py` one that trains and evaluates: the
 * container exits and serves nothing, so nothing is retrained per start of a service.
 */
function serves(command: readonly string[], files: ReadonlyMap<string, FileFacts>): boolean {
  const launch = launchOf(command);
  if (launch === undefined) return isPythonApp(command);
  if (launch.server !== 'python') return true;
  const suffixes = launch.file
    ? [launch.file.replace(/^(\.\/)+/, '').replace(/^.*\//, '')]
    : launch.module
      ? [`${launch.module.replace(/\./g, '/')}.py`, `${launch.module.replace(/\./g, '/')}/__main__.py`]
      : [];
  const found = [...files].filter(([path, facts]) => facts.kind === 'python' && suffixes.some((s) => path === s || path.endsWith(`/${s}`)));
  return found.length > 0 ? found.some(([, facts]) => facts.kind === 'python' && facts.serves === true) : isPythonApp(command);
}

/** What a start command does before its main process: install packages, or train the model it then serves. */
function setupIn(words: readonly string[], files: ReadonlyMap<string, FileFacts>): { messageId: 'install' | 'train'; command: string } | undefined {
  const commands = simpleCommands(words);
  for (const [i, command] of commands.entries()) {
    if (packageInstalls(command).length > 0 || isSystemInstall(command)) return { messageId: 'install', command: command.join(' ') };
    // A training container trains; one that trains and then serves retrains on every start.
    if (isTrainingCommand(command) && commands.slice(i + 1).some((c) => serves(c, files))) return { messageId: 'train', command: command.join(' ') };
  }
  return undefined;
}

/** `python app.py`, `python main.py`, `python -m app`: the usual way a learner's service starts. */
function isPythonApp(command: readonly string[]): boolean {
  return (
    /^python(\d(\.\d+)?)?$/.test(command[0] ?? '') &&
    /^(app|main|server|serve|api|wsgi|run)(\.py)?$/.test((command[1] === '-m' ? command[2] : command[1])?.replace(/^.*\//, '') ?? '')
  );
}

export default projectRule({
  scope: 'project',
  id: 'setup-at-container-start',
  language: 'dockerfile',
  // Reviewers file a start that depends on the network under reliability; retraining at start is both.
  category: 'reliability',
  severity: 'warning',
  messages: {
    install: l(
      '컨테이너가 시작할 때마다 패키지를 설치합니다 ({command}) — 시작이 느려지고, 재시작할 때마다 다른 버전이 깔릴 수 있으며, 네트워크가 없으면 뜨지 않습니다',
      'Packages are installed every time the container starts ({command}): starts are slow, each restart may install other versions, and without network access the container does not start',
    ),
    train: l(
      '컨테이너가 시작할 때마다 모델을 다시 학습한 뒤 서빙합니다 ({command}) — 레플리카와 재시작마다 평가되지 않은 다른 모델이 돕니다',
      'The model is retrained every time the container starts, then served ({command}): each replica and restart runs another, unevaluated model',
    ),
  },
  docs: {
    summary: l(
      'Dockerfile CMD/ENTRYPOINT, compose command:, Kubernetes command/args(Job·CronJob 제외)에서 pip/conda/apt 설치나 "학습 후 서빙"을 시작 명령에 넣은 경우를 찾습니다.',
      'Flags start commands (Dockerfile CMD/ENTRYPOINT, compose command:, Kubernetes command/args outside Jobs and CronJobs) that install pip, conda or system packages, or train a model and then serve it.',
    ),
    why: l(
      '시작할 때 하는 일은 재시작·스케일 아웃마다 반복됩니다. 설치는 그때그때 다른 버전을 받아 오고, 학습은 레플리카마다 다른 모델을 만듭니다. 빌드 때 한 번 하고 결과를 이미지나 레지스트리에 고정해야 어제와 같은 서비스를 다시 띄울 수 있습니다.',
      "Whatever a start command does is repeated on every restart and scale-out: installs fetch whatever version is current, training makes a different model per replica. Done once at build time and pinned in the image or a registry, today's service can be started again tomorrow.",
    ),
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD ["sh", "-c", "pip install -r requirements.txt && python train.py && gunicorn app:app"]\n',
    good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n# TODO: 모델은 어느 파이프라인이 학습하고, 이미지는 어떤 버전을 가져올까요?\nUSER 1000\nCMD ["gunicorn", "app:app"]\n',
  },
  weeks: ['beginner/2', 'beginner/3'],
  questions: [
    l(
      '서비스가 세 개로 늘어나면 이 시작 명령은 몇 번 실행되고, 세 복제본은 같은 것을 갖게 될까요?',
      'When the service scales to three copies, how many times does this start command run, and will the three end up with the same thing?',
    ),
    l('네트워크가 끊긴 곳에서 이 컨테이너가 재시작되면 어떻게 될까요?', 'What happens when this container restarts somewhere without network access?'),
  ],
  scaffold: {
    ko: '# TODO: 시작 명령에서 준비 작업을 빼기\n# 고려사항:\n# - 패키지 설치는 Dockerfile의 RUN으로 옮길 수 있나요?\n# - 모델은 어느 파이프라인이 학습하고, 이미지는 어떤 버전을 가져오나요?\n# CMD ["# TODO: 서버만 시작"]\n',
    en: '# TODO: take the setup out of the start command\n# Consider:\n# - can the package install move to a Dockerfile RUN?\n# - which pipeline trains the model, and which version does the image take?\n# CMD ["# TODO: start the server only"]\n',
  },
  project(context) {
    const report = (path: string, range: Range, words: readonly string[] | undefined) => {
      const found = words && setupIn(words, context.view.files);
      if (found) context.report({ path, range, messageId: found.messageId, data: { command: found.command.slice(0, 80) } });
    };
    for (const [path, facts] of context.view.files) {
      if (facts.kind === 'dockerfile') {
        if (!isProductionDockerfile(path)) continue;
        const last = facts.stages[facts.stages.length - 1];
        for (const instruction of [last?.entrypoint, last?.cmd]) if (instruction) report(path, instruction.range, instruction.words ?? splitCommand(instruction.text));
      } else if (facts.kind === 'yaml') {
        for (const service of facts.compose) if (service.command) report(path, service.commandRange ?? service.nameRange, service.command);
        for (const workload of facts.workloads) {
          // A Job or CronJob is a one-off task: installing and training is what it is for.
          if (/^(Job|CronJob)$/.test(workload.kind)) continue;
          for (const container of workload.containers) {
            const words = [...(container.command ?? []), ...(container.args ?? [])];
            if (words.length) report(path, container.commandRange ?? container.nameRange, words);
          }
        }
      }
    }
  },
});
