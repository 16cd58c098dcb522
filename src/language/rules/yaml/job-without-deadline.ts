import { l, yamlRule } from '../../rule';
import { at, entry, has, intact, scalar, templated } from '../../yaml/model';

export default yamlRule({
  id: 'job-without-deadline',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'reliability',
  severity: 'info',
  anchors: ['kube-score:job-active-deadline'],
  messages: {
    missing: l(
      '{kind} "{name}"에 activeDeadlineSeconds가 없어, 멈춘 실행이 Pod와 볼륨을 끝없이 붙잡습니다',
      '{kind} "{name}" sets no activeDeadlineSeconds, so a hung run holds its pod and volumes forever',
    ),
  },
  docs: {
    summary: l(
      'activeDeadlineSeconds가 없는 Job과 CronJob의 jobTemplate을 찾습니다 (Pod 수준의 activeDeadlineSeconds도 인정).',
      'Flags Jobs, and CronJob job templates, without activeDeadlineSeconds (a pod-level activeDeadlineSeconds counts too).',
    ),
    why: l(
      '학습·배치 Job이 데이터 로딩이나 분산 통신에서 멈추면 프로세스는 끝나지 않고, backoffLimit은 실패한 실행만 셉니다. 기한이 없으면 GPU와 볼륨을 며칠씩 붙잡고, CronJob이라면 다음 실행이 겹치거나 건너뛰어집니다.',
      "A training or batch Job stuck on a data load or a collective call never exits, and backoffLimit only counts failed runs. Without a deadline it holds GPUs and volumes for days, and a CronJob's next runs pile up or are skipped.",
    ),
    bad: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\nspec:\n  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: trainer\n          image: registry.example.com/trainer:1.0.0\n',
    good: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train\nspec:\n  backoffLimit: 2\n  # TODO: 정상적인 학습은 보통 얼마나 걸리나요? 그보다 얼마나 여유를 둘까요?\n  activeDeadlineSeconds: 0 # TODO\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: trainer\n          image: registry.example.com/trainer:1.0.0\n',
  },
  weeks: ['intermediate/7', 'advanced/6'],
  questions: [
    l('"{name}"이(가) 데이터 로딩 중에 멈춘다면, 누가 언제 그것을 알아차리고 끝내나요?', 'If "{name}" hangs while loading data, who notices, and when is it stopped?'),
    l(
      '정상적인 "{name}" 실행은 얼마나 걸리나요? 기한을 그 몇 배로 잡아야 재시도와 느린 노드를 견딜 수 있을까요?',
      'How long does a normal run of "{name}" take, and how many times that should the deadline be to survive retries and slow nodes?',
    ),
  ],
  scaffold: {
    ko: '# TODO: Job에 실행 기한 두기\n# 고려사항:\n# - 정상 실행 시간과 재시도(backoffLimit)를 합치면 얼마인가요?\n# - 기한을 넘긴 실행은 어떻게 알림을 받을까요?\n# spec:\n#   activeDeadlineSeconds: # TODO\n#   ttlSecondsAfterFinished: # TODO\n',
    en: '# TODO: give the Job a deadline\n# Consider:\n# - how long do a normal run and its retries (backoffLimit) take together?\n# - how will you hear about a run that hit the deadline?\n# spec:\n#   activeDeadlineSeconds: # TODO\n#   ttlSecondsAfterFinished: # TODO\n',
  },
  check(context, document) {
    const kind = scalar(at(document.root, 'kind'));
    if (kind !== 'Job' && kind !== 'CronJob') return;
    const spec = at(document.root, kind === 'Job' ? 'spec' : 'spec.jobTemplate.spec');
    if (spec?.kind !== 'map' || !intact(document, spec) || templated(spec)) return;
    if (has(spec, 'activeDeadlineSeconds') || has(at(spec, 'template.spec'), 'activeDeadlineSeconds')) return;
    // A Helm hook Job is bounded by the release's own timeout (helm --timeout).
    if (has(at(document.root, 'metadata.annotations'), 'helm.sh/hook')) return;
    const name = scalar(at(document.root, 'metadata.name')) ?? '?';
    // Reported next to the retry settings (backoffLimit), where the deadline belongs, or at the spec.
    const anchor = entry(spec, 'backoffLimit')?.keyRange ?? entry(document.root, 'spec')?.keyRange ?? spec.range;
    context.report({ range: anchor, messageId: 'missing', data: { kind, name } });
  },
});
