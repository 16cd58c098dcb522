import { l, yamlRule } from '../../rule';
import { jobSteps, workflowJobs, type WorkflowJob } from '../../yaml/actions';
import { imagePin } from '../../yaml/images';
import { at, entries, entry, scalar, type YNode } from '../../yaml/model';

const FULL_SHA = /^[0-9a-f]{40}$/i;
const VERSION_TAG = /^v?\d+(\.\d+)*([-+.][\w.-]*)?$/;
/**
 * A secret that is a credential by its name. Identifiers kept in secrets (a role ARN, a workload
 * identity provider, a user or project name) give a moved tag nothing to steal. The job's own
 * token written as `github.token` is the same credential as `secrets.GITHUB_TOKEN`.
 */
const CREDENTIAL_SECRET = /\bsecrets\.\w*(TOKEN|KEY|PASSWORD|PASSWD|PASS|PAT|SECRET|CREDENTIAL|CREDS|PRIVATE|AUTH)\w*|\bsecrets\[|\bgithub\.token\b/i;
/** Actions GitHub publishes itself: a release tag of these is the risk reviewers accept in plain CI. */
const GITHUB_OWNED = /^(actions|github)\//i;

/** Does any value under this node read a credential secret (`${{ secrets.X_TOKEN }}`)? Bounded, so an alias bomb cannot stall it. */
function readsSecret(node: YNode | undefined, budget = { left: 2_000 }): boolean {
  if (!node || --budget.left < 0) return false;
  if (node.kind === 'scalar') return CREDENTIAL_SECRET.test(node.value);
  if (node.kind === 'seq') return node.items.some((item) => readsSecret(item, budget));
  return node.entries.some((e) => readsSecret(e.value, budget));
}

/** `write-all`, or any scope granted `write` except `id-token` (which only lets the job ask for an OIDC token). */
function grantsWrite(permissions: YNode | undefined): boolean {
  if (scalar(permissions) === 'write-all') return true;
  return entries(permissions).some((e) => e.key !== 'id-token' && scalar(e.value) === 'write');
}

function jobContext(root: YNode | undefined, job: WorkflowJob) {
  const own = entry(job.spec, 'permissions');
  return {
    write: grantsWrite(own ? own.value : at(root, 'permissions')),
    // Workflow- and job-level env is visible to every step's action.
    secretEnv: readsSecret(at(root, 'env')) || readsSecret(at(job.spec, 'env')),
  };
}

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
    tagWithSecret: l(
      '시크릿을 받는 "{action}" 액션이 "{ref}" 태그로 지정되어 있습니다; 태그가 다른 커밋으로 옮겨지면 그 코드가 시크릿을 받습니다',
      '"{action}" receives secrets but is referenced by the tag "{ref}"; if the tag is moved, the new code gets the secrets',
    ),
    tagWithWrite: l(
      '"{action}" 액션이 write 권한 토큰과 함께 "{ref}" 태그로 실행됩니다; 태그는 다른 커밋으로 옮겨질 수 있습니다',
      '"{action}" runs with a write-scoped token from the tag "{ref}", which can be moved to another commit',
    ),
    riskyTags: l(
      '시크릿이나 write 권한 토큰을 받는 액션 {count}개가 태그로 지정되어 있습니다 ({actions})',
      '{count} actions that receive secrets or a write-scoped token are referenced by movable tags ({actions})',
    ),
    noRef: l('"{action}" 액션에 버전(@ref)이 없습니다', '"{action}" has no version (@ref)'),
    docker: l('"{action}" 이미지가 다이제스트로 고정되어 있지 않습니다', '"{action}" is not pinned to an image digest'),
  },
  severityReasons: {
    movingRef: {
      severity: 'error',
      message: l('브랜치(또는 버전 없는 참조)는 다음에 push되는 코드를 그대로 실행합니다', 'a branch (or no ref at all) runs whatever is pushed there next'),
    },
  },
  docs: {
    summary: l(
      '브랜치나 버전 없이 참조한 액션은 항상, 시크릿을 받거나 write 권한 토큰으로 실행되는 액션은 태그일 때도 찾습니다. 태그는 워크플로마다 한 번 알립니다. 둘 다 받지 않는 액션의 태그(평범한 CI의 actions/* 릴리스 태그, 설치용 액션)는 알리지 않습니다 (로컬 ./ 액션과 @sha256 도커 이미지는 제외).',
      'Flags actions on a branch or with no ref always, and actions on a tag when they receive secrets or run with a write-scoped token. said once per workflow. Tags on actions that reach neither (a release tag of actions/* in a plain CI job, a setup action) are not flagged (local ./ actions and docker images pinned by @sha256 are fine).',
    ),
    why: l(
      '액션은 워크플로의 토큰과 시크릿에 접근한 채 실행됩니다. 태그나 브랜치는 액션 저장소가 뚫리면 바로 악성 코드를 가리키게 됩니다 (tj-actions/changed-files 사고). 모델 레지스트리 자격 증명까지 넘어갈 수 있습니다.',
      'Actions run with the workflow token and secrets. A tag or branch points to malicious code as soon as the action repository is compromised (the tj-actions/changed-files incident), model registry credentials included.',
    ),
    bad: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          username: ${{ vars.REGISTRY_USER }}\n          password: ${{ secrets.REGISTRY_TOKEN }}\n',
    good: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 이 SHA를 누가, 어떻게 업데이트할까요? (Dependabot/Renovate)\n      - uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772 # v3.4.0\n        with:\n          username: ${{ vars.REGISTRY_USER }}\n          password: ${{ secrets.REGISTRY_TOKEN }}\n',
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
    const risky: { key: string; node: YNode & { kind: 'scalar' }; messageId: string; data: Record<string, string> }[] = [];
    const consider = (node: YNode | undefined, job: { write: boolean; secretEnv: boolean }, inputs: YNode | undefined) => {
      if (node?.kind !== 'scalar') return;
      const uses = node.value.trim();
      const verdict = classifyUses(uses);
      if (!verdict) return;
      const docker = verdict.messageId === 'docker';
      const action = docker ? node.value : node.value.split('@')[0];
      const key = `${action}@${verdict.ref}`;
      // `uses` and a bare `ref` (the tag of a docker:// image) let the teacher ask about exactly this reference.
      const ref = docker ? (imagePin(node.value.slice('docker://'.length)).tag ?? '') : verdict.ref;
      const data = { action, ref, uses };
      // A moving branch (or no ref) runs whatever lands there next: always worth saying, per action.
      if (verdict.messageId === 'branch' || verdict.messageId === 'noRef') {
        if (seen.has(key)) return;
        seen.add(key);
        context.report({ range: node.range, messageId: verdict.messageId, data, severityReason: 'movingRef' });
        return;
      }
      const secret = job.secretEnv || readsSecret(inputs);
      if (risky.some((r) => r.key === key)) return;
      const githubOwned = !docker && GITHUB_OWNED.test(action);
      // A tag matters where a moved tag would reach something: secrets handed to a third-party
      // action, or a token that can write to the repository or its packages (zizmor's and
      // reviewers' line; a release tag of actions/* in a read-only CI job is the accepted risk).
      if (job.write) risky.push({ key, node, messageId: docker ? 'docker' : 'tagWithWrite', data });
      else if (secret && !githubOwned) risky.push({ key, node, messageId: docker ? 'docker' : 'tagWithSecret', data });
    };
    for (const job of workflowJobs(document)) {
      const scope = jobContext(document.root, job);
      // A reusable workflow called with secrets (a map, or `secrets: inherit`) receives them like an action does.
      consider(at(job.spec, 'uses'), { ...scope, secretEnv: scope.secretEnv || entry(job.spec, 'secrets') !== undefined }, undefined);
      for (const step of jobSteps(job))
        consider(at(step, 'uses'), scope, { kind: 'seq', items: [at(step, 'with'), at(step, 'env')].filter((n) => n !== undefined), range: step.range });
    }
    // Tags that reach secrets or write scope are one pinning policy for the file: said once, at the first.
    const [first] = risky;
    if (!first) return;
    const range = first.node.range;
    if (risky.length === 1) context.report({ range, messageId: first.messageId, data: first.data });
    else
      context.report({
        range,
        messageId: 'riskyTags',
        data: { ...first.data, count: String(risky.length), actions: risky.map((r) => r.data.action).join(', ') },
        // The other actions of the policy are shown with it: each is a line to pin.
        related: risky.slice(1).map((r) => ({ range: r.node.range, message: l(`태그로 지정된 ${r.data.action}`, `${r.data.action} on a movable tag`) })),
      });
  },
});
