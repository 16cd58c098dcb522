import { l, yamlRule } from '../../rule';
import { runScripts } from '../../yaml/actions';
import { rangeWithin } from '../../yaml/model';

/** Workflow commands printed to stdout that GitHub replaced with environment files. */
const COMMAND = /::(set-output|save-state|set-env|add-path)\b/g;
const REPLACEMENT: Readonly<Record<string, string>> = { 'set-output': '$GITHUB_OUTPUT', 'save-state': '$GITHUB_STATE', 'set-env': '$GITHUB_ENV', 'add-path': '$GITHUB_PATH' };

export default yamlRule({
  id: 'deprecated-workflow-command',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'delivery',
  severity: 'warning',
  anchors: ['actionlint:deprecated-commands'],
  messages: {
    deprecated: l(
      '"::{command}" 워크플로 명령은 더 이상 쓰지 않습니다; {file} 파일에 써야 합니다',
      'The "::{command}" workflow command is deprecated; write to the {file} file instead',
    ),
    disabled: l(
      '"::{command}" 워크플로 명령은 보안 문제로 꺼져 있어 단계를 실패시킵니다; {file} 파일에 써야 합니다',
      'The "::{command}" workflow command is disabled for security reasons and fails the step; write to the {file} file instead',
    ),
  },
  severityReasons: {
    disabled: { severity: 'error', message: l('GitHub가 이 명령을 꺼 두어 단계가 실패합니다', 'GitHub has disabled this command, so the step fails') },
  },
  docs: {
    summary: l(
      'run: 스크립트의 ::set-output, ::save-state(폐기 예정)와 ::set-env, ::add-path(비활성화됨) 워크플로 명령을 찾습니다.',
      'Flags the ::set-output and ::save-state (deprecated) and ::set-env and ::add-path (disabled) workflow commands in run: scripts.',
    ),
    why: l(
      '로그에 찍힌 문자열로 출력값과 환경 변수를 바꾸는 방식은, 로그에 신뢰할 수 없는 입력이 섞이면 누구나 값을 주입할 수 있었습니다. GitHub는 set-env/add-path를 이미 막았고 set-output도 없앨 예정이라, 다음 단계가 빈 값을 받아 조용히 잘못 배포할 수 있습니다.',
      'Setting outputs and environment variables by printing to the log let anyone whose text reached the log inject values. GitHub has already disabled set-env/add-path and is removing set-output, so a later step can silently receive an empty value and ship the wrong thing.',
    ),
    bad: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - id: version\n        run: echo "::set-output name=tag::$(git rev-parse --short HEAD)"\n',
    good: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - id: version\n        # TODO: 출력값을 GITHUB_OUTPUT 파일에 쓰도록 바꾸세요\n        run: echo "tag=$(git rev-parse --short HEAD)" >> "$GITHUB_OUTPUT"\n',
  },
  weeks: ['beginner/4'],
  questions: [
    l(
      '"::{command}"가 어느 날 무시되면, 이 값을 읽는 다음 단계는 무엇을 받게 될까요?',
      'If "::{command}" is ignored one day, what does the next step that reads this value receive?',
    ),
    l(
      '로그에 출력한 문자열이 변수 값을 바꿀 수 있다면, 로그에 들어가는 다른 텍스트(PR 제목, 브랜치 이름)는 무엇을 할 수 있을까요?',
      'If a string printed to the log can change a variable, what could other text that reaches the log (a PR title, a branch name) do?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 워크플로 명령을 환경 파일로 바꾸기\n# 고려사항:\n# - 이 값은 출력(GITHUB_OUTPUT), 상태(GITHUB_STATE), 환경 변수(GITHUB_ENV), PATH(GITHUB_PATH) 중 무엇인가요?\n# - 여러 줄 값이라면 구분자(delimiter)는 어떻게 쓸까요?\n# run: echo "<이름>=<값>" >> # TODO\n',
    en: '# TODO: move the workflow command to an environment file\n# Consider:\n# - is the value an output (GITHUB_OUTPUT), state (GITHUB_STATE), an env var (GITHUB_ENV) or PATH (GITHUB_PATH)?\n# - for a multi-line value, how do you write the delimiter?\n# run: echo "<name>=<value>" >> # TODO\n',
  },
  check(context, document) {
    for (const { run } of runScripts(document)) {
      for (const match of run.raw.matchAll(COMMAND)) {
        const command = match[1];
        const disabled = command === 'set-env' || command === 'add-path';
        const range = rangeWithin(run, match.index, match.index + match[0].length);
        context.report({
          range,
          messageId: disabled ? 'disabled' : 'deprecated',
          data: { command, file: REPLACEMENT[command] },
          severityReason: disabled ? 'disabled' : undefined,
        });
      }
    }
  },
});
