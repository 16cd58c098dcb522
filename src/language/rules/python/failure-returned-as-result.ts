import type { Node } from 'web-tree-sitter';
import { catchesEverything, exceptName, isSilent, returnsErrorValue } from '../../python/errors';
import { enclosingFunction } from '../../python/nodes';
import { queueTasks } from '../../python/workers';
import { l, pythonRule } from '../../rule';

/** Ends the failure: a raise of any kind, a Celery retry or failure state, an exit. */
const ENDS_FAILURE = /^\s*raise\b|\bself\.retry\s*\(|\bupdate_state\s*\([^)]*FAILURE|\b(sys\.)?exit\s*\(|\bos\._exit\s*\(/m;
/** A value that says "error" by its key: `{"error": ...}`, `{"status": "error"}`, `dict(error=...)`. */
const ERROR_KEY = /['"](error|errors|err|exception)['"]\s*:|\berror\s*=|['"]status['"]\s*:\s*['"](error|failed|failure)['"]/;
/** An explicit (ok, error) or (result, error) pair: the caller is made to look at the error. */
const ERROR_CHANNEL = /^\(?\s*(False|None)\s*,/;
/**
 * A result type that marks the failure in a field of its own (`ToolResult(success=False, error=...)`,
 * `Result(ok=False, ...)`): like an (ok, error) pair, the caller reads the flag, as an agent loop
 * reads a tool's result.
 */
const TYPED_FAILURE = /^(?:[\w.]+\.)?[A-Z]\w*\s*\([^]*\b(?:success|ok|succeeded)\s*=\s*False\b/;
/** User-interface callbacks and agent tools hand errors back as values by design. */
const UI_MODULE = /^(gradio|streamlit|langchain(_core)?\.tools|crewai)\b/;

export default pythonRule({
  id: 'failure-returned-as-result',
  language: 'python',
  local: 'statement',
  category: 'error-handling',
  severity: 'warning',
  anchors: ['gap:failure-as-success', 'CWE-390', 'CWE-754'],
  messages: {
    task: l(
      "작업 '{name}'가 모든 예외를 잡고 {what}를 돌려줍니다 — Celery/RQ는 이 작업을 성공으로 기록하고, 재시도도 실패 알림도 없으며, 결과를 기다리는 쪽은 실패를 빈 결과로 받습니다",
      "The task '{name}' catches every exception and returns {what} — the queue records the task as a success, nothing retries or alerts, and whoever waits for the result gets the failure as an empty answer",
    ),
    fallsThrough: l(
      "'{name}'는 성공하면 값을 돌려주지만, 모든 예외를 잡는 except는 기록만 하고 끝으로 흘러가 None을 돌려줍니다 — 호출한 쪽은 None을 받아 원인에서 먼 곳에서 (언패킹, 속성 접근) 실패합니다",
      "'{name}' returns a value when it succeeds, but its catch-all except clause only logs and runs off the end, returning None — the caller gets None and fails far from the cause (an unpacking, an attribute access)",
    ),
    value: l(
      "'{name}'가 실패를 평범한 결과 값으로 돌려줍니다({what}) — 호출한 쪽은 값을 들여다보지 않으면 성공과 구별할 수 없고, 이 값을 그대로 전달하는 핸들러는 200으로 응답합니다",
      "'{name}' hands the failure back as an ordinary result ({what}) — a caller cannot tell it from a success without inspecting the value, and a handler that passes it on answers 200",
    ),
  },
  docs: {
    summary: l(
      '모든 예외를 잡은 뒤 다시 던지지 않고 값을 돌려주는 코드를 찾습니다: 성공하면 값을 돌려주는 큐 작업(Celery/RQ/Dramatiq)이 실패하면 None이나 오류 값을 돌려주는 경우, 그리고 요청 핸들러가 아닌 함수가 예외 문자열이나 {"error": ...}를 결과처럼 돌려주는 경우, 성공하면 값을 돌려주는 함수의 마지막 try에서 except가 기록만 하고 끝으로 흘러가 None을 돌려주는 경우. (ok, 오류) 튜플처럼 오류를 따로 돌려주는 형태, Gradio/Streamlit 화면 콜백과 에이전트 도구는 제외합니다.',
      'Flags code that catches every exception and returns a value instead of raising: a queue task (Celery/RQ/Dramatiq) that returns a result on success and None or an error value on failure, and a function that is not a request handler returning the exception text or an {"error": ...} value as its result, and a function that returns a value on success whose final try has an except clause that only logs and runs off the end (None). An explicit (ok, error) pair, Gradio/Streamlit callbacks and agent tools are left alone.',
    ),
    why: l(
      '실패가 값이 되면 실패를 아는 곳이 사라집니다. 작업 큐는 작업을 성공으로 기록해 재시도도 알림도 하지 않고, 결과를 기다리던 API는 None이나 "Error: ..." 문자열을 200 응답으로 내보내며, 오류율 대시보드는 0%를 보여 줍니다. 예외는 기록한 뒤 다시 던져, 실패를 다룰 줄 아는 쪽(큐의 재시도, 앱의 오류 핸들러)까지 가게 하세요.',
      'Once a failure becomes a value, nothing knows it failed. The queue records the task as a success and neither retries nor alerts, the API waiting for the result sends None or an "Error: ..." string out as a 200, and the error-rate dashboard shows 0 %. Log the exception and re-raise it, so that it reaches the code that knows what to do with a failure (the queue’s retries, the app’s error handler).',
    ),
    bad: 'import logging\n\nfrom celery import Celery\n\napp = Celery("tasks")\nlogger = logging.getLogger(__name__)\n\n@app.task\ndef forecast(ticker):\n    try:\n        return model.predict(load_prices(ticker)).tolist()\n    except Exception:\n        logger.exception("forecast failed for %s", ticker)\n        return None\n',
    good: 'import logging\n\nfrom celery import Celery\n\napp = Celery("tasks")\nlogger = logging.getLogger(__name__)\n\n@app.task(autoretry_for=(ConnectionError,), max_retries=3)\ndef forecast(ticker):\n    try:\n        return model.predict(load_prices(ticker)).tolist()\n    except Exception:\n        # TODO: 이 실패는 재시도할 만한가요, 작업을 실패로 남겨야 하나요?\n        logger.exception("forecast failed for %s", ticker)\n        raise\n',
  },
  weeks: ['beginner/6', 'intermediate/5'],
  questions: [
    l(
      '{name|이 함수}가 실패했을 때, 결과를 받은 쪽은 무엇을 보고 성공과 실패를 구별하나요? 그 확인을 잊은 호출 코드는 없나요?',
      'When {name|this function} fails, what does the receiver look at to tell a failure from a success? Is there a caller that forgets to check?',
    ),
    l('이 실패가 하루에 백 번 일어난다면, 어느 대시보드나 알림이 그것을 보여 줄까요?', 'If this failure happened a hundred times a day, which dashboard or alert would show it?'),
    l(
      '여기서 잡는 예외 중 재시도하면 성공할 것은 무엇이고, 그 재시도는 누가 해야 하나요?',
      'Which of the exceptions caught here would succeed on a retry, and who should do that retry?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 실패를 값이 아니라 실패로 알리기\n# 고려사항:\n# - logger.exception으로 입력과 함께 남긴 뒤 raise로 다시 던지기\n# - 작업 큐: 일시적인 실패는 autoretry_for/max_retries, 나머지는 작업 실패로 남기기\n# - API: 앱의 오류 핸들러가 예외를 알맞은 상태 코드(4xx/5xx)로 바꾸게 하기\n# TODO: 실패 처리 정책 정하기\n',
    en: '# TODO: report the failure as a failure, not as a value\n# Consider:\n# - log it with logger.exception and its input, then re-raise\n# - task queues: autoretry_for/max_retries for transient failures, a failed task otherwise\n# - APIs: let the app’s error handler turn the exception into the right status (4xx/5xx)\n# TODO: decide the failure policy\n',
  },
  check(context) {
    const { model } = context;
    if (model.excepts.length === 0) return;
    const tasks = queueTasks(model);
    const ui = [...model.imports.values()].some((module) => UI_MODULE.test(module));
    for (const clause of model.excepts) {
      const fn = enclosingFunction(clause, true);
      if (!fn || model.enclosingHandler(clause)) continue;
      const text = model.source.slice(clause.startIndex, clause.endIndex).replace(/#[^\n]*/g, '');
      const header = /^except\b[^:\n]*/.exec(text)?.[0] ?? '';
      const body = text.slice(text.indexOf(':', header.length) + 1);
      // A clause that does nothing, or only prints, is swallowed-exception's finding already.
      if (!catchesEverything(header) || ENDS_FAILURE.test(body) || isSilent(body) || returnsErrorValue(body)) continue;
      const tryNode = clause.parent?.type === 'try_statement' ? clause.parent : undefined;
      if (!tryNode || !returnsValue(tryNode.childForFieldName('body'), fn)) continue;
      const name = fn.childForFieldName('name')?.text ?? '?';
      const last = lastReturn(clause, fn);
      const value = last?.namedChild(0);
      if (tasks.has(fn.id)) {
        const what = !value || value.text === 'None' ? 'None' : 'an error value';
        context.report({ node: last ?? clause.child(0) ?? clause, messageId: 'task', data: { name, what } });
        continue;
      }
      if (!last && ownReturns(clause, fn).length === 0 && !ui && !decoratedAsTool(fn) && endsFunction(tryNode, fn)) {
        // The success path returns a value; the failure path logs and runs off the end: None.
        context.report({ node: clause.child(0) ?? clause, messageId: 'fallsThrough', data: { name } });
        continue;
      }
      if (!last || !value || ui || decoratedAsTool(fn) || ERROR_CHANNEL.test(value.text) || TYPED_FAILURE.test(value.text)) continue;
      const error = exceptName(model.source, clause);
      const carriesError = error !== undefined && new RegExp(`\\b${error}\\b`).test(value.text);
      if (!carriesError && !ERROR_KEY.test(value.text)) continue;
      const what = carriesError ? 'the exception text' : 'an error value';
      context.report({ node: last, messageId: 'value', data: { name, what } });
    }
  },
});

/** The `return` statements of a block that belong to `fn` itself (not to a nested function). */
function ownReturns(block: Node | null | undefined, fn: Node): Node[] {
  return (block?.descendantsOfType('return_statement') ?? []).filter((r): r is Node => r !== null && enclosingFunction(r, true)?.id === fn.id);
}

/** The try body hands back a real value: the function's success is a result, not a side effect. */
function returnsValue(body: Node | null | undefined, fn: Node): boolean {
  return ownReturns(body, fn).some((r) => {
    const value = r.namedChild(0);
    return value !== null && value.text !== 'None';
  });
}

/** The try statement is the last statement of the function's own body: falling out of it returns None. */
function endsFunction(tryNode: Node, fn: Node): boolean {
  const body = fn.childForFieldName('body');
  const last = body?.namedChildren.filter((s) => s && s.type !== 'comment').pop();
  return last?.id === tryNode.id;
}

/** The clause's final statement when it is a `return`; undefined when the clause falls through. */
function lastReturn(clause: Node, fn: Node): Node | undefined {
  const block = clause.namedChildren.find((child) => child?.type === 'block');
  const last = block?.namedChildren.filter((s) => s && s.type !== 'comment').pop();
  return last?.type === 'return_statement' && enclosingFunction(last, true)?.id === fn.id ? last : undefined;
}

/** `@tool` (LangChain, CrewAI): an agent tool reports errors to the model as text. */
function decoratedAsTool(fn: Node): boolean {
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  return decorated !== undefined && /@\s*([\w.]+\.)?tool\b/.test(decorated.text.slice(0, fn.startIndex - decorated.startIndex));
}
