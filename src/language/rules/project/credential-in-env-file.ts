import { l, projectRule } from '../../rule';

export default projectRule({
  scope: 'project',
  id: 'credential-in-env-file',
  // Dotenv files share YAML's `#` comments; the rule reads them through the project model.
  language: 'yaml',
  category: 'security',
  severity: 'warning',
  anchors: ['gitleaks:generic-api-key', 'trufflehog', 'detect-secrets', 'CWE-540'],
  messages: {
    credential: l(
      '.env 파일에 실제 자격 증명으로 보이는 {name} 값이 적혀 있고, 이 파일을 제외하는 .gitignore가 없습니다: 커밋되면 저장소 기록과 함께 공개됩니다',
      'This .env file holds what looks like a real credential ({name}) and no .gitignore keeps the file out of the repository: once committed, it is public with the repository history',
    ),
  },
  docs: {
    summary: l(
      '.env, .env.production 같은 dotenv 파일에 비밀번호, 토큰, API 키 이름의 변수가 실제 값(발급된 키 sk-..., hf_..., AKIA...든 POSTGRES_PASSWORD=mlflow_pass 같은 짧은 비밀번호든)으로, 또는 비밀번호가 든 연결 URL이 적혀 있는데 .gitignore가 그 파일을 제외하지 않는 경우를 찾습니다. compose의 environment:에 적힌 비밀번호와 같게 봅니다. .env.example 같은 템플릿, 빈 값, ${VAR} 참조, your-api-key-here나 changeme 같은 자리 표시자는 제외합니다. 명령줄은 .gitignore가 제외한 파일을 읽지 않으므로, 보고된다는 것은 그 파일이 커밋될 수 있다는 뜻입니다.',
      'Flags dotenv files (.env, .env.production, prod.env) where a password, token or API-key variable holds a literal value (an issued key such as sk-..., hf_..., AKIA..., or a short password such as POSTGRES_PASSWORD=mlflow_pass), or a connection URL holds a password, while no .gitignore keeps the file out: the same as a password written in a compose environment:. Templates such as .env.example, empty values, ${VAR} references and placeholders such as your-api-key-here or changeme are left alone. The CLI and Review Workspace skip git-ignored files, so a report means the file can be committed.',
    ),
    why: l(
      '.env는 비밀을 코드 밖에 두는 좋은 방법이지만, 저장소에 들어가는 순간 그 목적이 사라집니다. 공개 저장소의 키는 몇 분 안에 자동 수집기에 걸리고, 비공개 저장소라도 포크와 클론과 CI 캐시에 남습니다. 나중에 파일을 지워도 git 기록에는 남으므로, 한 번 커밋된 키는 교체(rotate)하는 것 말고는 되돌릴 방법이 없습니다.',
      'A .env file is the right way to keep secrets out of code, until it is committed. Keys in public repositories are harvested by scanners within minutes; in private ones they live on in forks, clones and CI caches. Deleting the file later leaves it in git history, so a committed key can only be rotated, never taken back.',
    ),
    bad: '# --- .env ---\nOPENAI_API_KEY=sk-proj-4fT9xQ2mL7vR1sK8pW3nB6yH0cJ5dA2eZ9uV\nMODEL_NAME=gpt-4o-mini\n',
    good: '# --- .env.example ---\n# TODO: 필요한 변수 이름만 적고 값은 비워 두세요. 진짜 .env는 어디에 두고, 무엇이 git에서 빼 주나요?\nOPENAI_API_KEY=\nMODEL_NAME=gpt-4o-mini\n',
  },
  weeks: ['beginner/3', 'advanced/4'],
  questions: [
    l(
      '이 저장소를 누군가 클론하거나 포크하면 {name}의 값은 어디까지 퍼지나요? 지금 이 파일을 지우면 그 값은 사라지나요?',
      'If someone clones or forks this repository, how far does the value of {name} travel, and would deleting the file now take it back?',
    ),
    l(
      '팀원이 이 프로젝트를 처음 받았을 때 어떤 변수가 필요한지는 어떻게 알 수 있을까요? 값 없이 이름만 알려 주는 방법이 있을까요?',
      'How would a teammate who clones this project know which variables it needs, without being handed the values?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 비밀을 저장소 밖에 두기\n# 고려사항:\n# - .gitignore에 .env를 추가했나요? 이미 커밋되었다면 키를 교체(rotate)해야 할까요?\n# - 변수 이름만 담은 .env.example을 함께 두면 무엇이 좋아질까요?\n# - 배포 환경에서는 값이 어디에서 들어오나요? (CI secrets, Kubernetes Secret, 클라우드 secret manager)\n',
    en: '# TODO: keep secrets out of the repository\n# Consider:\n# - is .env in .gitignore? If it was already committed, should the key be rotated?\n# - what does a .env.example with the names only give a teammate?\n# - where do the values come from when deployed? (CI secrets, a Kubernetes Secret, a cloud secret manager)\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'env') continue;
      for (const credential of facts.credentials) context.report({ path, range: credential.range, messageId: 'credential', data: { name: credential.name } });
    }
  },
});
