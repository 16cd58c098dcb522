import { runtimeStages } from '../../project/deploy';
import { l, projectRule } from '../../rule';
import type { Range } from '../../types';

/** The shells whose `-c` argument is the script a container runs. */
const SHELL = /^(\/(usr\/)?bin\/)?(sh|bash|ash|dash|zsh)$/;

/**
 * The start command as the shell will read it: a shell-form CMD's text, the `-c` script of an
 * exec-form `["sh", "-c", "..."]`, or the words joined.
 */
function script(text: string, words: readonly string[] | undefined): string {
  if (!words) return text;
  const shell = words.findIndex((w) => SHELL.test(w));
  if (shell >= 0) {
    const flag = words.findIndex((w, i) => i > shell && /^-\w*c\w*$/.test(w));
    if (flag >= 0 && flag + 1 < words.length) return words[flag + 1];
  }
  return words.join(' ');
}

/**
 * The first command a script sends to the background with a lone `&` (not `&&`, `&>`, `>&`,
 * `|&`), followed by more work; undefined when there is none, or when the script waits for
 * whichever process ends first (`wait -n`: a deliberate supervisor).
 */
export function backgrounded(text: string): string | undefined {
  const plain = text.replace(/https?:\/\/\S+/g, 'URL').replace(/\\\n/g, ' ');
  if (/\bwait\s+-n\b/.test(plain)) return undefined;
  const match = /(^|[^&>|<])&(?![&>])\s*(?:\n\s*)?(\S.*)?$/s.exec(plain);
  if (!match || !match[2]) return undefined;
  if (waitsAfterSetup(match[2])) return undefined;
  const before = plain
    .slice(0, match.index + match[1].length)
    .split(/&&|;|\n|\|\|/)
    .pop()
    ?.trim();
  return before || undefined;
}

/** Short commands that prepare a server started just before (`sleep 5`, `ollama pull llama3`, `curl -f ...`). */
const SETUP = /^(sleep\s+\S+|echo\b.*|printf\b.*|true|curl\b.*|wget\b.*|ollama\s+(pull|create|list|cp)\b.*)$/;

/**
 * `server & sleep 5 && ollama pull llama3 && wait`: after the one background process, only setup
 * commands, then a `wait` for it. The shell lives as long as that process, so the container ends
 * when it dies, as it would with the server in the foreground.
 */
function waitsAfterSetup(rest: string): boolean {
  if (/(^|[^&>|<])&(?![&>])/.test(rest)) return false;
  const steps = rest
    .split(/&&|;|\n/)
    .map((step) => step.trim())
    .filter(Boolean);
  const last = steps.pop();
  return last !== undefined && /^wait(\s+("?\$!?\w*"?|\$!))?$/.test(last) && steps.every((step) => SETUP.test(step));
}

