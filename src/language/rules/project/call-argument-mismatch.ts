import { callProblem, type Signature } from '../../python/call-signatures';
import { l, projectRule } from '../../rule';

/**
 * `train_model(X, y, epoch=10)` where the project's `train_model` takes `epochs`: a TypeError on
 * every run, often swallowed by a broad `except` around it in a handler or a pipeline step. The
 * per-file facts record the functions and plain classes whose parameters Python alone decides
 * (python/call-signatures.ts) and the calls by name with what they pass; the project pass joins
 * them through the imports. Silent whenever the callee is not certain: a decorator, a second
 * definition, `*args`/`**kwargs` on either side, or another function of that name in the project
 * that would accept the call.
 */
export default projectRule({
  scope: 'project',
  id: 'call-argument-mismatch',
  language: 'python',
  category: 'reliability',
  // An error: the call cannot succeed, whatever the data.
  severity: 'error',
  anchors: ['pylint:E1123', 'pylint:E1120', 'pylint:E1121', 'pylint:E1124', 'mypy:call-arg'],
  messages: {
    unknownKeyword: l(
      "'{callee}'에는 '{keyword}'라는 매개변수가 없습니다 — 이 호출은 실행될 때마다 TypeError로 멈춥니다",
      "'{callee}' has no parameter '{keyword}' — this call raises TypeError every time it runs",
    ),
    multipleValues: l(
      "'{callee}'의 '{keyword}'를 위치 인자와 이름 인자로 두 번 넘깁니다 — 이 호출은 실행될 때마다 TypeError로 멈춥니다",
      "'{callee}' gets '{keyword}' twice, by position and by name — this call raises TypeError every time it runs",
    ),
    tooManyPositional: l(
      "'{callee}'는 위치 인자를 최대 {max}개 받는데 여기서는 {count}개를 넘깁니다 — 이 호출은 실행될 때마다 TypeError로 멈춥니다",
      "'{callee}' takes at most {max} positional arguments but is given {count} here — this call raises TypeError every time it runs",
    ),
    missingArgument: l(
      "'{callee}'의 필수 인자 {missing}이(가) 빠졌습니다 — 이 호출은 실행될 때마다 TypeError로 멈춥니다",
      "'{callee}' is called without its required argument {missing} — this call raises TypeError every time it runs",
    ),
  },
  docs: {
    summary: l(
      '프로젝트 안의 함수나 클래스(`__init__`)를 그 정의가 받지 않는 인자로 부르는 호출을 찾습니다: 없는 키워드 인자(철자 오류, 이름이 바뀐 매개변수), 너무 많은 위치 인자, 빠진 필수 인자, 같은 매개변수를 위치와 이름으로 두 번 넘기는 경우. 함수가 다른 모듈에 있어도 import를 따라갑니다. 정의가 확실할 때만 판단합니다: 시그니처를 바꿀 수 있는 데코레이터, 두 번 정의되거나 다시 바인딩된 이름, 호출이나 정의의 `*args`/`**kwargs`, 기반 클래스가 있는 클래스, 프로젝트 안에서 같은 이름의 다른 함수가 그 호출을 받아 주는 경우는 보지 않습니다.',
      'Flags a call to a function or class (`__init__`) of the project with arguments its definition does not take: an unknown keyword (a typo, a renamed parameter), too many positionals, a missing required argument, or one parameter given both by position and by name, following imports into other modules. Only definitions that are certain are judged: decorators that may change the signature, names defined or rebound twice, `*args`/`**kwargs` in the call or the definition, classes with a base class, and a same-named function elsewhere in the project that would accept the call are left alone.',
    ),
    why: l(
      '함수의 매개변수 이름을 바꾸거나 인자를 추가한 뒤, 다른 파일의 호출이 옛 모양 그대로 남는 일이 흔합니다. 그 호출은 실행될 때마다 TypeError를 내는데, 핸들러나 파이프라인 단계의 넓은 `except`가 그것을 삼키면 "예측이 가끔 비어 있다"나 "학습이 기본값으로 돈다"로만 보입니다.',
      'After a parameter is renamed or added, calls in other files often keep the old shape. The call raises TypeError every time, and when a broad `except` in a handler or a pipeline step swallows it, all anyone sees is "predictions are sometimes empty" or "training runs with the defaults".',
    ),
    bad: '# --- model.py ---\ndef train_model(X, y, epochs=10, lr=0.001):\n    ...\n# --- pipeline.py ---\nfrom model import train_model\n\nmodel = train_model(X_train, y_train, epoch=20, learning_rate=0.01)\n',
    good: '# --- model.py ---\ndef train_model(X, y, epochs=10, lr=0.001):\n    ...\n# --- pipeline.py ---\nfrom model import train_model\n\n# TODO: 호출이 넘기는 인자 이름이 함수의 매개변수와 같은가요? 바뀌면 무엇이 알려 주나요?\nmodel = train_model(X_train, y_train, epochs=20, lr=0.01)\n',
  },
  weeks: ['beginner/3', 'beginner/4'],
  questions: [
    l(
      "'{callee}'의 정의를 열어 보셨나요? 매개변수가 바뀐 것과 이 호출이 쓰인 것 중 어느 쪽이 나중인가요?",
      "Have you opened the definition of '{callee}'? Which changed last, its parameters or this call?",
    ),
    l(
      '호출한 쪽이 모든 예외를 잡아 넘긴다면 이 TypeError는 어떻게 될까요? 로그에는 어떻게 보일까요?',
      'If a caller caught every exception and carried on, what would become of this TypeError? How would it show in the logs?',
    ),
    l(
      '이 경로를 한 번이라도 실행하는 테스트가 있나요? 타입 검사기(mypy, pyright)나 pylint를 CI에서 돌리면 무엇이 달라질까요?',
      'Is there a test that runs this path even once? What would running a type checker (mypy, pyright) or pylint in CI change?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 호출과 함수의 매개변수 맞추기\n# 고려사항:\n# - 함수가 지금 받는 매개변수의 이름과 순서는 무엇인가요?\n# - 이 호출을 실행하는 테스트가 있나요?\n# - 넓은 except가 TypeError를 삼키고 있지는 않나요?\n',
    en: "# TODO: make the call match the function's parameters\n# Consider:\n# - what are the parameter names and their order today?\n# - is there a test that runs this call?\n# - does a broad except swallow the TypeError?\n",
  },
  project(context) {
    const { view } = context;
    // Every signature by name: a call another definition of that name would accept is not certain to be wrong.
    const byName = new Map<string, Signature[]>();
    for (const facts of view.python.values())
      for (const signature of facts.signatures ?? []) {
        const list = byName.get(signature.name);
        if (list) list.push(signature);
        else byName.set(signature.name, [signature]);
      }
    if (byName.size === 0) return;
    for (const [path, facts] of view.python) {
      for (const call of facts.argumentCalls ?? []) {
        const last = call.callee.slice(call.callee.lastIndexOf('.') + 1);
        const namesakes = byName.get(last);
        if (!namesakes) continue;
        const target = view.modules.resolve(path, call.callee, 0, call.scope);
        if (!target) continue;
        const hash = target.lastIndexOf('#');
        const file = target.slice(0, hash);
        const name = target.slice(hash + 1);
        const signature = view.python.get(file)?.signatures?.find((s) => s.name === name);
        if (!signature) continue;
        const problem = callProblem(call, signature);
        if (!problem || namesakes.some((other) => other !== signature && callProblem(call, other) === undefined)) continue;
        const { messageId, ...data } = problem;
        context.report({
          path,
          range: call.range,
          messageId,
          data: { callee: call.callee, count: call.positional, ...data },
          related: file === path ? undefined : [{ path: file, range: signature.range, message: l(`'${name}'의 정의`, `'${name}' is defined here`) }],
        });
      }
    }
  },
});
