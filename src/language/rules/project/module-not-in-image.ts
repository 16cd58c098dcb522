import { certainCopies, covers, mountedFolders, UNKNOWN, type Copy } from '../../project/copies';
import { isInside } from '../../project/deploy';
import type { DockerfileFacts, InstructionFact } from '../../project/facts';
import type { ProjectView } from '../../project/index';
import { ancestors, dirname, joinDir, normalName, requiredNames, wrapsPackage } from '../../project/modules';
import { l, projectRule } from '../../rule';

/**
 * A Dockerfile that copies the file its start command runs one by one (`COPY app.py .`,
 * `COPY src/main.py .`) while that file imports a project module no COPY brings in: the image
 * builds, and the container exits at start with ModuleNotFoundError. Judged only when every COPY
 * is certain: a whole-context copy, a glob or variable, a copy from another stage, a clone or an
 * install from git, a bind mount of the code, or a build context that cannot be found all mean
 * the module may be there.
 */

const MAX_MODULES = 60;
/** Official base images that hold no project code. */
const PUBLIC_BASE = /^(?:docker\.io\/)?(?:library\/)?(?:python|ubuntu|debian|alpine)(?:[:@]|$)|^(?:continuumio|pytorch|tensorflow|nvidia|mambaorg)\//;
/** Standard-library names a learner's file may shadow (`logging.py`, `queue.py`): the image still has the real module. */
const STANDARD_LIBRARY = new Set(
  'abc argparse array ast asyncio base64 code collections contextlib copy csv dataclasses datetime decimal email enum functools glob hashlib http inspect io itertools json logging math operator os pathlib pickle platform queue random re secrets select shutil signal socket statistics string subprocess sys tempfile test threading time token traceback types typing unittest uuid warnings'.split(
    ' ',
  ),
);

type View = Pick<ProjectView, 'python' | 'modules' | 'files' | 'root'>;

