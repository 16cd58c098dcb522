import { l, yamlRule } from '../../rule';
import { triggerEvents, workflowJobs } from '../../yaml/actions';
import { entries, entry, intact, scalar, type YEntry } from '../../yaml/model';

export default yamlRule({
  id: 'unrestricted-token-permissions',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'security',
  severity: 'warning',
  anchors: ['zizmor:excessive-permissions', 'ghalint:001', 'ghalint:003', 'CKV2_GHA_1'],
  messages: {
    missing: l(
      'job "{job}"의 GITHUB_TOKEN 권한이 워크플로에도 job에도 정해져 있지 않습니다',
      'Job "{job}" gets GITHUB_TOKEN permissions set neither by the workflow nor by the job',
    ),
    missingAll: l('워크플로에도 어떤 job({job})에도 GITHUB_TOKEN 권한이 정해져 있지 않습니다', 'Neither the workflow nor any of its jobs ({job}) sets GITHUB_TOKEN permissions'),
    writeAll: l('GITHUB_TOKEN에 write-all 권한을 줍니다', 'GITHUB_TOKEN is given write-all permissions'),
    broadWrite: l(
      '최상위 permissions가 {scopes} 쓰기 권한을 모든 job에 줍니다: 자기 권한을 정하지 않은 {jobs}도 pull request마다 받습니다. 쓰기가 필요한 job에만 주세요',
      'The top-level permissions grant {scopes} write to every job: {jobs}, which set none of their own, get it on every pull request too. Grant write only on the jobs that need it',
    ),
  },
  docs: {
    summary: l(
      '최상위와 job 어디에도 permissions가 없는 job, permissions: write-all, 그리고 pull request로 시작되는, job이 여럿인 워크플로에서 최상위에 준 쓰기 권한(자기 권한을 정하지 않은 job 모두가 받음)을 찾습니다. workflow_call로만 실행되는 재사용 워크플로는 호출하는 워크플로의 권한을 물려받으므로(줄일 수만 있음) 호출하는 쪽에서 묻습니다.',
      "Flags jobs with permissions set neither at the top level nor on the job, any permissions: write-all, and write scopes granted at the top level of a workflow with several jobs that pull requests start (every job that sets none of its own receives them). A reusable workflow run only through workflow_call inherits its caller's token (it can only narrow it), so the caller is asked instead.",
    ),
    why: l(
      'permissions가 없으면 저장소나 조직의 기본값(오래된 저장소는 쓰기 권한)이 적용됩니다. 의존성 하나나 주입된 명령 하나가 코드 push, 릴리스 변조, 패키지 배포까지 할 수 있게 됩니다.',
      'Without permissions the repository or organisation default applies (write access on older repositories), so one compromised dependency or injected command can push code, tamper with releases and publish packages.',
    ),
    bad: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n',
    good: 'on: push\n# TODO: 이 워크플로의 각 job에 정말 필요한 권한은 무엇인가요?\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n',
  },
  weeks: ['beginner/4', 'intermediate/2'],
  questions: [
    l('이 워크플로의 토큰으로 지금 할 수 있는 일은 무엇인가요? 저장소에 push도 할 수 있을까요?', "What can this workflow's token do right now? Could it push to the repository?"),
    l('테스트 job과 배포 job이 필요로 하는 권한은 같나요? 어떻게 나눌 수 있을까요?', 'Do the test job and the deploy job need the same permissions, and how could you split them?'),
  ],
  scaffold: {
    ko: '# TODO: 토큰 권한 최소화\n# 고려사항:\n# - 기본값은 읽기 전용으로 두고, 쓰기가 필요한 job은 어디인가요?\n# - 패키지 배포, 릴리스 생성, PR 코멘트에 각각 어떤 scope가 필요한가요?\n# - OIDC로 클라우드에 배포한다면 id-token 권한이 필요할까요?\n# permissions:\n#   contents: # TODO\n',
    en: '# TODO: minimise token permissions\n# Consider:\n# - keep the default read-only: which jobs really need write access?\n# - which scopes do package publishing, releases and PR comments need?\n# - if you deploy to the cloud with OIDC, do you need id-token?\n# permissions:\n#   contents: # TODO\n',
  },
  check(context, document) {
    const writeAll = (e: YEntry | undefined) => {
      if (e?.value && scalar(e.value) === 'write-all') context.report({ range: e.value.range, messageId: 'writeAll' });
    };
    const top = entry(document.root, 'permissions');
    writeAll(top);
    const jobs = workflowJobs(document);
    // A reusable workflow gets the caller's token: a missing block there is the caller's to set.
    const events = triggerEvents(document);
    const reusableOnly = events.length > 0 && events.every((event) => event === 'workflow_call');
    // A line that failed to parse outside every job might have been the top-level permissions.
    const topKnown = document.brokenLines.every((line) => jobs.some((job) => line >= job.spec.range.start.line && line <= job.spec.range.end.line));
    const unset = jobs.filter((job) => {
      const own = entry(job.spec, 'permissions');
      writeAll(own);
      return !top && !own && !reusableOnly && topKnown && intact(document, job.spec);
    });
    // Write scopes granted at the top reach every job that sets nothing itself, the jobs every
    // pull request runs too; with one job the two places are the same, so only several jobs are
    // asked, and only in workflows pull requests start (a push-only release workflow is left alone).
    const writes = entries(top?.value).filter((e) => scalar(e.value) === 'write');
    const inheriting = jobs.filter((job) => !entry(job.spec, 'permissions') && intact(document, job.spec));
    const onPullRequests = events.some((event) => event === 'pull_request' || event === 'pull_request_target');
    if (writes.length > 0 && jobs.length > 1 && inheriting.length > 0 && onPullRequests) {
      context.report({
        range: writes[0].keyRange,
        messageId: 'broadWrite',
        data: { scopes: writes.map((e) => e.key).join(', '), jobs: inheriting.map((job) => job.id).join(', ') },
      });
    }
    // No job of several declares anything: the workflow lacks one block, said once at `jobs:`.
    const jobsKey = entry(document.root, 'jobs');
    if (jobs.length > 1 && unset.length === jobs.length && jobsKey) {
      context.report({ range: jobsKey.keyRange, messageId: 'missingAll', data: { job: unset.map((job) => job.id).join(', ') } });
      return;
    }
    for (const job of unset) context.report({ range: job.idRange, messageId: 'missing', data: { job: job.id } });
  },
});
