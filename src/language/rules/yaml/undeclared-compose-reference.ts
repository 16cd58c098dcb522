import { l, yamlRule } from '../../rule';
import type { Range } from '../../types';
import { composeServices, isOverrideLayer } from '../../yaml/compose';
import { at, entries, items, scalar, type YNode } from '../../yaml/model';

/** A volume source that is a name, not a host path (`./data`, `/srv`, `~/x`) nor a variable. */
const VOLUME_NAME = /^[A-Za-z0-9][\w.-]*$/;

/** The names a top-level section declares (`volumes:`, `networks:`). */
function declared(root: YNode | undefined, section: string): Set<string> {
  return new Set(entries(at(root, section)).map((e) => e.key));
}

export default yamlRule({
  id: 'undeclared-compose-reference',
  language: 'yaml',
  documentKinds: ['compose'],
  category: 'reliability',
  severity: 'error',
  anchors: ['compose-spec:undefined-volume-network'],
  messages: {
    volume: l(
      '서비스 "{service}"가 named volume "{name}"을 쓰지만 최상위 volumes:에 선언되지 않았습니다: docker compose는 이 파일을 거부합니다',
      'Service "{service}" uses the named volume "{name}", which the top-level volumes: does not declare: docker compose refuses the file',
    ),
    network: l(
      '서비스 "{service}"가 네트워크 "{name}"에 붙지만 최상위 networks:에 선언되지 않았습니다: docker compose는 이 파일을 거부합니다',
      'Service "{service}" joins the network "{name}", which the top-level networks: does not declare: docker compose refuses the file',
    ),
  },
  docs: {
    summary: l(
      'compose 서비스가 최상위 volumes:/networks:에 선언되지 않은 named volume이나 네트워크를 쓰는 경우를 찾습니다. 호스트 경로(./data, /srv), 변수, default 네트워크, 다른 파일에 얹는 override 파일은 제외합니다.',
      'Flags compose services that use a named volume or a network that the top-level volumes: or networks: does not declare. Host paths (./data, /srv), variables, the default network and override files layered on another file are skipped.',
    ),
    why: l(
      'compose는 선언되지 않은 volume이나 network를 만나면 "refers to undefined volume/network" 오류로 어떤 컨테이너도 시작하지 않습니다. 서비스 이름이나 오타 하나로 스택 전체가 뜨지 않고, 다른 파일에서 복사해 온 설정에서 자주 생깁니다.',
      'Compose stops with "refers to undefined volume/network" and starts no container at all. One typo or a block copied from another file keeps the whole stack down.',
    ),
    bad: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n    networks:\n      - backend\n',
    good: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n    networks:\n      - backend\n\n# TODO: 서비스가 쓰는 이름을 모두 여기에 선언하세요\nvolumes:\n  pgdata:\nnetworks:\n  backend:\n',
  },
  weeks: ['beginner/3'],
  questions: [
    l('docker compose config를 실행하면 "{name}"에 대해 뭐라고 할까요?', 'What does docker compose config say about "{name}"?'),
    l(
      '"{name}"은 다른 서비스가 쓰는 이름의 오타인가요, 아니면 선언을 빠뜨린 새 이름인가요?',
      'Is "{name}" a typo of a name another service uses, or a new name whose declaration is missing?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 최상위에 선언하기\n# 고려사항:\n# - 서비스들이 쓰는 volume/network 이름은 모두 선언되어 있나요?\n# - 같은 것을 가리키려던 이름의 철자가 서비스마다 같나요?\n# volumes:\n#   # TODO\n# networks:\n#   # TODO\n',
    en: '# TODO: declare them at the top level\n# Consider:\n# - is every volume and network name the services use declared?\n# - is a name meant to be shared spelled the same in every service?\n# volumes:\n#   # TODO\n# networks:\n#   # TODO\n',
  },
  check(context, document) {
    if (isOverrideLayer(document) || /override/i.test(context.path) || at(document.root, 'include')) return;
    const volumes = declared(document.root, 'volumes');
    const networks = declared(document.root, 'networks');
    const report = (range: Range, messageId: 'volume' | 'network', service: string, name: string) => context.report({ range, messageId, data: { service, name } });
    for (const service of composeServices(document)) {
      if (at(service.spec, 'extends')) continue;
      for (const item of items(at(service.spec, 'volumes'))) {
        const short = scalar(item);
        if (short !== undefined && /^[A-Za-z]:[\\/]/.test(short)) continue; // a Windows host path (C:\data:/data)
        const source =
          short !== undefined
            ? short.includes(':')
              ? short.slice(0, short.indexOf(':'))
              : undefined
            : scalar(at(item, 'type')) === 'volume'
              ? scalar(at(item, 'source'))
              : undefined;
        if (source && VOLUME_NAME.test(source) && !volumes.has(source)) report(item.range, 'volume', service.name, source);
      }
      const joined = at(service.spec, 'networks');
      const names =
        joined?.kind === 'map' ? entries(joined).map((e) => ({ name: e.key, range: e.keyRange })) : items(joined).map((n) => ({ name: scalar(n) ?? '', range: n.range }));
      for (const { name, range } of names) if (name && name !== 'default' && VOLUME_NAME.test(name) && !networks.has(name)) report(range, 'network', service.name, name);
    }
  },
});
