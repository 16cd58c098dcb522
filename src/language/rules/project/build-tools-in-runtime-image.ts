import { runtimeStages } from '../../project/deploy';
import { stageChain } from '../../project/dockerfile';
import { l, projectRule } from '../../rule';

/** A system package install (apt, apk, yum/dnf) in a RUN. */
const PACKAGE_INSTALL = /\b(apt-get|apt|apk|yum|dnf|microdnf)\s+(-\S+\s+)*(install|add)\b/;
/** Compilers and build toolchains. */
/**
 * A compiler or what brings one. `make` alone is a task runner (`RUN make install`), not a
 * compiler: build-essential brings it with gcc, and that is what is reported.
 */
const TOOLCHAIN = /(^|\s)(gcc|g\+\+|build-essential|build-base|clang|cmake|gfortran|cargo|rustc)(?=\s|$|\\)/;
/** Removed again in the same image (`apt-get purge -y gcc`, `apk del .build-deps`). */
const REMOVED = /\b(apt-get|apt)\s+(-\S+\s+)*(purge|remove|autoremove)\b|\bapk\s+del\b|\b(yum|dnf)\s+(-\S+\s+)*(remove|erase)\b/;

export default projectRule({
  scope: 'project',
  id: 'build-tools-in-runtime-image',
  language: 'dockerfile',
  category: 'security',
  severity: 'warning',
  messages: {
    toolchain: l(
      '실행 이미지에 빌드 도구({tool})가 설치된 채로 남습니다: 멀티 스테이지 빌드로 컴파일은 빌드 단계에서만 하세요',
      'The build toolchain ({tool}) stays in the runtime image: compile in a build stage of a multi-stage build instead',
    ),
  },
  docs: {
    summary: l(
      '실행 단계(마지막 FROM)에서 gcc, build-essential, cmake 같은 빌드 도구를(make만 있으면 작업 실행기일 뿐이므로 제외) 설치하고 지우지 않는 Dockerfile을 찾습니다.',
      'Flags Dockerfiles whose runtime stage (the last FROM) installs a compiler or build toolchain (gcc, build-essential, cmake ...; make alone is a task runner) and never removes it.',
    ),
    why: l(
      '컴파일러는 휠을 빌드할 때만 필요합니다. 실행 이미지에 남으면 이미지가 수백 MB 커지고, 취약점 스캔 대상이 늘며, 침입자가 컨테이너 안에서 도구를 빌드할 수 있습니다.',
      'A compiler is only needed to build wheels. Left in the runtime image it adds hundreds of megabytes, widens what the vulnerability scan reports, and lets an intruder build tools inside the container.',
    ),
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nUSER 1000\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0"]\n',
    good: 'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip wheel --no-cache-dir -r requirements.txt -w /wheels\n\nFROM python:3.12-slim\nWORKDIR /app\n# TODO: 실행에 꼭 필요한 것만 복사하고 있나요?\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/* && rm -rf /wheels\nCOPY . .\nUSER 1000\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0"]\n',
  },
  weeks: ['beginner/3', 'advanced/4'],
  questions: [
    l(
      '{tool}은 컨테이너가 실행되는 동안 무슨 일을 하나요? 빌드가 끝난 뒤에도 필요한가요?',
      'What does {tool} do while the container runs? Is it still needed once the build is done?',
    ),
    l(
      '이 이미지의 크기와 스캐너가 보고하는 패키지 수 중 빌드 도구가 차지하는 몫은 얼마일까요?',
      'How much of the image size, and of the packages the scanner reports, comes from the build tools?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 빌드 도구를 빌드 단계로 옮기기\n# 고려사항:\n# - FROM ... AS build 단계에서 컴파일하고 휠(wheel)이나 가상환경만 복사하기\n# - 실행 단계에는 런타임 라이브러리만 (예: libpq5, libgomp1)\n# FROM python:3.12-slim AS build\n# RUN # TODO\n',
    en: '# TODO: move the toolchain into a build stage\n# Consider:\n# - compile in a FROM ... AS build stage and copy only the wheels or the virtual environment\n# - keep only runtime libraries in the final stage (for example libpq5, libgomp1)\n# FROM python:3.12-slim AS build\n# RUN # TODO\n',
  },
  project(context) {
    for (const { path, facts, stage } of runtimeStages(context.view.files)) {
      // The runtime stage's own RUNs and those of the stages it is built FROM (`FROM base AS production`).
      const runs = stageChain(facts, stage).flatMap((s) => s.runs);
      if (runs.some((run) => REMOVED.test(run.text))) continue;
      for (const run of runs) {
        if (!PACKAGE_INSTALL.test(run.text)) continue;
        const tool = TOOLCHAIN.exec(run.text.replace(/\\\n/g, ' '));
        if (!tool) continue;
        context.report({ path, range: run.range, messageId: 'toolchain', data: { tool: tool[2]! } });
        break;
      }
    }
  },
});
