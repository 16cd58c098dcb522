import { l, yamlRule } from '../../rule';
import { joinDir } from '../../project/modules';
import { composeServices, isDevContainerFile } from '../../yaml/compose';
import { at, items, scalar, type YMap, type YNode } from '../../yaml/model';

/** Folder names that hold an app's code rather than its data, models or settings. */
const SOURCE_DIR = /^(src|source|app|apps|api|code|service|server|backend)$/i;
/** Override, dev and local files (and Dockerfiles kept under a local/dev folder) describe a developer's machine. */
const DEV_FILE = /([.-](dev|local|debug)|override)\.ya?ml$/i;
const DEV_DOCKERFILE = /(^|[/.\-_])(dev|development|local|debug)([/.\-_]|$)/i;

/** A compose path with `.` and `..` folded (`./api/` is `api`). */
const normalise = (path: string): string => joinDir('', path.trim());

/** The build context and Dockerfile of a service that is built here, or undefined for an image-only service. */
function buildOf(spec: YMap): { context: string; dockerfile: string } | undefined {
  const build = at(spec, 'build');
  if (!build) return undefined;
  if (build.kind === 'scalar') return { context: normalise(build.value), dockerfile: '' };
  return { context: normalise(scalar(at(build, 'context')) ?? '.'), dockerfile: scalar(at(build, 'dockerfile')) ?? '' };
}

/** `$PWD` / `${PWD}`: the shell's working directory, where `docker compose up` runs, the compose file's folder. */
const PWD = /^\$(\{PWD\}|PWD\b)/;

/** The host side of a bind mount (short or long syntax), or undefined for named volumes and absolute paths. */
function bindSource(volume: YNode): string | undefined {
  const written =
    volume.kind === 'scalar' ? volume.value.trim().split(':')[0] : volume.kind === 'map' && scalar(at(volume, 'type')) === 'bind' ? (scalar(at(volume, 'source')) ?? '') : '';
  const source = written.replace(PWD, '.');
  return /^\.\.?(\/|$)/.test(source) ? source : undefined;
}

/** A reload flag in the command (`--reload`, `flask run --debug`) or a debug/development setting in the environment. */
const DEV_COMMAND = /--reload\b|--debug\b|\bnodemon\b|\brunserver\b/;
/** A notebook server: the person edits the mounted source in it, which is the point of the mount. */
const NOTEBOOK_COMMAND = /^\s*(jupyter\s+(lab|notebook)\b|start-notebook\.sh\b)/;
const DEV_PROFILE = /^(dev|development|local|debug|notebook|jupyter)$/i;
const DEV_ENV = /^(FLASK_ENV|APP_ENV|ENV|ENVIRONMENT|NODE_ENV)=(development|dev|local)$|^(FLASK_DEBUG|DEBUG|UVICORN_RELOAD)=(1|true|yes)$/i;

/**
 * The service says it is a development server (auto-reload, debug mode, a notebook server, a `dev`
 * profile): the source mount is how it reloads or is edited, the developer's loop rather than a
 * deployment that silently runs host code.
 */
function declaredDevelopment(spec: YMap): boolean {
  const command = at(spec, 'command');
  const commandText =
    command?.kind === 'seq'
      ? items(command)
          .map((i) => scalar(i) ?? '')
          .join(' ')
      : (scalar(command) ?? '');
  if (DEV_COMMAND.test(commandText) || NOTEBOOK_COMMAND.test(commandText)) return true;
  // A service started only under a development profile (`docker compose --profile dev up`).
  if (items(at(spec, 'profiles')).some((p) => DEV_PROFILE.test(scalar(p) ?? ''))) return true;
  const environment = at(spec, 'environment');
  const pairs = environment?.kind === 'map' ? environment.entries.map((e) => `${e.key}=${scalar(e.value) ?? ''}`) : items(environment).map((i) => scalar(i) ?? '');
  return pairs.some((pair) => DEV_ENV.test(pair.trim()));
}

