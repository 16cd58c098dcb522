import { l, yamlRule } from '../../rule';
import { runScripts } from '../../yaml/actions';
import { rangeWithin } from '../../yaml/model';

/** A load generator and the URL it is pointed at, on one line. */
const LOAD_TEST = /\b(wrk2?|hey|ab|vegeta|artillery\s+quick|locust\b[^\n]*--headless|k6\s+run|siege)\b[^\n]*?(https?:\/\/[^\s"']+)/g;
/** Targets that live on the runner itself (a container started by the job). */
const LOCAL = /^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)(:|\/|$)/i;

export default yamlRule({
  id: 'load-test-against-live-endpoint',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'delivery',
  severity: 'warning',
  messages: {
    live: l('CI가 "{tool}"로 외부 엔드포인트 {url}에 부하를 겁니다', 'CI drives load with "{tool}" at the external endpoint {url}'),
  },
  docs: {
    summary: l(
      '워크플로가 wrk, hey, ab, vegeta, k6, locust 등으로 러너 밖의 엔드포인트(배포된 서비스)에 부하 테스트를 거는 경우를 찾습니다. localhost의 컨테이너를 향한 부하는 제외합니다.',
      'Flags workflows that load-test an endpoint outside the runner (the deployed service) with wrk, hey, ab, vegeta, k6, locust and the like. Load against a container on localhost is skipped.',
    ),
    why: l(
      '배포 때마다 운영 엔드포인트에 수천 개의 연결을 보내면 실제 사용자의 요청이 밀리고, 오토스케일러가 가짜 트래픽에 반응해 비용이 늘어납니다. 결과도 매번 다른 환경에서 재서 비교하기 어렵습니다.',
      'Sending thousands of connections to the production endpoint on every deploy crowds out real users, makes the autoscaler react to fake traffic and costs money, and the figures are measured in a different state every time.',
    ),
    bad: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl apply -f k8s/\n      - run: wrk -t12 -c1000 -d30s http://$EXTERNAL_IP/predict\n',
    good: 'on: workflow_dispatch\njobs:\n  load-test:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 부하 테스트는 어느 환경(스테이징)에서, 언제(수동, 야간) 돌릴까요?\n      - run: docker run -d -p 8000:8000 ghcr.io/acme/api:1.2.0\n      - run: wrk -t2 -c50 -d30s http://localhost:8000/predict\n',
  },
  weeks: ['intermediate/3'],
  questions: [
    l('{tool}이 {url}에 부하를 거는 동안, 그 서비스를 쓰는 실제 사용자는 어떤 경험을 할까요?', 'While {tool} loads {url}, what do the real users of that service experience?'),
    l(
      '이 부하 테스트의 결과로 무엇을 결정하려고 하나요? 그 결정에는 어느 환경과 어떤 주기가 맞을까요?',
      'What decision should this load test inform, and which environment and schedule fit that decision?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 부하 테스트를 운영에서 떼어 내기\n# 고려사항:\n# - 스테이징이나 러너 안의 컨테이너로 충분한가요?\n# - 배포마다가 아니라 언제(수동, 야간, 릴리스 전) 돌려야 할까요?\n# - 통과/실패 기준(p95 지연, 오류율)은 무엇인가요?\n# run: # TODO\n',
    en: '# TODO: move the load test off production\n# Consider:\n# - is staging, or a container on the runner, enough?\n# - when should it run instead of every deploy (manual, nightly, before a release)?\n# - what passes or fails it (p95 latency, error rate)?\n# run: # TODO\n',
  },
  check(context, document) {
    for (const { run } of runScripts(document)) {
      for (const match of run.raw.matchAll(LOAD_TEST)) {
        const url = match[2];
        if (LOCAL.test(url)) continue;
        context.report({ range: rangeWithin(run, match.index, match.index + match[0].length), messageId: 'live', data: { tool: match[1].split(/\s/)[0], url } });
      }
    }
  },
});
