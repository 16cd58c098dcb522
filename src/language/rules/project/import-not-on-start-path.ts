import { isInside, type LaunchAt } from '../../project/deploy';
import type { FileFacts } from '../../project/facts';
import type { ProjectView } from '../../project/index';
import { dirname, normalName, requiredNames, wrapsPackage } from '../../project/modules';
import { l, projectRule } from '../../rule';
import type { Range } from '../../types';

/**
 * The start command decides where Python looks for the project's modules: `python src/app.py`
 * puts `src/` on the path (not the working directory), `uvicorn app.main:app` and `python -m`
 * put the working directory there. A module-level `from src.utils import x` in a file started
 * as `python src/app.py`, or a flat `from routers import x` in `app/main.py` served as
 * `app.main:app`, names a module of the project that is not importable from there: the
 * container exits at start with ModuleNotFoundError. Silent when anything else may put the
 * module on the path: PYTHONPATH, a `cd`/`--app-dir`/`--chdir`, an installed project
 * (`pip install .`, `poetry install`, `uv sync`), a `sys.path` edit, a package of that name in
 * the requirements, or a module the tree does not hold (a partial copy).
 */

/** Servers that put the working directory on the path and import `module:attr` from it. */
const FROM_WORKING_DIRECTORY = new Set(['python', 'uvicorn', 'gunicorn', 'hypercorn']);
/** A build step that installs the project itself, which makes its packages importable from anywhere. */
const INSTALLS_PROJECT =
  /\b(?:pip3?|uv\s+pip)\s+install\b[^&;|\n]*?(?:\s(?:-e|--editable)\s|\s(?:\.|\.?\.?\/\S*)(?=[\s"'[]|$)|\.whl\b)|\bsetup\.py\b|\bpoetry\s+install\b(?![^&;|\n]*--no-root)|\buv\s+sync\b(?![^&;|\n]*--no-install-project)|\b(?:pdm|flit|hatch)\s+(?:install|sync)\b|\bconda\s+develop\b/;

/** `-r requirements.txt`, `--constraint=/tmp/c.txt`: files of packages, not the project. */
const REQUIREMENT_FILE = /\s(?:-r|-c|--requirement|--constraint)(?:=|\s+)\S+/g;

interface Unreachable {
  readonly path: string;
  readonly range: Range;
  readonly module: string;
  /** Where the project does hold the module (absolute imports). */
  readonly found: string;
}

type View = Pick<ProjectView, 'python' | 'modules' | 'files'>;

export default projectRule({
  scope: 'project',
  id: 'import-not-on-start-path',
  language: 'python',
  category: 'reliability',
  // An error: the service cannot start, whatever the data.
  severity: 'error',
  anchors: ['gap:import-not-on-start-path', 'pylint:E0401'],
  messages: {
    absolute: l(
      '`{start}`({where})로 시작하면 Python은 `{root}`에서 모듈을 찾는데, 거기서는 `{module}`을 불러올 수 없습니다 (프로젝트에는 `{found}`에 있습니다): 컨테이너는 시작하자마자 ModuleNotFoundError로 종료됩니다',
      'Started as `{start}` ({where}), Python looks for modules in `{root}`, where `{module}` cannot be imported (the project has it at `{found}`): the container exits at start with ModuleNotFoundError',
    ),
    relative: l(
      '`{start}`({where})는 이 파일을 패키지 없는 최상위 모듈로 실행하므로, 상대 import `{module}`은 "attempted relative import with no known parent package"로 실패합니다',
      '`{start}` ({where}) runs this file as a top-level module with no package, so the relative import `{module}` fails with "attempted relative import with no known parent package"',
    ),
  },
  docs: {
    summary: l(
      '시작 명령(Dockerfile `CMD`/`ENTRYPOINT`, compose `command`, Kubernetes `command`/`args`)이 실행하는 파일이나 그 파일이 불러오는 프로젝트 모듈에서, 그 명령이 정하는 import 경로로는 닿지 않는 프로젝트 모듈을 모듈 수준에서 import하는 경우를 찾습니다. 파일로 실행한 스크립트는 작업 디렉터리가 아니라 자기 폴더를 경로에 넣으므로 저장소 루트에서 시작하는 import를 찾지 못하고, `패키지.모듈:app`을 받은 서버는 작업 디렉터리를 넣으므로 패키지 안에서 옆 모듈을 평평하게 import하면 찾지 못하며, 스크립트로 실행한 파일의 상대 import는 실패합니다. PYTHONPATH, 디렉터리 이동, `--app-dir`·`--chdir`, 프로젝트 설치(`pip install .`, `poetry install`, `uv sync`), `sys.path` 수정, 같은 이름의 requirement, 트리에 없는 모듈이면 말하지 않습니다.',
      "Flags a module-level import, in the file a start command runs (Dockerfile `CMD`/`ENTRYPOINT`, compose `command`, Kubernetes `command`/`args`) or in a project module it loads, of a project module the command's import path cannot reach. A script run as a file puts its own folder on the path, not the working directory, so an import that starts from the repository root is not found; a server given `package.module:app` puts the working directory there, so a flat import of a sibling module inside the package is not found; and a relative import in a file run as a script fails. Silent when something else may put the module on the path (PYTHONPATH, a change of directory or an app-dir option, a build step that installs the project, an edit of `sys.path`), for a requirement of that name, and for a module the tree does not hold.",
    ),
    why: l(
      '로컬에서는 IDE가 저장소 루트를 경로에 넣어 주거나 다른 폴더에서 실행하기 때문에 import가 동작하지만, 컨테이너는 적힌 명령 그대로 시작합니다. 이미지 빌드는 성공하고, 배포된 컨테이너만 시작하자마자 죽어 재시작을 반복합니다.',
      'Locally the import works because the IDE puts the repository root on the path or the learner runs from another folder; the container starts exactly as written. The image builds fine, and only the deployed container dies at start and restarts in a loop.',
    ),
    bad: '# --- src/utils.py ---\ndef load_model(path):\n    ...\n# --- src/app.py ---\nfrom fastapi import FastAPI\nfrom src.utils import load_model\n\napp = FastAPI()\n# --- Dockerfile ---\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "src/app.py"]\n',
    good: '# --- src/utils.py ---\ndef load_model(path):\n    ...\n# --- src/app.py ---\nfrom fastapi import FastAPI\nfrom src.utils import load_model\n\napp = FastAPI()\n# --- Dockerfile ---\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n# TODO: 이 명령이 Python import 경로에 넣는 폴더는 어디인가요?\nCMD ["python", "-m", "src.app"]\n',
  },
  weeks: ['intermediate/2', 'beginner/4'],
  questions: [
    l(
      '이 시작 명령으로 실행하면 Python은 어느 폴더에서 먼저 모듈을 찾나요? 그 폴더에서 `{module}`을 찾을 수 있나요?',
      'Run by this start command, in which folder does Python look for modules first, and can `{module}` be found from there?',
    ),
    l(
      '로컬에서는 이 import가 왜 동작했을까요? 어떤 폴더에서, 어떤 명령으로 실행했나요?',
      'Why did this import work on your machine: from which folder, with which command, did you run it?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 시작 명령과 import 방식을 맞추기\n# 고려사항:\n# - 패키지로 실행하나요(python -m pkg.mod, uvicorn pkg.mod:app), 파일로 실행하나요(python pkg/mod.py)?\n# - 컨테이너는 어느 폴더에서 시작하나요?\n',
    en: '# TODO: make the start command and the imports agree\n# Consider:\n# - is it run as a package (python -m pkg.mod, uvicorn pkg.mod:app) or as a file (python pkg/mod.py)?\n# - which folder does the container start from?\n',
  },
  project(context) {
    const { view } = context;
    const base = view.root.replace(/\/$/, '');
    const shorter = (path: string) => (base && (path === base || path.startsWith(`${base}/`)) ? path.slice(base.length + 1) : path);
    const reported = new Set<string>();
    let packages: Set<string> | undefined;
    let folders: Set<string> | undefined;
    for (const deployment of view.deployments) {
      // Only an image the repository builds, whose build steps show what is installed (a Procfile's platform may
      // install the project); PYTHONPATH anywhere in its environment settles it.
      if (!deployment.dockerfile || deployment.env.PYTHONPATH !== undefined || installsProject(view.files.get(deployment.dockerfile))) continue;
      for (const at of deployment.launches) {
        const root = importRoot(at, view.files);
        if (root === undefined) continue;
        packages ??= requiredNames(view.files);
        folders ??= pythonFolders(view.python);
        const home = dirname(deployment.dockerfile);
        for (const problem of unreachable(view, packages, folders, home, at.target!, root, at.launch.file !== undefined)) {
          // One finding per file: the first import that fails is where the start stops, and the fix is one decision.
          if (reported.has(problem.path)) continue;
          reported.add(problem.path);
          const where = `${shorter(at.file)}:${at.range.start.line + 1}`;
          // The fix is one decision between the import and the command, and reviewers point at either: the command
          // that fixes the import path is the related place.
          const related = [{ path: at.file, range: at.range, message: l('import 경로를 정하는 시작 명령', 'the start command that sets the import path') }];
          if (problem.module.startsWith('.'))
            context.report({ path: problem.path, range: problem.range, messageId: 'relative', data: { start: at.launch.text, where, module: problem.module }, related });
          else
            context.report({
              path: problem.path,
              range: problem.range,
              messageId: 'absolute',
              data: { start: at.launch.text, where, root: `${shorter(root) || '.'}/`, module: problem.module, found: shorter(problem.found) },
              related,
            });
        }
      }
    }
  },
});

/** The folder (in repository terms) a launch puts first on the import path, or undefined when that is not certain. */
function importRoot(at: LaunchAt, files: ReadonlyMap<string, FileFacts>): string | undefined {
  const { launch, target } = at;
  if (!target || launch.movesPath || !FROM_WORKING_DIRECTORY.has(launch.server) || target.endsWith('__init__.py')) return undefined;
  const script = files.get(at.file);
  if (script?.kind === 'script' && script.commands.some((c) => /(?:^|[\s;&|(])(?:cd|pushd)\s|PYTHONPATH/.test(c.text))) return undefined;
  if (launch.file !== undefined) return dirname(target);
  if (!launch.module) return undefined;
  // `app.main` found at `svc/app/main.py`: the working directory is `svc`.
  const tail = `${launch.module.replace(/\./g, '/')}.py`;
  if (target !== tail && !target.endsWith(`/${tail}`)) return undefined;
  return target.slice(0, target.length - tail.length).replace(/\/$/, '');
}

/** Module-level imports of `entry` and of the project modules it loads that the path from `root` cannot reach. */
function unreachable(view: View, packages: ReadonlySet<string>, folders: ReadonlySet<string>, home: string, entry: string, root: string, asScript: boolean): Unreachable[] {
  const result: Unreachable[] = [];
  const prefix = root ? `${root}/` : '';
  const queue = [entry];
  const visited = new Set(queue);
  while (queue.length > 0 && visited.size < 60) {
    const path = queue.shift()!;
    const facts = view.python.get(path);
    if (!facts || facts.editsPath) continue;
    // A top-level module (a script, or `main` served as `main:app`) has no package for a relative import.
    const topLevel = (path === entry && asScript) || (path.startsWith(prefix) && !path.slice(prefix.length).includes('/'));
    for (const imported of facts.fromImports ?? []) {
      if (imported.module.startsWith('.')) {
        if (topLevel && !result.some((r) => r.path === path && r.range.start.line === imported.range.start.line))
          result.push({ path, range: imported.range, module: imported.module, found: path });
        continue;
      }
      const first = imported.module.split('.')[0];
      const reachable = reachableFrom(view, folders, root, imported.module, imported.name);
      if (reachable !== undefined) {
        if (reachable && !visited.has(reachable)) {
          visited.add(reachable);
          queue.push(reachable);
        }
        continue;
      }
      if (packages.has(normalName(first))) continue;
      // A module of this service's own tree, elsewhere: not an installed package, another service's file or one left out.
      const found = view.modules.module(path, `${imported.module}.${imported.name}`) ?? view.modules.module(path, imported.module);
      // A file found under the package's own name that imports that package (`services/redis.py`) wraps it, not shadows it.
      if (found && isInside(found, home) && !wrapsPackage(view.python.get(found), first)) result.push({ path, range: imported.range, module: imported.module, found });
    }
  }
  return result;
}

/** The file `module` (or its submodule `name`) is under `root`, or '' for a folder (a namespace package) there. */
function reachableFrom(view: View, folders: ReadonlySet<string>, root: string, module: string, name: string): string | undefined {
  const base = `${root ? `${root}/` : ''}${module.replace(/\./g, '/')}`;
  for (const candidate of [`${base}/${name}.py`, `${base}.py`, `${base}/__init__.py`, `${base}/${name}/__init__.py`]) if (view.files.has(candidate)) return candidate;
  return folders.has(base) ? '' : undefined;
}

/** Every folder holding a Python file, for namespace packages (a folder with no `__init__.py`). */
function pythonFolders(python: ReadonlyMap<string, unknown>): Set<string> {
  const folders = new Set<string>();
  for (const path of python.keys()) for (let dir = dirname(path); dir && !folders.has(dir); dir = dirname(dir)) folders.add(dir);
  return folders;
}

function installsProject(facts: FileFacts | undefined): boolean {
  return facts?.kind === 'dockerfile' && facts.stages.some((stage) => stage.runs.some((run) => INSTALLS_PROJECT.test(run.text.replace(REQUIREMENT_FILE, ' '))));
}
