import { keywordArgument } from '../../python/model';
import { l, pythonRule } from '../../rule';

/** Parsers whose `add_argument(type=bool)` calls bool() on the raw string: argparse and its wrappers, Flask-RESTful/RESTX reqparse. */
const PARSER_MODULES = ['argparse', 'configargparse', 'flask_restful', 'flask_restx'];

export default pythonRule({
  id: 'bool-argument-type',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:argparse-type-bool'],
  callees: [/(^|\.)add_argument$/],
  messages: {
    boolType: l(
      "add_argument('{name}', type=bool)는 받은 문자열에 bool()을 적용합니다 — 'False', '0', 'no'도 빈 문자열이 아니므로 True가 되어, 이 옵션은 끌 수 없습니다",
      "add_argument('{name}', type=bool) applies bool() to the string it receives — 'False', '0' and 'no' are non-empty strings, so they all become True and the option cannot be switched off",
    ),
  },
  docs: {
    summary: l(
      'argparse(및 configargparse)와 Flask-RESTful/RESTX reqparse의 add_argument(..., type=bool)을 찾습니다.',
      'Flags add_argument(..., type=bool) in argparse (and configargparse) parsers and Flask-RESTful/RESTX reqparse parsers.',
    ),
    why: l(
      'type 인자는 명령줄이나 요청에서 받은 문자열에 적용되는 함수입니다. 비어 있지 않은 문자열은 모두 참이 되므로, "False"나 "false"를 넘겨도 켜짐으로 읽힙니다. 기본값이 True라면 그 기능은 어떤 값으로도 끌 수 없고, 아무 오류도 나지 않아 학습이 잘못된 설정으로 조용히 돌아갑니다.',
      'The type argument is the function applied to the string taken from the command line or the request. Every non-empty string is true, so passing "False" or "false" still reads as on. With a default of True the feature can never be switched off, and nothing fails: the run silently goes on with the wrong setting.',
    ),
    bad: 'import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument("--resume", type=bool, default=True)\nargs = parser.parse_args()\n',
    good: 'import argparse\n\nparser = argparse.ArgumentParser()\n# TODO: 켜고 끄는 옵션은 어떤 형태가 좋을까요? (store_true, BooleanOptionalAction)\nparser.add_argument("--resume", action=argparse.BooleanOptionalAction, default=True)\nargs = parser.parse_args()\n',
  },
  weeks: ['beginner/2', 'beginner/4'],
  questions: [
    l(
      '명령줄이 넘기는 문자열 중 bool 변환이 거짓으로 바꾸는 것은 어떤 것인가요? 그러면 이 옵션에 어떤 값을 넘겨야 꺼지나요?',
      'Which of the strings a command line passes does bool() turn into a false value? What would you pass to switch this option off, then?',
    ),
    l(
      '이 옵션을 끄고 싶은 사람은 명령줄에 무엇을 써야 하나요? 그 방법이 실제로 있나요?',
      'What would someone who wants this option off type on the command line? Is there a way at all?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 켜고 끄는 옵션을 제대로 받기\n# 고려사항:\n# - 켜기만 하면 되나요? action="store_true"\n# - 둘 다 필요하면? action=argparse.BooleanOptionalAction (--resume / --no-resume)\n# - reqparse라면 inputs.boolean\n# TODO: type=bool 바꾸기\n',
    en: '# TODO: take an on/off option properly\n# Consider:\n# - only switched on? action="store_true"\n# - both ways? action=argparse.BooleanOptionalAction (--resume / --no-resume)\n# - reqparse: type=inputs.boolean\n# TODO: replace type=bool\n',
  },
  check(context) {
    const { model } = context;
    if (context.calls.length === 0 || !PARSER_MODULES.some((module) => model.importsModule(module))) return;
    for (const call of context.calls) {
      const type = keywordArgument(call.node, 'type');
      if (type?.text !== 'bool') continue;
      const first = call.node.childForFieldName('arguments')?.namedChildren.find((arg) => arg?.type === 'string');
      const name = first?.text.replace(/^['"]|['"]$/g, '') ?? 'option';
      context.report({ node: type.parent ?? type, messageId: 'boolType', data: { name } });
    }
  },
});
