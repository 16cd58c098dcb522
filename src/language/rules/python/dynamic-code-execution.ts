import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'dynamic-code-execution',
  language: 'python',
  local: true,
  category: 'security',
  severity: 'error',
  anchors: ['B307', 'B102', 'S307', 'S102', 'CWE-95'],
  messages: {
    call: l('{callee}()는 문자열을 파이썬 코드로 실행합니다', '{callee}() runs a string as Python code'),
  },
  docs: {
    summary: l(
      '상수가 아닌 문자열을 내장 eval()/exec()로 실행하는 호출을 찾습니다 (ast.literal_eval은 제외).',
      'Flags the built-in eval() and exec() run on non-constant text (not ast.literal_eval).',
    ),
    why: l(
      'eval/exec에 들어가는 문자열이 요청이나 설정 파일에서 온다면, 그 문자열을 쓴 사람은 서버에서 어떤 코드든 실행할 수 있습니다.',
      'If the string reaching eval/exec comes from a request or a config file, whoever wrote it can run any code on the server.',
    ),
    bad: 'def parse_features(text):\n    return eval(text)\n',
    good: 'import json\n\ndef parse_features(text):\n    # TODO: 허용할 입력 형식은 무엇인가요? 실패하면 어떻게 알릴까요?\n    return json.loads(text)\n',
  },
  weeks: ['advanced/4'],
  questions: [
    l('이 문자열에 \'__import__("os").system("rm -rf /")\'가 들어온다면 어떻게 될까요?', 'What happens if this string contains \'__import__("os").system("rm -rf /")\'?'),
    l(
      '여기서 정말 필요한 것은 코드 실행인가요, 아니면 데이터(JSON, 숫자, 리스트) 파싱인가요?',
      'Do you really need to run code here, or only to parse data (JSON, numbers, lists)?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 코드 실행 없이 입력 해석하기\n# 고려사항:\n# - 입력은 어떤 형식인가요? (JSON, 숫자 목록, 수식?)\n# - 데이터라면 json.loads / ast.literal_eval로 충분한가요?\n# - 허용할 연산이 정해져 있다면 화이트리스트로 표현할 수 있나요?\n# TODO: eval/exec 제거\n',
    en: '# TODO: interpret the input without running code\n# Consider:\n# - what format is the input? (JSON, a list of numbers, an expression?)\n# - for data, is json.loads / ast.literal_eval enough?\n# - if only some operations are allowed, can an allow-list express them?\n# TODO: remove eval/exec\n',
  },
  // The built-ins by resolved name: an imported `eval` resolves to its module and is left alone.
  callees: ['eval', 'exec', 'builtins.eval', 'builtins.exec'],
  check(context) {
    const { model } = context;
    for (const { node, callee } of context.calls) {
      const name = callee!.slice(callee!.lastIndexOf('.') + 1);
      // A locally defined eval()/exec() (e.g. an evaluation helper) is not the built-in.
      if (model.functions.some((fn) => fn.childForFieldName('name')?.text === name)) continue;
      // A constant string runs only what the author wrote; the risk is text that comes from outside.
      const code = node.childForFieldName('arguments')?.namedChildren.find((c) => c?.type !== 'comment');
      if (code?.type === 'string' && !code.namedChildren.some((c) => c?.type === 'interpolation')) continue;
      context.report({ node, messageId: 'call', data: { callee: name } });
    }
  },
});
