import { l, yamlRule } from '../../rule';
import { at, entry, has, intact, scalar, templated } from '../../yaml/model';

/**
 * A scheduled job with no `concurrencyPolicy` runs with the default `Allow`: when one run is slow
 * (a retraining, a backfill, a stuck download) the next one starts beside it, on the same data,
 * volume and model path. Kubernetes CronJobs and Argo CronWorkflows share the field and the default.
 */
export default yamlRule({
  id: 'cronjob-allows-overlap',
  language: 'yaml',
  documentKinds: ['kubernetes'],
  category: 'reliability',
  severity: 'info',
  anchors: ['datree:CRONJOB_MISSING_CONCURRENCYPOLICY_KEY', 'gap:cronjob-concurrency-policy'],
  messages: {
    missing: l(
      '{kind} "{name}"에 concurrencyPolicy가 없어 기본값 Allow가 적용됩니다 — 한 실행이 길어지면 다음 실행이 그 옆에서 같은 데이터와 출력 위에 겹쳐 돕니다',
      '{kind} "{name}" sets no concurrencyPolicy, so the default Allow applies — when one run is slow, the next starts beside it on the same data and outputs',
    ),
  },
  docs: {
    summary: l(
      'concurrencyPolicy를 정하지 않은 Kubernetes CronJob과 Argo CronWorkflow를 찾습니다 (기본값 Allow는 이전 실행이 끝나지 않아도 다음 실행을 시작합니다). 명시적으로 Allow를 적은 경우는 선택으로 보고 묻지 않습니다.',
      'Flags Kubernetes CronJobs and Argo CronWorkflows that set no concurrencyPolicy (the default, Allow, starts the next run whether or not the previous one finished). An explicit Allow is taken as a choice and left alone.',
    ),
    why: l(
      '재학습·배치 스코어링·수집 작업은 보통 같은 테이블, 볼륨, 모델 경로에 씁니다. 한 번의 실행이 예정보다 길어지면 두 실행이 같은 출력을 동시에 덮어쓰고, 멈춘 실행이 있으면 예약될 때마다 하나씩 쌓여 노드와 GPU를 차지합니다.',
      'Retraining, batch scoring and ingestion jobs usually write to the same table, volume or model path. When one run takes longer than planned, two runs overwrite the same outputs at once, and a hung run lets a new one pile up at every tick, holding nodes and GPUs.',
    ),
    bad: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly-retrain\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: retrain\n              image: registry.example.com/retrain:1.4.0\n',
    good: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly-retrain\nspec:\n  schedule: "0 2 * * *"\n  # TODO: 이전 실행이 아직 돌고 있으면 새 실행은 기다릴까요(Forbid), 이전 것을 대신할까요(Replace)?\n  concurrencyPolicy: # TODO\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: retrain\n              image: registry.example.com/retrain:1.4.0\n',
  },
  weeks: ['intermediate/7', 'advanced/6'],
  questions: [
    l(
      '"{name}"의 한 실행이 다음 예약 시각까지 끝나지 않으면, 두 실행은 무엇을 함께 쓰게 되나요?',
      'If one run of "{name}" has not finished by the next scheduled time, what would the two runs write to at once?',
    ),
    l(
      '늦어진 실행이 있을 때 새 실행은 건너뛰는 편(Forbid)이 나을까요, 이전 것을 끊고 새로 시작하는 편(Replace)이 나을까요?',
      'With a late run still going, is it better to skip the new run (Forbid) or to stop the old one and start afresh (Replace)?',
    ),
    l('실행이 겹치거나 건너뛰어졌다는 것을 운영 중에 어떻게 알 수 있을까요?', 'How would you find out in production that runs overlapped or were skipped?'),
  ],
  scaffold: {
    ko: '# TODO: 예약 작업의 동시 실행 정책 정하기\n# 고려사항:\n# - 한 번의 실행은 보통 얼마나 걸리나요? 일정 간격보다 길어질 수 있나요?\n# - 두 실행이 같은 출력(테이블, 볼륨, 모델 경로)에 쓰나요?\n# - 늦은 실행이 있으면 건너뛸까요(Forbid), 대신할까요(Replace)?\n# spec:\n#   concurrencyPolicy: # TODO\n#   startingDeadlineSeconds: # TODO\n',
    en: '# TODO: decide how scheduled runs may overlap\n# Consider:\n# - how long does one run usually take; can it outlast the interval?\n# - do two runs write to the same outputs (a table, a volume, a model path)?\n# - with a late run, skip the new one (Forbid) or replace the old one (Replace)?\n# spec:\n#   concurrencyPolicy: # TODO\n#   startingDeadlineSeconds: # TODO\n',
  },
  check(context, document) {
    const kind = scalar(at(document.root, 'kind'));
    if (kind !== 'CronJob' && kind !== 'CronWorkflow') return;
    const spec = at(document.root, 'spec');
    if (spec?.kind !== 'map' || !intact(document, spec) || templated(spec) || has(spec, 'concurrencyPolicy')) return;
    const name = scalar(at(document.root, 'metadata.name')) ?? scalar(at(document.root, 'metadata.generateName')) ?? '?';
    // Reported on the schedule, which decides how often runs may meet, or at the spec.
    const anchor = entry(spec, 'schedule')?.keyRange ?? entry(spec, 'schedules')?.keyRange ?? entry(document.root, 'spec')?.keyRange ?? spec.range;
    context.report({ range: anchor, messageId: 'missing', data: { kind, name } });
  },
});
