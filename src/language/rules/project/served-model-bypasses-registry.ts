import type { PythonFacts } from '../../project/facts';
import { l, projectRule } from '../../rule';

/** A file that talks to MLflow: the project records its runs and models there. */
function usesMlflow(facts: PythonFacts): boolean {
  return facts.imports.some((fact) => fact.module === 'mlflow' || fact.module.startsWith('mlflow.'));
}

export default projectRule({
  scope: 'project',
  id: 'served-model-bypasses-registry',
  language: 'python',
  category: 'reproducibility',
  // Info: the service works; what is lost is the link from the served model to its run.
  severity: 'info',
  anchors: ['gap:served-model-bypasses-registry'],
  messages: {
    looseFile: l(
      "프로젝트는 MLflow로 실행과 모델을 기록하는데, 서비스는 로컬 파일('{name}')에서 모델을 읽습니다 — 지금 서빙되는 모델이 어느 실행·버전인지 아무것도 말해 주지 않습니다",
      "The project records runs and models in MLflow, but the service loads its model from a local file ('{name}') — nothing says which run or version is being served",
    ),
  },
  docs: {
    summary: l(
      'MLflow를 쓰는 프로젝트에서, 서비스가 레지스트리나 실행(models:/, runs:/) 대신 로컬 파일(joblib, pickle, load_model)에서 모델을 읽는 경우를 찾습니다.',
      'In projects that use MLflow, flags services that load their model from a local file (joblib, pickle, load_model) instead of the registry or a run (models:/, runs:/).',
    ),
    why: l(
      '학습 기록은 MLflow에 있는데 서빙은 손으로 복사한 파일을 쓰면, 둘을 잇는 고리가 끊깁니다. 어떤 데이터·파라미터·점수의 모델이 배포되었는지 알 수 없고, 레지스트리의 단계(Staging/Production)나 별칭으로 승격·롤백할 수도 없습니다.',
      'With training recorded in MLflow but serving reading a hand-copied file, the link between the two is gone: nobody can tell which data, parameters and score the deployed model has, and promotion or rollback through registry stages or aliases is impossible.',
    ),
    bad: "# --- train.py ---\nimport mlflow\n\nwith mlflow.start_run():\n    mlflow.sklearn.log_model(model, 'model')\n# --- app.py ---\nimport joblib\nfrom flask import Flask\n\napp = Flask(__name__)\nmodel = joblib.load('model.joblib')\n\n@app.route('/health')\ndef health():\n    return 'ok'\n",
    good: "# --- train.py ---\nimport mlflow\n\nwith mlflow.start_run():\n    mlflow.sklearn.log_model(model, 'model', registered_model_name='churn')\n# --- app.py ---\nimport mlflow\nfrom flask import Flask\n\napp = Flask(__name__)\n# TODO: 어떤 버전(또는 별칭)을 서빙할지 설정에서 받기\nmodel = mlflow.pyfunc.load_model('models:/churn@champion')\n\n@app.route('/health')\ndef health():\n    return 'ok'\n",
  },
  weeks: ['beginner/2', 'beginner/5'],
  questions: [
    l(
      "지금 서빙 중인 '{name|모델 파일}'이 MLflow의 어느 실행에서 나왔는지 어떻게 확인하시겠어요?",
      "How would you find which MLflow run the '{name|model file}' being served came from?",
    ),
    l(
      '새 모델이 나빠서 이전 버전으로 되돌려야 한다면, 지금 구조에서는 무엇을 해야 하나요?',
      'If a new model turns out worse and you must roll back, what would that take with the current setup?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 서빙할 모델을 레지스트리에서 가져오기\n# 고려사항:\n# - 학습에서 모델을 등록하나요? (registered_model_name)\n# - 서비스는 버전, 단계, 별칭 중 무엇으로 모델을 고를까요?\n# - 그 값은 코드가 아닌 설정(환경 변수)에서 받나요?\n# TODO: 로컬 파일 대신 models:/ URI로 로드\n',
    en: '# TODO: take the served model from the registry\n# Consider:\n# - does training register the model? (registered_model_name)\n# - does the service choose by version, stage or alias?\n# - does that choice come from configuration (an environment variable), not code?\n# TODO: load from a models:/ URI instead of a local file\n',
  },
  project(context) {
    const python = [...context.view.python.values()];
    if (!python.some(usesMlflow)) return;
    // A service elsewhere in the project already loads from MLflow: this one is a deliberate
    // alternative (a course's "before" and "after"), not a lost link.
    if (python.some((facts) => usesMlflow(facts) && (facts.routes.length > 0 || facts.objects.length > 0))) return;
    for (const [path, facts] of context.view.python) {
      const [first] = facts.modelLoads ?? [];
      if (!first) continue;
      context.report({
        path,
        range: { start: { line: first.line, column: 0 }, end: { line: first.line, column: 0 } },
        messageId: 'looseFile',
        data: { name: first.name },
      });
    }
  },
});
