import { l, yamlRule } from '../../rule';
import { at, has, intact } from '../../yaml/model';
import { alertRules } from '../../yaml/prometheus';

export default yamlRule({
  id: 'alert-missing-severity-or-summary',
  language: 'yaml',
  documentKinds: ['prometheus-rules'],
  category: 'observability',
  severity: 'info',
  anchors: ['pint:rule/label', 'pint:alerts/annotation'],
  messages: {
    both: l('알림 "{alert}"에 labels.severity와 annotations.summary/description이 없습니다', 'Alert "{alert}" has neither labels.severity nor annotations.summary/description'),
    severity: l('알림 "{alert}"에 labels.severity가 없습니다', 'Alert "{alert}" has no labels.severity'),
    summary: l('알림 "{alert}"에 annotations.summary나 description이 없습니다', 'Alert "{alert}" has no annotations.summary or description'),
  },
  docs: {
    summary: l(
      'labels.severity가 없거나 annotations.summary/description이 없는 알림 규칙을 찾습니다.',
      'Flags alerting rules without labels.severity or without annotations.summary/description.',
    ),
    why: l(
      'Alertmanager는 severity로 누구에게 어떻게 알릴지 정합니다. 요약이 없는 알림을 새벽에 받은 담당자는 무엇이 왜 문제인지부터 찾아야 해서 복구가 늦어집니다.',
      'Alertmanager routes on severity to decide who is told and how. Whoever receives an alert without a summary at night first has to work out what is wrong and why, which delays recovery.',
    ),
    bad: 'groups:\n  - name: model-api\n    rules:\n      - alert: ModelLatencyHigh\n        expr: histogram_quantile(0.95, sum by (le) (rate(request_latency_seconds_bucket[5m]))) > 0.5\n        for: 10m\n',
    good: 'groups:\n  - name: model-api\n    rules:\n      - alert: ModelLatencyHigh\n        expr: histogram_quantile(0.95, sum by (le) (rate(request_latency_seconds_bucket[5m]))) > 0.5\n        for: 10m\n        labels:\n          severity: warning # TODO: 누구에게, 어떤 경로로 알려야 하나요?\n        annotations:\n          summary: "p95 latency above 500ms on {{ $labels.instance }}"\n',
  },
  weeks: ['beginner/6', 'capstone/2'],
  questions: [
    l(
      '이 알림을 받은 사람은 지금 당장 일어나야 하나요, 아침에 확인하면 되나요? 그 구분은 어디에 적혀 있나요?',
      'Must the person who receives this alert get up right now, or can it wait until morning, and where is that decided?',
    ),
    l(
      '알림 내용만 보고 어떤 서비스의 어떤 문제인지, 다음에 무엇을 확인할지 알 수 있나요?',
      'From the alert alone, can one tell which service has which problem and what to check next?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 알림에 라우팅 정보와 설명 붙이기\n# 고려사항:\n# - 이 알림의 심각도 단계는 팀의 어떤 기준(page/ticket)에 해당하나요?\n# - 받는 사람이 바로 알아야 할 것은 무엇인가요? (서비스, 인스턴스, 현재 값)\n# - 대응 절차(runbook)는 어디에 있나요?\n# labels:\n#   severity: # TODO\n# annotations:\n#   summary: # TODO\n#   runbook_url: # TODO\n',
    en: "# TODO: give the alert routing data and an explanation\n# Consider:\n# - which of your team's levels (page/ticket) does this alert belong to?\n# - what must the receiver know at once (service, instance, current value)?\n# - where is the runbook?\n# labels:\n#   severity: # TODO\n# annotations:\n#   summary: # TODO\n#   runbook_url: # TODO\n",
  },
  check(context, document) {
    for (const rule of alertRules(document)) {
      const severity = has(at(rule.spec, 'labels'), 'severity');
      const annotations = at(rule.spec, 'annotations');
      const summary = has(annotations, 'summary') || has(annotations, 'description');
      if ((severity && summary) || !intact(document, rule.spec)) continue;
      const messageId = !severity && !summary ? 'both' : !severity ? 'severity' : 'summary';
      context.report({ range: rule.nameRange, messageId, data: { alert: rule.name } });
    }
  },
});
