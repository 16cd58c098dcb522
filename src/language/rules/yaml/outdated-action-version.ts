import { l, yamlRule } from '../../rule';
import { ACTION_SUPPORT, ARCHIVED_ACTIONS, majorOf } from '../../yaml/action-versions';
import { workflowJobs, workflowSteps } from '../../yaml/actions';
import { at, items, scalar, type YNode } from '../../yaml/model';

/**
 * GitHub-hosted runner images GitHub has retired: a job asking for one waits for a runner that never
 * comes and fails (ubuntu-20.04 since April 2025, windows-2019 since June 2025, macos-13 since
 * December 2025, older ones before them).
 */
const RETIRED_RUNNER = /^(ubuntu-(16|18|20)\.04|windows-201[69]|macos-(10\.15|11|12|13)(-(large|xlarge|arm64))?)$/i;

/** The labels a job's `runs-on:` names: a scalar or a list of them (expressions and groups are left out). */
function runnerLabels(node: YNode | undefined): YNode[] {
  if (node?.kind === 'scalar') return [node];
  return node?.kind === 'seq' ? items(node).filter((item) => item.kind === 'scalar') : [];
}

export default yamlRule({
  id: 'outdated-action-version',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'delivery',
  severity: 'warning',
  anchors: ['actionlint:action'],
  messages: {
    retiredRunner: l(
      'GitHub가 이미 없앤 러너 이미지 "{runner}"를 요청합니다: 이 작업을 받을 러너가 없어 작업이 시작되지 못하고 실패합니다',
      'The job asks for "{runner}", a runner image GitHub has retired: no runner picks the job up, so it never starts and fails',
    ),
    outdated: l(
      '"{action}@{ref}"는 지원이 끝난 런타임(Node 16 이하)에서 돌아가는 버전입니다; 현재 메이저는 v{current}입니다',
      '"{action}@{ref}" runs on a retired runtime (Node 16 or older); the current major is v{current}',
    ),
    broken: l(
      '"{action}@{ref}"가 쓰던 서비스가 종료되어 이 버전은 더 이상 동작하지 않습니다; v{current} 이상이 필요합니다',
      '"{action}@{ref}" relied on a service that has been shut down and no longer works; v{current} or later is needed',
    ),
    outdatedMany: l(
      '"{action}@{ref}" 외 {more}개의 액션이 지원이 끝난 런타임(Node 16 이하)에서 돌아가는 옛 메이저 버전입니다; 이 액션의 현재 메이저는 v{current}입니다',
      '"{action}@{ref}" and {more} more actions in this workflow are old majors on a retired runtime (Node 16 or older); the current major of this one is v{current}',
    ),
    archived: l('"{action}"은 보관(archived)되어 더 이상 관리되지 않는 액션입니다', '"{action}" is archived and no longer maintained'),
  },
  severityReasons: {
    broken: { severity: 'error', message: l('이 메이저 버전은 GitHub에서 이미 막혀 있어 워크플로가 실패합니다', 'GitHub already blocks this major, so the workflow fails') },
    runtimeOnly: {
      severity: 'info',
      message: l(
        'GitHub는 아직 이 버전을 새 런타임으로 강제로 돌려 주므로, 당장 실패하지는 않습니다',
        'GitHub still runs this major, forced onto a newer runtime, so nothing fails yet',
      ),
    },
  },
  docs: {
    summary: l(
      '지원이 끝난 런타임(Node 12/16)이나 종료된 서비스에 묶인 인기 액션의 옛 메이저 버전(actions/checkout@v3, actions/upload-artifact@v3, setup-python@v4, codecov-action@v3 …)과 보관된 액션, 그리고 GitHub가 없앤 호스트 러너 이미지(ubuntu-20.04, windows-2019, macos-13 이하)를 요청하는 작업을 찾습니다. 버전 표는 데이터로 관리합니다.',
      'Flags old majors of popular actions tied to a retired runtime (Node 12/16) or a shut-down service (actions/checkout@v3, actions/upload-artifact@v3, setup-python@v4, codecov-action@v3, ...) and archived actions, and jobs that ask for a GitHub-hosted runner image GitHub has retired (ubuntu-20.04, windows-2019, macos-13 and older). The version table is data.',
    ),
    why: l(
      '옛 메이저는 경고와 함께 강제로 새 런타임에서 돌거나, 어느 날 갑자기 실패합니다(upload-artifact v3는 2025년 1월부터 실패). 배포 직전에 파이프라인이 멈추고, 보안 수정도 받지 못합니다.',
      'Old majors run forced onto a newer runtime with warnings, or one day simply fail (upload-artifact v3 fails since January 2025): the pipeline stops right before a release, and the action gets no security fixes.',
    ),
    bad: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v3\n      - uses: actions/upload-artifact@v3\n        with: { name: report, path: report.xml }\n',
    good: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 메이저를 올릴 때 바뀐 입력값(inputs)은 없는지 릴리스 노트를 확인하세요\n      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v4\n        with: { name: report, path: report.xml }\n',
  },
  weeks: ['beginner/4', 'intermediate/1'],
  questions: [
    l('{action}@{ref}가 어느 날 동작을 멈추면, 이 워크플로에서 무엇이 함께 멈추나요?', 'If {action}@{ref} stops working one day, what else in this workflow stops with it?'),
    l(
      '액션의 새 메이저 버전이 나왔다는 것을 여러분의 저장소는 어떻게 알게 될까요? (Dependabot, Renovate, 사람?)',
      'How would your repository ever learn that a new major of an action is out: Dependabot, Renovate, a person?',
    ),
    l(
      'v{current}로 올릴 때 입력값이나 동작이 바뀐 것은 없는지 어디에서 확인할 수 있을까요?',
      'Where would you check whether inputs or behaviour changed when moving to v{current}?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 액션 버전 올리기\n# 고려사항:\n# - 이 액션의 릴리스 노트에서 메이저 사이에 바뀐 입력값은 무엇인가요?\n# - 버전을 올린 뒤 워크플로를 어떻게 검증할까요? (PR에서 한 번 실행)\n# - 다음 번에는 누가(Dependabot, Renovate) 알려 주게 할까요?\n# - uses: <액션>@# TODO\n',
    en: '# TODO: move the action to a supported major\n# Consider:\n# - which inputs changed between majors (release notes)?\n# - how will you verify the workflow after the bump (one run on a PR)?\n# - who tells you next time (Dependabot, Renovate)?\n# - uses: <action>@# TODO\n',
  },
  check(context, document) {
    for (const job of workflowJobs(document)) {
      for (const label of runnerLabels(at(job.spec, 'runs-on'))) {
        const runner = scalar(label);
        if (runner && RETIRED_RUNNER.test(runner.trim()))
          context.report({ range: label.range, messageId: 'retiredRunner', data: { runner: runner.trim() }, severityReason: 'broken' });
      }
    }
    // Majors that only run on a retired runtime still work: one note per workflow, on the first,
    // says how many there are. Majors that no longer run, and archived actions, are each reported.
    const runtimeOnly: { node: NonNullable<ReturnType<typeof at>>; action: string; ref: string; current: number }[] = [];
    for (const { step } of workflowSteps(document)) {
      const node = at(step, 'uses');
      const uses = scalar(node);
      if (!node || !uses || !uses.includes('@')) continue;
      const [path, ref] = [uses.slice(0, uses.lastIndexOf('@')), uses.slice(uses.lastIndexOf('@') + 1)];
      // `github/codeql-action/upload-sarif` shares the repository's versions.
      const action = path.split('/').slice(0, 2).join('/').toLowerCase();
      if (ARCHIVED_ACTIONS.has(action)) {
        context.report({ range: node.range, messageId: 'archived', data: { action: path, ref } });
        continue;
      }
      const support = ACTION_SUPPORT[action];
      const major = majorOf(ref);
      if (!support || major === undefined || major >= support.current) continue;
      if (support.broken !== undefined && major < support.broken) {
        context.report({ range: node.range, messageId: 'broken', data: { action: path, ref, current: support.current }, severityReason: 'broken' });
      } else {
        runtimeOnly.push({ node, action: path, ref, current: support.current });
      }
    }
    const [first, ...rest] = runtimeOnly;
    if (!first) return;
    context.report({
      range: first.node.range,
      messageId: rest.length ? 'outdatedMany' : 'outdated',
      data: { action: first.action, ref: first.ref, current: first.current, ...(rest.length ? { more: rest.length } : {}) },
      severityReason: 'runtimeOnly',
    });
  },
});
