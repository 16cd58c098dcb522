import { l, yamlRule } from '../../rule';
import { jobSteps, triggerEvents, workflowJobs } from '../../yaml/actions';
import { deployAction, gateTool } from '../../yaml/ci-steps';
import { at, entry, scalar, type YMap } from '../../yaml/model';

/** A step whose name or script says it checks something: tests, lint, evaluation, a smoke test, an assertion. */
const CHECK =
  /\b(tests?|testing|lint\w*|check(?!\s*out\b)s?|verify|validat\w*|evaluat\w*|eval|scan|smoke|assert\w*|metrics?|threshold)\b|[\w/.-]*(test|check|valid|eval)[\w/.-]*\.py\b/i;
/** Running the project itself: a Python script or module, a notebook, the image, or its pipeline (an MLflow project, `dvc repro`, `make train`). */
const RUN_PROJECT =
  /^\s*(?:[A-Z_]+=\S+\s+)*(python3?\s+(?:-u\s+)?(?:-m\s+(?!pip\b|venv\b|build\b|twine\b)[\w.]+|[\w./-]+\.py\b)|jupyter\s+nbconvert\b[^\n]*--execute|papermill\s+\S+|docker\s+run\s+[^\n]*|mlflow\s+run\s+\S+|dvc\s+repro\b|make\s+train\w*)/m;
/** Building the image and nothing else: the tick says the Dockerfile builds, not that the service starts. */
const BUILD_IMAGE = /^\s*((?:sudo\s+)?docker\s+(?:image\s+|buildx\s+)?build\b|docker[\s-]compose\b[^\n]*\sbuild\b)/m;
const CI_TRIGGERS = new Set(['push', 'pull_request']);
/** A workflow that deploys (by name, a deploy script or a cloud login) asks another question: deploy-without-test-gate's. */
const DEPLOYS = /\bdeploy\w*|^(aws-actions\/configure-aws-credentials|google-github-actions\/auth|azure\/login)@/im;

function checks(step: YMap): boolean {
  return gateTool(step) !== undefined || CHECK.test(`${scalar(at(step, 'name')) ?? ''}\n${scalar(at(step, 'run')) ?? ''}`);
}

export default yamlRule({
  id: 'ci-without-checks',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'delivery',
  severity: 'warning',
  messages: {
    scriptOnly: l(
      '이 워크플로는 push와 PR마다 "{command}"를 실행하지만 아무것도 검사하지 않습니다; 테스트·린트·평가 단계가 없어 스크립트가 죽지 않는 한 항상 통과합니다',
      'This workflow runs "{command}" on every push and pull request but checks nothing: with no test, lint or evaluation step it passes whenever the script does not crash',
    ),
    buildOnly: l(
      '이 워크플로는 push와 PR마다 이미지를 빌드만 하고("{command}") 아무것도 검사하지 않습니다; 테스트도, 이미지를 띄워 보는 스모크 검사도 없어 초록색 체크는 Dockerfile이 빌드된다는 뜻일 뿐입니다',
      'This workflow only builds the image ("{command}") on every push and pull request and checks nothing: with no test and no smoke run of the image, the green tick only means the Dockerfile builds, not that the service starts or answers',
    ),
  },
  docs: {
    summary: l(
      'push나 pull_request로 실행되면서 프로젝트 스크립트(python train.py, docker run, mlflow run, dvc repro, make train)만 돌리고 테스트·린트·평가·스모크 검사 단계는 하나도 없는 워크플로와, 하는 일이 이미지 빌드(`docker build`, push 없는 docker/build-push-action)뿐인 워크플로를 찾습니다. 배포하는 워크플로는 deploy-without-test-gate가 다룹니다.',
      'Flags workflows triggered by push or pull_request that run the project (python train.py, docker run, mlflow run, dvc repro, make train) but have no test, lint, evaluation or smoke-check step at all, and workflows whose only work is building the image (`docker build`, docker/build-push-action without push). Workflows that deploy are left to deploy-without-test-gate.',
    ),
    why: l(
      '스크립트가 끝까지 돈다는 것은 모델이 쓸 만하다는 뜻이 아닙니다. 정확도가 반으로 떨어진 모델도, 잘못된 입력 형식을 받는 API도 초록색 체크를 받고, 팀은 그 체크를 믿고 합칩니다.',
      'A script that runs to the end says nothing about whether the model is any good: a model whose accuracy halved, or an API that now takes the wrong input, gets the same green tick, and the team merges on the strength of it.',
    ),
    bad: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - run: python train.py\n',
    good: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - run: python train.py\n      # TODO: 이 모델이 합쳐져도 되는지 무엇으로 판단하나요?\n      - run: pytest tests/\n',
  },
  weeks: ['beginner/4'],
  questions: [
    l('"{command}"가 끝까지 돌았다는 것 말고, 이 초록색 체크가 알려 주는 것은 무엇인가요?', 'Apart from "{command}" running to the end, what does this green tick tell you?'),
    l(
      '모델의 정확도가 절반으로 떨어지는 변경이 들어오면, 이 워크플로의 어느 단계가 실패하나요?',
      'If a change halved the model’s accuracy, which step of this workflow would fail?',
    ),
  ],
  scaffold: {
    ko: '# TODO: CI에 실패할 수 있는 검사를 넣기\n# 고려사항:\n# - 입력 처리와 예측 함수에 대한 최소한의 테스트는 무엇인가요?\n# - 학습한다면 어떤 지표가 어떤 기준을 넘어야 하나요?\n# - run: # TODO (실패하면 job이 실패하도록)\n',
    en: '# TODO: give CI a check that can fail\n# Consider:\n# - what is the smallest test of input handling and prediction?\n# - if CI trains, which metric must clear which threshold?\n# - run: # TODO (let a failure fail the job)\n',
  },
  check(context, document) {
    if (!triggerEvents(document).some((name) => CI_TRIGGERS.has(name))) return;
    const jobs = workflowJobs(document);
    if (jobs.length === 0 || jobs.some((job) => job.reusable)) return;
    const steps = jobs.flatMap((job) => jobSteps(job));
    const deploys = (step: YMap) => deployAction(step) !== undefined || [at(step, 'name'), at(step, 'run'), at(step, 'uses')].some((node) => DEPLOYS.test(scalar(node) ?? ''));
    if (jobs.some((job) => DEPLOYS.test(job.id)) || steps.some((step) => checks(step) || deploys(step))) return;
    for (const step of steps) {
      const run = entry(step, 'run');
      const command = RUN_PROJECT.exec(scalar(run?.value) ?? '');
      if (!run || !command) continue;
      context.report({ range: run.keyRange, messageId: 'scriptOnly', data: { command: command[1].trim().replace(/\s+/g, ' ') } });
      return;
    }
    for (const step of steps) {
      const run = entry(step, 'run');
      const build = BUILD_IMAGE.exec(scalar(run?.value) ?? '');
      const action = /^docker\/build-push-action@/i.test(scalar(at(step, 'uses')) ?? '') ? entry(step, 'uses') : undefined;
      if (!(run && build) && !action) continue;
      const command = build ? build[1].trim().replace(/\s+/g, ' ') : 'docker/build-push-action';
      context.report({ range: (run && build ? run : (action as NonNullable<typeof action>)).keyRange, messageId: 'buildOnly', data: { command } });
      return;
    }
  },
});
