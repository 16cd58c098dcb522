import { servicesImporting } from '../../project/apps';
import { calledEffect, projectFunction } from '../../project/effects';
import type { FunctionFact } from '../../project/facts';
import type { ProjectView } from '../../project/index';
import { importTimeTraining } from '../../python/training';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'model-trained-at-import',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:training-at-import'],
  messages: {
    service: l(
      '이 서비스 모듈은 import될 때 모델을 학습합니다({call}) — 워커·복제본·재시작마다 다시 학습하고, 학습이 끝날 때까지 요청을 받지 못하며, 실패하면 서비스가 뜨지 않습니다',
      'This service module trains a model when it is imported ({call}) — every worker, replica and restart trains again, serves nothing until training ends, and fails to start when training fails',
    ),
    startup: l(
      "이 서비스는 시작 훅 '{hook}'에서 모델을 학습합니다({call}) — 워커·복제본·재시작마다 다시 학습하고, 학습이 끝날 때까지 요청을 받지 못하며, 실패하면 서비스가 뜨지 않습니다",
      "This service trains a model in its start-up hook '{hook}' ({call}) — every worker, replica and restart trains again, serves nothing until training ends, and fails to start when training fails",
    ),
    imported: l(
      "'{service}'가 import하는 이 모듈은 최상위에서 모델을 학습합니다({call}) — 서비스가 시작할 때마다(워커·복제본마다) 학습이 다시 돌고, 그동안 요청을 받지 못합니다",
      "This module, which '{service}' imports, trains a model at its top level ({call}) — the training runs again at every start of the service (in every worker and replica), and nothing is served meanwhile",
    ),
  },
  docs: {
    summary: l(
      '요청을 처리하는 모듈(핸들러나 앱 객체가 있는 파일)이 최상위나 시작 훅(`on_event("startup")`, `lifespan`, `before_first_request`)에서 모델을 학습하는 곳(`.fit(`, 트레이너의 `.train()`, 이 파일이나 프로젝트의 다른 모듈에서 학습하는 함수·메서드 호출)을 찾고, 여러 파일에 걸쳐서는 서비스가 import하는 모듈이 최상위에서 학습하는 곳을 찾습니다. `__main__` 블록 안, 그 밖의 함수·클래스 안, 임의로 만든 데이터(`np.random`, 리터럴 배열)에 맞춘 자리표시 모델은 제외합니다.',
      'Flags a module that serves requests (a file with handlers or an app object) and trains a model at its top level or in a start-up hook (`on_event("startup")`, `lifespan`, `before_first_request`): `.fit(`, a trainer\'s `.train()`, or a call of a function or method that trains, in this file or another module of the project; and, across files, a module a service imports that trains at its top level. Training under `__main__`, inside other functions or classes, and a placeholder fitted on made-up data (`np.random`, a literal array) are left alone.',
    ),
    why: l(
      'import 시점의 학습은 서비스가 시작할 때마다 돕니다. gunicorn 워커 4개와 복제본 3개면 같은 학습이 12번 돌고, 그동안 헬스 체크와 요청은 기다리며, 데이터나 라이브러리 문제로 학습이 실패하면 서비스가 아예 뜨지 않습니다. 각 프로세스가 조금씩 다른 모델을 서빙할 수도 있고, 어떤 모델이 서빙되는지 기록도 남지 않습니다. 학습은 별도 작업으로 돌려 저장·버전 관리하고, 서비스는 그 결과물을 읽기만 해야 합니다.',
      'Training at import runs at every start of the service. With four gunicorn workers and three replicas the same training runs twelve times, health checks and requests wait meanwhile, and when the data or a library breaks training the service does not start at all. Each process may serve a slightly different model, and nothing records which one is served. Training belongs in a separate job that saves and versions the model; the service only loads the artifact.',
    ),
    bad: "from fastapi import FastAPI\nfrom sklearn.datasets import load_iris\nfrom sklearn.ensemble import RandomForestClassifier\n\napp = FastAPI()\nX, y = load_iris(return_X_y=True)\nmodel = RandomForestClassifier(random_state=0)\nmodel.fit(X, y)\n\n@app.post('/predict')\ndef predict(features: list[float]):\n    return {'label': int(model.predict([features])[0])}\n",
    good: "import joblib\nfrom fastapi import FastAPI\n\napp = FastAPI()\n# TODO: 학습은 어디서 돌고, 서비스는 어떤 버전의 모델을 읽어야 할까요?\nmodel = joblib.load('models/iris-v3.joblib')\n\n@app.post('/predict')\ndef predict(features: list[float]):\n    return {'label': int(model.predict([features])[0])}\n",
  },
  weeks: ['beginner/5', 'intermediate/3'],
  questions: [
    l(
      '이 서비스를 워커 4개로 띄우면 {call}은 몇 번 실행될까요? 그동안 들어온 요청과 헬스 체크는 어떻게 될까요?',
      'When this service starts with four workers, how many times does {call} run? What happens to requests and health checks meanwhile?',
    ),
    l('학습 데이터를 읽지 못하거나 학습이 실패하면, 서비스는 어떤 상태로 남을까요?', 'If the training data cannot be read or training fails, what state is the service left in?'),
    l(
      '지금 서빙 중인 모델이 어떤 데이터와 설정으로 학습되었는지 나중에 어떻게 알 수 있을까요?',
      'How would you find out later which data and settings produced the model being served right now?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 학습과 서빙을 분리하기\n# 고려사항:\n# - 학습은 별도 스크립트·작업(CI, 파이프라인)에서 돌리고 결과를 저장할 곳은?\n# - 서비스는 어떤 경로·버전의 모델 파일을 읽을까요?\n# - 모델 파일이 없을 때 서비스는 시작을 멈출까요, 준비되지 않았다고 알릴까요?\n# TODO: model = load(...)  # 학습 대신 저장된 모델 읽기\n',
    en: '# TODO: separate training from serving\n# Consider:\n# - which script or job (CI, a pipeline) trains, and where does it save the model?\n# - which path and version of the model file does the service load?\n# - when the model file is missing, should the service refuse to start or report not-ready?\n# TODO: model = load(...)  # load the saved model instead of training\n',
  },
  check(context) {
    const { model } = context;
    if (model.role !== 'serving') return;
    const found = importTimeTraining(model);
    if (found) context.report({ range: found.range, messageId: found.hook ? 'startup' : 'service', data: { call: found.what, hook: found.hook ?? '' } });
  },
  // A module a service imports trains at its top level: the import runs the training.
  project(context) {
    const { view } = context;
    const importedBy = servicesImporting(view.python, view.modules, { topLevelOnly: true });
    // One training site is one lesson: several entry points (a Flask, a Falcon and a Sanic app)
    // constructing the same self-training model are reported once.
    const reported = new Set<string>();
    for (const [path, facts] of view.python) {
      // The service itself calls a trainer another module defines (`trainer.train()`, `train_model()`),
      // or a loader that trains when the model file is missing (`load_model()`).
      for (const call of facts.importTrainerCalls ?? []) {
        const reached = calledEffect(view, path, call.name, 'trains');
        if (!reached) continue;
        const site = `${reached.path}:${reached.effect.range.start.line}`;
        if (reported.has(site)) break;
        reported.add(site);
        const step = stepToTraining(view, path, call.name);
        context.report({
          path,
          range: call.range,
          messageId: call.hook ? 'startup' : 'service',
          data: { call: `${call.name}()`, hook: call.hook ?? '' },
          related: [
            ...(step ? [{ path: step.path, range: step.range, message: l('학습으로 이어지는 호출', 'the call that leads to training') }] : []),
            { path: reached.path, range: reached.effect.range, message: l('학습이 일어나는 곳', 'where the training happens') },
          ],
        });
        break;
      }
      const service = importedBy.get(path);
      if (!service || !facts.importTraining) continue;
      context.report({
        path,
        range: facts.importTraining.range,
        messageId: 'imported',
        data: { call: facts.importTraining.what, service: service.slice(service.lastIndexOf('/') + 1) },
      });
    }
  },
});

/**
 * The call that hands over to the function that trains, at the end of the chain the service
 * starts: the `train_and_save_model()` of a loader that trains when its file is missing, the
 * `self.train()` of a model class's constructor. Reviewers point at it.
 */
function stepToTraining(view: ProjectView, from: string, name: string): { path: string; range: NonNullable<FunctionCall['range']> } | undefined {
  let current = projectFunction(view, from, name);
  let step: { path: string; range: NonNullable<FunctionCall['range']> } | undefined;
  for (let depth = 0; current && !current.fn.trains && depth < 8; depth++) {
    const here: { path: string; fn: FunctionFact } = current;
    const next = here.fn.calls.find((call) => call.range && calledEffect(view, here.path, call.name, 'trains'));
    if (!next?.range) return step;
    step = { path: here.path, range: next.range };
    current = projectFunction(view, here.path, next.name);
  }
  return step;
}

type FunctionCall = FunctionFact['calls'][number];
