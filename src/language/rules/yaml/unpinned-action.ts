import { l, yamlRule } from '../../rule';
import { jobSteps, workflowJobs } from '../../yaml/actions';
import { imagePin } from '../../yaml/images';
import { at, type YNode } from '../../yaml/model';

const FULL_SHA = /^[0-9a-f]{40}$/i;
const VERSION_TAG = /^v?\d+(\.\d+)*([-+.][\w.-]*)?$/;

function classifyUses(uses: string): { messageId: string; ref: string } | undefined {
  if (uses.startsWith('./') || uses.startsWith('.\\') || /\$\{\{/.test(uses)) return undefined;
  if (uses.startsWith('docker://')) return imagePin(uses.slice('docker://'.length)).pin === 'digest' ? undefined : { messageId: 'docker', ref: uses };
  const at = uses.lastIndexOf('@');
  if (at < 0) return { messageId: 'noRef', ref: '' };
  const ref = uses.slice(at + 1);
  if (FULL_SHA.test(ref)) return undefined;
  return { messageId: VERSION_TAG.test(ref) ? 'tag' : 'branch', ref };
}

export default yamlRule({
  id: 'unpinned-action',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'security',
  severity: 'warning',
  anchors: ['zizmor:unpinned-uses', 'CKV_GHA_8', 'ghalint:008'],
  messages: {
    branch: l(
      '"{action}" 액션이 "{ref}" 브랜치를 따라갑니다; 그 브랜치에 push되는 코드가 그대로 실행됩니다',
      '"{action}" follows the branch "{ref}"; whatever is pushed there runs in this workflow',
    ),
    tag: l(
      '"{action}" 액션이 "{ref}" 태그로 지정되어 있습니다; 태그는 다른 커밋으로 옮겨질 수 있습니다',
      '"{action}" is referenced by the tag "{ref}", which can be moved to another commit',
    ),
    noRef: l('"{action}" 액션에 버전(@ref)이 없습니다', '"{action}" has no version (@ref)'),
    docker: l('"{action}" 이미지가 다이제스트로 고정되어 있지 않습니다', '"{action}" is not pinned to an image digest'),
  },
  severityReasons: {
    movingRef: {
      severity: 'error',
      message: l('브랜치(또는 버전 없는 참조)는 다음에 push되는 코드를 그대로 실행합니다', 'a branch (or no ref at all) runs whatever is pushed there next'),
    },
    githubTag: {
      severity: 'info',
      message: l('GitHub가 직접 관리하는 actions/* 의 릴리스 태그는 세 경우 중 위험이 가장 작습니다', "a release tag of GitHub's own actions/* is the smallest of the three risks"),
    },
  },
  docs: {
    summary: l(
      'uses가 40자리 커밋 SHA로 고정되지 않은 액션과 재사용 워크플로를 찾습니다 (로컬 ./ 액션과 @sha256 도커 이미지는 제외).',
      'Flags actions and reusable workflows whose uses is not pinned to a 40-character commit SHA (local ./ actions and docker images pinned by @sha256 are fine).',
    ),
    why: l(
      '액션은 워크플로의 토큰과 시크릿에 접근한 채 실행됩니다. 태그나 브랜치는 액션 저장소가 뚫리면 바로 악성 코드를 가리키게 됩니다 (tj-actions/changed-files 사고). 모델 레지스트리 자격 증명까지 넘어갈 수 있습니다.',
      'Actions run with the workflow token and secrets. A tag or branch points to malicious code as soon as the action repository is compromised (the tj-actions/changed-files incident), model registry credentials included.',
    ),
    bad: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
    good: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 이 SHA를 누가, 어떻게 업데이트할까요? (Dependabot/Renovate)\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n',
  },
  weeks: ['beginner/4', 'intermediate/2'],
  questions: [
    l(
      '{uses}의 "{ref}"는 정확히 어떤 코드를 가리키나요? 내일도 같은 코드일까요?',
      'Which code exactly does the "{ref}" in {uses} point to, and will it be the same code tomorrow?',
    ),
    l('이 워크플로가 실행될 때 액션은 어떤 시크릿과 권한에 접근할 수 있나요?', 'Which secrets and permissions can an action reach while this workflow runs?'),
    l('SHA로 고정하면 보안 업데이트는 어떻게 받을 수 있을까요?', 'Once pinned to a SHA, how will you still receive security updates?'),
  ],
  scaffold: {
    ko: '# TODO: 액션 버전 고정\n# 고려사항:\n# - 이 액션의 어느 커밋을 신뢰하기로 했나요? (릴리스 태그의 커밋 SHA 확인)\n# - 사람이 읽을 수 있도록 버전을 주석으로 남길까요?\n# - 업데이트는 Dependabot/Renovate 중 무엇으로 받을까요?\n# - uses: <owner>/<action>@# TODO (40자리 SHA)  # vX.Y.Z\n',
    en: '# TODO: pin the action version\n# Consider:\n# - which commit of this action did you decide to trust (the SHA behind the release tag)?\n# - will you keep the version as a comment for humans?\n# - will Dependabot or Renovate bring updates?\n# - uses: <owner>/<action>@# TODO (40-character SHA)  # vX.Y.Z\n',
  },
  check(context, document) {
    // A reviewer says "pin this action" once per action, not once per `uses:` line: the same
    // action at the same ref in three jobs is one dependency to pin, reported at its first use.
    const seen = new Set<string>();
    const report = (node: YNode | undefined) => {
      if (node?.kind !== 'scalar') return;
      const verdict = classifyUses(node.value.trim());
      if (!verdict) return;
      const action = verdict.messageId === 'docker' ? node.value : node.value.split('@')[0];
      const key = `${action}@${verdict.ref}`;
      if (seen.has(key)) return;
      seen.add(key);
      // A moving branch (or no ref) runs whatever lands there next; a release tag of GitHub's own
      // actions/* is the smallest risk of the three (zizmor and ghalint rank them the same way).
      const severityReason =
        verdict.messageId === 'branch' || verdict.messageId === 'noRef' ? 'movingRef' : verdict.messageId === 'tag' && action.startsWith('actions/') ? 'githubTag' : undefined;
      // `uses` and a bare `ref` (the tag of a docker:// image) let the teacher ask about exactly this reference.
      const ref = verdict.messageId === 'docker' ? (imagePin(node.value.slice('docker://'.length)).tag ?? '') : verdict.ref;
      context.report({ range: node.range, messageId: verdict.messageId, data: { action, ref, uses: node.value.trim() }, severityReason });
    };
    for (const job of workflowJobs(document)) {
      report(at(job.spec, 'uses'));
      for (const step of jobSteps(job)) report(at(step, 'uses'));
    }
  },
});
