import { l, yamlRule } from '../../rule';
import { jobSteps, workflowJobs } from '../../yaml/actions';
import { at, entries, entry, rangeWithin, scalar, type YMap } from '../../yaml/model';

/** `$NAME` or `${NAME}` in a shell script (not `${{ ... }}`). */
const REFERENCE = /\$(?:\{(?!\{))?([A-Za-z_]\w*)/g;
/** Names a runner, a login action or a setup action provides on its own. */
const PROVIDED = /^(GITHUB|RUNNER|ACTIONS|INPUT|AWS|GOOGLE|CLOUDSDK|AZURE|ARM|HOME|PATH|PWD|USER|CI)(_|$)/;

function envNames(node: YMap | undefined): Set<string> {
  return new Set(entries(at(node, 'env')).map((e) => e.key));
}

/** Names a script defines itself: assignments, exports, loop variables, `read`. */
function assigned(script: string): Set<string> {
  const names = new Set<string>();
  for (const match of script.matchAll(
    /(?:^|[\s;&|("'])(?:export\s+|local\s+|declare\s+(?:-\w+\s+)?)?([A-Za-z_]\w*)=|\bfor\s+([A-Za-z_]\w*)\s+in\b|\bread\s+(?:-\w+\s+)*([A-Za-z_]\w*)/g,
  )) {
    names.add(match[1] ?? match[2] ?? match[3]);
  }
  return names;
}

export default yamlRule({
  id: 'step-env-out-of-scope',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'delivery',
  severity: 'warning',
  messages: {
    outOfScope: l(
      '"{step}" 단계가 ${name}을 읽지만 이 변수는 "{owner}" 단계의 env에만 있습니다; 여기서는 빈 값입니다',
      'The step "{step}" reads ${name}, but that variable is set only in the env of the step "{owner}": here it is empty',
    ),
  },
  docs: {
    summary: l(
      '한 단계의 env에만 정의된 변수를 같은 job의 다른 단계 스크립트가 읽는 경우를 찾습니다 (단계의 env는 그 단계에서만 보입니다). job·워크플로 env, $GITHUB_ENV로 내보낸 변수, 스크립트 안에서 정한 변수는 제외합니다.',
      "Flags a run script that reads a variable defined only in another step's env in the same job (a step's env is visible to that step alone). Variables from the job or workflow env, exported through $GITHUB_ENV or set in the script itself are fine.",
    ),
    why: l(
      '빈 변수는 셸에서 오류가 아닙니다. 이미지 이름이 "/:"가 되어 롤아웃이 실패하거나, 더 나쁘게는 빈 태그 대신 다른 이미지가 배포됩니다.',
      'An empty variable is not an error in the shell: the image name becomes "/:" and the rollout fails, or worse, something other than the build is deployed.',
    ),
    bad: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          IMAGE_TAG: ${{ github.sha }}\n        run: docker push acme/api:$IMAGE_TAG\n      - run: kubectl set image deployment/api api=acme/api:$IMAGE_TAG\n',
    good: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    # TODO: 여러 단계가 함께 쓰는 값은 어디에 두어야 하나요?\n    env:\n      IMAGE_TAG: ${{ github.sha }}\n    steps:\n      - run: docker push acme/api:$IMAGE_TAG\n      - run: kubectl set image deployment/api api=acme/api:$IMAGE_TAG\n',
  },
  weeks: ['beginner/4'],
  questions: [
    l('이 단계가 실행될 때 ${name}의 값은 무엇인가요? 어떻게 확인할 수 있을까요?', 'What is the value of ${name} when this step runs, and how could you check?'),
    l(
      '여러 단계가 함께 쓰는 값은 단계 env, job env, $GITHUB_ENV 중 어디에 두는 것이 맞을까요?',
      "Where should a value several steps share live: a step's env, the job's env, or $GITHUB_ENV?",
    ),
  ],
  scaffold: {
    ko: '# TODO: 단계 사이에 값 넘기기\n# 고려사항:\n# - 이 값은 job 전체에서 같은가요? (job의 env)\n# - 앞 단계에서 계산되나요? ($GITHUB_ENV 또는 단계 출력)\n# env: # TODO\n',
    en: "# TODO: pass the value between steps\n# Consider:\n# - is the value the same for the whole job? (the job's env)\n# - is it computed by an earlier step? ($GITHUB_ENV or a step output)\n# env: # TODO\n",
  },
  check(context, document) {
    const workflowEnv = new Set(entries(at(document.root, 'env')).map((e) => e.key));
    const scripts = workflowJobs(document).flatMap((job) => jobSteps(job).map((step) => scalar(at(step, 'run')) ?? ''));
    // Anything written to $GITHUB_ENV anywhere is visible to later steps.
    const exported = new Set(
      scripts.filter((script) => script.includes('GITHUB_ENV')).flatMap((script) => [...assigned(script), ...[...script.matchAll(/([A-Za-z_]\w*)<</g)].map((m) => m[1])]),
    );
    for (const job of workflowJobs(document)) {
      const steps = jobSteps(job);
      const jobEnv = envNames(job.spec);
      const owners = new Map<string, YMap>();
      for (const step of steps) for (const name of envNames(step)) if (!owners.has(name)) owners.set(name, step);
      for (const step of steps) {
        const run = entry(step, 'run');
        if (run?.value?.kind !== 'scalar') continue;
        const own = envNames(step);
        const local = assigned(run.value.value);
        for (const match of run.value.raw.matchAll(REFERENCE)) {
          const name = match[1];
          const owner = owners.get(name);
          if (!owner || owner === step || own.has(name) || jobEnv.has(name) || workflowEnv.has(name) || exported.has(name) || local.has(name) || PROVIDED.test(name)) continue;
          const label = (s: YMap) => scalar(at(s, 'name')) ?? scalar(at(s, 'id')) ?? 'run';
          context.report({
            range: rangeWithin(run.value, match.index, match.index + match[0].length),
            messageId: 'outOfScope',
            data: { step: label(step), name, owner: label(owner) },
          });
          break;
        }
      }
    }
  },
});
