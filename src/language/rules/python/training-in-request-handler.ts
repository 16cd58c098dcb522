import type { Node } from 'web-tree-sitter';
import type { CallInfo, HandlerInfo, PythonModel } from '../../python/model';
import { calledEffect } from '../../project/effects';
import { sameFileHelpers } from '../../python/serving';
import { l, pythonRule } from '../../rule';

/** Calls that fit a model: estimators, Keras, Lightning and Hugging Face trainers. */
const FIT = /\.(fit|fit_generator|fit_model|train_model)$|\.(re)?train_(and_\w+|model|models|classifier|regressor|estimator)$/;
/** `model.train()` with no arguments switches a torch module to training mode; it trains only on a route about training. */
const TRAIN = /\.(train|retrain)$/;
const CANDIDATE =
  /\.(fit|fit_generator|fit_model|train_model|train|retrain)$|\.(re)?train_(and_\w+|model|models|classifier|regressor|estimator)$|^subprocess\.(run|call|check_call|Popen)$/;
const TRAINING_WORD = /^(re)?train(ing)?$|^fit$/;

export default pythonRule({
  id: 'training-in-request-handler',
  language: 'python',
  category: 'scalability',
  severity: 'warning',
  anchors: ['gap:training-in-request'],
  messages: {
    direct: l(
      "요청 핸들러 '{handler}' 안에서 모델을 학습합니다 ({callee}) — 학습이 끝날 때까지 이 요청과 워커가 묶입니다",
      "The handler '{handler}' trains a model inside the request ({callee}) — the request and its worker are held until training ends",
    ),
    helper: l(
      "요청 핸들러 '{handler}'가 {helper}()를 부르고, 그 함수가 모델을 학습합니다 ({callee}) — 학습이 요청 안에서 동기로 실행됩니다",
      "The handler '{handler}' calls {helper}(), which trains a model ({callee}) — training runs synchronously inside the request",
    ),
  },
  docs: {
    summary: l(
      '요청 핸들러 안에서(직접, 같은 파일의 헬퍼를 거쳐, 또는 프로젝트의 다른 모듈 함수를 거쳐) 동기로 실행되는 모델 학습(fit, trainer.train, 학습 스크립트 실행)을 찾습니다.',
      'Flags model training (fit, trainer.train, running a training script) that runs synchronously inside a request handler, directly, through a helper of the same file, or through a function of another module of the project.',
    ),
    why: l(
      '학습은 몇 초에서 몇 시간이 걸리고 CPU·메모리를 독점합니다. 요청 안에서 학습하면 클라이언트와 로드밸런서가 먼저 타임아웃되고, 그동안 워커는 다른 요청을 받지 못하며, 같은 요청이 재시도되면 학습이 겹쳐 실행됩니다.',
      'Training takes seconds to hours and monopolises CPU and memory. Inside a request the client and the load balancer time out first, the worker serves nothing else meanwhile, and a retried request starts a second training on top of the first.',
    ),
    bad: "from fastapi import FastAPI\nfrom sklearn.ensemble import RandomForestClassifier\n\napp = FastAPI()\n\n@app.post('/train')\ndef train(rows: list[list[float]], labels: list[int]):\n    model = RandomForestClassifier(random_state=0)\n    model.fit(rows, labels)\n    return {'status': 'trained'}\n",
    good: "from fastapi import BackgroundTasks, FastAPI\n\napp = FastAPI()\n\n@app.post('/train', status_code=202)\ndef train(background: BackgroundTasks):\n    # TODO: 학습은 작업 큐(Celery, RQ)나 배치 잡에서 실행하고, 여기서는 작업 id만 돌려주세요\n    # TODO: 같은 학습이 두 번 실행되지 않게 하려면?\n    return {'job_id': '...'}\n",
  },
  weeks: ['intermediate/4', 'intermediate/5'],
  questions: [
    l(
      "'{handler}'의 학습이 10분 걸린다면, 클라이언트·로드밸런서·다른 요청에는 그동안 무슨 일이 일어날까요?",
      "If training in '{handler}' takes ten minutes, what happens meanwhile to the client, the load balancer and the other requests?",
    ),
    l(
      '학습을 요청과 분리하면 클라이언트는 결과를 어떻게 알게 될까요? (작업 id, 상태 조회, 알림)',
      'Once training is separated from the request, how does the client learn the outcome? (a job id, a status route, a notification)',
    ),
    l('새로 학습한 모델은 언제, 무엇과 비교한 뒤에 서빙에 들어가야 할까요?', 'When, and after being compared with what, should a newly trained model start serving?'),
  ],
  scaffold: {
    ko: '# TODO: 학습을 요청 경로에서 분리하기\n# 고려사항:\n# - 어디서 실행할까요? (Celery/RQ 작업, 배치 잡, 파이프라인)\n# - 핸들러는 202와 작업 id만 돌려주면 어떨까요?\n# - 학습이 겹쳐 실행되지 않게 하려면? (잠금, 작업 상태)\n# - 새 모델은 평가를 통과한 뒤에만 교체하기\n# TODO: 학습 작업을 큐에 넣고 상태를 조회하는 경로 만들기\n',
    en: '# TODO: take training out of the request path\n# Consider:\n# - where does it run? (a Celery/RQ task, a batch job, a pipeline)\n# - could the handler return 202 and a job id?\n# - how do you keep two trainings from overlapping? (a lock, a job state)\n# - swap the model only after it passes evaluation\n# TODO: enqueue the training job and add a status route\n',
  },
  // Across files: a handler calling a function of another module of the project that trains
  // (`from src.train import train_model`; `train_model()` in the `/train` route).
  project(context) {
    const { view } = context;
    for (const [path, facts] of view.python) {
      for (const call of facts.handlerCalls ?? []) {
        // A queue task is where training belongs; a dependency is not a call the route makes.
        // A name that says it trains (`train_model()`) is reported by the per-file pass already.
        if (call.task || call.via !== 'call' || FIT.test(`.${call.name}`)) continue;
        const reached = calledEffect(view, path, call.name, 'trains', call.scope);
        // Within the file the per-file pass follows the helpers itself.
        if (!reached || reached.path === path) continue;
        context.report({
          path,
          range: call.range,
          messageId: 'helper',
          data: { handler: call.handler, helper: call.written ?? call.name, callee: reached.effect.what },
          related: [{ path: reached.path, range: reached.effect.range, message: l('요청 안에서 실행되는 학습', 'the training that runs inside the request') }],
        });
      }
    }
  },
  check(context) {
    const { model } = context;
    if (model.handlers.length === 0) return;
    const helpers = trainingHelpers(model);
    for (const call of model.calls) {
      // Names first: most calls are ruled out before the handler lookup.
      if (!call.callee || !call.inFunction || !(CANDIDATE.test(call.callee) || helpers.has(call.callee))) continue;
      const handler = model.enclosingHandler(call.node);
      if (!handler) continue;
      if (trains(model, call, handler)) {
        context.report({ node: call.node, messageId: 'direct', data: { handler: handler.name, callee: calleeText(call) } });
        continue;
      }
      const through = call.callee.includes('.') ? undefined : helpers.get(call.callee);
      if (through) context.report({ node: call.node, messageId: 'helper', data: { handler: handler.name, helper: call.callee, callee: through } });
    }
  },
});

