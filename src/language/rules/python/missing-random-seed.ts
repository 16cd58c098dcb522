import type { Node } from 'web-tree-sitter';
import type { PythonModel } from '../../python/model';
import { firstTrainingCall, isTrainingScript } from '../../python/training';
import { seededFromEntry } from '../../project/training';
import { l, nodeRange, pythonRule } from '../../rule';
import type { Localized, Range } from '../../types';

/** Libraries whose global RNG a training run depends on. sklearn-only scripts use random_state instead. */
const RANDOM_LIBRARIES = ['torch', 'tensorflow', 'keras', 'numpy', 'random', 'jax', 'pytorch_lightning', 'lightning'];
/** Any call that seeds: library seeders and project helpers such as set_seed()/seed_everything(). */
// Case matters for the generator classes: `helper.generator(...)` is a Keras data generator, not `numpy.random.Generator`.
const SEEDER = /(^|\.)([Ss]eed\w*|\w*_seed\w*|\w*Seed\w*|default_rng|RandomState|Generator|PRNGKey)$/;
/**
 * Trainers that seed for you (HF Trainer defaults to seed=42). Lightning's `Trainer` does not:
 * a Lightning script needs `seed_everything`.
 */
const SELF_SEEDING = /^(?!(pytorch_)?lightning\b)([\w.]*\.)?(Trainer|TrainingArguments|Seq2SeqTrainer|Seq2SeqTrainingArguments|SFTTrainer|SFTConfig)$/;

export default pythonRule({
  id: 'missing-random-seed',
  language: 'python',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['dslinter:W5508', 'NPY002'],
  messages: {
    noSeed: l(
      '학습 스크립트가 난수 시드를 고정하지 않습니다 ({libs}) — 같은 코드로 같은 결과를 다시 얻을 수 없습니다',
      'The training script never seeds its random generators ({libs}) — the same code will not reproduce the same result',
    ),
  },
  docs: {
    summary: l(
      'numpy/torch/tensorflow/random을 쓰는 학습 스크립트에 시드 설정(random.seed, np.random.seed, torch.manual_seed, set_seed...)이 없는 경우를 찾습니다.',
      'Flags training scripts using numpy/torch/tensorflow/random that never set a seed (random.seed, np.random.seed, torch.manual_seed, set_seed...).',
    ),
    why: l(
      '시드가 없으면 가중치 초기화, 셔플, 드롭아웃이 실행마다 달라집니다. 성능이 올랐는지 운이 좋았는지 구분할 수 없고, 버그를 재현할 수도 없습니다.',
      'Without a seed, weight init, shuffling and dropout differ on every run. You cannot tell an improvement from luck, nor reproduce a bug.',
    ),
    bad: 'import numpy as np\nfrom sklearn.linear_model import SGDClassifier\n\nX = np.random.rand(100, 3)\ny = (X[:, 0] > 0.5).astype(int)\nSGDClassifier(random_state=0).fit(X, y)\n',
    good: 'import numpy as np\nfrom sklearn.linear_model import SGDClassifier\n\n# TODO: 시드 값은 설정 파일이나 인자로 받아 실험 기록에 남기세요\nrng = np.random.default_rng(42)\nX = rng.random((100, 3))\ny = (X[:, 0] > 0.5).astype(int)\nSGDClassifier(random_state=0).fit(X, y)\n',
  },
  weeks: ['beginner/2', 'advanced/9'],
  questions: [
    l(
      '이 스크립트를 두 번 실행하면 정확도가 똑같이 나올까요? 다르다면 어느 쪽을 믿으시겠어요?',
      'If you run this script twice, do you get the same accuracy? If not, which run do you believe?',
    ),
    l('이 실행에서 무작위성이 들어가는 곳은 어디어디인가요? (초기화, 셔플, 분할, 드롭아웃)', 'Where does randomness enter this run? (initialisation, shuffling, splits, dropout)'),
    l('시드 값 자체는 어디에 기록해 두면 나중에 결과를 재현할 수 있을까요?', 'Where would you record the seed itself so the result can be reproduced later?'),
  ],
  scaffold: {
    ko: '# TODO: 재현 가능한 실행\n# 고려사항:\n# - 어떤 라이브러리의 난수 생성기를 고정해야 하나요? (random, numpy, torch, tf)\n# - 시드 값은 어디서 받고 어디에 기록할까요?\n# - GPU 연산의 비결정성은 어떻게 다룰까요?\n# TODO: 스크립트 시작 부분에서 시드 설정 함수 호출\n',
    en: '# TODO: reproducible runs\n# Consider:\n# - which generators need seeding? (random, numpy, torch, tf)\n# - where does the seed come from and where is it recorded?\n# - how do you handle non-deterministic GPU kernels?\n# TODO: call a seeding function at the start of the script\n',
  },
  check(context) {
    const { model } = context;
    if (!isTrainingScript(model)) return;
    const libs = RANDOM_LIBRARIES.filter((m) => model.importsModule(m));
    if (libs.length === 0) return;
    // numpy and random alone matter only when their global generators are actually used.
    const usesGlobalRng = model.calls.some((c) => /^(numpy\.random|random)\.\w+$/.test(c.callee ?? ''));
    if (!libs.some((m) => m !== 'numpy' && m !== 'random') && !usesGlobalRng) return;
    if (model.calls.some((c) => SEEDER.test(c.callee ?? '') || SELF_SEEDING.test(c.callee ?? ''))) return;
    // A seeding helper imported from a project module (`from utils import set_seed`) counts even if called indirectly.
    if ([...model.imports.keys()].some((name) => /seed/i.test(name))) return;
    const at = firstTrainingCall(model);
    if (at) context.report({ node: at.node, messageId: 'noSeed', data: { libs: libs.join(', ') }, related: unseededPlaces(model, at.node) });
  },
  // A trainer module imported by a script that seeds (`set_random_seed(cfg.seed)` before
  // `Trainer(...).train()`) is seeded: the seed belongs at the entry point, once per process.
  project(context) {
    for (const path of seededFromEntry(context.view)) if (context.view.python.get(path)?.trainingLibrary) context.withdraw(path);
  },
});

