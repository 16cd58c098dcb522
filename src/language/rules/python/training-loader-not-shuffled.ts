import type { Node } from 'web-tree-sitter';
import { keywordArgument } from '../../python/model';
import { l, pythonRule } from '../../rule';

/**
 * `train_loader = DataLoader(train_dataset, batch_size=32)`: PyTorch's DataLoader does not shuffle
 * unless asked, so every epoch walks the training set in the order it was built (by class, by date,
 * by the CSV's order) and each batch is that slice of it. A loader counts as the training loader when
 * it is named so (`train_loader`, `self.train_dl`), built in a DataModule's `train_dataloader`, or fed
 * a data set named `train...`; a sampler (`sampler=`, `batch_sampler=`) chooses the order itself, and
 * validation, test and prediction loaders need no shuffling.
 */

/** PyTorch's loader, imported or written out. */
const LOADER = /^(torch\.utils\.data\.)?DataLoader$/;
/** A name that says training data. */
const TRAIN = /train/i;
/** A name that says another split, even with "train" in it (`train_val_loader` evaluates). */
const OTHER_SPLIT = /val|test|eval|pred|infer|holdout/i;

/** What a call's value is kept in: the assignment's target, or the method that returns it. */
function destination(call: Node): string | undefined {
  let node: Node | null = call.parent;
  while (node && (node.type === 'parenthesized_expression' || node.type === 'expression_list')) node = node.parent;
  if (node?.type === 'assignment') return node.childForFieldName('left')?.text;
  if (node?.type === 'return_statement') {
    for (let p: Node | null = node.parent; p; p = p.parent) {
      if (p.type === 'function_definition') return p.childForFieldName('name')?.text;
      if (p.type === 'lambda') return undefined;
    }
  }
  return undefined;
}

/** The data set handed to the loader: first positional argument or `dataset=`. */
function datasetArgument(call: Node): string | undefined {
  const args = call.childForFieldName('arguments');
  const first = args?.namedChildren.find((a) => a !== null && a.type !== 'keyword_argument' && a.type !== 'comment');
  return first?.text ?? keywordArgument(call, 'dataset')?.text;
}

export default pythonRule({
  id: 'training-loader-not-shuffled',
  language: 'python',
  category: 'reliability',
  // A warning: the model trains, but on batches that follow the data's order, and learns that order.
  severity: 'warning',
  anchors: ['gap:training-loader-not-shuffled'],
  callees: [LOADER],
  messages: {
    unshuffled: l(
      '학습용 DataLoader가 섞지 않습니다 ({how}) — 매 에폭 같은 순서로 데이터를 보게 되어, 정렬된 데이터(클래스별·날짜별)라면 배치마다 한쪽으로 치우친 기울기를 받습니다',
      'The training DataLoader does not shuffle ({how}) — every epoch sees the data in the same order, and on sorted data (by class, by date) each batch pulls the model one way',
    ),
  },
  docs: {
    summary: l(
      '학습용으로 보이는 DataLoader(이름이 train…인 변수, LightningDataModule의 train_dataloader, train… 데이터셋을 받는 로더)에 shuffle=True도 sampler도 없는 경우를 찾습니다. 검증·테스트·예측 로더는 보지 않습니다.',
      'Flags DataLoaders that feed training (kept in a train… name, returned by a LightningDataModule’s train_dataloader, or given a train… data set) with neither shuffle=True nor a sampler. Validation, test and prediction loaders are left alone.',
    ),
    why: l(
      'PyTorch의 DataLoader는 기본값이 shuffle=False입니다. 데이터가 클래스나 날짜 순으로 쌓여 있으면 한 배치 안에 한 클래스만 들어가고, 확률적 경사 하강법이 전제하는 "무작위 미니배치"가 깨져 학습이 흔들리거나 데이터 순서를 배웁니다. 에폭마다 순서가 같으니 같은 실수가 매번 반복됩니다.',
      'PyTorch’s DataLoader defaults to shuffle=False. When the data is stored by class or by date, a batch holds one class at a time, the random mini-batches stochastic gradient descent assumes are gone, and training oscillates or learns the order of the data. With the same order every epoch, the same bias repeats each time.',
    ),
    bad: 'from torch.utils.data import DataLoader\n\ntrain_loader = DataLoader(train_dataset, batch_size=32)\nval_loader = DataLoader(val_dataset, batch_size=32)\n',
    good: 'from torch.utils.data import DataLoader\n\n# TODO: 시드를 고정한 generator를 넘기면 섞는 순서도 재현할 수 있을까요?\ntrain_loader = DataLoader(train_dataset, batch_size=32, shuffle=True)\nval_loader = DataLoader(val_dataset, batch_size=32)\n',
  },
  weeks: ['intermediate/5', 'beginner/2'],
  questions: [
    l('학습 데이터는 어떤 순서로 저장되어 있나요? 첫 배치에는 어떤 레이블들이 들어갈까요?', 'In what order is the training data stored? Which labels end up in the first batch?'),
    l('검증 로더는 섞지 않아도 되는데 학습 로더는 왜 섞어야 할까요?', 'Why does the training loader need shuffling when the validation loader does not?'),
  ],
  scaffold: {
    ko: '# TODO: 학습 로더의 순서를 매 에폭 섞기\n# 고려사항:\n# - shuffle=True, 또는 불균형 데이터라면 WeightedRandomSampler\n# - 재현하려면 generator=torch.Generator().manual_seed(...)\n# TODO: 학습용 DataLoader에만 적용\n',
    en: '# TODO: shuffle the training loader every epoch\n# Consider:\n# - shuffle=True, or a WeightedRandomSampler for imbalanced data\n# - for repeatable runs, generator=torch.Generator().manual_seed(...)\n# TODO: apply it to the training DataLoader only\n',
  },
  check(context) {
    for (const call of context.calls) {
      const dataset = datasetArgument(call.node);
      if (!dataset) continue;
      const shuffle = keywordArgument(call.node, 'shuffle');
      if (shuffle && shuffle.text !== 'False') continue;
      if (keywordArgument(call.node, 'sampler') || keywordArgument(call.node, 'batch_sampler')) continue;
      // Options passed as `**train_kwargs` may hold shuffle=True: what the loader gets is not written here.
      if (!shuffle && call.node.childForFieldName('arguments')?.namedChildren.some((a) => a?.type === 'dictionary_splat')) continue;
      // An iterable (streamed) data set cannot be shuffled by the loader.
      if (/iterable|stream/i.test(dataset)) continue;
      const kept = destination(call.node);
      const names = [kept ?? '', dataset].join(' ');
      if (OTHER_SPLIT.test(names)) continue;
      const training = (kept !== undefined && TRAIN.test(kept)) || TRAIN.test(dataset);
      if (!training) continue;
      context.report({ node: shuffle ?? call.node, messageId: 'unshuffled', data: { how: shuffle ? 'shuffle=False' : 'no shuffle=True' } });
    }
  },
});
