import type { Node } from 'web-tree-sitter';
import { enclosingExcept } from '../../python/errors';
import type { PythonModel } from '../../python/model';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/** Calls that end the process: with no argument, `0` or `None` they end it with status 0. */
const EXIT_CALL = /^(exit|quit|sys\.exit|os\._exit)$/;
/** Statuses that mean success. */
const SUCCESS_STATUS = /^(0|None|os\.EX_OK)$/;
/** Exceptions after which ending quietly is the normal way out (Ctrl-C, end of input, a closed pipe). */
const NORMAL_ENDINGS = /\b(KeyboardInterrupt|SystemExit|EOFError|BrokenPipeError|GeneratorExit|StopIteration)\b/;
/**
 * A line that reports a failure: an error-level log call, or a print/log whose text says something
 * failed. "No data available for retraining" is a run with nothing to do, not a failure: a missing
 * model or file is.
 */
const ERROR_LOG = /\.(error|critical|exception|fatal)\s*\(/;
const FAILURE_WORDS =
  /\b(error|errors|fail(ed|ure|s)?|not found|no (\w+ )?(models?|files?|checkpoints?|artifacts?|weights) (was |were )?found|missing|invalid|cannot|can't|could not|couldn't|unable|no such|does not exist|doesn't exist|did not (meet|pass)|aborted?|rejected)\b/i;
/** A usage message: the script was called wrongly (`print("Usage: python train.py DATA")`, `print("python3 retrain.py [model] [epochs]")`). */
const USAGE = /\busage\b|\bpython3?\s+[\w/.-]+\.py\b/i;
const REPORT_CALL = /^[ \t]*(print|\w*log\w*\.(info|warning|warn|error|critical|exception|fatal)|logging\.\w+|st\.error|click\.echo|typer\.echo)\s*\(/m;

export default pythonRule({
  id: 'failure-exits-with-success',
  language: 'python',
  category: 'error-handling',
  severity: 'warning',
  anchors: ['gap:failure-exits-with-success'],
  messages: {
    inExcept: l(
      'except 블록이 실패를 잡은 뒤 {call}로 종료 상태 0(성공)을 돌려줍니다 — 이 스크립트를 부르는 DVC, CI, cron, Airflow는 실패를 성공으로 기록하고 다음 단계로 넘어갑니다',
      'The except block catches a failure and then ends the process with {call}, exit status 0 (success) — the DVC stage, CI step, cron job or Airflow task that runs this script records the failure as a success and moves on',
    ),
    endsAfterError: l(
      '스크립트가 마지막에 실패를 출력만 하고 그대로 끝납니다 — 종료 상태는 0(성공)이라, 이 스크립트를 부르는 CI나 배포 단계는 실패를 알아채지 못합니다',
      'The script ends right after printing a failure — its exit status is 0 (success), so the CI or deploy step that runs it cannot tell it failed',
    ),
    mainSwallows: l(
      '스크립트의 마지막 단계가 모든 예외를 잡아 기록만 하고 정상 종료합니다 — 종료 상태 0(성공)이라 cron, Airflow, 재시작 정책이 실패를 알지 못합니다',
      "The script's last step catches every exception, reports it and returns normally — the exit status is 0 (success), so cron, Airflow or a restart policy never learns it failed",
    ),
    afterError: l(
      '오류를 알린 뒤 {call}로 종료 상태 0(성공)을 돌려줍니다 — 화면에는 오류가 보여도 이 스크립트를 부르는 파이프라인은 성공으로 봅니다',
      'The script reports an error and then ends with {call}, exit status 0 (success) — the message is on screen, but the pipeline that runs the script sees a success',
    ),
  },
  docs: {
    summary: l(
      'except 블록 안이나 오류 메시지를 출력한 직후에 `exit()`, `quit()`, `sys.exit()`, `sys.exit(0)`처럼 종료 상태 0으로 끝내는 스크립트, 실패를 출력만 하고 끝나는 스크립트, `__main__`에서 부르는 `main()`(또는 입력을 넘겨 부르는 실행 함수)이 모든 예외를 잡아 기록만 하고 정상 반환하는 경우(except에서 기록 후 return 하는 경우 포함)를 찾습니다. Ctrl-C(KeyboardInterrupt)와 입력 끝(EOFError)은 제외하고, 종료 상태를 아무도 읽지 않는 Streamlit 페이지의 마지막 try도 제외합니다.',
      'Flags scripts that end with exit status 0 — exit(), quit(), sys.exit(), sys.exit(0) — inside an except block or right after printing an error, scripts whose last statement only prints a failure, and a main() (or a run function given its inputs) called from __main__ that catches every exception, reports it and returns normally, including an except that reports and returns. Ctrl-C (KeyboardInterrupt) and end of input (EOFError) are left alone, and so is the last try of a Streamlit page, whose exit status nobody reads.',
    ),
    why: l(
      '파이프라인 도구는 메시지가 아니라 종료 상태를 봅니다. 인자 없는 `exit()`와 `sys.exit()`는 0, 즉 성공입니다. 데이터 파일이 없어 학습이 멈췄는데도 DVC는 출력이 생겼다고 여기고, CI는 초록불을 켜고, 스케줄러는 재시도하지 않습니다. 실패는 0이 아닌 종료 상태로 끝나야 파이프라인에 보입니다.',
      'Pipeline tools read the exit status, not the message. exit() and sys.exit() with no argument return 0: success. The training stopped because the data file was missing, yet DVC takes the stage as done, CI turns green and the scheduler does not retry. A failure is visible to the pipeline only when the process ends with a non-zero status.',
    ),
    bad: "import sys\n\nimport pandas as pd\n\ntry:\n    df = pd.read_csv('data/train.csv')\nexcept FileNotFoundError:\n    print('Error: data/train.csv not found')\n    sys.exit()\n",
    good: "import logging\nimport sys\n\nimport pandas as pd\n\nlogger = logging.getLogger(__name__)\n\ntry:\n    df = pd.read_csv('data/train.csv')\nexcept FileNotFoundError:\n    logger.exception('training data is missing')\n    # TODO: 이 실패를 부르는 쪽(DVC, CI, 스케줄러)은 무엇으로 알아챌까요?\n    sys.exit(1)\n",
  },
  weeks: ['beginner/5', 'intermediate/6'],
  questions: [
    l(
      '이 스크립트가 CI나 DVC 단계에서 실패했을 때, 파이프라인은 무엇을 보고 실패를 알아챌까요? 지금 {call|exit()}은 무엇을 돌려주나요?',
      'When this script fails in a CI job or a DVC stage, what does the pipeline look at to notice? What does {call|exit()} return right now?',
    ),
    l(
      '여기서 예외를 잡지 않고 그대로 올려 보내면 무엇을 잃고 무엇을 얻을까요?',
      'If you let the exception propagate instead of catching it here, what would you lose and what would you gain?',
    ),
    l(
      '다음 단계가 이 단계의 결과 파일을 읽는다면, 그 파일이 없거나 반쯤 쓰였을 때 어떤 일이 생길까요?',
      'If the next stage reads this stage’s output, what happens when that file is missing or half-written?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 실패는 실패로 끝내기\n# 고려사항:\n# - 이 스크립트를 부르는 것은 무엇인가요? (DVC, CI, cron, Airflow)\n# - 복구할 수 없는 오류라면 예외를 그대로 올리거나 0이 아닌 상태로 종료하기\n# - 원인을 로그에 남기기 (logger.exception)\n# TODO: except 블록의 종료 처리 바꾸기\n',
    en: '# TODO: end a failure as a failure\n# Consider:\n# - what runs this script? (DVC, CI, cron, Airflow)\n# - for an error you cannot recover from, let the exception propagate or exit non-zero\n# - log the cause (logger.exception)\n# TODO: change how the except block ends the process\n',
  },
  check(context) {
    const { model } = context;
    if (isTestPath(context.path)) return;
    for (const call of model.calls) {
      if (!EXIT_CALL.test(call.callee ?? '') || !succeeds(call.node)) continue;
      const text = call.node.text.replace(/\s+/g, '');
      const clause = enclosingExcept(call.node);
      if (clause) {
        const header = /^except\b[^:\n]*/.exec(model.source.slice(clause.startIndex, clause.startIndex + 200))?.[0] ?? '';
        if (!NORMAL_ENDINGS.test(header)) context.report({ node: call.node, messageId: 'inExcept', data: { call: text } });
        continue;
      }
      if (reportsFailure(model, call.node)) context.report({ node: call.node, messageId: 'afterError', data: { call: text } });
    }
    // A Streamlit page is re-run by `streamlit run` on every interaction: no caller reads its exit
    // status, and the failure it reports (`st.error`) is on the page. The exits above still count.
    if (model.importsModule('streamlit')) return;
    for (const node of swallowedAtEnd(model)) context.report({ node, messageId: 'mainSwallows' });
    // Scripts only: a service does not end after its last statement.
    if (model.role !== 'serving') for (const node of failureAtEnd(model)) context.report({ node, messageId: 'endsAfterError' });
  },
});

/** `exit()`, `sys.exit(0)`, `quit(None)`: the process ends with status 0. */
function succeeds(call: Node): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment') ?? [];
  return args.length === 0 || (args.length === 1 && SUCCESS_STATUS.test(args[0].text));
}

/**
 * The block that ends with this exit first reports a failure: `if not os.path.exists(path):
 * print("Error: model not found"); sys.exit()`, or `logger.error(...)` before `exit()`.
 */
function reportsFailure(model: PythonModel, call: Node): boolean {
  let statement: Node | null = call;
  while (statement && statement.parent?.type !== 'block' && statement.parent?.type !== 'module') statement = statement.parent;
  const block = statement?.parent;
  if (!statement || block?.type !== 'block') return false;
  // Only a block of an if (or elif/else) decides to stop: the end of a main() is a normal ending.
  const owner = block.parent;
  if (owner?.type !== 'if_statement' && owner?.type !== 'elif_clause' && owner?.type !== 'else_clause') return false;
  const before = model.source.slice(block.startIndex, statement.startIndex);
  return before.split('\n').some((line) => ERROR_LOG.test(line) || (REPORT_CALL.test(line) && (FAILURE_WORDS.test(line) || USAGE.test(line))));
}

/**
 * The script's last statement is an if whose failing branch only prints or logs: `else:
 * print("No model found.")` or `print("Model did not meet the threshold. Deployment aborted.")`
 * at the end of the script (or of its `__main__` block). Nothing runs after it, so the process
 * ends with status 0 whichever branch ran. Returns the report call of such a branch.
 */
function failureAtEnd(model: PythonModel): Node[] {
  const found: Node[] = [];
  const top = model.tree.rootNode.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
  const guard = model.mainGuard;
  const blocks: Node[][] = [top];
  if (guard) {
    const body = guard.childForFieldName('consequence')?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
    if (body) blocks.push(body);
  }
  for (const statements of blocks) {
    let last = statements[statements.length - 1];
    if (last && guard && last.id === guard.id) last = statements[statements.length - 2];
    if (last?.type !== 'if_statement') continue;
    const branches = [
      last.childForFieldName('consequence'),
      ...last.namedChildren.filter((n) => n?.type === 'elif_clause' || n?.type === 'else_clause').map((c) => c?.childForFieldName('consequence') ?? c?.childForFieldName('body')),
    ];
    for (const branch of branches) {
      const lines = branch?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment') ?? [];
      if (lines.length === 0 || !lines.every((n) => n.type === 'expression_statement' && REPORT_CALL.test(n.text))) continue;
      const failing = lines.find((n) => ERROR_LOG.test(n.text) || FAILURE_WORDS.test(n.text));
      if (failing) found.push(failing);
    }
  }
  return found;
}

/** `except:`, `except Exception`, `except BaseException` (with or without `as e`). */
const BROAD_EXCEPT = /^except\s*(\(?\s*(Exception|BaseException)\s*\)?)?\s*(as\s+\w+\s*)?:/;

/**
 * The `__main__` block, or a function it calls (`main()`, `asyncio.run(main())`,
 * `check_performance("data/new.csv")`), ends with a try whose broad except reports the error and
 * neither raises nor exits non-zero, or has a try anywhere whose broad except reports and then
 * returns: the whole run's failure becomes a normal return and the process ends with status 0.
 * Returns the report call in each such except.
 */
function swallowedAtEnd(model: PythonModel): Node[] {
  const guard = model.mainGuard;
  const body = guard?.childForFieldName('consequence');
  if (!guard || !body) return [];
  const blocks: Node[] = [body];
  const called = new Set<string>();
  for (const statement of body.namedChildren) {
    // `main()`, `asyncio.run(main())`, and a run function given its inputs: `check_performance("data/new.csv")`.
    const text = statement?.type === 'expression_statement' ? statement.text.trim() : '';
    const match = text.endsWith(')') ? /^(?:asyncio\.run\(\s*)?(\w+)\(/.exec(text) : null;
    if (match) called.add(match[1]);
  }
  // The module's statements are read only for a function the block calls (most call none: `app.run(...)`).
  for (const top of called.size > 0 ? model.tree.rootNode.namedChildren : []) {
    const fn = top?.type === 'decorated_definition' ? top.childForFieldName('definition') : top;
    if (fn?.type !== 'function_definition' || !called.has(fn.childForFieldName('name')?.text ?? '')) continue;
    const fnBody = fn.childForFieldName('body');
    if (fnBody) blocks.push(fnBody);
  }
  const found: Node[] = [];
  for (const block of blocks) {
    const statements = block.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
    const last = statements[statements.length - 1];
    for (const statement of statements) {
      if (statement.type !== 'try_statement') continue;
      for (const clause of statement.namedChildren) {
        if (clause?.type !== 'except_clause' || !BROAD_EXCEPT.test(clause.text)) continue;
        // A try earlier in the run ends it only when its except returns: `print(f"Error: {e}"); return`.
        if (statement.id !== last.id && !endsWithBareReturn(clause)) continue;
        const text = clause.text;
        if (/\braise\b/.test(text) || /\b(sys\.)?exit\s*\(\s*([1-9]|[A-Za-z_'"])/.test(text) || /\bos\._exit\s*\(\s*[1-9]/.test(text)) continue;
        // A return with a status (`return 1` handed to sys.exit) is the caller's business.
        if (/\breturn\s+(?!None\b)[^\s]/.test(text)) continue;
        const report = clause.descendantsOfType('expression_statement').find((n): n is Node => n !== null && REPORT_CALL.test(n.text));
        if (report) found.push(report);
      }
    }
  }
  return found;
}

/** The except block's last statement is `return` (or `return None`): the run stops there, normally. */
function endsWithBareReturn(clause: Node): boolean {
  const body = clause.namedChildren.find((n) => n?.type === 'block');
  const statements = body?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment') ?? [];
  const last = statements[statements.length - 1];
  return last?.type === 'return_statement' && /^return(\s+None)?$/.test(last.text.trim());
}
