import { ungatedDeployStep } from '../../python/pipeline-steps';
import { printOnlyGate, ungatedPromotion } from '../../python/promotion';
import { scheduledRetrain } from '../../python/scheduled-training';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'model-promoted-without-gate',
  language: 'python',
  category: 'delivery',
  // A warning: nothing breaks today, but the first worse retrain replaces a better model unnoticed.
  severity: 'warning',
  anchors: ['gap:model-promoted-without-gate'],
  messages: {
    stage: l(
      '새로 학습한 모델을 점수 기준이나 현재 모델과의 비교 없이 서빙 단계(Production/Staging)로 올립니다 — 더 나쁜 모델도 그대로 배포됩니다',
      'The freshly trained model is moved to a serving stage (Production/Staging) with no threshold and no comparison with the current model — a worse model ships just the same',
    ),
    alias: l(
      '새로 학습한 모델에 점수 확인 없이 서빙용 별칭을 붙입니다 — 더 나쁜 모델도 바로 서빙됩니다',
      'The freshly trained model gets the serving alias with no check of its score — a worse model is served at once',
    ),
    register: l(
      '학습할 때마다 평가 기준 없이 새 모델 버전을 등록합니다 — 레지스트리에는 아무도 판단하지 않은 버전이 쌓이고, 최신 버전을 쓰는 쪽은 그대로 받습니다',
      'Every training run registers a new model version with no quality check — the registry fills with versions nobody judged, and whatever reads the newest one takes it',
    ),
    store: l(
      '학습할 때마다 모델 저장소에 새 "latest"를 남기는데, 점수 기준이나 현재 모델과의 비교가 없습니다 — 더 나쁜 모델이 서빙됩니다',
      'Every run stores a new "latest" model with no threshold or comparison with the current one — a worse model becomes the served one',
    ),
    deploy: l(
      '모델을 관리형 엔드포인트(SageMaker, Vertex AI, Azure ML)에 배포하는데, 스크립트 어디에도 점수 기준이나 지금 서빙 중인 모델과의 비교가 없습니다 — 어떤 모델이든 호출이 끝나는 순간 사용자에게 답합니다',
      'The model is deployed to a managed endpoint (SageMaker, Vertex AI, Azure ML) with no threshold and no comparison with the model in service anywhere in the script — whatever model it is answers users as soon as the call returns',
    ),
    printOnly: l(
      '점수 기준을 확인하지만 통과하든 못 하든 출력만 하고 정상 종료(0)합니다 — 어떤 파이프라인도 이 검사에서 멈출 수 없습니다',
      'The score is checked against a threshold, but both outcomes only print and the script exits 0 either way — no pipeline can stop on this check',
    ),
    overwrite: l(
      '재학습한 모델이 서빙 중인 모델 파일을 평가나 현재 모델과의 비교 없이 덮어씁니다',
      'The retrained model overwrites the served model file with no evaluation and no comparison with the current model',
    ),
    deployStep: l(
      '파이프라인이 학습 단계에서 곧바로 배포(서빙) 단계로 넘어갑니다 — 사이에 새 모델을 평가하거나 기준·현재 모델과 비교해 멈출 수 있는 단계가 없습니다',
      'The pipeline goes from the training step straight to the deploy (serve) step — no step in between evaluates the new model or compares it with a bar or the current model, so nothing can stop a worse one',
    ),
    scheduled: l(
      '예약 실행(Airflow DAG, Prefect 배포)이 모델을 정기적으로 다시 학습하는데, 새 모델을 평가하거나 현재 모델과 비교하는 단계가 없습니다 — 매번 판단 없이 새 모델이 자리를 차지합니다',
      'A scheduled run (an Airflow DAG, a Prefect deployment) retrains the model on a timetable with no step that evaluates it or compares it with the current one — every run replaces the model unjudged',
    ),
  },
  docs: {
    summary: l(
      '학습·재학습 스크립트가 모델을 서빙되는 자리로 올리는데(레지스트리의 Production/Staging 단계나 champion 별칭, 학습마다의 버전 등록(스크립트가 이름을 직접 적은 `log_model(registered_model_name=...)` 포함), BentoML 저장소의 latest, SageMaker·Vertex AI·Azure ML 엔드포인트 배포(`estimator.deploy(initial_instance_count=...)`, `model.deploy(endpoint=..., machine_type=...)`, `mlflow.azureml.deploy`), 재학습 스크립트나 워커의 요청형 학습 작업이 덮어쓰는 모델 파일 — 호출, 매개변수 기본값, 모듈 상수에 적힌 경로) 스크립트 어디에도 점수 기준이나 현재 모델과의 비교가 없는 경우, 기준 검사의 통과·실패 분기가 모두 출력만 해서 어느 쪽이든 정상 종료하는 평가 스크립트, 평가 단계 없이 학습을 정기 실행하는 Airflow DAG와 Prefect 배포, 그리고 학습 단계 뒤에 평가 단계 없이 배포·서빙 단계가 오는 파이프라인(Airflow, Prefect, ZenML, Kubeflow)을 찾습니다.',
      'Flags training and retraining scripts that make a fresh model the served one (a Production/Staging stage or a champion alias in the registry, a version registered on every run, also by `log_model(registered_model_name="...")` with a name the script writes down, the newest tag in a BentoML store, a deployment to a SageMaker, Vertex AI or Azure ML endpoint (`estimator.deploy(initial_instance_count=...)`, `model.deploy(endpoint=..., machine_type=...)`, `mlflow.azureml.deploy`), the model file a retrain script or an on-demand training task of a worker overwrites, named in the call, a parameter default or a module constant) with no threshold and no comparison with the current model anywhere in the script; evaluation checks whose pass and fail branches both only print, so the script exits 0 either way; Airflow DAGs and Prefect deployments that run training on a schedule with no step that evaluates the model; and pipelines (Airflow, Prefect, ZenML, Kubeflow) whose deploy or serve step follows training with no evaluation step between.',
    ),
    why: l(
      '재학습은 데이터가 바뀌면 더 나쁜 모델을 만들 수 있습니다. 기준 없이 올리면 그 모델이 바로 사용자에게 답하고, 이전 모델은 덮어써지거나 보관 처리되어 되돌리기도 어렵습니다. 배포 파이프라인이 멈출 수 있는 지점(점수 기준, 현재 모델과의 비교)이 승격 바로 앞에 있어야 합니다.',
      'A retrain on changed data can produce a worse model. Promoted with no gate, that model answers users at once, and the previous one is overwritten or archived, so rolling back is hard. The pipeline needs a point where it can stop — a threshold, a comparison with the current model — right before the promotion.',
    ),
    bad: 'import mlflow\nfrom mlflow import MlflowClient\nfrom sklearn.linear_model import LogisticRegression\n\nwith mlflow.start_run() as run:\n    model = LogisticRegression().fit(X_train, y_train)\n    mlflow.sklearn.log_model(model, "model")\n    mv = mlflow.register_model(f"runs:/{run.info.run_id}/model", "churn")\n    MlflowClient().transition_model_version_stage("churn", mv.version, stage="Production")\n',
    good: 'import mlflow\nfrom mlflow import MlflowClient\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.metrics import f1_score\n\nwith mlflow.start_run() as run:\n    model = LogisticRegression().fit(X_train, y_train)\n    score = f1_score(y_test, model.predict(X_test))\n    mlflow.sklearn.log_model(model, "model")\n    # TODO: 현재 Production 모델의 점수는 어디서 가져올까요?\n    if score >= MIN_F1:\n        mv = mlflow.register_model(f"runs:/{run.info.run_id}/model", "churn")\n        MlflowClient().transition_model_version_stage("churn", mv.version, stage="Production")\n',
  },
  weeks: ['beginner/4', 'intermediate/7'],
  questions: [
    l(
      '다음 재학습이 지금 모델보다 나쁜 모델을 만든다면, 이 스크립트의 어느 지점에서 그걸 알아채고 멈출 수 있나요?',
      'If the next retrain produces a worse model than the current one, where in this script would that be noticed and stopped?',
    ),
    l(
      '새 모델이 "충분히 좋다"는 기준은 무엇인가요? 고정된 점수일까요, 지금 서빙 중인 모델과의 비교일까요?',
      'What makes a new model "good enough" — a fixed score, or beating the model being served now?',
    ),
    l('승격한 뒤에 문제가 생기면 이전 모델로 어떻게 되돌리시겠어요?', 'If the promoted model misbehaves, how would you get the previous one back?'),
  ],
  scaffold: {
    ko: '# TODO: 승격 앞에 품질 관문 두기\n# 고려사항:\n# - 보지 못한 데이터에서의 점수를 어떤 기준과 비교할까요? (고정 기준, 현재 모델)\n# - 기준에 못 미치면 파이프라인이 멈추도록 (raise, sys.exit(1))\n# - 이전 모델은 어디에 남겨 둘까요?\n# TODO: 통과했을 때만 등록·승격·덮어쓰기\n',
    en: '# TODO: put a quality gate before the promotion\n# Consider:\n# - compare the held-out score with what? (a fixed bar, the current model)\n# - make the pipeline stop when it falls short (raise, sys.exit(1))\n# - where does the previous model stay?\n# TODO: register, promote or overwrite only when it passes\n',
  },
  check(context) {
    const found = ungatedPromotion(context.model);
    if (found) context.report({ node: found.node, messageId: found.kind });
    const retrain = found ? undefined : scheduledRetrain(context.model);
    if (retrain) context.report({ node: retrain, messageId: 'scheduled' });
    const deploy = found || retrain ? undefined : ungatedDeployStep(context.model);
    if (deploy) context.report({ node: deploy, messageId: 'deployStep' });
    const check = printOnlyGate(context.model);
    if (check) context.report({ node: check, messageId: 'printOnly' });
  },
});
