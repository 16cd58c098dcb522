import { l, pythonRule } from '../../rule';
import { isNotebookModel } from '../../python/notebooks';
import { python2Notice } from '../../python/python2';
import { undefinedNamesOf } from '../../python/module-names';

/**
 * Files whose names cannot be known from the text: names injected through `exec`/`eval`,
 * `globals()`/`locals()`/`vars()`, the builtins module, or a module-level `__getattr__`.
 */
const DYNAMIC_NAMES =
  /(?<![.\w])(?:exec|eval|execfile|globals|locals|vars)\s*\(|^(?:async\s+)?def\s+__getattr__\b|(?:__builtins__|\bbuiltins|__builtin__)(?:\.\w+|\[[^\]\n]*\])\s*=(?!=)|setattr\(\s*(?:__builtins__|builtins|__builtin__)\b|^# Databricks notebook source/m;
const STAR_IMPORT = /\bimport\s*\(?\s*\*/;
/**
 * What every match of `DYNAMIC_NAMES` or of `STAR_IMPORT` holds within one line, for
 * `linesMatch`: where their `\s*` runs across a line break, the line before it ends in blanks
 * (`[^\S\n]*$`). Most files hold none, and a re-lint then tests only the edited lines.
 */
const DYNAMIC_HINT = /(?<![.\w])(?:exec|eval|execfile|globals|locals|vars)[^\S\n]*(?:\(|$)|__getattr__|builtin|^# Databricks notebook source/m;
const STAR_HINT = /\bimport[^\S\n]*\(?[^\S\n]*(?:\*|$)/m;

export default pythonRule({
  id: 'undefined-name',
  language: 'python',
  category: 'reliability',
  severity: 'error',
  anchors: ['F821'],
  messages: {
    handler: l(
      '{name}이(가) 요청 핸들러 {function}()에서 쓰이지만 어디에서도 정의하거나 import하지 않습니다: 첫 요청에서 NameError가 납니다',
      '{name} is used in the request handler {function}() but never defined or imported: the first request fails with NameError',
    ),
    function: l(
      '{name}이(가) {function}()에서 쓰이지만 어디에서도 정의하거나 import하지 않습니다: 이 함수가 실행되면 NameError가 납니다',
      '{name} is used in {function}() but never defined or imported: the call fails with NameError',
    ),
    import: l(
      '{name}이(가) 모듈 수준 코드(import하거나 실행할 때 도는 코드)에서 쓰이지만 어디에서도 정의하거나 import하지 않습니다: 파일을 불러오는 순간 NameError가 납니다',
      '{name} is used in module-level code but never defined or imported: importing or running the file fails with NameError',
    ),
  },
  severityReasons: {
    helper: {
      severity: 'warning',
      message: l(
        '요청 핸들러도 모듈 수준 코드도 아닌 함수 안입니다: 그 함수를 부를 때에만 실패합니다',
        'The use is inside a function that is neither a request handler nor module-level code: it fails only when that function is called',
      ),
    },
  },
  docs: {
    summary: l(
      '어떤 스코프(모듈, 함수, 클래스 본문, 컴프리헨션, 내장 이름)에서도 정의되지 않은 이름을 읽는 코드를 찾습니다 (pyflakes F821).',
      'Flags a name that no scope binds: not the module, the enclosing functions, the class body, a comprehension or the builtins (pyflakes F821).',
    ),
    why: l(
      '파이썬은 이름을 실행할 때에야 찾습니다. import되지 않은 HTTPException이나 정의되지 않은 스키마 클래스는 배포된 서비스가 시작하거나 첫 요청을 받을 때 NameError로 멈추게 합니다.',
      'Python looks names up only when the line runs. An HTTPException never imported or a schema class defined nowhere stops the deployed service at start-up or on its first request with NameError.',
    ),
    bad: 'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post("/predict")\ndef predict(x: dict):\n    if not x:\n        raise HTTPException(status_code=422, detail="empty input")\n    return x\n',
    good: 'from fastapi import FastAPI, HTTPException\n\napp = FastAPI()\n\n\n@app.post("/predict")\ndef predict(x: dict):\n    # TODO: 어떤 입력을 거부해야 하나요? 그때 클라이언트는 무엇을 받아야 하나요?\n    if not x:\n        raise HTTPException(status_code=422, detail="empty input")\n    return x\n',
  },
  weeks: ['beginner/5'],
  questions: [
    l('이 이름은 어디에서 온다고 생각했나요? 다른 파일인가요, 지워진 import인가요?', 'Where did you expect this name to come from: another file, an import that was removed?'),
    l(
      '서비스를 배포하기 전에 이 줄이 한 번이라도 실행되는 테스트가 있나요? 어떤 도구가 이것을 미리 잡아 줄 수 있을까요?',
      'Does any test run this line before the service is deployed? Which tool could catch this before it ships?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 정의되지 않은 이름 해결하기\n# 고려사항:\n# - 이 이름은 어느 모듈에 있나요? import 문이 빠졌나요?\n# - 다른 함수의 지역 변수를 쓰려던 것인가요? 인자로 넘길 수 있나요?\n# - CI에서 ruff(F821)나 pyflakes를 돌리면 미리 잡을 수 있나요?\n# TODO: import 또는 정의 추가\n',
    en: "# TODO: resolve the undefined name\n# Consider:\n# - which module holds this name? Is an import missing?\n# - did you mean another function's local variable? Can it be passed in as an argument?\n# - would ruff (F821) or pyflakes in CI catch this before it ships?\n# TODO: add the import or the definition\n",
  },
  check(context) {
    const { tree, text, model } = context;
    if (tree.rootNode.hasError || (model.linesMatch(DYNAMIC_HINT) && DYNAMIC_NAMES.test(text)) || isNotebookModel(model)) return;
    if (model.linesMatch(STAR_HINT) && STAR_IMPORT.test(text) && tree.rootNode.descendantsOfType('wildcard_import').length > 0) return;
    if (python2Notice(tree, text, 'en', model.whole)) return;
    // Joined from each top-level statement's part, which a re-lint keeps for the statements it did not edit.
    for (const use of undefinedNamesOf(model)) {
      if (use.name === 'r' && isReticulateBridge(text, use.range.end.line, use.range.end.column)) continue;
      const fn = use.inFunction;
      const name = `'${use.name}'`;
      if (!fn) {
        context.report({ range: use.range, messageId: 'import', data: { name } });
        continue;
      }
      const handler = model.handlers.find((h) => h.node.startIndex === fn.startIndex && h.node.type === 'function_definition');
      const function_ = fn.name;
      if (handler) context.report({ range: use.range, messageId: 'handler', data: { name, function: function_ } });
      else context.report({ range: use.range, messageId: 'function', data: { name, function: function_ }, severityReason: 'helper' });
    }
  },
});

/**
 * `r.train_data`: a script run from R through reticulate, which injects the R session as `r`; the
 * name is only ever read for its attributes there. A bare `r` (a typo for a loop variable, say) is
 * still reported.
 */
function isReticulateBridge(text: string, line: number, column: number): boolean {
  let start = 0;
  for (let i = 0; i < line; i++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return false;
  }
  return /^\.[A-Za-z_]/.test(text.slice(start + column, start + column + 2));
}
