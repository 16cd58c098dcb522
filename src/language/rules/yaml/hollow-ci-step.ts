import { l, yamlRule, type YamlContext } from '../../rule';
import { jobSteps, runScripts, workflowJobs, workflowSteps } from '../../yaml/actions';
import { PRINT_ONLY, printsOnly, shellCommands } from '../../yaml/ci-steps';
import { gitlabJobs, gitlabPrintsOnly, isGitLabCi } from '../../yaml/gitlab-ci';
import { at, entry, rangeWithin, scalar, type YamlDocument, type YMap } from '../../yaml/model';
import type { Range } from '../../types';

/** Step names that promise a deployment or a check. */
const DEPLOY_NAME = /\b(deploy(ment)?|release|publish|promote|rollout|ship)\b/i;
/** A step that should tell someone: a notification that only prints tells nobody but the log. */
const NOTIFY_NAME = /\b(notify|notification|notifications|alert|slack|teams|e-?mail)\b/i;
const TEST_NAME = /\b(tests?|testing|smoke|verify|validate|validation|integration|e2e|health[- ]?checks?|health)\b/i;
/** A Python line that only imports or prints. */
const IMPORT_OR_PRINT = /^(import\s+[\w., ]+|from\s+[\w.]+\s+import\s+[\w., ()*]+(\s+as\s+\w+)?|print\s*\(.*\)|pass)$/;
/** `status_code in [200, 422]`: a check that also passes on a client or server error. */
const STATUS_SET = /\bstatus(_code)?\s+in\s+[[(]([^\])]*)[\])]/g;

/**
 * A formatter or linter run in fix mode: it rewrites the runner's copy and exits 0, so nothing it
 * finds fails the job (`ruff check --fix`, `ruff format`, `black src`, `isort .`, `autopep8 -i`).
 * `--check`, `--diff` and ruff's `--exit-non-zero-on-fix` keep it a check.
 */
const FIXER =
  /^(?:python3?\s+-m\s+|uvx?\s+(?:run\s+)?|poetry\s+run\s+|pipx\s+run\s+)?(ruff\s+check\b[^\n]*\s--fix\b|ruff\s+format\b|black\b|isort\b|autopep8\b[^\n]*\s(-i|--in-place)\b)/;
const FIX_CHECKED = /\s(--check|--check-only|-c|--diff|--exit-non-zero-on-fix)\b|\s--version\b/;
/** Committing the result back (an auto-format job) is what such a run is for. */
const COMMITS_BACK = /\bgit\s+(commit|push)\b|git-auto-commit-action|create-pull-request/;

