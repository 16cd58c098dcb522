import { runWithoutParameters, unloggedHyperparameters } from '../../python/hyperparameters';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'hyperparameters-not-logged',
  language: 'python',
  category: 'reproducibility',
  // Info: the run is recorded; what is missing is the half that says how the model was made.
  severity: 'info',
  anchors: ['gap:hyperparameters-not-logged'],
  messages: {
    unlogged: l(
      '실험 추적기에 실행을 기록하면서, 코드에 숫자로 적힌 하이퍼파라미터({names})는 기록하지 않습니다 — 점수만 남고 그 점수를 만든 설정은 남지 않습니다',
      'The run is recorded in a tracker, but the hyper-parameters written as literals ({names}) are never logged — the score is kept, the settings that produced it are not',
    ),
    noParameters: l(
      '실험 추적기에 실행을 기록하지만 파라미터는 하나도 기록하지 않습니다 — 어떤 모델을 어떤 설정으로 학습했는지가 실행 기록에 남지 않습니다',
      'The run is recorded in a tracker, but not a single parameter is logged with it — which model was trained, and with which settings, is not in the run',
    ),
  },
  docs: {
    summary: l(
      'MLflow나 W&B로 실행을 기록하는 학습 스크립트에서, 모델·옵티마이저·학습 루프에 숫자(또는 kernel 같은 선택값)로 적힌 하이퍼파라미터가 log_param(s)에 없는 경우를 찾습니다 (autolog, get_params(), 설정 전체 기록, HF TrainingArguments는 괜찮습니다). 기본값이나 변수로 만든 모델로 점수를 기록하면서 파라미터를 하나도 기록하지 않는 실행(config 없는 wandb.init 포함)도 찾습니다.',
      'In training scripts that record runs with MLflow or W&B, flags hyper-parameters written as literals in a model, optimiser or training-loop call (learning rate, epochs, batch size, tree depth ...) that no log_param(s) call mentions; autologging, get_params(), a whole logged config and HF TrainingArguments are fine. Also flags a run that logs scores but not a single parameter (a model built with defaults or from variables, a wandb.init with no config).',
    ),
    why: l(
      '추적기의 목적은 "어떤 설정이 어떤 점수를 냈는지"를 비교하는 것입니다. 점수만 기록되고 설정이 코드 속 숫자로만 남으면, 코드를 고친 뒤에는 어느 실행이 어떤 값으로 학습했는지 알 수 없고, 좋은 모델을 다시 만들 수도 없습니다.',
      'A tracker exists to compare which settings produced which score. With the score logged and the settings left as numbers in the code, once the code changes nobody can tell which run trained with which values, nor rebuild the good model.',
    ),
    bad: 'import mlflow\nfrom sklearn.ensemble import RandomForestClassifier\n\nwith mlflow.start_run():\n    model = RandomForestClassifier(n_estimators=200, max_depth=8, random_state=0).fit(X_train, y_train)\n    mlflow.log_metric("accuracy", model.score(X_test, y_test))\n',
    good: 'import mlflow\nfrom sklearn.ensemble import RandomForestClassifier\n\nparams = {"n_estimators": 200, "max_depth": 8}\nwith mlflow.start_run():\n    # TODO: 어떤 값을 함께 남겨야 이 실행을 다시 만들 수 있을까요?\n    mlflow.log_params(params)\n    model = RandomForestClassifier(**params, random_state=0).fit(X_train, y_train)\n    mlflow.log_metric("accuracy", model.score(X_test, y_test))\n',
  },
  weeks: ['beginner/2', 'beginner/3'],
  questions: [
    l(
      '한 달 뒤 추적기에서 가장 좋은 실행을 찾았을 때, 그 실행의 {names|하이퍼파라미터} 값을 어떻게 알아내시겠어요?',
      'A month from now you find the best run in the tracker: how would you find out which {names|hyper-parameter} values it used?',
    ),
    l(
      '설정을 코드의 숫자 대신 한곳(설정 파일, 딕셔너리, 명령줄 인자)에 모으면 기록하기가 어떻게 쉬워질까요?',
      'If the settings lived in one place (a config file, a dict, command-line arguments) instead of numbers in calls, how would logging them get easier?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 하이퍼파라미터를 실행과 함께 기록하기\n# 고려사항:\n# - 어떤 값이 모델을 바꾸나요? (학습률, 에폭, 배치 크기, 트리 깊이 ...)\n# - 한곳(딕셔너리, 설정 파일)에 모아 두고 그대로 log_params에 넘길 수 있을까요?\n# - autolog가 이 라이브러리를 지원하나요?\n# TODO: mlflow.log_params(...)\n',
    en: '# TODO: log the hyper-parameters with the run\n# Consider:\n# - which values change the model? (learning rate, epochs, batch size, tree depth ...)\n# - can they live in one dict or config file handed to log_params as is?\n# - does autolog support this library?\n# TODO: mlflow.log_params(...)\n',
  },
  check(context) {
    const found = unloggedHyperparameters(context.model);
    if (found) {
      context.report({ node: found.node, messageId: 'unlogged', data: { names: found.names.slice(0, 4).join(', ') } });
      return;
    }
    const bare = runWithoutParameters(context.model);
    if (bare) context.report({ node: bare, messageId: 'noParameters' });
  },
});
