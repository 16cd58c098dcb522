import { inheritedInstruction, runtimeStages, userName } from '../../project/deploy';
import { baseImage, NON_ROOT_BASE, substitute } from '../../project/dockerfile';
import type { FileFacts, InstructionFact, StageFact } from '../../project/facts';
import { dirname, joinDir } from '../../project/modules';
import { l, projectRule } from '../../rule';

export default projectRule({
  scope: 'project',
  id: 'container-runs-as-root',
  language: 'dockerfile',
  category: 'security',
  severity: 'warning',
  anchors: ['CKV_DOCKER_3', 'CKV_DOCKER_8', 'DL3002'],
  messages: {
    noUser: l('이미지에 USER가 없어 컨테이너가 root로 실행됩니다', 'The image sets no USER, so the container runs as root'),
    rootUser: l('마지막 USER가 {user}라서 컨테이너가 root로 실행됩니다', 'The last USER is {user}, so the container runs as root'),
  },
  docs: {
    summary: l(
      '실행 단계(마지막 FROM)에 USER가 없거나 마지막 USER가 root/0인 Dockerfile을 찾습니다 (nonroot/distroless/bitnami 같은 비root 기반 이미지, VS Code dev container 이미지(mcr.microsoft.com/devcontainers)와 개발용 Dockerfile은 제외).',
      'Flags Dockerfiles whose runtime stage (the last FROM) sets no USER or ends with USER root/0 (non-root base images such as distroless nonroot or bitnami, VS Code dev container images (mcr.microsoft.com/devcontainers) and development Dockerfiles are skipped).',
    ),
    why: l(
      'root로 실행되는 컨테이너에서 앱의 취약점(예: 역직렬화, 명령 주입)이 뚫리면 공격자는 컨테이너 안의 모든 것을 바꿀 수 있고, 커널 취약점이나 잘못된 마운트를 통해 호스트까지 넘볼 수 있습니다.',
      'When an app running as root is compromised (unsafe deserialisation, command injection), the attacker owns everything in the container and is one kernel bug or careless mount away from the host.',
    ),
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
    good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n# TODO: 앱이 써야 하는 디렉터리(모델, 로그)의 소유자는 누구여야 할까요?\nRUN useradd --create-home appuser\nUSER appuser\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
  },
  weeks: ['advanced/4', 'beginner/3'],
  questions: [
    l(
      '이 서비스에 원격 코드 실행 취약점이 있다면, 공격자는 컨테이너 안에서 어떤 권한을 얻게 될까요?',
      'If this service had a remote code execution bug, which privileges would the attacker get inside the container?',
    ),
    l(
      '앱이 실행 중에 실제로 써야 하는 파일이나 디렉터리는 무엇인가요? 그 밖의 파일은 읽기만 해도 되지 않을까요?',
      'Which files or folders does the app really need to write at run time, and could everything else be read-only?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 비root 사용자로 실행하기\n# 고려사항:\n# - 전용 사용자/그룹을 만들고 필요한 디렉터리만 소유권을 주기\n# - 쿠버네티스 securityContext(runAsNonRoot)와도 맞추기\n# TODO: RUN useradd ... 와 USER 지시어를 CMD 앞에 추가하세요\n',
    en: '# TODO: run as a non-root user\n# Consider:\n# - create a dedicated user/group and give it only the folders it must write\n# - match the Kubernetes securityContext (runAsNonRoot)\n# TODO: add RUN useradd ... and a USER instruction before CMD\n',
  },
  project(context) {
    for (const { path, facts, stage } of runtimeStages(context.view.files)) {
      const user = inheritedInstruction(facts, stage, 'user');
      if (user) {
        const name = userName(user);
        if (/^(root|0)$/.test(name)) context.report({ path, range: user.range, messageId: 'rootUser', data: { user: name } });
        continue;
      }
      const base = baseImage(facts, stage).image;
      if (NON_ROOT_BASE.test(base) || (base.includes('$') && composeBases(context.view.files, path, base).some((image) => NON_ROOT_BASE.test(image)))) continue;
      if (stepsDown(base, stage)) continue;
      // Reviewers say "this image runs as root" and point at the runtime stage's FROM (13 of 19
      // blind-written expectations that name a line); the command that starts the root process,
      // where the USER belongs just before it, is the related place.
      const start = startCommand(stage);
      if (!start) {
        context.report({ path, range: stage.range, messageId: 'noUser' });
        continue;
      }
      const related = [{ path, range: start.range, message: l('root로 시작되는 명령', 'the command that starts as root') }];
      context.report({ path, range: stage.range, messageId: 'noUser', related });
    }
  },
});

/**
 * `FROM ${AIRFLOW_BASE_IMAGE}` with no default: the compose services that build this Dockerfile
 * pass the value in `build.args`, and that is the image the container starts from.
 */
function composeBases(files: ReadonlyMap<string, FileFacts>, dockerfile: string, base: string): string[] {
  const images: string[] = [];
  for (const [file, facts] of files) {
    if (facts.kind !== 'yaml') continue;
    for (const { build } of facts.compose) {
      if (!build?.args) continue;
      const dir = joinDir(dirname(file), build.context);
      if (`${dir ? `${dir}/` : ''}${build.dockerfile ?? 'Dockerfile'}`.replace(/\/\.\//g, '/') === dockerfile) images.push(substitute(base, build.args));
    }
  }
  return images;
}

/**
 * The official data-store images (`postgres`, `mysql`, `redis`, `mongo` ...) start as root only to
 * fix the data folder's owner: their entrypoint then switches to the store's own user (`gosu
 * postgres`) before the server starts. A Dockerfile that only adds init scripts or configuration
 * keeps that entrypoint; one with an ENTRYPOINT of its own, or a CMD that starts some other
 * program, runs that program as root.
 */
const STEP_DOWN_BASE = /^(docker\.io\/)?(library\/)?(postgres|mysql|mariadb|redis|mongo|rabbitmq|cassandra|zookeeper)([:@]|$)/i;
const STEP_DOWN_SERVER = /^(postgres|mysqld|mariadbd|redis-server|mongod|rabbitmq-server|cassandra|zkServer\.sh)$/;

function stepsDown(base: string, stage: StageFact): boolean {
  if (!STEP_DOWN_BASE.test(base) || stage.entrypoint) return false;
  const first = stage.cmd && (stage.cmd.words?.[0] ?? stage.cmd.text.trim().split(/\s+/)[0]);
  return stage.cmd === undefined || (first !== undefined && STEP_DOWN_SERVER.test(first.slice(first.lastIndexOf('/') + 1)));
}

/** The stage's own CMD or ENTRYPOINT, whichever comes last (the one that starts the process). */
function startCommand(stage: StageFact): InstructionFact | undefined {
  const { cmd, entrypoint } = stage;
  if (!cmd || !entrypoint) return cmd ?? entrypoint;
  return cmd.range.start.line >= entrypoint.range.start.line ? cmd : entrypoint;
}
