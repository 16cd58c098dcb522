import { packageInstalls, splitCommand } from '../../project/commands';
import { distributionKey } from '../../project/text-facts';
import type { RequirementFact } from '../../project/facts';
import { REMOVED_APIS } from '../../python/removed-apis';
import { l, projectRule } from '../../rule';

/**
 * Code that uses a library API the current releases removed fails on a fresh install: the
 * learner's machine still has the old version, CI and the image do not. The uses come from the
 * per-file facts (python/removed-apis.ts); the dependency lists decide whether the project pins a
 * release that still has them.
 */
export default projectRule({
  scope: 'project',
  id: 'removed-library-api',
  language: 'python',
  category: 'reproducibility',
  // A warning: the code runs today on the author's machine, and fails on the next clean install.
  severity: 'warning',
  anchors: ['gap:removed-library-api', 'NPY201', 'deptry'],
  messages: {
    removed: l(
      '{written}은(는) {package} {version}에서 제거되었습니다 — 의존성 목록이 그 전 버전으로 고정하지 않으므로, 새 환경(CI, 이미지, 팀원)에서는 이 줄이 실패합니다 (대신 쓰는 것: {instead})',
      '{written} was removed in {package} {version} — nothing pins an earlier release, so on a fresh environment (CI, the image, a teammate) this line fails (its replacement: {instead})',
    ),
    placeholder: l(
      "'sklearn'은 PyPI의 폐기된 자리표시 패키지라 설치가 실패합니다 (2023년 12월부터) — 실제 패키지 이름은 scikit-learn입니다",
      "'sklearn' is a deprecated placeholder on PyPI and no longer installs (pip fails since December 2023) — the package is scikit-learn",
    ),
  },
  docs: {
    summary: l(
      '현재 릴리스에서 제거된 라이브러리 API(sklearn.externals.joblib, load_boston, mean_squared_error(squared=False), np.float, Flask의 before_first_request, pydantic의 BaseSettings, Lightning의 gpus=, TensorFlow 1의 tf.Session, LangChain 0.x의 import 경로, openai 0.x의 openai.ChatCompletion, Evidently 0.6의 evidently.report ...)를 쓰는 코드를, 의존성 목록이 그 API가 남아 있는 버전으로 고정하지 않은 프로젝트에서 찾습니다. requirements나 Dockerfile의 pip install에 적힌 자리표시 패키지 sklearn도 찾습니다.',
      'Flags code that uses library APIs the current releases removed (sklearn.externals.joblib, load_boston, mean_squared_error(squared=False), np.float, Flask before_first_request, pydantic BaseSettings, Lightning gpus=, TensorFlow 1 tf.Session, LangChain 0.x import paths, the openai 0.x openai.ChatCompletion, Evidently 0.6 evidently.report ...) in projects whose dependency lists do not pin a release that still has them, and the placeholder package `sklearn` in requirements or a Dockerfile pip install.',
    ),
    why: l(
      '튜토리얼 코드는 몇 년 전 버전으로 쓰여 있습니다. 작성자의 컴퓨터에는 옛 버전이 남아 있어 잘 돌지만, CI와 Docker 이미지는 최신 버전을 설치하므로 import나 호출에서 바로 실패합니다. 재현 가능한 프로젝트는 코드가 쓰는 API와 설치되는 버전이 맞아야 합니다.',
      "Tutorial code is written against releases from a few years ago. The author's machine still has them, so it runs; CI and the image install today's release and fail at the import or the call. A reproducible project needs the APIs it uses and the versions it installs to agree.",
    ),
    bad: '# --- requirements.txt ---\nscikit-learn\njoblib\n# --- train.py ---\nfrom sklearn.externals import joblib\n',
    good: '# --- requirements.txt ---\n# TODO: 코드가 쓰는 API가 있는 버전으로 고정하세요\nscikit-learn==1.5.2\njoblib==1.4.2\n# --- train.py ---\nimport joblib\n',
  },
  weeks: ['beginner/3'],
  questions: [
    l(
      '빈 가상환경에 requirements만 설치하면 {package|그 라이브러리}의 어느 버전이 들어올까요? 그 버전에 {written|이 API}가 아직 있나요?',
      'In an empty environment with only the requirements installed, which {package|library} version arrives — and does it still have {written|this API}?',
    ),
    l('이런 API가 사라졌다는 걸 배포 전에 CI가 먼저 알려 주려면 무엇을 실행해야 할까요?', 'What would CI have to run to tell you that such an API is gone before a deploy does?'),
    l(
      '옛 버전으로 고정하는 것과 새 API로 옮기는 것 중, 이 프로젝트에는 어느 쪽이 맞을까요? 각각 무엇을 잃나요?',
      'Pin the old release or move to the new API: which suits this project, and what does each choice cost?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 제거된 API 정리하기\n# 고려사항:\n# - 이 API를 없앤 버전은? 지금 설치되는 버전은?\n# - 새 API로 옮길까요, 옛 버전으로 고정할까요?\n# - CI에서 빈 환경에 설치하고 모든 모듈을 import해 보는 단계가 있나요?\n# TODO: 바꾼 뒤 새 가상환경에서 다시 실행해 보기\n',
    en: '# TODO: clean up removed APIs\n# Consider:\n# - which release removed this API, and which one installs today?\n# - move to the new API, or pin the old release?\n# - does CI install into an empty environment and import every module?\n# TODO: run it again in a fresh virtual environment afterwards\n',
  },
  project(context) {
    const { view } = context;
    const declared = new Map<string, RequirementFact[]>();
    for (const [path, facts] of view.files) {
      if (facts.kind === 'requirements') {
        for (const requirement of facts.packages) {
          const name = distributionKey(requirement.name);
          declared.set(name, [...(declared.get(name) ?? []), requirement]);
          if (name === 'sklearn' && !facts.lock) context.report({ path, range: requirement.range, messageId: 'placeholder' });
        }
      } else if (facts.kind === 'dockerfile') {
        for (const run of facts.stages.flatMap((stage) => stage.runs)) {
          const installs = packageInstalls(run.words ?? splitCommand(run.text)).flatMap((install) => install.requirements);
          if (installs.some((word) => /^sklearn(?![\w.-])/i.test(word))) context.report({ path, range: run.range, messageId: 'placeholder' });
        }
      }
    }
    for (const [path, facts] of view.python) {
      const said = new Set<string>();
      for (const use of facts.removedApis ?? []) {
        const api = REMOVED_APIS[use.id];
        if (!api || (api.oncePerFile && said.has(api.id))) continue;
        const requirements = api.packages.flatMap((name) => declared.get(distributionKey(name)) ?? []);
        if (requirements.some((requirement) => stillHas(requirement.spec, api.removedIn))) continue;
        // A recent removal: only a list that asks for the package with no upper bound is known to install the release without it.
        if (api.recent && !requirements.some((requirement) => !requirement.dev)) continue;
        said.add(api.id);
        context.report({ path, range: use.range, messageId: 'removed', data: { written: use.written, package: api.packages[0], version: api.removedIn, instead: api.instead } });
      }
    }
  },
});

/**
 * Does every release this version spec allows come before `removed`? (`==0.22.2`, `<1.2`, `~=1.1.3`,
 * `==1.1.*`, and Poetry's forms: a bare `1.10.10` is exact, `^1.10` stays below 2.0, `^0.22` below
 * 0.23, `~1.10` below 1.11.)
 */
export function stillHas(spec: string, removed: string): boolean {
  for (const clause of spec.split(',')) {
    const match = /^\s*(===?|<=|<|~=|\^|~(?!=))?\s*(\d[\w.*+!-]*)\s*$/.exec(clause) ?? /^\s*(===?|<=|<|~=)\s*([\w.*+!-]+)/.exec(clause);
    if (!match) continue;
    const [, written, version] = match;
    const operator = written ?? '==';
    if (operator === '^' || operator === '~') {
      // Caret: the first non-zero part is fixed; tilde: major and minor are fixed (`~1` fixes the major).
      const parts = version
        .replace(/\.\*$/, '')
        .split('.')
        .map((part) => parseInt(part, 10) || 0);
      const fixed =
        operator === '^'
          ? Math.max(
              0,
              parts.findIndex((part) => part !== 0),
            )
          : Math.min(1, parts.length - 1);
      const upper = [...parts.slice(0, fixed), parts[fixed] + 1].join('.');
      if (compare(upper, removed) <= 0) return true;
    } else if (operator === '<') {
      if (compare(version, removed) <= 0) return true;
    } else if (operator === '<=' || ((operator === '==' || operator === '===') && !version.includes('*'))) {
      if (compare(version, removed) < 0) return true;
    } else {
      // `==1.1.*` and `~=1.1.3` allow everything below the next release of the last fixed part.
      const parts = version.replace(/\.\*$/, '').split('.');
      if (operator === '~=' && parts.length > 1) parts.pop();
      const upper = [...parts.slice(0, -1), String(Number(parts[parts.length - 1]) + 1)].join('.');
      if (compare(upper, removed) <= 0) return true;
    }
  }
  return false;
}

/** Release order of two versions by their numeric parts (`0.24.2` < `1.2`). */
function compare(a: string, b: string): number {
  const left = a.split('.').map((part) => parseInt(part, 10) || 0);
  const right = b.split('.').map((part) => parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
