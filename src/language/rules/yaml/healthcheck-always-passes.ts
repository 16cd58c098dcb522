import { l, yamlRule } from '../../rule';
import { composeServices } from '../../yaml/compose';
import { at, items, scalar } from '../../yaml/model';

/** Shell operators only work under a shell: in exec form (`CMD`) they are plain arguments. */
const SHELL_OPERATOR = /^(\||\|\||&&|;|>|>>|<)$/;
/** Commands that succeed whatever the service is doing. */
const ALWAYS_OK = /^(echo|printf|sleep)(\s[^|;&>]*)?$|^(true|:|exit\s+0)$|\|\|\s*(true|exit\s+0|:)\s*$/;
/** `python -c "import requests; requests.get(url)"`: the client returns a 500 or 404 as a response, it raises only when nothing answers. */
const CLIENT_GET = /\b(requests|httpx)\.(get|head)\s*\(/;
/** What makes such a check fail on an error answer: a status check, an assertion or an explicit exit. */
const STATUS_CHECKED = /raise_for_status|status_code|\.ok\b|\bassert\b|sys\.exit|\bexit\s*\(/;

export default yamlRule({
  id: 'healthcheck-always-passes',
  language: 'yaml',
  documentKinds: ['compose'],
  category: 'health',
  severity: 'warning',
  messages: {
    execShell: l(
      '서비스 "{service}"의 healthcheck가 exec 형식(CMD)에 셸 연산자 "{operator}"를 인자로 넘깁니다; 셸이 없어 "{command}"만 실행되고 항상 성공합니다',
      'The healthcheck of "{service}" passes the shell operator "{operator}" as an argument in exec form (CMD): with no shell only "{command}" runs, and it always succeeds',
    ),
    alwaysOk: l(
      '서비스 "{service}"의 healthcheck "{command}"는 서비스 상태와 상관없이 항상 성공합니다',
      'The healthcheck "{command}" of "{service}" succeeds whatever state the service is in',
    ),
    statusIgnored: l(
      '서비스 "{service}"의 healthcheck는 {client}.get의 응답 코드를 보지 않습니다; 500이나 404가 와도 예외가 없어 성공하고, 연결이 거부될 때만 실패합니다',
      'The healthcheck of "{service}" never looks at the status of {client}.get: a 500 or 404 raises nothing and passes; only a refused connection fails it',
    ),
  },
  docs: {
    summary: l(
      '항상 성공하는 compose healthcheck를 찾습니다: exec 형식(["CMD", ...])에 |, &&, || 같은 셸 연산자를 인자로 넘긴 경우, echo/true/exit 0만 하거나 "|| true", "|| exit 0"으로 끝나는 경우, requests.get/httpx.get을 부르고 응답 코드를 보지 않는(raise_for_status, status_code, assert 없음) `python -c` 검사.',
      'Flags compose healthchecks that always pass: shell operators (|, &&, ||) passed as arguments in exec form (["CMD", ...]), checks that only echo/true/exit 0 or end in "|| true" / "|| exit 0", and `python -c` checks that call requests.get/httpx.get without looking at the status (no raise_for_status, status_code or assert).',
    ),
    why: l(
      '항상 성공하는 healthcheck는 없는 것보다 나쁩니다. service_healthy를 기다리는 서비스가 준비되지 않은 브로커·DB에 연결하고, 장애가 나도 컨테이너는 계속 "healthy"로 표시됩니다.',
      'A healthcheck that always passes is worse than none: services waiting for service_healthy connect to a broker or database that is not ready, and during an outage the container still shows "healthy".',
    ),
    bad: 'services:\n  zookeeper:\n    image: confluentinc/cp-zookeeper:7.5.0\n    healthcheck:\n      test: ["CMD", "echo", "ruok", "|", "nc", "localhost", "2181"]\n',
    good: 'services:\n  zookeeper:\n    image: confluentinc/cp-zookeeper:7.5.0\n    healthcheck:\n      # TODO: 파이프가 필요하면 셸 형식(CMD-SHELL)으로, 응답 내용까지 확인하세요\n      test: ["CMD-SHELL", "echo ruok | nc localhost 2181 | grep imok"]\n',
  },
  weeks: ['beginner/3', 'intermediate/8'],
  questions: [
    l(
      '{service}가 멈춰 있을 때 이 healthcheck를 직접 실행하면 종료 코드는 무엇일까요?',
      'If you ran this healthcheck by hand while {service} is stuck, what exit code would it return?',
    ),
    l(
      'exec 형식(CMD)과 셸 형식(CMD-SHELL)은 "|" 같은 문자를 어떻게 다르게 다룰까요?',
      'How do the exec form (CMD) and the shell form (CMD-SHELL) treat a character like "|" differently?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 실패할 수 있는 healthcheck 만들기\n# 고려사항:\n# - 서비스가 준비되지 않았을 때 이 명령이 실패(0이 아닌 종료 코드)하나요?\n# - 파이프나 ||가 필요하다면 어떤 형식(CMD-SHELL)이 맞나요?\n# - 응답 내용까지 확인해야 하나요? (예: imok, "status":"ok")\n# healthcheck:\n#   test: # TODO\n',
    en: '# TODO: write a healthcheck that can fail\n# Consider:\n# - does the command fail (non-zero exit) while the service is not ready?\n# - if you need a pipe or ||, which form (CMD-SHELL) fits?\n# - should it check the answer too (imok, "status":"ok")?\n# healthcheck:\n#   test: # TODO\n',
  },
  check(context, document) {
    for (const service of composeServices(document)) {
      const test = at(service.spec, 'healthcheck.test');
      if (!test) continue;
      const parts = test.kind === 'seq' ? items(test).map((item) => scalar(item) ?? '') : [];
      const form = parts[0]?.toUpperCase();
      if (form === 'CMD') {
        const operator = parts.findIndex((part, index) => index > 1 && SHELL_OPERATOR.test(part.trim()));
        if (operator > 0) {
          context.report({ range: test.range, messageId: 'execShell', data: { service: service.name, operator: parts[operator], command: parts.slice(1, operator).join(' ') } });
          continue;
        }
      }
      const command = test.kind === 'scalar' ? test.value : form === 'CMD' || form === 'CMD-SHELL' ? parts.slice(1).join(' ') : '';
      if (ALWAYS_OK.test(command.trim())) context.report({ range: test.range, messageId: 'alwaysOk', data: { service: service.name, command: command.trim() } });
      else {
        const client = CLIENT_GET.exec(command)?.[1];
        if (client !== undefined && !STATUS_CHECKED.test(command)) context.report({ range: test.range, messageId: 'statusIgnored', data: { service: service.name, client } });
      }
    }
  },
});
