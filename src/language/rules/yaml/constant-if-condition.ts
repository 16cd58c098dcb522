import { l, yamlRule } from '../../rule';
import { jobSteps, triggerEvents, triggers, workflowJobs } from '../../yaml/actions';
import { at, entry, has, items, scalar, type YamlDocument, type YEntry } from '../../yaml/model';

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

/** A GitHub branch filter pattern as a regular expression (`*` within a segment, `**` across them). */
function branchPattern(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\0')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '.')
    .replace(/\0/g, '.*');
  return new RegExp(`^${source}$`);
}

/** Could a push to `branch` start this workflow? Unknown filters (negations, branches-ignore) are taken as yes. */
function pushReaches(document: YamlDocument, branch: string): boolean {
  const push = at(triggers(document)?.value, 'push');
  if (push?.kind !== 'map') return true;
  if (has(push, 'branches-ignore')) return true;
  const branches = at(push, 'branches');
  if (!branches) return !has(push, 'tags') && !has(push, 'tags-ignore');
  const patterns = branches.kind === 'seq' ? items(branches).map((item) => scalar(item) ?? '') : [scalar(branches) ?? ''];
  return patterns.some((pattern) => pattern === '' || pattern.startsWith('!') || branchPattern(pattern).test(branch));
}

/**
 * A condition that requires a branch no trigger of the workflow runs on: `github.ref ==
 * 'refs/heads/main' && github.event_name == 'push'` in a workflow pushed only on dev and feature
 * branches. Only plain conjunctions are judged; a pull_request run's ref is never a branch head.
 */
function unreachableBranch(condition: string, document: YamlDocument): { branch: string; events: string[] } | undefined {
  const text = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  if (text.includes('||') || text.includes('${{') || /!\s*\(|!=\s*|contains|startsWith/.test(text)) return undefined;
  const ref = /github\.ref\s*==\s*'refs\/heads\/([^'*]+)'|'refs\/heads\/([^'*]+)'\s*==\s*github\.ref\b|github\.ref_name\s*==\s*'([^'*]+)'/.exec(text);
  const branch = ref?.[1] ?? ref?.[2] ?? ref?.[3];
  if (!branch) return undefined;
  const event = /github\.event_name\s*==\s*'([\w-]+)'/.exec(text)?.[1];
  const events = event ? [event] : triggerEvents(document);
  if (events.length === 0) return undefined;
  const reachable = events.some((name) => (name === 'push' ? pushReaches(document, branch) : name !== 'pull_request'));
  return reachable ? undefined : { branch, events };
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
    neverTrue: l(
      '"{where}"의 if: 조건은 {branch} 브랜치를 요구하지만, 이 워크플로는 그 브랜치에서 실행되지 않습니다 ({events}): 이 job·단계는 한 번도 실행되지 않습니다',
      'The if: of "{where}" requires the branch {branch}, but this workflow never runs on it ({events}): it never runs',
    ),
  },
  docs: {
    summary: l(
      "${{ }} 바깥에 비교식이나 글자가 있는 if: 조건(따옴표로 감싼 경우 포함)을 찾습니다. 이런 조건은 항상 참입니다. 반대로 워크플로의 어떤 트리거도 실행되지 않는 브랜치를 요구하는 조건(push가 dev와 feature 브랜치에서만 실행되는데 github.ref == 'refs/heads/main', 또는 pull_request만 있는 경우)도 찾습니다: 그 job은 한 번도 실행되지 않습니다.",
      "Flags if: conditions with a comparison or other text outside ${{ }} (quoted ones included): such a condition is always true. Also flags a condition that requires a branch (github.ref == 'refs/heads/main') no trigger of the workflow runs on, such as push filters for dev and feature branches only, or pull_request alone: that job never runs.",
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
      if (value?.kind !== 'scalar') return;
      if (constantText(value.value)) {
        context.report({ range: value.range, messageId: 'alwaysTrue', data: { where, condition: value.value.trim() } });
        return;
      }
      const never = unreachableBranch(value.value, document);
      if (never) context.report({ range: value.range, messageId: 'neverTrue', data: { where, branch: never.branch, events: never.events.join(', ') } });
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
