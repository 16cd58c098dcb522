import type { ProjectView } from '../../project/index';
import { l, yamlRule } from '../../rule';
import { PYTHON_EOL } from '../../runtimes';
import { azurePipelineJobs, isAzurePipelines } from '../../yaml/azure-pipelines';
import { runScripts, workflowJobs, workflowSteps } from '../../yaml/actions';
import { imageName, imagePin } from '../../yaml/images';
import { at, entries, rangeWithin, scalar, type YScalar } from '../../yaml/model';

/** `pip install a b` (also `python -m pip`, `pip3`, `uv pip`), up to the end of the command. */
const PIP_INSTALL = /\b(?:python3?\s+-m\s+)?(?:uv\s+)?pip3?\s+install\s+([^\n;&|]*)/g;
/** Installer plumbing: upgrading these changes no project behaviour worth pinning (the lock file or requirements they install from do). */
const PLUMBING = /^(pip|setuptools|wheel|uv|poetry|pipenv|pipx|pdm|hatch)(\[.*\])?$/i;
/**
 * Linters, formatters and type checkers, whose version decides a style report only, and the test
 * runner with its plugins and report tools (pytest, pytest-cov, coverage, bandit), whose version
 * decides how the tests run and report, not what the project builds or ships. A library beside
 * them (httpx for the test client, the project's own packages) is still asked.
 */
const REPORT_TOOL = /^(flake8|black|isort|ruff|pylint|mypy|autopep8|yapf|pycodestyle|pydocstyle|pyflakes|pytest|pytest-[\w-]+|coverage|bandit)(\[.*\])?$/i;
/** `docker run|pull|create ...` up to the end of the command. */
const DOCKER = /\bdocker\s+(run|pull|create)\s+((?:[^\n;&|\\]|\\\n|\\)*)/g;
/** Options of `docker run` that take no value, so the next word may be the image. */
const BARE_FLAGS = /^(-d|-i|-t|-it|-ti|-dit|-itd|--rm|--detach|--interactive|--tty|--init|--privileged|-P|--publish-all|--read-only|--quiet|-q|--all-tags|-a)$/;

/**
 * The words of a shell command line with their offsets: a quoted string (`-e 'KEY=${{ secrets.K }}'`)
 * and a `${{ ... }}` expression stay one word however many spaces they hold.
 */
