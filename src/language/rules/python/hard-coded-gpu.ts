import type { Node } from 'web-tree-sitter';
import { keywordArgument, positionalArguments } from '../../python/nodes';
import { l, pythonRule } from '../../rule';

/**
 * A training script that only runs on the author's GPU: a Lightning `Trainer(accelerator="gpu")` or
 * `Trainer(gpus=1)` written as a literal, or a `.cuda()` / `.to("cuda")` in a file that knows the
 * fallback (`torch.cuda.is_available()`) and skips it for this one tensor or model. A value read from
 * a config or chosen by a condition is left alone, and so is code that never asks whether a GPU is
 * there (a GPU-only server says so by not asking).
 */

/** Lightning's trainer, imported from either package name. */
const TRAINER = /(^|\.)Trainer$/;
/** A device literal that exists only on some machines. */
const DEVICE_LITERAL = /^(["'])(gpu|cuda(:\d+)?|tpu|mps)\1$/;
/** `gpus=0` and `gpus=None` ask for no GPU. */
const NO_GPUS = /^(0|None|\[\s*\])$/;

/** The literal device a call is pinned to, or undefined when the value is computed or configured. */
function pinned(call: Node): { node: Node; how: string } | undefined {
  const accelerator = keywordArgument(call, 'accelerator');
  if (accelerator && DEVICE_LITERAL.test(accelerator.text)) return { node: accelerator, how: `accelerator=${accelerator.text}` };
  const gpus = keywordArgument(call, 'gpus');
  if (gpus && (gpus.type === 'integer' || gpus.type === 'list' || gpus.type === 'unary_operator') && !NO_GPUS.test(gpus.text)) {
    return { node: gpus, how: `gpus=${gpus.text}` };
  }
  return undefined;
}

export default pythonRule({
  id: 'hard-coded-gpu',
  language: 'python',
  category: 'reliability',
  // A warning: on the author's machine it trains; anywhere else (CI, a laptop, a CPU node) it stops at start.
  severity: 'warning',
  anchors: ['gap:hard-coded-gpu'],
  callees: [TRAINER, /\.cuda$/, /\.to$/],
  messages: {
    trainer: l(
      '학습이 GPU에 고정되어 있습니다 ({how}) — GPU가 없는 기계(CI 러너, 노트북, CPU 노드)에서는 시작하자마자 멈춥니다',
      'Training is pinned to a GPU ({how}) — on a machine without one (a CI runner, a laptop, a CPU node) it stops as soon as it starts',
    ),
    ignoredFallback: l(
      '이 파일은 torch.cuda.is_available()로 CPU 대안을 고르지만, 여기서는 {how}로 GPU를 바로 씁니다 — GPU가 없는 기계에서는 이 줄에서 멈춥니다',
      'This file picks a CPU fallback with torch.cuda.is_available(), but here {how} uses the GPU directly — on a machine without one it fails on this line',
    ),
  },
  docs: {
    summary: l(
      'Lightning Trainer에 accelerator="gpu"·gpus=1 같은 장치를 값으로 적은 경우와, torch.cuda.is_available()로 장치를 고르는 파일에서 그 장치 대신 .cuda()·.to("cuda")를 쓰는 경우를 찾습니다. 설정에서 읽거나 조건으로 고른 값은 보지 않습니다.',
      'Flags a Lightning Trainer given a literal device (accelerator="gpu", gpus=1), and a .cuda() or .to("cuda") in a file that otherwise picks its device with torch.cuda.is_available(). Values read from a config or chosen by a condition are left alone.',
    ),
    why: l(
      '장치를 코드에 박아 두면 같은 스크립트를 CI에서 작은 데이터로 돌려 보거나, 다른 사람이 노트북에서 재현할 수 없습니다. Lightning의 accelerator="auto"나 설정 값, is_available()로 고른 device를 일관되게 쓰면 한 코드가 어디서나 돕니다. gpus= 인자는 Lightning 2에서 없어졌습니다.',
      'A device written into the code means the script cannot be smoke-tested in CI on a little data, nor reproduced on someone’s laptop. Lightning’s accelerator="auto", a config value, or one device chosen with is_available() and used everywhere lets the same code run anywhere. The gpus= argument was removed in Lightning 2.',
    ),
    bad: 'import pytorch_lightning as pl\n\ntrainer = pl.Trainer(accelerator="gpu", devices=1, max_epochs=10)\ntrainer.fit(model, datamodule=data)\n',
    good: 'import pytorch_lightning as pl\n\n# TODO: 장치를 설정(예: config.yaml)에서 바꿀 수 있게 할까요?\ntrainer = pl.Trainer(accelerator="auto", devices="auto", max_epochs=10)\ntrainer.fit(model, datamodule=data)\n',
  },
  weeks: ['intermediate/5', 'beginner/3'],
  questions: [
    l(
      'GPU가 없는 기계(CPU만 있는 노트북, 동료의 컴퓨터)에서 이 스크립트를 돌리면 어느 줄에서 멈출까요? 작은 데이터로 한 번 돌려 보려면 무엇을 바꿔야 할까요?',
      "On a machine without a GPU (a CPU-only laptop, a colleague's computer), which line stops this script? What would you change to run it once on a little data?",
    ),
    l('장치를 고르는 곳이 한 군데라면, 어디여야 할까요?', 'If the device were chosen in one place only, where should that be?'),
  ],
  scaffold: {
    ko: '# TODO: 장치를 한 곳에서 고르기\n# 고려사항:\n# - Lightning: accelerator="auto" 또는 설정 값\n# - PyTorch: device = "cuda" if torch.cuda.is_available() else "cpu" 후 .to(device)\n# TODO: 코드에 적힌 gpu/cuda를 그 값으로 바꾸기\n',
    en: '# TODO: choose the device in one place\n# Consider:\n# - Lightning: accelerator="auto" or a config value\n# - PyTorch: device = "cuda" if torch.cuda.is_available() else "cpu", then .to(device)\n# TODO: replace the gpu/cuda written in the code with that value\n',
  },
  check(context) {
    const { model } = context;
    const lightning = /lightning/.test(model.source);
    const fallback = /\bcuda\.is_available\s*\(/.test(model.source);
    for (const call of context.calls) {
      const callee = call.callee ?? '';
      if (TRAINER.test(callee)) {
        if (!lightning || /transformers/.test(callee)) continue;
        const at = pinned(call.node);
        if (at) context.report({ node: at.node, messageId: 'trainer', data: { how: at.how } });
        continue;
      }
      if (!fallback) continue;
      if (/\.cuda$/.test(callee)) {
        // `x.cuda()` inside `if torch.cuda.is_available():` or its `else` twin follows the fallback.
        if (insideAvailabilityCheck(call.node)) continue;
        context.report({ node: call.node, messageId: 'ignoredFallback', data: { how: '.cuda()' } });
        continue;
      }
      const target = positionalArguments(call.node)[0];
      if (target && DEVICE_LITERAL.test(target.text) && !insideAvailabilityCheck(call.node)) {
        context.report({ node: call.node, messageId: 'ignoredFallback', data: { how: `.to(${target.text})` } });
      }
    }
  },
});

/** Inside an `if`/conditional expression that asks `is_available()` (or a flag such as `use_cuda`, `train_on_gpu`). */
function insideAvailabilityCheck(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'if_statement' || p.type === 'conditional_expression' || p.type === 'elif_clause') {
      const condition = p.type === 'conditional_expression' ? p.text : (p.childForFieldName('condition')?.text ?? '');
      if (/is_available|cuda|gpu|device/i.test(condition)) return true;
    }
    if (p.type === 'function_definition') return false;
  }
  return false;
}
