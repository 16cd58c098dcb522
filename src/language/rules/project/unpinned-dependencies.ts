import { packageInstalls, simpleCommands, splitCommand } from '../../project/commands';
import { isProductionDockerfile } from '../../project/deploy';
import type { FileFacts, PythonFacts, RequirementFact } from '../../project/facts';
import { distributionKey } from '../../project/text-facts';
import { ML_ROOTS } from '../../python/training';
import { l, projectRule, type ProjectReport } from '../../rule';
import type { Range } from '../../types';
import { rangeWithin } from '../../yaml/values';

/** Requirements files that are not what the service runs with (the word whole: `requirements-docker.txt` is the image's). */
const NOT_RUNTIME = /(^|[\\/_.\-])(dev|devel|test|tests|testing|docs?|lint|ci|local|extras?)([_.\-][\w.\-]*)?\.txt$|\.in$/i;

export default projectRule({
  scope: 'project',
  id: 'unpinned-dependencies',
  language: 'dockerfile',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['DL3013', 'gap:unpinned-requirements'],
  messages: {
    pip: l('버전을 고정하지 않고 설치합니다: {packages}', 'Installs without a pinned version: {packages}'),
    pipenv: l('pipenv install이 --deploy 없이 실행되어 Pipfile.lock을 강제하지 않습니다', 'pipenv install runs without --deploy, so Pipfile.lock is not enforced'),
    requirements: l('{count}/{total}개 패키지의 버전이 고정되지 않았습니다: {packages}', '{count} of {total} packages have no exact version: {packages}'),
    condaExport: l(
      '이 파일은 conda export(이름=버전=빌드) 형식입니다 — pip install -r은 이 줄들을 읽지 못하고, 빌드 문자열은 export한 플랫폼에만 맞습니다',
      'This file is a conda export (name=version=build) — pip install -r cannot read these lines, and the build strings fit only the platform it was exported on',
    ),
    vcs: l(
      '{name}을 저장소 URL로 설치하면서 커밋이나 태그를 적지 않았습니다 — 빌드할 때마다 기본 브랜치의 최신 코드가 설치됩니다',
      '{name} is installed from a repository URL with no commit or tag — every build installs whatever its default branch holds then',
    ),
    conda: l(
      'conda 환경 파일의 패키지 {total}개 중 {count}개에 버전이 없습니다: {packages} — 환경을 다시 만들 때마다 다른 버전이 설치됩니다',
      '{count} of {total} packages in the conda environment have no version: {packages} — every rebuild of the environment installs whatever is newest',
    ),
    bento: l(
      'bentofile의 python.packages {total}개 중 {count}개에 정확한 버전이 없습니다: {packages} — bento를 빌드할 때마다 그날의 최신 버전이 들어가, 모델을 저장한 라이브러리와 서빙하는 라이브러리가 달라질 수 있습니다',
      '{count} of {total} python.packages in the bentofile have no exact version: {packages} — every bento build takes whatever is newest that day, so the model can be served by other library versions than it was saved with',
    ),
    remoteScript: l(
      '{url}에서 받은 설치 스크립트를 버전이나 체크섬 없이 바로 {shell}로 실행합니다 — 실행할 때마다 그날 올라온 스크립트와 도구 버전이 설치됩니다',
      'The installer script at {url} is piped straight into {shell} with no version or checksum — every run installs whatever script and tool version it serves that day',
    ),
    latestDownload: l(
      '{url}은 최신 릴리스를 가리킵니다 — 새 릴리스가 나오면 같은 단계가 다른 도구를 받습니다',
      '{url} points at the latest release — the next release makes the same step download another tool',
    ),
    lockAtBuild: l(
      '이미지를 빌드하면서 {tool} lock으로 잠금 파일을 다시 만듭니다 — 이미지에는 커밋된 잠금 파일이 아니라 빌드하는 날 새로 고른 버전이 설치됩니다',
      '{tool} lock regenerates the lock file during the image build — the image installs versions resolved on build day, not the committed lock',
    ),
    uvSync: l(
      'uv sync에 --frozen이나 --locked가 없습니다 — pyproject와 어긋나면 빌드가 잠금 파일을 조용히 다시 풀어, 잠근 버전과 다른 패키지가 설치될 수 있습니다',
      'uv sync runs without --frozen or --locked — when pyproject and the lock disagree the build silently re-resolves and installs other versions than the locked ones',
    ),
    noLock: l(
      '{file}은 범위로만 버전을 정하는데({packages}) 옆에 lock 파일(poetry.lock, uv.lock, Pipfile.lock ...)이 없습니다 — 학습·서빙 때 실제로 설치된 버전이 어디에도 남지 않습니다',
      '{file} declares only ranges ({packages}) and no lock file (poetry.lock, uv.lock, Pipfile.lock ...) sits beside it — the versions a run actually installed are recorded nowhere',
    ),
  },
  docs: {
    summary: l(
      'Dockerfile RUN에서 버전 없이 pip/conda로 설치하는 패키지, Dockerfile과 워크플로에서 버전·체크섬 없이 셸이나 python으로 바로 파이프하는 원격 설치 스크립트(curl ... | sh)와 latest 릴리스 내려받기, 이미지 빌드 중에 잠금 파일을 다시 만드는 명령(poetry lock, uv lock)과 --frozen/--locked 없는 uv sync, --deploy 없는 pipenv install(워크플로 포함), 정확한 버전(==)이 없는 requirements 파일(개발/테스트용과 .in 제외; pip이 읽지 못하는 conda export(이름=버전=빌드)는 그 형식을 알립니다), 커밋이나 태그 없이 git 저장소에서 설치하는 줄(git+https://...), 버전 없는 패키지가 있는 conda 환경 파일(environment.yml, MLflow 프로젝트의 conda.yaml), 정확한 버전(==)이 없는 BentoML bentofile.yaml의 python.packages, 모델을 학습·서빙하는 프로젝트에서 범위만 적고 lock 파일이 없는 pyproject.toml/Pipfile을 찾습니다.',
      'Flags packages installed by pip/conda in Dockerfile RUN lines without a version, remote installer scripts piped straight into a shell or python with no version or checksum (curl ... | sh) and downloads of a latest release, in Dockerfiles and workflows, image builds that regenerate the lock file (poetry lock, uv lock) or run uv sync without --frozen or --locked, pipenv install without --deploy (workflows too), and requirements files with packages lacking an exact version (dev/test files and .in files are skipped; a conda export, name=version=build, which pip cannot read, is reported as such) or installed from a git repository with no commit or tag (git+https://...), conda environment files (environment.yml, the conda.yaml of an MLflow project) whose packages have no version, BentoML bentofile.yaml python.packages without an exact version, and, in projects that train or serve models, pyproject.toml/Pipfile manifests that declare only ranges with no lock file beside them.',
    ),
    why: l(
      '버전을 고정하지 않으면 같은 Dockerfile이 빌드할 때마다 다른 라이브러리를 설치합니다. 어제 학습한 모델이 오늘 빌드한 이미지에서 다르게 동작하거나, 새 버전의 변경 때문에 배포가 갑자기 깨집니다.',
      "Without pinned versions the same Dockerfile installs different libraries on every build: a model trained yesterday behaves differently in today's image, or a new release breaks the deployment out of the blue.",
    ),
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install flask scikit-learn\nCOPY . .\nUSER 1000\nCMD ["gunicorn", "app:app"]\n',
    good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\n# TODO: requirements.txt의 버전은 어떻게 정하고 언제 올릴까요? (pip-tools, uv lock ...)\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nUSER 1000\nCMD ["gunicorn", "app:app"]\n',
  },
  weeks: ['beginner/3', 'beginner/2'],
  questions: [
    l(
      '6개월 뒤에 이 이미지를 다시 빌드하면, 지금과 똑같은 라이브러리 버전이 설치될까요?',
      'If you rebuild this image in six months, will it install the same library versions as today?',
    ),
    l(
      '모델을 학습한 환경과 서빙하는 환경의 라이브러리 버전이 다르면 어떤 문제가 생길 수 있을까요?',
      'What can go wrong when the libraries that serve the model differ from those it was trained with?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 의존성 버전 고정\n# 고려사항:\n# - 직접 쓰는 패키지와 그 의존성까지 고정할까요? (lock 파일)\n# - 버전을 올리는 주기와 방법 (Dependabot, pip-tools, uv)\n# TODO: requirements.txt에 ==버전을 적고 Dockerfile은 -r로 설치하세요\n',
    en: '# TODO: pin dependency versions\n# Consider:\n# - pin only direct dependencies, or their dependencies too (a lock file)?\n# - how and how often versions get upgraded (Dependabot, pip-tools, uv)\n# TODO: write ==versions in requirements.txt and install it with -r\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      // A tool fetched by a remote installer script: in every image (training images too) and every workflow.
      if (facts.kind === 'dockerfile') {
        for (const stage of facts.stages)
          for (const run of stage.runs) {
            for (const found of remoteInstalls(run.text)) context.report({ path, range: run.range, messageId: found.messageId, data: found.data });
            const relock = lockAtBuild(run.text, stage.env);
            if (relock) context.report({ path, range: run.range, messageId: relock.messageId, data: relock.data });
          }
      } else if (facts.kind === 'yaml') {
        for (const run of facts.workflowRuns)
          for (const found of remoteInstalls(run.raw))
            context.report({ path, range: rangeWithin(run, found.index, found.index + found.length), messageId: found.messageId, data: found.data });
      }
      if (facts.kind === 'dockerfile' && isProductionDockerfile(path)) {
        // One `RUN pip install` per package is one habit: the first such RUN names every package.
        let first: Range | undefined;
        const unpinned: string[] = [];
        for (const stage of facts.stages) {
          for (const run of stage.runs) {
            const found = installs(run.words ?? splitCommand(run.text));
            if (found.unpinned.length) {
              first ??= run.range;
              unpinned.push(...found.unpinned.filter((name) => !unpinned.includes(name)));
            }
            if (found.pipenv) context.report({ path, range: run.range, messageId: 'pipenv' });
          }
        }
        if (first) context.report({ path, range: first, messageId: 'pip', data: { packages: unpinned.join(', ') } });
      } else if (facts.kind === 'yaml') {
        const loose = (facts.condaPackages ?? []).filter((p) => !p.pinned);
        if (loose.length > 0) {
          const total = facts.condaPackages?.length ?? loose.length;
          context.report({ path, range: loose[0].range, messageId: 'conda', data: { count: loose.length, total, packages: listed(loose, 4) } });
        }
        const looseBento = (facts.bentoPackages ?? []).filter((p) => !p.pinned);
        if (looseBento.length > 0) {
          const total = facts.bentoPackages?.length ?? looseBento.length;
          context.report({ path, range: looseBento[0].range, messageId: 'bento', data: { count: looseBento.length, total, packages: listed(looseBento, 4) } });
        }
        for (const run of facts.workflowRuns) {
          if (!installs(splitCommand(run.value)).pipenv) continue;
          const at = run.raw.indexOf('pipenv install');
          context.report({ path, range: at >= 0 ? rangeWithin(run, at, at + 'pipenv install'.length) : run.range, messageId: 'pipenv' });
        }
      } else if (facts.kind === 'requirements' && facts.manifest && APPLICATION_MANIFEST.test(path)) {
        const loose = facts.packages.filter((p) => !p.pinned && !p.dev);
        if (loose.length === 0 || pinnedBeside(context.view.files, path) || !runsModelsOrServices(context.view.python.values())) continue;
        const names =
          loose
            .slice(0, 3)
            .map((p) => p.name + (p.spec ? ` ${p.spec}` : ''))
            .join(', ') + (loose.length > 3 ? ', ...' : '');
        context.report({
          path,
          range: loose[0].range,
          messageId: 'noLock',
          data: { file: path.slice(path.lastIndexOf('/') + 1), packages: names },
          ...modelLibrary(path, loose),
        });
      } else if (facts.kind === 'requirements' && !facts.constrained && !NOT_RUNTIME.test(path)) {
        // A repository with no commit or tag is its own lesson: not a version left open, the default branch.
        for (const p of facts.packages) if (p.vcs && !p.pinned) context.report({ path, range: p.range, messageId: 'vcs', data: { name: p.name } });
        const unpinned = facts.packages.filter((p) => !p.pinned && !p.vcs);
        if (unpinned.length === 0) continue;
        // `conda list --export > requirements.txt` pins every package, but in conda's syntax: the
        // lesson is the format pip cannot read, not versions left open.
        if (condaExport(facts.packages)) {
          context.report({ path, range: facts.packages[0].range, messageId: 'condaExport' });
          continue;
        }
        const names =
          unpinned
            .slice(0, 4)
            .map((p) => p.name)
            .join(', ') + (unpinned.length > 4 ? ', ...' : '');
        context.report({
          path,
          range: unpinned[0].range,
          messageId: 'requirements',
          data: { count: unpinned.length, total: facts.packages.length, packages: names },
          ...modelLibrary(path, unpinned),
        });
      }
    }
  },
});