/** Draws from a global generator: numpy's and the standard library's module functions, torch's samplers and `random_split`. */
const GLOBAL_DRAW = /^(numpy\.random|random)\.\w+$|^torch\.(rand\w*|randperm|multinomial|normal|bernoulli)$|^torch\.utils\.data\.random_split$/;
/** The trainer a Lightning, Keras-style or Hugging Face script builds before it trains (`trainer = pl.Trainer(...)`). */
const TRAINER = /(^|\.)Trainer$/;

/**
 * The other places the missing seed shows: the first draw from a global generator (the data the
 * run makes up or splits differently each time) and the trainer that runs the unseeded training.
 * Reviewers mark either as often as the training call itself.
 */
function unseededPlaces(model: PythonModel, training: Node): { range: Range; message: Localized }[] {
  const places: { range: Range; message: Localized }[] = [];
  const draw = model.calls.find((c) => GLOBAL_DRAW.test(c.callee ?? ''));
  if (draw && draw.node.startPosition.row !== training.startPosition.row) places.push({ range: nodeRange(draw.node), message: UNSEEDED_DRAW });
  const trainer = model.calls.find((c) => TRAINER.test(c.callee ?? '') && /lightning/.test(c.callee ?? ''));
  if (trainer && trainer.node.startPosition.row !== training.startPosition.row) places.push({ range: nodeRange(trainer.node), message: UNSEEDED_TRAINER });
  return places;
}

const UNSEEDED_DRAW = l('시드 없는 전역 난수 생성기에서 뽑는 곳', 'a draw from the unseeded global generator');
const UNSEEDED_TRAINER = l('시드 없이 학습을 돌리는 Trainer', 'the Trainer that runs the unseeded training');
