import type { Node } from 'web-tree-sitter';
import { l, pythonRule } from '../../rule';

/** Listings whose order is whatever the file system returns. */
const LISTING = /^(os\.listdir|os\.scandir|glob\.glob|glob\.iglob)$|\.(iterdir|glob|rglob)$/;

/** The class the node sits in, when it is a data set (`Dataset`/`Sequence` subclass or one with `__getitem__`). */
function datasetClass(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type !== 'class_definition') continue;
    const bases = p.childForFieldName('superclasses')?.text ?? '';
    const body = p.childForFieldName('body')?.text ?? '';
    return /\b(Dataset|IterableDataset|Sequence|PyDataset)\b/.test(bases) || /\bdef\s+__getitem__\s*\(/.test(body) ? p : undefined;
  }
  return undefined;
}

/** Consumers whose answer does not depend on the listing's order. */
const ORDER_FREE = /^(len|max|min|any|all|set|frozenset)$/;

/** A split or shuffle whose result depends on the order of its input, seeded or not. */
const SPLIT = /\b(train_test_split|random_split|GroupShuffleSplit|StratifiedShuffleSplit|ShuffleSplit)\s*\(|\brandom\.shuffle\s*\(|\.sample\s*\(\s*frac\s*=/;

/** The function the listing sits in (or the module, at top level), when that scope also splits or shuffles. */
function splitScope(node: Node): boolean {
  let scope: Node = node;
  for (let p = node.parent; p; p = p.parent) {
    scope = p;
    if (p.type === 'function_definition') break;
  }
  return SPLIT.test(scope.text);
}

/** `sorted(...)` (or `.sort()` on the result) somewhere around the listing. */
function sortedAround(node: Node): boolean {
  for (let p: Node | null = node.parent, depth = 0; p && depth < 6; p = p.parent, depth++) {
    if (p.type === 'call' && /^(sorted|natsorted|np\.sort|numpy\.sort)$/.test(p.childForFieldName('function')?.text ?? '')) return true;
    if (p.type === 'expression_statement' || p.type === 'function_definition') break;
  }
  return false;
}

export default pythonRule({
  id: 'unsorted-file-listing',
  language: 'python',
  category: 'reproducibility',
  // Info: training works; what varies is which index holds which file, and so every seeded split and order.
  severity: 'info',
  anchors: ['gap:unsorted-file-listing'],
  callees: [LISTING],
  messages: {
    unsorted: l(
      '데이터셋이 파일 목록을 정렬하지 않고 씁니다 — os.listdir·glob의 순서는 파일 시스템마다 달라서, 같은 시드로도 기계마다 다른 분할과 순서가 나옵니다',
      'The data set uses a file listing without sorting it — os.listdir and glob return files in whatever order the file system keeps, so the same seed gives other splits and orders on another machine',
    ),
    unsortedSplit: l(
      '정렬하지 않은 파일 목록을 같은 함수에서 나눕니다(분할·셔플) — os.listdir·glob의 순서는 파일 시스템마다 달라서, 시드를 고정해도 기계마다 다른 파일이 학습·검증에 들어갑니다',
      'A file listing that is not sorted is split or shuffled in the same function — os.listdir and glob return files in whatever order the file system keeps, so even a seeded split puts other files in training and validation on another machine',
    ),
  },
  docs: {
    summary: l(
      'Dataset 클래스(Dataset·Sequence를 상속하거나 __getitem__이 있는 클래스) 안에서 os.listdir, glob, Path.iterdir/glob 결과를 sorted() 없이 쓰는 경우와, 그렇게 얻은 목록을 같은 함수(또는 스크립트)에서 나누거나 섞는 경우(train_test_split, random_split, random.shuffle, DataFrame.sample)를 찾습니다.',
      'Flags data set classes (subclasses of Dataset or Sequence, or classes with __getitem__) that use os.listdir, glob or Path.iterdir/glob results without sorted(), and functions (or scripts) that list files that way and then split or shuffle them (train_test_split, random_split, random.shuffle, DataFrame.sample).',
    ),
    why: l(
      '디렉터리 목록의 순서는 보장되지 않습니다(파일 시스템, OS, 파일을 복사한 순서에 따라 다름). 인덱스로 파일을 고르는 Dataset에서는 같은 시드의 random_split도 기계마다 다른 학습·검증 세트를 만들고, 결과를 다시 만들 수 없습니다.',
      'Directory listings come in no guaranteed order (it depends on the file system, the OS, the order files were copied in). In a data set that picks files by index, even a seeded random_split builds other train and validation sets on another machine, and the result cannot be repeated.',
    ),
    bad: 'import os\nfrom torch.utils.data import Dataset\n\n\nclass Images(Dataset):\n    def __init__(self, root):\n        self.paths = [os.path.join(root, f) for f in os.listdir(root)]\n\n    def __getitem__(self, i):\n        return load(self.paths[i])\n',
    good: 'import os\nfrom torch.utils.data import Dataset\n\n\nclass Images(Dataset):\n    def __init__(self, root):\n        # TODO: 어떤 기준으로 정렬해야 모든 기계에서 같은 순서가 될까요?\n        self.paths = [os.path.join(root, f) for f in sorted(os.listdir(root))]\n\n    def __getitem__(self, i):\n        return load(self.paths[i])\n',
  },
  weeks: ['beginner/2', 'beginner/3'],
  questions: [
    l('다른 컴퓨터에서 이 Dataset의 0번 항목은 같은 파일일까요? 어떻게 확인하시겠어요?', 'On another computer, is item 0 of this data set the same file? How would you check?'),
    l('시드를 고정한 분할이 기계마다 다르게 나온다면, 무엇이 시드 바깥에 남아 있는 걸까요?', 'If a seeded split still differs between machines, what is left outside the seed?'),
  ],
  scaffold: {
    ko: '# TODO: 파일 목록의 순서 고정하기\n# 고려사항:\n# - sorted()로 이름순 정렬하면 충분할까요?\n# - 목록을 파일(매니페스트)로 남겨 데이터 버전과 함께 기록할까요?\n# TODO: 목록을 만드는 곳에서 정렬\n',
    en: '# TODO: fix the order of the file list\n# Consider:\n# - is sorting by name with sorted() enough?\n# - keep the list as a manifest file, versioned with the data?\n# TODO: sort where the list is built\n',
  },
  check(context) {
    for (const call of context.calls) {
      if (sortedAround(call.node)) continue;
      const inDataset = datasetClass(call.node) !== undefined;
      if (!inDataset && !splitScope(call.node)) continue;
      // A membership or count check (`if name in os.listdir(d)`, `len(...)`) or the newest file (`max(...)`) uses no order.
      const parent = call.node.parent;
      if (parent?.type === 'comparison_operator' || (parent?.parent?.type === 'call' && ORDER_FREE.test(parent.parent.childForFieldName('function')?.text ?? ''))) continue;
      context.report({ node: call.node, messageId: inDataset ? 'unsorted' : 'unsortedSplit' });
      return;
    }
  },
});
