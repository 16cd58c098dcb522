import { l, projectRule } from '../../rule';

/** Where GitHub reads the workflows it runs. */
const WORKFLOW_FILE = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;

export default projectRule({
  scope: 'project',
  id: 'unparseable-ci-definition',
  language: 'yaml',
  category: 'delivery',
  severity: 'error',
  anchors: ['actionlint:syntax-check'],
  messages: {
    workflow: l(
      '이 워크플로는 올바른 YAML이 아닙니다 ({reason}). GitHub는 이 파일을 읽지 못하므로 워크플로의 어떤 job도 실행되지 않습니다',
      'This workflow is not valid YAML ({reason}). GitHub cannot read the file, so none of its jobs ever runs',
    ),
    pipeline: l(
      '이 파이프라인 정의는 올바른 YAML이 아닙니다 ({reason}). GitLab은 파이프라인을 만들지 못하고 어떤 job도 실행되지 않습니다',
      'This pipeline definition is not valid YAML ({reason}). GitLab cannot create the pipeline, so none of its jobs runs',
    ),
  },
  docs: {
    summary: l(
      'YAML 파서가 읽지 못하는 GitHub Actions 워크플로와 .gitlab-ci.yml을 찾아, 파서가 처음 멈춘 줄에 알립니다(파일마다 한 번): 따옴표 없이 콜론과 공백(`: `)이 들어간 값, 다른 블록 안으로 잘못 들여쓴 단계, 닫히지 않은 괄호 등. 들여쓰기의 탭은 tab-indented-yaml이 따로 알립니다.',
      'Flags, once per file, GitHub Actions workflows and .gitlab-ci.yml files the YAML parser cannot read, at the line where it first stops: an unquoted value holding a colon and a space (`: `), a step indented into another block, an unclosed bracket. Tabs in indentation are left to tab-indented-yaml.',
    ),
    why: l(
      '문법 오류가 있는 워크플로는 push해도 아무 일도 일어나지 않습니다. Actions 탭에 오류 한 줄이 보일 뿐 테스트도 배포도 돌지 않고, 다른 워크플로가 이 워크플로의 결과를 기다리면 그것도 멈춥니다. 로컬에서 YAML을 한 번 읽어 보면 바로 잡히는 실수입니다.',
      'A workflow with a syntax error does nothing when pushed: one error line shows in the Actions tab, no test or deploy runs, and anything waiting on this workflow waits forever. Parsing the YAML once before pushing catches it at once.',
    ),
    bad: '# --- .github/workflows/train.yml ---\nname: Train\non: push\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Debug: show remote\n        run: git remote -v\n',
    good: '# --- .github/workflows/train.yml ---\nname: Train\non: push\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 콜론이 들어간 값은 따옴표로 감싸세요\n      - name: "Debug: show remote"\n        run: git remote -v\n',
  },
  weeks: ['beginner/4'],
  questions: [
    l(
      '이 파일의 파이프라인이 마지막으로 실제로 실행된 때는 언제이고, 그걸 어디서 확인할 수 있나요?',
      "When did this file's pipeline last actually run, and where could you check?",
    ),
    l(
      '파서가 멈춘 줄에서, YAML은 값 안의 두 번째 `: `를 어떤 구조로 읽으려 할까요? 따옴표를 넣으면 무엇이 달라지나요?',
      'On the line where the parser stops, what structure does YAML try to read a second `: ` inside a value as? What changes with quotes?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 워크플로를 올바른 YAML로 고치기\n# 고려사항:\n# - 파서가 멈춘 줄의 값에 콜론(: )이나 #이 있나요? 따옴표는 무엇을 바꿀까요?\n# - 이 줄의 들여쓰기는 어느 블록에 속하나요?\n# - push 전에 YAML을 검사하는 단계(actionlint, yamllint, pre-commit)가 있나요?\n',
    en: "# TODO: make the workflow valid YAML\n# Consider:\n# - does the value on the line where the parser stops hold a colon (: ) or a #? what would quotes change?\n# - which block does this line's indentation put it in?\n# - is there a check that parses YAML before a push (actionlint, yamllint, pre-commit)?\n",
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml' || facts.syntaxError === undefined) continue;
      const { line, reason } = facts.syntaxError;
      context.report({
        path,
        range: { start: { line, column: 0 }, end: { line, column: 1 } },
        messageId: WORKFLOW_FILE.test(path) ? 'workflow' : 'pipeline',
        data: { reason },
      });
    }
  },
});
