import type { Node } from 'web-tree-sitter';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/**
 * A debugger left behind: `pdb.set_trace()`, `ipdb.set_trace()` or `breakpoint()` stops the run
 * and waits for someone at a terminal (a scheduler, CI job or worker hangs there), and an `import
 * pdb`/`import ipdb` left at the top is the trace of one (ipdb and pudb are not runtime dependencies
 * and fail the import wherever they are not installed). Ruff T100 (flake8-debugger) reports the same.
 * Tests are left alone; one finding per file, at the first stop, or else at the first import.
 */

/** A call that stops the program in a debugger. */
const STOP = /\b(?:(?:i?pdb|pudb)\.(?:set_trace|post_mortem|pm)|breakpoint)[ \t]*\(/g;
/** A debugger module imported (`import pdb`, `import ipdb as d`, `from ipdb import set_trace`). */
const IMPORT = /^[ \t]*(?:import[ \t]+(?:i?pdb|pudb)\b|from[ \t]+(?:i?pdb|pudb)(?:\.\w+)*[ \t]+import\b)/gm;
/** Cheap gate: most files never name a debugger. */
const ANY = /\b(?:i?pdb|pudb|breakpoint)\b/;

/** The call or import statement a match in the source sits in, or undefined inside a string. */
function statementAt(root: Node, index: number, types: readonly string[]): Node | undefined {
  for (let node: Node | null = root.descendantForIndex(index); node; node = node.parent) {
    if (node.type === 'string' || node.type === 'comment') return undefined;
    if (types.includes(node.type)) return node;
  }
  return undefined;
}

export default pythonRule({
  id: 'debugger-left-in-code',
  language: 'python',
  category: 'reliability',
  // A warning: a stop hangs the unattended run; a leftover import fails where the debugger is not installed.
  severity: 'warning',
  anchors: ['ruff:T100', 'flake8-debugger:T100'],
  messages: {
    stop: l(
      '디버거 중단점({how})이 코드에 남아 있습니다 — 스케줄러·CI·워커에서 실행되면 아무도 없는 터미널에서 입력을 기다리며 멈춥니다',
      'A debugger breakpoint ({how}) is left in the code — run by a scheduler, CI or a worker it stops and waits for input at a terminal nobody watches',
    ),
    imported: l(
      '디버거 모듈({how})을 import한 채로 남아 있습니다 — 디버깅의 흔적이며, ipdb·pudb는 실행 환경에 없으면 import에서 바로 실패합니다',
      'A debugger module is still imported ({how}) — a leftover of a debugging session; ipdb and pudb are not runtime dependencies and fail the import wherever they are not installed',
    ),
  },
  docs: {
    summary: l(
      '테스트가 아닌 코드에 남은 pdb.set_trace()·ipdb.set_trace()·breakpoint() 호출과 pdb·ipdb·pudb import를 찾습니다 (파일마다 한 번).',
      'Flags pdb.set_trace(), ipdb.set_trace() and breakpoint() calls and pdb, ipdb and pudb imports left in code that is not a test (once per file).',
    ),
    why: l(
      '중단점은 사람이 터미널 앞에 있을 때만 의미가 있습니다. 학습 파이프라인이나 서비스는 보통 아무도 보지 않는 곳에서 돌기 때문에, 남은 set_trace()는 작업을 조용히 멈춰 세우고 타임아웃이나 슬롯 낭비로만 드러납니다. 쓰지 않는 디버거 import도 requirements에 없는 패키지(ipdb)를 요구해 다른 환경에서 시작조차 못 하게 만듭니다.',
      'A breakpoint only makes sense with a person at the terminal. Training pipelines and services usually run where nobody watches, so a leftover set_trace() silently parks the job until a timeout or a wasted slot gives it away. An unused debugger import also asks for a package that is not in the requirements (ipdb), and the code does not even start elsewhere.',
    ),
    bad: 'import pdb\n\nimport pandas as pd\n\ndf = pd.read_csv("train.csv")\npdb.set_trace()\nmodel.fit(df[FEATURES], df["label"])\n',
    good: 'import logging\n\nimport pandas as pd\n\nlogger = logging.getLogger(__name__)\ndf = pd.read_csv("train.csv")\n# TODO: 중단점 대신 무엇을 기록하면 같은 문제를 다시 찾을 수 있을까요?\nlogger.info("loaded %d rows", len(df))\nmodel.fit(df[FEATURES], df["label"])\n',
  },
  weeks: ['beginner/2', 'beginner/4'],
  questions: [
    l(
      '이 코드를 스케줄러가 밤에 실행한다면, 중단점에서 멈춘 프로세스는 누가 이어서 실행하나요?',
      'If a scheduler runs this code at night, who continues the process stopped at the breakpoint?',
    ),
    l(
      '디버거로 확인하려던 값을 로그나 테스트로 남긴다면, 다음에 같은 문제가 생겼을 때 무엇이 달라질까요?',
      'If the value you inspected in the debugger were logged or checked by a test, what would change the next time the same problem appears?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 디버거 대신 기록과 검사로 남기기\n# 고려사항:\n# - 확인하던 값을 logger.debug로 남길까요?\n# - 그 조건을 테스트나 assert가 아닌 명시적 검사로 옮길까요?\n# - 디버깅이 필요하면 python -m pdb script.py로 실행할 수 있을까요?\n# TODO: set_trace()와 import 지우기\n',
    en: '# TODO: keep what the debugger showed as logs and checks\n# Consider:\n# - log the inspected values with logger.debug?\n# - move the condition into a test or an explicit check?\n# - when debugging is needed, run python -m pdb script.py instead?\n# TODO: remove the set_trace() and the import\n',
  },
  check(context) {
    const { model } = context;
    if (isTestPath(context.path)) return;
    const source = model.uncommentedSource;
    if (!ANY.test(source)) return;
    const root = model.tree.rootNode;
    for (const match of source.matchAll(STOP)) {
      const call = statementAt(root, match.index, ['call']);
      if (call) {
        context.report({ node: call, messageId: 'stop', data: { how: `${call.childForFieldName('function')?.text ?? 'breakpoint'}()` } });
        return;
      }
    }
    for (const match of source.matchAll(IMPORT)) {
      const statement = statementAt(root, match.index + match[0].length - 1, ['import_statement', 'import_from_statement']);
      if (statement) {
        context.report({ node: statement, messageId: 'imported', data: { how: statement.text.trim() } });
        return;
      }
    }
  },
});
