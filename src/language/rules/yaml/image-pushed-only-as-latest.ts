import { l, yamlRule } from '../../rule';
import type { Range } from '../../types';
import { jobSteps, triggers, workflowJobs } from '../../yaml/actions';
import { at, entries, items, rangeWithin, scalar, type YMap, type YNode, type YScalar } from '../../yaml/model';
import { azurePipelineJobs, azureVariables, expandMacros, isAzurePipelines, taskInput } from '../../yaml/azure-pipelines';
import { cloudBuildSteps, isCloudBuild } from '../../yaml/cloud-build';
import { gitlabJobs, isGitLabCi } from '../../yaml/gitlab-ci';
import { buildPushAction, onlyLatestPushed, scriptPushes, type ScriptPushes } from '../../yaml/pushes';

/**
 * The pushes of a Cloud Build config, each placed on the argument that names the image: each step
 * read as the command line it runs (the builder's program, or a `bash -c` script), and the
 * top-level `images:`, which Cloud Build pushes when the build ends. Substitutions (`$COMMIT_SHA`,
 * `${_TAG}`) are tags only the run knows.
 */
function cloudBuildPushes(root: YMap): { pushes: ScriptPushes; node: YScalar }[] {
  const found: { pushes: ScriptPushes; node: YScalar }[] = [];
  for (const step of cloudBuildSteps(root)) {
    const pushes = scriptPushes(step.command);
    if (pushes.pushed.length === 0 && !pushes.opaque) continue;
    const offset = pushes.pushed[0]?.index ?? 0;
    // The last part that starts at or before the first push's offset.
    let part = step.parts[0];
    for (const candidate of step.parts) if (candidate.start <= offset) part = candidate;
    if (part) found.push({ pushes, node: part.node });
  }
  for (const image of items(at(root, 'images'))) {
    if (image.kind !== 'scalar') continue;
    found.push({ pushes: scriptPushes(`docker push ${image.value}`), node: image });
  }
  return found;
}

/** The `env:` values of a workflow, job or step that are plain text, and where each is set. */
function envOf(node: YMap | undefined, into: Map<string, string>, where: Map<string, Range>): Map<string, string> {
  for (const e of entries(at(node, 'env'))) {
    const value = scalar(e.value);
    if (value === undefined || !e.value) continue;
    into.set(e.key, value);
    where.set(e.key, e.value.range);
  }
  return into;
}

/** A step that pushes :latest, with the `if:` of its job and its own (and a build-push-action's `push:`). */
interface LatestPush {
  readonly range: Range;
  readonly gate: string;
}

/** A condition on the ref or the event: the author chose which runs publish (`github.ref == 'refs/heads/main'`). */
const REF_GATE = /\bgithub\.(ref|ref_name|head_ref|base_ref)\b|refs\/heads\/|default_branch/;
const EVENT_GATE = /\bgithub\.event_name\b/;

/** The branches or patterns a push trigger lists; [] for tags alone, undefined for every branch (no filter, or branches-ignore). */
function pushBranches(value: YNode | undefined): string[] | undefined {
  if (value?.kind !== 'map') return undefined;
  const branches = at(value, 'branches');
  if (branches === undefined) return at(value, 'tags') !== undefined && at(value, 'branches-ignore') === undefined ? [] : undefined;
  if (branches.kind === 'scalar') return [branches.value];
  return items(branches).map((item) => scalar(item) ?? '');
}

/**
 * Which refs other than one branch publish :latest: pull requests (unless the push is kept to push
 * events), or pushes to several branches, a pattern, or every branch (unless the step or its job is
 * kept to a ref). A workflow on one branch, on release tags alone, or gated on the ref is left alone.
 */
