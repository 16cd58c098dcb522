import { recordsRun, recordsScoresInWarehouse } from '../../python/artifacts';
import { keywordArgument, type CallInfo, type PythonModel } from '../../python/model';
import { firstTrainingCall, isTrainingScript, trainsOnlyWhenCalled } from '../../python/training';
import { l, nodeRange, pythonRule } from '../../rule';
import { isNotebookModel } from '../../python/notebooks';
import { stagedScripts } from '../../project/dvc-facts';

const TRACKERS = [
  'mlflow',
  'wandb',
  'neptune',
  'comet_ml',
  'clearml',
  'dvclive',
  'aim',
  'tensorboardX',
  'torch.utils.tensorboard',
  'tensorboard',
  'sacred',
  'guild',
  'polyaxon',
  'mlrun',
  'zenml',
  'kfp',
  // Metaflow stores every step's artifacts (models, scores, parameters) with the run that made them.
  'metaflow',
  'sagemaker.experiments',
  'azureml',
  'hydra',
];
/** Trackers that record only through calls into them (a run, a logger, a writer). */
const CALLED_TRACKERS = new Set(['mlflow', 'wandb', 'neptune', 'comet_ml', 'clearml', 'dvclive', 'aim', 'tensorboardX', 'torch.utils.tensorboard', 'tensorboard']);
/** Framework-level loggers and callbacks that record runs. */
const LOGGING_CALLS = /(^|\.)(TensorBoard|CSVLogger|TensorBoardLogger|CSVLogger|MLFlowLogger|WandbLogger|MLflowLoggerCallback|WandbLoggerCallback|log_metrics|log_metric)$/;

