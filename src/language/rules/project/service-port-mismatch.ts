import type { Deployment } from '../../project/deploy';
import type { Range } from '../../types';
import { knownPorts, portsText } from '../../project/report';
import { l, projectRule } from '../../rule';

export default projectRule({
  scope: 'project',
  id: 'service-port-mismatch',
  language: 'yaml',
  documentKinds: ['kubernetes', 'compose'],
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:service-port-mismatch'],
  messages: {
    targetPort: l(
      'Service {service}는 트래픽을 포트 {port}로 보내지만 선택된 컨테이너({containers})는 {ports}번 포트를 씁니다',
      'Service {service} sends traffic to port {port}, but the containers it selects ({containers}) use {ports}',
    ),
    targetName: l(
      'Service {service}의 targetPort {port}는 선택된 컨테이너 어디에도 없는 포트 이름입니다',
      'Service {service} targets a port named {port} that none of the containers it selects declares',
    ),
    composePort: l(
      '서비스 {service}가 컨테이너 포트 {target}을 공개하지만 앱은 {ports}번 포트에서 듣습니다',
      'Service {service} publishes container port {target}, but the app listens on {ports}',
    ),
  },
  docs: {
    summary: l(
      'Kubernetes Service의 targetPort가 선택한 파드의 포트(앱이 듣는 포트나 containerPort)와 맞지 않거나, compose의 ports가 앱이 듣지 않는 컨테이너 포트를 공개하는 경우를 찾습니다.',
      "Flags Kubernetes Services whose targetPort matches no port of the pods they select (the app's listening port or a containerPort), and compose ports that publish a container port the app does not listen on.",
    ),
    why: l(
      '포트가 어긋나면 배포는 성공한 것처럼 보이지만 모든 요청이 연결 거부나 타임아웃으로 끝납니다. 파드 로그에는 아무 요청도 찍히지 않아 원인을 찾는 데 오래 걸립니다.',
      'With mismatched ports the rollout looks fine, yet every request ends in "connection refused" or a timeout, and the pod logs show no request at all, which makes the cause slow to find.',
    ),
    bad:
      "# --- app.py ---\nfrom flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return {'status': 'ok'}\n\nif __name__ == '__main__':\n    app.run(host='0.0.0.0', port=5000)\n\n" +
      '# --- docker-compose.yml ---\nservices:\n  api:\n    build: .\n    command: python app.py\n    ports:\n      - "8000:8000"\n',
    good:
      "# --- app.py ---\nfrom flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return {'status': 'ok'}\n\nif __name__ == '__main__':\n    app.run(host='0.0.0.0', port=5000)\n\n" +
      '# --- docker-compose.yml ---\nservices:\n  api:\n    build: .\n    command: python app.py\n    ports:\n      # TODO: 바깥 포트(왼쪽)와 컨테이너 포트(오른쪽)는 각각 무엇을 뜻할까요?\n      - "8000:5000"\n',
  },
  weeks: ['advanced/1', 'beginner/3'],
  questions: [
    l(
      '요청이 Service(또는 호스트 포트)에서 컨테이너 안의 앱까지 가는 길을 포트 번호로 따라가 보면 어디서 끊기나요?',
      'Follow a request by port number from the Service (or host port) to the app inside the container: where does the chain break?',
    ),
    l(
      'port, targetPort, containerPort, 앱의 listen 포트는 각각 누가 정하고 누가 읽나요?',
      'Who sets and who reads port, targetPort, containerPort and the port the app listens on?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 포트 연결 확인\n# 고려사항:\n# - 앱은 컨테이너 안에서 어느 포트를 듣나요?\n# - Service targetPort / compose "호스트:컨테이너"의 컨테이너 쪽이 그 포트와 같나요?\n# TODO: containerPort에 이름을 붙이고 targetPort에서 그 이름을 쓰는 방법도 생각해 보세요\n',
    en: '# TODO: check the port chain\n# Consider:\n# - which port does the app listen on inside the container?\n# - does the Service targetPort / the container side of compose "host:container" match it?\n# TODO: consider naming the containerPort and using the name as targetPort\n',
  },
  project(context) {
    const { view } = context;
    const pods = new Pods(view.deployments.filter((d) => d.kind === 'kubernetes'));
    for (const [file, facts] of view.files) {
      if (facts.kind !== 'yaml') continue;
      for (const workload of facts.workloads) if (workload.templateLabels) for (const c of workload.containers) pods.templated(file, c.nameRange, workload.templateLabels);
    }
    for (const [file, facts] of view.files) {
      if (facts.kind !== 'yaml') continue;
      for (const service of facts.services) {
        const selected = service.templateSelector ? pods.selectedByTemplate(service.templateSelector, file) : pods.selectedBy(service.selector, file);
        if (selected.length === 0) continue;
        for (const port of service.ports) {
          const target = port.targetPort ?? port.port;
          if (target === undefined) continue;
          if (typeof target === 'string') {
            if (!selected.some((pod) => pod.declaredPorts.some((p) => p.name === target)))
              context.report({ path: file, range: port.range, messageId: 'targetName', data: { service: service.name, port: target } });
            continue;
          }
          const used = selected.map((pod) => pods.ports(pod));
          if (used.some((ports) => ports === undefined || ports.includes(target))) continue;
          context.report({
            path: file,
            range: port.range,
            messageId: 'targetPort',
            data: {
              service: service.name,
              port: target,
              containers: [...new Set(selected.map((p) => p.name))].slice(0, 4).join(', '),
              ports: portsText(used.flatMap((p) => p ?? [])),
            },
            related: selected
              .slice(0, 4)
              .flatMap((pod) => pod.listenSources.map((s) => ({ path: s.file, range: s.range, message: l('앱의 포트는 여기서 정해집니다', "The app's port is set here") }))),
          });
        }
      }
    }
    for (const deployment of view.deployments) {
      if (deployment.kind !== 'compose' || deployment.apps.length === 0) continue;
      const ports = listeningPorts(deployment);
      if (!ports) continue;
      for (const mapping of deployment.published) {
        if (mapping.target === undefined || ports.includes(mapping.target)) continue;
        context.report({
          path: deployment.file,
          range: mapping.range,
          messageId: 'composePort',
          data: { service: deployment.name, target: mapping.target, ports: portsText(deployment.listenPorts ?? ports) },
          related: deployment.listenSources.map((s) => ({ path: s.file, range: s.range, message: l('앱의 포트는 여기서 정해집니다', "The app's port is set here") })),
        });
      }
    }
  },
});

/**
 * The ports the container listens on, when the app's are all of them. A start command that runs
 * another program beside the app (`ollama serve & python main.py`, `nginx & gunicorn ...`) opens
 * that program's ports too, which the index does not know: nothing is certain then.
 */
function listeningPorts(deployment: Deployment): number[] | undefined {
  if (deployment.launches.some((at) => at.launch.shared)) return undefined;
  return knownPorts(deployment);
}

/**
 * The pods a Service selects, looked up where a Service's pods usually are: in its own file,
 * else in its folder, else anywhere in the project. Port lists are worked out once per pod.
 */
class Pods {
  private readonly byFile = new Map<string, Deployment[]>();
  private readonly byDir = new Map<string, Deployment[]>();
  private readonly portsOf = new Map<Deployment, number[] | undefined>();
  private readonly templateLabels = new Map<string, Readonly<Record<string, string>>>();

  constructor(private readonly all: readonly Deployment[]) {
    for (const pod of all) {
      this.byFile.set(pod.file, [...(this.byFile.get(pod.file) ?? []), pod]);
      const dir = pod.file.slice(0, pod.file.lastIndexOf('/') + 1);
      this.byDir.set(dir, [...(this.byDir.get(dir) ?? []), pod]);
    }
  }

  selectedBy(selector: Readonly<Record<string, string>>, file: string): Deployment[] {
    const entries = Object.entries(selector);
    if (entries.length === 0) return [];
    const matches = (pod: Deployment) => entries.every(([key, value]) => pod.labels[key] === value);
    const inFile = (this.byFile.get(file) ?? []).filter(matches);
    if (inFile.length) return inFile;
    const inDir = (this.byDir.get(file.slice(0, file.lastIndexOf('/') + 1)) ?? []).filter(matches);
    return inDir.length ? inDir : this.all.filter(matches);
  }

  /** Records the Helm-templated pod labels of the container named at `range` in `file`. */
  templated(file: string, range: Range, labels: Readonly<Record<string, string>>): void {
    this.templateLabels.set(`${file}:${range.start.line}:${range.start.column}`, labels);
  }

  /**
   * The pods a templated selector (`app: ⟨.Release.Name⟩`) selects: only in the Service's own chart
   * folder, where the same expression renders the same value.
   */
  selectedByTemplate(selector: Readonly<Record<string, string>>, file: string): Deployment[] {
    const entries = Object.entries(selector);
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    return (this.byDir.get(dir) ?? []).filter((pod) => {
      const labels = this.templateLabels.get(`${pod.file}:${pod.range.start.line}:${pod.range.start.column}`) ?? pod.labels;
      return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
    });
  }

  /** The ports a pod's container uses: the app's when known, else the declared containerPorts; undefined when unknown. */
  ports(pod: Deployment): number[] | undefined {
    if (!this.portsOf.has(pod)) {
      const known = pod.apps.length > 0 ? listeningPorts(pod) : undefined;
      const declared = pod.declaredPorts.flatMap((p) => (p.port !== undefined ? [p.port] : []));
      this.portsOf.set(pod, known ?? (declared.length ? declared : undefined));
    }
    return this.portsOf.get(pod);
  }
}
