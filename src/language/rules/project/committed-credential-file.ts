import { isDocumentationKey } from '../../project/key-facts';
import { l, projectRule } from '../../rule';

const MESSAGE = { 'service-account': 'serviceAccount', 'private-key': 'privateKey', aws: 'aws' } as const;

const REVOKE_KO =
  ': 저장소에 있는 한 클론한 모든 사람이 그 권한을 가집니다. 파일을 지워도 git 기록에 남으므로, 키를 폐기(revoke)하고 새로 발급한 뒤 저장소 밖(CI secret, secret manager)에 두세요';
const REVOKE_EN =
  ': anyone who clones the repository holds its access. Deleting the file leaves it in git history, so revoke the key and issue a new one, kept outside the repository (a CI secret, a secret manager)';

export default projectRule({
  scope: 'project',
  id: 'committed-credential-file',
  // Key files are neither Python nor YAML; the rule reads them through the project model, like dotenv files.
  language: 'yaml',
  category: 'security',
  severity: 'error',
  anchors: ['gitleaks:private-key', 'gitleaks:gcp-service-account', 'detect-secrets:PrivateKeyDetector', 'trufflehog', 'CWE-540'],
  messages: {
    serviceAccount: l('이 파일은 실제 클라우드 서비스 계정 키입니다' + REVOKE_KO, 'This file is a real cloud service-account key' + REVOKE_EN),
    privateKey: l('이 파일은 실제 개인 키입니다' + REVOKE_KO, 'This file is a real private key' + REVOKE_EN),
    aws: l('이 파일에 실제 AWS 비밀 액세스 키가 있습니다' + REVOKE_KO, 'This file holds a real AWS secret access key' + REVOKE_EN),
  },
  docs: {
    summary: l(
      '저장소에 들어 있는 자격 증명 파일을 찾습니다: "type": "service_account"와 개인 키가 든 GCP 서비스 계정 키 JSON(key.json, sa-key.json, 콘솔이 내려 주는 <프로젝트>-<12자리 16진수>.json), -----BEGIN PRIVATE KEY----- 본문이 있는 *.pem, *.key, id_rsa, aws_secret_access_key가 적힌 AWS credentials 파일. 자리 표시자("<your key>", ...), 암호화된 키, 인증서만 든 .pem, example/sample/dummy/fake/test 폴더나 이름의 파일은 제외합니다. 명령줄은 .gitignore가 제외한 파일을 읽지 않으므로, 보고된다는 것은 그 파일이 커밋될 수 있다는 뜻입니다.',
      'Flags credential files inside the repository: a GCP service-account key JSON ("type": "service_account" with a private key; key.json, sa-key.json, or the <project>-<12 hex>.json name the console downloads), a *.pem, *.key or id_rsa with a -----BEGIN PRIVATE KEY----- body, an AWS credentials file with aws_secret_access_key. Placeholders ("<your key>", ...), encrypted keys, certificate-only .pem files and files in or named example, sample, dummy, fake or test are left alone. The CLI skips git-ignored files, so a report means the file can be committed.',
    ),
    why: l(
      '키 파일은 그 자체가 계정입니다. 공개 저장소의 키는 몇 분 안에 자동 수집기에 걸려 클라우드 요금 폭탄이나 데이터 유출로 이어지고, 비공개 저장소라도 포크, 클론, CI 캐시에 남습니다. 파일을 지우는 커밋은 기록을 지우지 않으므로, 한 번 커밋된 키는 폐기하고 새로 발급하는 것 말고는 되돌릴 방법이 없습니다.',
      'A key file is the account itself. Keys in public repositories are harvested by scanners within minutes and turn into cloud bills or data leaks; in private ones they live on in forks, clones and CI caches. A commit that deletes the file does not delete the history, so a committed key can only be revoked and replaced, never taken back.',
    ),
    bad: '# --- sa-key.json ---\n{\n  "type": "service_account",\n  "project_id": "demo-project",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nFAKEKEYBODYFAKEKEYBODYFAKEKEYBODY\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "ci@demo-project.iam.gserviceaccount.com"\n}\n',
    good: '# --- .gitignore ---\n# TODO: 키 파일은 저장소 밖에 두세요. CI에서는 어디에서 키를(또는 키 없이 OIDC로) 받나요?\n*.json\n# --- sa-key.example.json ---\n{\n  "type": "service_account",\n  "private_key": "<your key>"\n}\n',
  },
  weeks: ['beginner/3', 'advanced/4'],
  questions: [
    l(
      '이 저장소를 읽을 수 있는 사람은 누구이고, 그들이 이 키로 무엇을 할 수 있나요? 파일을 지우는 커밋을 하면 그 권한이 사라지나요?',
      'Who can read this repository, and what can they do with this key? Would a commit that deletes the file take that access away?',
    ),
    l(
      'CI나 클러스터가 키 파일 없이 클라우드에 인증하는 방법(OIDC, Workload Identity, IAM 역할)은 무엇일까요?',
      'How could CI or the cluster authenticate to the cloud with no key file at all (OIDC, Workload Identity, an IAM role)?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 커밋된 키 처리하기\n# 고려사항:\n# - 클라우드 콘솔에서 이 키를 폐기(revoke)하고 새로 발급했나요? 파일 삭제만으로는 git 기록에 남습니다\n# - .gitignore에 키 파일 패턴(*.pem, *key*.json, id_rsa)을 추가했나요?\n# - CI와 배포 환경은 키를 어디에서 받나요? (CI secrets, secret manager, OIDC/Workload Identity)\n',
    en: '# TODO: deal with the committed key\n# Consider:\n# - has the key been revoked in the cloud console and a new one issued? Deleting the file leaves it in git history\n# - does .gitignore list key files (*.pem, *key*.json, id_rsa)?\n# - where do CI and the deployment get credentials? (CI secrets, a secret manager, OIDC / Workload Identity)\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'keyfile' || isDocumentationKey(context.view.display(path))) continue;
      for (const key of facts.keys) context.report({ path, range: key.range, messageId: MESSAGE[key.kind] });
    }
  },
});