export default pythonRule({
  id: 'missing-experiment-tracking',
  language: 'python',
  category: 'observability',
  severity: 'info',
  anchors: ['mllint'],
  messages: {
    noTracking: l('학습 결과(파라미터, 지표, 모델)를 어디에도 기록하지 않습니다', 'The run records its parameters, metrics and model nowhere'),
    savedUntracked: l(
      '모델 파일은 저장하지만 파라미터와 지표는 어디에도 기록하지 않습니다 — 그 파일이 어떤 설정과 점수에서 나왔는지 알 수 없습니다',
      'The run saves the model file but records its parameters and metrics nowhere — nothing tells which settings and which score produced that file',
    ),
  },
  docs: {
    summary: l(
      'MLflow, W&B, DVCLive, TensorBoard 같은 실험 추적도, 지표 파일 저장도 없는 학습 스크립트를 찾습니다. 지표(metrics)를 선언한 DVC 파이프라인의 단계로 실행되는 스크립트는 파이프라인이 기록하므로, 점수를 데이터 웨어하우스의 지표 테이블에 쌓는 스크립트(to_gbq, insert_rows_json)는 그 테이블이 실행 기록이므로 알리지 않습니다.',
      'Flags training scripts with no experiment tracking (MLflow, W&B, DVCLive, TensorBoard...) and no metrics file. A script run as a stage of a DVC pipeline that declares metrics is recorded by the pipeline, and a script appending its scores to a metrics table in a warehouse (to_gbq, insert_rows_json) keeps its record there; both are left alone.',
    ),
    why: l(
      '어떤 데이터와 하이퍼파라미터로 어떤 점수가 나왔는지 남기지 않으면, 운영 중인 모델이 어떻게 만들어졌는지 설명할 수도, 더 나은 실험을 고를 수도 없습니다.',
      'Without a record of which data and hyper-parameters produced which score, you can neither explain the model in production nor pick the better experiment.',
    ),
    bad: 'from sklearn.linear_model import LogisticRegression\n\nmodel = LogisticRegression(C=0.5)\nmodel.fit(X_train, y_train)\nprint(model.score(X_val, y_val))\n',
    good: 'import mlflow\nfrom sklearn.linear_model import LogisticRegression\n\n# TODO: 어떤 파라미터와 지표를 남길까요? 데이터 버전은요?\nwith mlflow.start_run():\n    model = LogisticRegression(C=0.5)\n    model.fit(X_train, y_train)\n',
  },
  weeks: ['beginner/2', 'advanced/10'],
  questions: [
    l('지난주에 가장 좋았던 실험의 하이퍼파라미터를 지금 바로 말할 수 있나요?', 'Can you name the hyper-parameters of last week’s best experiment right now?'),
    l(
      '운영 중인 모델이 어떤 데이터, 코드 버전, 파라미터로 만들어졌는지 어떻게 추적하시겠어요?',
      'How would you trace which data, code version and parameters produced the model in production?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 실험 기록\n# 고려사항:\n# - 무엇을 남길까요? (하이퍼파라미터, 지표, 데이터 버전, git 커밋, 모델 파일)\n# - 어떤 도구를 쓸까요? (MLflow, W&B, DVC)\n# - 팀원이 같은 기록을 볼 수 있어야 하나요?\n# TODO: 학습 실행을 하나의 run으로 기록하기\n',
    en: '# TODO: record the experiment\n# Consider:\n# - what to keep? (hyper-parameters, metrics, data version, git commit, model file)\n# - which tool? (MLflow, W&B, DVC)\n# - should teammates see the same records?\n# TODO: record the training as one run\n',
  },
  check(context) {
    // A notebook saved as a script is an exploration, not the code that runs (see isNotebookExport).
    if (isNotebookModel(context.model)) return;
    const { model } = context;
    if (!isTrainingScript(model) || trainsOnlyWhenCalled(model)) return;
    // A tracking library counts when the script calls into it: `import mlflow` left over with no run, param or metric records nothing.
    // Orchestrators and config frameworks (hydra, zenml, kfp ...) wire tracking up through decorators and stay trusted on import.
    if (TRACKERS.some((m) => model.importsModule(m) && (!CALLED_TRACKERS.has(m) || model.calls.some((c) => c.callee === m || c.callee?.startsWith(`${m}.`))))) return;
    // Metrics or metadata written beside the model (a metrics.json, a bundle with its scores) are a
    // record of the run, if not a tracker's: "recorded nowhere" would be wrong.
    if (recordsRun(model) || recordsScoresInWarehouse(model)) return;
    for (const call of model.calls) {
      const callee = call.callee ?? '';
      if (LOGGING_CALLS.test(callee) || /^(json|yaml)\.dump$/.test(callee)) return;
      // Lightning's Trainer logs to lightning_logs/ and HF's Trainer to the installed integrations by default.
      if (/^(pytorch_lightning|lightning|transformers|trl)(\.\w+)*\.(Trainer|Seq2SeqTrainer|SFTTrainer)$/.test(callee)) return;
      // HF TrainingArguments(report_to=...) and Lightning Trainer(logger=...) configure tracking.
      const reportTo = keywordArgument(call.node, 'report_to') ?? keywordArgument(call.node, 'logger');
      if (reportTo && !/^(None|False|\[\]|['"]none['"])$/.test(reportTo.text)) return;
    }
    const at = firstTrainingCall(model);
    if (!at) return;
    // Reviewers mark the training call or the score printed and lost; the squiggle is the first, the second goes with it.
    const score = scoreSite(model, at);
    const related = score && score.node.startPosition.row !== at.node.startPosition.row ? [{ range: nodeRange(score.node), message: SCORE_SITE }] : undefined;
    // A script that dumps the model has kept the model; what is lost is which run produced it.
    const saves = model.calls.some((c) => SAVES_MODEL.test(c.callee ?? ''));
    context.report({ node: at.node, messageId: saves ? 'savedUntracked' : 'noTracking', related });
  },
  // A stage of a DVC pipeline that declares metrics is tracked by the pipeline: dvc.lock records
  // the data, code and parameters of each run, and the metrics stage its scores (dvc exp show).
  project(context) {
    for (const { path, pipeline } of stagedScripts(context.view.files)) {
      if (pipeline.some((stage) => (stage.metrics ?? []).length > 0)) context.withdraw(path);
    }
  },
});

/** Calls that write a fitted model to a file (joblib/pickle dumps, framework savers). */
const SAVES_MODEL = /^(joblib|pickle|cloudpickle|dill)\.dump$|\.(save_model|save_pretrained|save_weights)$|^(?!numpy\.|PIL\.)[\w.]*\bsave$/;

const SCORE_SITE = l('기록되지 않고 사라지는 점수', 'the score that is printed and lost');
/** A metric function or method (`accuracy_score`, `mean_squared_error`, `model.score`, `model.evaluate`). */
const METRIC_CALL = /(^|\.)(\w+_score|\w*_error|classification_report|score|evaluate(_generator)?)$/;
/** A print or log line about a score. */
const SCORE_WORDS = /\b(acc(uracy)?|score|mse|rmse|mae|r2|auc|f1|loss|precision|recall|metrics?)\b/i;

/** After the training call: the first print or log line of a score, else the first metric computed. */
function scoreSite(model: PythonModel, after: CallInfo): CallInfo | undefined {
  let computed: CallInfo | undefined;
  for (const call of model.calls) {
    if (call.node.startIndex <= after.node.startIndex) continue;
    const callee = call.callee ?? '';
    if ((callee === 'print' || /(^|\.)(info|warning)$/.test(callee)) && SCORE_WORDS.test(call.node.text)) return call;
    if (!computed && METRIC_CALL.test(callee)) computed = call;
  }
  return computed;
}
