import type { Related } from '../../project/report';
import { knownPorts, portsText } from '../../project/report';
import { l, projectRule } from '../../rule';

export default projectRule({
  scope: 'project',
  id: 'probe-port-mismatch',
  language: 'yaml',
  documentKinds: ['kubernetes', 'compose'],
  category: 'health',
  severity: 'error',
  anchors: ['gap:probe-port-mismatch'],
  messages: {
    mismatch: l('{probe}가 포트 {port}를 확인하지만 앱은 {ports}번 포트에서 요청을 받습니다', 'The {probe} checks port {port}, but the app listens on {ports}'),
    unknownName: l(
      '{probe}가 이름이 {port}인 포트를 가리키지만 컨테이너 {container}에는 그런 이름의 containerPort가 없습니다',
      'The {probe} refers to a port named {port}, but container {container} declares no containerPort with that name',
    ),
    publishedPort: l(
      'healthcheck는 컨테이너 안에서 실행되는데 바깥에 공개한 포트 {port}를 확인합니다 (컨테이너 안의 포트는 {target})',
      'The healthcheck runs inside the container but checks the published port {port} (inside, the port is {target})',
    ),
  },
  docs: {
    summary: l(
      '프로브와 healthcheck가 확인하는 포트가 앱이 실제로 듣는 포트(실행 명령, app.run, uvicorn 설정에서 읽음)와 다르거나, 없는 포트 이름을 가리키거나, compose healthcheck가 공개 포트를 확인하는 경우를 찾습니다.',
      'Flags probes and healthchecks aimed at a port the app does not listen on (read from its start command, app.run or uvicorn settings), at a port name no container declares, or, in compose, at the published instead of the container port.',
    ),
    why: l(
      '다른 포트를 확인하는 프로브는 연결 거부로 실패합니다. readiness는 트래픽을 막고 liveness는 재시작을 반복하지만, 로그에는 앱 오류가 하나도 없어 원인을 찾기 어렵습니다.',
      'A probe on the wrong port fails with "connection refused": readiness keeps traffic away and liveness restarts the container in a loop, while the app logs show no error at all.',
    ),
    bad:
      '# --- Dockerfile ---\nFROM python:3.12-slim\nCOPY . /app\nWORKDIR /app\nUSER 1000\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n\n' +
      "# --- app.py ---\nfrom flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return {'status': 'ok'}\n\n" +
      '# --- deploy.yaml ---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n        - name: api\n          image: acme/api:1.0\n          readinessProbe:\n            httpGet:\n              path: /health\n              port: 5000\n',
    good:
      '# --- Dockerfile ---\nFROM python:3.12-slim\nCOPY . /app\nWORKDIR /app\nUSER 1000\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n\n' +
      "# --- app.py ---\nfrom flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return {'status': 'ok'}\n\n" +
      '# --- deploy.yaml ---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n        - name: api\n          image: acme/api:1.0\n          ports:\n            - name: http\n              containerPort: 8000\n          readinessProbe:\n            httpGet:\n              path: /health\n              # TODO: 포트 번호 대신 이름(http)을 쓰면 무엇이 좋아질까요?\n              port: http\n',
  },
  weeks: ['intermediate/7', 'advanced/1', 'beginner/3'],
  questions: [
    l(
      '이 컨테이너 안에서 앱은 어느 포트를 열고 있나요? 그 숫자는 어느 파일에 적혀 있나요?',
      'Which port does the app open inside this container, and in which file is that number written?',
    ),
    l(
      '포트 번호를 여러 파일에 따로 적어 두면 어떤 일이 생길 수 있을까요? 한 곳에서만 정하려면 어떻게 할까요?',
      'What can happen when the port number is written separately in several files, and how could it be decided in one place?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 프로브 포트를 앱 포트와 맞추기\n# 고려사항:\n# - 앱은 어느 포트에서 듣나요? (gunicorn --bind, uvicorn --port, app.run(port=))\n# - containerPort에 이름을 붙이고 프로브에서 그 이름을 쓰면 어떨까요?\n# TODO: 포트를 한 곳(환경 변수 등)에서 정하고 나머지는 그 값을 따르게 하세요\n',
    en: '# TODO: make the probe port match the app\n# Consider:\n# - which port does the app listen on? (gunicorn --bind, uvicorn --port, app.run(port=))\n# - could the containerPort get a name the probe refers to?\n# TODO: decide the port in one place (an environment variable...) and follow it everywhere\n',
  },
  project(context) {
    const { view } = context;
    for (const deployment of view.deployments) {
      if (!deployment.production) continue;
      for (const probe of deployment.probes) {
        const range = probe.portRange ?? probe.range;
        if (typeof probe.port === 'string') {
          const names = deployment.declaredPorts.map((p) => p.name).filter((n) => n !== undefined);
          if (deployment.kind === 'kubernetes' && !/^\d+$/.test(probe.port) && !names.includes(probe.port)) {
            context.report({ path: probe.file, range, messageId: 'unknownName', data: { probe: probe.label, port: probe.port, container: deployment.name } });
          }
          continue;
        }
        if (probe.port === undefined) continue;
        const ports = deployment.apps.length > 0 ? knownPorts(deployment) : undefined;
        if (ports && !ports.includes(probe.port)) {
          const related: Related[] = deployment.listenSources.map((s) => ({
            path: s.file,
            range: s.range,
            message: l(`앱의 포트(${portsText(ports)})는 여기서 정해집니다`, `The app's port (${portsText(ports)}) is set here`),
          }));
          context.report({
            path: probe.file,
            range,
            messageId: 'mismatch',
            data: { probe: probe.label, port: probe.port, ports: portsText(deployment.listenPorts ?? ports) },
            related,
          });
          continue;
        }
        // A compose healthcheck runs inside the container, where only the target side of "8080:5000" exists.
        const published =
          deployment.kind === 'compose' ? deployment.published.find((p) => p.published === probe.port && p.target !== undefined && p.target !== probe.port) : undefined;
        if (published && !ports && !deployment.published.some((p) => p.target === probe.port)) {
          context.report({
            path: probe.file,
            range,
            messageId: 'publishedPort',
            data: { port: probe.port, target: published.target! },
            related: [{ path: deployment.file, range: published.range, message: l('포트 매핑은 여기에 있습니다', 'The port mapping is here') }],
          });
        }
      }
    }
  },
});
