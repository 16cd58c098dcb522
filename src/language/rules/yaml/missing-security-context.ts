import { NON_ROOT_BASE } from '../../project/dockerfile';
import { withdrawInKustomizePatches } from '../../project/kustomize';
import { l, yamlRule } from '../../rule';
import { isTemplatePlaceholder } from '../../yaml/helm';
import { allContainers, throwawayPod } from '../../yaml/kubernetes';
import { at, entry, intact, isTrue, scalar, type YNode } from '../../yaml/model';

function runsAsNonRoot(context: YNode | undefined): boolean | undefined {
  if (isTrue(at(context, 'runAsNonRoot'))) return true;
  const user = scalar(at(context, 'runAsUser'));
  if (user !== undefined) return Number(user) > 0;
  return scalar(at(context, 'runAsNonRoot')) === undefined ? undefined : false;
}

/** A value written by a template action: a placeholder scalar, or a map holding a placeholder key (`{{ toYaml ... }}` on its own line). */
function templated(value: YNode | undefined): boolean {
  if (value?.kind === 'scalar') return isTemplatePlaceholder(value.value);
  return value?.kind === 'map' && value.entries.some((e) => isTemplatePlaceholder(e.key));
}

export default yamlRule({
  id: 'missing-security-context',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'security',
  severity: 'warning',
  anchors: [
    'kube-linter:run-as-non-root',
    'kube-linter:privilege-escalation-container',
    'CKV_K8S_20',
    'CKV_K8S_23',
    'polaris:runAsRootAllowed',
    'polaris:privilegeEscalationAllowed',
  ],
  messages: {
    missing: l('컨테이너 "{container}"에 securityContext가 없어 root로 실행될 수 있습니다', 'Container "{container}" has no securityContext and may run as root'),
    root: l(
      '"{container}" 컨테이너가 root가 아닌 사용자로 실행된다는 보장(runAsNonRoot/runAsUser)이 없습니다',
      'Container "{container}" is not guaranteed to run as non-root (runAsNonRoot/runAsUser)',
    ),
    escalation: l('컨테이너 "{container}"에 allowPrivilegeEscalation: false가 없습니다', 'Container "{container}" does not set allowPrivilegeEscalation: false'),
    privileged: l('"{container}" 컨테이너가 privileged 모드로 실행됩니다', 'Container "{container}" runs privileged'),
  },
  docs: {
    summary: l(
      'root 실행, 권한 상승 허용, privileged 모드를 막지 않는 컨테이너를 찾습니다 (Pod 수준 설정도 인정; 앱 컨테이너도 설정이 없는 Pod의 init 컨테이너는 한 번만 말하도록 앱 컨테이너에서 알립니다). 잠만 자는 도우미 Pod(kubectl cp용 sleep 3600)와 helm test가 한 번 띄우는 Helm 테스트 훅("helm.sh/hook": test)은 제외합니다.',
      'Flags containers that do not rule out running as root, privilege escalation or privileged mode (pod-level settings count; an init container in a pod whose app container sets nothing either is left to that one finding). A helper Pod that only sleeps (a sleep 3600 started for kubectl cp) and a Helm test hook ("helm.sh/hook": test, started once by helm test) are skipped.',
    ),
    why: l(
      '모델 서버는 외부 입력(때로는 pickle 같은 직렬화된 모델)을 다룹니다. 한 번 코드 실행이 뚫리면 root 컨테이너는 노드와 클러스터로 번지는 발판이 됩니다.',
      'A model server handles outside input (sometimes serialized models such as pickles). Once code execution is gained, a root container is a foothold into the node and the cluster.',
    ),
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: model\nspec:\n  containers:\n    - name: api\n      image: registry.example.com/model-api:1.4.2\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: model\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: api\n      image: registry.example.com/model-api:1.4.2\n      # TODO: 이미지의 USER와 파일 권한이 이 설정과 맞나요?\n      securityContext:\n        allowPrivilegeEscalation: false\n',
  },
  weeks: ['advanced/1'],
  questions: [
    l(
      '누군가 {container} 컨테이너 안에서 코드를 실행할 수 있게 된다면, 그 프로세스는 어떤 권한을 갖고 있을까요?',
      'If someone manages to run code inside the {container} container, which privileges does that process have?',
    ),
    l(
      '컨테이너 이미지는 어떤 사용자로 실행되도록 만들어졌나요? 이 프로세스가 쓰는 파일과 캐시 디렉터리의 권한은 그 사용자와 맞나요?',
      'Which user is the image built to run as, and do the files and cache directories this process writes fit that user?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 최소 권한으로 실행하기\n# 고려사항:\n# - 이 프로세스에 root가 꼭 필요한 이유가 있나요?\n# - 쓰기가 필요한 경로(모델 캐시, /tmp)는 어디인가요? readOnlyRootFilesystem은 가능할까요?\n# - 어떤 capability가 정말 필요한가요?\n# securityContext:\n#   runAsNonRoot: # TODO\n#   allowPrivilegeEscalation: # TODO\n#   capabilities:\n#     drop: # TODO\n',
    en: '# TODO: run with least privilege\n# Consider:\n# - does this process truly need root?\n# - which paths need writes (model cache, /tmp)? is readOnlyRootFilesystem possible?\n# - which capabilities are really needed?\n# securityContext:\n#   runAsNonRoot: # TODO\n#   allowPrivilegeEscalation: # TODO\n#   capabilities:\n#     drop: # TODO\n',
  },
  // A Kustomize patch keeps what it does not set from the base.
  project: withdrawInKustomizePatches,
  check(context, document) {
    // A Pod that only sleeps (a `kubectl cp` helper) runs nothing to size or harden; nor does the
    // Pod or Job a Helm test hook starts once to call the release.
    if (throwawayPod(document)) return;
    const containers = allContainers(document);
    for (const container of containers) {
      if (!intact(document, container.spec)) continue;
      const podContext = at(container.podSpec, 'securityContext');
      const own = entry(container.spec, 'securityContext');
      const data = { container: container.name };
      const nonRootImage = NON_ROOT_BASE.test(scalar(at(container.spec, 'image')) ?? '');
      // `securityContext: {{- toYaml .Values.securityContext }}`: only the chart's values know what it sets.
      if ([podContext, own?.value].some(templated)) continue;
      if (!podContext && !own?.value) {
        // An init container (fetching the model, waiting for the database) in a pod whose app container
        // sets nothing either: the pod gets the lesson once, on the container that keeps running.
        const appUnset = (c: (typeof containers)[number]) => !c.init && c.podSpec === container.podSpec && !entry(c.spec, 'securityContext')?.value;
        if (container.init && containers.some(appUnset)) continue;
        // Grafana (472), Prometheus and its exporters (nobody), Airflow, Bitnami images: the image
        // switches to its own user, so a pod that sets nothing does not run it as root.
        if (nonRootImage) continue;
        context.report({ range: container.nameRange, messageId: 'missing', data });
        continue;
      }
      const where = own?.keyRange ?? container.nameRange;
      const nonRoot = runsAsNonRoot(own?.value) ?? runsAsNonRoot(podContext);
      if (nonRoot === false || (nonRoot === undefined && !nonRootImage)) context.report({ range: where, messageId: 'root', data });
      const privileged = entry(own?.value, 'privileged');
      if (privileged?.value && isTrue(privileged.value)) context.report({ range: privileged.value.range, messageId: 'privileged', data });
      else if (scalar(at(own?.value, 'allowPrivilegeEscalation')) !== 'false') context.report({ range: where, messageId: 'escalation', data });
    }
  },
});
