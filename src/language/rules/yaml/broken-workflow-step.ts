import { l, yamlRule } from '../../rule';
import { editDistance } from '../../spelling';
import type { Range } from '../../types';
import { expressions, runScripts, triggers, workflowJobs, workflowSteps } from '../../yaml/actions';
import { gitlabJobs, gitlabScriptMappings, isGitLabCi } from '../../yaml/gitlab-ci';
import { at, entries, entry, has, intact, items, rangeWithin, scalar, scalarsUnder, type YScalar } from '../../yaml/model';
import { shellProblems, type ShellProblem } from '../../yaml/shell-script';

/** A condition that reads the secrets context, which `if:` cannot (GitHub compares context names case-insensitively). */
const READS_SECRETS = /(?<![\w.-])secrets\s*[.[]/i;

/**
 * The characters actions/upload-artifact refuses in an artifact name (`"`, `:`, `<`, `>`, `|`,
 * `*`, `?`, `\`, `/`, line breaks): the upload fails with "The artifact name is not valid".
 * Only the text written outside `${{ }}` is judged.
 */
const ARTIFACT_NAME_FORBIDDEN = /[":<>|*?\\/\r\n]/;

/** The contexts a workflow expression can read (GitHub compares their names case-insensitively). */
const CONTEXTS = ['github', 'env', 'vars', 'job', 'jobs', 'steps', 'runner', 'secrets', 'strategy', 'matrix', 'needs', 'inputs'];
const CONTEXT_SET = new Set(CONTEXTS);

/** The context a misspelt name was meant to be (`secret` for `secrets`), or undefined. */
function meantContext(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (CONTEXT_SET.has(lower) || lower.length < 3) return undefined;
  return CONTEXTS.find((context) => editDistance(lower, context) <= (context.length > 4 ? 2 : 1));
}

/** The first name an expression reads as a context that does not exist but nearly does, with the one meant. */
function misspelt(body: string): { name: string; meant: string } | undefined {
  for (const match of body.replace(/'(?:[^']|'')*'/g, "''").matchAll(/(?<![\w.'-])([A-Za-z_][\w-]*)\s*(?=[.[])/g)) {
    const meant = meantContext(match[1]);
    if (meant) return { name: match[1], meant };
  }
  return undefined;
}

/** The keys a job may have (the workflow syntax); GitHub rejects a workflow whose job has any other. */
const JOB_KEYS = new Set([
  'name',
  'permissions',
  'needs',
  'if',
  'runs-on',
  'snapshot',
  'environment',
  'concurrency',
  'outputs',
  'env',
  'defaults',
  'steps',
  'timeout-minutes',
  'strategy',
  'continue-on-error',
  'container',
  'services',
  'uses',
  'with',
  'secrets',
]);
/** Spellings of "this job waits for that one" borrowed from other tools (compose, Azure, Airflow). */
const NEEDS_LOOKALIKE = /^(depends[-_]?on|dependson|dependencies|requires|after|wait[-_]?for)$/i;
/** The job key a misspelt one was meant to be, if any. */
function meantJobKey(key: string): string | undefined {
  if (NEEDS_LOOKALIKE.test(key)) return 'needs';
  const lower = key.toLowerCase();
  if (JOB_KEYS.has(lower)) return lower;
  return [...JOB_KEYS].find((known) => editDistance(lower, known) <= (known.length > 5 ? 2 : 1));
}

/** The shell a step runs with: its own `shell:`, the job's or the workflow's `defaults.run.shell`, else bash (sh), or pwsh on Windows. */
function runsInPosixShell(shell: string | undefined, runsOn: string): boolean {
  if (shell !== undefined) return /^(bash|sh)\b/.test(shell.trim());
  return !/windows/i.test(runsOn);
}

