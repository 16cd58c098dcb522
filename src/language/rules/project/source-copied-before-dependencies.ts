import { copySources, isWholeContext } from '../../project/copies';
import type { InstructionFact } from '../../project/facts';
import { l, projectRule } from '../../rule';

/**
 * An install driven by a dependency manifest that can be copied on its own: `pip install -r
 * requirements.txt`, `uv sync`, `poetry install`, `pipenv install`, `conda env create -f`,
 * `npm ci`. `pip install .` needs the source, so it is not one.
 */
const MANIFEST_INSTALL =
  /\bpip3?(\.\d+)?\s+install\b[^&|;]*\s(-r|--requirement)[\s=]|\buv\s+(sync|pip\s+sync)\b|\buv\s+pip\s+install\b[^&|;]*\s(-r|--requirement)[\s=]|\bpoetry\s+install\b|\bpipenv\s+(install|sync)\b|\b(conda|mamba|micromamba)\s+env\s+(create|update)\b|\bnpm\s+(ci|install)\b/;

/** `pip install name...`: packages named on the command line need no source, so they belong before it. */
const NAMED_INSTALL = /\bpip3?(?:\.\d+)?\s+install\b([^&|;]*)/;
/** Installer plumbing (upgrading pip) is cheap to repeat and says nothing about the order. */
const PLUMBING = /^(pip|setuptools|wheel|uv)([<>=!~].*)?$/i;
/** Folders of data or model files: copying them first busts the cache too, but that is not the source. */
const DATA_DIR = /^(\.\/)?(models?|data|datasets?|artifacts?|weights|checkpoints|assets|static|templates)(\/|$)/i;

function installs(run: InstructionFact): boolean {
  if (MANIFEST_INSTALL.test(run.text)) return true;
  const args = NAMED_INSTALL.exec(run.text)?.[1].trim().split(/\s+/) ?? [];
  // A local path (`.`, `-e .`, `./pkg`) needs the source; an option's value is not a package.
  if (args.some((a) => a === '.' || a === '-e' || a === '--editable' || /^[./]/.test(a))) return false;
  return args.some((a) => a !== '' && !a.startsWith('-') && !PLUMBING.test(a.replace(/^["']|["']$/g, '')));
}

/**
 * Which source of a COPY is application source: the whole context, a code folder, or (before an
 * install from a requirements or lock file) a Python file. A one-script image that names its few
 * packages is left alone: moving one line saves little there.
 */
function sourceCopied(copy: InstructionFact, manifest: boolean): string | undefined {
  const { sources, fromStage } = copySources(copy);
  if (fromStage) return undefined;
  const script = (s: string) => manifest && /\.py$/.test(s) && !/(^|\/)setup\.py$/.test(s);
  return sources.find((s) => isWholeContext(s) || script(s) || (s.endsWith('/') && !DATA_DIR.test(s)));
}

export default projectRule({
  scope: 'project',
  id: 'source-copied-before-dependencies',
  language: 'dockerfile',
  category: 'delivery',
  severity: 'info',
  anchors: ['docker-docs:build-cache-order'],
  messages: {
    order: l(
      '전체 소스를 복사한 뒤에 의존성을 설치하므로, 코드 한 줄만 바꿔도 모든 패키지를 다시 설치합니다',
      'The whole source is copied before the dependencies are installed, so any code change reinstalls every package',
    ),
    partOrder: l(
      '소스({source})를 의존성 설치보다 먼저 복사하므로, 그 코드가 바뀔 때마다 모든 패키지를 다시 설치합니다',
      'The source ({source}) is copied before the dependencies are installed, so any change to it reinstalls every package',
    ),
  },
  docs: {
    summary: l(
      '같은 빌드 단계에서 소스(빌드 컨텍스트 전체, 코드 폴더, Python 파일)를 복사한 다음에야 requirements·lock 파일이나 명령줄에 이름을 적은 패키지를 설치하는 Dockerfile을 찾습니다 (프로젝트 패키지 자체를 설치해 소스가 필요한 경우, pip 업그레이드만 하는 경우, 모델·데이터 폴더를 먼저 복사하는 경우는 제외).',
      'Flags build stages that copy source (the whole build context, a code folder, a Python file) and only then install dependencies from a requirements or lock file or named on the command line. Installing the project package itself (which needs the source), upgrading pip alone and copying a model or data folder first are left alone.',
    ),
    why: l(
      'Docker는 바뀐 레이어부터 다시 빌드합니다. 소스 전체를 먼저 복사하면 코드가 바뀔 때마다 그 뒤의 pip install 레이어도 무효가 되어, 수백 MB의 ML 패키지(torch, tensorflow)를 매번 다시 내려받습니다. CI 시간이 길어지고, 그 사이 새 버전이 끼어들 수도 있습니다.',
      'Docker rebuilds from the first changed layer. Copying the whole source first invalidates the pip install layer on every code change, so hundreds of megabytes of ML packages (torch, tensorflow) are downloaded again on every build: slow CI, and a window for new versions to slip in.',
    ),
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "serve.py"]\n',
    good: 'FROM python:3.12-slim\nWORKDIR /app\n# TODO: 설치 단계가 실제로 읽는 파일은 무엇뿐인가요? 그것만 먼저 COPY 하면?\nRUN pip install --no-cache-dir -r requirements.txt\n# TODO: 나머지 소스는 어느 단계 뒤에 복사해야 캐시가 살아남을까요?\nCMD ["python", "serve.py"]\n',
  },
  weeks: ['beginner/3', 'intermediate/8'],
  questions: [
    l(
      '코드 한 줄을 고치고 다시 빌드하면, 이 Dockerfile의 어느 레이어부터 다시 실행되나요?',
      'If you change one line of code and rebuild, from which layer of this Dockerfile does the build start over?',
    ),
    l(
      '의존성 설치 단계가 읽는 파일은 무엇뿐인가요? 그 파일만 먼저 복사하면 무엇이 달라질까요?',
      'Which files does the install step actually read, and what changes if only those are copied first?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 레이어 캐시를 살리는 순서로 바꾸기\n# 고려사항:\n# - 의존성 파일(requirements.txt, pyproject.toml + lock)만 먼저 COPY\n# - 설치 RUN 다음에 나머지 소스 COPY\n# - .dockerignore로 빌드 컨텍스트를 줄이기\n# COPY # TODO: 의존성 파일\n# RUN # TODO: 설치\n# COPY . .\n',
    en: '# TODO: order the layers so the cache survives code changes\n# Consider:\n# - COPY only the dependency files first (requirements.txt, pyproject.toml + lock)\n# - COPY the rest of the source after the install RUN\n# - shrink the build context with .dockerignore\n# COPY # TODO: dependency files\n# RUN # TODO: install\n# COPY . .\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'dockerfile') continue;
      for (const stage of facts.stages) {
        const install = stage.runs.find(installs);
        if (!install) continue;
        const line = install.range.start.line;
        const manifest = MANIFEST_INSTALL.test(install.text);
        // The first copy of source that comes before the first install (installing first is the cache-friendly order).
        const copy = (stage.copies ?? []).find((c) => c.range.start.line < line && sourceCopied(c, manifest) !== undefined);
        if (!copy) continue;
        const source = sourceCopied(copy, manifest)!;
        if (isWholeContext(source)) context.report({ path, range: copy.range, messageId: 'order' });
        else context.report({ path, range: copy.range, messageId: 'partOrder', data: { source } });
      }
    }
  },
});
