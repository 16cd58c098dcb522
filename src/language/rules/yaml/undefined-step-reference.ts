import { l, yamlRule } from '../../rule';
import { expressions, jobSteps, workflowJobs } from '../../yaml/actions';
import { at, scalar, scalarsUnder } from '../../yaml/model';

export default yamlRule({
  id: 'undefined-step-reference',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'delivery',
  severity: 'error',
  anchors: ['actionlint:expression'],
  messages: {
    undefined: l(
      '"{job}" job이 steps.{target}을 읽지만 이 job에는 id가 "{target}"인 단계가 없습니다; 값은 항상 비어 있습니다',
      'Job "{job}" reads steps.{target}, but no step of the job has the id "{target}": the value is always empty',
    ),
  },
  docs: {
    summary: l(
      'job 안에 그런 id를 가진 단계가 없는데 steps.<id>를 참조하는 식을 찾습니다 (단계 이름(name)은 id가 아닙니다).',
      'Flags expressions that read steps.<id> when no step of the same job has that id (a step name is not an id).',
    ),
    why: l(
      '없는 단계의 출력은 빈 문자열이 됩니다. 다이제스트나 이미지 태그가 빈 값으로 배포 명령에 들어가거나, 조건이 조용히 거짓이 되어 단계가 건너뛰어집니다.',
      'Outputs of a step that does not exist evaluate to an empty string: a digest or image tag reaches the deploy command empty, or a condition silently turns false and the step is skipped.',
    ),
    bad: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - name: build-and-push\n        uses: docker/build-push-action@v6\n      - run: echo "${{ steps.build-and-push.outputs.digest }}"\n',
    good: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 뒤 단계가 이 단계의 출력을 읽으려면 무엇이 필요한가요?\n      - id: build-and-push\n        uses: docker/build-push-action@v6\n      - run: echo "${{ steps.build-and-push.outputs.digest }}"\n',
  },
  weeks: ['beginner/4'],
  questions: [
    l('steps.{target}이 가리키는 단계는 어디에 있나요? 그 단계의 name과 id는 각각 무엇인가요?', 'Which step is steps.{target} meant to be, and what are its name and its id?'),
    l(
      'steps.{target}의 값이 비어 있다면, 그 값을 쓰는 명령이나 조건은 무엇을 하게 될까요?',
      'If steps.{target} is empty, what does the command or condition that uses it end up doing?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 단계의 출력을 읽을 수 있게 하기\n# 고려사항:\n# - 출력을 만드는 단계에 id가 있나요? (name은 참조에 쓰이지 않습니다)\n# - 그 단계는 출력을 실제로 내보내나요 ($GITHUB_OUTPUT)?\n# - id: # TODO\n',
    en: '# TODO: make the step output readable\n# Consider:\n# - does the step that produces the output have an id? (a name is not used in references)\n# - does that step actually write the output ($GITHUB_OUTPUT)?\n# - id: # TODO\n',
  },
  check(context, document) {
    for (const job of workflowJobs(document)) {
      const steps = jobSteps(job);
      if (job.reusable || steps.length === 0) continue;
      const ids = steps.map((step) => scalar(at(step, 'id')));
      // An id computed by an expression (or a step whose id did not parse) could be anything.
      if (ids.some((id) => (id === undefined ? false : id.includes('${{')))) continue;
      const known = new Set(ids.filter((id): id is string => id !== undefined));
      for (const node of scalarsUnder(job.spec)) {
        for (const expression of expressions(node)) {
          for (const match of expression.body.matchAll(/\bsteps\.([A-Za-z_][\w-]*)/g)) {
            if (!known.has(match[1])) context.report({ range: expression.range, messageId: 'undefined', data: { job: job.id, target: match[1] } });
          }
        }
      }
    }
  },
});
