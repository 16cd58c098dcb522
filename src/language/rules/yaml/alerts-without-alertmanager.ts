import { l, yamlRule } from '../../rule';
import { at, entries, entry, items } from '../../yaml/model';

/** Does an `alertmanagers` entry name anywhere to send alerts: static targets or a discovery config? */
function sendsSomewhere(manager: Parameters<typeof entries>[0]): boolean {
  if (items(at(manager, 'static_configs')).some((c) => items(at(c, 'targets')).length > 0)) return true;
  return entries(manager).some((e) => /_sd_configs$/.test(e.key) && items(e.value).length > 0);
}

export default yamlRule({
  id: 'alerts-without-alertmanager',
  language: 'yaml',
  documentKinds: ['other'],
  category: 'observability',
  severity: 'warning',
  messages: {
    nowhere: l(
      'Prometheus가 알림 규칙을 평가하지만 Alertmanager가 설정되지 않아, 알림이 울려도 아무에게도 전달되지 않습니다',
      'Prometheus evaluates alert rules, but no Alertmanager is configured, so a firing alert reaches no one',
    ),
  },
  docs: {
    summary: l(
      'rule_files로 알림 규칙을 읽는 Prometheus 설정(scrape_configs가 있는 파일)에 alerting.alertmanagers의 대상(static targets나 service discovery)이 없는 경우를 찾습니다.',
      'Flags Prometheus configurations (files with scrape_configs) that load alert rules through rule_files but give alerting.alertmanagers no target (static targets or service discovery).',
    ),
    why: l(
      'Prometheus는 알림을 "발생" 상태로 표시할 뿐, 메일·Slack·호출은 Alertmanager가 보냅니다. Alertmanager가 없으면 모델 품질 저하나 API 장애 알림은 누군가 Prometheus 화면을 열어 볼 때까지 아무도 모릅니다.',
      'Prometheus only marks alerts as firing; Alertmanager sends the mail, the Slack message or the page. Without one, an alert about model quality or a down API is seen only when someone happens to open the Prometheus UI.',
    ),
    bad: 'global:\n  evaluation_interval: 15s\nrule_files:\n  - alert_rules.yml\nscrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: ["api:8000"]\n',
    good: 'global:\n  evaluation_interval: 15s\nrule_files:\n  - alert_rules.yml\n# TODO: 알림은 누구에게, 어떤 채널로 가야 하나요? (alertmanager.yml의 route와 receiver)\nalerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ["alertmanager:9093"]\nscrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: ["api:8000"]\n',
  },
  weeks: ['beginner/6'],
  questions: [
    l('지금 이 알림 규칙 중 하나가 새벽 3시에 발생하면, 누가 어떻게 알게 되나요?', 'If one of these alert rules fired at 3 a.m. tonight, who would find out, and how?'),
    l(
      '알림마다 누구에게 가야 하는지(심각도별 채널, 담당 팀)를 어디에 적어 둘 수 있을까요?',
      'Where would you write down who each alert should reach (a channel per severity, the owning team)?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 알림이 사람에게 닿게 하기\n# 고려사항:\n# - Alertmanager를 compose/클러스터에 추가하고 여기서 가리키기\n# - alertmanager.yml: severity별 route와 receiver(Slack, 메일, 호출)\n# - 알림이 실제로 도착하는지 한 번 시험해 보기\n# alerting:\n#   alertmanagers:\n#     - static_configs:\n#         - targets: [ # TODO ]\n',
    en: '# TODO: make alerts reach a person\n# Consider:\n# - add an Alertmanager to the compose stack or cluster and point at it here\n# - alertmanager.yml: routes and receivers per severity (Slack, mail, paging)\n# - test once that an alert actually arrives\n# alerting:\n#   alertmanagers:\n#     - static_configs:\n#         - targets: [ # TODO ]\n',
  },
  check(context, document) {
    const root = document.root;
    if (at(root, 'scrape_configs')?.kind !== 'seq') return;
    const rules = entry(root, 'rule_files');
    if (!rules || items(rules.value).length === 0) return;
    if (items(at(root, 'alerting.alertmanagers')).some(sendsSomewhere)) return;
    context.report({ range: rules.keyRange, messageId: 'nowhere' });
  },
});
