import { l, yamlRule } from '../../rule';
import { runScripts } from '../../yaml/actions';
import { rangeWithin } from '../../yaml/model';

/** `https://user:$TOKEN@host`, `https://${{ secrets.X }}@host`: a credential in the userinfo part of a URL. */
const URL_CREDENTIAL = /\b(https?|git|ssh):\/\/[^\s/@"']*(\$\{\{\s*secrets\.\w+\s*\}\}|\$\{?\w*(TOKEN|PASSWORD|PASS|PAT|SECRET|KEY)\w*\}?)[^\s/@"']*@/gi;

export default yamlRule({
  id: 'credentials-in-url',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'security',
  severity: 'warning',
  messages: {
    inUrl: l('토큰이 URL 안에 들어갑니다: {url}', 'A token is put inside a URL: {url}'),
  },
  docs: {
    summary: l(
      'run: 스크립트에서 시크릿이나 토큰 변수를 URL의 사용자 정보 부분(https://$TOKEN@host)에 넣는 경우를 찾습니다.',
      'Flags run: scripts that put a secret or a token variable in the userinfo part of a URL (https://$TOKEN@host).',
    ),
    why: l(
      'URL에 든 토큰은 git remote 설정(.git/config), 명령 오류 메시지, 프록시 로그에 그대로 남습니다. 마스킹을 피해 로그에 찍히거나 다음 단계와 아티팩트로 새어 나갈 수 있습니다.',
      'A token inside a URL lands in the git remote configuration (.git/config), in error messages and proxy logs; it can slip past log masking and leak to later steps and artifacts.',
    ),
    bad: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: git push https://user:$HF_TOKEN@huggingface.co/spaces/acme/demo main\n        env:\n          HF_TOKEN: ${{ secrets.HF_TOKEN }}\n',
    good: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 토큰을 URL 대신 자격 증명 도우미나 전용 CLI 로그인으로 넘기세요\n      - run: huggingface-cli upload acme/demo . --repo-type space\n        env:\n          HF_TOKEN: ${{ secrets.HF_TOKEN }}\n',
  },
  weeks: ['beginner/4'],
  questions: [
    l(
      '이 명령이 실패해서 URL을 포함한 오류 메시지를 출력하면, 로그에는 무엇이 남을까요?',
      'If this command fails and prints an error that includes the URL, what ends up in the log?',
    ),
    l(
      'git remote에 저장된 URL은 job이 끝날 때까지 어디에 남아 있고, 그 뒤의 단계 중 누가 읽을 수 있나요?',
      'Where does a URL stored as a git remote stay until the job ends, and which later steps can read it?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 토큰을 URL 밖으로 빼기\n# 고려사항:\n# - 이 서비스의 CLI가 환경 변수로 토큰을 읽을 수 있나요?\n# - git이라면 자격 증명 도우미(credential helper)나 http.extraheader를 쓸 수 있나요?\n# - 이 단계가 끝난 뒤 토큰이 디스크에 남나요?\n# run: # TODO\n',
    en: "# TODO: take the token out of the URL\n# Consider:\n# - can the service's CLI read the token from an environment variable?\n# - for git, can a credential helper or http.extraheader carry it?\n# - does the token stay on disk after this step?\n# run: # TODO\n",
  },
  check(context, document) {
    for (const { run } of runScripts(document)) {
      for (const match of run.raw.matchAll(URL_CREDENTIAL)) {
        context.report({ range: rangeWithin(run, match.index, match.index + match[0].length), messageId: 'inUrl', data: { url: match[0] } });
      }
    }
  },
});
