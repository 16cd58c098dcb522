import { l, yamlRule } from '../../rule';
import { at, entry, intact, scalar } from '../../yaml/model';
import { alertRules, parseDuration } from '../../yaml/prometheus';

const MINIMUM_MS = 60_000;

/**
 * Event alerts count something that happened inside their own window (`increase(x[15m]) > 0`,
 * `changes(...) > 0`, a restart in the last five minutes, `time() - start < 300`): the window is
 * the wait, and a `for` would only delay or hide the one-off event. So do alerts on a
 * container's last termination reason (`kube_pod_container_status_last_terminated_reason{reason=
 * "OOMKilled"} == 1`): the gauge keeps the last event until the next one, so a `for` only delays
 * the page. Staleness alerts (`time() - last_success_timestamp > 3600`) wait in their threshold:
 * the condition turns true only after the hour has passed and stays true until the job runs again,
 * so there is no blip to debounce. Informational alerts (`severity: info`) page nobody, so they need no debounce either.
 * Such alerts may say `for: 0m` outright: that is the same choice, written down.
 */
const EVENT_EXPR =
  /\b(increase|changes|resets|delta|idelta|count_over_time)\s*\([^]*\[[^\]]+\]\s*\)\s*(>\s*0(\.0+)?|>=\s*1|!=\s*0)(?![\d.])|\btime\(\)\s*-[^<>]*[<>]|[<>]\s*[^<>]*-\s*time\(\)|[<>]=?\s*time\(\)\s*-|\bkube_pod_container_status_last_terminated_reason\b/;
const QUIET_SEVERITY = /^(info|informational|none|notice)$/i;

export default yamlRule({
  id: 'alert-missing-for-duration',
  language: 'yaml',
  documentKinds: ['prometheus-rules'],
  category: 'reliability',
  severity: 'warning',
  anchors: ['pint:rule/for', 'pint:alerts/for'],
  messages: {
    missing: l('알림 "{alert}"에 for가 없어 한 번의 평가만으로 발생합니다', 'Alert "{alert}" has no for, so a single evaluation fires it'),
    short: l('알림 "{alert}"의 대기 시간(for: {duration})이 1분보다 짧습니다', 'Alert "{alert}" waits only {duration} (less than 1m)'),
  },
  docs: {
    summary: l(
      'for가 없거나 1분보다 짧은 알림 규칙을 찾습니다 (PrometheusRule CRD 포함). 자기 구간 안의 사건을 세는 이벤트 알림(increase(...[15m]) > 0, 최근 재시작), 컨테이너의 마지막 종료 사유(OOM kill)에 대한 알림, severity: info 알림에는 for가 필요 없고 for: 0m으로 적어도 됩니다.',
      "Flags alerting rules with no for or a for shorter than one minute (PrometheusRule CRDs included). Event alerts that count within their own window (increase(...[15m]) > 0, a recent restart), alerts on a container's last termination reason (an OOM kill) and severity: info alerts need no for, and may write for: 0m.",
    ),
    why: l(
      'for가 없으면 스크레이프 한 번의 튐이나 재배포 중의 순간적인 오류로도 알림이 울립니다. 거짓 알림이 쌓이면 온콜 담당자는 진짜 장애 알림도 무시하게 됩니다.',
      'Without for, one spiky scrape or a momentary error during a rollout pages someone. False alarms pile up until on-call engineers ignore the real ones too.',
    ),
    bad: 'groups:\n  - name: model-api\n    rules:\n      - alert: HighErrorRate\n        expr: sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05\n        labels: { severity: page }\n        annotations: { summary: "5xx ratio above 5%" }\n',
    good: 'groups:\n  - name: model-api\n    rules:\n      - alert: HighErrorRate\n        expr: sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05\n        # TODO: 얼마나 지속되면 사람을 깨울 만한 문제일까요?\n        for: 10m\n        labels: { severity: page }\n        annotations: { summary: "5xx ratio above 5%" }\n',
  },
  weeks: ['beginner/6', 'capstone/2'],
  questions: [
    l(
      '이 조건이 스크레이프 한 번만 참이었다가 바로 회복된다면, 그때도 누군가를 깨워야 할까요?',
      'If this condition is true for a single scrape and then recovers, should it still wake somebody up?',
    ),
    l(
      '사용자가 불편을 느끼기 시작하는 것은 문제가 몇 분 지속됐을 때인가요? 그 시간과 for는 어떤 관계일까요?',
      'After how many minutes of this problem do users start to suffer, and how should for relate to that?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 알림 지속 시간 정하기\n# 고려사항:\n# - 이 지표는 평소에 얼마나 튀나요? 배포 중에는요?\n# - 사용자 영향이 생기기까지 얼마나 걸리나요? (SLO 관점)\n# - 너무 길면 탐지가 얼마나 늦어질까요?\n# for: # TODO\n',
    en: '# TODO: choose how long the condition must hold\n# Consider:\n# - how spiky is this metric normally, and during rollouts?\n# - how long until users are affected (think SLO)?\n# - how much later would a long for detect a real outage?\n# for: # TODO\n',
  },
  check(context, document) {
    for (const rule of alertRules(document)) {
      const forEntry = entry(rule.spec, 'for');
      const needsNoWait = EVENT_EXPR.test(scalar(at(rule.spec, 'expr')) ?? '') || QUIET_SEVERITY.test(scalar(at(rule.spec, 'labels.severity')) ?? '');
      if (!forEntry?.value) {
        if (!intact(document, rule.spec) || needsNoWait) continue;
        context.report({ range: rule.nameRange, messageId: 'missing', data: { alert: rule.name } });
        continue;
      }
      const duration = scalar(forEntry.value) ?? '';
      const ms = parseDuration(duration);
      if (ms !== undefined && ms < MINIMUM_MS && !needsNoWait) context.report({ range: forEntry.value.range, messageId: 'short', data: { alert: rule.name, duration } });
    }
  },
});
