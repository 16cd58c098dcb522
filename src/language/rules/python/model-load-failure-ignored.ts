import type { Node } from 'web-tree-sitter';
import type { CallInfo } from '../../python/model';
import { enclosingFunction } from '../../python/nodes';
import { isTestPath } from '../../python/test-code';
import { MODEL_LOADER } from '../../python/serving';
import { l, pythonRule } from '../../rule';

/** A clause that stops the start-up or passes the failure on: a raise, an exit, Streamlit's st.stop() (which ends the script run). */
const ENDS = /\braise\b|\b(sys\.)?exit\s*\(|\bos\._exit\s*\(|\bquit\s*\(|\bos\.kill\s*\(|\b(st|streamlit)\.stop\s*\(/;
/** Names that hold a model (or what the model needs to answer): `model`, `self._model`, `clf`, `tokenizer`. */
const MODEL_NAME = /^_*(\w+_)?(model|models|clf|classifier|regressor|estimator|predictor|pipeline|pipe|tokenizer|vectori[sz]er|preprocessor|recommender|detector|net)$/i;
/** A clause that loads or builds a stand-in (another model, a fresh one): a deliberate fallback, not a model left unset. */
const FALLBACK_CALL = /\b\w*(load|fit|train|build|create|download|init)\w*\s*\(|\b[A-Z]\w*\s*\(/;
/** The traceback is recorded: `logger.exception(...)`, `exc_info=True`, `traceback.print_exc()`. */
const TRACEBACK_LOGGED = /\.exception\s*\(|\bexc_info\s*=\s*(True|\w+)|\btraceback\.(print_exc|format_exc|print_exception)\s*\(/;
/** An answer that says the service cannot serve yet: 503 Service Unavailable. */
const UNAVAILABLE = /\b503\b|SERVICE_UNAVAILABLE/;
/** The clause hands back a value other than None. */
const RETURNS_VALUE = /^\s*return\s+(?!None\s*$)\S/m;
/** Loops around the load: a retry loop or one load per item, each with its own answer. */
const LOOPS = new Set(['for_statement', 'while_statement']);

export default pythonRule({
  id: 'model-load-failure-ignored',
  language: 'python',
  category: 'error-handling',
  severity: 'warning',
  anchors: ['gap:model-load-failure-ignored'],
  messages: {
    logged: l(
      '모델 로딩({what})이 실패하면 이 except는 기록만 하고 그대로 진행합니다 — 서비스는 모델 없이 시작해 준비된 것처럼 보이고, 모든 예측 요청이 엉뚱한 오류(AttributeError, 500)로 실패합니다',
      'When the model load ({what}) fails, this except only logs it and carries on — the service starts without its model, looks ready, and every prediction then fails with an unrelated error (an AttributeError, a 500)',
    ),
    printed: l(
      '모델 로딩({what})이 실패하면 이 except는 출력만 하고 그대로 진행합니다 — 서비스는 모델 없이 시작해 준비된 것처럼 보이고, 모든 예측 요청이 엉뚱한 오류(AttributeError, 500)로 실패합니다',
      'When the model load ({what}) fails, this except only prints it and carries on — the service starts without its model, looks ready, and every prediction then fails with an unrelated error (an AttributeError, a 500)',
    ),
    silent: l(
      '모델 로딩({what})이 실패하면 이 except는 아무것도 알리지 않고 그대로 진행합니다 — 서비스는 모델 없이 시작해 준비된 것처럼 보이고, 모든 예측 요청이 엉뚱한 오류(AttributeError, 500)로 실패합니다',
      'When the model load ({what}) fails, this except says nothing and carries on — the service starts without its model, looks ready, and every prediction then fails with an unrelated error (an AttributeError, a 500)',
    ),
  },
  docs: {
    summary: l(
      '모델(또는 토크나이저·전처리기) 로딩을 감싼 try의 except가 다시 던지지도, 시작을 멈추지도 않고 출력·기록·None 대입만 하고 넘어가는 경우를 찾습니다. 요청 처리기(또는 처리기가 부르는 함수) 안, 재시도 루프, 다른 모델로 대체하거나 값을 돌려주거나 트레이스백을 일부러 기록하는(logger.exception, traceback.print_exc) except, try 뒤에서 같은 이름을 다시 로딩하는 대체 경로, 그리고 모델이 None인 동안 처리기가 503으로 답하는 파일(준비 상태와 예측이 "아직"이라고 말하는 의도된 축소 시작)은 제외합니다.',
      'Flags a try around a model (or tokenizer, preprocessor) load whose except neither re-raises nor stops the start-up: it prints, logs or sets None and carries on. Loads inside a request handler (or a helper one calls), retry loops, clauses that load or build a stand-in, return a value, or record the traceback on purpose (logger.exception, traceback.print_exc) are left alone, and so are a fallback that loads the same name after the try and a file whose handlers answer 503 while the model is None (a degraded start the service tells its callers about: readiness and predictions say "not yet").',
    ),
    why: l(
      '모델이 없는 추론 서비스는 쓸모가 없습니다. 로딩 실패를 삼키면 프로세스는 살아 있고 헬스 체크도 통과하므로, 오케스트레이터는 트래픽을 보내고 재시작하지도 않습니다. 실패는 첫 요청에서 NoneType 오류로 드러나, 원인(파일 없음, 버전 불일치)과 멀리 떨어진 곳에서 보입니다. 시작할 때 실패하면 배포가 바로 멈추고 로그에 진짜 원인이 남습니다.',
      'An inference service without its model is no service. When the load failure is swallowed the process stays up and its health check passes, so the orchestrator sends traffic and never restarts it; the failure shows up on the first request as a NoneType error, far from its cause (a missing file, a version mismatch). Failing at start-up stops the rollout at once and leaves the real cause in the log.',
    ),
    bad: "import joblib\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\ntry:\n    model = joblib.load('model.joblib')\nexcept Exception as e:\n    print(f'could not load the model: {e}')\n    model = None\n\n\n@app.post('/predict')\ndef predict(features: list[float]):\n    return {'prediction': float(model.predict([features])[0])}\n",
    good: "import logging\n\nimport joblib\nfrom fastapi import FastAPI\n\nlogger = logging.getLogger(__name__)\napp = FastAPI()\n\n# TODO: 모델이 없으면 서비스가 시작해야 할까요?\ntry:\n    model = joblib.load('model.joblib')\nexcept Exception:\n    logger.exception('could not load the model')\n    raise\n\n\n@app.post('/predict')\ndef predict(features: list[float]):\n    return {'prediction': float(model.predict([features])[0])}\n",
  },
  weeks: ['beginner/5', 'intermediate/3'],
  questions: [
    l(
      '{what}가 실패한 채로 서비스가 시작하면, 헬스 체크와 첫 예측 요청은 각각 무엇을 돌려줄까요?',
      'If {what} fails and the service starts anyway, what do the health check and the first prediction request each return?',
    ),
    l(
      '이 except 다음에 모델 변수를 쓰는 코드는 모델이 없다는 것을 어떻게 알까요? 그 실패를 언제, 누가 알아차리게 하고 싶나요?',
      'How does the code that uses the model after this except know that there is none? When, and by whom, should that failure be noticed?',
    ),
    l(
      '모델이 없을 때 프로세스가 시작을 멈추면, 배포(컨테이너 재시작, 롤아웃)는 어떻게 반응할까요?',
      'If the process refused to start without its model, how would the deployment (a container restart, a rollout) react?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 모델 로딩 실패를 시작 단계에서 드러내기\n# 고려사항:\n# - 모델 없이 서비스가 떠 있어야 할 이유가 있나요? 없다면 기록하고 다시 던지기 (logger.exception + raise)\n# - 늦게 로딩해야 한다면: 준비 상태(readiness)가 모델 유무를 말하게 하고, 예측은 503으로 답하기\n# - 어떤 파일·버전을 찾지 못했는지 로그에 남기기\n',
    en: '# TODO: make a failed model load visible at start-up\n# Consider:\n# - is there a reason to serve without the model? If not, log and re-raise (logger.exception + raise)\n# - if it must load later: let readiness report whether the model is there, and answer predictions with 503\n# - log which file or version could not be found\n',
  },
  query: '(try_statement) @try',
  check(context) {
    const { model } = context;
    if (isTestPath(context.path)) return;
    const source = model.source;
    const handlers = model.handlers.map((h) => ({ id: h.node.id, start: h.node.startIndex, end: h.node.endIndex, text: source.slice(h.node.startIndex, h.node.endIndex) }));
    let moduleCalls: CallInfo[] | undefined;
    let byStart: CallInfo[] | undefined;
    for (const { captures } of context.matches) {
      const tryNode = captures.try;
      if (!tryNode) continue;
      // Most tries load no model: a load among the calls inside the try (found by position, no
      // node read) is needed first, before the walks up the tree below.
      byStart ??= [...model.calls].sort((a, b) => a.node.startIndex - b.node.startIndex);
      if (!loadInside(byStart, tryNode.startIndex, tryNode.endIndex, source)) continue;
      const body = tryNode.childForFieldName('body');
      if (!body) continue;
      const fn = enclosingFunction(tryNode);
      if (fn && handlers.some((h) => h.start <= fn.startIndex && fn.endIndex <= h.end)) continue;
      // A helper a request handler calls loads per request: that request's error answer is the lesson.
      if (fn && calledFromHandler(handlers, fn)) continue;
      if (insideLoop(tryNode, fn)) continue;
      const candidates = fn ? (model.callsByFunction().get(fn.id) ?? []) : (moduleCalls ??= model.calls.filter((call) => !call.inFunction));
      const load = candidates.find((call) => call.node.startIndex >= body.startIndex && call.node.endIndex <= body.endIndex && loadsModel(call, source));
      if (!load) continue;
      const target = boundName(load.node, source);
      // `if model is None: raise ...` after the try: the start-up is stopped after all; a load of
      // the same name after the try (`self.model = joblib.load(local)` once the registry failed)
      // is the fallback; a handler that answers 503 while the name is None is a degraded start the
      // service tells its callers about (readiness and predictions say "not yet").
      const after = source.slice(tryNode.endIndex, fn?.endIndex ?? source.length);
      if (target && (stoppedLater(after, target) || loadedLater(after, target) || answersUnavailable(source, target))) continue;
      for (const clause of tryNode.namedChildren) {
        if (!clause || (clause.type !== 'except_clause' && clause.type !== 'except_group_clause')) continue;
        const text = source.slice(clause.startIndex, clause.endIndex).replace(/#[^\n]*/g, '');
        const clauseBody = text.replace(/^[^\n]*\n?/, '');
        // A traceback logged on purpose (`logger.exception`, `exc_info=True`) is a chosen degraded start;
        // a returned value (`return {"success": False}`) is the caller's answer, another lesson.
        if (ENDS.test(text) || TRACEBACK_LOGGED.test(clauseBody) || RETURNS_VALUE.test(clauseBody) || fallsBackToAnother(clauseBody, target)) continue;
        const messageId = /\b(log\w*|logger|logging)\s*\.\s*(exception|error|critical|warning|warn|info|debug)\b/.test(clauseBody)
          ? 'logged'
          : /\bprint\s*\(/.test(clauseBody)
            ? 'printed'
            : 'silent';
        context.report({ node: clause, messageId, data: { what: load.callee ?? load.node.childForFieldName('function')?.text ?? 'load' } });
        break;
      }
    }
  },
});

/** Does the call read a model: a known loader, or any call bound to a model's name (`model = RestReview(path)`)? */
function loadsModel(call: CallInfo, source: string): boolean {
  if (call.callee && MODEL_LOADER.test(call.callee)) return true;
  if (!mayBindModelName(call.node.startIndex, source)) return false;
  const name = boundName(call.node, source);
  if (!name || !MODEL_NAME.test(name.replace(/^.*\./, ''))) return false;
  const fnText = call.node.childForFieldName('function')?.text ?? '';
  return /(^|\.)[A-Z]\w*$|(^|[._])load(_\w+)?$/.test(fnText);
}

/** Does a call that loads a model lie in `[start, end)`? `calls` are sorted by their start. */
function loadInside(calls: readonly CallInfo[], start: number, end: number, source: string): boolean {
  let low = 0;
  let high = calls.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (calls[middle].node.startIndex < start) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < calls.length && calls[i].node.startIndex < end; i++) if (calls[i].node.endIndex <= end && loadsModel(calls[i], source)) return true;
  return false;
}

/**
 * Could the call at `start` be assigned to a model's name? Read from its line alone (no parent
 * node read): after `scores = ` no word before the `=` names a model. A line whose text before
 * the `=` is anything but names, dots and a simple annotation is left to the tree.
 */
function mayBindModelName(start: number, source: string): boolean {
  let at = start - 1;
  while (at >= 0 && (source[at] === ' ' || source[at] === '\t' || source[at] === '\f' || source[at] === '(')) at--;
  if (at < 0 || source[at] !== '=') return true;
  const prefix = source.slice(source.lastIndexOf('\n', at - 1) + 1, at);
  if (!/^[\w. \t:]*\w[\w. \t:]*$/.test(prefix)) return true;
  return prefix.split(/\W+/).some((word) => word !== '' && MODEL_NAME.test(word));
}

/** The name the call's value is assigned to (`model`, `self.model`), if it is assigned whole. */
function boundName(call: Node, source: string): string | undefined {
  // The text before the call first: an assigned call follows `=` (and opening parentheses) on its
  // line. Anything else on that line (`scores.append(`, `return `) rules it out without reading a
  // parent node; a line break (a comment, a continuation) leaves it to the tree.
  let at = call.startIndex - 1;
  while (at >= 0 && (source[at] === ' ' || source[at] === '\t' || source[at] === '\f' || source[at] === '(')) at--;
  if (at >= 0 && source[at] !== '=' && source[at] !== '\n' && source[at] !== '\r' && source[at] !== '\\') return undefined;
  let node = call;
  while (node.parent?.type === 'parenthesized_expression') node = node.parent;
  const parent = node.parent;
  if (parent?.type !== 'assignment' || parent.childForFieldName('right')?.id !== node.id) return undefined;
  const left = parent.childForFieldName('left');
  return left && (left.type === 'identifier' || left.type === 'attribute') ? left.text : undefined;
}

/** Is the function called by name inside a request handler of this file? */
function calledFromHandler(handlers: readonly { readonly id: number; readonly text: string }[], fn: Node): boolean {
  if (handlers.length === 0) return false;
  const name = fn.childForFieldName('name')?.text;
  if (!name) return false;
  const call = new RegExp(`(?<![.\\w])${name}\\s*\\(`);
  return handlers.some((h) => h.id !== fn.id && call.test(h.text));
}

function insideLoop(node: Node, fn: Node | undefined): boolean {
  for (let n = node.parent; n && n.id !== fn?.id; n = n.parent) if (LOOPS.has(n.type)) return true;
  return false;
}

/** The clause builds or loads a stand-in for the same name (`model = train_model()`), or calls something that does. */
function fallsBackToAnother(clauseBody: string, target: string | undefined): boolean {
  for (const line of clauseBody.split('\n')) {
    const statement = line.trim();
    if (!statement || /^(print|log\w*|logger|logging|warnings)\b/.test(statement)) continue;
    const assigned = /^([\w.]+)\s*=\s*(.+)$/.exec(statement);
    if (assigned) {
      if (/^None$/.test(assigned[2].trim())) continue;
      if (target && assigned[1] === target) return true;
    }
    if (FALLBACK_CALL.test(statement.replace(/\b(str|repr|type|print|len|getattr|format)\s*\(/g, ''))) return true;
  }
  return false;
}

/**
 * After the load, a missing model is handled: `if model is None: raise` / `if not model: sys.exit(1)`,
 * or a stand-in is put in its place (`if model is None: model = train()`, `model = model or build()`).
 */
function stoppedLater(after: string, target: string): boolean {
  const name = target.replace(/[.]/g, '\\.');
  const missing = `\\bif\\s+(not\\s+${name}\\b|${name}\\s+is\\s+None)[^\\n]*:\\s*\\n?[^\\n]*`;
  return (
    new RegExp(`${missing}\\b(raise|sys\\.exit|exit)\\b`).test(after) ||
    new RegExp(`${missing}(^|\\s)${name}\\s*=[^=]`).test(after) ||
    new RegExp(`(^|\\n)\\s*${name}\\s*=\\s*${name}\\s+or\\b`).test(after)
  );
}

/** After the try, the same name is loaded again: the fallback runs once the first load failed. */
function loadedLater(after: string, target: string): boolean {
  const name = target.replace(/[.]/g, '\\.');
  const assigned = new RegExp(`(^|\\n)[ \\t]*${name}[ \\t]*=[ \\t]*([\\w.]+)\\(`, 'g');
  for (let match = assigned.exec(after); match; match = assigned.exec(after)) if (/load/i.test(match[2])) return true;
  return false;
}

/**
 * Somewhere in the file a missing model is answered with 503: `if model is None:` (or `if not
 * model:`) with a 503 on one of the next lines (after a counter or a log line).
 */
function answersUnavailable(source: string, target: string): boolean {
  if (!UNAVAILABLE.test(source)) return false;
  const name = target.replace(/[.]/g, '\\.');
  const guard = new RegExp(`\\bif[ \\t]+(not[ \\t]+${name}\\b|${name}[ \\t]+is[ \\t]+None\\b)`, 'g');
  for (let match = guard.exec(source); match; match = guard.exec(source)) {
    let end = match.index;
    for (let lines = 0; lines < 5 && end !== -1; lines++) end = source.indexOf('\n', end + 1);
    if (UNAVAILABLE.test(source.slice(match.index, end === -1 ? source.length : end))) return true;
  }
  return false;
}