function shellWords(args: string): { word: string; offset: number }[] {
  const words: { word: string; offset: number }[] = [];
  let start = -1;
  for (let i = 0; i <= args.length; i++) {
    const ch = args[i];
    if (ch === undefined || /\s/.test(ch)) {
      if (start >= 0) words.push({ word: args.slice(start, i), offset: start });
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    if (ch === "'" || ch === '"') {
      const close = args.indexOf(ch, i + 1);
      i = close < 0 ? args.length - 1 : close;
    } else if (ch === '$' && args.startsWith('${{', i)) {
      const close = args.indexOf('}}', i + 3);
      i = close < 0 ? args.length - 1 : close + 1;
    }
  }
  return words;
}

/** The image word of a docker run/pull/create command and its offset inside the arguments. */
function imageWord(args: string): { image: string; offset: number } | undefined {
  let expectValue = false;
  for (const { word, offset } of shellWords(args)) {
    if (expectValue) {
      expectValue = false;
      continue;
    }
    if (word === '\\') continue;
    if (word.startsWith('-')) {
      expectValue = !word.includes('=') && !BARE_FLAGS.test(word);
      continue;
    }
    return { image: word, offset };
  }
  return undefined;
}

/** `docker build -t name`, `docker tag src name`, `docker buildx build --tag name`: images this workflow makes itself. */
const BUILT = /\bdocker\s+(?:buildx\s+)?(?:build|tag)\b[^\n;&|]*/g;

/** Image names the workflow builds or tags itself: running one of them pulls nothing. */
function builtImages(scripts: readonly YScalar[], tagInputs: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const { raw } of scripts) {
    for (const command of raw.matchAll(BUILT)) {
      const words = command[0].split(/\s+/);
      for (let i = 0; i < words.length; i++) {
        const tagged = /^(-t|--tag)$/.test(words[i]) ? words[i + 1] : /^--tag=/.test(words[i]) ? words[i].slice(6) : undefined;
        if (tagged) names.add(imageName(tagged.replace(/^["']|["']$/g, '')));
      }
      // `docker tag source target`: the target is a local name too.
      if (/^tag$/.test(words[1] ?? '') && words[3]) names.add(imageName(words[3]));
    }
  }
  // docker/build-push-action `tags:` (one per line or comma-separated) name images it built.
  for (const raw of tagInputs) for (const tag of raw.split(/[\s,]+/)) if (tag && !/\{\{|\$/.test(tag)) names.add(imageName(tag));
  return names;
}

/** True when the match at `index` sits in a shell comment or an `echo` line (text, not a command). */
function inertAt(raw: string, index: number): boolean {
  const prefix = raw.slice(raw.lastIndexOf('\n', index - 1) + 1, index);
  return /(^|\s)#/.test(prefix) || /\b(echo|printf)\b/.test(prefix);
}

/** `with:` inputs that name a tool version. */
const VERSION_INPUT = /(^|-)version$/;

/** `Flask_Login[async]` -> `flask-login`: a distribution name as requirements files compare them. */
function distribution(word: string): string {
  return word
    .replace(/\[.*$/, '')
    .toLowerCase()
    .replace(/[-_.]+/g, '-');
}

/** The distributions pinned (`==`) by the requirements files this script installs with `-r` (paths from the repository root). */
function pinnedByRequirements(raw: string, workflow: string, files: ProjectView['files']): Set<string> {
  const pinned = new Set<string>();
  const root = workflow.replace(/(^|\/)\.github\/workflows\/[^/]+$/, '');
  for (const match of raw.matchAll(/(?:^|\s)(?:-r|--requirement)[\s=]+["']?([^\s"';&|]+)/g)) {
    const relative = match[1].replace(/^\.\//, '');
    const facts = files.get(root ? `${root}/${relative}` : relative);
    if (facts?.kind !== 'requirements') continue;
    for (const requirement of facts.packages) if (requirement.pinned) pinned.add(distribution(requirement.name));
  }
  return pinned;
}

function packagesOf(args: string): string[] {
  const words = args.trim().split(/\s+/);
  const result: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i].replace(/^["']|["']$/g, '');
    // A trailing `# comment` ends the command.
    if (word.startsWith('#')) break;
    // `-r requirements.txt`, `-c constraints.txt`, `-e .`: the file or the project decides the versions.
    if (/^-(r|c|e)$|^--(requirement|constraint|editable)$/.test(word)) return [];
    // `.`, `.[dev]`, `./pkg`: the project itself, whose own metadata decides the versions.
    if (word.startsWith('-') || word === '' || /^\.(\[.*\])?$/.test(word) || /[/\\]|\.(whl|tar\.gz|zip)$|^\$|\{\{/.test(word)) continue;
    if (/[=<>~!]=?|@/.test(word) || PLUMBING.test(word)) continue;
    result.push(word);
  }
  return result;
}

export default yamlRule({
  id: 'floating-version-in-workflow',
  language: 'yaml',
  documentKinds: ['github-actions', 'other'],
  category: 'reproducibility',
  severity: 'info',
  anchors: ['DL3013'],
  messages: {
    pip: l('CI에서 버전 없이 설치합니다: {packages}', 'CI installs without a version: {packages}'),
    image: l('run: 스크립트의 이미지 "{image}"에 고정된 태그가 없습니다', 'The image "{image}" in a run: script has no fixed tag'),
    endOfLifePython: l(
      'CI가 지원이 끝난 Python {version}(보안 수정 종료 {date})으로 실행합니다 — 운영에서 쓸 수 없는 버전으로 검사·학습한 결과입니다',
      'CI runs on Python {version}, which reached its end of life in {date} — the checks and training run on a version production cannot use',
    ),
    yamlNumber: l(
      'python-version: {raw}은(는) 따옴표가 없어 YAML 숫자 {number}로 읽힙니다 — setup-python은 Python {number}을(를) 찾습니다 (따옴표로 감싸세요)',
      'python-version: {raw} has no quotes, so YAML reads it as the number {number} — setup-python is asked for Python {number} (quote it)',
    ),
    latestInput: l('"{input}: {value}"는 실행할 때마다 다른 버전을 받을 수 있습니다', '"{input}: {value}" may fetch a different version on every run'),
  },
  docs: {
    summary: l(
      'GitHub Actions에서 버전이 떠다니는 곳을 찾습니다: run: 안의 버전 없는 pip install(요구사항 파일, 제약 파일, pip·setuptools·uv·poetry 같은 설치 도구, 린터·포매터·테스트 러너(pytest와 플러그인, coverage, bandit)만 설치하는 경우, 같은 스크립트가 -r로 설치한 요구사항 파일이 이미 고정한 패키지는 제외), run: 안의 docker run/pull 이미지가 latest이거나 태그 없음(워크플로가 직접 빌드한 이미지는 제외), with:의 version: latest 또는 python-version: 3.x, 지원이 끝난 지 오래된 파이썬(3.8 이하, 매트릭스 포함)과 따옴표가 없어 숫자로 읽히는 버전(3.10이 3.1이 됨). Azure Pipelines에서도 스크립트 단계(script, bash, AzureCLI 인라인 스크립트)의 설치와 UsePythonVersion 태스크의 versionSpec을 같은 기준으로 봅니다.',
      'Flags floating versions in GitHub Actions: pip install without versions in run: (requirements and constraints files, installers such as pip, setuptools, uv or poetry, installs of linters, formatters and the test runner with its plugins (pytest, pytest-cov, coverage, bandit) alone, and packages a requirements file installed with -r in the same script already pins, excepted), docker run/pull images with latest or no tag in run: (images the workflow builds itself excepted), and version: latest or python-version: 3.x in with:, and a python-version that has been past its end of life for a while (3.8 and older, in a matrix too), or one left unquoted so YAML reads a number (3.10 becomes 3.1). Azure Pipelines are read the same way: the installs of script steps (script, bash, an AzureCLI inline script) and the versionSpec of UsePythonVersion tasks.',
    ),
    why: l(
      '어제 통과한 파이프라인이 오늘은 새로 나온 린터나 라이브러리 버전 때문에 깨지거나, 반대로 다른 버전으로 검사하고 배포합니다. 실패의 원인이 코드인지 도구인지 구분할 수 없게 됩니다.',
      'The pipeline that passed yesterday breaks today because a linter or library released a new version, or it checks and ships with a version nobody chose: you can no longer tell whether a failure comes from the code or the tools.',
    ),
    bad: 'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install pytest httpx flake8\n',
    good: 'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 도구 버전을 어디에 한 번만 적어 둘까요? (requirements-dev.txt, 제약 파일)\n      - run: pip install -r requirements-dev.txt\n',
  },
  weeks: ['beginner/3', 'beginner/4'],
  questions: [
    l(
      '다음 달에 이 {pipeline|워크플로}를 다시 돌리면 {packages|이 도구}는 같은 버전일까요? 다르다면 누가 그것을 알아차리나요?',
      'If this {pipeline|workflow} runs again next month, will {packages|this tool} be the same version, and who notices if not?',
    ),
    l(
      'CI가 쓰는 도구 버전과 여러분의 노트북에 설치된 버전이 다르면, "내 컴퓨터에서는 되는데"를 어떻게 풀 수 있을까요?',
      'If CI uses other tool versions than your laptop, how do you settle "it works on my machine"?',
    ),
  ],
  scaffold: {
    ko: '# TODO: CI 도구 버전 고정하기\n# 고려사항:\n# - 개발용 도구 버전을 한 곳(requirements-dev.txt, pyproject의 dev 그룹)에 둘 수 있나요?\n# - 버전 갱신은 누가 언제 하나요? (Dependabot, Renovate)\n# - 이미지라면 태그나 다이제스트 중 무엇으로 고정할까요?\n# run: pip install -r # TODO\n',
    en: '# TODO: pin the CI tool versions\n# Consider:\n# - can the dev tools live in one place (requirements-dev.txt, a dev group in pyproject)?\n# - who updates them, and when (Dependabot, Renovate)?\n# - for an image: a tag or a digest?\n# run: pip install -r # TODO\n',
  },
  project(context) {
    // `pip install -r requirements.txt` then `pip install pytest` in the same script: when the
    // requirements file pins every package named after it, the second install changes nothing.
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml') continue;
      for (const run of facts.workflowRuns) {
        const pinned = pinnedByRequirements(run.raw, path, context.view.files);
        if (pinned.size === 0) continue;
        for (const match of run.raw.matchAll(PIP_INSTALL)) {
          const packages = packagesOf(match[1]);
          if (packages.length > 0 && packages.every((p) => pinned.has(distribution(p)))) context.withdraw(path, rangeWithin(run, match.index, match.index + 1).start.line);
        }
      }
    }
  },
  check(context, document) {
    // An Azure pipeline: its script steps and its `UsePythonVersion` tasks, as a workflow's `run:` and `python-version:`.
    const azure = document.kind === 'other' && isAzurePipelines(document.root) ? azurePipelineJobs(document.root).flatMap((job) => job.steps) : undefined;
    if (document.kind === 'other' && !azure) return;
    const built = builtImages(
      azure ? azure.flatMap((step) => step.script ?? []) : runScripts(document).map((s) => s.run),
      (azure ? [] : workflowSteps(document)).flatMap(({ step }) => {
        const uses = scalar(at(step, 'uses')) ?? '';
        const tags = scalar(at(at(step, 'with'), 'tags'));
        return /docker\/build-push-action/.test(uses) && tags ? [tags] : [];
      }),
    );
    for (const step of azure ?? []) {
      if (step.script) checkRun(step.script);
      const spec = /^UsePythonVersion$/i.test(step.task ?? '') ? at(step.spec, 'inputs.versionSpec') : undefined;
      if (spec?.kind !== 'scalar') continue;
      if (/^\d+\.x$/i.test(spec.value.trim())) context.report({ range: spec.range, messageId: 'latestInput', data: { input: 'versionSpec', value: spec.value } });
      const eol = endOfLifePython(spec.value);
      if (eol) context.report({ range: spec.range, messageId: 'endOfLifePython', data: eol });
      checkNumber(spec);
    }
    if (azure) return;
    for (const { step } of workflowSteps(document)) {
      const run = at(step, 'run');
      if (run?.kind === 'scalar') checkRun(run);
      for (const input of entries(at(step, 'with'))) {
        const value = scalar(input.value);
        if (!input.value || value === undefined) continue;
        const floating = (VERSION_INPUT.test(input.key) && /^(latest|\*|x)$/i.test(value.trim())) || (input.key === 'python-version' && /^\d+\.x$/i.test(value.trim()));
        if (floating) context.report({ range: input.value.range, messageId: 'latestInput', data: { input: input.key, value } });
        const eol = input.key === 'python-version' ? endOfLifePython(value) : undefined;
        if (eol) context.report({ range: input.value.range, messageId: 'endOfLifePython', data: eol });
        if (input.key === 'python-version' && input.value.kind === 'scalar') checkNumber(input.value);
      }
    }
    // The versions a matrix runs the job on (`python-version: [3.8, 3.9, 3.10]`).
    for (const job of workflowJobs(document)) {
      const versions = at(job.spec, 'strategy.matrix.python-version');
      // One end-of-life finding per matrix: `[3.6, 3.7, 3.8]` is one upgrade to make.
      let eolSaid = false;
      for (const version of versions?.kind === 'seq' ? versions.items : versions ? [versions] : []) {
        if (version?.kind !== 'scalar') continue;
        const eol: ReturnType<typeof endOfLifePython> = eolSaid ? undefined : endOfLifePython(version.value);
        if (eol) context.report({ range: version.range, messageId: 'endOfLifePython', data: eol });
        eolSaid ||= eol !== undefined;
        checkNumber(version);
      }
    }

    /** `3.10` unquoted is the float 3.1: the trailing zero of a minor version is lost. */
    function checkNumber(value: YScalar): void {
      if (value.style !== 'plain' || !/^\d+\.\d*0$/.test(value.raw.trim())) return;
      context.report({ range: value.range, messageId: 'yamlNumber', data: { raw: value.raw.trim(), number: String(Number(value.raw.trim())) } });
    }

    function checkRun(run: YScalar): void {
      for (const match of run.raw.matchAll(PIP_INSTALL)) {
        if (inertAt(run.raw, match.index)) continue;
        const packages = packagesOf(match[1]);
        // Only linters, formatters and the test runner with its plugins: a new release changes a
        // report, not what the project builds or ships, and reviewers writing blind leave it
        // (2 of 11 such installs said on dev); a library or build tool beside them is asked.
        if (packages.length > 0 && !packages.every((p) => REPORT_TOOL.test(p)))
          context.report({
            range: rangeWithin(run, match.index, match.index + match[0].replace(/\s+#.*$/, '').trimEnd().length),
            messageId: 'pip',
            data: { packages: packages.join(', ') },
          });
      }
      for (const match of run.raw.matchAll(DOCKER)) {
        if (inertAt(run.raw, match.index)) continue;
        const found = imageWord(match[2]);
        // Quoted or variable images (`"$IMAGE"`, `${{ ... }}`) are decided elsewhere, and an
        // image this workflow built a step earlier is the code under test, not a download.
        if (!found || /["'$]|\{\{/.test(found.image) || built.has(imageName(found.image))) continue;
        const { pin } = imagePin(found.image);
        if (pin !== 'latest' && pin !== 'none') continue;
        const start = match.index + match[0].length - match[2].length + found.offset;
        context.report({ range: rangeWithin(run, start, start + found.image.length), messageId: 'image', data: { image: found.image } });
      }
    }
  },
});

/**
 * A Python long past its end of life in a `python-version:` value (`'3.8'`, `3.7.12`, `2.7`).
 * Only releases whose support ended before 2025 count: a CI matrix still testing the release that
 * went out of support last year is a routine upgrade, not yet a finding a reviewer raises.
 */
function endOfLifePython(value: string): { version: string; date: string } | undefined {
  const version = /^(\d+)(?:\.(\d+))?/.exec(value.trim());
  if (!version) return undefined;
  const key = version[1] === '2' ? '2' : `${version[1]}.${version[2] ?? ''}`;
  const date = PYTHON_EOL[key];
  return date && date < '2025' ? { version: key, date } : undefined;
}
