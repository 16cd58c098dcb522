import type { Range } from '../../types';
import { l, yamlRule } from '../../rule';
import { jobSteps, runScripts, workflowJobs } from '../../yaml/actions';
import { gitlabJobs, isGitLabCi } from '../../yaml/gitlab-ci';
import { at, entries, rangeWithin, type YNode } from '../../yaml/model';

const FROM_SECRET = /\$\{\{\s*secrets\.|\$\{\{\s*secrets\[/;

/** Action inputs that take a stored key rather than a role or an identity federation. */
const KEY_INPUT: Readonly<Record<string, string>> = {
  'aws-access-key-id': 'AWS',
  'aws-secret-access-key': 'AWS',
  credentials_json: 'Google Cloud',
  service_account_key: 'Google Cloud',
  creds: 'Azure',
  'client-secret': 'Azure',
};

/** An S3 endpoint of the workflow's own (`MLFLOW_S3_ENDPOINT_URL`, `AWS_ENDPOINT_URL`): the AWS_* keys are for that store. */
const S3_ENDPOINT = /^[A-Z0-9_]*(?:S3|AWS)[A-Z0-9_]*ENDPOINT[A-Z0-9_]*$/;
/** A secret named after an S3-compatible store rather than AWS. */
const S3_STORE_SECRET = /secrets\.[A-Z0-9_]*(?:MINIO|R2_|WASABI|SPACES|CEPH|BACKBLAZE)/i;

/** Environment variables that hand a stored key to every tool of the step. */
const KEY_ENV: readonly (readonly [RegExp, string])[] = [
  [/^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/, 'AWS'],
  [/^(GOOGLE_APPLICATION_CREDENTIALS|GOOGLE_CREDENTIALS|GCP_SA_KEY|GCP_SERVICE_ACCOUNT_KEY|GCLOUD_SERVICE_KEY)$/, 'Google Cloud'],
  [/^(AZURE_CREDENTIALS|ARM_CLIENT_SECRET|AZURE_CLIENT_SECRET)$/, 'Azure'],
];

/** A script that logs in with a key file: the key exists, whatever the variable is called. */
const KEY_FILE_LOGIN = /gcloud\s+auth\s+activate-service-account\b[^\n]*--key-file/;

/** A variable read in a shell script: `$NAME` or `${NAME}`. */
const SCRIPT_VARIABLE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g;

/**
 * GitLab CI keeps keys in CI/CD variables set outside the file: a script that reads a key variable
 * (`echo "$GCP_SA_KEY" | base64 -d > key.json`) or logs in with a key file uses a stored key.
 */
function checkGitLab(root: YNode | undefined, found: { range: Range; provider: string }[]): void {
  for (const job of gitlabJobs(root)) {
    const s3Compatible = [...job.variables.keys()].some((name) => S3_ENDPOINT.test(name));
    for (const line of job.scripts) {
      const login = KEY_FILE_LOGIN.exec(line.raw);
      if (login) found.push({ range: rangeWithin(line, login.index, login.index + login[0].length), provider: 'Google Cloud' });
      for (const match of line.raw.matchAll(SCRIPT_VARIABLE)) {
        const provider = KEY_ENV.find(([name]) => name.test(match[1]))?.[1];
        if (!provider || (provider === 'AWS' && s3Compatible)) continue;
        found.push({ range: rangeWithin(line, match.index, match.index + match[0].length), provider });
      }
    }
  }
}

export default yamlRule({
  id: 'long-lived-cloud-credentials',
  language: 'yaml',
  documentKinds: ['github-actions', 'other'],
  category: 'security',
  severity: 'warning',
  anchors: ['github-docs:security-hardening-with-openid-connect'],
  messages: {
    stored: l(
      '워크플로가 저장된 {provider} 키로 로그인합니다; OIDC(역할 위임, Workload Identity Federation)를 쓰면 유출될 키가 없습니다',
      'The workflow logs in to {provider} with a stored key; with OIDC (role assumption, workload identity federation) there is no key to leak',
    ),
    storedVariable: l(
      '파이프라인이 CI/CD 변수에 저장된 {provider} 키로 로그인합니다; GitLab의 id_tokens(OIDC, Workload Identity Federation)를 쓰면 유출될 키가 없습니다',
      'The pipeline logs in to {provider} with a key kept in a CI/CD variable; with GitLab id_tokens (OIDC, workload identity federation) there is no key to leak',
    ),
  },
  docs: {
    summary: l(
      '클라우드(AWS, Google Cloud, Azure) 로그인에 시크릿으로 저장한 장기 키(액세스 키, 서비스 계정 JSON, 클라이언트 시크릿)를 쓰는 워크플로를 한 번 찾습니다. 역할 ARN이나 Workload Identity Provider만 넘기는 로그인은 제외합니다. GitLab CI에서는 job 스크립트가 읽는 CI/CD 변수($GCP_SA_KEY, --key-file 로그인)가 그 키입니다.',
      'Flags, once per workflow, cloud logins (AWS, Google Cloud, Azure) that use a long-lived key kept in a secret (an access key, a service-account JSON, a client secret). Logins that pass only a role ARN or a workload identity provider are fine. In GitLab CI the key is a CI/CD variable a job script reads ($GCP_SA_KEY, a --key-file login).',
    ),
    why: l(
      '저장된 키는 만료되지 않고, 로그·아티팩트·포크된 워크플로로 새면 누군가 모델 저장소와 클러스터를 계속 쓸 수 있습니다. OIDC는 실행마다 몇 분짜리 토큰을 받고, 어느 저장소·브랜치가 받을 수 있는지 클라우드 쪽에서 정합니다.',
      'A stored key never expires: once it leaks through a log, an artifact or a forked workflow, someone can keep using the model bucket and the cluster. With OIDC each run gets a token that lasts minutes, and the cloud side decides which repository and branch may have one.',
    ),
    bad: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.0.2\n        with:\n          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n          aws-region: eu-west-1\n',
    good: 'on: push\npermissions:\n  contents: read\n  id-token: write\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.0.2\n        with:\n          # TODO: 이 역할의 신뢰 정책은 어느 저장소와 브랜치를 허용하나요?\n          role-to-assume: ${{ vars.DEPLOY_ROLE_ARN }}\n          aws-region: eu-west-1\n',
  },
  weeks: ['intermediate/1', 'intermediate/2'],
  questions: [
    l(
      '이 {provider} 키가 오늘 유출된다면, 언제까지 누가 무엇을 할 수 있나요? 키를 바꾸는 데는 얼마나 걸리나요?',
      'If this {provider} key leaked today, who could do what, and until when? How long would rotating it take?',
    ),
    l(
      '이 {pipeline|워크플로}가 클라우드에서 실제로 해야 하는 일은 무엇인가요? 그 권한만 가진 역할을 실행마다 받을 수는 없을까요?',
      'What does this {pipeline|workflow} actually need to do in the cloud, and could each run receive a role with only that?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 저장된 키 대신 OIDC로 로그인\n# 고려사항:\n# - permissions에 id-token: write가 필요합니다\n# - 클라우드 쪽 신뢰 정책은 어느 저장소·브랜치·환경을 허용해야 할까요?\n# - 이 역할에 꼭 필요한 권한은 무엇인가요?\n# role-to-assume / workload_identity_provider: # TODO\n',
    en: '# TODO: log in with OIDC instead of a stored key\n# Consider:\n# - permissions need id-token: write\n# - which repository, branch or environment should the cloud trust policy accept?\n# - which permissions does this role really need?\n# role-to-assume / workload_identity_provider: # TODO\n',
  },
  check(context, document) {
    // One stored key is one decision for the file: said once, at its first use.
    const found: { range: Range; provider: string }[] = [];
    if (document.kind === 'other') {
      if (isGitLabCi(document.root)) checkGitLab(document.root, found);
      const first = found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column)[0];
      if (first) context.report({ range: first.range, messageId: 'storedVariable', data: { provider: first.provider } });
      return;
    }
    // AWS_* keys beside an S3 endpoint of its own (MinIO behind MLflow, R2) log in to that store, which no OIDC reaches.
    const envMaps = [at(document.root, 'env'), ...workflowJobs(document).flatMap((job) => [at(job.spec, 'env'), ...jobSteps(job).map((step) => at(step, 'env'))])];
    const s3Compatible = envMaps.some((node) => entries(node).some((e) => S3_ENDPOINT.test(e.key)));
    const envKeys = (node: YNode | undefined) => {
      for (const e of entries(node)) {
        const provider = KEY_ENV.find(([name]) => name.test(e.key))?.[1];
        if (provider === 'AWS' && (s3Compatible || S3_STORE_SECRET.test(e.value?.kind === 'scalar' ? e.value.value : ''))) continue;
        if (provider && e.value?.kind === 'scalar' && FROM_SECRET.test(e.value.value)) found.push({ range: e.keyRange, provider });
      }
    };
    envKeys(at(document.root, 'env'));
    for (const job of workflowJobs(document)) {
      envKeys(at(job.spec, 'env'));
      for (const step of jobSteps(job)) {
        envKeys(at(step, 'env'));
        for (const e of entries(at(step, 'with'))) {
          const provider = KEY_INPUT[e.key];
          if (provider && e.value?.kind === 'scalar' && FROM_SECRET.test(e.value.value)) found.push({ range: e.keyRange, provider });
        }
      }
    }
    for (const { run } of runScripts(document)) {
      const match = KEY_FILE_LOGIN.exec(run.raw);
      if (match) found.push({ range: rangeWithin(run, match.index, match.index + match[0].length), provider: 'Google Cloud' });
    }
    const first = found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column)[0];
    if (first) context.report({ range: first.range, messageId: 'stored', data: { provider: first.provider } });
  },
});