/** `name=1.2.3=py38h06a4308_0` (or `=pypi_0`): most lines of the file in conda's export syntax. */
const CONDA_EXPORT_SPEC = /^=[^=<>!~\s]+=[\w.+-]+$/;
function condaExport(packages: readonly RequirementFact[]): boolean {
  const exported = packages.filter((p) => CONDA_EXPORT_SPEC.test(p.spec)).length;
  return exported >= 3 && exported * 2 > packages.length;
}

/**
 * Libraries whose version a saved model depends on: a pickle or checkpoint written under one
 * release may load differently, or not at all, under another. Reviewers point at these lines.
 */
const MODEL_LIBRARIES = new Set([
  'scikit-learn',
  'sklearn',
  'torch',
  'torchvision',
  'tensorflow',
  'tensorflow-cpu',
  'keras',
  'xgboost',
  'lightgbm',
  'catboost',
  'transformers',
  'onnxruntime',
]);

/**
 * The first open model library as the related place of a list finding, when the list starts with
 * another package: the squiggle stays on the first open line, the model library is where it hurts.
 */
function modelLibrary(path: string, open: readonly { readonly name: string; readonly range: Range }[]): Pick<ProjectReport, 'related'> {
  const library = open.find((p) => MODEL_LIBRARIES.has(distributionKey(p.name)));
  if (!library || library === open[0]) return {};
  const message = l(`${library.name}: 저장된 모델은 학습할 때의 버전에 묶여 있습니다`, `${library.name}: a saved model is tied to the version it was trained with`);
  return { related: [{ path, range: library.range, message }] };
}

