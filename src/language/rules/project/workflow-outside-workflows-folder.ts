import { l, projectRule } from '../../rule';

/**
 * Where GitHub reads the workflows it runs: files directly in `.github/workflows/`, no subfolders.
 * Gitea and Forgejo run the same syntax from their own folders.
 */
const WORKFLOW_FILE = /(^|\/)\.(github|gitea|forgejo)\/workflows\/[^/]+\.ya?ml$/i;
/**
 * Folders whose workflow files are meant not to run: an organisation's starter workflows, test
 * data and fixtures, documentation and examples, and copies kept by tools (vendored, node_modules).
 */
const NOT_RUN = /(^|\/)(workflow-templates|fixtures?|testdata|test-data|__snapshots__|docs?|examples?|samples?|templates?|node_modules|vendor|third_party)\//i;

export default projectRule({
  scope: 'project',
  id: 'workflow-outside-workflows-folder',
  language: 'yaml',
  category: 'delivery',
  severity: 'warning',
  anchors: ['github-docs:workflow-syntax', 'gap:workflow-outside-workflows-folder'],
  messages: {
    outside: l(
      '이 GitHub Actions 워크플로는 `{path}`에 있습니다. GitHub은 `.github/workflows/` 바로 아래의 파일만 실행하므로 이 파이프라인(테스트, 빌드, 배포)은 한 번도 실행되지 않습니다',
      'This GitHub Actions workflow sits at `{path}`. GitHub runs only the files directly in `.github/workflows/`, so this pipeline (its tests, builds and deploys) never runs',
    ),
  },
  docs: {
    summary: l(
      'GitHub Actions 워크플로(`on:`과 `jobs:`가 있는 문서)가 `.github/workflows/` 바로 아래가 아닌 곳(`src/`, `github-actions/`, `.github/.workflows/`, `.github/workflows/`의 하위 폴더)에 있는 경우를 찾습니다. 조직의 시작 워크플로(`workflow-templates/`), 테스트 데이터·픽스처, 문서·예제·템플릿 폴더의 파일은 실행되지 않는 것이 의도이므로 제외합니다.',
      "Flags GitHub Actions workflows (documents with `on:` and `jobs:`) kept anywhere but directly in `.github/workflows/`: in `src/`, a `github-actions/` folder, `.github/.workflows/`, or a subfolder of `.github/workflows/`. Files in an organisation's starter workflows (`workflow-templates/`), test data and fixtures, and documentation, example or template folders are meant not to run and are left alone.",
    ),
    why: l(
      '다른 곳에 둔 워크플로는 오류도 경고도 없이 그냥 무시됩니다. 저장소에는 CI/CD가 있는 것처럼 보이지만 테스트는 한 번도 돌지 않았고, 배포는 늘 손으로 하고 있었던 것입니다.',
      'A workflow kept anywhere else is ignored with no error and no warning: the repository looks as if it had CI/CD, but the tests have never run and every deploy was done by hand.',
    ),
    bad: '# --- src/ci.yml ---\nname: CI\non:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: python -m pytest -q\n',
    good: '# --- .github/workflows/ci.yml ---\n# TODO: 이 파이프라인이 실제로 실행된 기록(Actions 탭)을 본 적이 있나요?\nname: CI\non:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: python -m pytest -q\n',
  },
  weeks: ['beginner/4'],
  questions: [
    l(
      '이 워크플로가 실행된 기록을 저장소의 Actions 탭에서 찾을 수 있나요? 없다면 그 이유는 무엇일까요?',
      "Can you find a run of this workflow in the repository's Actions tab? If not, why not?",
    ),
    l(
      'GitHub은 어느 폴더에서 워크플로 파일을 찾나요? 이 파일은 그 폴더에서 보면 어디에 있나요?',
      'In which folder does GitHub look for workflow files, and where is this file seen from there?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 워크플로를 GitHub이 실행하는 자리로 옮기기\n# 고려사항:\n# - 이 파일을 .github/workflows/ 바로 아래로 옮겼나요? (하위 폴더는 실행되지 않습니다)\n# - 옮긴 뒤 Actions 탭에서 첫 실행이 보이나요? 실패한다면 무엇 때문인가요?\n',
    en: '# TODO: move the workflow where GitHub runs it\n# Consider:\n# - is the file directly in .github/workflows/? (subfolders are not run)\n# - after the move, does its first run show in the Actions tab, and if it fails, why?\n',
  },
  project(context) {
    let root: string | undefined;
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml' || !facts.workflow?.head || WORKFLOW_FILE.test(path)) continue;
      // The editor names files by absolute path: the folders above the project say nothing.
      root ??= commonFolder([...context.view.files.keys()]);
      const relative = path.slice(root.length);
      if (NOT_RUN.test(relative)) continue;
      context.report({ path, range: facts.workflow.head, messageId: 'outside', data: { path: relative } });
    }
  },
});

/** The folder every path lies in, with its trailing slash (`''` for relative paths from the project root). */
function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let prefix = paths[0].slice(0, paths[0].lastIndexOf('/') + 1);
  for (const path of paths) {
    while (prefix && !path.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  }
  return prefix;
}
