import { l, projectRule } from '../../rule';

/**
 * `train, val, ds = get_loaders()` where every `return` of `get_loaders` gives two values: the
 * line raises ValueError on every run. The function usually lives in another module (a `data.py`
 * beside `train.py`) and changed after the caller was written, so the per-file facts record
 * which functions always return an N-tuple and which calls are unpacked (python/tuple-returns.ts)
 * and the project pass joins them through the imports.
 */
export default projectRule({
  scope: 'project',
  id: 'unbalanced-tuple-unpacking',
  language: 'python',
  category: 'reliability',
  // An error: the line cannot succeed, whatever the data.
  severity: 'error',
  anchors: ['pylint:W0632'],
  messages: {
    mismatch: l(
      "'{callee}'는 언제나 값 {arity}개를 돌려주는데 여기서는 {count}개로 풀어 씁니다 — 이 줄은 실행될 때마다 ValueError로 멈춥니다",
      "'{callee}' always returns {arity} values but is unpacked into {count} here — this line raises ValueError every time it runs",
    ),
  },
  docs: {
    summary: l(
      '모든 return이 같은 길이의 튜플을 돌려주는 모듈 수준 함수를, 다른 개수의 이름으로 풀어 쓰는 호출을 찾습니다(`a, b, c = f()`에서 f가 언제나 두 값을 돌려줌). 함수가 다른 모듈에 있어도 import를 따라갑니다. 별표 대상(`a, *rest = f()`), 길이가 경우마다 다른 함수, 반환값을 바꿀 수 있는 데코레이터가 붙은 함수는 보지 않습니다.',
      'Flags a call unpacked into a different number of names than the module-level function always returns (`a, b, c = f()` where every return of f gives two values), following imports into other modules. Starred targets (`a, *rest = f()`), functions whose returns differ in length, and functions behind a decorator that may change the result are left alone.',
    ),
    why: l(
      '학습 스크립트는 data.py의 함수가 바뀐 뒤에도 옛 모양대로 결과를 받는 일이 흔합니다. 개수가 맞지 않으면 학습은 시작도 하지 못하고, 노트북에서 셀을 따로 실행하던 동안에는 아무도 알아채지 못합니다. 파이프라인이나 CI에서 처음으로 실패합니다.',
      'A training script often keeps unpacking a helper the old way after the helper in data.py changed. With the counts apart, training never starts, and nobody notices while cells run one by one in a notebook: the first failure is in the pipeline or CI.',
    ),
    bad: '# --- data.py ---\ndef get_loaders():\n    return train_loader, val_loader\n# --- train.py ---\nfrom data import get_loaders\n\ntrain_loader, val_loader, dataset = get_loaders()\n',
    good: '# --- data.py ---\ndef get_loaders():\n    return train_loader, val_loader\n# --- train.py ---\nfrom data import get_loaders\n\n# TODO: get_loaders가 돌려주는 값과 이름의 개수가 맞나요? 바뀌면 누가 알려 주나요?\ntrain_loader, val_loader = get_loaders()\n',
  },
  weeks: ['beginner/3', 'beginner/4'],
  questions: [
    l(
      "'{callee}'가 지금 무엇을 돌려주는지 확인해 보셨나요? 이 줄이 쓰일 때와 함수가 바뀐 때 중 어느 쪽이 나중인가요?",
      "Have you checked what '{callee}' returns today? Which changed last, this line or the function?",
    ),
    l(
      '튜플 대신 이름이 있는 결과(dataclass, NamedTuple)를 돌려준다면, 이런 어긋남은 어디에서 드러날까요?',
      'If the function returned a named result (a dataclass, a NamedTuple) instead of a tuple, where would such a mismatch show up?',
    ),
    l('이 스크립트를 처음부터 끝까지 한 번에 실행하는 테스트나 CI 단계가 있나요?', 'Is there a test or CI step that runs this script from start to end in one go?'),
  ],
  scaffold: {
    ko: '# TODO: 호출하는 쪽과 함수의 반환값 맞추기\n# 고려사항:\n# - 함수가 돌려주는 값은 몇 개이고, 여기서 필요한 것은 무엇인가요?\n# - 여러 값을 이름 있는 결과(dataclass, NamedTuple)로 돌려주면 어떨까요?\n# - 스크립트 전체를 한 번에 실행하는 테스트가 있나요?\n',
    en: '# TODO: make the call and the function agree\n# Consider:\n# - how many values does the function return, and which ones are needed here?\n# - would a named result (a dataclass, a NamedTuple) serve better than a tuple?\n# - is there a test that runs the whole script in one go?\n',
  },
  project(context) {
    const { view } = context;
    for (const [path, facts] of view.python) {
      for (const unpack of facts.unpackedCalls ?? []) {
        const target = view.modules.resolve(path, unpack.callee, 0, unpack.scope);
        if (!target) continue;
        const hash = target.lastIndexOf('#');
        const file = target.slice(0, hash);
        const name = target.slice(hash + 1);
        const returned = view.python.get(file)?.tupleReturns?.find((fn) => fn.name === name);
        if (!returned || returned.arity === unpack.count) continue;
        context.report({
          path,
          range: unpack.range,
          messageId: 'mismatch',
          data: { callee: unpack.callee, arity: returned.arity, count: unpack.count },
          related:
            file === path
              ? undefined
              : [{ path: file, range: returned.range, message: l(`'${name}'는 값 ${returned.arity}개를 돌려줍니다`, `'${name}' returns ${returned.arity} values`) }],
        });
      }
    }
  },
});
