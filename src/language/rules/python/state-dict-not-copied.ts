import type { Node } from 'web-tree-sitter';
import { l, pythonRule } from '../../rule';

/** `best = model.state_dict()`, `.state_dict().copy()`, `dict(model.state_dict())`, `copy.copy(...)`. */
const SHALLOW = /^[ \t]*([A-Za-z_][\w.]*)[ \t]*=[ \t]*(?:dict\(|copy\.copy\()?[ \t]*([A-Za-z_][\w.]*)\.state_dict\(\)(\.copy\(\))?\)?[ \t]*(#.*)?$/gm;

export default pythonRule({
  id: 'state-dict-not-copied',
  language: 'python',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['gap:best-weights-aliased'],
  messages: {
    aliased: l(
      "'{name}'는 학습 중인 텐서를 그대로 가리킵니다 ({how}) — 학습이 계속되면 '최고' 가중치도 함께 바뀌어, 결국 마지막 에폭의 가중치가 저장됩니다",
      "'{name}' still points at the tensors being trained ({how}) — as training continues the 'best' weights change with them, and the last epoch's weights are what gets saved",
    ),
  },
  docs: {
    summary: l(
      '학습 루프 안에서 model.state_dict()를 복사 없이(또는 .copy(), dict()로 얕게만) 보관하는 코드를 찾습니다.',
      'Flags training loops that keep model.state_dict() without copying it, or with only a shallow .copy() / dict().',
    ),
    why: l(
      'state_dict()는 모델의 텐서를 복사하지 않고 참조합니다. 얕은 복사도 같은 텐서를 가리키므로, 조기 종료로 고른 "최고" 모델이 실제로는 마지막 에폭 모델이 됩니다. 보고한 검증 점수와 저장된 모델이 서로 다릅니다.',
      'state_dict() references the model’s tensors instead of copying them, and a shallow copy points at the same tensors. The "best" model picked by early stopping silently becomes the last epoch’s model, and the saved weights no longer match the reported validation score.',
    ),
    bad: "best_loss, best_state = float('inf'), None\nfor epoch in range(10):\n    loss = train_one_epoch(model)\n    if loss < best_loss:\n        best_loss = loss\n        best_state = model.state_dict().copy()\ntorch.save(best_state, 'best.pt')\n",
    good: "import copy\n\nbest_loss, best_state = float('inf'), None\nfor epoch in range(10):\n    loss = train_one_epoch(model)\n    if loss < best_loss:\n        best_loss = loss\n        # TODO: 메모리가 부족하면 파일로 바로 저장하는 편이 나을까요?\n        best_state = copy.deepcopy(model.state_dict())\ntorch.save(best_state, 'best.pt')\n",
  },
  weeks: ['intermediate/5', 'beginner/2'],
  questions: [
    l(
      '다음 에폭에서 가중치가 다시 갱신되면, {name|보관한 state_dict} 안의 텐서는 어떻게 될까요?',
      'When the weights are updated again in the next epoch, what happens to the tensors inside {name|the state_dict you kept}?',
    ),
    l(
      '저장된 "최고" 모델이 정말 그 검증 점수를 낸 모델인지 어떻게 확인할 수 있을까요?',
      'How could you check that the saved "best" model is really the one that scored that validation loss?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 최고 가중치를 실제로 복사해 두기\n# 고려사항:\n# - copy.deepcopy(model.state_dict()) 또는 텐서마다 .clone()\n# - GPU 메모리가 부담되면 CPU로 옮기거나 파일로 바로 저장\n# - 저장한 모델을 다시 불러 검증 점수가 같은지 확인해 볼까요?\n# TODO: 얕은 복사를 깊은 복사나 체크포인트 저장으로 바꾸기\n',
    en: '# TODO: really copy the best weights\n# Consider:\n# - copy.deepcopy(model.state_dict()) or .clone() per tensor\n# - if GPU memory is tight, move to the CPU or save a checkpoint file right away\n# - reload the saved model and check it scores the same?\n# TODO: replace the shallow copy with a deep copy or a checkpoint\n',
  },
  check(context) {
    const { model } = context;
    if (!model.source.includes('state_dict()')) return;
    for (const m of model.source.matchAll(SHALLOW)) {
      const at = m.index + m[0].indexOf(m[1]);
      const loop = enclosingLoop(model.tree.rootNode.descendantForIndex(at));
      if (!loop) continue;
      // Written out right away (`torch.save(state, path)` in the same loop) is a checkpoint, not an alias.
      const rest = model.source.slice(at, loop.endIndex);
      if (new RegExp(`\\b(save|save_file|dump)\\(\\s*${m[1].replace(/\./g, '\\.')}\\b`).test(rest)) continue;
      const how = m[3] ? '.state_dict().copy()' : /^[ \t]*[\w.]+[ \t]*=[ \t]*(dict|copy\.copy)\(/.test(m[0]) ? 'a shallow copy' : '.state_dict()';
      context.report({ range: model.rangeOf(at, at + m[0].trim().replace(/[ \t]*#.*$/, '').length), messageId: 'aliased', data: { name: m[1], how } });
    }
  },
});

/** The `for`/`while` (a training loop) around the node, not across a nested function definition. */
function enclosingLoop(node: Node | null): Node | undefined {
  for (let n = node?.parent; n; n = n.parent) {
    if (n.type === 'for_statement' || n.type === 'while_statement') return n;
    if (n.type === 'function_definition' || n.type === 'lambda') return undefined;
  }
  return undefined;
}