/** `python -c "..."` whose body only imports modules (and perhaps prints that it did). */
function importsOnly(run: string): boolean {
  const match = /^\s*python3?\s+-c\s+(["'])([\s\S]*)\1\s*$/.exec(run);
  if (!match) return false;
  const lines = match[2]
    .split(/\n|;/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return lines.some((line) => /^(import|from)\s/.test(line)) && lines.every((line) => IMPORT_OR_PRINT.test(line));
}

/** `curl` that fails on an error status, or whose answer is looked at (status written out, body grepped or asserted). */
const CURL_CHECKED = /\s(-[a-zA-Z]*f[a-zA-Z]*|--fail(-with-body)?)\b|\s(-w|--write-out)\b|\|\s*(grep|jq\s+-e|python3?\s+-c\s+["'][^"']*assert|tee\s+\S+\s*&&)/;

/** Where a `curl` command starts on a line. */
const CURL_HEAD = /(^|[\s;&|(])curl\s/;
/** A curl's target: a literal URL. */
const URL_TARGET = /https?:\/\//;
/**
 * A deploy step's target may also be a URL held in a variable or a secret (`curl -X POST
 * "$RENDER_DEPLOY_HOOK"`, `curl "${{ secrets.DEPLOY_HOOK }}"`), as deploy hooks are, or come on a
 * continuation line.
 */
const HOOK_TARGET = /https?:\/\/|\$\{?\{?[ \t]*[\w.]+|\\$/;

/** Start offsets of `curl` commands (backslash continuations joined) that accept any answer. */
function uncheckedCurls(raw: string, target: RegExp = URL_TARGET): number[] {
  const found: number[] = [];
  let offset = 0;
  let command = '';
  let start = -1;
  for (const line of raw.split('\n')) {
    if (start < 0) {
      // The head first, then its target in the rest of the line: one pass each, whatever the line holds.
      const curl = CURL_HEAD.exec(line);
      const at = curl ? curl.index + curl[1].length : -1;
      // A curl whose output is captured (`$(curl ...)`, `` `curl` ``) is checked by whatever reads it.
      if (curl && target.test(line.slice(at).trimEnd()) && !/\$\(\s*curl|`\s*curl|^\s*#/.test(line)) start = offset + at;
    }
    if (start >= 0) command += `${line}\n`;
    if (start >= 0 && !/\\\s*$/.test(line)) {
      // A download to a file (`-o data.csv`, `-O`) is not a check of a service, nor is an installer piped into a shell.
      if (!CURL_CHECKED.test(command) && !/\s(-o|--output)\s+(?!\/dev\/null)\S|\s-[a-zA-Z]*O\b|\|\s*(sudo\s+)?(ba|z)?sh\b/.test(command)) found.push(start);
      command = '';
      start = -1;
    }
    offset += line.length + 1;
  }
  return found;
}

/** Actions that only prepare a runner: a job made of these and prints has done nothing. */
const SETUP_ACTION = /^actions\/(checkout|setup-[\w-]+|cache|download-artifact)@/;
/** What a job (its id, name or the text it prints) claims to be: a check, a build or a delivery. */
const JOB_PURPOSE = /\b(tests?|testing|ci|checks?|lint|smoke|verify|validate|build|deploy(ment)?|release|publish|passed|succeeded|successful(ly)?)\b/i;

/**
 * The print-only `run` steps of a job that does nothing else: every other step only prepares the
 * runner (checkout, setup-python, cache). Empty when any step does real work or nothing prints.
 */
function hollowJobPrints(steps: readonly YMap[]): YMap[] {
  const prints: YMap[] = [];
  for (const step of steps) {
    const run = at(step, 'run');
    const uses = scalar(at(step, 'uses'));
    if (run?.kind === 'scalar' && printsOnly(run.value)) prints.push(step);
    else if (uses === undefined || !SETUP_ACTION.test(uses)) return [];
  }
  return prints;
}

const CLAIM = l('성공을 출력하기만 하는 줄', 'the line that only prints the outcome');

/** The last `echo`/`printf` line of a run script: where a hollow step announces its success. */
function lastPrint(run: { readonly raw: string; readonly range: Range }): Range | undefined {
  let found: { start: number; end: number } | undefined;
  let offset = 0;
  for (const line of run.raw.split('\n')) {
    const match = /^(\s*)(?:echo|printf)\b.*$/.exec(line);
    if (match) found = { start: offset + match[1].length, end: offset + line.length };
    offset += line.length + 1;
  }
  return found && rangeWithin(run, found.start, found.end);
}

function stepLabel(step: YMap): string {
  return scalar(at(step, 'name')) ?? scalar(at(step, 'id')) ?? '';
}

export default yamlRule({
  id: 'hollow-ci-step',
  language: 'yaml',
  documentKinds: ['github-actions', 'other'],
  category: 'delivery',
  severity: 'warning',
  messages: {
    printsOnlyDeploy: l(
      '"{step}" 단계는 메시지만 출력합니다; 이름과 달리 아무것도 배포하지 않습니다',
      'The step "{step}" only prints messages: despite its name it deploys nothing',
    ),
    hollowJob: l(
      '"{job}" 작업은 저장소를 받아 메시지를 출력할 뿐입니다 — 테스트도 빌드도 배포도 하지 않는데 초록색으로 끝납니다',
      'The job "{job}" checks out the code and prints a message, nothing else: it tests, builds and deploys nothing, yet it turns green',
    ),
    printsOnlyTest: l('"{step}" 단계는 메시지만 출력합니다; 이름과 달리 아무것도 검사하지 않습니다', 'The step "{step}" only prints messages: despite its name it checks nothing'),
    scriptPrintsOnlyDeploy: l(
      '이 단계가 실행하는 {script}는 메시지만 출력하고 성공으로 끝납니다; 이름과 달리 아무것도 배포하지 않습니다',
      'The {script} this step runs only prints messages and exits with success: despite its name it deploys nothing',
    ),
    scriptPrintsOnlyTest: l(
      '이 단계가 실행하는 {script}는 메시지만 출력하고 성공으로 끝납니다; 이름과 달리 아무것도 검사하지 않습니다',
      'The {script} this step runs only prints messages and exits with success: despite its name it checks nothing',
    ),
    importsOnly: l('"{step}" 단계는 모듈을 import만 합니다; 아무 동작도 검사하지 않습니다', 'The step "{step}" only imports modules: it checks no behaviour'),
    printsOnlyNotify: l(
      '"{step}" 단계는 로그에 메시지만 출력합니다; 이름과 달리 아무에게도 알리지 않습니다',
      'The step "{step}" only prints to the log: despite its name it notifies nobody',
    ),
    emptyRun: l('"{step}" 단계의 스크립트가 비어 있거나 주석뿐이라 아무것도 실행하지 않습니다', 'The step "{step}" runs nothing: its script is empty or commented out'),
    uncheckedCurl: l(
      '"{step}" 단계의 curl은 -f도 없고 응답도 확인하지 않아, 서버가 500을 돌려줘도 통과합니다',
      'The curl in "{step}" has no -f and checks no answer, so the step passes when the server returns a 500',
    ),
    uncheckedDeployCurl: l(
      '"{step}" 단계는 curl로 배포를 요청하지만 -f가 없습니다 — 배포가 거절되어 4xx·5xx가 와도 종료 코드는 0이고 작업은 초록색으로 끝납니다',
      'The step "{step}" triggers the deploy with a curl that has no -f — when the deploy is rejected with a 4xx or 5xx, curl still exits 0 and the job ends green',
    ),
    fixesInsteadOfChecking: l(
      '"{step}" 단계가 `{command}`로 러너의 코드를 고치기만 하고 성공합니다: 형식·린트 위반이 있어도 CI는 실패하지 않습니다 (`--check`/`--diff`로 검사하세요)',
      'The step "{step}" runs `{command}`, which rewrites the runner\'s copy of the code and succeeds: formatting or lint violations never fail CI (check with `--check` or `--diff`)',
    ),
    errorStatus: l('"{step}" 단계의 검사가 오류 상태 코드({codes})도 성공으로 받아들입니다', 'The check in "{step}" also accepts error status codes ({codes})'),
  },
  docs: {
    summary: l(
      '이름은 배포·테스트·헬스 체크·알림이라고 하지만 echo만 하는 단계(또는 echo와 exit 0뿐인 저장소의 deploy·test·smoke·verify 스크립트를 실행하는 단계), 스크립트가 비었거나 주석뿐인 단계(run: # pytest), import만 하는 "테스트" 단계(python -c "import ..."), 저장소 체크아웃·setup 액션과 echo뿐인 작업(이름이나 메시지가 테스트·빌드·배포를 말할 때), 4xx/5xx 상태 코드도 통과시키는 스모크 검사(status_code in [200, 422]), 테스트·스모크·헬스 체크 단계에서 -f 없이 응답도 확인하지 않는 curl, 배포 단계에서 -f 없이 배포 훅·API를 부르는 curl, 그리고 검사 대신 코드를 고치기만 하는 포매터·린터 실행(`ruff check --fix`, `ruff format`, `black .`, `isort .`; 결과를 커밋하는 자동 포맷 워크플로는 제외)을 찾습니다. GitLab CI(.gitlab-ci.yml)에서는 이름이나 stage가 테스트·배포인데 스크립트가 echo뿐인 job을 찾습니다.',
      'Flags steps named as a deploy, a test, a health check or a notification that only echo (or run a repository script named deploy, test, smoke or verify that only echoes and exits 0), steps whose script is empty or commented out (run: # pytest), "test" steps that only import modules (python -c "import ..."), jobs made of a checkout, setup actions and echoes alone when their id, name or message speaks of a test, build or deploy (`- run: echo "Tests passed!"`), smoke checks that also accept 4xx/5xx status codes (status_code in [200, 422]), curl calls in test, smoke or health-check steps with no -f and no check of the answer, curl calls that trigger a deploy hook or API with no -f in deploy steps, and formatters or linters run in fix mode instead of as a check (`ruff check --fix`, `ruff format`, `black .`, `isort .`; a workflow that commits the result back, an auto-formatter, is left alone). In GitLab CI (.gitlab-ci.yml), a job named or staged as a test or a deploy whose script only echoes.',
    ),
    why: l(
      '초록색 "Deploy" 단계는 배포가 됐다고 말하고, import만 하는 테스트는 모델이 동작한다고 말합니다. 팀은 파이프라인을 믿고 머지하지만 실제로는 아무것도 배포되거나 검증되지 않았습니다.',
      'A green "Deploy" step says something was deployed, and an import-only test says the model works: the team merges on the pipeline\'s word while nothing was shipped or verified.',
    ),
    bad: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Deploy to staging\n        run: echo "Deployment successful!"\n',
    good: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Deploy to staging\n        # TODO: 실제 배포 명령과, 배포가 성공했는지 확인하는 방법\n        run: ./scripts/deploy.sh staging\n',
  },
  weeks: ['beginner/4', 'intermediate/7'],
  questions: [
    l('"{step}" 단계가 초록색이 되면, 실제로 무엇이 일어났다고 말할 수 있나요?', 'When "{step}" turns green, what can you say actually happened?'),
    l(
      '이 단계가 실패하려면 코드에 어떤 문제가 있어야 할까요? 그런 문제가 하나라도 있나요?',
      'What would have to be wrong with the code for this step to fail, and is there anything at all?',
    ),
    l('{codes} 중에서 "요청이 제대로 처리됐다"는 뜻인 것은 무엇인가요?', 'Which of {codes} actually means the request worked?'),
  ],
  scaffold: {
    ko: '# TODO: 단계가 이름값을 하게 만들기\n# 고려사항:\n# - 이 단계가 성공했다는 것은 무엇을 보장해야 하나요?\n# - 실패해야 할 상황(모델 로딩 실패, 잘못된 응답)을 하나 떠올려 보세요. 지금 단계가 그것을 잡나요?\n# - 배포라면: 배포 뒤 새 버전이 응답하는지 어떻게 확인할까요?\n# run: # TODO\n',
    en: '# TODO: make the step live up to its name\n# Consider:\n# - what should a success of this step guarantee?\n# - think of one situation that must fail it (model fails to load, wrong answer): does it today?\n# - for a deploy: how do you confirm the new version answers afterwards?\n# run: # TODO\n',
  },
  check(context, document) {
    if (document.kind === 'other') {
      if (isGitLabCi(document.root)) checkGitLab(context, document);
      return;
    }
    // A commented-out script (`run: # pytest`) parses as an empty value: the step does nothing.
    for (const { step } of workflowSteps(document)) {
      const run = entry(step, 'run');
      if (run && (!run.value || (run.value.kind === 'scalar' && shellCommands(run.value.value).length === 0))) {
        context.report({ range: run.keyRange, messageId: 'emptyRun', data: { step: stepLabel(step) || 'run' } });
      }
    }
    const reported = new Set<YMap>();
    for (const { job, step, run } of runScripts(document)) {
      const script = run.value;
      const label = stepLabel(step);
      const where = (entry(step, 'name') ?? entry(step, 'run'))?.keyRange ?? run.range;
      if ((DEPLOY_NAME.test(label) || NOTIFY_NAME.test(label) || TEST_NAME.test(label)) && (printsOnly(script) || importsOnly(script))) reported.add(step);
      // The step is reported on its name; the line that announces the success it never checked is shown with it.
      const claim = printsOnly(script) ? lastPrint(run) : undefined;
      const related = claim && claim.start.line !== where.start.line ? [{ range: claim, message: CLAIM }] : undefined;
      if (DEPLOY_NAME.test(label) && printsOnly(script)) {
        context.report({ range: where, messageId: 'printsOnlyDeploy', data: { step: label }, related });
      } else if (NOTIFY_NAME.test(label) && printsOnly(script)) {
        context.report({ range: where, messageId: 'printsOnlyNotify', data: { step: label }, related });
      } else if (TEST_NAME.test(label) && printsOnly(script)) {
        context.report({ range: where, messageId: 'printsOnlyTest', data: { step: label }, related });
      } else if (TEST_NAME.test(label) && importsOnly(script)) {
        context.report({ range: where, messageId: 'importsOnly', data: { step: label } });
      }
      if (TEST_NAME.test(label)) {
        for (const start of uncheckedCurls(run.raw)) context.report({ range: rangeWithin(run, start, start + 4), messageId: 'uncheckedCurl', data: { step: label } });
      } else if (DEPLOY_NAME.test(label)) {
        // A deploy triggered by an HTTP call (a Render or Railway deploy hook, a platform API): a rejected deploy is a 4xx the job never sees.
        for (const start of uncheckedCurls(run.raw, HOOK_TARGET))
          context.report({ range: rangeWithin(run, start, start + 4), messageId: 'uncheckedDeployCurl', data: { step: label } });
      }
      const fixer = shellCommands(script).find((part) => FIXER.test(part) && !FIX_CHECKED.test(part));
      if (fixer && !COMMITS_BACK.test(context.text)) {
        context.report({ range: where, messageId: 'fixesInsteadOfChecking', data: { step: label || job.id, command: fixer.replace(/\s+/g, ' ') } });
      }
      for (const match of run.raw.matchAll(STATUS_SET)) {
        const codes = match[2].split(',').map((code) => code.trim());
        if (!codes.some((code) => /^2\d\d$/.test(code)) || !codes.some((code) => /^[45]\d\d$/.test(code))) continue;
        context.report({ range: rangeWithin(run, match.index, match.index + match[0].length), messageId: 'errorStatus', data: { step: label || job.id, codes: codes.join(', ') } });
      }
    }
    // A job of checkout and `echo "Tests passed!"`: no step is named as a test, the job is one.
    // An approval job (its environment is the gate) and a status aggregator (`needs:` the real jobs,
    // then `echo "All checks passed"`) do their work through the keys, not the steps.
    for (const job of workflowJobs(document)) {
      if (entry(job.spec, 'environment') || entry(job.spec, 'needs')) continue;
      const prints = hollowJobPrints(jobSteps(job));
      if (prints.length === 0 || prints.some((step) => reported.has(step))) continue;
      const said = prints.map((step) => scalar(at(step, 'run')) ?? '').join(' ');
      if (!JOB_PURPOSE.test(`${job.id.replace(/[_-]/g, ' ')} ${scalar(at(job.spec, 'name')) ?? ''} ${said}`)) continue;
      const first = prints[0];
      const where = (entry(first, 'name') ?? entry(first, 'run'))?.keyRange ?? job.idRange;
      context.report({ range: where, messageId: 'hollowJob', data: { job: job.id } });
    }
  },
  // `run: bash ./scripts/deploy.sh staging` where scripts/deploy.sh only echoes "Deployment complete.".
  project(context) {
    const scripts = new Map<string, readonly { text: string }[]>();
    for (const [path, facts] of context.view.files) if (facts.kind === 'script') scripts.set(path, facts.commands);
    if (scripts.size === 0) return;
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'yaml') continue;
      const folder = path.includes('/.github/') ? path.slice(0, path.indexOf('/.github/') + 1) : '';
      for (const run of facts.workflowRuns) {
        for (const match of run.value.matchAll(SCRIPT_CALL)) {
          const script = match[1].replace(/^\.\//, '');
          const messageId = PURPOSE.find(([name]) => name.test(script.slice(script.lastIndexOf('/') + 1)))?.[1];
          const commands = scripts.get(folder + script);
          if (messageId === undefined || !commands || !scriptPrintsOnly(commands.map((c) => c.text))) continue;
          context.report({ path, range: run.range, messageId, data: { script } });
          break;
        }
      }
    }
  },
});

/**
 * GitLab CI: a job named (or staged) as a test or a deploy whose script only echoes, as
 * `test: script: [echo "Simple test: lint or unit tests could go here."]`. The pipeline shows a
 * passed test stage that tested nothing; the line that claims it is shown with the job.
 */
function checkGitLab(context: YamlContext, document: YamlDocument): void {
  for (const job of gitlabJobs(document.root)) {
    if (!gitlabPrintsOnly(job)) continue;
    const label = `${job.id.replace(/[-_:]/g, ' ')} ${job.stage.replace(/[-_]/g, ' ')}`;
    const messageId = DEPLOY_NAME.test(label) ? 'printsOnlyDeploy' : TEST_NAME.test(label) ? 'printsOnlyTest' : undefined;
    if (!messageId) continue;
    const claim = job.scripts[job.scripts.length - 1];
    const related = claim.range.start.line !== job.idRange.start.line ? [{ range: claim.range, message: CLAIM }] : undefined;
    context.report({ range: job.idRange, messageId, data: { step: job.id }, related });
  }
}

/** A repository script a step runs: `bash ./scripts/deploy.sh`, `sh test.sh`, `./scripts/smoke.sh staging`. */
const SCRIPT_CALL = /(?:^|[\s;&|(])(?:(?:bash|sh)\s+)?(\.?\/?[\w.-]+(?:\/[\w.-]+)*\.sh)\b/gm;

/** What a script's name promises: a deployment or a check. */
const PURPOSE: readonly (readonly [RegExp, 'scriptPrintsOnlyDeploy' | 'scriptPrintsOnlyTest'])[] = [
  [/deploy|release|rollout|promote|publish/i, 'scriptPrintsOnlyDeploy'],
  [/test|smoke|verify|validate|check|canary/i, 'scriptPrintsOnlyTest'],
];

/** A script that only prints: set options, variable assignments, echo/printf and exit 0, with at least one message. */
function scriptPrintsOnly(lines: readonly string[]): boolean {
  const body = lines.map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  return (
    body.some((line) => /^(echo|printf)\b/.test(line)) &&
    body.every((line) => PRINT_ONLY.test(line) || /^exit(\s+0)?$/.test(line) || /^set\s+[-+]\w+/.test(line) || /^[A-Za-z_]\w*=/.test(line))
  );
}
