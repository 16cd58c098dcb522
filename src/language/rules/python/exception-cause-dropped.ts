import type { Node } from 'web-tree-sitter';
import { exceptName } from '../../python/errors';
import { l, pythonRule } from '../../rule';

/** Built-in types that say nothing of the failure: raised instead of the original, its type is only text. */
const GENERIC = /^(Exception|RuntimeError|ValueError|TypeError|KeyError|OSError|IOError|SystemError|BaseException)$/;
/** Client errors re-raised in a handler are wrong-error-status's finding (the same fix, and a 500 besides). */
const CLIENT_ERRORS = /\b(KeyError|ValueError|TypeError|IndexError|LookupError|JSONDecodeError|ValidationError|UnicodeDecodeError)\b/;

export default pythonRule({
  id: 'exception-cause-dropped',
  language: 'python',
  category: 'error-handling',
  severity: 'info',
  anchors: ['B904', 'TRY200'],
  messages: {
    dropped: l(
      "except 블록이 잡은 '{name}'을 from 없이 새 {raised}로 바꿔 던집니다 — 원래 예외의 타입과 위치는 메시지 문자열로만 남고, 트레이스백에는 '처리하는 도중 다른 예외가 발생했다'로 보입니다",
      "The except block replaces '{name}' with a new {raised} without `from` — the original type and place survive only as message text, and the traceback reads as 'another exception occurred while handling it'",
    ),
  },
  docs: {
    summary: l(
      'except ... as e 안에서 Exception, RuntimeError 같은 일반 예외를 from 없이 새로 던지는 코드를 찾습니다(Ruff B904). 직접 만든 예외 타입과 HTTP 오류는 제외합니다.',
      'Flags a generic exception (Exception, RuntimeError and the like) raised inside `except ... as e` without `from` (Ruff B904). Project exception types and HTTP errors are left alone.',
    ),
    why: l(
      '`raise RuntimeError(...) from e`는 원인을 __cause__로 남겨, 로그의 트레이스백이 "이 예외가 직접 원인"이라고 이어 보여 줍니다. from이 없으면 두 예외가 우연히 겹친 것처럼 보이고, 일반 타입으로 바꾸면 호출자는 원래 타입으로 구분해 처리할 수도 없습니다.',
      '`raise RuntimeError(...) from e` keeps the cause as __cause__, so the logged traceback shows it as the direct cause. Without `from` the two look like an accident during handling, and a generic type leaves callers nothing to tell failures apart by.',
    ),
    bad: "import joblib\n\ndef load_model(path):\n    try:\n        return joblib.load(path)\n    except Exception as e:\n        raise RuntimeError(f'could not load {path}: {e}')\n",
    good: "import joblib\n\nclass ModelLoadError(RuntimeError):\n    pass\n\ndef load_model(path):\n    try:\n        return joblib.load(path)\n    except Exception as e:\n        # TODO: 호출자는 이 실패를 어떻게 구분해 처리할까요?\n        raise ModelLoadError(f'could not load {path}') from e\n",
  },
  weeks: ['beginner/5', 'intermediate/6'],
  questions: [
    l(
      "로그에서 이 실패를 보면, 원래 예외 '{name|e}'가 어디서 왜 났는지 트레이스백으로 따라갈 수 있나요?",
      "Reading this failure in the log, could you follow the original exception '{name|e}' to where and why it happened?",
    ),
    l(
      '이 함수를 부르는 쪽은 {raised|이 예외}를 받고 무엇을 할 수 있나요? 다른 실패와 구분할 수 있나요?',
      'What can the caller do on receiving {raised|this exception}? Can it tell this failure from others?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 예외의 원인을 잇기\n# 고려사항:\n# - raise NewError(...) from e 로 원래 예외를 __cause__로 남기기\n# - 일반 Exception 대신 이 실패를 말하는 예외 타입(ModelLoadError 등)\n# - 메시지에는 맥락(경로, id)을, 원인은 체인에\n# TODO: except 블록의 raise 정리하기\n',
    en: '# TODO: chain the exception to its cause\n# Consider:\n# - raise NewError(...) from e keeps the original as __cause__\n# - a type that names this failure (ModelLoadError …) instead of a generic Exception\n# - context (path, id) in the message, the cause in the chain\n# TODO: tidy up the raise in the except block\n',
  },
  check(context) {
    const { model } = context;
    // No query: the model lists the except clauses already.
    if (!/\braise\b/.test(model.source)) return;
    for (const clause of model.excepts) {
      const name = exceptName(model.source, clause);
      if (!name) continue;
      const header = /^except\b[^:\n]*/.exec(model.source.slice(clause.startIndex, clause.startIndex + 200))?.[0] ?? '';
      const handler = model.enclosingHandler(clause);
      if (handler && CLIENT_ERRORS.test(header)) continue;
      for (const statement of clause.descendantsOfType('raise_statement')) {
        // `from` after the call, not the word inside a message ("Couldn't load model from MLflow").
        if (!statement || statement.childForFieldName('cause') || /\)\s*from\s+[\w.]+(\(\))?\s*$/.test(statement.text)) continue;
        // Only this clause's own raises: a nested function or except has its own story.
        if (nestedScope(statement, clause)) continue;
        const raised = /^raise\s+([\w.]+)\s*\(/.exec(statement.text)?.[1];
        if (!raised || !GENERIC.test(raised)) continue;
        context.report({ node: statement, messageId: 'dropped', data: { name, raised } });
      }
    }
  },
});

function nestedScope(node: Node, stop: Node): boolean {
  for (let n = node.parent; n && n.id !== stop.id; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'except_clause') return true;
  }
  return false;
}
