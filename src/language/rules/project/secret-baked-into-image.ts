import { copySources } from '../../project/copies';
import { isLiteralSecret, isSecretName } from '../../yaml/secrets';
import { l, projectRule } from '../../rule';
import type { Range } from '../../types';

/** Templates of a secrets file hold no secret: `.env.example`, `.env.sample`, `secrets.template.json`. */
const TEMPLATE = /[.\-_](example|sample|template|dist|defaults?|tmpl|tpl)(\.|$)/i;
/**
 * File names that hold credentials by convention: dotenv files, private keys and keystores, SSH
 * keys, cloud service-account and client-secret JSON, netrc/pypirc, Kaggle's token, the AWS and
 * SSH folders.
 */
const SECRET_FILE =
  /^(\.env(\.[\w-]+)?|[\w.-]*\.(pem|key|p12|pfx|jks|keystore)|id_(rsa|dsa|ecdsa|ed25519)|[\w-]*(credentials?|service[-_]?account|client[-_]?secrets?|gcp[-_]?key|sa[-_]key)[\w-]*\.json|\.netrc|\.pypirc|\.npmrc|kaggle\.json|\.aws|\.ssh|\.git-credentials|secrets?\.(ya?ml|json|toml|env))$/i;

function baseName(source: string): string {
  const trimmed = source.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export default projectRule({
  scope: 'project',
  id: 'secret-baked-into-image',
  language: 'dockerfile',
  category: 'security',
  severity: 'error',
  anchors: ['trivy:secret', 'docker-build-check:SecretsUsedInArgOrEnv'],
  messages: {
    copied: l(
      '비밀 파일 "{secret}"이(가) 이미지에 복사됩니다: 이미지를 받을 수 있는 모든 사람이 그 내용을 읽을 수 있습니다',
      'The secrets file "{secret}" is copied into the image: anyone who can pull the image can read it',
    ),
    envLiteral: l(
      'ENV가 "{secret}"에 Dockerfile에 적힌 값을 넣습니다: 이미지를 받을 수 있는 모든 사람이 docker inspect로 그 값을 읽습니다',
      'ENV sets "{secret}" to a value written in the Dockerfile: anyone who can pull the image reads it with docker inspect',
    ),
    envBuild: l(
      'ENV가 "{secret}"을(를) 빌드 값({value})에서 가져옵니다: --build-arg로 넘긴 비밀은 이미지 설정에 저장되어 이미지를 받는 모든 사람이 읽습니다',
      'ENV takes "{secret}" from the build ({value}): a secret passed with --build-arg is stored in the image configuration, where anyone who can pull the image reads it',
    ),
  },
  docs: {
    summary: l(
      '.env, 개인 키(.pem, id_rsa), 클라우드 서비스 계정 JSON, .netrc, kaggle.json 같은 비밀 파일을 COPY/ADD로 이미지에 넣는 Dockerfile과 (.env.example 같은 템플릿은 제외), 자격 증명 이름(PASSWORD, TOKEN, API_KEY)의 변수를 ENV로 리터럴이나 빌드 값으로 설정하는 Dockerfile을 찾습니다 (Docker의 SecretsUsedInArgOrEnv 검사와 같음; 빈 값, *_FILE=/run/secrets/... 같은 파일 경로, 로컬 서버의 더미 키는 제외).',
      'Flags Dockerfiles that COPY or ADD a secrets file into the image: .env, private keys (.pem, id_rsa), cloud service-account JSON, .netrc, kaggle.json (templates such as .env.example are skipped), and ENV instructions that set a credential-named variable (PASSWORD, TOKEN, API_KEY) to a literal or to a build value, as Docker’s SecretsUsedInArgOrEnv check does (empty values, file paths such as *_FILE=/run/secrets/... and dummy keys of local servers are skipped).',
    ),
    why: l(
      '이미지 레이어는 지워지지 않습니다. 나중 단계에서 파일을 지워도 이전 레이어에 남고, 레지스트리에 올린 순간 그 이미지를 받을 수 있는 모든 사람과 CI 캐시가 비밀을 갖게 됩니다. 비밀은 실행 시점에 환경 변수나 마운트로 들어와야 합니다.',
      'Image layers are never erased: deleting the file in a later step leaves it in the earlier layer, and once the image is pushed everyone who can pull it, and every CI cache, holds the secret. Secrets belong at run time, as environment variables or mounted files.',
    ),
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY src/ ./src/\nCOPY .env ./\nCMD ["uvicorn", "src.app:app", "--host", "0.0.0.0"]\n',
    good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY src/ ./src/\n# TODO: 설정값은 실행할 때 어디서 들어오게 할까요? (docker run --env-file, compose env_file, Kubernetes Secret)\nCMD ["uvicorn", "src.app:app", "--host", "0.0.0.0"]\n',
  },
  weeks: ['beginner/3', 'advanced/4'],
  questions: [
    l('이 이미지를 레지스트리에 올리면, "{secret}"의 내용은 누가 읽을 수 있게 되나요?', 'Once this image is pushed to a registry, who can read what is in "{secret}"?'),
    l(
      '"{secret}"에 있는 값 중 실제로 이미지에 고정되어야 하는 것이 있나요? 나머지는 실행할 때 어떻게 전달할 수 있을까요?',
      'Does any value in "{secret}" really belong baked into the image, and how could the rest be passed in at run time?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 비밀을 이미지 밖으로 빼기\n# 고려사항:\n# - .dockerignore에 비밀 파일을 추가해 빌드 컨텍스트에서도 빼기\n# - 실행 시 --env-file, compose env_file, Kubernetes Secret으로 주입하기\n# - 이미 올라간 이미지의 비밀은 교체(rotate)해야 할까요?\n# TODO: COPY 줄을 지우고 실행 시 주입 방법을 적으세요\n',
    en: '# TODO: keep secrets out of the image\n# Consider:\n# - list the secrets file in .dockerignore so it leaves the build context too\n# - inject at run time: --env-file, compose env_file, a Kubernetes Secret\n# - an image already pushed leaks the secret: should it be rotated?\n# TODO: remove the COPY line and write down how the values arrive at run time\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'dockerfile') continue;
      for (const stage of facts.stages) {
        for (const copy of stage.copies ?? []) {
          const { sources, fromStage } = copySources(copy);
          if (fromStage) continue;
          const secret = sources.map(baseName).find((name) => SECRET_FILE.test(name) && !TEMPLATE.test(name));
          if (!secret) continue;
          context.report({ path, range: copy.range, messageId: 'copied', data: { secret } });
        }
        reportEnv(stage.envs ?? [], (range, messageId, data) => context.report({ path, range, messageId, data }));
      }
    }
  },
});

type EnvReport = (range: Range, messageId: 'envLiteral' | 'envBuild', data: Record<string, string>) => void;

/**
 * ENV instructions that put a credential into the image configuration: a literal value
 * (`ENV POSTGRES_PASSWORD=api_password`) or a build value (`ENV HF_TOKEN=$HF_TOKEN`, which holds
 * whatever `--build-arg` passed). One report per instruction.
 */
function reportEnv(envs: readonly { readonly name: string; readonly value: string; readonly range: Range }[], report: EnvReport): void {
  const done = new Set<number>();
  for (const { name, value, range } of envs) {
    if (done.has(range.start.line) || !isSecretName(name)) continue;
    // The legacy form `ENV NAME "value"` keeps its quotes; an empty placeholder is no secret.
    const trimmed = value.trim().replace(/^(["'])(.*)\1$/, '$2');
    const build = /^\$\{?\w+(?::?-[^}]*)?\}?$/.test(trimmed);
    if (build) report(range, 'envBuild', { secret: name, value: trimmed });
    else if (isLiteralSecret(name, trimmed)) report(range, 'envLiteral', { secret: name });
    else continue;
    done.add(range.start.line);
  }
}
