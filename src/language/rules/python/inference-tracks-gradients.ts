import type { Node } from 'web-tree-sitter';
import type { CallInfo, PythonModel } from '../../python/model';
import { decoratorsOf, enclosingClass } from '../../python/nodes';
import { l, nodeRange, pythonRule } from '../../rule';

/** Functions that run a model to predict or to measure it: serving, inference and evaluation code. */
const INFERENCE_FUNCTION = /predict|infer|eval|test|valid|accura|score|classif|detect|recogn|segment|embed|handle|__call__|serve/i;
/** What a training step does in the same function: then the forward pass needs its gradients. */
const TRAINING_STEP = /\.backward\s*\(|\.step\s*\(|zero_grad\s*\(|\.train\s*\(\s*(True)?\s*\)|autograd\.grad\s*\(|requires_grad|\bgrad\b\s*=/;
/** A block or decorator that switches gradient tracking off. */
const NO_GRAD = /^(torch\.)?(autograd\.)?(no_grad|inference_mode|set_grad_enabled\s*\(\s*False)|^(torch\.)?(autograd\.)?(grad_mode\.)?no_grad/;
/** Gradients off for the whole process (`torch.set_grad_enabled(False)`), or the network's parameters frozen (`model.requires_grad_(False)`). */
const GRAD_OFF = /^[ \t]*torch\.(autograd\.)?set_grad_enabled\s*\(\s*False\s*\)|\.requires_grad_\(\s*False\s*\)|\.requires_grad\s*=\s*False/m;
/** Names a learner gives a network (`model`, `net`, `self._model`, `classifier`, `resnet`). */
const NETWORK_NAME = /^(self\.)?_?(\w*_)?(model|net|network|classifier|encoder|decoder|generator|backbone|detector|cnn|resnet\w*|unet|lstm|rnn|mlp)$/i;
/** Objects that are called like a network but turn gradients off themselves (pipelines, YOLO, sentence encoders). */
const SELF_MANAGED = /pipeline|YOLO|SentenceTransformer|hub\.load|AutoShape|easyocr|whisper|Predictor|Reader|Tokenizer|Processor/;
/** A module whose methods are the network itself, or a Lightning module whose loops Lightning runs without gradients. */
const MODULE_BASE = /\b(nn\.Module|Module|LightningModule|pl\.LightningModule|L\.LightningModule)\b/;

export default pythonRule({
  id: 'inference-tracks-gradients',
  language: 'python',
  category: 'scalability',
  // A warning: predictions are right, but every call builds an autograd graph it never uses.
  severity: 'warning',
  anchors: ['gap:inference-tracks-gradients'],
  messages: {
    tracked: l(
      "'{fn}'에서 PyTorch 모델을 torch.no_grad()나 torch.inference_mode() 없이 실행합니다 — 호출마다 쓰지 않을 역전파 그래프를 만들어 메모리와 시간을 씁니다",
      "'{fn}' runs the PyTorch model without torch.no_grad() or torch.inference_mode() — every call builds an autograd graph it never uses, spending memory and time",
    ),
  },
  docs: {
    summary: l(
      'PyTorch를 쓰는 파일에서, 학습 단계(backward, optimizer.step)가 없는 예측·추론·평가 함수가 모델을 직접 호출하는데 torch.no_grad()/torch.inference_mode() 블록이나 데코레이터가 없고, 그 함수를 부르는 곳도 그런 블록 안이 아닌 경우를 찾습니다. 파이프라인·YOLO처럼 스스로 기울기를 끄는 객체, nn.Module의 forward, Lightning이 돌리는 단계는 제외합니다.',
      'Flags, in files that use PyTorch, prediction, inference and evaluation functions with no training step (backward, optimizer.step) that call the model directly with no torch.no_grad()/torch.inference_mode() block or decorator, where no caller in the file wraps them in one. Objects that switch gradients off themselves (pipelines, YOLO), an nn.Module forward and the steps Lightning runs are not flagged.',
    ),
    why: l(
      '기울기 추적이 켜져 있으면 PyTorch는 순전파의 모든 중간 텐서를 역전파용으로 붙잡아 둡니다. 서빙에서는 요청마다, 평가에서는 배치마다 메모리가 몇 배로 들고 느려지며, GPU에서는 큰 배치가 메모리 부족으로 실패합니다. model.eval()은 드롭아웃·배치 정규화의 동작만 바꿀 뿐 기울기 추적은 끄지 않습니다.',
      'With gradient tracking on, PyTorch keeps every intermediate tensor of the forward pass for a backward pass that never comes. Serving pays for it on every request and evaluation on every batch: several times the memory and slower calls, and on a GPU a large batch fails out of memory. model.eval() only changes dropout and batch norm; it does not switch tracking off.',
    ),
    bad: 'import torch\n\n\ndef predict(model, batch):\n    model.eval()\n    logits = model(batch)\n    return logits.argmax(dim=1)\n',
    good: 'import torch\n\n\ndef predict(model, batch):\n    model.eval()\n    # TODO: 이 호출에 기울기가 필요한가요? 필요 없다면 어떤 블록으로 감쌀까요?\n    with torch.inference_mode():\n        logits = model(batch)\n    return logits.argmax(dim=1)\n',
  },
  weeks: ['beginner/5', 'advanced/2'],
  questions: [
    l(
      '이 함수가 만든 결과로 역전파를 할 일이 있나요? 없다면 PyTorch는 왜 그래프를 만들고 있을까요?',
      'Will anything ever call backward on what this function computes? If not, why is PyTorch still building the graph?',
    ),
    l(
      '모델을 평가 모드로 바꾸는 것과 기울기 추적을 끄는 것은 각각 무엇을 바꾸나요? 둘 중 하나만 하면 무엇이 남나요?',
      'What does switching the model to evaluation mode change, and what does switching gradient tracking off change? With only one of them, what is left?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 추론에서 기울기 추적 끄기\n# 고려사항:\n# - 이 함수의 결과로 역전파를 하나요?\n# - torch.no_grad()와 torch.inference_mode() 중 무엇이 맞을까요?\n# - model.eval()은 따로 필요한가요?\n# TODO: 모델 호출을 기울기 없는 블록으로 감싸기\n',
    en: '# TODO: switch gradient tracking off for inference\n# Consider:\n# - does anything backpropagate through this result?\n# - torch.no_grad() or torch.inference_mode()?\n# - is model.eval() needed as well?\n# TODO: wrap the model call in a block without gradients\n',
  },
  check(context) {
    const { model } = context;
    if (!model.importsModule('torch') || GRAD_OFF.test(model.uncommentedSource)) return;
    const selfManaged = selfManagedNames(model);
    const reported = new Set<number>();
    for (const call of model.calls) {
      const fn = call.inFunction;
      if (!fn || reported.has(fn.id) || !forwardPass(call, selfManaged)) continue;
      const name = fn.childForFieldName('name')?.text ?? '';
      if (!INFERENCE_FUNCTION.test(name) || name === 'forward' || TRAINING_STEP.test(fn.text)) continue;
      if (MODULE_BASE.test(enclosingClass(fn)?.childForFieldName('superclasses')?.text ?? '')) continue;
      if (gradientsOff(call.node, fn) || calledWithoutGradients(model, name)) continue;
      reported.add(fn.id);
      // The function is the other place of the lesson: the block belongs around its body, and its
      // `model.eval()` (where learners think gradients are handled) is where a reader looks first.
      const place = fn.childForFieldName('name') ?? fn;
      context.report({
        node: call.node,
        messageId: 'tracked',
        data: { fn: name },
        related: [{ range: nodeRange(place), message: l('기울기를 끄지 않고 모델을 실행하는 함수', 'the function that runs the model with gradients on') }],
      });
    }
  },
});

/** `model(x)`, `self.net(x)`, `model.forward(x)` on a name a network goes by, not on a self-managed object. */
function forwardPass(call: CallInfo, selfManaged: ReadonlySet<string>): boolean {
  const written = call.node.childForFieldName('function')?.text ?? '';
  const target = written.endsWith('.forward') ? written.slice(0, -'.forward'.length) : written;
  if (!NETWORK_NAME.test(target) || selfManaged.has(target)) return false;
  // Any input counts: `model(x)`, `model(**inputs)` (a Hugging Face batch), `model(input_ids=ids)`.
  return (call.node.childForFieldName('arguments')?.namedChildren.length ?? 0) > 0;
}

/** Names assigned from an object that manages gradients itself (`classifier = pipeline(...)`, `self.model = YOLO(...)`). */
function selfManagedNames(model: PythonModel): Set<string> {
  const names = new Set<string>();
  for (const assignment of model.assignments) {
    const right = assignment.childForFieldName('right');
    if (right?.type !== 'call' || !SELF_MANAGED.test(right.childForFieldName('function')?.text ?? '')) continue;
    const left = assignment.childForFieldName('left')?.text;
    if (left) names.add(left);
  }
  return names;
}

/** Inside a `with torch.no_grad():` block, or in a function decorated with one (up to `fn`, or to the module). */
function gradientsOff(node: Node, fn?: Node): boolean {
  for (let at: Node | null = node.parent; at; at = at.parent) {
    if (at.type === 'with_statement' && withItems(at).some((item) => NO_GRAD.test(item))) return true;
    if (at.type === 'function_definition' && decoratorsOf(at).some((d) => NO_GRAD.test(d.text.replace(/^@\s*/, '')))) return true;
    if (fn && at.id === fn.id) break;
  }
  return false;
}

function withItems(statement: Node): string[] {
  const clause = statement.namedChildren.find((n) => n?.type === 'with_clause');
  return (clause?.namedChildren ?? []).map((item) => item?.text ?? '');
}

/** The function is called (by name) inside a gradient-free block elsewhere in the file: its caller decides. */
function calledWithoutGradients(model: PythonModel, name: string): boolean {
  return model.calls.some((call) => {
    const written = call.node.childForFieldName('function')?.text ?? '';
    return (written === name || written.endsWith(`.${name}`)) && gradientsOff(call.node, call.inFunction);
  });
}
