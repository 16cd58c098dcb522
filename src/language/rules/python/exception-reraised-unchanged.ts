import type { Node } from 'web-tree-sitter';
import { exceptName } from '../../python/errors';
import { l, pythonRule } from '../../rule';

/**
 * An except clause whose whole body re-raises what it caught: `except Exception as e: raise e`,
 * `except ValueError: raise`. As the try's last clause it adds nothing (Ruff TRY203); before a
 * broader clause it is a pass-through, written `raise e` where a bare `raise` says so (TRY201).
 * A bare `raise` before a broader clause (`except HTTPException: raise` then `except Exception:`)
 * is the idiom itself and stays silent; so does a clause that logs, cleans up or rolls back first.
 */
export default pythonRule({
  id: 'exception-reraised-unchanged',
  language: 'python',
  category: 'error-handling',
  severity: 'info',
  anchors: ['TRY203', 'TRY201'],
  messages: {
    useless: l(
      '이 except 절은 잡은 {caught}을(를) 그대로 다시 던지기만 합니다 — try/except가 하는 일이 없습니다: 실패를 기록하지도, 맥락을 붙이지도, 다른 응답으로 바꾸지도 않으면서 코드를 읽는 사람에게는 여기서 오류를 처리한다고 보이게 합니다',
      'This except clause only re-raises the {caught} it caught — the try/except does nothing: it neither logs the failure, adds context nor maps it to another answer, yet reads as if the error were handled here',
    ),
    named: l(
      "'raise {name}'은 잡은 예외를 이름으로 다시 던집니다 — 그대로 넘기려는 것이면 맨 'raise'가 그 뜻을 말하고, 트레이스백에 이 줄을 덧붙이지 않습니다",
      "'raise {name}' re-raises the caught exception by name — to pass it on unchanged, a bare 'raise' says so and adds no line of its own to the traceback",
    ),
  },
  docs: {
    summary: l(
      "except 절의 본문 전체가 잡은 예외를 다시 던지는 것뿐인 코드를 찾습니다: try의 마지막 절이면 try/except 전체가 하는 일이 없고(Ruff TRY203), 뒤에 더 넓은 절이 있으면 'raise e' 대신 맨 'raise'로 넘깁니다(TRY201). 뒤에 더 넓은 절이 있는 맨 'raise'(`except HTTPException: raise`)와, 먼저 기록·정리·롤백을 하는 절은 제외합니다.",
      "Flags except clauses whose whole body re-raises what they caught: as the try's last clause the try/except does nothing (Ruff TRY203); before a broader clause the pass-through is written 'raise e' where a bare 'raise' says it (TRY201). A bare 'raise' before a broader clause (`except HTTPException: raise`) and clauses that log, clean up or roll back first are left alone.",
    ),
    why: l(
      '오류 처리처럼 보이는 코드가 아무것도 하지 않으면, 읽는 사람은 이 실패가 여기서 다뤄진다고 믿고 실제로 필요한 처리(로그, 맥락, 상태 코드, 재시도)를 빠뜨립니다. 예외는 어차피 위로 올라가므로, 이 자리에서 무엇을 더할지(어떤 입력·경로였는지) 정하거나 try를 없애는 편이 정직합니다.',
      'Code that looks like error handling but does nothing makes readers believe the failure is dealt with here, and the handling that is actually needed (a log line, context, a status code, a retry) is never written. The exception travels up anyway: decide what this place should add (which input or path failed), or remove the try.',
    ),
    bad: 'import joblib\n\ndef load_model(path):\n    try:\n        return joblib.load(path)\n    except Exception as e:\n        raise e\n',
    good: "import logging\n\nimport joblib\n\nlogger = logging.getLogger(__name__)\n\nclass ModelLoadError(RuntimeError):\n    pass\n\ndef load_model(path):\n    try:\n        return joblib.load(path)\n    except (OSError, EOFError) as exc:\n        # TODO: 이 자리에서만 알 수 있는 맥락(경로, 모델 버전)은 무엇인가요?\n        raise ModelLoadError(f'cannot load model from {path}') from exc\n",
  },
  weeks: ['beginner/5', 'intermediate/6'],
  questions: [
    l(
      '{caught|이 예외}가 이 except 절을 지나간 뒤와 try가 아예 없을 때, 호출한 쪽이 받는 것에 차이가 있나요?',
      'Is there any difference, for the caller, between {caught|this exception} passing through this except clause and there being no try at all?',
    ),
    l(
      '이 자리에서만 알 수 있는 것(어떤 파일, 어떤 입력, 어떤 모델이었는지) 중 실패와 함께 남겨야 할 것은 무엇인가요?',
      'What does only this place know (which file, which input, which model) that should travel with the failure?',
    ),
    l(
      "그대로 넘기는 것이 목적이라면, 'raise {name|e}'와 맨 'raise'는 읽는 사람에게 각각 무엇을 말하나요?",
      "If passing the exception on is the intent, what does 'raise {name|e}' tell a reader, and what does a bare 'raise' tell them?",
    ),
  ],
  scaffold: {
    ko: '# TODO: 이 except 절이 할 일을 정하기\n# 고려사항:\n# - 여기서 더할 맥락이 있나요? (경로, 입력 id) → raise DomainError(...) from e\n# - 여기서 기록해야 하나요? (logger.exception은 트레이스백을 남깁니다)\n# - 더할 것이 없다면 try/except를 없애도 되나요?\n# - 뒤의 더 넓은 except를 피해 그대로 넘기는 것이면 맨 raise\n# TODO: except 절 정리하기\n',
    en: '# TODO: decide what this except clause is for\n# Consider:\n# - is there context to add here? (path, input id) -> raise DomainError(...) from e\n# - should the failure be logged here? (logger.exception keeps the traceback)\n# - with nothing to add, can the try/except go?\n# - passing it past a broader except below: a bare raise\n# TODO: tidy up the except clause\n',
  },
  check(context) {
    const { model } = context;
    if (!/\braise\b/.test(model.source)) return;
    for (const clause of model.excepts) {
      if (clause.type !== 'except_clause') continue;
      const statements = bodyStatements(clause);
      if (statements.length !== 1 || statements[0].type !== 'raise_statement') continue;
      const statement = statements[0];
      const raised = /^raise\s*\(?\s*(\w*)\s*\)?\s*$/.exec(statement.text);
      if (!raised) continue;
      const name = exceptName(model.source, clause);
      // `raise e` of the caught name, or a bare `raise`; anything else raises something new.
      if (raised[1] !== '' && raised[1] !== name) continue;
      const last = !laterClause(clause);
      if (last) {
        const header = /^except\b\s*([^:\n]*?)(?:\s+as\s+\w+)?\s*:/.exec(model.source.slice(clause.startIndex, clause.startIndex + 200))?.[1]?.trim();
        context.report({ node: statement, messageId: 'useless', data: { caught: header || 'BaseException' } });
      } else if (raised[1] !== '') {
        context.report({ node: statement, messageId: 'named', data: { name: raised[1] } });
      }
    }
  },
});

/** The clause's statements, comments left out. */
function bodyStatements(clause: Node): Node[] {
  const block = clause.namedChildren.find((child) => child?.type === 'block');
  return (block?.namedChildren ?? []).filter((child): child is Node => !!child && child.type !== 'comment');
}

/** Another except clause follows this one in the same try (an else or a finally does not catch). */
function laterClause(clause: Node): boolean {
  for (let next = clause.nextNamedSibling; next; next = next.nextNamedSibling) {
    if (next.type === 'except_clause' || next.type === 'except_group_clause') return true;
  }
  return false;
}
