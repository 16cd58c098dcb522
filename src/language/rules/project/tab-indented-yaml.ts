import { l, projectRule } from '../../rule';

/** Where GitHub reads the workflows it runs. */
const WORKFLOW_FILE = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;

export default projectRule({
  scope: 'project',
  id: 'tab-indented-yaml',
  language: 'yaml',
  category: 'delivery',
  severity: 'error',
  anchors: ['yaml-spec:1.2.2#61-indentation-spaces', 'gap:tab-indented-yaml'],
  messages: {
    workflow: l(
      '이 줄은 탭으로 들여쓰여 있습니다. YAML은 들여쓰기에 탭을 허용하지 않으므로 GitHub는 이 워크플로 파일을 읽지 못하고, 워크플로는 한 번도 실행되지 않습니다',
      'This line is indented with a tab. YAML does not allow tabs in indentation, so GitHub cannot read this workflow file and the workflow never runs',
    ),
    file: l(
      '이 줄은 탭으로 들여쓰여 있습니다. YAML은 들여쓰기에 탭을 허용하지 않으므로 이 파일을 읽는 도구(kubectl, docker compose, CI)는 모두 이 파일을 거부합니다',
      'This line is indented with a tab. YAML does not allow tabs in indentation, so every tool that reads this file (kubectl, docker compose, a CI system) rejects it',
    ),
  },
  docs: {
    summary: l(
      '읽히지 않는 YAML 파일에서 들여쓰기에 탭이 들어간 첫 줄을 찾습니다(파일마다 한 번). 블록 스칼라(`run: |`) 내용 안의 탭은 텍스트이므로, 그리고 파서가 읽을 수 있는 파일은 판단하지 않습니다.',
      'Flags, once per file, the first line indented with a tab in a YAML file that does not parse. A tab inside the content of a block scalar (`run: |`) is text and is left alone, and so is every file the parser reads.',
    ),
    why: l(
      '편집기에서는 탭과 공백이 똑같아 보이지만 YAML 파서에게 탭 들여쓰기는 문법 오류입니다. 워크플로라면 GitHub가 조용히 실행하지 않고(또는 Actions 탭에만 오류를 보이고), 매니페스트나 compose 파일이라면 배포 단계가 실패합니다.',
      'A tab and spaces look the same in an editor, but to a YAML parser a tab in indentation is a syntax error. A workflow is then silently not run (or shows an error only in the Actions tab); a manifest or a compose file makes the deploy step fail.',
    ),
    bad: 'name: CI\non:\n  pull_request:\n\t  branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n',
    good: 'name: CI\non:\n  pull_request:\n    # TODO: 편집기가 탭 대신 공백을 넣도록 설정했나요?\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n',
  },
  weeks: ['beginner/4'],
  questions: [
    l(
      '이 파일이 실제로 읽혔는지(실행됐는지, 적용됐는지)는 어디에서 확인할 수 있나요?',
      'Where could you check that this file was actually read (that it ran, that it was applied)?',
    ),
    l(
      '편집기나 pre-commit에서 YAML 문법 오류를 push 전에 잡으려면 무엇을 켜면 될까요?',
      'What could you turn on in your editor or in pre-commit to catch a YAML syntax error before you push?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 들여쓰기를 공백으로 바꾸기\n# 고려사항:\n# - 편집기의 "탭을 공백으로" 설정은 켜져 있나요? (.editorconfig: indent_style = space)\n# - push 전에 YAML을 검사하는 단계(yamllint, actionlint, pre-commit)가 있나요?\n',
    en: '# TODO: indent with spaces\n# Consider:\n# - does your editor insert spaces for tabs? (.editorconfig: indent_style = space)\n# - is there a check that parses YAML before a push (yamllint, actionlint, pre-commit)?\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml' || facts.tabIndentLine === undefined) continue;
      const line = facts.tabIndentLine;
      context.report({ path, range: { start: { line, column: 0 }, end: { line, column: 1 } }, messageId: WORKFLOW_FILE.test(path) ? 'workflow' : 'file' });
    }
  },
});
