import { l, yamlRule } from '../../rule';
import { entries, entry, items, scalar, type YNode } from '../../yaml/model';

/** Outputs that are a trained model (a model file or a models/ folder). */
const MODEL_OUTPUT = /\.(pkl|pickle|joblib|pt|pth|ckpt|h5|keras|onnx|safetensors|cbm|model)$|(^|\/)(models?|checkpoints?)\/?$/i;
/** Outputs that are scores: `metrics.json`, `scores.yaml`, `eval/results.json` ... */
const METRICS_OUTPUT = /(^|[/_.-])(metrics?|scores?|evaluation|results)([/_.-][\w./-]*)?\.(json|ya?ml|toml|csv|tsv)$/i;
/** A config file among the dependencies also tracks the hyper-parameters (as a whole file). */
const CONFIG_DEP = /\.(ya?ml|json|toml|cfg|ini|conf)$/i;

export default yamlRule({
  id: 'dvc-pipeline-untracked-experiment',
  language: 'yaml',
  documentKinds: ['other'],
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['gap:dvc-params-metrics'],
  messages: {
    noParams: l(
      "'{stage}' 단계는 모델을 만들지만 params를 선언하지 않습니다 — 하이퍼파라미터가 코드에 묻혀 있어 dvc params diff와 dvc exp가 실행 사이의 차이를 보지 못합니다",
      "The '{stage}' stage produces a model but declares no params — the hyper-parameters are buried in code, so dvc params diff and dvc exp cannot see what changed between runs",
    ),
    metricsAsOutput: l(
      "'{path}'는 지표 파일인데 outs로 선언되어 있습니다 — dvc metrics show/diff가 이 파일을 읽지 않아 실행끼리 점수를 비교할 수 없습니다",
      "'{path}' holds metrics but is declared as an output — dvc metrics show/diff never read it, so runs cannot be compared by score",
    ),
  },
  severityReasons: {
    metricsAsOutput: {
      severity: 'info',
      message: l('DVC는 파일을 여전히 추적합니다. 잃는 것은 실행 간 비교뿐입니다', 'DVC still tracks the file; what is lost is the comparison between runs'),
    },
  },
  docs: {
    summary: l(
      'dvc.yaml에서 모델을 만드는 단계에 params가 없거나(설정 파일 의존성도 없음), 지표 파일을 metrics 대신 outs로 선언한 경우를 찾습니다.',
      'Flags dvc.yaml stages that produce a model with no params (and no config file among their deps), and metrics files declared as outs instead of metrics.',
    ),
    why: l(
      'DVC 파이프라인의 목적은 "어떤 데이터와 파라미터로 어떤 점수가 나왔는가"를 다시 만들고 비교하는 것입니다. 파라미터가 코드 속 상수이고 점수가 일반 출력이면, 파이프라인은 돌아가도 실험을 비교하거나 이유를 설명할 수 없습니다.',
      'A DVC pipeline exists to rebuild and compare "which data and parameters gave which score". With parameters as constants in code and scores as plain outputs, the pipeline runs but cannot compare experiments or explain a result.',
    ),
    bad: 'stages:\n  train:\n    cmd: python train.py\n    deps:\n      - data/train.csv\n      - train.py\n    outs:\n      - models/model.pkl\n  evaluate:\n    cmd: python evaluate.py\n    deps:\n      - models/model.pkl\n    outs:\n      - metrics.json\n',
    good: 'stages:\n  train:\n    cmd: python train.py\n    deps:\n      - data/train.csv\n      - train.py\n    # TODO: 어떤 하이퍼파라미터를 params.yaml로 옮길까요?\n    params:\n      - train.C\n      - train.kernel\n    outs:\n      - models/model.pkl\n  evaluate:\n    cmd: python evaluate.py\n    deps:\n      - models/model.pkl\n    metrics:\n      - metrics.json:\n          cache: false\n',
  },
  weeks: ['beginner/2', 'beginner/4'],
  questions: [
    l(
      "'{stage}' 단계의 하이퍼파라미터를 바꿨을 때, DVC는 그 변화를 어디에서 알아챌 수 있나요?",
      "When you change a hyper-parameter of the '{stage}' stage, where can DVC notice the change?",
    ),
    l(
      "두 실험 중 어느 쪽이 나았는지 '{path}'의 숫자로 비교하려면, DVC가 그 파일을 무엇으로 알아야 할까요?",
      "To compare two experiments by the numbers in '{path}', what does DVC need to know that file is?",
    ),
    l('한 달 뒤에 가장 좋았던 실행의 파라미터와 점수를 어떤 명령으로 다시 찾으시겠어요?', 'A month from now, which command would find the parameters and score of your best run?'),
  ],
  scaffold: {
    ko: '# TODO: 파이프라인이 실험을 기록하게 하기\n# 고려사항:\n# - 코드 속 하이퍼파라미터 중 params.yaml로 옮길 것은 무엇인가요?\n# - 지표 파일은 metrics로, 그림은 plots로 선언했나요?\n# - dvc exp show로 무엇을 비교하고 싶나요?\n# params:\n#   - # TODO\n# metrics:\n#   - # TODO\n',
    en: '# TODO: let the pipeline record the experiment\n# Consider:\n# - which hyper-parameters in code should move to params.yaml?\n# - are metrics files declared as metrics, and plots as plots?\n# - what do you want to compare with dvc exp show?\n# params:\n#   - # TODO\n# metrics:\n#   - # TODO\n',
  },
  check(context, document) {
    // A DVC pipeline by its shape (any file name, since `dvc.yaml` may be shown as an example): stages by name, each with a cmd.
    const stages = entry(document.root, 'stages')?.value;
    if (stages?.kind !== 'map' || !stages.entries.some((stage) => entry(stage.value, 'cmd'))) return;
    const declaredMetrics = new Set(items(entry(document.root, 'metrics')?.value).map(outputPath));
    for (const stage of entries(stages)) {
      const outs = items(entry(stage.value, 'outs')?.value);
      const deps = items(entry(stage.value, 'deps')?.value).map(outputPath);
      const cmd = scalar(entry(stage.value, 'cmd')?.value) ?? items(entry(stage.value, 'cmd')?.value).map(scalar).join(' ');
      const trains = outs.some((out) => MODEL_OUTPUT.test(outputPath(out)));
      // Hyper-parameters on the command line change the cmd, which DVC does track.
      const tracked = entry(stage.value, 'params') !== undefined || deps.some((d) => CONFIG_DEP.test(d)) || /\s--?[A-Za-z][\w-]*[=\s]\S/.test(cmd);
      if (trains && !tracked) context.report({ range: stage.keyRange, messageId: 'noParams', data: { stage: stage.key } });
      for (const out of outs) {
        const path = outputPath(out);
        if (METRICS_OUTPUT.test(path) && !declaredMetrics.has(path))
          context.report({ range: out.range, messageId: 'metricsAsOutput', data: { path }, severityReason: 'metricsAsOutput' });
      }
    }
  },
});

/** `- models/model.pkl` or `- models/model.pkl: {cache: false}`. */
function outputPath(node: YNode | undefined): string {
  if (node?.kind === 'map') return node.entries[0]?.key ?? '';
  return scalar(node) ?? '';
}
