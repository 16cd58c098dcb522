import { l, yamlRule } from '../../rule';
import { composeServices } from '../../yaml/compose';
import { allContainers } from '../../yaml/kubernetes';
import { at, entry, intact, isTrue, items, scalar, type YNode } from '../../yaml/model';

/**
 * Capabilities that give a container a way out (kernel modules, mounts, ptrace of other
 * processes, the host network stack, raw disk or file access); `ALL` includes them.
 * Docker's default set (CHOWN, NET_BIND_SERVICE ...) and tuning ones (SYS_NICE, IPC_LOCK) are not here.
 */
const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_BOOT', 'NET_ADMIN', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'SYS_TIME', 'MAC_ADMIN']);

function capabilityName(node: YNode): string {
  return (scalar(node) ?? '').trim().toUpperCase().replace(/^CAP_/, '');
}

export default yamlRule({
  id: 'elevated-container-privileges',
  language: 'yaml',
  documentKinds: ['compose', 'kubernetes'],
  category: 'security',
  severity: 'warning',
  anchors: ['KICS:privileged_containers_enabled', 'KICS:container_capabilities_unrestricted', 'CKV_K8S_39', 'kube-linter:privileged-container'],
  messages: {
    privileged: l(
      '"{name}" 서비스가 privileged 모드로 실행되어 호스트의 모든 장치와 커널 기능에 접근합니다',
      'Service "{name}" runs privileged: it gets every host device and kernel capability',
    ),
    capability: l(
      '"{name}"에 {capabilities} capability가 추가되어 컨테이너 밖으로 나갈 길이 생깁니다',
      '"{name}" is given {capabilities}, capabilities that open a way out of the container',
    ),
  },
  docs: {
    summary: l(
      'compose 서비스의 privileged: true, 그리고 compose cap_add나 Kubernetes securityContext.capabilities.add에 추가된 위험한 capability(ALL, SYS_ADMIN, SYS_PTRACE, NET_ADMIN, SYS_MODULE 등)를 찾습니다. Kubernetes의 privileged는 missing-security-context가 다룹니다.',
      "Flags compose services with privileged: true, and dangerous capabilities (ALL, SYS_ADMIN, SYS_PTRACE, NET_ADMIN, SYS_MODULE ...) added through compose cap_add or a Kubernetes securityContext.capabilities.add. Kubernetes privileged mode is missing-security-context's.",
    ),
    why: l(
      '데이터베이스나 모델 서버는 네트워크 설정 변경, 다른 프로세스 추적, 커널 모듈 적재가 필요 없습니다. 이런 권한이 붙은 컨테이너가 뚫리면 공격자는 같은 호스트의 다른 컨테이너와 호스트 자체를 노릴 수 있습니다. 튜토리얼에서 복사한 cap_add 목록이 흔한 원인입니다.',
      'A database or a model server never needs to reconfigure the network, trace other processes or load kernel modules. When a container holding those powers is compromised, the attacker can reach the other containers on the host and the host itself. A cap_add list copied from a tutorial is the usual cause.',
    ),
    bad: 'services:\n  postgres:\n    image: postgres:16.3\n    cap_add:\n      - SYS_PTRACE\n      - NET_ADMIN\n',
    good: 'services:\n  postgres:\n    image: postgres:16.3\n    # TODO: 이 서비스가 기본 권한으로 할 수 없는 일이 정말 있나요?\n    cap_drop:\n      - ALL\n    # cap_add: # TODO: 꼭 필요한 것만, 이유와 함께\n',
  },
  weeks: ['beginner/3', 'advanced/4'],
  questions: [
    l(
      '"{name}"이(가) {capabilities} 권한으로 실제로 하는 일은 무엇인가요? 그 권한 없이 실행하면 무엇이 실패하나요?',
      'What does "{name}" actually do with {capabilities}, and what fails if it runs without them?',
    ),
    l(
      '"{name}"이(가) 뚫렸을 때, 이 권한으로 같은 호스트의 다른 컨테이너에 무엇을 할 수 있을까요?',
      'If "{name}" were compromised, what could those powers do to the other containers on the same host?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 최소 권한으로 줄이기\n# 고려사항:\n# - 모든 capability를 버리고(cap_drop: [ALL]) 실패하는 기능이 있는지 확인하기\n# - 꼭 필요한 capability만 이유를 적어 추가하기\n# cap_drop:\n#   - ALL\n# cap_add: # TODO\n',
    en: '# TODO: reduce to least privilege\n# Consider:\n# - drop every capability (cap_drop: [ALL]) and see what, if anything, fails\n# - add back only what is needed, with the reason next to it\n# cap_drop:\n#   - ALL\n# cap_add: # TODO\n',
  },
  check(context, document) {
    const report = (name: string, added: readonly YNode[]) => {
      const dangerous = added.filter((node) => DANGEROUS.has(capabilityName(node)));
      const first = dangerous[0];
      if (first) context.report({ range: first.range, messageId: 'capability', data: { name, capabilities: dangerous.map(capabilityName).join(', ') } });
    };
    if (document.kind === 'compose') {
      for (const service of composeServices(document)) {
        const privileged = entry(service.spec, 'privileged');
        if (privileged?.value && isTrue(privileged.value)) {
          context.report({ range: privileged.keyRange, messageId: 'privileged', data: { name: service.name, capabilities: 'privileged' } });
          continue;
        }
        report(service.name, items(at(service.spec, 'cap_add')));
      }
      return;
    }
    for (const container of allContainers(document)) {
      if (!intact(document, container.spec)) continue;
      report(container.name, items(at(container.spec, 'securityContext.capabilities.add')));
    }
  },
});
