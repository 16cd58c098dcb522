import { kubectlApplies } from '../../project/commands';
import { missingInputs } from '../../project/missing-inputs';
import { basename, dirname, joinDir } from '../../project/modules';
import { lineAt } from '../../project/report';
import { l, projectRule } from '../../rule';
import type { Range } from '../../types';

/** The files the project model reads, so the only ones whose absence it can tell. */
const KNOWN_FILE = /\.(ya?ml|py|sh)$/i;

/** `to` as seen from the folder `from` (`../prometheus.yaml`), for a message. */
function relativeTo(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/') || '.';
}

/** A repository path without the root folder the project was read from (`backend`, not `/home/me/repo/backend`). */
function inRepo(root: string, path: string): string {
  if (root && `${path}/` === root) return '';
  return root && path.startsWith(root) ? path.slice(root.length) : path;
}

export default projectRule({
  scope: 'project',
  id: 'referenced-path-missing',
  language: 'yaml',
  category: 'delivery',
  severity: 'warning',
  anchors: ['gap:referenced-path-missing'],
  messages: {
    apply: l(
      '`kubectl`이 적용하는 "{target}"이 저장소에 없습니다 (매니페스트는 {found}에 있습니다). 이 단계는 실패하거나 아무것도 배포하지 않습니다',
      '`kubectl` applies "{target}", which is not in the repository (the manifests are in {found}): the step fails or deploys nothing',
    ),
    mount: l(
      '바인드 마운트 경로 "{source}"가 없습니다 ({found}에 같은 이름의 파일이 있습니다). Docker가 빈 디렉터리를 만들어 마운트하므로 서비스는 그 파일 없이 시작합니다',
      'The bind-mount source "{source}" does not exist ({found} has a file of that name): Docker mounts an empty directory there and the service starts without the file',
    ),
    copy: l(
      '`{target}`를 복사하지만 저장소에 그런 파일이 없습니다: 깨끗한 체크아웃에서는 이미지 빌드가 이 줄에서 실패합니다',
      'The build copies `{target}`, which is not in the repository: on a clean checkout the image build fails at this line',
    ),
    context: l(
      '`{target}`를 복사하지만 compose가 이 Dockerfile에 주는 빌드 컨텍스트({context})에는 없습니다 (`{at}`에 있습니다): Docker는 컨텍스트 밖을 읽지 못하므로 `docker compose build`가 이 줄에서 실패합니다',
      'The build copies `{target}`, which the build context compose gives this Dockerfile ({context}) does not hold (it sits at `{at}` in the repository): Docker cannot read outside the context, so `docker compose build` fails at this line',
    ),
    start: l(
      '시작 명령이 `{target}`를 실행하지만 저장소에 그 파일이 없습니다: 컨테이너는 시작하자마자 종료됩니다',
      'The start command runs `{target}`, which is not in the repository: the container exits as soon as it starts',
    ),
    startApp: l(
      '시작 명령이 `{target}` 모듈을 실행하지만 빌드 컨텍스트에 그 파일이 없고, 앱은 `{found}`에서 만들어집니다: 컨테이너는 시작하자마자 종료됩니다',
      'The start command runs the module `{target}`, which the build context does not hold; the app is created in `{found}`: the container exits as soon as it starts',
    ),
    build: l(
      '빌드가 "{target}"을 가리키지만 저장소에는 대소문자만 다른 "{found}"가 있습니다. Windows·macOS에서는 빌드되지만, 대소문자를 구분하는 Linux(CI 러너, 서버)에서는 빌드가 실패합니다',
      'The build names "{target}", but the repository has "{found}", which differs only in case: it builds on Windows and macOS, and fails on Linux (a CI runner, a server), where paths are case-sensitive',
    ),
    step: l(
      '이 단계는 `{target}`를 사용하지만 저장소에 그 파일이 없습니다: 단계는 매번 실패합니다',
      'This step uses `{target}`, which is not in the repository: the step fails on every run',
    ),
  },
  docs: {
    summary: l(
      '파이프라인이 `kubectl apply -f`로 적용하는 경로나 compose가 바인드 마운트하는 파일이 저장소에 없는데, 같은 이름의 파일이나 매니페스트가 다른 곳에 있는 경우를 찾습니다(경로 오타, 폴더 이름 변경). Dockerfile이 복사하는 requirements·Python·셸 파일, 시작 명령이 실행하는 모듈(uvicorn의 `모듈:app` 대상; 그 이름의 파일이 어디에도 없어도 빌드 컨텍스트가 하나뿐인 앱을 다른 모듈에서 만들면; 일부만 옮겨 온 저장소에서 빠질 수 있는 패키지 안의 파일과 `wsgi`/`asgi` 연결 파일은 이렇게 판단하지 않음), CI 단계가 실행하는 Python 스크립트와 `docker build -f`의 파일도 같은 방식으로 봅니다. 프로젝트 모델이 읽는 파일(YAML, Python, 셸, requirements, Dockerfile)만 판단하고, 같은 이름의 파일이 다른 곳에 있을 때만 말합니다 (일부만 옮겨 온 저장소는 파일이 빠져 있을 수 있습니다). compose `build:`가 가리키는 Dockerfile이 대소문자만 다른 경로에만 있는 경우(`api/Dockerfile`과 `API/Dockerfile`)도 찾습니다: 학습자의 Windows·macOS에서는 빌드되지만 Linux에서는 실패합니다. compose가 하위 폴더를 빌드 컨텍스트로 주는데 Dockerfile이 그 컨텍스트에는 없고 위 폴더(저장소 루트)에 있는 파일이나 폴더를 복사하면 그것도 알립니다: 루트 컨텍스트를 전제로 쓴 Dockerfile입니다.',
      'Flags a path a pipeline applies with `kubectl apply -f`, or a file compose bind-mounts, that is not in the repository while a file of that name or the manifests sit elsewhere (a typo, a renamed folder). The same holds for a requirements, Python or shell file a Dockerfile copies, the module a start command runs (a uvicorn `module:app` target, also when no file of that name exists but the build context creates its one app in another module; a file inside a package or a `wsgi`/`asgi` shim, which a partial copy may leave out, is not judged that way), and the Python script or the `docker build -f` file a CI step names. Only files the project model reads (YAML, Python, shell, requirements, Dockerfiles) are judged, and only when a file of that name sits elsewhere (a partial copy of a repository may simply leave files out). A compose build whose Dockerfile exists only under a path that differs in letter case is flagged too: it builds on Windows or macOS laptops and fails on Linux. A COPY source that the `build: context:` compose gives (a subfolder such as `./backend`) does not hold, while a folder above it (the repository root) does, is flagged too: the Dockerfile was written for the root context.',
    ),
    why: l(
      '없는 폴더를 적용하는 단계는 배포 때마다 실패하고, 실패를 `|| true`나 대체 경로로 덮어 두면 아무도 모릅니다. 없는 파일을 바인드 마운트하면 Docker는 오류 대신 빈 디렉터리를 만들어, Prometheus 같은 서비스가 설정 없이 뜨거나 시작하자마자 죽습니다.',
      'A step that applies a folder that does not exist fails on every release, and nobody notices once `|| true` or a fallback hides it. Bind-mounting a missing file is not an error: Docker creates an empty directory in its place, and a service such as Prometheus starts without its configuration or dies at start.',
    ),
    bad: '# --- .github/workflows/deploy.yml ---\nname: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: kubectl apply -f k8s/\n# --- kubernetes/deployment.yaml ---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.2.0\n',
    good: '# --- .github/workflows/deploy.yml ---\nname: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      # TODO: 이 경로가 저장소에 실제로 있나요? 없으면 이 단계가 실패하나요?\n      - run: kubectl apply -f kubernetes/\n# --- kubernetes/deployment.yaml ---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.2.0\n',
  },
  weeks: ['intermediate/2', 'advanced/7'],
  questions: [
    l('이 경로는 어디를 기준으로 읽히나요? 그 기준에서 보면 파일은 실제로 어디에 있나요?', 'Where is this path read from, and seen from there, where is the file really?'),
    l(
      '경로가 틀렸을 때 파이프라인이나 컨테이너는 어떻게 실패하나요? 그 실패를 누가 언제 알아챌까요?',
      'When the path is wrong, how do the pipeline or the container fail, and who notices it, when?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 참조하는 경로를 저장소의 실제 위치와 맞추기\n# 고려사항:\n# - 워크플로는 저장소 루트에서, compose 경로는 compose 파일의 폴더에서 시작합니다\n# - 경로가 없을 때 단계가 실패하도록 두었나요? (|| true 금지)\n',
    en: "# TODO: point the reference at where the file really is\n# Consider:\n# - workflows run from the repository root, compose paths start at the compose file's folder\n# - does the step fail when the path is missing? (no || true)\n",
  },
  project(context) {
    const paths = [...context.view.files.keys()];
    const root = context.view.root ? `${context.view.root.replace(/\/$/, '')}/` : '';
    const manifests = [...context.view.files].filter(([, facts]) => facts.kind === 'yaml' && (facts.workloads.length > 0 || facts.services.length > 0)).map(([path]) => path);
    // Where a script runs is not known (a step's working-directory, a `cd`): a path is present if any file ends with it.
    const present = (target: string) => paths.some((p) => p === root + target || p.endsWith(`/${target}`) || p.includes(`/${target}/`) || p.startsWith(`${root}${target}/`));
    const applied = (path: string, raw: string, range: Range) => {
      for (const apply of kubectlApplies(raw)) {
        const target = apply.path;
        if (target.startsWith('..') || present(target)) continue;
        // A folder is judged when manifests exist elsewhere; a file when one of its name does (not a file left out).
        const sameName = manifests.filter((m) => basename(m) === basename(target));
        const elsewhere = KNOWN_FILE.test(target) ? sameName : manifests;
        if (elsewhere.length === 0) continue;
        const found = [...new Set(elsewhere.map((m) => relativeTo(dirname(path).replace(/\/\.github\/workflows$/, ''), dirname(m))))].slice(0, 3).join(', ');
        context.report({ path, range: lineAt(range, raw, apply.index), messageId: 'apply', data: { target: apply.written, found } });
      }
    };
    // A compose build whose Dockerfile exists only under another case (`api/Dockerfile` for `API/Dockerfile`).
    const byLowerCase = new Map<string, string>();
    for (const [path, facts] of context.view.files) if (facts.kind === 'dockerfile') byLowerCase.set(path.toLowerCase(), path);
    const reported = new Set<string>();
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml') continue;
      for (const service of facts.compose) {
        if (!service.build || !service.buildRange || /\$/.test(`${service.build.context}${service.build.dockerfile ?? ''}`) || /:\/\/|^git@/.test(service.build.context)) continue;
        const dir = joinDir(dirname(path), service.build.context);
        const candidate = `${dir ? `${dir}/` : ''}${service.build.dockerfile ?? 'Dockerfile'}`.replace(/\/\.\//g, '/');
        if (context.view.files.has(candidate)) continue;
        const other = byLowerCase.get(candidate.toLowerCase());
        // Docker (the classic builder and BuildKit) falls back to a lower-case `dockerfile` when the
        // default name is not given and `Dockerfile` is absent: that build works on Linux too.
        if (!service.build.dockerfile && other === `${candidate.slice(0, -'Dockerfile'.length)}dockerfile`) continue;
        // Services sharing one build through a YAML anchor name the same place once.
        const at = `${path}:${service.buildRange.start.line}`;
        if (other && other !== candidate && !reported.has(at) && reported.add(at))
          context.report({ path, range: service.buildRange, messageId: 'build', data: { target: relativeTo(dirname(path), candidate), found: relativeTo(dirname(path), other) } });
      }
    }
    for (const missing of missingInputs(context.view.files, context.view.deployments, root)) {
      if (missing.kind === 'context')
        context.report({
          path: missing.path,
          range: missing.range,
          messageId: 'context',
          data: { target: missing.target, context: `${inRepo(root, missing.context ?? '') || '.'}/`, at: inRepo(root, missing.at ?? '') },
        });
      else if (missing.found) context.report({ path: missing.path, range: missing.range, messageId: 'startApp', data: { target: missing.target, found: missing.found } });
      else context.report({ path: missing.path, range: missing.range, messageId: missing.kind, data: { target: missing.target } });
    }
    for (const [path, facts] of context.view.files) {
      if (facts.kind === 'script') for (const command of facts.commands) applied(path, command.text, command.range);
      if (facts.kind !== 'yaml') continue;
      for (const run of facts.workflowRuns) applied(path, run.raw, run.range);
      for (const service of facts.compose)
        for (const mount of service.mounts ?? []) {
          if (!KNOWN_FILE.test(mount.source)) continue;
          const resolved = joinDir(dirname(path), mount.source);
          if (paths.some((p) => p === resolved || p.startsWith(`${resolved}/`))) continue;
          const sameName = paths.filter((p) => basename(p) === basename(resolved));
          if (sameName.length === 0) continue;
          context.report({ path, range: mount.range, messageId: 'mount', data: { source: mount.source, found: relativeTo(dirname(path), sameName[0]) } });
        }
    }
  },
});
