import type { RequirementFact } from '../../project/facts';
import { distributionKey } from '../../project/text-facts';
import { l, projectRule } from '../../rule';

export default projectRule({
  scope: 'project',
  id: 'conflicting-requirement-pins',
  language: 'dockerfile',
  category: 'reproducibility',
  severity: 'error',
  anchors: ['pip:ResolutionImpossible', 'gap:conflicting-requirement-pins'],
  messages: {
    conflict: l(
      '{name}이 이 파일에 두 번 적혀 있고({first}, {line}번째 줄의 {other}) 두 조건을 모두 만족하는 버전이 없습니다 — pip은 이 파일을 설치하지 않으므로 이미지 빌드와 CI 설치가 여기서 실패합니다',
      '{name} is required twice in this file ({first}, and {other} on line {line}) and no version satisfies both — pip refuses to install the file, so the image build and the CI install fail here',
    ),
  },
  docs: {
    summary: l(
      'requirements 파일에 같은 패키지(대소문자, -·_·. 차이는 같은 이름)가 두 번 나오고, 한쪽의 정확한 버전(==)을 다른 쪽 조건(==, !=, >=, >, <=, <)이 허용하지 않는 경우를 찾습니다. 환경 표시(; python_version ...)가 붙은 줄은 서로 다른 환경을 위한 것이므로 제외합니다.',
      'Flags a requirements file that lists the same package twice (names compared as pip does: case, -, _ and . alike) where the exact version (==) of one line is excluded by the other line (==, !=, >=, >, <=, <). Lines with an environment marker (; python_version ...) target different environments and are left alone.',
    ),
    why: l(
      '`pip freeze` 결과를 이어 붙이거나 손으로 패키지를 추가하다 보면 같은 패키지가 다른 버전으로 두 번 들어갑니다. pip의 의존성 해석기는 두 조건을 동시에 만족하는 버전을 찾지 못하면 아무것도 설치하지 않고 멈춥니다(ResolutionImpossible). 로컬 가상환경에는 이미 설치돼 있어 아무도 모르다가, 새 이미지나 CI에서 처음 깨집니다.',
      "Appending a `pip freeze` to a hand-written list, or adding a package by hand, puts the same package in twice at different versions. pip's resolver then finds no version that satisfies both lines and installs nothing (ResolutionImpossible). The local virtualenv already has a version installed, so nobody notices until a fresh image or CI run breaks.",
    ),
    bad: '# --- requirements.txt ---\nFlask==3.1.2\nscikit-learn==1.2.2\nflask==2.3.3\n',
    good: '# --- requirements.txt ---\n# TODO: 앱과 테스트가 실제로 쓰는 Flask 버전 하나만 남기세요\nFlask==3.1.2\nscikit-learn==1.2.2\n',
  },
  weeks: ['beginner/2', 'beginner/3'],
  questions: [
    l(
      '두 버전 중 이 앱을 실제로 테스트한 버전은 어느 쪽인가요? 그건 어떻게 확인할 수 있나요?',
      'Which of the two versions was this app actually tested with, and how could you find out?',
    ),
    l(
      '로컬에서는 잘 설치되는데 새 이미지에서는 왜 실패할까요? 빌드 전에 이걸 잡아 줄 검사는 무엇일까요?',
      'Why does this install fine on your machine but fail in a fresh image? Which check before the build would catch it?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 중복된 요구사항 정리\n# 고려사항:\n# - 패키지마다 한 줄만 남기세요 (pip freeze를 통째로 붙이지 말고 직접 쓰는 패키지만)\n# - 남길 버전은 모델을 학습·테스트한 환경의 버전인가요?\n# - 깨끗한 가상환경에서 pip install -r을 돌려 확인하는 CI 단계가 있나요?\n',
    en: '# TODO: resolve the duplicate requirement\n# Consider:\n# - keep one line per package (list the packages you use, not a whole pip freeze)\n# - is the version you keep the one the model was trained and tested with?\n# - does a CI step run pip install -r in a clean environment?\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'requirements' || facts.manifest || facts.lock) continue;
      const byName = new Map<string, RequirementFact[]>();
      for (const requirement of facts.packages) {
        if (requirement.vcs || requirement.marked) continue;
        const key = distributionKey(requirement.name).replace(/-+/g, '-');
        byName.set(key, [...(byName.get(key) ?? []), requirement]);
      }
      for (const lines of byName.values()) {
        if (lines.length < 2) continue;
        const clash = firstClash(lines);
        if (!clash) continue;
        const [first, later] = clash;
        context.report({
          path,
          range: later.range,
          messageId: 'conflict',
          data: { name: later.name, first: `${first.name}${first.spec}`, other: `${later.name}${later.spec}`, line: first.range.start.line + 1 },
          related: [{ path, range: first.range, message: l('같은 패키지의 다른 요구', 'the other requirement of the same package') }],
        });
      }
    }
  },
});

/** The first pair of lines (in file order) that no single version satisfies. */
function firstClash(lines: readonly RequirementFact[]): [RequirementFact, RequirementFact] | undefined {
  for (let j = 1; j < lines.length; j++)
    for (let i = 0; i < j; i++) if (excludes(lines[i].spec, lines[j].spec) || excludes(lines[j].spec, lines[i].spec)) return [lines[i], lines[j]];
  return undefined;
}

/** Does `spec` pin one exact version (`==1.2.3`, no wildcard) that `other` does not admit? */
function excludes(spec: string, other: string): boolean {
  const exact = /^===?\s*([0-9][^,\s*]*)$/.exec(spec.trim())?.[1];
  if (exact === undefined) return false;
  const version = release(exact);
  if (!version) return false;
  for (const clause of other.split(',')) {
    const match = /^\s*(===?|!=|>=|<=|>|<)\s*([0-9][^\s,]*)\s*$/.exec(clause);
    if (!match) continue;
    const [, op, written] = match;
    if (written.endsWith('.*')) {
      const prefix = release(written.slice(0, -2));
      if (!prefix) continue;
      const within = prefix.every((part, k) => (version[k] ?? 0) === part);
      if ((op === '==' && !within) || (op === '!=' && within)) return true;
      continue;
    }
    const bound = release(written);
    if (!bound) continue;
    const order = compare(version, bound);
    const same = order === 0 && local(exact) === local(written);
    if ((op === '==' || op === '===') && !same) return true;
    if (op === '!=' && same) return true;
    if ((op === '>=' && order < 0) || (op === '>' && order <= 0) || (op === '<=' && order > 0) || (op === '<' && order >= 0)) return true;
  }
  return false;
}

/** The release numbers of a plain version (`1.26.4`, `2.4.0+ubuntu4` -> [2, 4, 0]); undefined for pre-releases and anything else. */
function release(version: string): number[] | undefined {
  const match = /^(\d+(?:\.\d+)*)(\+[\w.]+)?$/.exec(version.trim());
  return match ? match[1].split('.').map(Number) : undefined;
}

function local(version: string): string {
  return /\+([\w.]+)$/.exec(version)?.[1] ?? '';
}

/** Compares release numbers as versions do (`1.2` equals `1.2.0`). */
function compare(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const d = (a[k] ?? 0) - (b[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
