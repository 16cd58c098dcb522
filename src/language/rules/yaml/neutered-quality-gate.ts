import { l, yamlRule } from '../../rule';
import type { Range } from '../../types';
import { jobSteps, workflowJobs, type WorkflowJob } from '../../yaml/actions';
import { azurePipelineJobs, isAzurePipelines, stepText } from '../../yaml/azure-pipelines';
import { gateCommand, gateTool, STEP_COMMAND, stepCommandLabel } from '../../yaml/ci-steps';
import { gitlabJobs, isGitLabCi } from '../../yaml/gitlab-ci';

const stepLabel = (command: string | undefined) => (command ? stepCommandLabel(command) : undefined);
import { at, entry, isTrue, rangeWithin, scalar, type YamlDocument, type YMap, type YScalar } from '../../yaml/model';

/** `|| true`, `|| :`, `|| exit 0`, `|| echo ...`: the command's failure is thrown away. */
const SWALLOW = /\|\|\s*(true\b|:(?=\s|$)|exit\s+0\b|echo\b)/;
/** Report-only scans that upload SARIF are gated elsewhere (code scanning), so `|| true` is fine. */
const REPORT_ONLY = /sarif/i;
/** `curl --fail` is the check itself in a step named as a smoke or health test. */
const SMOKE_STEP = /smoke|health|sanity|verify|e2e|end.to.end/i;
const CURL_FAIL = /\b(curl)\b[^\n|]{0,400}\s(?:-[a-zA-Z]*f[a-zA-Z]*|--fail)\b/;
/**
 * A single `|` into a passive sink (`tee`, `tail`...): without pipefail the pipeline's status is the
 * sink's. A pipe into `grep -q` or `jq -e` is itself a check and is left alone.
 */
const PIPE = /(?<![|])\|(?![|])\s*(tee|tail|head|cat|less|more|sed|awk|sort|uniq|column|cut|tr|ts|wc|fold|pv)\b/;
const PIPEFAIL = /\bset\s+-[a-z]*o\s+pipefail\b|\bset\s+-o\s+pipefail\b/;
/**
 * A release command followed by `|| <another command>` (`kubectl rollout status ... || kubectl rollout
 * undo`, `kubectl set image ... || kubectl apply -f`): when it fails the fallback runs and the step
 * takes the fallback's status. `|| true`-style endings are SWALLOW's; a fallback that exits non-zero
 * (`|| { kubectl rollout undo ...; exit 1; }`) still fails the step.
 */
const DEPLOY_FALLBACK =
  /\b(kubectl\s+(?:apply|set\s+image|rollout\s+status)|helm\s+(?:upgrade|install)|gcloud\s+run\s+deploy|aws\s+ecs\s+update-service)\b(?:[^\n|;&]|\\\n)*?(\|\|)(?:[ \t]|\\\n)*((?:[^\n;&|]|\\\n)+)/g;
const FAILS = /\bexit\s+(?:[1-9]|\$)|\bfalse\b|\breturn\s+[1-9]|^(?:true\b|:|exit\s+0\b|echo\b)/;
/**
 * `kubectl create ns x --dry-run=client -o yaml | kubectl apply -f - || true`: the create-if-missing
 * idiom for a namespace or secret, set-up rather than a release, like `kubectl create ns x || true`.
 */
function createIfMissing(line: string): boolean {
  return /\bkubectl\s+create\b/.test(line) && /--dry-run\b/.test(line) && /\|\s*kubectl\s+apply\b/.test(line);
}
/** `set -e`, `set -euo pipefail`, `set -o errexit`: the script stops at the first failing command. */
const ERREXIT = /\bset\s+-[a-z]*e[a-z]*\b|\bset\s+-o\s+errexit\b/;
/** Scans whose status a reviewer judges on their own settings (`--exit-code`), not as a test. */
const SCANNER_COMMAND = /^(trivy|grype|safety|pip-audit)$/;
/** `trivy ... --exit-code 0` in a script: the scan reports and always succeeds. */
const EXIT_ZERO = /\b(trivy|grype)\b[^\n]*\s--(exit-code|fail-on)[\s=]+(0|none)\b/;

/**
 * A scanner action told (or left by default) not to fail: trivy-action's `exit-code` defaults to
 * 0, anchore's scan-action fails unless `fail-build: false`. A scan whose report goes to code
 * scanning (`format: sarif`) is gated there and left alone.
 */
