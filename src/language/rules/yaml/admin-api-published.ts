import { l, yamlRule } from '../../rule';
import type { Range } from '../../types';
import { commandText, composeEnvironment, composeServices, DEV_COMPOSE_FILE, isDevContainerFile, publishedOnAllInterfaces } from '../../yaml/compose';
import { imageName } from '../../yaml/images';
import { at, items, scalar, type YNode } from '../../yaml/model';

/** Prometheus flags that open endpoints which change the server: shut down and reload, delete series and snapshot. */
const ADMIN_FLAG = /--web\.enable-(lifecycle|admin-api)\b/;
/** Chroma's switch that lets any client wipe every collection through `POST /api/v1/reset`. */
const RESET_SWITCH = /^(ALLOW_RESET|CHROMA_ALLOW_RESET)$/i;

/**
 * Servers with no authentication of their own whose API changes or reveals what they hold: Ollama
 * (pull, delete, generate) and Celery Flower (task arguments and results; revoke and shut down
 * workers) unless `--basic_auth` or FLOWER_BASIC_AUTH is set. An MLflow UI published for the
 * person running a local stack is not asked about: reviewers split on it.
 */
function openServer(service: { name: string; spec: YNode }): string | undefined {
  const image = imageName(scalar(at(service.spec, 'image')) ?? '');
  const command = ['command', 'entrypoint']
    .map((key) => {
      const node = at(service.spec, key);
      return node?.kind === 'seq' ? node.items.map((item) => scalar(item) ?? '').join(' ') : (scalar(node) ?? '');
    })
    .join(' ');
  const env = service.spec.kind === 'map' ? composeEnvironment(service.spec).map((v) => v.name) : [];
  if (image === 'ollama') return 'Ollama';
  if (image === 'flower' || /(^|[\s/-])flower\b/.test(command)) return /--basic[_-]auth/.test(command) || env.includes('FLOWER_BASIC_AUTH') ? undefined : 'Celery Flower';
  return undefined;
}

/** TorchServe: by its image, its command, or a service or Dockerfile named after it (`torch_serving`, `Dockerfile.torchserve`). */
const TORCHSERVE = /torch[-_]?serv(e|ing)\b/i;

/**
 * The port mapping that publishes TorchServe's management API (container port 8081: register and
 * unregister models, scale workers) on every interface. Its inference port is meant to be reached.
 */
function torchServeManagement(service: { name: string; spec: YNode }): YNode | undefined {
  if (service.spec.kind !== 'map') return undefined;
  const image = scalar(at(service.spec, 'image')) ?? '';
  const build = at(service.spec, 'build');
  const dockerfile = build?.kind === 'map' ? (scalar(at(build, 'dockerfile')) ?? '') : '';
  if (![image, commandText(service.spec), service.name, dockerfile].some((text) => TORCHSERVE.test(text))) return undefined;
  return items(at(service.spec, 'ports')).find((port) => containerPort(port) === '8081' && publishedOnAllInterfaces(port));
}

