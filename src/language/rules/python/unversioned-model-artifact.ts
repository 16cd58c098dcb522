import { MODEL_WRITERS, unrecordedModelWrites } from '../../python/artifacts';
import { l, pythonRule } from '../../rule';
import { isNotebookModel } from '../../python/notebooks';

export default pythonRule({
  id: 'unversioned-model-artifact',
  language: 'python',
  category: 'reproducibility',
  // Info: the model is saved and works; what is missing is the trace from the file back to the
  // run, data and score that produced it, which matters once there is more than one model.
  severity: 'info',
  anchors: ['mllint:version-control/code/git', 'gap:unversioned-model-artifact'],
  callees: MODEL_WRITERS,
  messages: {
    overwritten: l(
      "학습한 모델을 고정된 경로('{path}')에 덮어쓰고, 옆에 버전·데이터·점수 기록이 없습니다 — 지금 서빙되는 파일이 어느 실행에서 나왔는지 알 수 없습니다",
      "The trained model is written over a fixed path ('{path}') with no version, data or score recorded beside it — nobody can tell which run produced the file being served",
    ),
  },
  docs: {
    summary: l(
      '학습 스크립트가 모델을 매번 같은 경로에 덮어쓰면서 버전, 실행 ID, 지표 같은 기록을 남기지 않는 경우를 찾습니다 (MLflow 로그, 메타데이터·지표 파일, 버전이 들어간 경로가 있으면 괜찮습니다).',
      'Flags training scripts that write the model over the same fixed path on every run with nothing beside it (no version, run id or metrics); an MLflow artifact, a metadata or metrics file, or a versioned path is fine.',
    ),
    why: l(
      "'model.pkl'을 매번 덮어쓰면 어제 모델과 오늘 모델을 구분할 수 없습니다. 서빙 중인 모델이 이상할 때 어떤 코드, 데이터, 하이퍼파라미터로 만들어졌는지, 점수가 얼마였는지 거슬러 올라갈 수 없고, 이전 모델로 되돌릴 수도 없습니다.",
      "Overwriting 'model.pkl' on every run erases the difference between yesterday's model and today's. When the served model misbehaves you cannot trace it back to the code, data, hyper-parameters and score that produced it, nor roll back to the previous one.",
    ),
    bad: 'import joblib\nfrom sklearn.linear_model import LogisticRegression\n\nmodel = LogisticRegression().fit(X_train, y_train)\njoblib.dump(model, "model.pkl")\n',
    good: 'import joblib\nfrom sklearn.linear_model import LogisticRegression\n\nmodel = LogisticRegression().fit(X_train, y_train)\n# TODO: 이 파일 옆에 무엇을 남길까요? (버전, 학습 데이터, 점수, 커밋)\njoblib.dump(model, f"models/model-{run_id}.pkl")\n',
  },
  weeks: ['beginner/3', 'beginner/2'],
  questions: [
    l(
      "'{path|이 파일}'이 내일 다시 덮어써진 뒤에 오늘 모델로 되돌려야 한다면 어떻게 하시겠어요?",
      "If '{path|this file}' is overwritten tomorrow and you need today's model back, how would you get it?",
    ),
    l(
      '서빙 중인 모델 파일만 보고, 그 모델의 학습 데이터와 점수를 알아낼 수 있나요? 무엇이 옆에 있어야 할까요?',
      'Looking only at the served model file, can you find the data it learned from and the score it reached? What would need to sit beside it?',
    ),
    l(
      '이미 MLflow나 DVC 같은 도구가 있다면, 이 파일을 그 기록과 어떻게 연결할 수 있을까요?',
      'If a tool such as MLflow or DVC is already in the project, how could this file be tied to its record?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 모델 파일에 출처 남기기\n# 고려사항:\n# - 경로에 버전이나 실행 ID를 넣을까요, 레지스트리에 등록할까요?\n# - 옆에 남길 메타데이터: 학습 데이터 버전, 하이퍼파라미터, 점수, 커밋\n# - 이전 모델로 되돌리려면 무엇이 남아 있어야 할까요?\n# TODO: 저장하는 코드 옆에 메타데이터 기록 추가\n',
    en: '# TODO: give the model file a provenance\n# Consider:\n# - a version or run id in the path, or a registry entry?\n# - metadata to keep beside it: data version, hyper-parameters, score, commit\n# - what must remain to roll back to the previous model?\n# TODO: write the metadata next to the code that saves the model\n',
  },
  check(context) {
    // A notebook saved as a script is an exploration, not the code that runs (see isNotebookExport).
    if (isNotebookModel(context.model)) return;
    // One finding per script, at its first model file: the lesson is the same for every file it writes.
    const [first] = unrecordedModelWrites(context.model, context.calls);
    if (first) context.report({ node: first.node, messageId: 'overwritten', data: { path: first.name } });
  },
  project(context) {
    // A DVC pipeline versions its outputs (dvc.lock keeps each one's hash): the files it writes are not loose.
    if (![...context.view.files.keys()].some((path) => /(^|[\\/])dvc\.yaml$/.test(path))) return;
    for (const [path, facts] of context.view.python) for (const line of facts.modelWrites ?? []) context.withdraw(path, line);
  },
});