export default projectRule({
  scope: 'project',
  id: 'module-not-in-image',
  language: 'dockerfile',
  category: 'reliability',
  // An error: the container cannot start, whatever the data.
  severity: 'error',
  anchors: ['gap:module-not-in-image', 'pylint:E0401'],
  messages: {
    missing: l(
      '이 이미지는 `{entry}`만 복사하고, 그 파일이 불러오는 프로젝트 모듈 `{module}`(`{found}`)은 어떤 COPY도 가져오지 않습니다: 이미지는 빌드되지만 컨테이너는 시작하자마자 ModuleNotFoundError로 종료됩니다',
      'The image copies `{entry}`, but no COPY brings in the project module `{module}` (`{found}`) it imports: the image builds, and the container exits at start with ModuleNotFoundError',
    ),
    entry: l(
      '시작 명령이 실행하는 `{entry}`를 어떤 COPY도 이미지에 넣지 않습니다: 이미지는 빌드되지만 컨테이너는 시작하자마자 파일이나 모듈을 찾지 못하고 종료됩니다',
      'No COPY brings `{entry}`, the file this start command runs, into the image: the image builds, and the container exits at start because the file or module is not there',
    ),
  },
  docs: {
    summary: l(
      'Dockerfile이 시작 명령으로 실행하는 파일을 하나씩 복사하는데(`COPY app.py .`), 그 파일(또는 그 파일이 불러오는 복사된 모듈)이 모듈 수준에서 import하는 프로젝트 모듈(`from utils import preprocess`, `import config`)을 어떤 COPY/ADD도 이미지에 넣지 않는 경우를 찾습니다. 빌드 컨텍스트 전체 복사(`COPY . .`), 그 모듈을 담은 폴더 복사, glob·변수, 다른 스테이지에서 복사(`--from`), git으로 받거나 설치하는 빌드 단계, 코드를 바인드 마운트하는 compose 서비스, requirements에 같은 이름의 패키지, 상대 import, 빌드 컨텍스트를 알 수 없는 경우에는 말하지 않습니다. 공개 베이스 이미지에서 한 단계로 빌드하면서 시작 명령이 실행하는 파일 자체를 어떤 COPY도 가져오지 않는 경우는 시작 명령에 알립니다.',
      'Flags a Dockerfile that copies the file its start command runs one by one (`COPY app.py .`) while that file, or a copied module it loads, imports at module level a project module (`from utils import preprocess`, `import config`) that no COPY or ADD brings into the image. Silent for a whole-context copy (`COPY . .`), a copied folder that holds the module, a glob or variable, a copy from another stage (`--from`), a build step that clones or installs from git, a compose service that bind-mounts the code, a requirement of that name, relative imports, and a build context that cannot be found. A one-stage build from a public base image whose COPY lines cannot bring in the file the start command runs at all is reported at the start command.',
    ),
    why: l(
      '로컬에서는 모든 파일이 같은 폴더에 있어서 import가 동작합니다. 이미지에는 COPY한 파일만 들어가므로, 빌드는 성공하고 배포된 컨테이너만 시작하자마자 죽어 재시작을 반복합니다.',
      'Locally every file sits in the same folder, so the import works. The image holds only what was copied: the build succeeds, and only the deployed container dies at start and restarts in a loop.',
    ),
    bad: '# --- utils.py ---\ndef preprocess(x):\n    return x\n# --- app.py ---\nfrom fastapi import FastAPI\nfrom utils import preprocess\n\napp = FastAPI()\n# --- Dockerfile ---\nFROM python:3.12-slim\nWORKDIR /app\nCOPY app.py .\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n',
    good: '# --- utils.py ---\ndef preprocess(x):\n    return x\n# --- app.py ---\nfrom fastapi import FastAPI\nfrom utils import preprocess\n\napp = FastAPI()\n# --- Dockerfile ---\nFROM python:3.12-slim\nWORKDIR /app\n# TODO: 앱이 불러오는 모듈도 모두 이미지에 들어가나요?\nCOPY app.py utils.py ./\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n',
  },
  weeks: ['intermediate/2', 'beginner/4'],
  questions: [
    l('이미지 안에는 어떤 파일이 있나요? `{module}`은 그중 어디에 있나요?', 'Which files are inside the image, and where among them is `{module}`?'),
    l(
      '로컬에서는 이 import가 왜 동작했을까요? 깨끗한 컨테이너에서 시작해 본 적이 있나요?',
      'Why did this import work on your machine, and have you started the image in a clean container?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 앱이 불러오는 모듈을 모두 이미지에 복사하기\n# 고려사항:\n# - 코드를 패키지 폴더 하나에 모아 폴더째 복사할 수 있나요?\n# - 빌드한 이미지를 로컬에서 한 번 실행해 확인했나요?\n',
    en: '# TODO: copy every module the app imports into the image\n# Consider:\n# - can the code live in one package folder that is copied whole?\n# - did you run the built image once locally?\n',
  },
  project(context) {
    const { view } = context;
    let packages: Set<string> | undefined;
    let mounted: Map<string, string[]> | undefined;
    const reported = new Set<string>();
    for (const deployment of view.deployments) {
      if (deployment.kind !== 'dockerfile' || !deployment.dockerfile) continue;
      const facts = view.files.get(deployment.dockerfile);
      if (facts?.kind !== 'dockerfile') continue;
      mounted ??= mountedFolders(view.files);
      const mounts = mounted.get(deployment.dockerfile) ?? [];
      if (mounts.includes(UNKNOWN)) continue;
      const copies = certainCopies(facts);
      if (!copies) continue;
      for (const at of deployment.launches) {
        if (!at.target) continue;
        const image = imageOf(view, deployment.dockerfile, copies, at.target);
        if (!image) {
          // Nothing copied could be the started file, from any build context: the code never reaches the image.
          if (deployment.production && mounts.length === 0 && neverCopied(facts, copies, at.target) && !reported.has(`${at.file}:${at.range.start.line}`)) {
            reported.add(`${at.file}:${at.range.start.line}`);
            context.report({ path: at.file, range: at.range, messageId: 'entry', data: { entry: inContext(dirname(deployment.dockerfile), at.target) } });
          }
          continue;
        }
        packages ??= requiredNames(view.files);
        const problem = firstMissing(view, packages, image, at.target);
        // A compose service that mounts the module's folder over the image runs with it.
        if (!problem || mounts.some((m) => covers(m, problem.found) || covers(problem.found, m))) continue;
        const key = `${image.copy.range.start.line}:${problem.module}`;
        if (reported.has(`${deployment.dockerfile}:${key}`)) continue;
        reported.add(`${deployment.dockerfile}:${key}`);
        context.report({
          path: deployment.dockerfile,
          range: image.copy.range,
          messageId: 'missing',
          data: { entry: inContext(image.context, at.target), module: problem.module, found: inContext(image.context, problem.found) },
          related: [{ path: problem.path, range: problem.range, message: l('이미지에 없는 모듈을 불러오는 import', 'the import of the module the image does not hold') }],
        });
      }
    }
  },
});

interface Image {
  /** The build context, as a repository folder. */
  readonly context: string;
  /** The COPY that brings in the started file, where the finding points. */
  readonly copy: InstructionFact;
  readonly copied: readonly string[];
}

/**
 * The build context in which a COPY brings in `target`: the Dockerfile's folder or one above it
 * inside the repository (`docker build -f docker/Dockerfile .`). Undefined when no COPY does.
 */
function imageOf(view: View, dockerfile: string, copies: readonly Copy[], target: string): Image | undefined {
  const root = view.root.replace(/\/$/, '');
  for (const context of ancestors(dockerfile)) {
    if (root && context !== root && !context.startsWith(`${root}/`)) break;
    const copied = copies.flatMap((c) => c.sources.map((s) => joinDir(context, s)));
    const copy = copies.find((c) => c.sources.some((s) => covers(joinDir(context, s), target)));
    if (copy) return { context, copy: copy.copy, copied };
  }
  return undefined;
}

/**
 * A one-stage build from a public base image (no base of the project's own that may hold the
 * code) where no COPY source could be the started file or a folder above it, seen from any context.
 */
function neverCopied(facts: DockerfileFacts, copies: readonly Copy[], target: string): boolean {
  if (facts.stages.length !== 1 || !PUBLIC_BASE.test(facts.stages[0].image)) return false;
  return !copies.some((c) => c.sources.some((s) => s !== '' && (target === s || target.endsWith(`/${s}`) || target.includes(`/${s}/`) || target.startsWith(`${s}/`))));
}

/** A path as the build context sees it (`integrations/s3_client.py`). */
function inContext(context: string, path: string): string {
  return context && path.startsWith(`${context}/`) ? path.slice(context.length + 1) : path;
}

/** The first module-level import, of the started file or a copied module it loads, of a project module the image lacks. */
function firstMissing(view: View, packages: ReadonlySet<string>, image: Image, entry: string) {
  const inImage = (path: string) => image.copied.some((c) => covers(c, path));
  const queue = [entry];
  const visited = new Set(queue);
  while (queue.length > 0 && visited.size < MAX_MODULES) {
    const path = queue.shift()!;
    const facts = view.python.get(path);
    if (!facts || facts.editsPath) continue;
    const imports = [...(facts.fromImports ?? []), ...(facts.plainImports ?? [])].sort((a, b) => a.range.start.line - b.range.start.line);
    for (const imported of imports) {
      if (imported.module.startsWith('.')) continue;
      const first = imported.module.split('.')[0];
      if (packages.has(normalName(first)) || STANDARD_LIBRARY.has(first)) continue;
      const found = ('name' in imported && view.modules.module(path, `${imported.module}.${imported.name}`)) || view.modules.module(path, imported.module);
      if (!found || !isInside(found, image.context) || wrapsPackage(view.python.get(found), first)) continue;
      if (inImage(found) || image.copied.some((c) => sameModule(c, imported.module))) {
        if (!visited.has(found)) {
          visited.add(found);
          queue.push(found);
        }
        continue;
      }
      return { path, range: imported.range, module: imported.module, found };
    }
  }
  return undefined;
}

/** A copied file or folder that can be imported as `module` from where it lands (`utils.py`, `model/`). */
function sameModule(copied: string, module: string): boolean {
  const name = module.split('.')[0];
  const last = copied.slice(copied.lastIndexOf('/') + 1);
  return last === name || last === `${name}.py`;
}