/**
 * `curl -sSL https://install.python-poetry.org | python3 -`, `wget -qO- URL | sh`: a script run as
 * the server sends it. The pipe may go through sudo; what follows the shell is the script's options.
 */
const PIPED_SCRIPT = /\b(?:curl|wget)\b[^|;&\n]*?(https?:\/\/[^\s|;&"'`)]+)[^|;&\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(sh|bash|zsh|python[\d.]*)\b([^;&|\n]*)/g;
/** A version the installer is told (in its URL or options) or a checksum the step checks. */
const PINNED_SCRIPT = /\/v?\d+\.\d+(\.\d+)?\/|[?&]version=|--version\b|(^|\s)-v\s*\d|\bVERSION=\d/i;
const CHECKSUM = /\b(sha256sum|sha512sum|shasum|md5sum)\b|--checksum\b/;
/** A GitHub release asset by `latest` instead of a tag. */
const LATEST_DOWNLOAD = /https?:\/\/[^\s|;&"'`)]*\/releases\/latest\/download\/[^\s|;&"'`)]*/g;

/** Remote installers in a shell script (a Dockerfile RUN, a workflow run:), with their offsets. */
function remoteInstalls(script: string): { index: number; length: number; messageId: 'remoteScript' | 'latestDownload'; data: Record<string, string> }[] {
  if (!script.includes('http') || CHECKSUM.test(script)) return [];
  const found: ReturnType<typeof remoteInstalls> = [];
  for (const match of script.matchAll(PIPED_SCRIPT)) {
    if (commentedOut(script, match.index) || PINNED_SCRIPT.test(match[1]) || PINNED_SCRIPT.test(match[3])) continue;
    found.push({ index: match.index, length: match[0].trimEnd().length, messageId: 'remoteScript', data: { url: match[1], shell: match[2] } });
  }
  for (const match of script.matchAll(LATEST_DOWNLOAD))
    if (!commentedOut(script, match.index)) found.push({ index: match.index, length: match[0].length, messageId: 'latestDownload', data: { url: match[0] } });
  return found;
}

/** `poetry lock`, `uv lock`, `pipenv lock`, `pdm lock` re-resolve; `--check`/`--locked`/`--frozen` only compare. */
const RELOCK = /\b(poetry|uv|pipenv|pdm)\s+lock\b(?![^;&|]*--(check|locked|frozen))/;
const UV_SYNC = /\buv\s+sync\b([^;&|]*)/;

/** A build that resolves its own lock instead of installing the committed one. */
function lockAtBuild(text: string, env: Readonly<Record<string, string>>): { messageId: 'lockAtBuild' | 'uvSync'; data: Record<string, string> } | undefined {
  const relock = RELOCK.exec(text);
  if (relock) return { messageId: 'lockAtBuild', data: { tool: relock[1] } };
  const sync = UV_SYNC.exec(text);
  // UV_FROZEN / UV_LOCKED in the image's environment make every uv sync frozen or locked.
  if (sync && !/--(frozen|locked)\b/.test(sync[1]) && !env.UV_FROZEN && !env.UV_LOCKED) return { messageId: 'uvSync', data: {} };
  return undefined;
}

/** A shell comment or an echo line: text about a command, not the command. */
function commentedOut(script: string, index: number): boolean {
  const prefix = script.slice(script.lastIndexOf('\n', index - 1) + 1, index);
  return /(^|\s)#/.test(prefix) || /\b(echo|printf)\b/.test(prefix);
}

/** Manifests an application is installed from (setup.cfg is a library's, whose ranges are its contract). */
const APPLICATION_MANIFEST = /(^|[\\/])(pyproject\.toml|Pipfile)$/i;

/**
 * Is the manifest at `path` pinned by a file beside it: a lock file, or a requirements file (an
 * export of the lock, or a list the requirements check already judges on its own)?
 */
function pinnedBeside(files: ReadonlyMap<string, FileFacts>, path: string): boolean {
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  for (const [other, facts] of files) {
    if (facts.kind !== 'requirements' || other === path || other.slice(0, other.lastIndexOf('/') + 1) !== dir) continue;
    if (facts.lock || !facts.manifest) return true;
  }
  return false;
}

/** A project that trains or serves models (a published library declares ranges on purpose). */
function runsModelsOrServices(python: Iterable<PythonFacts>): boolean {
  for (const facts of python) if (facts.objects.length > 0 || facts.imports.some((i) => ML_ROOTS.has(i.module.split('.')[0]))) return true;
  return false;
}

/** Packages a shell line installs without a version, and whether it runs pipenv install without --deploy. */
/** The packaging tools a build upgrades before installing the service's packages. */
const INSTALLER = /^(?:pip|setuptools|wheel)$/i;

function installs(words: readonly string[]): { unpinned: string[]; pipenv: boolean } {
  const unpinned: string[] = [];
  for (const { tool, requirements } of packageInstalls(words)) {
    if (tool === 'conda') unpinned.push(...requirements.filter((w) => !w.includes('=')));
    // The installer itself (`pip install -U pip setuptools wheel`) changes how packages are
    // installed, not what the service runs: the packages are the lesson, as in the workflow rule.
    else unpinned.push(...requirements.filter((name) => !/(===?|@)/.test(name) && !INSTALLER.test(name)));
  }
  const pipenv = simpleCommands(words).some((command) => {
    const program = command[0]?.slice(command[0].lastIndexOf('/') + 1) ?? '';
    if (program !== 'pipenv' || command[1] !== 'install') return false;
    const rest = command.slice(2);
    return !rest.some((w) => w === '--deploy' || w === '--ignore-pipfile') && !rest.some((w) => !w.startsWith('-'));
  });
  return { unpinned, pipenv };
}

/** The first names of some packages, for a message. */
function listed(packages: readonly { readonly name: string }[], count: number): string {
  return (
    packages
      .slice(0, count)
      .map((p) => p.name)
      .join(', ') + (packages.length > count ? ', ...' : '')
  );
}
