import type { Node } from 'web-tree-sitter';
import { keywordArgument } from '../../python/model';
import { isTrainingCall } from '../../python/training';
import { l, pythonRule } from '../../rule';

/** `model.load_state_dict(...)` (PyTorch, Keras-style wrappers) and Lightning's `Model.load_from_checkpoint(...)`. */
const STATE_LOAD = /(^|\.)load_state_dict$/;
const CHECKPOINT_LOAD = /(^|\.)load_from_checkpoint$/;

export default pythonRule({
  id: 'checkpoint-loaded-non-strict',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:non-strict-checkpoint-load'],
  callees: [STATE_LOAD, CHECKPOINT_LOAD],
  messages: {
    discarded: l(
      'strict=False로 가중치를 읽고 빠진 키·남는 키 목록을 버립니다 — 다른 체크포인트를 읽어도 일부가 무작위 가중치인 모델이 조용히 만들어집니다',
      'Weights are loaded with strict=False and the list of missing and unexpected keys is thrown away — a wrong checkpoint silently gives a model whose missing layers keep their random weights',
    ),
    serving: l(
      '서빙할 모델을 strict=False로 읽습니다 — 체크포인트와 모델 구조가 어긋나도 오류 없이 일부가 무작위 가중치인 모델이 서빙됩니다',
      'The model to serve is loaded with strict=False — if the checkpoint does not match the architecture, a model with randomly initialised parts is served without any error',
    ),
  },
  docs: {
    summary: l(
      'strict=False로 가중치를 읽으면서 빠진 키·남는 키 목록을 버리는 PyTorch 로딩, 그리고 학습하지 않는 코드(서빙·추론)에서 strict=False로 읽는 Lightning 체크포인트를 찾습니다.',
      'Flags PyTorch weight loads with strict=False whose list of missing and unexpected keys is thrown away, and Lightning checkpoints loaded with strict=False in code that does not train (serving, inference).',
    ),
    why: l(
      '엄격하지 않은 로딩은 이름이 맞지 않는 가중치를 건너뜁니다. 체크포인트 경로가 바뀌었거나 모델 코드가 달라지면 예외 대신 일부 층이 초기값 그대로인 모델이 만들어지고, 예측은 그럴듯한 숫자를 내며 틀립니다. 미세 조정에서 일부러 쓰더라도 빠진 키가 예상한 것(새 head)뿐인지 확인해야 합니다.',
      'A non-strict load skips weights whose names do not match. When the checkpoint path or the model code changes, instead of an exception you get a model whose layers keep their initial weights, and it predicts plausible-looking wrong numbers. Even when fine-tuning uses it on purpose, the missing keys should be checked to be the expected ones (the new head).',
    ),
    bad: "import torch\n\nmodel = Net()\nmodel.load_state_dict(torch.load('model.pt', weights_only=True), strict=False)\nmodel.eval()\n",
    good: "import torch\n\nmodel = Net()\nresult = model.load_state_dict(torch.load('model.pt', weights_only=True), strict=False)\n# TODO: 빠져도 되는 키는 무엇인가요? result.missing_keys와 result.unexpected_keys를 어떻게 확인하고, 어긋나면 무엇을 할까요?\nmodel.eval()\n",
  },
  weeks: ['beginner/5', 'advanced/2'],
  questions: [
    l(
      '체크포인트 파일을 실수로 다른 모델의 것으로 바꾸면, 이 코드는 어디서 그 사실을 알려 줄까요?',
      'If the checkpoint file were swapped for another model by mistake, where would this code tell you?',
    ),
    l(
      '여기서 엄격하지 않은 로딩이 꼭 필요한 이유는 무엇인가요? 빠져도 되는 키는 정확히 어떤 것들인가요?',
      'Why is a non-strict load needed here at all? Which keys exactly are allowed to be missing?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 가중치를 읽은 뒤 불일치 확인하기\n# 고려사항:\n# - 엄격한 로딩으로는 안 되는 이유가 있나요?\n# - 빠져도 되는 키(새 head 등)의 목록은?\n# - 그 밖의 불일치가 있으면 시작을 멈출까요, 로그만 남길까요?\n# TODO: 로딩이 알려 주는 키 불일치 검사\n',
    en: '# TODO: check for mismatches after loading the weights\n# Consider:\n# - is there a reason a strict load does not work here?\n# - which keys may be missing (a new head, ...)?\n# - on any other mismatch, stop the start-up or only log it?\n# TODO: check the key mismatches the load reports\n',
  },
  check(context) {
    const { model } = context;
    let trains: boolean | undefined;
    for (const call of context.calls) {
      if (keywordArgument(call.node, 'strict')?.text !== 'False') continue;
      if (STATE_LOAD.test(call.callee!)) {
        if (resultUsed(call.node)) continue;
        context.report({ node: call.node, messageId: 'discarded' });
      } else {
        // A training script may warm-start from a checkpoint of another shape; serving code has no such reason.
        trains ??= model.calls.some((c) => isTrainingCall(model, c));
        if (!trains) context.report({ node: call.node, messageId: 'serving' });
      }
    }
  },
});

/**
 * Is the `load_state_dict` result kept (`missing, unexpected = ...`, `result = ...`, `print(...)`,
 * `assert not ...`)? A bare statement, or a name that is assigned and never read, drops it.
 */
function resultUsed(call: Node): boolean {
  const parent = call.parent;
  if (parent?.type === 'expression_statement') return false;
  if (parent?.type !== 'assignment') return true;
  const target = parent.childForFieldName('left');
  if (!target) return true;
  const names = target.type === 'identifier' ? [target.text] : target.namedChildren.filter((n): n is Node => n?.type === 'identifier').map((n) => n.text);
  if (names.length === 0 || names.every((n) => n === '_')) return false;
  let scope: Node | null = parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  const after = scope ? scope.text.slice(parent.endIndex - scope.startIndex) : '';
  return names.some((n) => n !== '_' && new RegExp(`\\b${n}\\b`).test(after));
}
