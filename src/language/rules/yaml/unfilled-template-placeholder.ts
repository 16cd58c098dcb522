import { l, yamlRule } from '../../rule';
import type { Range } from '../../types';
import { runScripts, triggers, workflowSteps } from '../../yaml/actions';
import { azurePipelineJobs, isAzurePipelines } from '../../yaml/azure-pipelines';
import { at, entries, items, rangeWithin, scalar } from '../../yaml/model';

/**
 * What a template asks the reader to replace: `YOUR_CLUSTER_NAME`, `your-dockerhub-username`,
 * `<your-registry>`, `<project_name>`. Only where the value is used as written: a line that
 * substitutes it (`sed`, `envsubst`, `yq`, kustomize) is the template mechanism, not a leftover.
 */
const PLACEHOLDER =
  /\bYOUR_[A-Z0-9_]{2,}\b|\byour[-_]?(?:docker[-_]?hub[-_]?)?(?:user(?:name)?|account|project(?:[-_]id)?|registry|cluster(?:[-_]name)?|org(?:anization)?|repo(?:sitory)?|bucket|region|zone|namespace)\b|\byour[-_]?docker[-_]?hub\b|<\s*(?:your[-_ ][\w -]+|project[-_ ]?name|cluster[-_ ]?name|account[-_ ]?id)\s*>/i;
/** The upper-case, hyphenated spelling (`YOUR-ARM-SERVICE-CONNECTION`, `YOUR-APP-NAME`); lower case (`your-store`) may be a name. */
const PLACEHOLDER_UPPER = /\bYOUR-[A-Z0-9][A-Z0-9-]+\b/;
const placeholderIn = (text: string): RegExpExecArray | null => PLACEHOLDER.exec(text) ?? PLACEHOLDER_UPPER.exec(text);
/** A command that applies manifests to a cluster. */
const APPLY = /\bkubectl\s+(?:[\w-]+\s+)*?(?:apply|create|replace)\b/;
const SUBSTITUTES = /\b(sed|envsubst|yq|kustomize\s+edit|perl\s+-pi|replace)\b/;
/** The starter-workflow variable GitHub fills in only when the template is added through its UI. */
const DEFAULT_BRANCH = /^\$default-branch$/;