export default yamlRule({
  id: 'source-mounted-over-image',
  language: 'yaml',
  documentKinds: ['compose'],
  category: 'reliability',
  severity: 'info',
  anchors: ['gap:compose-source-bind-mount'],
  messages: {
    mounted: l(
      '"{service}" 서비스가 빌드한 이미지 위에 호스트의 소스 폴더 {source}를 마운트합니다: 컨테이너는 이미지가 아니라 호스트에 있는 코드를 실행합니다',
      'Service "{service}" bind-mounts the host source folder {source} over the image it builds: the container runs the code on the host, not the image',
    ),
  },
  docs: {
    summary: l(
      'build:로 이미지를 만드는 compose 서비스가 빌드 컨텍스트 자체나 그 안의 코드 폴더(src, app, api ...)를 볼륨으로 마운트하는 경우를 찾습니다. 모델·데이터·설정 폴더 마운트, dev/local/override 파일, local·dev 폴더의 Dockerfile로 만드는 서비스, 자동 재시작(--reload)이나 디버그·개발 모드(FLASK_ENV=development, DEBUG=1)로 선언된 서비스, Jupyter 노트북 서버, dev 프로필(profiles: [dev])에서만 뜨는 서비스는 제외합니다. 서비스마다 한 번 보고합니다. `.devcontainer/` 아래의 compose 파일(개발자 자신의 컨테이너 환경)은 보지 않습니다.',
      "Flags compose services that build an image and bind-mount the build context itself, or a code folder inside it (src, app, api ...), into the container. Model, data and config mounts, dev/local/override files and services built from a Dockerfile under a local or dev folder, services declared as development servers (a --reload command, FLASK_ENV=development, DEBUG=1), Jupyter notebook servers and services started only under a dev profile (profiles: [dev]) are skipped. Reported once per service. Compose files under `.devcontainer/` (a developer's own container environment) are not checked.",
    ),
    why: l(
      '이미지에 COPY한 코드는 마운트에 가려집니다. 테스트하고 태그한 이미지가 아니라 그 순간 호스트에 있는 파일이 실행되므로, 같은 이미지로도 서버마다 다른 코드가 돌고, 이미지에만 있는 설치 결과(빌드된 패키지, 권한)가 사라져 배포에서만 깨지기도 합니다.',
      'The code the image COPYs is hidden by the mount: the container runs whatever files the host has at that moment, not the image you tested and tagged, so one image runs different code on each machine, and what only the image holds (built packages, file ownership) disappears, breaking only where it is deployed.',
    ),
    bad: 'services:\n  api:\n    build: ./api\n    volumes:\n      - ./api:/app\n      - ./models:/app/models:ro\n',
    good: 'services:\n  api:\n    build: ./api\n    # TODO: 코드를 고칠 때마다 다시 빌드하는 대신 무엇이 필요했나요? 개발용이라면 어느 파일에 두어야 할까요?\n    volumes:\n      - ./models:/app/models:ro\n',
  },
  weeks: ['beginner/3'],
  questions: [
    l(
      '{service} 컨테이너에서 실행되는 코드는 이미지에 있는 코드인가요, {source}에 지금 있는 코드인가요? 둘이 다르면 무엇을 테스트한 셈인가요?',
      'Is the code {service} runs the code in its image or what {source} holds right now, and if they differ, what did you actually test?',
    ),
    l(
      '이 마운트가 필요한 것은 개발 중 코드를 바로 반영하기 위해서인가요? 그렇다면 운영용 compose와 어떻게 나눌 수 있을까요?',
      'Is the mount there to see code changes without a rebuild while developing, and if so, how could it live apart from the compose file that runs the stack?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 이미지가 코드를 갖게 하기\n# 고려사항:\n# - 코드는 Dockerfile의 COPY로 이미지에 넣었나요?\n# - 개발용 핫 리로드 마운트는 docker-compose.override.yml 같은 별도 파일로 옮길 수 있나요?\n# - 남길 마운트는 모델, 데이터처럼 코드가 아닌 것뿐인가요?\n# volumes:\n#   - # TODO\n',
    en: '# TODO: let the image carry the code\n# Consider:\n# - does the Dockerfile COPY the code into the image?\n# - can the hot-reload mount move to a separate file such as docker-compose.override.yml?\n# - are the mounts you keep only things that are not code (models, data)?\n# volumes:\n#   - # TODO\n',
  },
  check(context, document) {
    if (DEV_FILE.test(context.path) || isDevContainerFile(context.path)) return;
    for (const service of composeServices(document)) {
      const build = buildOf(service.spec);
      if (!build || DEV_DOCKERFILE.test(build.dockerfile) || declaredDevelopment(service.spec)) continue;
      for (const volume of items(at(service.spec, 'volumes'))) {
        const source = bindSource(volume);
        if (source === undefined) continue;
        const host = normalise(source);
        const inside = build.context === '' ? host : host.startsWith(`${build.context}/`) ? host.slice(build.context.length + 1) : undefined;
        const code = host === build.context || (inside !== undefined && !inside.includes('/') && SOURCE_DIR.test(inside));
        if (!code) continue;
        context.report({ range: volume.range, messageId: 'mounted', data: { service: service.name, source } });
        break;
      }
    }
  },
});
