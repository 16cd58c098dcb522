import type { Deployment } from '../../project/deploy';
import { l, projectRule } from '../../rule';
import type { Range } from '../../types';

/**
 * Flask's `app.run()` and `flask run`, uvicorn (`uvicorn.run(app)` and the CLI), Dash and Gradio listen
 * on 127.0.0.1 unless told otherwise (gunicorn too, but it binds 0.0.0.0 when the platform sets PORT). Inside a container that is
 * the container's own loopback: the port compose publishes, the Service targets or EXPOSE names
 * reaches nothing. When the container starts several programs, only the one listening on a
 * published, declared or probed port is judged (`python api.py & streamlit run ui.py` may keep
 * its API private on purpose).
 */

export default projectRule({
  scope: 'project',
  id: 'server-bound-to-loopback',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:server-bound-to-loopback'],
  messages: {
    loopback: l(
      '이 서버는 127.0.0.1에서만 듣습니다 (호스트를 주지 않으면 기본값). 컨테이너({where}) 밖에서는 {ports} 포트로 들어오는 요청이 닿지 않습니다: 호스트를 0.0.0.0으로 주세요',
      'This server listens on 127.0.0.1 only (the default when no host is given): from outside its container ({where}), requests to {ports} reach nothing; give it host 0.0.0.0',
    ),
    loopbackAny: l(
      '이 서버는 127.0.0.1에서만 듣습니다 (호스트를 주지 않으면 기본값). 컨테이너({where}) 밖에서는 포트를 게시해도 요청이 닿지 않습니다: 호스트를 0.0.0.0으로 주세요',
      'This server listens on 127.0.0.1 only (the default when no host is given): from outside its container ({where}) no request reaches it, whatever port is published; give it host 0.0.0.0',
    ),
  },
  docs: {
    summary: l(
      '컨테이너가 시작하는 서버가 127.0.0.1에서만 듣는 경우를 찾습니다: 호스트 없이 부른 Flask `app.run()`·`flask run`, uvicorn(`uvicorn.run(app)`과 CLI), Dash, `server_name` 없는 Gradio `launch()`. 한 컨테이너가 여러 프로그램을 시작하면, compose가 게시하거나 Kubernetes·EXPOSE가 선언하거나 프로브가 부르는 포트에서 듣는 서버만 봅니다 (나머지는 같은 컨테이너 안에서만 쓰일 수 있습니다).',
      "Flags a server a container starts that listens on 127.0.0.1 only: Flask's `app.run()` or `flask run` with no host, uvicorn (`uvicorn.run(app)` and the CLI), Dash, Gradio's `launch()` with no `server_name`. When the container starts several programs, only a server listening on a port published by compose, declared by Kubernetes or EXPOSE, or called by a probe is judged (the others may serve the container alone).",
    ),
    why: l(
      '노트북에서는 브라우저도 같은 머신에 있으니 127.0.0.1로 충분합니다. 컨테이너 안의 127.0.0.1은 컨테이너 자신뿐이라, 포트를 게시해도 연결이 거부되거나 끊기고, 프로브가 실패해 파드가 재시작을 반복합니다.',
      'On a laptop the browser is on the same machine, so 127.0.0.1 is enough. Inside a container 127.0.0.1 is the container itself: the published port refuses or resets every connection, and probes fail until the pod restarts in a loop.',
    ),
    bad: '# --- app.py ---\nfrom flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(port=5000)\n# --- Dockerfile ---\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 5000\nCMD ["python", "app.py"]\n',
    good: '# --- app.py ---\nfrom flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    # TODO: 컨테이너 밖에서 이 포트로 들어오는 요청은 어느 인터페이스에 닿나요?\n    app.run(host="0.0.0.0", port=5000)\n# --- Dockerfile ---\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 5000\nCMD ["python", "app.py"]\n',
  },
  weeks: ['intermediate/2', 'intermediate/1'],
  questions: [
    l(
      '컨테이너 안에서 127.0.0.1은 누구를 가리키나요? 게시한 포트로 들어온 요청은 어느 주소에 도착하나요?',
      'Inside a container, who is 127.0.0.1, and at which address does a request to the published port arrive?',
    ),
    l(
      '로컬에서 잘 되던 서버가 컨테이너에서만 응답하지 않을 때, 어떤 명령으로 서버가 듣는 주소를 확인할 수 있을까요?',
      'When a server that worked locally does not answer in its container, how could you see which address it listens on?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 서버가 컨테이너의 모든 인터페이스에서 듣게 하기\n# 고려사항:\n# - 호스트를 0.0.0.0으로 주었나요? (설정이나 환경 변수로)\n# - 개발 서버 대신 gunicorn/uvicorn으로 시작하나요?\n',
    en: "# TODO: make the server listen on all of the container's interfaces\n# Consider:\n# - is the host 0.0.0.0 (from a setting or an environment variable)?\n# - is it started by gunicorn/uvicorn rather than a development server?\n",
  },
  project(context) {
    const { view } = context;
    const reported = new Set<string>();
    const base = view.root.replace(/\/$/, '');
    const shorter = (path: string) => (base && path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path);
    const report = (path: string, range: Range, deployment: Deployment, ports: readonly number[]) => {
      const key = `${path}:${range.start.line}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({ path, range, messageId: ports.length ? 'loopback' : 'loopbackAny', data: { where: shorter(deployment.file), ports: ports.join(', ') } });
    };
    for (const deployment of view.deployments) {
      // A Procfile's platform is not a container of ours, and sets PORT, on which gunicorn binds 0.0.0.0.
      if (deployment.kind === 'procfile') continue;
      const outside = outsidePorts(deployment);
      // A container that starts one server is there to be reached; with several programs in one container, only
      // a server on a port reached from outside (published, declared, probed) is judged: the others may be private.
      const alone = deployment.launches.length === 1 && !deployment.launches[0].launch.shared;
      if (!alone && outside.length === 0) continue;
      for (const at of deployment.launches) {
        const { launch } = at;
        // gunicorn binds 0.0.0.0:$PORT when the platform sets PORT (Cloud Run, Render): its default is not judged.
        if (launch.loopback && launch.server !== 'gunicorn') {
          const port = launch.port?.value;
          if (alone || (port !== undefined && outside.includes(port))) report(at.file, at.range, deployment, outside);
          continue;
        }
        if (launch.server !== 'python' || !at.target) continue;
        for (const listener of view.python.get(at.target)?.listeners ?? []) {
          if (!listener.loopback || !listener.runsAsScript || (listener.via === 'gradio' && deployment.env.GRADIO_SERVER_NAME !== undefined)) continue;
          const port = listener.port?.value ?? (listener.port ? undefined : listener.defaultPort);
          if (alone || (port !== undefined && outside.includes(port))) report(at.target, listener.range, deployment, outside);
        }
      }
    }
  },
});

/** The ports a deployment is reached on from outside its container: published, declared (EXPOSE, containerPort) or probed. */
function outsidePorts(deployment: Deployment): number[] {
  const ports = [...deployment.published.map((p) => p.target), ...deployment.declaredPorts.map((p) => p.port), ...deployment.probes.map((p) => p.port)];
  return [...new Set(ports.filter((p): p is number => typeof p === 'number'))];
}