/** The container side of a compose port: the last part of `host:container/proto`, or the long form's target. */
function containerPort(port: YNode): string | undefined {
  const text = port.kind === 'scalar' ? port.value.trim().replace(/^["']|["']$/g, '') : scalar(at(port, 'target'));
  return text?.split('/')[0].split(':').pop()?.trim();
}

/** The node that enables the admin API: the command item holding the flag, or the reset variable. */
function adminSwitch(spec: YNode): { node: { readonly range: Range }; what: string } | undefined {
  for (const key of ['command', 'entrypoint']) {
    const node = at(spec, key);
    const hit = node?.kind === 'seq' ? node.items.find((item) => ADMIN_FLAG.test(scalar(item) ?? '')) : ADMIN_FLAG.test(scalar(node) ?? '') ? node : undefined;
    if (hit) return { node: hit, what: ADMIN_FLAG.exec(scalar(hit) ?? '')![0] };
  }
  if (spec.kind !== 'map') return undefined;
  const reset = composeEnvironment(spec).find((v) => RESET_SWITCH.test(v.name) && /^\s*["']?(true|1|yes)["']?\s*$/i.test(v.value));
  return reset ? { node: reset, what: `${reset.name}=${reset.value.trim()}` } : undefined;
}

export default yamlRule({
  id: 'admin-api-published',
  language: 'yaml',
  documentKinds: ['compose'],
  category: 'security',
  severity: 'warning',
  anchors: ['prometheus:--web.enable-lifecycle', 'prometheus:--web.enable-admin-api', 'dclint:no-unbound-port-interfaces', 'CWE-306'],
  messages: {
    published: l(
      '"{service}" 서비스가 관리 API({switch})를 켠 채 포트 {port}를 모든 네트워크 인터페이스에 공개합니다',
      'Service "{service}" enables its admin API ({switch}) and publishes port {port} on every network interface',
    ),
    torchServe: l(
      '"{service}" 서비스가 TorchServe 관리 API(모델 등록·삭제·워커 수 조정)를 포트 {port}로 모든 네트워크 인터페이스에 공개합니다 — 토큰 인증이 꺼져 있으면(--disable-token-auth, 또는 0.11 이전의 TorchServe) 호스트에 닿는 누구나 서빙하는 모델을 바꿀 수 있습니다',
      'Service "{service}" publishes the TorchServe management API (register, unregister and scale models) on port {port} on every network interface — with token authorization off (--disable-token-auth, or a TorchServe before 0.11) anyone who reaches the host can change what is served',
    ),
    openServer: l(
      '"{service}" 서비스({what})는 인증이 없는데 포트 {port}를 모든 네트워크 인터페이스에 공개합니다. 호스트에 닿는 누구나 그 API 전체를 쓸 수 있습니다',
      'Service "{service}" ({what}) has no authentication and publishes port {port} on every network interface: anyone who reaches the host can use its whole API',
    ),
  },
  docs: {
    summary: l(
      'Prometheus의 --web.enable-lifecycle/--web.enable-admin-api나 Chroma의 ALLOW_RESET=TRUE처럼 서버를 끄거나 데이터를 지우는 관리 API를 켠 compose 서비스가 127.0.0.1 없이 포트를 공개하는 경우를 찾습니다 (*.dev.yml, override 파일은 제외). 서비스마다 한 번 보고합니다. 인증이 없는 Ollama API와 Celery Flower(--basic_auth, FLOWER_BASIC_AUTH 없음), 모델을 등록·삭제하는 TorchServe 관리 API(컨테이너 포트 8081)가 모든 인터페이스에 포트를 공개하는 경우도 찾습니다.',
      'Flags compose services that switch on an admin API able to stop the server or delete its data (Prometheus --web.enable-lifecycle / --web.enable-admin-api, Chroma ALLOW_RESET=TRUE) while publishing a port on every interface instead of 127.0.0.1 (*.dev.yml and override files are skipped). Reported once per service. The Ollama API and Celery Flower (without --basic_auth or FLOWER_BASIC_AUTH), which have no authentication at all, and the TorchServe management API (container port 8081, which registers and unregisters models), are flagged when published on every interface too.',
    ),
    why: l(
      '이 API에는 인증이 없습니다. 포트에 닿는 누구나 POST /-/quit 한 번으로 모니터링을 끄거나, 관리 API로 시계열을 지우거나, POST /api/v1/reset으로 벡터 DB의 모든 컬렉션을 지울 수 있습니다. 알림이 조용해진 이유를 아무도 모르게 됩니다.',
      'These APIs have no authentication: anyone who reaches the port can stop monitoring with one POST /-/quit, delete series through the admin API, or wipe every collection of the vector store with POST /api/v1/reset, and nobody knows why the alerts went quiet.',
    ),
    bad: "services:\n  prometheus:\n    image: prom/prometheus:v2.53.0\n    command:\n      - '--config.file=/etc/prometheus/prometheus.yml'\n      - '--web.enable-lifecycle'\n    ports:\n      - \"9090:9090\"\n",
    good: "services:\n  prometheus:\n    image: prom/prometheus:v2.53.0\n    command:\n      - '--config.file=/etc/prometheus/prometheus.yml'\n      - '--web.enable-lifecycle'\n    # TODO: 설정 리로드는 누가, 어디서 하나요? 호스트 밖에서 이 포트가 필요한가요?\n    ports:\n      - \"127.0.0.1:9090:9090\"\n",
  },
  weeks: ['beginner/6', 'intermediate/1'],
  questions: [
    l(
      '{service}의 {port} 포트에 닿는 사람이 {switch}로 할 수 있는 일은 무엇인가요? 그 사람을 어떻게 확인하나요?',
      'What can someone who reaches port {port} of {service} do with {switch}, and how would you know who they are?',
    ),
    l(
      '이 관리 기능을 실제로 쓰는 사람이나 프로그램은 누구인가요? 그들만 닿게 하려면 포트를 어디에 묶어야 할까요?',
      'Who or what actually uses this admin function, and where should the port be bound so that only they can reach it?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 관리 API 노출 범위 정하기\n# 고려사항:\n# - 리로드/리셋이 꼭 필요한가요? 필요 없다면 스위치를 끄세요\n# - 필요하다면 호스트의 어느 인터페이스에만 묶어야 할까요?\n# - 밖에서 보아야 한다면 인증 프록시를 앞에 둘 수 있나요?\n# ports:\n#   - # TODO\n',
    en: '# TODO: decide how far the admin API is exposed\n# Consider:\n# - is reload/reset needed at all? if not, drop the switch\n# - if it is, which host interface should the port bind to?\n# - if people outside must see the UI, can an authenticating proxy stand in front?\n# ports:\n#   - # TODO\n',
  },
  check(context, document) {
    if (DEV_COMPOSE_FILE.test(context.path) || isDevContainerFile(context.path)) return;
    for (const service of composeServices(document)) {
      const management = torchServeManagement(service);
      if (management) {
        const label = management.kind === 'scalar' ? management.value : '8081';
        context.report({ range: management.range, messageId: 'torchServe', data: { service: service.name, port: label } });
        continue;
      }
      const found = adminSwitch(service.spec);
      const open = found ? undefined : openServer(service);
      if (!found && !open) continue;
      const port = items(at(service.spec, 'ports')).find(publishedOnAllInterfaces);
      if (!port) continue;
      const label = port.kind === 'scalar' ? port.value : (scalar(at(port, 'published')) ?? scalar(at(port, 'target')) ?? '?');
      if (found) context.report({ range: found.node.range, messageId: 'published', data: { service: service.name, switch: found.what, port: label } });
      else context.report({ range: port.range, messageId: 'openServer', data: { service: service.name, what: open!, port: label } });
    }
  },
});
