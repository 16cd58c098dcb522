import { decoratorsOf } from '../../python/model';
import { CELERY_APP_TIME_LIMIT } from '../../python/workers';
import { l, pythonRule } from '../../rule';

/** `@app.task`, `@celery.task(...)`, `@shared_task`: the receiver is checked to be Celery below. */
const TASK_DECORATOR = /^(?:([A-Za-z_][\w.]*)\.task|((?:celery\.)?shared_task))\b\s*(\(([\s\S]*)\))?\s*$/;
const LIMIT_KEYWORD = /\b(soft_)?time_limit\s*=/;

export default pythonRule({
  id: 'task-without-time-limit',
  language: 'python',
  category: 'reliability',
  // Warning: one hung task (a stuck GPU job, a dead socket) holds a worker slot until someone restarts the worker.
  severity: 'warning',
  anchors: ['gap:task-time-limit'],
  messages: {
    noLimit: l(
      "Celery 작업 '{task}'에 time_limit/soft_time_limit이 없습니다 — 한 번 멈추면 워커 슬롯을 영원히 붙잡습니다",
      "The Celery task '{task}' has no time_limit or soft_time_limit — once it hangs, it holds a worker slot forever",
    ),
  },
  docs: {
    summary: l(
      'time_limit/soft_time_limit 없이 선언된 Celery 작업을 찾습니다: 데코레이터로 만든 작업(base=로 준 같은 파일의 Task 클래스도 제한을 정하지 않을 때)과 run()을 정의한 Task 하위 클래스 (앱 전체 제한을 같은 파일이나, 프로젝트를 볼 때는 같은 서비스의 다른 모듈에서 설정했다면 제외).',
      'Flags Celery tasks declared with no time_limit or soft_time_limit: decorated tasks (also when their base= is a Task class of the same file that sets no limit) and Task subclasses that define run() (unless an app-wide limit is set in the same file or, with the project known, in a module of the same service).',
    ),
    why: l(
      'Celery의 기본값은 "제한 없음"입니다. 추론이나 학습 작업이 외부 호출, 큰 입력, GPU 문제로 멈추면 그 워커 슬롯은 다시 쓰이지 않고, 슬롯이 다 차면 큐가 멈춥니다. soft limit은 작업이 스스로 정리할 기회를 주고, hard limit은 끝내 프로세스를 회수합니다.',
      'Celery’s default is no limit. When an inference or training task hangs on an external call, a huge input or a GPU problem, its worker slot is never reused, and once every slot is stuck the queue stops. A soft limit lets the task clean up; a hard limit finally reclaims the process.',
    ),
    bad: "from celery import Celery\n\napp = Celery('tasks', broker='redis://redis:6379/0')\n\n@app.task\ndef predict_image(path):\n    return run_model(path)\n",
    good: "from celery import Celery\n\napp = Celery('tasks', broker='redis://redis:6379/0')\n\n# TODO: 이 작업은 보통 몇 초 걸리나요? p99의 몇 배까지 기다릴까요?\n@app.task(soft_time_limit=60, time_limit=90)\ndef predict_image(path):\n    # TODO: SoftTimeLimitExceeded를 잡아 작업 상태를 '실패'로 기록하기\n    return run_model(path)\n",
  },
  weeks: ['intermediate/5', 'intermediate/4'],
  questions: [
    l(
      "'{task}'가 외부 호출이나 GPU에서 멈추면, 그 워커 슬롯은 언제 다시 쓸 수 있을까요? 워커가 4개라면 몇 번 멈추면 큐가 서나요?",
      "If '{task}' hangs on an external call or the GPU, when can its worker slot be used again? With four workers, how many hangs stop the queue?",
    ),
    l(
      '이 작업은 보통 얼마나 걸리나요? soft limit과 hard limit을 그 값에서 어떻게 정하시겠어요?',
      'How long does this task usually take? How would you derive a soft and a hard limit from that?',
    ),
    l('제한 시간을 넘긴 작업은 재시도해야 할까요, 실패로 기록해야 할까요?', 'Should a task that ran out of time be retried, or recorded as failed?'),
  ],
  scaffold: {
    ko: '# TODO: 작업의 시간 제한 정하기\n# 고려사항:\n# - 정상 실행 시간(p50, p99)은?\n# - soft_time_limit: 정리할 기회 (SoftTimeLimitExceeded 처리)\n# - time_limit: 프로세스를 회수하는 마지막 선\n# - 제한을 넘기면 재시도(autoretry_for, max_retries)? 실패 기록?\n# TODO: @app.task(...)에 제한 추가하거나 앱 설정(task_time_limit)으로 전체에 적용\n',
    en: '# TODO: choose the task time limits\n# Consider:\n# - its normal run time (p50, p99)?\n# - soft_time_limit: a chance to clean up (handle SoftTimeLimitExceeded)\n# - time_limit: the last line that reclaims the process\n# - past the limit: retry (autoretry_for, max_retries) or record a failure?\n# TODO: add the limits to @app.task(...) or set task_time_limit for the whole app\n',
  },
  check(context) {
    const { model } = context;
    if (!/task/i.test(model.source) || CELERY_APP_TIME_LIMIT.test(model.source)) return;
    for (const fn of model.functions) {
      for (const decorator of decoratorsOf(fn)) {
        // The decorator's expression, without a trailing comment.
        const expression = decorator.namedChildren.find((c) => c?.type !== 'comment');
        const match = expression ? TASK_DECORATOR.exec(expression.text) : null;
        if (!match || (match[4] !== undefined && (LIMIT_KEYWORD.test(match[4]) || limitedBase(model, match[4])))) continue;
        // `base=` naming a Celery Task class of this file says the receiver is a Celery app, whatever its module is called.
        if (match[1] && !isCeleryApp(model, match[1]) && !baseClass(model, match[4])) continue;
        if (match[2] && !model.importsModule('celery')) continue;
        if (doesNothing(fn) || onlyComputes(model, fn)) continue;
        context.report({ node: decorator, messageId: 'noLimit', data: { task: fn.childForFieldName('name')?.text ?? '?' } });
      }
    }
    for (const cls of model.classes) {
      const run = classTaskRun(model, cls);
      if (run) context.report({ node: run.childForFieldName('name') ?? run, messageId: 'noLimit', data: { task: cls.childForFieldName('name')?.text ?? '?' } });
    }
  },
  // The app-wide limits usually sit in the module that makes the Celery app or in its settings
  // (`celery_config.py`), not beside the tasks: they cover every task of that service.
  project(context) {
    const { view } = context;
    const limited = new Set<string>();
    for (const [path, facts] of view.python) if (facts.celeryTimeLimit) limited.add(view.serviceRoot(path));
    if (limited.size === 0) return;
    for (const path of view.python.keys()) if (limited.has(view.serviceRoot(path))) context.withdraw(path);
  },
});

