import { l, yamlRule } from '../../rule';
import type { Range } from '../../types';
import { composeServices, isOverrideLayer } from '../../yaml/compose';
import { at, items, scalar, type YNode } from '../../yaml/model';

/** One host port a service publishes: on which interface, which port, which protocol. */
interface Published {
  readonly service: string;
  /** The host address it binds, or '' for every interface. */
  readonly ip: string;
  readonly port: string;
  readonly protocol: string;
  readonly range: Range;
}

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::', '[::]']);

/**
 * The host side of a `ports:` entry, short (`"8000:8000"`, `127.0.0.1:5432:5432`, `9000:9000/udp`)
 * or long (`published: 8000`). A container port alone, a port range and a variable (`${PORT}:8000`)
 * say nothing certain about the host port and give nothing.
 */
function published(service: string, item: YNode): Published | undefined {
  const short = scalar(item);
  if (short !== undefined) {
    if (/[$]/.test(short)) return undefined;
    const [mapping, protocol = 'tcp'] = short.trim().split('/');
    const parts = mapping.split(':');
    if (parts.length < 2) return undefined;
    const port = parts[parts.length - 2];
    const ip = parts.slice(0, -2).join(':');
    if (!/^\d+$/.test(port)) return undefined;
    return { service, ip, port, protocol: protocol.toLowerCase(), range: item.range };
  }
  if (item.kind !== 'map') return undefined;
  const port = scalar(at(item, 'published'))?.trim();
  if (!port || !/^\d+$/.test(port)) return undefined;
  return { service, ip: scalar(at(item, 'host_ip'))?.trim() ?? '', port, protocol: (scalar(at(item, 'protocol')) ?? 'tcp').toLowerCase(), range: item.range };
}

/** Two bindings that the host cannot both hold: same port and protocol, on the same address or on every interface. */
function clash(a: Published, b: Published): boolean {
  return a.port === b.port && a.protocol === b.protocol && (a.ip === b.ip || ALL_INTERFACES.has(a.ip) || ALL_INTERFACES.has(b.ip));
}

export default yamlRule({
  id: 'compose-host-port-conflict',
  language: 'yaml',
  documentKinds: ['compose'],
  category: 'reliability',
  severity: 'error',
  anchors: ['gap:compose-port-conflict'],
  messages: {
    conflict: l(
      '서비스 "{first}"와 "{service}"가 둘 다 호스트 포트 {port}를 공개합니다: 두 번째 컨테이너는 "port is already allocated"로 시작하지 못합니다',
      'Services "{first}" and "{service}" both publish host port {port}: the second container fails to start ("port is already allocated")',
    ),
  },
  docs: {
    summary: l(
      '같은 compose 파일의 두 서비스가 같은 호스트 포트(같은 프로토콜, 같은 주소 또는 모든 인터페이스)를 공개하는 경우를 찾습니다. 변수로 된 포트(${PORT}:8000), 포트 범위, 컨테이너 포트만 적은 항목, profiles로 따로 켜는 서비스, 다른 파일에 얹는 override 파일은 제외합니다.',
      'Flags two services of one compose file that publish the same host port (same protocol, on the same address or on every interface). Ports written as variables (${PORT}:8000), port ranges, entries that name only the container port, services behind profiles and override files layered on another file are skipped.',
    ),
    why: l(
      '호스트의 한 포트는 컨테이너 하나만 받을 수 있습니다. docker compose up은 먼저 뜬 서비스에 포트를 주고, 다른 서비스는 "port is already allocated"로 실패합니다. 어느 쪽이 먼저 뜨는지는 실행마다 달라질 수 있어, 같은 파일로도 어떤 날은 API가, 어떤 날은 다른 서비스가 빠집니다.',
      'A host port can go to one container only. docker compose up gives it to whichever service starts first and fails the other with "port is already allocated"; which one wins can change from run to run, so the same file leaves the API down one day and another service the next.',
    ),
    bad: 'services:\n  api:\n    build: .\n    ports:\n      - "8000:8000"\n  worker:\n    build: .\n    ports:\n      - "8000:8000"\n',
    good: 'services:\n  api:\n    build: .\n    ports:\n      - "8000:8000"\n  worker:\n    build: .\n    # TODO: 이 서비스에 호스트에서 접근해야 하나요? 그렇다면 어느 포트로?\n    ports:\n      - "8001:8000"\n',
  },
  weeks: ['beginner/3'],
  questions: [
    l(
      '"{first}"와 "{service}"가 동시에 떠 있어야 하나요, 아니면 둘 중 하나는 같은 앱의 복사본인가요?',
      'Do "{first}" and "{service}" both need to run, or is one of them a copy of the same app?',
    ),
    l(
      '"{service}"에 호스트에서 직접 접근할 일이 있나요? 다른 컨테이너만 부른다면 ports가 필요할까요?',
      'Does anyone reach "{service}" from the host? If only other containers call it, does it need ports at all?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 호스트 포트가 겹치지 않게 하기\n# 고려사항:\n# - 두 서비스 중 하나가 실수로 복사된 것은 아닌가요?\n# - 호스트에서 접근할 필요가 없다면 ports 대신 같은 네트워크의 서비스 이름으로 부르기\n# - 필요하다면 서로 다른 호스트 포트로 (예: "8001:8000")\n# ports:\n#   - # TODO\n',
    en: '# TODO: keep the host ports apart\n# Consider:\n# - is one of the two services an accidental copy?\n# - if the host never calls it, reach it by service name on the shared network instead of ports\n# - if it must be published, give it another host port (e.g. "8001:8000")\n# ports:\n#   - # TODO\n',
  },
  check(context, document) {
    if (isOverrideLayer(document) || /override/i.test(context.path) || at(document.root, 'include')) return;
    const seen: Published[] = [];
    const said = new Set<string>();
    for (const service of composeServices(document)) {
      // A service behind a profile runs only when asked for, often instead of another one; an extended service's ports come from elsewhere.
      if (at(service.spec, 'profiles') || at(service.spec, 'extends')) continue;
      for (const item of items(at(service.spec, 'ports'))) {
        const binding = published(service.name, item);
        if (!binding) continue;
        const first = seen.find((other) => other.service !== binding.service && clash(other, binding));
        // One finding per pair of services and port, however many entries repeat it.
        const key = first && `${first.service}\n${binding.service}\n${binding.port}/${binding.protocol}`;
        if (first && key && !said.has(key)) {
          said.add(key);
          context.report({ range: binding.range, messageId: 'conflict', data: { first: first.service, service: binding.service, port: binding.port } });
        }
        seen.push(binding);
      }
    }
  },
});