function trains(model: PythonModel, call: CallInfo, handler: HandlerInfo | undefined): boolean {
  const callee = call.callee!;
  const args = call.node.childForFieldName('arguments');
  // PIL's `ImageOps.fit(image, size)` crops an image.
  if (FIT.test(callee)) return (args?.namedChildren.length ?? 0) > 0 && !/^PIL\.|(^|\.)ImageOps\.fit$/.test(callee);
  if (!TRAIN.test(callee)) return /^subprocess\.(run|call|check_call|Popen)$/.test(callee) && /\btrain\w*\.py\b/.test(args?.text ?? '');
  // `trainer.train()` of a Hugging Face Trainer, or a custom `.train()` on a route about training.
  if (/(^|\.)transformers\.\w*Trainer\.train$/.test(callee) || /trainer$/i.test(receiver(call.node))) return true;
  // `recommender.train(pairs, ratings)`: a custom model's train method given the data. Torch's
  // `module.train()` / `module.train(False)` switches a mode and takes at most a boolean.
  if (receiver(call.node) !== '' && givenData(args)) return true;
  // A method on an object (`registered.train()`); an imported function's body is not visible here.
  return handler !== undefined && receiver(call.node) !== '' && routeWords(handler).some((w) => TRAINING_WORD.test(w));
}

/** The call passes data: a positional argument that is not a True/False/None literal. */
function givenData(args: Node | null | undefined): boolean {
  return (args?.namedChildren ?? []).some((arg) => arg.type !== 'keyword_argument' && arg.type !== 'comment' && !/^(true|false|none)$/.test(arg.type));
}

/** The words of a handler's route and name, camel case split: `ModelTrain.post` gives model, train, post. */
function routeWords(handler: HandlerInfo): string[] {
  return `${handler.route ?? ''} ${handler.name}`
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
}

function receiver(call: Node): string {
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' ? (fn.childForFieldName('object')?.text ?? '') : '';
}

function calleeText(call: CallInfo): string {
  return call.node.childForFieldName('function')?.text ?? call.callee ?? '?';
}

/** Module-level functions of this file that fit a model (`def retrain(): model.fit(X, y)`), by name. */
function trainingHelpers(model: PythonModel): Map<string, string> {
  if (!/\.fit(_generator|_model)?\s*\(|trainer\.train\s*\(|\.(re)?train\s*\(\s*[^\s)]/i.test(model.source)) return new Map();
  return sameFileHelpers(model, model.calls, (call) => (call.callee && trains(model, call, undefined) ? calleeText(call) : undefined), false);
}