export default yamlRule({
  id: 'unfilled-template-placeholder',
  language: 'yaml',
  documentKinds: ['github-actions', 'other'],
  category: 'delivery',
  severity: 'warning',
  anchors: ['gap:unfilled-template-placeholder'],
  messages: {
    branch: l(
      '`$default-branch`는 GitHub 템플릿의 자리표시자입니다: 그런 이름의 브랜치는 없으므로 이 워크플로는 push에 한 번도 실행되지 않습니다',
      '`$default-branch` is the placeholder of a GitHub starter workflow: no branch has that name, so this workflow never runs on a push',
    ),
    value: l(
      '"{placeholder}"는 템플릿에서 바꿔 넣으라고 남겨 둔 값인데 그대로 실행됩니다: 이 단계는 존재하지 않는 대상을 가리켜 실패하거나 엉뚱한 곳에 배포합니다',
      '"{placeholder}" is a template value meant to be replaced, and it runs as written: the step points at something that does not exist and fails, or ships somewhere else',
    ),
    image: l(
      '컨테이너 이미지에 템플릿 자리표시자 "{placeholder}"가 그대로 남아 있습니다: 클러스터는 이 이미지를 받아 오지 못하거나(ImagePullBackOff) 파이프라인이 올린 것과 다른 이미지를 실행합니다',
      'The container image still holds the template placeholder "{placeholder}": the cluster cannot pull it (ImagePullBackOff), or runs something other than what the pipeline pushed',
    ),
    start: l(
      '이미지의 시작 명령에 템플릿 자리표시자 "{placeholder}"가 그대로 남아 있습니다: 컨테이너는 시작하자마자 종료됩니다',
      'The image\'s start command still holds the template placeholder "{placeholder}": the container exits as soon as it starts',
    ),
  },
  docs: {
    summary: l(
      '워크플로의 트리거 브랜치에 남은 `$default-branch`와, run 스크립트·`with:`·`env:` 값과 Dockerfile의 CMD·ENTRYPOINT, 프로젝트의 워크플로나 스크립트가 그대로 적용하는 Kubernetes 매니페스트의 컨테이너 이미지(적용 전에 이미지를 바꾸면 제외)에 그대로 남은 템플릿 자리표시자(`YOUR_CLUSTER_NAME`, `your-dockerhub-username`, `<your-registry>`, `<project_name>`)를 찾습니다. `sed`·`envsubst`·`yq`·kustomize로 치환하는 줄과 주석은 제외합니다. 대문자 하이픈 표기(`YOUR-APP-NAME`)도 자리표시자로 보고, Azure Pipelines에서는 variables:(파이프라인, stage, job), 태스크의 inputs와 env, 스크립트 단계를 같은 기준으로 봅니다.',
      "Flags `$default-branch` left in a workflow trigger, and template placeholders left as written in run scripts, `with:` and `env:` values (`YOUR_CLUSTER_NAME`, `your-dockerhub-username`, `<your-registry>`) in a Dockerfile's CMD or ENTRYPOINT (`<project_name>`) and in Kubernetes container images (`your-dockerhub/model-api`) of manifests the project's own workflow or script applies as written (not when it rewrites the images first). Lines that substitute them (`sed`, `envsubst`, `yq`, kustomize) and comments are skipped. The upper-case hyphenated spelling (`YOUR-APP-NAME`) counts too, and Azure Pipelines are read the same way: variables: (of the pipeline, a stage or a job), the inputs and env of tasks, and script steps.",
    ),
    why: l(
      '예제나 GitHub 템플릿을 복사한 파이프라인은 초록색 체크 표시 없이 조용히 아무 일도 하지 않거나(트리거가 맞지 않음), 로그인한 계정이 아닌 저장소로 push하다 실패하거나, 존재하지 않는 클러스터에 배포하려다 실패합니다. 학습자는 "CI/CD가 있다"고 믿지만 한 번도 배포된 적이 없습니다.',
      'A pipeline copied from an example or a GitHub starter either never runs (the trigger matches nothing), pushes to an account the login does not own, or deploys to a cluster that does not exist. The project "has CI/CD", and nothing was ever deployed by it.',
    ),
    bad: 'on:\n  push:\n    branches: [$default-branch]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gcloud container clusters get-credentials YOUR_CLUSTER_NAME --zone us-central1-a\n',
    good: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 클러스터 이름은 어디에서 와야 할까요? (vars, environment)\n      - run: gcloud container clusters get-credentials "$CLUSTER" --zone "$ZONE"\n        env:\n          CLUSTER: ${{ vars.GKE_CLUSTER }}\n          ZONE: ${{ vars.GKE_ZONE }}\n',
  },
  weeks: ['beginner/4', 'intermediate/7'],
  questions: [
    l('이 설정이 지금 적힌 그대로 마지막으로 성공한 것은 언제인가요? 어떻게 확인할 수 있나요?', 'When did this last succeed as written, and how would you find out?'),
    l(
      '이 값이 저장소나 환경마다 다르다면, 파일에 적는 대신 어디에서 받아야 할까요 (설정 변수, 빌드 인자, 시크릿)?',
      'If this value differs per repository or environment, where should it come from instead of the file (a configuration variable, a build argument, a secret)?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 템플릿 값을 실제 값이나 설정 변수로 바꾸기\n# 고려사항:\n# - 트리거 브랜치는 실제 기본 브랜치 이름(main)인가요?\n# - 계정·클러스터·레지스트리 이름은 vars/secrets/environment에서 오게 하기\n',
    en: '# TODO: replace the template values with real ones or configuration variables\n# Consider:\n# - is the trigger branch the real default branch (main)?\n# - take account, cluster and registry names from vars/secrets/an environment\n',
  },
  check(context, document) {
    const on = triggers(document)?.value;
    for (const event of ['push', 'pull_request', 'pull_request_target'])
      for (const branch of items(at(on, `${event}.branches`))) {
        if (branch.kind === 'scalar' && DEFAULT_BRANCH.test(branch.value.trim())) context.report({ range: branch.range, messageId: 'branch' });
      }
    const azure = document.kind === 'other' && isAzurePipelines(document.root) ? azurePipelineJobs(document.root) : [];
    // An Azure pipeline's variables (of the pipeline, a stage or a job) and its steps' task inputs and env.
    const holders = azure.length ? [document.root, ...items(at(document.root, 'stages')), ...azure.filter((job) => !job.implicit).map((job) => job.spec)] : [];
    for (const holder of holders) {
      const variables = at(holder, 'variables');
      const values = variables?.kind === 'map' ? entries(variables).map((e) => e.value) : items(variables).map((item) => at(item, 'value'));
      for (const value of values) {
        const match = value?.kind === 'scalar' ? placeholderIn(value.value) : null;
        if (value && match) report(value.range, match[0]);
      }
    }
    for (const step of azure.flatMap((job) => job.steps)) {
      const found = [...entries(at(step.spec, 'inputs')), ...entries(at(step.spec, 'env'))].find((e) => e.value?.kind === 'scalar' && placeholderIn(e.value.value));
      if (found?.value) report(found.value.range, placeholderIn(scalar(found.value) ?? '')![0]);
    }
    // One leftover per run script or step is enough: the rest are the same copy.
    for (const run of [...runScripts(document).map((script) => script.run), ...azure.flatMap((job) => job.steps.flatMap((step) => (step.task ? [] : (step.script ?? []))))]) {
      let offset = 0;
      for (const line of run.raw.split('\n')) {
        const match = !/^\s*#/.test(line) && !SUBSTITUTES.test(line) ? placeholderIn(line) : null;
        if (match) {
          report(rangeWithin(run, offset + match.index, offset + match.index + match[0].length), match[0]);
          break;
        }
        offset += line.length + 1;
      }
    }
    for (const { step } of workflowSteps(document))
      for (const node of [at(step, 'with'), at(step, 'env')]) {
        const found = entries(node).find((e) => placeholderIn(scalar(e.value) ?? '') !== null);
        if (found?.value) report(found.value.range, placeholderIn(scalar(found.value) ?? '')![0]);
      }

    function report(range: Range, placeholder: string): void {
      context.report({ range, messageId: 'value', data: { placeholder } });
    }
  },
  // A Dockerfile copied from a project template: `ENTRYPOINT ["python", "-u", "<project_name>/train.py"]`.
  project(context) {
    // A Kubernetes manifest's `image: your-dockerhub/model-api` that the project's own automation
    // applies as written (`kubectl apply -f k8s/` in a workflow or script). A manifest a reader
    // applies by hand is a template to fill in; one whose images something rewrites before it is
    // applied (kustomize images:, `kubectl set image`, sed/envsubst) is the template mechanism.
    const scripts: string[] = [];
    let rewritten = false;
    for (const facts of context.view.files.values()) {
      if (facts.kind === 'yaml') {
        if (facts.rewritesImage || (facts.kustomizeImages?.length ?? 0) > 0) rewritten = true;
        scripts.push(...facts.workflowRuns.map((r) => r.value));
      } else if (facts.kind === 'script') scripts.push(facts.commands.map((c) => c.text).join('\n'));
    }
    const applies = rewritten || scripts.some((text) => SUBSTITUTES.test(text) || /\bset\s+image\b/.test(text)) ? [] : scripts.filter((text) => APPLY.test(text));
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml' || applies.length === 0) continue;
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      const file = path.slice(path.lastIndexOf('/') + 1);
      if (!applies.some((text) => text.includes(file) || (dir !== '' && text.includes(dir)))) continue;
      for (const workload of facts.workloads)
        for (const container of workload.containers) {
          const match = container.image && container.imageLine !== undefined ? PLACEHOLDER.exec(container.image) : null;
          if (!match) continue;
          const line = container.imageLine!;
          context.report({ path, range: { start: { line, column: 0 }, end: { line, column: 0 } }, messageId: 'image', data: { placeholder: match[0] } });
        }
    }
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'dockerfile') continue;
      const stage = facts.stages[facts.stages.length - 1];
      for (const start of [stage?.entrypoint, stage?.cmd]) {
        const match = start ? PLACEHOLDER.exec(start.text) : null;
        if (start && match) context.report({ path, range: start.range, messageId: 'start', data: { placeholder: match[0] } });
      }
    }
  },
});
