import type { Node } from 'web-tree-sitter';
import type { PythonModel } from '../../python/model';
import { CELERY_RESULT_BACKEND, queueTasks } from '../../python/workers';
import { l, pythonRule } from '../../rule';

/** Django signal receivers and APScheduler jobs, by decorator. */
const JOB_DECORATOR = /@\s*(?:[\w.]+\.)?(receiver|scheduled_job)\s*\(/;
/** Jobs registered by call: `schedule.every(5).minutes.do(job)`, `scheduler.add_job(job, ...)`. */
const REGISTRATION_HINT = /\.(?:do|add_job)\b/;
const JOB_REGISTRATION = /\.(?:do|add_job)\s*\(\s*([A-Za-z_]\w*)\b/g;
/** Logging of any kind (a bare print is not logging). */
const LOGS = /\b(logger|logging|log|_log|LOGGER|LOG)\s*\.\s*(debug|info|warning|warn|error|exception|critical|log)\s*\(|\bget_task_logger\b/;
/** Retries or failure hooks that handle a task's errors outside its body. */
const FAILURE_HOOK = /\b(on_failure|task_failure)\b/;
const HANDLED_ELSEWHERE = /\b(autoretry_for|retry_kwargs|max_retries|on_failure|task_failure|self\.retry|throws)\b/;

export default pythonRule({
  id: 'job-without-error-handling',
  language: 'python',
  // Each job is judged by its own definition; failure hooks and registrations elsewhere are the fact below.
  local: 'statement',
  statementFact,
  category: 'error-handling',
  severity: 'info',
  anchors: ['gap:job-error-handling', 'CWE-778'],
  messages: {
    silent: l(
      "{kind} '{name}'에 오류 처리도 로그도 없습니다 — 실패하면 어떤 입력이 왜 실패했는지 남지 않고, 실패를 어떻게 다룰지(재시도, 작업 실패 표시)도 정해져 있지 않습니다",
      "The {kind} '{name}' has no error handling and logs nothing — when it fails, nothing records which input failed or why, and nothing decides what a failure means (retry, mark the job failed)",
    ),
  },
  docs: {
    summary: l(
      '요청 밖에서 도는 작업 함수(Celery/RQ/Dramatiq 작업, Django 시그널 리시버, APScheduler/schedule 작업) 중 try도 로그 호출도 없는 함수를 찾습니다. autoretry_for, on_failure, task_failure 시그널이나 실패를 트레이스백과 함께 저장하는 Celery 결과 백엔드(서비스의 어느 모듈에서 설정하든)처럼 밖에서 실패를 다루거나, 입력을 받지 않는 큐 작업이면 제외합니다.',
      'Flags job functions that run outside a request (Celery/RQ/Dramatiq tasks, Django signal receivers, APScheduler/schedule jobs) with neither a try nor a single logging call. Failures handled elsewhere (autoretry_for, on_failure, a task_failure signal, a Celery result backend that stores each failure with its traceback, set up in any module of the service) and queue tasks that take no input are left alone.',
    ),
    why: l(
      '작업은 아무도 지켜보지 않을 때 실패합니다. 워커의 기본 트레이스백에는 어떤 입력(작업 id, 레코드)이 실패했는지가 없고, Django post_save 리시버의 예외는 레코드를 저장한 요청까지 500으로 만듭니다. 실패를 잡아 맥락과 함께 남기고 재시도할지 정해야 합니다.',
      'Jobs fail when nobody is watching. The worker’s generic traceback does not say which input (job id, record) failed, and an exception in a Django post_save receiver turns the request that saved the record into a 500. Catch the failure, log it with its context and decide whether to retry.',
    ),
    bad: "from celery import Celery\n\napp = Celery('tasks')\n\n@app.task\ndef score(record_id):\n    record = load_record(record_id)\n    return model.predict([record])\n",
    good: "import logging\n\nfrom celery import Celery\n\napp = Celery('tasks')\nlogger = logging.getLogger(__name__)\n\n@app.task\ndef score(record_id):\n    try:\n        record = load_record(record_id)\n        return model.predict([record])\n    except Exception:\n        # TODO: 이 실패는 재시도할 만한가요, 작업을 실패로 표시해야 하나요?\n        logger.exception('scoring failed for record %s', record_id)\n        raise\n",
  },
  weeks: ['intermediate/4', 'intermediate/5'],
  questions: [
    l(
      '{name|이 작업}이 새벽 3시에 실패하면, 다음 날 아침 무엇을 보고 어떤 입력이 왜 실패했는지 알 수 있을까요?',
      'If {name|this job} fails at 3 a.m., what would you look at the next morning to learn which input failed and why?',
    ),
    l(
      '이 작업의 실패 중 다시 시도하면 성공할 것과, 다시 해도 똑같이 실패할 것은 무엇인가요?',
      'Which of this job’s failures would succeed on a retry, and which would fail the same way every time?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 작업의 실패를 다루기\n# 고려사항:\n# - 작업 본문을 try/except로 감싸고 logger.exception으로 입력(작업 id, 레코드)과 함께 남기기\n# - 일시적인 실패(네트워크, 잠금)는 재시도, 입력 오류는 실패로 표시\n# - Celery: autoretry_for, max_retries / Django 시그널: 무거운 일은 작업 큐로\n# TODO: 실패 처리 정책 정하기\n',
    en: '# TODO: handle the job’s failures\n# Consider:\n# - wrap the body in try/except and log with logger.exception, with the input (job id, record)\n# - retry transient failures (network, locks), mark bad input as failed\n# - Celery: autoretry_for, max_retries / Django signals: move heavy work to a queue\n# TODO: decide the failure policy\n',
  },
  check(context) {
    const { model } = context;
    if (model.linesMatch(HANDLED_ELSEWHERE) && model.linesMatch(FAILURE_HOOK)) return;
    const found = jobs(model);
    // Most files define no job: the whole text is copied without its comments only for a file that does.
    if (found.size === 0) return;
    const keepsResults = CELERY_RESULT_BACKEND.test(model.source.replace(/#[^\n]*/g, ''));
    for (const [fn, kind] of found) {
      const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
      const text = model.source.slice(definition.startIndex, fn.endIndex).replace(/#[^\n]*/g, '');
      // The work is its first call that can fail; a job that only prints, sleeps, counts or reports
      // its own progress does nothing that fails.
      // Reading the job's own arguments (`int(kwargs.get("id"))`) comes first but is not the work a
      // reviewer points at: the model, storage or project call after it is, when there is one.
      const calls = (fn.childForFieldName('body')?.descendantsOfType('call') ?? []).filter(
        (call): call is NonNullable<typeof call> => call !== null && !INFALLIBLE.test(call.childForFieldName('function')?.text ?? ''),
      );
      const work = calls.find((call) => !READS_INPUT.test(call.childForFieldName('function')?.text ?? '')) ?? calls[0];
      // A queue task that takes no input has no "which input failed": the worker's own traceback
      // and the result backend's FAILURE state already say all there is.
      if (kind === 'task' && !takesInput(fn)) continue;
      // A task whose app keeps results already records the failure and marks the task failed.
      if (kind === 'task' && keepsResults) continue;
      if (!work || /^[ \t]*try\s*:/m.test(text) || LOGS.test(text) || HANDLED_ELSEWHERE.test(text)) continue;
      context.report({ node: work, messageId: 'silent', data: { kind, name: fn.childForFieldName('name')?.text ?? '?' } });
    }
  },
  // With the project known: the Celery app is usually made in its own module (`worker.py`,
  // `celery_app.py`) and its results read back in the API's, not in the tasks' file. A service
  // where some module keeps task outcomes stores every task's failure with its traceback.
  project(context) {
    const { view } = context;
    // Results read back (`AsyncResult`) say a backend exists, unless the service's own app is made without one.
    const configured = new Set<string>();
    const read = new Set<string>();
    const plain = new Set<string>();
    for (const [path, facts] of view.python) {
      const root = view.serviceRoot(path);
      if (facts.celeryResults === 'backend') configured.add(root);
      else if (facts.celeryResults === 'read') read.add(root);
      else if (facts.celeryResults === 'none') plain.add(root);
    }
    const keeping = new Set([...configured, ...[...read].filter((root) => !plain.has(root))]);
    if (keeping.size === 0) return;
    for (const [path, facts] of view.python) {
      if (!facts.celeryTasks || !keeping.has(view.serviceRoot(path))) continue;
      for (const [first, last] of facts.celeryTasks) for (let line = first; line <= last; line++) context.withdraw(path, line);
    }
  },
});

/** What the check reads beyond the job it reports in: a failure hook anywhere, and the functions registered as jobs by call. */
function statementFact(model: PythonModel): string {
  const hooked = model.linesMatch(HANDLED_ELSEWHERE) && model.linesMatch(FAILURE_HOOK);
  // Every registration holds `.do` or `.add_job` on one line: most files have none to read.
  const registered = model.linesMatch(REGISTRATION_HINT) ? [...model.source.matchAll(JOB_REGISTRATION)].map((m) => m[1]).join(',') : '';
  return `${hooked}\u0000${registered}`;
}

/** Calls that do not fail on their own: output, waiting, counting, a task reporting its progress. */
const INFALLIBLE = /^(print|range|len|str|enumerate|(time\.)?sleep|self\.update_state|current_task\.update_state)$/;

/** Conversions and look-ups that read the job's arguments. */
const READS_INPUT = /^(int|float|bool|dict|list|tuple|set|[\w.]*\.get)$/;

/** Parameters beyond a bound task's `self`. */
function takesInput(fn: Node): boolean {
  const parameters = fn.childForFieldName('parameters')?.namedChildren ?? [];
  return parameters.some((p) => p !== null && p.text !== 'self');
}

/** Job functions of the file with what to call them: queue tasks, signal receivers, scheduled jobs. */
function jobs(model: PythonModel): Map<Node, string> {
  const found = new Map<Node, string>();
  const tasks = queueTasks(model);
  if (tasks.size > 0) {
    const byId = new Map(model.functions.map((fn) => [fn.id, fn]));
    for (const id of tasks.keys()) {
      const fn = byId.get(id);
      if (fn) found.set(fn, 'task');
    }
  }
  if (!/\b(receiver|scheduled_job|add_job|\.do)\b/.test(model.source)) return found;
  for (const decorated of model.decorated) {
    const fn = decorated.childForFieldName('definition');
    if (fn?.type !== 'function_definition') continue;
    const decorators = model.source.slice(decorated.startIndex, fn.startIndex);
    const match = JOB_DECORATOR.exec(decorators);
    if (match) found.set(fn, match[1] === 'receiver' ? 'signal receiver' : 'scheduled job');
  }
  const registered = new Set([...model.source.matchAll(JOB_REGISTRATION)].map((m) => m[1]));
  for (const fn of model.functions) {
    if (fn.parent?.type !== 'module' && fn.parent?.parent?.type !== 'module') continue;
    if (registered.has(fn.childForFieldName('name')?.text ?? '') && !found.has(fn)) found.set(fn, 'scheduled job');
  }
  return found;
}
