import type { WorkflowFact } from '../../project/facts';
import { basename } from '../../project/modules';
import { l, projectRule } from '../../rule';

/** Where GitHub keeps the workflows it runs. */
const WORKFLOW_FILE = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;

/** How names are compared: case and surrounding spaces are not what a learner gets wrong on purpose. */
function normalise(name: string): string {
  return name.trim().toLowerCase();
}

export default projectRule({
  scope: 'project',
  id: 'undefined-workflow-reference',
  language: 'yaml',
  category: 'delivery',
  severity: 'warning',
  anchors: ['github-docs:workflow_run', 'gap:workflow-run-unknown-workflow'],
  messages: {
    unknown: l(
      'workflow_run이 "{name}" 워크플로를 기다리지만 저장소에 그런 이름의 워크플로가 없습니다 (있는 것: {names}). 이 워크플로는 그 뒤에 한 번도 시작되지 않습니다',
      'workflow_run waits for "{name}", but no workflow in the repository has that name (there are {names}): this workflow never starts after it',
    ),
  },
  docs: {
    summary: l(
      '`on.workflow_run.workflows`에 적힌 이름이 저장소의 어느 워크플로 `name:`과도(이름이 없으면 파일 경로와도) 맞지 않는 경우를 찾습니다. 파일 이름(ci.yml)과 맞는 경우, 식(`${{ }}`)이 들어간 이름, 그리고 워크플로가 그 하나뿐인 저장소(일부만 옮겨 온 경우)는 판단하지 않습니다.',
      'Flags a name in `on.workflow_run.workflows` that matches no workflow of the repository: neither a `name:` nor, for a workflow without one, its file path. A name that matches a file name (ci.yml), a name with an expression, and a repository whose only workflow is this one (a partial copy) are left alone.',
    ),
    why: l(
      'workflow_run은 이름으로 연결됩니다. CI 워크플로의 이름을 바꾸거나 다른 이름을 적으면 오류도 경고도 없이, 배포 워크플로가 그냥 실행되지 않습니다. 파이프라인은 초록불인데 배포는 일어나지 않고, 누군가 수동으로 돌리기 전까지 아무도 모릅니다.',
      'workflow_run is wired by name. Rename the CI workflow, or write another name, and there is no error and no warning: the deploy workflow simply never runs. CI is green, nothing ships, and nobody notices until someone runs it by hand.',
    ),
    bad: '# --- .github/workflows/ci.yml ---\nname: CI Pipeline\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n# --- .github/workflows/cd.yml ---\nname: CD\non:\n  workflow_run:\n    workflows: ["Continuous Integration"]\n    types: [completed]\njobs:\n  deploy:\n    if: github.event.workflow_run.conclusion == \'success\'\n    runs-on: ubuntu-latest\n    steps:\n      - run: make deploy\n',
    good: '# --- .github/workflows/ci.yml ---\nname: CI Pipeline\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n# --- .github/workflows/cd.yml ---\nname: CD\non:\n  workflow_run:\n    # TODO: 기다리는 워크플로의 name:과 글자 그대로 같은가요?\n    workflows: ["CI Pipeline"]\n    types: [completed]\njobs:\n  deploy:\n    if: github.event.workflow_run.conclusion == \'success\'\n    runs-on: ubuntu-latest\n    steps:\n      - run: make deploy\n',
  },
  weeks: ['beginner/4', 'intermediate/7'],
  questions: [
    l(
      '"{name}"이라는 이름은 어디에서 왔나요? 기다리려는 워크플로 파일의 맨 위 name:과 비교해 보면 어떤가요?',
      'Where does the name "{name}" come from, and how does it compare with the name: at the top of the workflow file you mean to wait for?',
    ),
    l('이 워크플로가 한 번도 시작되지 않았다면, 누가 언제 그것을 알아챌 수 있을까요?', 'If this workflow had never started, who would notice, and when?'),
  ],
  scaffold: {
    ko: '# TODO: workflow_run이 실제 워크플로 이름을 가리키게 하기\n# 고려사항:\n# - 기다리는 워크플로의 name: 값은 무엇인가요? (이름이 없으면 파일 경로)\n# - 그 워크플로의 이름을 바꾸면 이 연결도 함께 바꾸도록 어떻게 기억할까요?\n# workflows: # TODO\n',
    en: "# TODO: point workflow_run at a real workflow's name\n# Consider:\n# - what is the name: of the workflow to wait for? (its file path when it has none)\n# - when that workflow is renamed, how will this link be renamed too?\n# workflows: # TODO\n",
  },
  project(context) {
    const workflows: { path: string; workflow: WorkflowFact }[] = [];
    for (const [path, facts] of context.view.files) if (facts.kind === 'yaml' && facts.workflow && WORKFLOW_FILE.test(path)) workflows.push({ path, workflow: facts.workflow });
    // A repository with a single workflow may be a partial copy: the workflow it waits for may simply not be here.
    if (workflows.length < 2) return;
    const known = new Set<string>();
    for (const { path, workflow } of workflows) {
      known.add(normalise(workflow.name ?? path.slice(path.indexOf('.github/'))));
      // A file name written where the workflow's name belongs may or may not be what was meant; leave it alone.
      known.add(normalise(basename(path)));
      known.add(normalise(basename(path).replace(/\.ya?ml$/i, '')));
    }
    const names = workflows.map(({ path, workflow }) => `"${workflow.name ?? basename(path)}"`).join(', ');
    for (const { path, workflow } of workflows)
      for (const upstream of workflow.runsAfter) {
        if (/\$\{\{|[*?[]/.test(upstream.name) || known.has(normalise(upstream.name))) continue;
        context.report({ path, range: upstream.range, messageId: 'unknown', data: { name: upstream.name, names } });
      }
  },
});
