import type { Node } from 'web-tree-sitter';
import { interpolatedName } from '../../python/nodes';
import { l, pythonRule } from '../../rule';

const SUBPROCESS = /^subprocess\.(run|call|check_call|check_output|Popen|getoutput|getstatusoutput)$/;

export default pythonRule({
  id: 'subprocess-shell-true',
  language: 'python',
  local: true,
  category: 'security',
  severity: 'warning',
  anchors: ['B602', 'B605', 'S602', 'S605', 'CWE-78'],
  messages: {
    shell: l('{callee}가 shell=True로 실행됩니다', '{callee} runs with shell=True'),
    osShell: l('{callee}에 만들어진 문자열이 셸 명령으로 전달됩니다', '{callee} passes a built string to the shell'),
  },
  docs: {
    summary: l(
      '변수로 만든 명령을 shell=True로 실행하는 subprocess 호출과 os.system/os.popen을 찾습니다 (상수 명령은 제외).',
      'Flags subprocess calls with shell=True and os.system/os.popen whose command is built from variables (constant commands are left alone).',
    ),
    why: l(
      '셸은 ; | $( ) 같은 문자를 명령으로 해석합니다. 파일 이름이나 모델 이름에 그런 문자가 섞이면 의도하지 않은 명령이 서버 권한으로 실행됩니다.',
      'The shell interprets ; | $( ) as commands. If a file or model name carries such characters, unintended commands run with the server’s permissions.',
    ),
    bad: "import subprocess\n\ndef convert(path):\n    subprocess.run(f'python convert.py {path}', shell=True, check=True)\n",
    good: "import subprocess\n\ndef convert(path):\n    # TODO: path는 어디서 오나요? 허용할 값의 범위는?\n    subprocess.run(['python', 'convert.py', path], check=True)\n",
  },
  weeks: ['advanced/4'],
  questions: [
    l(
      "{variable|명령에 끼워 넣는 값}에 'model.pt; rm -rf ~'가 들어오면 셸은 무엇을 실행할까요?",
      "If {variable|a value spliced into the command} were 'model.pt; rm -rf ~', what would the shell run?",
    ),
    l('셸의 기능(파이프, 와일드카드)이 정말 필요한가요, 아니면 인자 리스트로 충분한가요?', 'Do you need shell features (pipes, globs) here, or is an argument list enough?'),
  ],
  scaffold: {
    ko: '# TODO: 셸 없이 프로세스 실행\n# 고려사항:\n# - 명령과 인자를 리스트로 나눌 수 있나요?\n# - 외부에서 오는 값은 어떻게 검증할까요?\n# - 파이프가 필요하다면 파이썬 코드로 대신할 수 있나요?\n# TODO: shell=True 제거\n',
    en: '# TODO: run the process without a shell\n# Consider:\n# - can the command and its arguments be a list?\n# - how do you validate values coming from outside?\n# - if you need a pipe, can Python code do it instead?\n# TODO: drop shell=True\n',
  },
  // Calls that pass `shell=True` (the structure is selective: only calls with a keyword set to
  // True reach JavaScript); os.system and os.popen by resolved name, imported by name too.
  query: `
(call
  function: (_) @callee
  arguments: (argument_list
    .
    (_) @command
    (keyword_argument name: (identifier) @_keyword value: (true))
    (#eq? @_keyword "shell"))) @call
`,
  callees: ['os.system', 'os.popen'],
  check(context) {
    const { model } = context;
    for (const { captures } of context.matches) {
      const callee = model.resolve(captures.callee) ?? '';
      // A constant command cannot be injected into; only built commands are reported.
      const variable = interpolatedName(captures.command);
      if (SUBPROCESS.test(callee) && !isConstant(captures.command))
        context.report({ node: captures.call, messageId: 'shell', data: { callee, ...(variable ? { variable } : {}) } });
    }
    for (const { node, callee } of context.calls) {
      const command = node.childForFieldName('arguments')?.firstNamedChild;
      const variable = interpolatedName(command ?? undefined);
      if (command && !isConstant(command)) context.report({ node, messageId: 'osShell', data: { callee: callee!, ...(variable ? { variable } : {}) } });
    }
  },
});

/**
 * A command nobody outside can change: a literal, or one built only from literals and module
 * constants (`f"docker push {REGISTRY}/{config.IMAGE_NAME}"`, `"ls " + DATA_DIR`). Values of
 * upper-case names are set by whoever deploys the code, not by a request or a file name.
 */
function isConstant(node: Node): boolean {
  switch (node.type) {
    case 'string':
      return node.namedChildren.every((c) => c?.type !== 'interpolation' || (c.namedChildren[0] != null && isConstant(c.namedChildren[0])));
    case 'concatenated_string':
      return node.namedChildren.every((c) => c != null && isConstant(c));
    case 'parenthesized_expression':
      return node.namedChildren.length === 1 && isConstant(node.namedChildren[0]!);
    case 'binary_operator':
      return node.childForFieldName('operator')?.text === '+' && isConstant(node.childForFieldName('left')!) && isConstant(node.childForFieldName('right')!);
    case 'integer':
    case 'float':
      return true;
    case 'identifier':
      return CONSTANT_NAME.test(node.text);
    case 'attribute':
      return CONSTANT_NAME.test(node.childForFieldName('attribute')?.text ?? '');
    default:
      return false;
  }
}

const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;