export default projectRule({
  scope: 'project',
  id: 'background-process-in-container',
  language: 'yaml',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:several-processes-per-container'],
  messages: {
    background: l(
      '컨테이너의 시작 명령이 "{command}"를 `&`로 백그라운드에 보내고 다음 명령을 실행합니다: 그 프로세스가 죽어도 컨테이너는 살아 있고, 아무도 재시작하거나 알아채지 않으며, 종료 신호도 받지 못합니다',
      'The container\'s start command sends "{command}" to the background with `&` and runs the next command: if that process dies the container stays up, nothing restarts or notices it, and it never receives the stop signal',
    ),
  },
  docs: {
    summary: l(
      'Dockerfile 마지막 단계의 CMD/ENTRYPOINT, compose의 command, Kubernetes 컨테이너의 command/args가 셸에서 한 프로세스를 `&`로 백그라운드에 보내고 다른 프로세스를 이어서 실행하는 경우를 찾습니다(`&&`, `2>&1`은 제외). `wait -n`으로 먼저 끝나는 프로세스를 기다리는 스크립트와, 백그라운드 서버 하나를 띄운 뒤 준비 명령(`sleep`, `ollama pull`)만 실행하고 `wait`로 그 서버를 기다리는 스크립트는 제외합니다.',
      "Flags a Dockerfile's final CMD/ENTRYPOINT, a compose command and a Kubernetes container's command/args whose shell sends one process to the background with `&` and goes on to start another (`&&` and `2>&1` are not that). A script that waits for whichever process ends first (`wait -n`), or starts one server in the background, runs only setup commands (`sleep`, `ollama pull`) and then `wait`s for it, is skipped.",
    ),
    why: l(
      '컨테이너 런타임은 PID 1(마지막 전경 프로세스)만 지켜봅니다. 백그라운드로 보낸 API나 MLflow 서버가 죽어도 컨테이너는 Running이고 헬스체크가 전경 프로세스만 본다면 아무도 모릅니다. docker stop의 SIGTERM도 백그라운드 프로세스에 전달되지 않아 정상 종료 없이 10초 뒤 강제 종료됩니다.',
      'The container runtime watches only PID 1, the last foreground process. When the backgrounded API or MLflow server dies the container stays Running, and if the health check only covers the foreground process nobody notices. The SIGTERM of docker stop does not reach the background process either, so it is killed without a clean shutdown ten seconds later.',
    ),
    bad: '# --- Dockerfile ---\nFROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nUSER 1000\nCMD uvicorn api:app --host 0.0.0.0 --port 8000 & streamlit run app.py --server.port 8501\n',
    good: '# --- docker-compose.yml ---\nservices:\n  api:\n    build: .\n    command: uvicorn api:app --host 0.0.0.0 --port 8000\n    restart: unless-stopped\n  ui:\n    build: .\n    # TODO: 한 컨테이너에 한 프로세스. UI는 API를 서비스 이름으로 부르면 됩니다\n    command: streamlit run app.py --server.port 8501\n    environment:\n      - API_URL=http://api:8000\n',
  },
  weeks: ['beginner/3', 'intermediate/7'],
  questions: [
    l(
      '"{command}" 프로세스가 지금 죽는다면 컨테이너의 상태는 어떻게 보일까요? 누가 그것을 재시작하나요?',
      'If the "{command}" process died right now, what would the container\'s status show, and who would restart it?',
    ),
    l(
      '두 프로세스를 각각의 컨테이너로 나누면 로그, 재시작, 스케일링은 어떻게 달라질까요?',
      'If the two processes ran as separate containers, what would change for their logs, restarts and scaling?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 컨테이너 하나에 프로세스 하나\n# 고려사항:\n# - 각 서버를 별도의 compose 서비스나 컨테이너로 나눌 수 있나요?\n# - 서로를 어떻게 찾을까요? (서비스 이름, 환경 변수)\n# - 정말 한 컨테이너여야 한다면, 하나가 죽을 때 컨테이너도 끝나게 하려면? (wait -n, 프로세스 관리자)\n# CMD # TODO\n',
    en: '# TODO: one process per container\n# Consider:\n# - can each server become its own compose service or container?\n# - how do they find each other? (service names, environment variables)\n# - if they must share a container, how does the container end when one of them dies? (wait -n, a process manager)\n# CMD # TODO\n',
  },
  project(context) {
    const report = (path: string, range: Range, command: string) =>
      context.report({ path, range, messageId: 'background', data: { command: command.length > 60 ? `${command.slice(0, 57)}...` : command } });
    for (const { path, stage } of runtimeStages(context.view.files)) {
      const start = stage.entrypoint && stage.cmd ? undefined : (stage.cmd ?? stage.entrypoint);
      const command = start ? backgrounded(script(start.text, start.words)) : undefined;
      if (start && command) report(path, start.range, command);
    }
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml') continue;
      for (const service of facts.compose) {
        const command = service.command && service.commandRange ? backgrounded(script(service.command.join(' '), service.command)) : undefined;
        if (command) report(path, service.commandRange!, command);
      }
      for (const workload of facts.workloads)
        for (const container of workload.containers) {
          if (!container.command || !container.commandRange) continue;
          const words = [...container.command, ...(container.args ?? [])];
          const command = backgrounded(script(words.join(' '), words));
          if (command) report(path, container.commandRange, command);
        }
    }
  },
});