function latestFromAnyRef(context: Parameters<Parameters<typeof yamlRule>[0]['check']>[0], document: Parameters<typeof triggers>[0], pushes: readonly LatestPush[]): void {
  if (pushes.length === 0) return;
  const on = triggers(document)?.value;
  const events = new Map<string, YNode | undefined>();
  if (on?.kind === 'scalar') events.set(on.value, undefined);
  else if (on?.kind === 'seq') for (const item of items(on)) events.set(scalar(item) ?? '', undefined);
  else for (const e of entries(on)) events.set(e.key, e.value);
  const pullRequests = events.has('pull_request') || events.has('pull_request_target');
  // A push with no branch filter is left alone: most such workflows live in one-branch repositories.
  const branches = events.has('push') ? (pushBranches(events.get('push')) ?? []) : [];
  const severalBranches = branches.length > 1 || branches.some((b) => /[*?[!]/.test(b));
  for (const push of pushes) {
    if (REF_GATE.test(push.gate)) continue;
    const refs = [...(pullRequests && !EVENT_GATE.test(push.gate) ? ['pull_request'] : []), ...(severalBranches ? branches : [])];
    if (refs.length === 0) continue;
    context.report({ range: push.range, messageId: 'latestFromAnyRef', data: { refs: refs.join(', ') } });
    return;
  }
}

export default yamlRule({
  id: 'image-pushed-only-as-latest',
  language: 'yaml',
  documentKinds: ['github-actions', 'other'],
  category: 'delivery',
  severity: 'warning',
  anchors: ['kube-linter:latest-tag', 'CKV_DOCKER_7'],
  messages: {
    latestOnly: l(
      '이미지를 :latest 태그로만 push합니다 — 레지스트리와 배포된 Pod가 어느 커밋인지 알 수 없고, 되돌릴 이전 버전도 없습니다',
      'The image is pushed only as :latest: nothing tells which commit the registry or a running pod holds, and there is no earlier version to roll back to',
    ),
    latestFromAnyRef: l(
      ':latest 태그를 {refs} 실행에서도 push합니다 — 마지막에 끝난 실행이 :latest가 되므로, latest를 받는 서버나 사람은 검토되지 않은 브랜치의 이미지를 받을 수 있습니다',
      'The :latest tag is pushed by runs of {refs} too: whichever run finishes last becomes :latest, so a server or a person pulling latest can get an image of an unreviewed branch',
    ),
  },
  docs: {
    summary: l(
      'GitHub Actions 워크플로, GitLab CI 파이프라인, Google Cloud Build 설정(단계의 args와 빌드 끝에 push되는 images:)과 셸 스크립트에서 push하는 이미지가 모두 :latest(또는 태그 없음)인 경우를 찾습니다. docker push, docker buildx build --push, gcloud builds submit --tag, docker/build-push-action의 tags:를 읽고, env:와 스크립트 변수로 태그를 풀어 봅니다. 커밋 SHA·버전 태그를 함께 push하거나 실행 중에만 알 수 있는 태그는 제외합니다. GitHub Actions에서는 커밋 태그와 함께 :latest도 push하지만 그 push가 풀 리퀘스트 실행이나 여러 브랜치·패턴(`branches: [main, develop]`, `feature/**`)의 push 실행에서도 일어나는 경우도 찾습니다 (작업이나 단계의 `if:`가 ref나 이벤트로 막으면 제외). Azure Pipelines의 스크립트 단계와 Docker@2 push·buildAndPush 태스크의 tags도 같은 기준으로 봅니다.',
      'Flags GitHub Actions workflows, GitLab CI pipelines, Google Cloud Build configs (the args of each step and the images: pushed when the build ends) and shell scripts whose every image push is :latest (or untagged): docker push, docker buildx build --push, gcloud builds submit --tag and docker/build-push-action tags:, with tags resolved through env: and script variables. A commit SHA or version tag pushed beside latest, or a tag only the run knows, clears it. In GitHub Actions it also flags a :latest pushed beside a commit tag by pull request runs or by pushes to several branches or a pattern (`branches: [main, develop]`, `feature/**`), unless the `if:` of the job or the step keeps it to a ref or an event. Azure Pipelines are read the same way: script steps, and the tags of Docker@2 push and buildAndPush tasks.',
    ),
    why: l(
      'latest는 매번 덮어써집니다. 어떤 커밋이 지금 돌고 있는지 레지스트리도 클러스터도 말해 주지 못하고, 문제가 생겼을 때 "어제 버전"으로 돌아갈 이름이 없습니다. 같은 매니페스트를 다시 적용해도 롤아웃이 일어나지 않습니다.',
      'latest is overwritten on every run: neither the registry nor the cluster can say which commit is running, there is no name for "yesterday\'s version" when something breaks, and re-applying the same manifest rolls nothing out.',
    ),
    bad: 'on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker build -t registry.example.com/model-api:latest .\n          docker push registry.example.com/model-api:latest\n',
    good: 'on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 이미지를 무엇으로 식별할까요? (커밋 SHA, 모델 버전)\n      - run: |\n          docker build -t registry.example.com/model-api:${{ github.sha }} .\n          docker push registry.example.com/model-api:${{ github.sha }}\n',
  },
  weeks: ['intermediate/2', 'advanced/7'],
  questions: [
    l('지금 운영 중인 이미지가 어느 커밋에서 만들어졌는지, 무엇을 보고 알 수 있나요?', 'What would tell you which commit the image running in production was built from?'),
    l(
      '방금 배포한 버전이 예측을 망가뜨렸다면, 이전 버전으로 되돌리려면 어떤 이름을 배포해야 할까요?',
      'If the version you just shipped breaks predictions, which name would you deploy to go back to the previous one?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 이미지에 바뀌지 않는 태그 붙이기\n# 고려사항:\n# - 커밋 SHA(${{ github.sha }})와 릴리스 버전 중 무엇을 태그로 쓸까요?\n# - latest도 함께 올린다면, 배포 매니페스트는 어느 태그를 가리켜야 할까요?\n# - 롤백할 때 바꿀 값은 어디에 있나요?\n# docker push <이미지>:# TODO\n',
    en: '# TODO: give the image a tag that never moves\n# Consider:\n# - the commit SHA (${{ github.sha }}) or a release version?\n# - if you also push latest, which tag should the deploy manifest name?\n# - where is the value you would change to roll back?\n# docker push <image>:# TODO\n',
  },
  check(context, document) {
    // Where each env variable is set: a tag held in `IMAGE_TAG: latest` is fixed there, not in the script.
    const setAt = new Map<string, Range>();
    const workflowEnv = envOf(document.root?.kind === 'map' ? document.root : undefined, new Map(), setAt);
    // Where each push was found: a run: script (the word itself) or an action's tags: (the whole value).
    const found: { pushes: ScriptPushes; node: YScalar; whole?: boolean; setAt?: Map<string, Range> }[] = [];
    if (document.kind === 'other' && document.root?.kind === 'map' && isCloudBuild(document.root)) {
      for (const push of cloudBuildPushes(document.root)) found.push({ ...push, whole: true });
    } else if (document.kind === 'other') {
      if (isAzurePipelines(document.root)) {
        // Azure Pipelines: script steps, and Docker@2 push/buildAndPush tasks (whose default tag is the build id).
        const pipelineVariables = azureVariables(document.root);
        for (const job of azurePipelineJobs(document.root)) {
          const variables = azureVariables(job.spec, new Map(pipelineVariables));
          for (const step of job.steps) {
            if (step.script) found.push({ pushes: scriptPushes(step.script.raw, variables), node: step.script });
            const tags = at(step.spec, 'inputs.tags');
            if (!/^Docker$/i.test(step.task ?? '') || !/^(push|buildAndPush)$/i.test(taskInput(step, 'command') ?? '')) continue;
            const repository = expandMacros(taskInput(step, 'repository') ?? 'image', variables);
            const lines = expandMacros(scalar(tags) ?? '$(Build.BuildId)', variables)
              .split(/[\n,]/)
              .flatMap((tag) => (tag.trim() ? [`docker push ${repository}:${tag.trim()}`] : []));
            if (tags?.kind === 'scalar') found.push({ pushes: scriptPushes(lines.join('\n')), node: tags, whole: true });
            else found.push({ pushes: scriptPushes(lines.join('\n')), node: { kind: 'scalar', raw: '', value: '', style: 'plain', range: step.range }, whole: true });
          }
        }
      }
      // GitLab CI: every script line of every job, with the pipeline's and the job's `variables:`.
      else if (!isGitLabCi(document.root)) return;
      else for (const job of gitlabJobs(document.root)) for (const line of job.scripts) found.push({ pushes: scriptPushes(line.raw, job.variables), node: line });
    }
    const latestPushes: LatestPush[] = [];
    for (const job of document.kind === 'github-actions' ? workflowJobs(document) : []) {
      const jobSetAt = new Map(setAt);
      const jobEnv = envOf(job.spec, new Map(workflowEnv), jobSetAt);
      for (const step of jobSteps(job)) {
        const run = at(step, 'run');
        const stepSetAt = new Map(jobSetAt);
        const stepEnv = envOf(step, new Map(jobEnv), stepSetAt);
        const gate = `${scalar(at(job.spec, 'if')) ?? ''} ${scalar(at(step, 'if')) ?? ''}`;
        if (run?.kind === 'scalar') {
          const pushes = scriptPushes(run.raw, stepEnv);
          found.push({ pushes, node: run, setAt: stepSetAt });
          const latest = pushes.pushed.find((p) => p.tag === 'latest');
          if (latest) latestPushes.push({ range: rangeWithin(run, latest.index, latest.index + latest.length), gate });
        }
        // `tags: ${{ env.IMAGE }}:${{ env.TAG }}` with `TAG: latest` in the job's env: the tag is fixed where TAG is set.
        const action = buildPushAction(step, stepEnv);
        if (action) {
          found.push({ pushes: action, node: action.node, whole: true, setAt: stepSetAt });
          // `push: ${{ github.event_name == 'push' }}` keeps pull requests from pushing.
          if (action.pushed.some((p) => p.tag === 'latest')) latestPushes.push({ range: action.node.range, gate: `${gate} ${scalar(at(at(step, 'with') as YMap, 'push')) ?? ''}` });
        }
      }
    }
    if (!onlyLatestPushed(found.map((f) => f.pushes))) {
      if (document.kind === 'github-actions') latestFromAnyRef(context, document, latestPushes);
      return;
    }
    const first = found.find((f) => f.pushes.pushed.length > 0);
    const push = first?.pushes.pushed[0];
    if (!first || !push) return;
    const envRange = push.tagVariable ? first.setAt?.get(push.tagVariable) : undefined;
    context.report({ range: envRange ?? (first.whole ? first.node.range : rangeWithin(first.node, push.index, push.index + push.length)), messageId: 'latestOnly' });
  },
  // Deploy scripts (`scripts/deploy.sh`) push images too.
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'script') continue;
      // One script, so that a variable set on one line resolves a tag on another.
      const starts: number[] = [];
      let text = '';
      for (const command of facts.commands) {
        starts.push(text.length);
        text += command.text + '\n';
      }
      const pushes = scriptPushes(text);
      if (!onlyLatestPushed([pushes])) continue;
      const offset = pushes.pushed[0].index;
      let index = 0;
      while (index + 1 < starts.length && starts[index + 1] <= offset) index++;
      context.report({ path, range: facts.commands[index].range, messageId: 'latestOnly' });
    }
  },
});
