import { portsText } from '../../project/report';
import { l, projectRule } from '../../rule';

export default projectRule({
  scope: 'project',
  id: 'expose-port-mismatch',
  language: 'dockerfile',
  category: 'delivery',
  severity: 'info',
  anchors: ['gap:expose-mismatch'],
  messages: {
    mismatch: l('EXPOSE {exposed}이지만 이미지의 서버는 {ports}번 포트에서 듣습니다', "EXPOSE says {exposed}, but the image's server listens on {ports}"),
  },
  docs: {
    summary: l(
      'Dockerfile의 EXPOSE가 CMD/ENTRYPOINT로 실행하는 서버의 포트(명령의 --port/--bind, 또는 app.run의 port)와 다른 경우를 찾습니다.',
      "Flags a Dockerfile whose EXPOSE differs from the port its CMD/ENTRYPOINT server listens on (the command's --port/--bind, or app.run's port).",
    ),
    why: l(
      'EXPOSE는 이미지를 쓰는 사람(docker run -P, compose, 배포 설정을 쓰는 동료)에게 어느 포트를 열어야 하는지 알려 주는 문서입니다. 실제 포트와 다르면 다음 사람은 틀린 포트로 Service와 프로브를 만듭니다.',
      'EXPOSE is the documentation that tells whoever uses the image (docker run -P, compose, a teammate writing the manifests) which port to open. When it is wrong, the next person wires Services and probes to the wrong port.',
    ),
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nEXPOSE 8200\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]\n',
    good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\n# TODO: 포트를 한 곳(ARG/ENV)에서 정하면 EXPOSE와 CMD가 어긋나지 않을까요?\nEXPOSE 8000\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]\n',
  },
  weeks: ['beginner/3', 'advanced/1'],
  questions: [
    l('이 이미지를 처음 받은 동료는 어느 포트를 열어야 한다고 생각할까요?', 'Which port would a teammate who just pulled this image think to open?'),
    l('포트 번호를 Dockerfile, 앱, 배포 설정에서 한 번만 정하려면 어떻게 할까요?', 'How could the port be decided once for the Dockerfile, the app and the deployment files?'),
  ],
  scaffold: {
    ko: '# TODO: EXPOSE와 서버 포트 맞추기\n# 고려사항:\n# - 서버는 어느 포트에서 듣나요? (--port, --bind, app.run(port=))\n# - ARG/ENV 하나로 EXPOSE와 CMD가 같은 값을 쓰게 할 수 있을까요?\n# TODO: EXPOSE를 실제 포트로 고치세요\n',
    en: '# TODO: make EXPOSE match the server port\n# Consider:\n# - which port does the server listen on? (--port, --bind, app.run(port=))\n# - could one ARG/ENV feed both EXPOSE and CMD?\n# TODO: set EXPOSE to the real port\n',
  },
  project(context) {
    for (const deployment of context.view.deployments) {
      if (deployment.kind !== 'dockerfile' || !deployment.listenPorts || deployment.declaredPorts.length === 0) continue;
      const ports = [...deployment.listenPorts, ...deployment.extraPorts];
      if (deployment.declaredPorts.some((p) => p.port !== undefined && ports.includes(p.port))) continue;
      const [first] = deployment.declaredPorts;
      context.report({
        path: deployment.file,
        range: first.range,
        messageId: 'mismatch',
        data: { exposed: portsText(deployment.declaredPorts.flatMap((p) => (p.port !== undefined ? [p.port] : []))), ports: portsText(deployment.listenPorts) },
        related: deployment.listenSources.map((s) => ({ path: s.file, range: s.range, message: l('서버의 포트는 여기서 정해집니다', "The server's port is set here") })),
      });
    }
  },
});
