import { l, yamlRule } from '../../rule';
import { runScripts } from '../../yaml/actions';
import { gitlabJobs, isGitLabCi } from '../../yaml/gitlab-ci';
import { rangeWithin, type YScalar } from '../../yaml/model';

/** A file that holds credentials by its name: a key, a kubeconfig, a dotenv or connection file. */
const CREDENTIAL_FILE =
  /(^|[/._-])(keys?|keyfile|credentials?|creds?|secrets?|tokens?|passwords?|kubeconfig|id_rsa|id_ed25519|connections?)([._-]|$)|\.(pem|p12|pfx)$|(^|\/)\.env$|(^|\/)\.netrc$|\.kube\/config$/i;
/** `echo "$SA_KEY" > key.json`, `echo ${{ secrets.KEY }} | base64 -d > key.json`: a file written from a variable. */
const WRITTEN_FROM_VARIABLE = /^\s*(?:echo|printf)\b[^>]*\$[^>]*>\s*["']?([^\s"';&|]+)/;
/** A whole command that prints a file to the log: `cat key.json` (not `$(cat key.json)`, not piped on). */
const CAT = /^(?:sudo\s+)?cat\s+["']?([^\s"';&|<>$()`]+)["']?$/;

interface ScriptLine {
  readonly scalar: YScalar;
  readonly offset: number;
  readonly text: string;
}

function lines(scalar: YScalar): ScriptLine[] {
  let offset = 0;
  return scalar.raw.split('\n').map((text) => {
    const line = { scalar, offset, text };
    offset += text.length + 1;
    return line;
  });
}

export default yamlRule({
  id: 'secret-printed-in-ci-log',
  language: 'yaml',
  documentKinds: ['github-actions', 'other'],
  category: 'security',
  severity: 'error',
  anchors: ['CWE-532', 'zizmor:secrets-outside-env', 'GitLab: masked variables'],
  messages: {
    printed: l(
      '{file}을(를) cat으로 작업 로그에 출력합니다: 자격 증명이 파이프라인 로그를 읽을 수 있는 모든 사람에게 보입니다. 이미 출력되었다면 키를 폐기(revoke)하고 새로 발급하세요',
      'cat prints {file} to the job log: the credentials are shown to anyone who can read the pipeline. If it already ran, revoke the key and issue a new one',
    ),
  },
  docs: {
    summary: l(
      'GitHub Actions의 run:과 GitLab CI의 script:에서 자격 증명 파일을 cat으로 로그에 출력하는 줄을 찾습니다: 같은 작업에서 변수로부터 쓴 파일(echo "$SA_KEY" > key.json)이나, 이름이 키/자격 증명/토큰/kubeconfig/.env/connections인 파일. $(cat key.json)처럼 다른 명령에 넘기는 것은 제외합니다.',
      'Flags lines in GitHub Actions run: and GitLab CI script: that cat a credentials file into the job log: a file the same job wrote from a variable (echo "$SA_KEY" > key.json), or one named key, credentials, token, kubeconfig, .env or connections. Handing it to another command ($(cat key.json)) is left alone.',
    ),
    why: l(
      '작업 로그는 저장소를 읽을 수 있는 사람 대부분이 볼 수 있고 오래 보관됩니다. CI의 마스킹은 변수 값 그대로일 때만 동작하므로, 파일로 쓰고 디코딩한 키나 여러 줄 JSON은 그대로 보입니다. 로그에 한 번 나온 키는 폐기하는 것 말고는 되돌릴 방법이 없습니다.',
      'Job logs are readable by most people who can read the repository and are kept for a long time. CI masking only hides a variable value verbatim: a key decoded into a file or a multi-line JSON shows in clear. A key that reached a log can only be revoked.',
    ),
    bad: 'deploy:\n  stage: deploy\n  script:\n    - echo "$GCP_SA_KEY" > key.json\n    - cat key.json\n    - gcloud auth activate-service-account --key-file key.json\n',
    good: 'deploy:\n  stage: deploy\n  script:\n    - echo "$GCP_SA_KEY" > key.json\n    # TODO: 파일이 생겼는지만 확인하려면 내용 대신 무엇을 출력하면 될까요?\n    - test -s key.json\n    - gcloud auth activate-service-account --key-file key.json\n',
  },
  weeks: ['beginner/3', 'advanced/4'],
  questions: [
    l('이 파이프라인의 로그는 누가 읽을 수 있고, 얼마나 오래 보관되나요?', 'Who can read this pipeline’s logs, and for how long are they kept?'),
    l(
      '파일이 제대로 만들어졌는지 확인하고 싶었다면, 내용을 보이지 않고 확인하는 방법은 무엇일까요?',
      'If the point was to check the file was written, how could you check it without showing its content?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 자격 증명을 로그에 남기지 않기\n# 고려사항:\n# - 파일이 생겼는지만 확인하려면? (test -s key.json, wc -c)\n# - 이미 출력된 키를 폐기하고 새로 발급했나요?\n# - 키 파일 없이 인증할 수 있나요? (OIDC, Workload Identity)\n',
    en: '# TODO: keep credentials out of the job log\n# Consider:\n# - to check the file exists, what prints no content? (test -s key.json, wc -c)\n# - has the key that was printed been revoked and replaced?\n# - can the job authenticate with no key file? (OIDC, Workload Identity)\n',
  },
  check(context, document) {
    const jobs: ScriptLine[][] = [];
    if (document.kind === 'other') {
      if (!isGitLabCi(document.root)) return;
      for (const job of gitlabJobs(document.root)) jobs.push(job.scripts.flatMap(lines));
    } else {
      const byJob = new Map<unknown, ScriptLine[]>();
      for (const { job, run } of runScripts(document)) byJob.set(job, [...(byJob.get(job) ?? []), ...lines(run)]);
      jobs.push(...byJob.values());
    }
    // A default before_script belongs to every GitLab job: one report per line.
    const reported = new Set<string>();
    for (const script of jobs) {
      const written = new Set<string>();
      for (const line of script) {
        const write = WRITTEN_FROM_VARIABLE.exec(line.text);
        if (write) written.add(write[1]);
        for (const command of line.text.split(/&&|;/)) {
          // A quoted item (`- "cat key.json"`) is read without its quotes.
          const cat = CAT.exec(command.trim().replace(/^["']|["']$/g, ''));
          if (!cat || !(written.has(cat[1]) || CREDENTIAL_FILE.test(cat[1]))) continue;
          const start = line.offset + line.text.indexOf(command.trim());
          const range = rangeWithin(line.scalar, start, start + command.trim().length);
          const key = `${range.start.line}:${range.start.column}`;
          if (reported.has(key)) continue;
          reported.add(key);
          context.report({ range, messageId: 'printed', data: { file: cat[1] } });
        }
      }
    }
  },
});
