import type { MlflowName, MlflowNameKind } from '../../python/mlflow-names';
import { l, projectRule } from '../../rule';
import { editDistance } from '../../spelling';

/**
 * Training registers `IrisRFModel`, the service loads `models:/iris_rf_model/1`: the name is
 * written twice by hand and the two spellings drifted. The per-file facts hold the names each
 * module writes and reads (python/mlflow-names.ts); the project pass compares them. Only a
 * near miss is reported (the same name in another case or separator, or one or two letters
 * apart): a name nothing in the project resembles may come from a notebook or another repository,
 * and a name written through a variable makes every comparison of its kind uncertain.
 */

/** Lower case, letters and digits only: `Iris-RF_Model` and `iris_rf_model` are one name. */
function folded(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** `read` is a spelling of `written`: equal once folded, or (for names of 6+ letters) one or two edits apart. */
export function nearMiss(read: string, written: string): boolean {
  if (read === written) return false;
  const a = folded(read);
  const b = folded(written);
  if (a === b) return true;
  // Version-like suffixes (`model_v2` against `model_v1`) are different models, not typos.
  if (/\d$/.test(read) && /\d$/.test(written)) return false;
  return Math.min(a.length, b.length) >= 6 && editDistance(a, b, { limit: 2 }) <= 2;
}

export default projectRule({
  scope: 'project',
  id: 'mlflow-name-mismatch',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:mlflow-name-mismatch'],
  messages: {
    model: l(
      "등록된 모델 '{read}'를 읽지만, 프로젝트는 모델을 '{written}'({file})로 등록합니다 — 이름이 맞지 않으면 로드는 RESOURCE_DOES_NOT_EXIST로 실패합니다",
      "This reads the registered model '{read}', but the project registers it as '{written}' ({file}) — with the names apart, the load fails with RESOURCE_DOES_NOT_EXIST",
    ),
    experiment: l(
      "실험 '{read}'를 찾지만, 프로젝트는 실험을 '{written}'({file})로 만듭니다 — 이 조회는 아무 실행도 찾지 못합니다",
      "This looks up the experiment '{read}', but the project creates it as '{written}' ({file}) — the lookup finds no runs",
    ),
  },
  docs: {
    summary: l(
      'MLflow에서 읽는 등록 모델 이름(`models:/NAME/...`, `get_latest_versions(NAME)`)이나 실험 이름(`get_experiment_by_name`, `search_runs(experiment_names=)`)이, 프로젝트가 등록하거나 만드는 이름(`registered_model_name=`, `register_model`, `set_experiment`)과 대소문자·구분자만 다르거나 한두 글자 다른 경우를 찾습니다. 이름이 변수나 환경 변수에서 오면, 그리고 프로젝트 안의 어떤 이름과도 닮지 않은 이름(노트북이나 다른 저장소에서 등록했을 수 있음)은 판단하지 않습니다.',
      'Flags an MLflow registered model name read by the code (`models:/NAME/...`, `get_latest_versions(NAME)`) or an experiment name looked up (`get_experiment_by_name`, `search_runs(experiment_names=)`) that differs from the name the project registers or creates (`registered_model_name=`, `register_model`, `set_experiment`) only in case or separators, or by one or two letters. Names from a variable or an environment variable, and names nothing in the project resembles (a notebook or another repository may register them), are left alone.',
    ),
    why: l(
      '학습 스크립트와 서비스에 모델 이름을 따로 손으로 적으면 두 철자가 조금씩 어긋납니다. MLflow의 이름은 정확히 같아야 하므로, 서비스는 시작할 때 모델을 찾지 못하고 멈추거나, 넓은 except가 그 오류를 삼키면 모델 없이 떠 있습니다.',
      'When the training script and the service each write the model name by hand, the spellings drift. MLflow names must match exactly, so the service stops at start-up unable to find the model, or, when a broad except swallows that, keeps running with no model.',
    ),
    bad: "# --- train.py ---\nimport mlflow\n\nmlflow.sklearn.log_model(model, 'model', registered_model_name='IrisRFModel')\n# --- serve.py ---\nimport mlflow\n\nmodel = mlflow.pyfunc.load_model('models:/iris_rf_model/1')\n",
    good: "# --- config.py ---\nMODEL_NAME = 'iris-rf'\n# --- train.py ---\nimport mlflow\nfrom config import MODEL_NAME\n\nmlflow.sklearn.log_model(model, 'model', registered_model_name=MODEL_NAME)\n# --- serve.py ---\nimport mlflow\nfrom config import MODEL_NAME\n\n# TODO: 어떤 버전(또는 별칭)을 서빙할지도 한 곳에서 정하기\nmodel = mlflow.pyfunc.load_model(f'models:/{MODEL_NAME}@champion')\n",
  },
  weeks: ['beginner/2', 'beginner/5'],
  questions: [
    l(
      "'{read}'와 '{written}' 중 MLflow 레지스트리에 실제로 있는 이름은 무엇인가요? 확인해 보셨나요?",
      "Which of '{read}' and '{written}' actually exists in the MLflow registry? Have you checked?",
    ),
    l(
      '이 이름을 한 곳(설정 파일, 공용 상수, 환경 변수)에서만 정하면 학습과 서빙이 어긋날 수 있을까요?',
      'If the name were defined in one place (a config file, a shared constant, an environment variable), could training and serving still disagree?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 학습과 서빙이 같은 이름을 쓰게 하기\n# 고려사항:\n# - 이름을 한 곳(설정, 공용 상수)에서 정하고 양쪽이 읽게 할 수 있나요?\n# - 모델을 찾지 못하면 서비스는 시작을 멈추고 무엇이 없는지 알리나요?\n',
    en: '# TODO: make training and serving use one name\n# Consider:\n# - can the name live in one place (a config, a shared constant) that both read?\n# - when the model is not found, does the service stop at start-up and say what is missing?\n',
  },
  project(context) {
    const written = new Map<MlflowNameKind, { name: MlflowName; path: string }[]>();
    const opaque = new Set<MlflowNameKind>();
    for (const [path, facts] of context.view.python) {
      for (const name of facts.mlflowNames?.written ?? []) {
        const list = written.get(name.kind);
        if (list) list.push({ name, path });
        else written.set(name.kind, [{ name, path }]);
      }
      for (const kind of facts.mlflowNames?.opaque ?? []) opaque.add(kind);
    }
    if (written.size === 0) return;
    for (const [path, facts] of context.view.python) {
      for (const read of facts.mlflowNames?.read ?? []) {
        const candidates = opaque.has(read.kind) ? undefined : written.get(read.kind);
        if (!candidates || candidates.some((w) => w.name.name === read.name)) continue;
        const near = candidates.filter((w) => nearMiss(read.name, w.name.name));
        // Two different registered names both close to it: which one was meant is a guess.
        if (near.length === 0 || new Set(near.map((w) => w.name.name)).size > 1) continue;
        const [match] = near;
        context.report({
          path,
          range: read.range,
          messageId: read.kind,
          data: { read: read.name, written: match.name.name, file: match.path.slice(match.path.lastIndexOf('/') + 1) },
          related: [{ path: match.path, range: match.name.range, message: l(`여기서는 '${match.name.name}'로 적습니다`, `written here as '${match.name.name}'`) }],
        });
      }
    }
  },
});
