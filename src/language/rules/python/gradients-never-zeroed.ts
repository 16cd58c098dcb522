import { l, pythonRule } from '../../rule';

/** Ways a loop clears gradients: `optimizer.zero_grad()`, `model.zero_grad()`, `p.grad = None`, `p.grad.zero_()`. */
const CLEARS = /\.zero_grad\s*\(|\.grad\s*=\s*None\b|\.grad\.zero_\s*\(/;

export default pythonRule({
  id: 'gradients-never-zeroed',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:pytorch-zero-grad'],
  callees: ['.backward'],
  messages: {
    accumulate: l(
      'loss.backward() 뒤에 optimizer.step()이 있지만 이 파일 어디에서도 기울기를 0으로 만들지 않습니다 (zero_grad) — PyTorch는 기울기를 누적하므로, 매 step이 지금까지의 모든 배치의 기울기 합으로 갱신되어 학습이 발산하거나 멈춥니다',
      'loss.backward() is followed by optimizer.step(), but nothing in this file clears the gradients (zero_grad) — PyTorch accumulates them, so every step applies the sum of all earlier batches’ gradients and training diverges or stalls',
    ),
  },
  docs: {
    summary: l(
      '.backward()와 optimizer의 .step()을 호출하면서, 파일 어디에서도 zero_grad()(또는 grad = None)를 호출하지 않는 PyTorch 학습 코드를 찾습니다.',
      'Flags PyTorch training code that calls .backward() and an optimizer’s .step() while nothing in the file calls zero_grad() (or sets grad to None).',
    ),
    why: l(
      'PyTorch의 backward()는 기울기를 덮어쓰지 않고 .grad에 더합니다. 배치마다 지우지 않으면 두 번째 step은 두 배치의, 백 번째 step은 백 배치의 기울기 합으로 갱신됩니다. 손실이 처음 몇 배치 동안은 줄어들다가 튀거나 멈추고, 오류는 나지 않습니다. 학습률이나 모델 구조를 의심하며 시간을 쓰게 만드는 대표적인 초보 실수입니다.',
      'PyTorch’s backward() adds to .grad rather than overwriting it. Without clearing it every batch, the second step applies two batches’ gradients and the hundredth a hundred. The loss falls for a few batches, then jumps or stalls, and nothing raises an error. It is a classic first-loop mistake that sends people tuning the learning rate or the architecture instead.',
    ),
    bad: 'import torch\n\nfor images, labels in loader:\n    outputs = model(images)\n    loss = criterion(outputs, labels)\n    loss.backward()\n    optimizer.step()\n',
    good: 'import torch\n\nfor images, labels in loader:\n    # TODO: 기울기 누적(gradient accumulation)이 필요하다면 언제 지워야 할까요?\n    optimizer.zero_grad()\n    outputs = model(images)\n    loss = criterion(outputs, labels)\n    loss.backward()\n    optimizer.step()\n',
  },
  weeks: ['intermediate/5', 'beginner/3'],
  questions: [
    l(
      'backward()를 두 번 부르면 .grad에는 무엇이 남을까요? 그렇다면 이 루프의 열 번째 step은 어떤 기울기로 가중치를 바꾸나요?',
      'If backward() runs twice, what is left in .grad? With which gradient, then, does the tenth step of this loop change the weights?',
    ),
    l(
      '손실 곡선만 보고 이 버그를 학습률 문제와 구별할 수 있을까요? 어떤 신호가 다를까요?',
      'Could you tell this bug from a learning-rate problem by the loss curve alone? What would look different?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 배치마다 기울기 다루기\n# 고려사항:\n# - 이번 배치의 backward() 전에, 지난 배치의 기울기는 어떻게 되어 있어야 할까요?\n# - 여러 배치에 걸쳐 기울기를 모은다면, 언제 지워야 할까요?\n# TODO: 학습 루프에서 기울기를 지우는 자리 정하기\n',
    en: "# TODO: handle the gradients every batch\n# Consider:\n# - before this batch's backward(), what should the last batch's gradients be?\n# - accumulating over several batches: when should they be cleared?\n# TODO: decide where the training loop clears the gradients\n",
  },
  check(context) {
    const { model } = context;
    if (!model.importsModule('torch') || CLEARS.test(model.uncommentedSource)) return;
    // An optimizer step in the same file: without one, backward() feeds something else (a saliency map, a custom update).
    if (!model.calls.some((call) => /\.step$/.test(call.callee ?? '') && !/sched|lr_/i.test(call.callee ?? ''))) return;
    const first = context.calls[0];
    if (first) context.report({ node: first.node, messageId: 'accumulate' });
  },
});
