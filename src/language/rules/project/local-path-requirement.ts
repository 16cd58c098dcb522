import { l, projectRule } from '../../rule';

/**
 * `numpy @ file:///Users/runner/miniforge3/conda-bld/numpy_1666788470527/work`: what `pip freeze`
 * writes for a package conda installed. The URL names a build folder on the machine that froze the
 * environment; pip looks for it on every other machine and stops.
 */
const LOCAL_BUILD = /^@\s*file:\/\//i;

export default projectRule({
  scope: 'project',
  id: 'local-path-requirement',
  language: 'dockerfile',
  category: 'reproducibility',
  severity: 'error',
  anchors: ['pip:direct-url', 'gap:local-path-requirement'],
  messages: {
    localBuild: l(
      '{name}이 이 컴퓨터의 빌드 폴더({path})를 가리킵니다 — 다른 컴퓨터, 이미지 빌드, CI에서는 그 경로가 없어 pip install -r이 여기서 멈춥니다',
      '{name} points at a build folder on the machine that wrote this file ({path}) — on any other machine, image build or CI run the path does not exist and pip install -r stops here',
    ),
    localBuilds: l(
      '{name}과 다른 {count}개 패키지가 이 파일을 만든 컴퓨터의 빌드 폴더({path} 등)를 가리킵니다 — 다른 컴퓨터, 이미지 빌드, CI에서는 그 경로가 없어 pip install -r이 여기서 멈춥니다',
      '{name} and {count} other packages point at build folders on the machine that wrote this file ({path} and others) — on any other machine, image build or CI run the paths do not exist and pip install -r stops here',
    ),
  },
  docs: {
    summary: l(
      'requirements 파일에서 `패키지 @ file:///...`처럼 로컬 파일 URL로 적힌 줄을 찾습니다. conda 환경에서 `pip freeze`를 하면 conda가 설치한 패키지가 이렇게 빌드 폴더 경로로 적힙니다.',
      'Flags requirements lines written as a local file URL (`package @ file:///...`). `pip freeze` in a conda environment writes every package conda installed this way, as the path of its build folder.',
    ),
    why: l(
      'file:/// 경로는 파일을 만든 컴퓨터에만 있습니다. 본인 컴퓨터에서는 이미 설치돼 있어 아무 문제가 없다가, 동료의 노트북, Docker 이미지 빌드, CI에서 처음 설치할 때 "No such file or directory"로 실패합니다. 모델을 학습한 환경을 다시 만들 수 없게 됩니다.',
      'A file:/// path exists only on the computer that wrote the file. It goes unnoticed there (the package is already installed) and fails with "No such file or directory" the first time a colleague, a Docker build or CI installs the list — the environment the model was trained in cannot be rebuilt.',
    ),
    bad: '# --- requirements.txt ---\nnumpy @ file:///Users/runner/miniforge3/conda-bld/numpy_1666788470527/work\npandas==1.5.1\n',
    good: '# --- requirements.txt ---\n# TODO: 로컬 경로 대신 설치한 버전을 적으세요 (pip list --format=freeze가 버전으로 적어 줍니다)\nnumpy==1.23.4\npandas==1.5.1\n',
  },
  weeks: ['beginner/2', 'beginner/3'],
  questions: [
    l(
      '이 경로는 누구의 컴퓨터에 있나요? 새 가상환경이나 Docker 이미지에서 이 줄을 설치하면 어떻게 될까요?',
      'Whose computer is this path on? What happens when a fresh virtualenv or Docker image installs this line?',
    ),
    l(
      '이 패키지의 어떤 버전으로 모델을 학습했나요? 그 버전을 어떻게 알아내서 적을 수 있을까요?',
      'Which version of this package was the model trained with, and how could you find it out and write it down?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 로컬 빌드 경로를 버전으로 바꾸세요\n# 고려사항:\n# - `pip list --format=freeze`는 conda 패키지도 이름==버전으로 적습니다\n# - 직접 쓰는 패키지만 남기고 있나요?\n# - 깨끗한 가상환경에서 pip install -r을 돌려 확인하는 CI 단계가 있나요?\n',
    en: '# TODO: replace the local build path with a version\n# Consider:\n# - `pip list --format=freeze` writes conda packages as name==version\n# - are you listing only the packages you use?\n# - does a CI step run pip install -r in a clean environment?\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'requirements' || facts.manifest || facts.lock) continue;
      const local = facts.packages.filter((requirement) => LOCAL_BUILD.test(requirement.spec) && !requirement.spec.includes('${'));
      if (local.length === 0) continue;
      // A frozen conda environment writes dozens of these: one lesson per file, said at the first,
      // with the others as its related places.
      const [first, ...others] = local;
      const url = first.spec.replace(/^@\s*/, '');
      context.report({
        path,
        range: first.range,
        messageId: others.length > 0 ? 'localBuilds' : 'localBuild',
        data: { name: first.name, path: url.length > 60 ? `${url.slice(0, 57)}...` : url, count: others.length },
        related: others.map((other) => ({ path, range: other.range, message: l('로컬 빌드 경로를 가리키는 다른 요구', 'another requirement on a local build path') })),
      });
    }
  },
});
