import { l, yamlRule } from '../../rule';
import { jobSteps, workflowJobs } from '../../yaml/actions';
import { entry, type YEntry } from '../../yaml/model';

/**
 * An `if:` that holds `${{ }}` with text outside it (`${{ github.ref }} == 'refs/heads/main'`, or
 * the whole condition quoted) is a non-empty string after substitution, and a non-empty string
 * is true: the condition never stops anything.
 */
function constantText(condition: string): boolean {
  const text = condition.trim();
  if (!text.includes('${{')) return false;
  return !(text.startsWith('${{') && text.endsWith('}}') && text.indexOf('}}') === text.length - 2);
}

export default yamlRule({
  id: 'constant-if-condition',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'delivery',
  severity: 'error',
  anchors: ['actionlint:if-cond'],
  messages: {
    alwaysTrue: l(
      '"{where}"의 if: 조건은 ${{ }} 밖에 글자가 있어 문자열이 되고, 항상 참입니다: {condition}',
      'The if: of "{where}" has text outside ${{ }}, so it is a string and always true: {condition}',
    ),
  },
  docs: {
    summary: l(
      '${{ }} 바깥에 비교식이나 글자가 있는 if: 조건(따옴표로 감싼 경우 포함)을 찾습니다. 이런 조건은 항상 참입니다.',
      'Flags if: conditions with a comparison or other text outside ${{ }} (quoted ones included): such a condition is always true.',
    ),
    why: l(
      '"main 브랜치에서만 배포"라고 쓴 조건이 실제로는 모든 브랜치와 PR에서 참이 됩니다. 리뷰에서는 올바르게 보이지만 배포 job이 매번 실행됩니다.',
      'A condition meant as "deploy only from main" is true on every branch and pull request: it reads right in review, and the deploy job runs every time.',
    ),
    bad: "on: push\njobs:\n  deploy:\n    if: ${{ github.ref }} == 'refs/heads/main'\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n",
    good: "on: push\njobs:\n  deploy:\n    # TODO: 조건 전체가 하나의 식 안에 있어야 합니다\n    if: github.ref == 'refs/heads/main'\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n",
  },
  weeks: ['beginner/4'],
  questions: [
    l(
      'GitHub가 ${{ }} 부분을 값으로 바꾼 뒤 남는 것은 무엇인가요? 그 문자열은 참인가요, 거짓인가요?',
      'What is left once GitHub replaces the ${{ }} part with its value, and is that string true or false?',
    ),
    l(
      '"{where}"가 실행되면 안 되는 상황을 하나 떠올려 보세요. 지금 조건이 그 상황에서 실제로 막아 주나요? 어떻게 확인할 수 있을까요?',
      'Think of one situation where "{where}" must not run: does the condition really stop it, and how could you check?',
    ),
  ],
  scaffold: {
    ko: '# TODO: if 조건을 하나의 식으로 쓰기\n# 고려사항:\n# - 비교 전체를 ${{ }} 안에 넣거나, ${{ }} 없이 식만 쓸 수 있나요?\n# - 이 조건이 거짓이어야 하는 경우(다른 브랜치, PR)에 실제로 건너뛰는지 어떻게 확인할까요?\n# if: # TODO\n',
    en: '# TODO: write the if: as one expression\n# Consider:\n# - can the whole comparison go inside ${{ }}, or be written without ${{ }} at all?\n# - how will you check it really skips when it should be false (another branch, a PR)?\n# if: # TODO\n',
  },
  check(context, document) {
    const check = (condition: YEntry | undefined, where: string) => {
      const value = condition?.value;
      if (value?.kind !== 'scalar' || !constantText(value.value)) return;
      context.report({ range: value.range, messageId: 'alwaysTrue', data: { where, condition: value.value.trim() } });
    };
    for (const job of workflowJobs(document)) {
      check(entry(job.spec, 'if'), job.id);
      for (const step of jobSteps(job)) {
        const name = entry(step, 'name')?.value;
        check(entry(step, 'if'), name?.kind === 'scalar' ? name.value : job.id);
      }
    }
  },
});