/** Where a problem's line of the script sits in the file, or the whole value when it cannot be placed. */
function problemRange(run: YScalar, problem: ShellProblem, scriptLine: string): Range {
  const rawLines = run.raw.split('\n');
  // A literal block (`|`) keeps one raw line per script line after its header line.
  const offset = run.style === 'block' ? 1 : 0;
  const raw = rawLines[problem.line + offset];
  const at = raw === undefined ? -1 : scriptLine.trim() === '' ? raw.length : raw.indexOf(scriptLine.trimStart());
  if (at < 0) return run.range;
  const start =
    rawLines.slice(0, problem.line + offset).reduce((sum, text) => sum + text.length + 1, 0) + at + (problem.column - (scriptLine.length - scriptLine.trimStart().length));
  return rangeWithin(run, start, start + Math.max(problem.length, 1));
}

export default yamlRule({
  id: 'broken-workflow-step',
  language: 'yaml',
  documentKinds: ['github-actions', 'other'],
  category: 'delivery',
  severity: 'error',
  anchors: ['actionlint:shellcheck', 'actionlint:expression', 'shellcheck:SC1009', 'hadolint:DL3014'],
  messages: {
    scriptMapping: l(
      "이 script 줄에는 따옴표 밖에 ': '(콜론과 공백)가 있어 YAML이 명령이 아니라 '{key}'를 키로 하는 매핑으로 읽습니다 — GitLab은 'script config should be a string or a nested array of strings'라며 파이프라인 전체를 만들지 않습니다 (줄 전체를 작은따옴표로 감싸세요)",
      "This script line holds ': ' (a colon and a space) outside quotes, so YAML reads it as a mapping keyed '{key}', not as a command — GitLab refuses the whole pipeline ('script config should be a string or a nested array of strings'); quote the whole line",
    ),
    redirect: l(
      '줄이 리다이렉션(`>`)으로 끝나 대상 파일이 없습니다: bash가 "syntax error near unexpected token `newline\'"으로 멈추고, 이 단계는 매번 실패합니다',
      'The line ends in a redirection (`>`) with no target: bash stops with "syntax error near unexpected token `newline\'" and the step fails on every run',
    ),
    quote: l(
      '여기서 연 따옴표({quote})가 스크립트 끝까지 닫히지 않습니다: bash가 "unexpected EOF while looking for matching"으로 멈추고, 이 단계는 매번 실패합니다',
      'The quote ({quote}) opened here is never closed: bash stops with "unexpected EOF while looking for matching" and the step fails on every run',
    ),
    flagLine: l(
      '이 줄 끝에 `\\`가 없어 다음 줄의 "{flag}"가 따로 실행되는 명령이 됩니다: 앞 명령은 그 옵션 없이 돌고, "{flag}: command not found"로 단계가 실패합니다',
      'This line has no trailing `\\`, so "{flag}" on the next line runs as a command of its own: the command above runs without that option, then the step fails with "{flag}: command not found"',
    ),
    prompt: l(
      '`{command}`가 -y 없이 실행됩니다: 러너에는 확인 질문([Y/n])에 답할 사람이 없어 설치가 중단되고 단계가 실패합니다',
      '`{command}` runs without -y: on a runner nobody answers its confirmation prompt ([Y/n]), so the install aborts and the step fails',
    ),
    buildContext: l(
      '`{command}`에 빌드 컨텍스트 인자(끝의 `.` 같은 경로)가 없습니다: docker가 "requires exactly 1 argument"로 멈추고, 이 단계는 매번 실패합니다',
      '`{command}` has no build context argument (a path such as the final `.`): docker stops with "requires exactly 1 argument" and the step fails on every run',
    ),
    context: l(
      '"{name}" 컨텍스트는 없습니다 ("{meant}"를 뜻했나요?): GitHub는 이 워크플로를 실행하기 전에 거부합니다',
      'There is no "{name}" context (did you mean "{meant}"?): GitHub rejects the workflow before any job runs',
    ),
    artifactName: l(
      '아티팩트 이름 "{name}"에 upload-artifact가 허용하지 않는 문자 "{char}"가 있습니다: 업로드 단계가 "The artifact name is not valid"로 매번 실패합니다',
      'The artifact name "{name}" contains "{char}", which upload-artifact does not allow: the upload fails with "The artifact name is not valid" on every run',
    ),
    jobKey: l(
      '`{key}`는 job에 쓸 수 있는 키가 아닙니다: GitHub는 이 워크플로를 실행하기 전에 거부합니다',
      '`{key}` is not a job key: GitHub rejects the workflow before any job runs',
    ),
    jobKeyMeant: l(
      '`{key}`는 job에 쓸 수 있는 키가 아닙니다 (`{meant}`를 뜻했나요?): GitHub는 이 워크플로를 실행하기 전에 거부합니다',
      '`{key}` is not a job key (did you mean `{meant}`?): GitHub rejects the workflow before any job runs',
    ),
    callOutput: l(
      'workflow_call 출력 "{output}"에 value가 없습니다: GitHub는 이 워크플로를 거부하고, 호출하는 쪽은 이 출력을 받을 수 없습니다 (value: jobs.<job>.outputs.<name>)',
      'The workflow_call output "{output}" has no value: GitHub rejects the workflow, and no caller can read this output (value: jobs.<job>.outputs.<name>)',
    ),
    secretsInCondition: l(
      '`if:` 조건에서는 secrets 컨텍스트를 읽을 수 없습니다: GitHub는 이 워크플로를 실행하기 전에 거부합니다 (secret을 job의 env에 넣고 env로 비교하세요)',
      "The secrets context cannot be read in an `if:` condition: GitHub rejects the workflow before any job runs (put the secret in the job's env and test env instead)",
    ),
  },
  severityReasons: {
    prompt: {
      severity: 'warning',
      message: l(
        'apt는 이름을 준 패키지 외에 더 설치할 것이 있을 때만 묻습니다: 오늘 통과해도 의존성이 바뀌면 실패합니다',
        'apt only asks when it installs more than the packages named: a step that passes today fails once the dependencies change',
      ),
    },
  },
  docs: {
    summary: l(
      'GitHub Actions에서 쓰인 그대로는 실행될 수 없는 단계를 찾습니다: 대상 파일 없이 리다이렉션으로 끝나는 줄, 스크립트 끝까지 닫히지 않는 따옴표, 앞줄 끝의 역슬래시가 빠져 따로 명령이 되어 버린 옵션 줄(bash로 실행되는 스크립트만; python 셸과 Windows 러너 제외), -y 없이 확인을 묻는 패키지 설치(apt-get, add-apt-repository; 단계마다 한 번), 빌드 컨텍스트 인자가 없는 docker build, upload-artifact가 거부하는 문자(`:`, `/`, `"` 등)가 든 아티팩트 이름, 없는 컨텍스트 이름을 읽는 식(secrets를 secret으로 잘못 쓴 경우 등), 조건에서 읽을 수 없는 secrets를 읽는 job·단계의 `if:`(각각 워크플로마다 한 번), job 문법에 없는 job 키(`needs` 대신 쓴 `depends-on` 등), 그리고 value가 없는 workflow_call 출력. GitLab CI의 script 줄도 같은 방식으로 읽고, 따옴표 밖에 `: `가 있어 YAML이 매핑으로 읽는 GitLab script 줄(GitLab이 파이프라인을 거부함)도 찾습니다.',
      'Flags GitHub Actions steps that cannot run as written: a line ending in a redirection with no target file, a quote never closed before the script ends, an option line that runs as a command of its own because the line above lost its trailing backslash (only scripts bash runs; not python shells or Windows runners), a package install (apt-get, add-apt-repository) without -y, which stops at its confirmation prompt (once per step), a docker build with no build context argument, an upload-artifact name with a character the action refuses (`:`, `/`, `"` ...), an expression that reads a context that does not exist, such as secret misspelt for secrets, a job or step `if:` that reads secrets, which conditions cannot (each once per workflow), a job key the job syntax does not have (`depends-on` written for `needs`), and a workflow_call output with no value. GitLab CI script lines are read the same way, and a GitLab script line with an unquoted `: ` (which YAML reads as a mapping, so GitLab refuses the pipeline) is flagged too.',
    ),
    why: l(
      '이런 단계는 코드를 바꾸지 않아도 매번 실패하거나, 앞 명령이 옵션 없이 실행된 뒤에야 실패합니다(배포는 이미 끝난 뒤). 실패가 배포 단계라면 파이프라인은 한 번도 끝까지 간 적이 없는 셈이고, 실패를 무시하도록 감춰 두면 아무도 모릅니다. 로컬 셸에서 한 줄씩 복사해 실행하면 통과하기 때문에, 러너에서만 드러납니다.',
      'Such a step fails on every run whatever the code, or fails only after the command above ran without its option (the deploy already done). When it is the deploy step, the pipeline has never once reached the end; with the failure ignored, nobody notices. Pasted line by line into a local shell the commands work, so the fault only shows on the runner.',
    ),
    bad: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          sudo apt-get install libgdal-dev\n          echo "MODEL_ALIAS=${{ secret.MODEL_ALIAS }}" >\n          gcloud run deploy api \\\n            --image gcr.io/acme/api:${{ github.sha }}\n            --allow-unauthenticated\n',
    good: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 이 스크립트를 러너와 같은 bash에서 한 번에 실행해 보았나요?\n      - run: |\n          sudo apt-get install -y libgdal-dev\n          echo "MODEL_ALIAS=${{ secrets.MODEL_ALIAS }}" >> .env\n          gcloud run deploy api \\\n            --image gcr.io/acme/api:${{ github.sha }} \\\n            --allow-unauthenticated\n',
  },
  weeks: ['beginner/4'],
  questions: [
    l(
      '이 스크립트를 러너처럼 처음부터 끝까지 한 번에 실행하면 어느 줄에서 멈출까요? 한 줄씩 복사해 실행할 때와 무엇이 다른가요?',
      'If this script ran in one go, top to bottom, as the runner runs it, at which line would it stop? What differs from pasting it line by line?',
    ),
    l(
      '이 단계가 실패한 적이 있다면 누가 알아챘을까요? 이 파이프라인이 마지막으로 끝까지 성공한 때는 언제인가요?',
      'If this step has been failing, who would have noticed? When did this pipeline last succeed end to end?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 단계가 쓰인 그대로 실행되는지 확인하기\n# 고려사항:\n# - 여러 줄 명령의 모든 줄(마지막 줄 제외)이 `\\`로 끝나나요?\n# - 리다이렉션(`>`, `>>`)마다 대상 파일이 있나요? 따옴표는 모두 닫혔나요?\n# - 러너에서 확인 질문에 답할 사람이 없습니다: -y를 붙였나요?\n# - actionlint(shellcheck 포함)를 pre-commit에 넣어 보세요\n',
    en: '# TODO: make sure the step runs as written\n# Consider:\n# - does every line of a multi-line command (but the last) end with `\\`?\n# - does every redirection (`>`, `>>`) have a target, and is every quote closed?\n# - nobody answers prompts on a runner: did you pass -y?\n# - try actionlint (it runs shellcheck) in pre-commit\n',
  },
  check(context, document) {
    const report = (problem: ShellProblem, range: Range) => {
      if (problem.kind === 'flagLine') context.report({ range, messageId: 'flagLine', data: { flag: problem.text } });
      else if (problem.kind === 'prompt') context.report({ range, messageId: 'prompt', data: { command: problem.text }, severityReason: 'prompt' });
      else if (problem.kind === 'quote') context.report({ range, messageId: 'quote', data: { quote: problem.text } });
      else if (problem.kind === 'buildContext') context.report({ range, messageId: 'buildContext', data: { command: problem.text } });
      else context.report({ range, messageId: 'redirect' });
    };
    if (document.kind === 'other') {
      if (!isGitLabCi(document.root)) return;
      // GitLab runs each script item as its own line of one shell: quotes do not span items. A
      // default before_script shared by every job is said once.
      const seen = new Set<string>();
      for (const item of gitlabScriptMappings(document.root)) {
        const [first] = entries(item);
        if (!first) continue;
        const key = `${first.keyRange.start.line}:${first.keyRange.start.column}:mapping`;
        if (!seen.has(key) && seen.add(key)) context.report({ range: first.keyRange, messageId: 'scriptMapping', data: { key: first.key } });
      }
      for (const job of gitlabJobs(document.root)) {
        let prompted = false;
        for (const item of job.scripts) {
          if (item.style === 'block' && /^>/.test(item.raw)) continue;
          const lines = item.value.split('\n');
          for (const problem of shellProblems(item.value)) {
            // Prompts are said once per job, as once per step in a workflow.
            if (problem.kind === 'prompt') {
              if (prompted) continue;
              prompted = true;
            }
            const range = problemRange(item, problem, lines[problem.line] ?? '');
            const key = `${range.start.line}:${range.start.column}:${problem.kind}`;
            if (!seen.has(key) && seen.add(key)) report(problem, range);
          }
        }
      }
      return;
    }
    const workflowShell = scalar(at(document.root, 'defaults.run.shell'));
    const jobs = new Map(workflowJobs(document).map((job) => [job.id, job]));
    // A reusable workflow's output must say where it comes from (`value:`); without it the workflow is refused.
    const callOutputs = at(entry(triggers(document)?.value, 'workflow_call')?.value, 'outputs');
    for (const output of entries(callOutputs)) {
      if (output.value?.kind === 'map' && intact(document, output.value) && !has(output.value, 'value')) {
        context.report({ range: output.keyRange, messageId: 'callOutput', data: { output: output.key } });
      }
    }
    // A key the job syntax does not have (`depends-on:` for `needs:`): the whole workflow is refused.
    for (const job of jobs.values()) {
      if (!intact(document, job.spec)) continue;
      for (const e of entries(job.spec)) {
        if (JOB_KEYS.has(e.key) || e.key.startsWith('<<')) continue;
        const meant = meantJobKey(e.key);
        if (meant) context.report({ range: e.keyRange, messageId: 'jobKeyMeant', data: { key: e.key, meant } });
        else context.report({ range: e.keyRange, messageId: 'jobKey', data: { key: e.key } });
      }
    }
    for (const { job, step, run } of runScripts(document)) {
      // A folded scalar (`>`) joins the lines, so its lines are not the script's: left alone.
      if (run.style === 'block' && /^>/.test(run.raw)) continue;
      const spec = jobs.get(job.id)?.spec;
      const shell = scalar(at(step, 'shell')) ?? scalar(at(spec, 'defaults.run.shell')) ?? workflowShell;
      if (!runsInPosixShell(shell, scalar(at(spec, 'runs-on')) ?? '')) continue;
      const lines = run.value.split('\n');
      for (const problem of shellProblems(run.value)) report(problem, problemRange(run, problem, lines[problem.line] ?? ''));
    }
    // `name: model-service:${{ env.version }}`: the upload action rejects the name before uploading.
    for (const { step } of workflowSteps(document)) {
      if (!/^actions\/upload-artifact@/i.test(scalar(at(step, 'uses')) ?? '')) continue;
      const name = at(step, 'with.name');
      if (name?.kind !== 'scalar') continue;
      const written = name.value.replace(/\$\{\{[\s\S]*?\}\}/g, '');
      const char = ARTIFACT_NAME_FORBIDDEN.exec(written)?.[0];
      if (char) context.report({ range: name.range, messageId: 'artifactName', data: { name: name.value, char } });
    }
    // Misspelt contexts: the workflow is rejected as a whole, so said once, where it is first written.
    // Only the document's own scalars are read (not the file's text): its findings then depend on
    // nothing but the document, and an editor re-lint takes them over while the document is unchanged.
    for (const node of scalarsUnder(document.root)) {
      if (node.kind !== 'scalar' || !node.raw.includes('${{')) continue;
      for (const expression of expressions(node)) {
        const found = misspelt(expression.body);
        if (!found) continue;
        context.report({ range: expression.range, messageId: 'context', data: found });
        return;
      }
    }
    // `if: ${{ secrets.AZURE_CREDENTIALS != '' }}`: a job's or a step's condition cannot read secrets.
    for (const job of jobs.values()) {
      for (const node of [at(job.spec, 'if'), ...items(at(job.spec, 'steps')).map((step) => at(step, 'if'))]) {
        if (node?.kind !== 'scalar' || !READS_SECRETS.test(node.value.replace(/'(?:[^']|'')*'/g, "''"))) continue;
        context.report({ range: node.range, messageId: 'secretsInCondition' });
        return;
      }
    }
  },
});