type Model = import('../../python/model').PythonModel;
type TreeNode = import('web-tree-sitter').Node;

/** A class attribute that sets a limit (`time_limit = 60`, `soft_time_limit = 30`). */
const CLASS_LIMIT = /^[ \t]+(soft_)?time_limit[ \t]*(:[^=\n]*)?=/m;

/**
 * `base=PredictTask`: the base may set the limits as class attributes. A base defined in this file
 * is read; one imported from elsewhere cannot be, and is trusted.
 */
function limitedBase(model: Model, args: string): boolean {
  if (!/\bbase\s*=/.test(args)) return false;
  const cls = baseClass(model, args);
  return !cls || CLASS_LIMIT.test(cls.text);
}

/** The Celery Task class of this file that `base=` names, if it is one. */
function baseClass(model: Model, args: string | undefined): TreeNode | undefined {
  const base = args === undefined ? undefined : /\bbase\s*=\s*([A-Za-z_][\w.]*)/.exec(args)?.[1];
  const cls = base === undefined ? undefined : model.classes.find((c) => c.childForFieldName('name')?.text === base);
  return cls && isCeleryTask(model, cls) ? cls : undefined;
}

/** The class derives from Celery's `Task` (`from celery import Task`, `celery.Task`). */
function isCeleryTask(model: Model, cls: TreeNode): boolean {
  return (cls.childForFieldName('superclasses')?.namedChildren ?? []).some((b) => b !== null && /^celery(\.app\.task)?\.Task$/.test(model.resolve(b) ?? ''));
}

