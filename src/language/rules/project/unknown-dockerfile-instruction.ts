import { l, projectRule } from '../../rule';

/** A near miss of an instruction (`FFROM`, `RUNN`, `COPPY`) is named in the message as the word that was meant. */
const MEANT: readonly string[] = ['FROM', 'RUN', 'CMD', 'COPY', 'ADD', 'ENV', 'ARG', 'EXPOSE', 'WORKDIR', 'USER', 'ENTRYPOINT', 'HEALTHCHECK', 'LABEL', 'VOLUME'];

export default projectRule({
  scope: 'project',
  id: 'unknown-dockerfile-instruction',
  language: 'dockerfile',
  category: 'delivery',
  severity: 'error',
  anchors: ['docker-docs:dockerfile-reference', 'gap:unknown-dockerfile-instruction'],
  messages: {
    unknown: l(
      '"{word}"는 Dockerfile 명령이 아닙니다. docker build가 이 줄에서 "unknown instruction"으로 멈추므로 이미지가 만들어지지 않습니다',
      '"{word}" is not a Dockerfile instruction: docker build stops here with "unknown instruction", so the image is never built',
    ),
    typo: l(
      '"{word}"는 Dockerfile 명령이 아닙니다({meant}을(를) 쓰려던 것일까요?). docker build가 이 줄에서 멈추므로 이미지가 만들어지지 않습니다',
      '"{word}" is not a Dockerfile instruction (was {meant} meant?): docker build stops here, so the image is never built',
    ),
  },
  docs: {
    summary: l(
      'Docker가 모르는 단어로 시작하는 명령(오타 `FFROM`, 명령 없이 남은 `git`·`pip` 줄, 줄 잇기 `\\`가 빠져 떨어져 나온 셸 명령)을 찾습니다. 주석, 빈 줄, 줄 잇기 안의 줄과 heredoc 본문은 명령이 아니므로 제외합니다.',
      'Flags instructions that start with a word Docker does not know: a typo such as FFROM, a stray git or pip line, a shell command cut off from its RUN because the line before has no trailing backslash. Comments, empty lines, continuation lines and heredoc bodies are not instructions and are left alone.',
    ),
    why: l(
      'docker build는 모르는 명령을 만나면 첫 단계도 만들기 전에 실패합니다. 이 Dockerfile로 빌드하는 CI와 배포는 모두 실패하고, 저장소만 보는 사람은 이미지가 있다고 믿게 됩니다.',
      'An unknown instruction stops `docker build` before it builds anything. Every CI run and deploy built from this Dockerfile fails, while whoever reads the repository believes there is an image.',
    ),
    bad: 'FFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\ngit\nCMD ["python", "app.py"]\n',
    good: '# TODO: 이 Dockerfile을 로컬이나 CI에서 한 번이라도 빌드해 보았나요?\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
  },
  weeks: ['beginner/3', 'beginner/4'],
  questions: [
    l(
      '이 Dockerfile로 docker build를 마지막으로 성공시킨 것은 언제인가요? 그 뒤에 무엇이 바뀌었나요?',
      'When did this Dockerfile last build without an error, and what changed since?',
    ),
    l('CI가 이미지를 빌드해 보지 않는다면, 이런 실수는 누가 언제 처음 알게 될까요?', 'If CI never builds the image, who finds a mistake like this, and when?'),
  ],
  scaffold: {
    ko: '# TODO: Dockerfile이 빌드되는지 확인하기\n# 고려사항:\n# - 이 줄은 어떤 명령(FROM, RUN, COPY ...)이어야 했나요?\n# - 셸 명령이라면 RUN 뒤에 두거나 앞 줄 끝에 \\ 를 붙여야 하나요?\n# - CI에서 docker build를 돌려 이런 실수를 잡을 수 있을까요?\n# TODO: 이 줄을 올바른 명령으로 고치세요\n',
    en: '# TODO: make sure the Dockerfile builds\n# Consider:\n# - which instruction (FROM, RUN, COPY ...) was this line meant to be?\n# - if it is a shell command, does it belong after RUN, or does the line before need a trailing \\ ?\n# - could CI run docker build to catch mistakes like this?\n# TODO: turn this line into a real instruction\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'dockerfile') continue;
      for (const instruction of facts.unknown ?? []) {
        const meant = nearMiss(instruction.keyword.toUpperCase());
        if (meant) context.report({ path, range: instruction.range, messageId: 'typo', data: { word: instruction.keyword, meant } });
        else context.report({ path, range: instruction.range, messageId: 'unknown', data: { word: instruction.keyword } });
      }
    }
  },
});

/** An instruction one letter away (a letter doubled, dropped, added or swapped). */
function nearMiss(word: string): string | undefined {
  return MEANT.find((meant) => Math.abs(meant.length - word.length) <= 1 && meant.length >= 3 && editDistance(meant, word) === 1);
}

function editDistance(a: string, b: string): number {
  if (a.length > 12 || b.length > 12) return 99;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
