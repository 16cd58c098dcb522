import type { Node } from 'web-tree-sitter';
import { keywordArgument } from '../../python/nodes';
import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/**
 * `subprocess.run(["dvc", "pull"])` or `os.system("python train.py")` as a statement of its own: the
 * command's exit status goes nowhere, so a failed pull, training run or deploy lets the script carry
 * on as if it had worked. `check=True`, a kept result (`result = subprocess.run(...)`, `if os.system(...)`)
 * or a background process (`Popen`) are left alone, and so are tests.
 */

/** The calls whose exit status is their only report of failure. */
const RUNNERS = /^(subprocess\.(run|call)|os\.system)$/;
/** Runners of a shell command whose exit status is looked at (`check=True`, an Airflow task that fails on it). */
const SHELL_RUNNERS = /^(subprocess\.(run|call|check_call)|os\.system)$|(^|\.)BashOperator$/;
/** A `curl` command word in a shell string or an argument list (`"curl -o f URL"`, `["curl", url]`), not captured by `$(...)`. */
const CURL = /(^|[\s"';&|(\[])curl(?=["'\s])/;
const CAPTURED = /\$\(\s*curl|`\s*curl/;
/** `-f`, `-fsSL`, `--fail`: curl exits non-zero on an HTTP error; `-w '%{http_code}'` or a pipe into grep/jq reads the answer. */
const CURL_CHECKED = /(^|["'\s])(-[a-zA-Z]*f[a-zA-Z]*|--fail(-with-body)?|-w|--write-out)(?=["'\s=]|$)|\|\s*(grep|jq\s+-e)\b/;

/**
 * The command a shell runner is given, when it runs curl with nothing that fails on an HTTP error:
 * the `bash_command=` of a BashOperator, the first argument of subprocess or os.system. Without
 * `--fail` curl exits 0 on a 404 or 500 and `-o data.csv` saves the error page as the data.
 */
function uncheckedCurl(call: Node, callee: string): Node | undefined {
  const command = /BashOperator$/.test(callee) ? keywordArgument(call, 'bash_command') : call.childForFieldName('arguments')?.namedChildren[0];
  if (!command || command.type === 'identifier' || !CURL.test(command.text) || CAPTURED.test(command.text)) return undefined;
  return CURL_CHECKED.test(command.text) ? undefined : command;
}

export default pythonRule({
  id: 'command-failure-ignored',
  language: 'python',
  category: 'reliability',
  // A warning: nothing breaks where the command fails; the damage shows later, or never.
  severity: 'warning',
  anchors: ['pylint:W1510', 'ruff:PLW1510'],
  callees: [SHELL_RUNNERS],
  // Each finding is one of its calls, judged by that call alone (its parent, its `check=`) and the path.
  local: true,
  messages: {
    ignored: l(
      '{call}의 종료 코드를 아무도 보지 않습니다 — 명령이 실패해도 스크립트는 성공한 것처럼 다음 단계로 넘어갑니다',
      'Nothing looks at the exit status of {call} — when the command fails, the script goes on to the next step as if it had worked',
    ),
    curlAcceptsErrors: l(
      '{call}이 실행하는 curl에 --fail(-f)이 없습니다 — 서버가 404나 500을 돌려줘도 종료 코드는 0이고, -o로 받은 파일에는 데이터 대신 오류 페이지가 저장됩니다',
      'The curl that {call} runs has no --fail (-f) — on a 404 or 500 it still exits 0, and a file saved with -o holds the error page instead of the data',
    ),
  },
  docs: {
    summary: l(
      '결과를 받지 않는 문장으로 쓴 subprocess.run·subprocess.call(check=True 없이)과 os.system을 찾습니다. 결과를 변수에 받거나 조건에 쓰는 경우, check=True, 백그라운드로 띄우는 Popen, 테스트 파일은 보지 않습니다. Airflow BashOperator의 bash_command나 subprocess·os.system이 --fail(-f) 없이 curl을 실행하는 곳도 찾습니다(HTTP 오류에도 종료 코드가 0이라 어떤 검사도 실패를 보지 못합니다).',
      "Flags subprocess.run and subprocess.call without check=True, and os.system, used as statements whose result nothing keeps. A result kept in a name or tested, check=True, a background Popen and test files are left alone. Also flags curl run with no --fail (-f) by an Airflow BashOperator's bash_command, subprocess or os.system: on an HTTP error curl still exits 0, so no check of its status sees the failure.",
    ),
    why: l(
      '외부 명령(dvc pull, 학습 스크립트, 배포 명령)의 실패는 종료 코드로만 알려집니다. 그 코드를 버리면 오래된 데이터로 학습하거나, 재학습이 일어나지 않았는데도 파이프라인이 초록색으로 끝납니다.',
      'An external command (dvc pull, a training script, a deploy command) reports failure only through its exit status. Throw that away and the pipeline trains on stale data, or ends green although the retraining never happened.',
    ),
    bad: 'import subprocess\n\nsubprocess.run(["dvc", "pull"])\ntrain()\n',
    good: 'import subprocess\n\n# TODO: 실패하면 어떤 메시지를 남기고 멈춰야 할까요?\nsubprocess.run(["dvc", "pull"], check=True)\ntrain()\n',
  },
  weeks: ['beginner/3', 'intermediate/6'],
  questions: [
    l(
      '이 명령이 실패하면(네트워크 끊김, 잘못된 인자) 다음 줄은 무엇을 가지고 실행될까요?',
      'If this command fails (a dropped network, a wrong argument), what does the next line run with?',
    ),
    l('실패를 알아차리는 곳은 어디여야 할까요? 이 스크립트일까요, 한참 뒤의 서비스일까요?', 'Where should the failure be noticed: in this script, or in a service much later?'),
  ],
  scaffold: {
    ko: '# TODO: 명령의 실패를 드러내기\n# 고려사항:\n# - subprocess.run(..., check=True)로 실패 시 예외\n# - 결과의 returncode와 stderr를 로그에 남기기\n# TODO: os.system 대신 subprocess.run(인자 리스트, check=True)\n',
    en: "# TODO: surface the command's failure\n# Consider:\n# - subprocess.run(..., check=True) raises when it fails\n# - log the result's returncode and stderr\n# TODO: replace os.system with subprocess.run(argument list, check=True)\n",
  },
  check(context) {
    if (isTestPath(context.model.path)) return;
    for (const call of context.calls) {
      const callee = call.callee ?? '';
      // One lesson per call: a curl that accepts error pages fails nothing, however its exit status is checked.
      const curl = uncheckedCurl(call.node, callee);
      if (curl) {
        context.report({ node: curl, messageId: 'curlAcceptsErrors', data: { call: /BashOperator$/.test(callee) ? 'BashOperator' : `${callee}()` } });
        continue;
      }
      if (!RUNNERS.test(callee) || !discarded(call.node)) continue;
      if (callee !== 'os.system') {
        const check = keywordArgument(call.node, 'check');
        if (check && check.text !== 'False') continue;
      }
      context.report({ node: call.node, messageId: 'ignored', data: { call: `${callee}()` } });
    }
  },
});

/** The call is a statement of its own: its value (the exit status or the CompletedProcess) is dropped. */
function discarded(call: Node): boolean {
  return call.parent?.type === 'expression_statement';
}
