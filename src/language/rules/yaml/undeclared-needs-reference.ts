import { l, yamlRule } from '../../rule';
import { expressions, workflowJobs } from '../../yaml/actions';
import { at, items, scalar, scalarsUnder } from '../../yaml/model';

export default yamlRule({
  id: 'undeclared-needs-reference',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'delivery',
  severity: 'error',
  anchors: ['actionlint:expression'],
  messages: {
    undeclared: l(
      '"{job}" job이 needs.{target}을 읽지만 needs에 "{target}"이 없습니다; 값은 항상 비어 있습니다',
      'Job "{job}" reads needs.{target}, but "{target}" is not in its needs: the value is always empty',
    ),
  },
  docs: {
    summary: l(
      'job의 needs에 직접 없는 job을 needs.<job>으로 참조하는 식을 찾습니다 (needs 컨텍스트에는 직접 의존하는 job만 들어 있습니다).',
      "Flags expressions that read needs.<job> for a job that is not a direct entry of the job's needs (the needs context only holds direct dependencies).",
    ),
    why: l(
      'needs에 없는 job의 출력은 빈 문자열이 됩니다. 이미지 태그나 다이제스트가 빈 값으로 배포 명령에 들어가거나, 조건이 조용히 거짓이 되어 배포가 건너뛰어집니다.',
      'Outputs of a job that is not in needs evaluate to an empty string: an image tag or digest reaches the deploy command empty, or a condition silently turns false and the deploy is skipped.',
    ),
    bad: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    outputs:\n      tag: ${{ steps.meta.outputs.tag }}\n    steps:\n      - id: meta\n        run: echo "tag=1.0" >> "$GITHUB_OUTPUT"\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ needs.build.outputs.tag }}"\n',
    good: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    outputs:\n      tag: ${{ steps.meta.outputs.tag }}\n    steps:\n      - id: meta\n        run: echo "tag=1.0" >> "$GITHUB_OUTPUT"\n  deploy:\n    # TODO: 이 job이 어떤 job을 기다려야 하나요?\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ needs.build.outputs.tag }}"\n',
  },
  weeks: ['beginner/4'],
  questions: [
    l('"{job}" job이 시작될 때 "{target}" job은 이미 끝나 있나요? 무엇이 그것을 보장하나요?', 'When "{job}" starts, has "{target}" already finished, and what guarantees it?'),
    l('needs.{target}의 값이 비어 있다면, 그 값을 쓰는 명령은 무엇을 하게 될까요?', 'If needs.{target} is empty, what does the command that uses it end up doing?'),
  ],
  scaffold: {
    ko: '# TODO: job 사이의 의존을 명시하기\n# 고려사항:\n# - 이 job은 어떤 job의 결과(출력, 산출물)를 읽나요?\n# - 그 job이 실패하면 이 job은 실행돼야 하나요?\n# needs: # TODO\n',
    en: "# TODO: declare the dependency between jobs\n# Consider:\n# - which jobs' results (outputs, artifacts) does this job read?\n# - should this job run when that job fails?\n# needs: # TODO\n",
  },
  check(context, document) {
    for (const job of workflowJobs(document)) {
      const needsNode = at(job.spec, 'needs');
      const needs = new Set(needsNode?.kind === 'seq' ? items(needsNode).flatMap((n) => scalar(n) ?? []) : [scalar(needsNode) ?? '']);
      for (const node of scalarsUnder(job.spec)) {
        for (const expression of expressions(node)) {
          for (const match of expression.body.matchAll(/\bneeds\.([A-Za-z_][\w-]*)/g)) {
            if (!needs.has(match[1])) context.report({ range: expression.range, messageId: 'undeclared', data: { job: job.id, target: match[1] } });
          }
        }
      }
    }
  },
});