/**
 * A task written as a class (`class Predict(Task): def run(self, ...)`, registered with
 * `app.register_task`): its `run` is the task body. Abstract bases, classes used as another task's
 * `base=`, and classes that set a limit attribute are left alone.
 */
function classTaskRun(model: Model, cls: TreeNode): TreeNode | undefined {
  if (!isCeleryTask(model, cls) || CLASS_LIMIT.test(cls.text) || /^[ \t]+abstract[ \t]*=[ \t]*True\b/m.test(cls.text)) return undefined;
  const name = cls.childForFieldName('name')?.text ?? '';
  if (new RegExp(`\\bbase\\s*=\\s*${name}\\b`).test(model.source)) return undefined;
  const run = (cls.childForFieldName('body')?.namedChildren ?? []).find(
    (s): s is TreeNode => s !== null && s.type === 'function_definition' && s.childForFieldName('name')?.text === 'run',
  );
  return run && !doesNothing(run) && !onlyComputes(model, run) ? run : undefined;
}

/** The receiver of `@x.task` is a Celery app: built here, imported from celery, or imported from a module named like one. */
function isCeleryApp(model: import('../../python/model').PythonModel, receiver: string): boolean {
  const head = receiver.split('.')[0];
  const instance = model.instances.get(head);
  if (instance) return /^celery\.Celery$/.test(instance);
  const imported = model.imports.get(head);
  if (imported) return /celery/i.test(imported);
  // `from . import celery`, `from .worker import celery_app`: relative imports are not in the alias map.
  if (/celery/i.test(head) && new RegExp(`^[ \\t]*from[ \\t]+\\.[\\w.]*[ \\t]+import[ \\t(]+[^\\n]*\\b${head}\\b`, 'm').test(model.source)) return true;
  return model.importsModule('celery') && /celery|^app$/i.test(head);
}

/**
 * A readiness ping or a demo task (`def ready(): return`, `return "I'm alive"`): its body only
 * returns a constant, so it cannot hang.
 */
function doesNothing(fn: import('web-tree-sitter').Node): boolean {
  const body = fn.childForFieldName('body');
  return (
    body !== null &&
    body.namedChildren.every(
      (s) =>
        s !== null &&
        (s.type === 'pass_statement' ||
          s.type === 'comment' ||
          (s.type === 'expression_statement' && /^(["']|\.\.\.)/.test(s.text)) ||
          (s.type === 'return_statement' && /^return\s*(None|True|False|-?\d+|"[^"\n]*"|'[^'\n]*'|\{\}|\[\])?\s*$/.test(s.text))),
    )
  );
}

/**
 * A demo task (`def add(x, y): return x + y`, `time.sleep(5)` then a message): it calls nothing
 * but builtins, arithmetic, string methods, logging and `time.sleep`, and has no `while` loop,
 * so it cannot hang on I/O, a model, the network or a subprocess. A time limit is not its lesson.
 * A call to anything else (a project helper, a client, `requests`) keeps the task reported.
 */
function onlyComputes(model: import('../../python/model').PythonModel, fn: import('web-tree-sitter').Node): boolean {
  const body = fn.childForFieldName('body');
  if (!body || body.descendantsOfType(['while_statement', 'await', 'with_statement']).length > 0) return false;
  return model.calls.every(
    (call) => call.node.startIndex < body.startIndex || call.node.endIndex > body.endIndex || PURE_CALL.test(call.callee ?? call.node.childForFieldName('function')?.text ?? ''),
  );
}

const PURE_CALL =
  /^(abs|all|any|bool|dict|divmod|enumerate|float|format|int|isinstance|len|list|max|min|print|range|repr|reversed|round|set|sorted|str|sum|tuple|zip|time\.sleep|time\.time|time\.perf_counter|random\.\w+|math\.\w+|logging\.\w+|logging\.getLogger\.\w+|(logger|log|LOGGER|_logger|self\.logger)\.(debug|info|warning|error|exception|critical))$|\.(append|format|upper|lower|strip|split|join|replace)$/;
