import type { Node } from 'web-tree-sitter';
import { keywordArgument } from '../../python/model';
import { l, pythonRule } from '../../rule';

/** Parsers whose `add_argument` hands the raw string on unless `type=` converts it: argparse and its wrappers, Flask-RESTful/RESTX reqparse. */
const PARSER_MODULES = ['argparse', 'configargparse', 'flask_restful', 'flask_restx'];

/** A number literal, possibly negated: `10`, `0.001`, `1e-3`, `-1`. */
function isNumber(node: Node): boolean {
  if (node.type === 'integer' || node.type === 'float') return true;
  if (node.type !== 'unary_operator') return false;
  const operand = node.childForFieldName('argument');
  return operand !== null && (operand.type === 'integer' || operand.type === 'float');
}

export default pythonRule({
  id: 'untyped-numeric-argument',
  language: 'python',
  category: 'validation',
  severity: 'warning',
  anchors: ['gap:argparse-untyped-default'],
  callees: [/(^|\.)add_argument$/],
  messages: {
    untyped: l(
      "'{name}'의 기본값은 숫자({value})지만 type이 없습니다 — 명령줄에서 값을 주면 문자열로 들어와, 계산에 쓰이는 곳에서 실패하거나 (range('20')) 조용히 잘못 동작합니다",
      "'{name}' defaults to a number ({value}) but has no type — a value given on the command line arrives as a string, and the code that computes with it fails (range('20')) or silently misbehaves",
    ),
  },
  docs: {
    summary: l(
      'argparse(및 configargparse)와 Flask-RESTful/RESTX reqparse의 `add_argument` 가운데 기본값은 숫자인데 `type`도 `action`도 정하지 않은 것을 찾습니다.',
      'Flags `add_argument` calls in argparse (and configargparse) parsers and Flask-RESTful/RESTX reqparse parsers whose default is a number but that set neither a `type` nor an `action`.',
    ),
    why: l(
      'argparse는 기본값을 그대로 두지만, 명령줄에서 받은 값에는 type 함수만 적용합니다. type이 없으면 값은 문자열로 남습니다. 그래서 기본값으로 돌릴 때는 잘 되던 학습이, 누군가 --epochs 20이나 --lr 0.01을 주는 순간 range("20")이나 문자열 곱셈에서 실패하거나, 문자열 비교로 조용히 다른 결과를 냅니다. 실험을 명령줄로 바꿔 가며 돌리는 바로 그때 깨지는 버그입니다.',
      'argparse leaves a default as it is, but applies only the type function to a value taken from the command line; with no type the value stays a string. A training run that works on its defaults fails the moment someone passes --epochs 20 or --lr 0.01 (range("20"), a string times a number), or silently does something else (a string compared with a number). It breaks exactly when experiments start being run from the command line.',
    ),
    bad: 'import argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument("--epochs", default=10)\nparser.add_argument("--lr", default=0.001)\nargs = parser.parse_args()\nfor epoch in range(args.epochs):\n    ...\n',
    good: 'import argparse\n\nparser = argparse.ArgumentParser()\n# TODO: 각 옵션의 값은 어떤 타입이어야 하나요? 범위 검사도 필요할까요?\nparser.add_argument("--epochs", type=int, default=10)\nparser.add_argument("--lr", type=float, default=0.001)\nargs = parser.parse_args()\nfor epoch in range(args.epochs):\n    ...\n',
  },
  weeks: ['beginner/2', 'beginner/4'],
  questions: [
    l(
      '{name|이 옵션}에 명령줄로 값을 주면 args에는 어떤 타입의 값이 들어갈까요? 기본값으로 돌릴 때와 무엇이 다른가요?',
      'When {name|this option} is given on the command line, what type of value lands in args — and how does that differ from a run on the default?',
    ),
    l('이 스크립트를 기본값으로만 돌려 봤다면, 이 버그는 언제 처음 드러날까요?', 'If this script has only ever been run on its defaults, when will this bug first show itself?'),
  ],
  scaffold: {
    ko: '# TODO: 명령줄 옵션이 어떤 타입으로 들어오는지 정하기\n# 고려사항:\n# - 명령줄에서 온 문자열을 코드가 기대하는 숫자로 바꾸는 것은 누구인가요?\n# - 허용 범위가 있는 옵션이라면 어디서 검사할까요?\n# - 켜고 끄기만 하는 옵션이라면 값을 받을 필요가 있을까요?\n# TODO: 숫자 기본값을 가진 옵션마다 변환 방법 정하기\n',
    en: '# TODO: decide what type each command-line option arrives as\n# Consider:\n# - what turns the string from the command line into the number the code expects?\n# - does the option have a valid range, and where is it checked?\n# - an on/off option: does it need a value at all?\n# TODO: choose a conversion for every option with a numeric default\n',
  },
  check(context) {
    const { model } = context;
    if (context.calls.length === 0 || !PARSER_MODULES.some((module) => model.importsModule(module))) return;
    for (const call of context.calls) {
      const fallback = keywordArgument(call.node, 'default');
      if (!fallback || !isNumber(fallback)) continue;
      // type= converts the string; an action (store_const, count, append_const) never reads one.
      if (keywordArgument(call.node, 'type') || keywordArgument(call.node, 'action')) continue;
      const arguments_ = call.node.childForFieldName('arguments')?.namedChildren ?? [];
      // `add_argument(**spec)`: the type may be in the spread.
      if (arguments_.some((argument) => argument?.type === 'dictionary_splat')) continue;
      // The long option names it best (`'-ne', '--num-epochs'`); a positional has only its name.
      const names = arguments_.filter((argument) => argument?.type === 'string').map((argument) => argument?.text.replace(/^[rbuf]*['"]|['"]$/gi, '') ?? '');
      const name = names.find((written) => written.startsWith('--')) ?? names[0] ?? 'option';
      context.report({ node: fallback.parent ?? fallback, messageId: 'untyped', data: { name, value: fallback.text } });
    }
  },
});
