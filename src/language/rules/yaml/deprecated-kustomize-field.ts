import { l, yamlRule } from '../../rule';
import { entry, has, scalar } from '../../yaml/model';

/** Fields Kustomize v5 deprecates, with what replaces each (`kustomize edit fix` rewrites them). */
const DEPRECATED: Readonly<Record<string, string>> = {
  bases: 'resources',
  patchesStrategicMerge: 'patches',
  patchesJson6902: 'patches',
};
/** Keys only a kustomization has: a file without `kind` is still recognised by them. */
const KUSTOMIZE_KEYS = ['resources', 'images', 'namePrefix', 'nameSuffix', 'configMapGenerator', 'secretGenerator', 'patches', 'components', 'replicas'];

export default yamlRule({
  id: 'deprecated-kustomize-field',
  language: 'yaml',
  documentKinds: ['kubernetes', 'other'],
  category: 'delivery',
  severity: 'warning',
  anchors: ['kustomize:edit-fix'],
  messages: {
    deprecated: l(
      'Kustomize 필드 "{field}"는 사용 중단되었습니다(v5는 경고하고 이후 제거 예정); {replacement} 아래로 옮기세요',
      'The Kustomize field "{field}" is deprecated (v5 warns and will drop it); move its entries under {replacement}',
    ),
  },
  docs: {
    summary: l(
      'kustomization의 bases, patchesStrategicMerge, patchesJson6902처럼 Kustomize v5에서 사용 중단된 필드를 찾습니다.',
      'Flags kustomization fields that Kustomize v5 deprecates: bases, patchesStrategicMerge and patchesJson6902.',
    ),
    why: l(
      '배포 파이프라인이 쓰는 kubectl이나 kustomize가 올라가면 사용 중단된 필드는 경고를 내다가 결국 빌드를 깨뜨립니다. 운영 오버레이가 렌더링되지 않으면 배포 자체가 멈춥니다.',
      'When the kubectl or kustomize in the deploy pipeline is upgraded, deprecated fields first warn and then break the build; an overlay that no longer renders stops the deploy itself.',
    ),
    bad: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nbases:\n  - ../base\n',
    good: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n# TODO: 이 오버레이가 가져오는 base는 어디에 선언해야 하나요?\nresources:\n  - ../base\n',
  },
  weeks: ['advanced/7'],
  questions: [
    l(
      '파이프라인의 kustomize(또는 kubectl) 버전이 올라가면 이 오버레이는 계속 렌더링될까요?',
      "Will this overlay still render when the pipeline's kustomize (or kubectl) is upgraded?",
    ),
    l(
      '"{field}"에 있는 항목을 {replacement}로 옮기면 렌더링 결과가 달라지나요? 어떻게 확인할 수 있을까요?',
      'Does moving the entries of "{field}" under {replacement} change the rendered output, and how would you check?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 사용 중단된 Kustomize 필드 옮기기\n# 고려사항:\n# - kustomize edit fix가 무엇을 바꾸나요?\n# - 옮기기 전후의 kustomize build 결과를 비교했나요?\n# resources: # TODO\n',
    en: '# TODO: move the deprecated Kustomize fields\n# Consider:\n# - what does kustomize edit fix change?\n# - did you compare kustomize build before and after?\n# resources: # TODO\n',
  },
  check(context, document) {
    const root = document.root;
    const kind = scalar(entry(root, 'kind')?.value);
    if (kind !== 'Kustomization' && (kind !== undefined || !KUSTOMIZE_KEYS.some((key) => has(root, key)))) return;
    for (const [field, replacement] of Object.entries(DEPRECATED)) {
      const found = entry(root, field);
      if (found) context.report({ range: found.keyRange, messageId: 'deprecated', data: { field, replacement } });
    }
  },
});