function silentScanner(step: YMap): { range: Range; setting: string } | undefined {
  const uses = scalar(at(step, 'uses')) ?? '';
  if (REPORT_ONLY.test(scalar(at(step, 'with.format')) ?? '')) return undefined;
  if (/^aquasecurity\/trivy-action@/i.test(uses)) {
    const exit = entry(at(step, 'with'), 'exit-code');
    if (!exit) return { range: entry(step, 'uses')!.keyRange, setting: 'exit-code (default 0)' };
    return scalar(exit.value) === '0' ? { range: exit.keyRange, setting: 'exit-code: 0' } : undefined;
  }
  if (/^anchore\/scan-action@/i.test(uses)) {
    const fail = entry(at(step, 'with'), 'fail-build');
    return fail && scalar(fail.value) === 'false' ? { range: fail.keyRange, setting: 'fail-build: false' } : undefined;
  }
  return undefined;
}

/** True when `index` sits inside an unclosed command substitution, `$(` or a backtick. */
function captured(line: string, index: number): boolean {
  const prefix = line.slice(0, index);
  const opened = (prefix.match(/\$\(/g) ?? []).length - (prefix.match(/\)/g) ?? []).length;
  return opened > 0 || (prefix.match(/`/g) ?? []).length % 2 === 1;
}

/** True when `index` sits in a shell comment or an echo'd text. */
function inertLine(raw: string, index: number): boolean {
  const prefix = raw.slice(raw.lastIndexOf('\n', index - 1) + 1, index);
  return /(^|\s)#/.test(prefix) || /\b(echo|printf)\b/.test(prefix);
}

/**
 * Does the script run with pipefail? `shell: bash` (on the step, the job's or the workflow's
 * `defaults.run`) adds it; the default shell (`bash -e {0}`) and `sh` do not.
 */
function hasPipefail(document: YamlDocument, job: WorkflowJob, step: YMap, script: string): boolean {
  if (PIPEFAIL.test(script)) return true;
  const shell = scalar(at(step, 'shell')) ?? scalar(at(job.spec, 'defaults.run.shell')) ?? scalar(at(document.root, 'defaults.run.shell'));
  return shell === 'bash';
}

export default yamlRule({
  id: 'neutered-quality-gate',
  language: 'yaml',
  documentKinds: ['github-actions', 'other'],
  category: 'delivery',
  severity: 'warning',
  messages: {
    swallowed: l('"{tool}" 단계의 실패가 "{pattern}" 때문에 무시됩니다', 'The failure of "{tool}" is discarded by "{pattern}"'),
    approvalResumes: l(
      '"{tool}" 승인이 onTimeout: resume이라, 아무도 응답하지 않으면 시간이 지나 저절로 통과합니다',
      'The "{tool}" approval is set to onTimeout: resume, so it passes by itself when nobody answers in time',
    ),
    notLastCommand: l(
      'Azure의 bash 스크립트는 set -e 없이 실행되어 마지막 명령의 종료 코드로만 실패합니다: 뒤에 명령이 더 있어 "{tool}"이 실패해도 단계는 통과합니다',
      'Azure runs a bash script without set -e, so only its last command can fail the step: with more commands after it, a failing "{tool}" leaves the step green',
    ),
    continueOnErrorAzure: l('"{tool}" 단계가 continueOnError로 실패해도 통과합니다', 'The "{tool}" step passes even when it fails (continueOnError)'),
    continueOnError: l('"{tool}" 단계가 continue-on-error로 실패해도 통과합니다', 'The "{tool}" step passes even when it fails (continue-on-error)'),
    allowFailure: l(
      '"{tool}"을 실행하는 job이 allow_failure: true라, 실패해도 파이프라인은 다음 stage로 넘어갑니다',
      'The job running "{tool}" has allow_failure: true, so the pipeline moves on to the next stage when it fails',
    ),
    exitZero: l('"{tool}" 검사가 {setting} 설정이라 취약점을 찾아도 단계가 성공합니다', 'The "{tool}" scan is set to {setting}, so the step succeeds whatever it finds'),
    piped: l(
      '"{tool}"의 결과가 "| {target}"로 넘어가고 pipefail이 없어, {tool}이 실패해도 단계는 {target}의 종료 코드로 통과합니다',
      'The output of "{tool}" is piped to "{target}" without pipefail, so the step takes the exit status of {target} and passes when {tool} fails',
    ),
    fallback: l(
      '"{tool}"이 실패하면 "{fallback}"이 대신 실행되고 단계는 그 종료 코드로 성공합니다. 실패한 배포가 초록색으로 보입니다',
      'When "{tool}" fails, "{fallback}" runs instead and the step succeeds with its status: a failed release shows green',
    ),
  },
  docs: {
    summary: l(
      '테스트, 린트, 보안 검사 단계(스모크·헬스 체크 단계의 `curl --fail` 포함)가 "|| true" 등으로 끝나거나, continue-on-error: true(단계 또는 job)를 갖거나, 스캐너가 exit-code 0(trivy-action의 기본값)이거나 fail-build가 false로 설정되었거나, pipefail 없이 도구의 출력을 다른 명령(`| tee`)으로 넘기는 경우를 찾습니다. 설치·이미지 빌드·배포·git push·모델 검증 스크립트의 실패를 "|| true"나 continue-on-error로 삼키는 경우도 찾습니다(정리·진단 단계와, 네임스페이스나 시크릿을 없을 때만 만드는 줄은 제외). 배포 명령 뒤의 `||` 대체 명령(`kubectl rollout status ... || kubectl rollout undo`, `set image ... || kubectl apply`)처럼 실패 후에도 단계가 성공하는 경우도 찾습니다. SARIF만 업로드하는 보고용 검사는 제외합니다. Azure Pipelines에서는 스크립트 단계(script, bash, AzureCLI 인라인 스크립트)를 같은 기준으로 보고, 검사·설치·배포 단계에 continueOnError를 true로 둔 경우도 찾습니다. Azure는 bash 스크립트를 set -e 없이 실행해 마지막 명령만 단계를 실패시키므로, 스크립트가 그 옵션을 켜지 않았는데 테스트·린트 명령 뒤에 다른 명령이 이어지는 경우도 찾습니다. 아무도 응답하지 않으면 통과하는 수동 승인(ManualValidation의 onTimeout: resume)도 찾습니다. GitLab CI에서는 script의 각 줄을 같은 기준으로 보고(테스트나 Argo CD 동기화의 실패를 삼키는 줄), 실패해도 된다고 표시한 테스트·린트 job도 찾습니다.',
      'Flags test, lint and security steps (and `curl --fail` in smoke or health-check steps) that end in "|| true" (and similar), carry continue-on-error: true (on the step or the job), run a scanner set never to fail (exit-code 0, the trivy-action default; fail-build: false), or pipe the tool into another command (`| tee`) without pipefail. Installs, image builds, deploys, git pushes and model validation scripts whose failure is discarded the same way are flagged too (teardown, diagnostics and creating a namespace or secret only when it is missing are not). A release command followed by a fallback that does not fail (`kubectl rollout status ... || kubectl rollout undo`, `set image ... || kubectl apply`) is flagged too: the step ends green after a failed release. Report-only scans that upload SARIF are skipped. Azure Pipelines are read the same way: their script steps (script, bash, an AzureCLI inline script), and continueOnError: true on a check, install or deploy step. Azure runs bash scripts without set -e, so only the last command fails the step: a test or lint command followed by other commands in a script that does not set -e is flagged too, and so is a manual approval that passes when nobody answers (ManualValidation with onTimeout: resume). In GitLab CI every script line is read the same way (a test run or an Argo CD sync whose failure is swallowed), and so is a test or lint job marked as allowed to fail.',
    ),
    why: l(
      '실패를 삼키는 품질 게이트는 항상 초록색입니다. 깨진 테스트와 취약점이 있는 모델 서버가 그대로 main에 합쳐지고 배포되며, 팀은 CI를 믿으면서도 아무것도 보호받지 못합니다.',
      'A gate that swallows failures is always green: broken tests and vulnerable model servers merge and deploy, and the team trusts a CI that protects nothing.',
    ),
    bad: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest tests/ || true\n',
    good: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 불안정한(flaky) 테스트가 있다면 어떻게 따로 다룰까요?\n      - run: pytest tests/\n',
  },
  weeks: ['beginner/4', 'intermediate/8'],
  questions: [
    l(
      '이 단계가 실패했을 때 {pipeline|워크플로}는 무슨 색이 되나요? 그렇다면 이 단계는 무엇을 지켜 주고 있나요?',
      'What colour does the {pipeline|workflow} turn when this step fails, and what is the step protecting then?',
    ),
    l(
      '{tool}의 실패를 무시하게 된 이유는 무엇이었나요? 결과가 불안정하다면 게이트를 끄지 않고 다룰 방법은 없을까요?',
      'Why were the failures of {tool} ignored in the first place? If its results are flaky, how could you handle them without switching the gate off?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 품질 게이트를 다시 살리기\n# 고려사항:\n# - 이 검사가 실패하면 배포를 막아야 하나요, 알리기만 하면 되나요?\n# - 실패를 무시하게 된 원인(불안정한 테스트, 기존 경고)은 무엇인가요?\n# - 기존 경고가 많다면 기준선(baseline)을 두고 새 문제만 막을 수 있을까요?\n# - run: # TODO (실패가 그대로 job을 실패시키도록)\n',
    en: '# TODO: bring the quality gate back\n# Consider:\n# - should a failure here block the deploy, or only notify?\n# - what made people ignore failures (flaky tests, legacy warnings)?\n# - with many legacy warnings, can a baseline block only new problems?\n# - run: # TODO (let a failure fail the job)\n',
  },
  check(context, document) {
    const azure = document.kind === 'other' && isAzurePipelines(document.root);
    const gitlab = document.kind === 'other' && !azure && isGitLabCi(document.root);
    if (document.kind === 'other' && !azure && !gitlab) return;
    for (const job of azure || gitlab ? [] : workflowJobs(document)) {
      const jobContinue = entry(job.spec, 'continue-on-error');
      let jobReported = false;
      for (const step of jobSteps(job)) {
        const smoke = SMOKE_STEP.test(scalar(at(step, 'name')) ?? '') && CURL_FAIL.test(scalar(at(step, 'run')) ?? '');
        const gate = gateTool(step) ?? (smoke ? 'curl' : undefined);
        // An install, build, deploy or validation whose failure is discarded is as hollow as a test.
        const tool = gate ?? stepLabel(STEP_COMMAND.exec(scalar(at(step, 'run')) ?? '')?.[1]);
        if (!tool) continue;
        const stepContinue = entry(step, 'continue-on-error');
        if (stepContinue && isTrue(stepContinue.value)) {
          context.report({ range: stepContinue.keyRange, messageId: 'continueOnError', data: { tool } });
          continue;
        }
        if (gate && jobContinue && isTrue(jobContinue.value) && !jobReported) {
          jobReported = true;
          context.report({ range: jobContinue.keyRange, messageId: 'continueOnError', data: { tool } });
        }
        const silent = silentScanner(step);
        if (silent) context.report({ range: silent.range, messageId: 'exitZero', data: { tool, setting: silent.setting } });
        const run = at(step, 'run');
        if (run?.kind !== 'scalar') continue;
        checkScript(run, hasPipefail(document, job, step, run.raw), smoke);
      }
    }

    if (azure) {
      for (const job of azurePipelineJobs(document.root)) {
        const windows = /windows|vs20\d\d/i.test(scalar(at(job.pool, 'vmImage')) ?? '');
        for (const step of job.steps) {
          // A manual validation told to resume when nobody answers passes on silence.
          const onTimeout = entry(at(step.spec, 'inputs'), 'onTimeout');
          if (/^ManualValidation$/i.test(step.task ?? '') && /^resume$/i.test(scalar(onTimeout?.value) ?? '')) {
            context.report({ range: onTimeout!.keyRange, messageId: 'approvalResumes', data: { tool: step.label } });
          }
          if (step.script && step.bash && !windows) lastCommandOnly(step.script);
          const smoke = SMOKE_STEP.test(step.label) && CURL_FAIL.test(stepText(step));
          const gate = gateCommand(stepText(step))?.[1] ?? (smoke ? 'curl' : undefined);
          const tool = gate ?? stepLabel(STEP_COMMAND.exec(stepText(step))?.[1]);
          if (!tool) continue;
          if (step.continueOnError && isTrue(step.continueOnError.value)) {
            context.report({ range: step.continueOnError.keyRange, messageId: 'continueOnErrorAzure', data: { tool } });
            continue;
          }
          // An Azure script runs in bash without pipefail unless it sets it.
          if (step.script) checkScript(step.script, PIPEFAIL.test(step.script.value), smoke);
        }
      }
    }

    if (gitlab) {
      for (const job of gitlabJobs(document.root)) {
        const gate = gateCommand(job.scripts.map((line) => line.value).join('\n'))?.[1];
        const allow = entry(job.spec, 'allow_failure');
        if (gate && allow && isTrue(allow.value)) context.report({ range: allow.keyRange, messageId: 'allowFailure', data: { tool: gate } });
        // Each script item is a command of its own; the runner's bash stops at the first failing
        // one and keeps a pipeline's failure (pipefail), so only what the line itself discards counts.
        for (const line of job.scripts) checkScript(line, true, false);
      }
    }

    /**
     * Azure runs a bash script without `set -e`: the step fails only when its last command does.
     * A test or lint command followed by more commands, with no `set -e` and no `|| exit` of its
     * own, can fail and leave the step green.
     */
    function lastCommandOnly(run: YScalar): void {
      if (ERREXIT.test(run.value)) return;
      const lines = run.raw.split('\n');
      let offset = 0;
      for (const [index, line] of lines.entries()) {
        const command = /^\s*(#|if\b|elif\b|while\b|until\b|!)/.test(line) || /\\\s*$/.test(line) ? null : gateCommand(line);
        const later = lines.slice(index + 1).some((next) => next.trim() !== '' && !/^\s*(#|fi\b|done\b|esac\b|[})]|else\b|;;)/.test(next));
        if (command && later && !SCANNER_COMMAND.test(command[1]) && !/(\|\||&&|;)/.test(line.slice(command.index)) && !inertLine(run.raw, offset + command.index)) {
          const start = offset + command.index;
          context.report({ range: rangeWithin(run, start, start + command[0].length), messageId: 'notLastCommand', data: { tool: command[1] } });
          return;
        }
        offset += line.length + 1;
      }
    }

    function checkScript(run: YScalar, pipefail: boolean, smoke: boolean): void {
      let offset = 0;
      // A command continued with a trailing backslash carries over to the next line.
      let continued: string | undefined;
      let continuedGate = false;
      for (const line of run.raw.split('\n')) {
        const swallow = SWALLOW.exec(line);
        const command = gateCommand(line) ?? (smoke ? CURL_FAIL.exec(line) : null);
        const other = command ? null : STEP_COMMAND.exec(line);
        const found = command ?? other;
        const commandName = found && (!swallow || found.index < swallow.index) ? stepCommandLabel(found[1]!) : continued;
        const exitZero = EXIT_ZERO.exec(line);
        if (exitZero && !REPORT_ONLY.test(line)) {
          const start = offset + exitZero.index;
          context.report({
            range: rangeWithin(run, start, start + exitZero[0].length),
            messageId: 'exitZero',
            data: { tool: exitZero[1]!, setting: `--${exitZero[2]} ${exitZero[3]}` },
          });
        } else if (swallow && commandName && !REPORT_ONLY.test(line) && !createIfMissing(line)) {
          const start = offset + swallow.index;
          context.report({ range: rangeWithin(run, start, start + swallow[0].length), messageId: 'swallowed', data: { tool: commandName, pattern: swallow[0] } });
        } else if (!pipefail && (command || (continued && continuedGate))) {
          const after = command ? command.index + command[0].length : 0;
          const pipe = PIPE.exec(line.slice(after));
          const piped = command ? command[1] : continued;
          // `score=$(pylint ... | awk ...)` captures the output for a check of its own further on.
          if (pipe && piped && !(command && captured(line, command.index))) {
            const start = offset + after + pipe.index;
            context.report({ range: rangeWithin(run, start, start + pipe[0].length), messageId: 'piped', data: { tool: piped, target: pipe[1] } });
          }
        }
        continuedGate = /\\\s*$/.test(line) && (command ? true : other ? false : continuedGate);
        continued = /\\\s*$/.test(line) ? commandName : undefined;
        offset += line.length + 1;
      }
      for (const match of run.raw.matchAll(DEPLOY_FALLBACK)) {
        const fallback = match[3]
          .replace(/\\\n\s*/g, ' ')
          .replace(/(^|\s)#.*$/, '')
          .trim();
        // A group (`|| { ...; exit 1; }`) is judged whole, up to its closing brace or parenthesis.
        const groupStart = match.index + match[0].length - match[3].length;
        const close = /^[{(]/.test(fallback) ? run.raw.indexOf(fallback.startsWith('{') ? '}' : ')', groupStart) : -1;
        const judged = close >= 0 ? run.raw.slice(groupStart, close) : fallback;
        if (FAILS.test(judged) || FAILS.test(fallback) || inertLine(run.raw, match.index)) continue;
        const start = match.index + match[0].indexOf('||', match[1].length);
        const data = { tool: match[1].replace(/\s+/g, ' '), fallback: fallback.length > 60 ? `${fallback.slice(0, 57)}...` : fallback };
        context.report({ range: rangeWithin(run, start, start + 2), messageId: 'fallback', data });
      }
    }
  },
});
