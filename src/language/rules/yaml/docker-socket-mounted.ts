import { l, yamlRule } from '../../rule';
import { composeServices } from '../../yaml/compose';
import { podSpec } from '../../yaml/kubernetes';
import { at, items, scalar } from '../../yaml/model';

const SOCKET = /^(\/var)?\/run\/docker\.sock$/;
/** A host path taken from the environment: `${HOST_DOCKER}`, `${DOCKER_SOCK:-/var/run/docker.sock}`, `$SOCK`. */
const VARIABLE = /^\$(\{[^}]*\}|\w+)$/;

/** `source:target[:mode]` of a short-syntax volume; a `${VAR:-default}` source keeps its colon. */
function shortSyntax(value: string): { source?: string; target?: string } {
  const variable = /^\$\{[^}]*\}/.exec(value);
  const head = variable ? variable[0] : value.split(':')[0];
  const rest = value.slice(head.length).replace(/^:/, '');
  return { source: head, target: rest ? rest.split(':')[0] : undefined };
}

export default yamlRule({
  id: 'docker-socket-mounted',
  language: 'yaml',
  documentKinds: ['compose', 'kubernetes'],
  category: 'security',
  severity: 'error',
  anchors: ['compose-lint:CL-0001', 'KICS:docker_socket_mounted_in_container', 'CKV_K8S_27', 'CWE-250'],
  messages: {
    mounted: l('"{service}" 서비스가 Docker 소켓을 마운트합니다', 'Service "{service}" mounts the Docker socket'),
    hostPath: l('"{name}" 워크로드가 hostPath로 Docker 소켓을 마운트합니다', 'Workload "{name}" mounts the Docker socket through a hostPath'),
  },
  docs: {
    summary: l(
      '/var/run/docker.sock을 볼륨으로 마운트하는 compose 서비스(짧은 형식과 긴 형식, 호스트 경로를 변수로 받아 컨테이너의 /var/run/docker.sock에 마운트하는 경우 포함)와 hostPath로 마운트하는 Kubernetes 워크로드를 찾습니다.',
      'Flags compose services that mount /var/run/docker.sock (short and long syntax, a host path held in a variable and mounted at the container’s /var/run/docker.sock included) and Kubernetes workloads that mount it through a hostPath.',
    ),
    why: l(
      'Docker 소켓에 접근할 수 있으면 호스트의 root와 같습니다. 이 컨테이너가 뚫리면 공격자는 호스트 전체를 마운트한 새 컨테이너를 띄울 수 있습니다.',
      'Access to the Docker socket equals root on the host: whoever compromises this container can start a new container that mounts the whole host.',
    ),
    bad: 'services:\n  runner:\n    image: registry.example.com/runner:1.0.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
    good: 'services:\n  runner:\n    image: registry.example.com/runner:1.0.0\n    # TODO: 이 서비스가 정말 호스트의 Docker를 제어해야 하나요?\n    volumes:\n      - ./jobs:/jobs:ro\n',
  },
  weeks: ['beginner/3', 'advanced/4'],
  questions: [
    l(
      '이 컨테이너에서 실행되는 코드가 Docker 소켓으로 할 수 있는 일은 무엇일까요? 호스트 파일 시스템까지 생각해 보면요?',
      'What can code running in this container do through the Docker socket, thinking as far as the host filesystem?',
    ),
    l('이 서비스가 소켓으로 하려는 일을 더 좁은 권한으로 해결할 방법은 없을까요?', 'Could what this service does through the socket be done with narrower rights?'),
  ],
  scaffold: {
    ko: '# TODO: Docker 소켓 없이 같은 목적 달성하기\n# 고려사항:\n# - 이 서비스가 소켓으로 하는 일은 정확히 무엇인가요? (컨테이너 조회? 빌드? 실행?)\n# - 읽기 전용 프록시나 rootless 빌더로 대체할 수 있을까요?\n# - 꼭 필요하다면 이 서비스를 어떻게 격리할까요?\n# volumes:\n#   - # TODO\n',
    en: '# TODO: reach the same goal without the Docker socket\n# Consider:\n# - what exactly does this service do through the socket (list, build, run)?\n# - could a read-only proxy or a rootless builder replace it?\n# - if it is truly needed, how do you isolate this service?\n# volumes:\n#   - # TODO\n',
  },
  check(context, document) {
    if (document.kind === 'kubernetes') {
      const name = scalar(at(document.root, 'metadata.name')) ?? '?';
      for (const volume of items(at(podSpec(document), 'volumes'))) {
        const path = at(volume, 'hostPath.path');
        if (path && SOCKET.test((scalar(path) ?? '').trim())) context.report({ range: path.range, messageId: 'hostPath', data: { name } });
      }
      return;
    }
    for (const service of composeServices(document)) {
      for (const volume of items(at(service.spec, 'volumes'))) {
        const { source, target } = volume.kind === 'scalar' ? shortSyntax(volume.value) : { source: scalar(at(volume, 'source')), target: scalar(at(volume, 'target')) };
        // The host path may come from the environment (`${DOCKER_SOCK}:/var/run/docker.sock`): mounted
        // where the Docker client looks for it, it is the socket all the same.
        const socket = (source && SOCKET.test(source.trim())) || (source && VARIABLE.test(source.trim()) && target && SOCKET.test(target.trim()));
        if (socket) context.report({ range: volume.range, messageId: 'mounted', data: { service: service.name } });
      }
    }
  },
});
