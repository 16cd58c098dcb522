import { l, yamlRule } from '../../rule';
import { runScripts } from '../../yaml/actions';
import { rangeWithin } from '../../yaml/model';

/** `-o StrictHostKeyChecking=no` (or `accept-new` is fine), `UserKnownHostsFile=/dev/null`: any host is trusted. */
const DISABLED = /StrictHostKeyChecking[\s=]+["']?no\b|UserKnownHostsFile[\s=]+["']?\/dev\/null\b/gi;

export default yamlRule({
  id: 'ssh-host-key-check-disabled',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'security',
  severity: 'warning',
  messages: {
    disabled: l(
      'SSH 호스트 키 확인을 끕니다({option}); 그 주소에서 응답하는 어떤 서버에게든 키와 명령을 보냅니다',
      'SSH host key checking is switched off ({option}): the job sends its key and commands to whatever answers at that address',
    ),
  },
  docs: {
    summary: l(
      '워크플로의 run 스크립트에서 StrictHostKeyChecking=no나 UserKnownHostsFile=/dev/null로 SSH 호스트 키 확인을 끄는 경우를 찾습니다.',
      'Flags workflow run scripts that switch SSH host key checking off (StrictHostKeyChecking=no, UserKnownHostsFile=/dev/null).',
    ),
    why: l(
      '호스트 키를 확인하지 않으면 DNS나 IP를 가로챈 누구든 배포 서버 행세를 할 수 있습니다. CI는 그 서버에 비밀값이 담긴 명령을 보내고, 배포된 줄 알지만 실제로는 공격자에게 넘긴 것입니다.',
      'Without a host key check, anyone who takes over the DNS name or the IP can pose as the deploy server: CI sends it commands full of secrets and reports a deploy that went to the attacker.',
    ),
    bad: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ssh -o StrictHostKeyChecking=no ubuntu@"$HOST" ./deploy.sh\n',
    good: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 서버의 호스트 키는 어디에 안전하게 보관하나요?\n      - run: |\n          echo "$KNOWN_HOSTS" >> ~/.ssh/known_hosts\n          ssh ubuntu@"$HOST" ./deploy.sh\n',
  },
  weeks: ['intermediate/1'],
  questions: [
    l('이 job이 접속한 서버가 정말 당신의 서버라는 것은 무엇으로 알 수 있나요?', 'What tells this job that the server it connected to is really yours?'),
    l('서버의 호스트 키를 비밀값이나 저장소에 두면 무엇이 달라질까요?', "What changes if the server's host key is kept in a secret or in the repository?"),
  ],
  scaffold: {
    ko: '# TODO: SSH 호스트 키 확인하기\n# 고려사항:\n# - 서버의 호스트 키(known_hosts 한 줄)를 어디에 보관하나요?\n# - 서버를 다시 만들면 그 키는 어떻게 갱신하나요?\n# - run: # TODO (known_hosts를 채운 뒤 ssh)\n',
    en: "# TODO: check the SSH host key\n# Consider:\n# - where do you keep the server's host key (one known_hosts line)?\n# - how is it updated when the server is rebuilt?\n# - run: # TODO (fill known_hosts, then ssh)\n",
  },
  check(context, document) {
    for (const { run } of runScripts(document)) {
      for (const match of run.raw.matchAll(DISABLED)) {
        context.report({ range: rangeWithin(run, match.index, match.index + match[0].length), messageId: 'disabled', data: { option: match[0] } });
        break;
      }
    }
  },
});
