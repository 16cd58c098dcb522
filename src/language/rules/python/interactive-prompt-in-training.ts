import { isTrainingScript } from '../../python/training';
import { l, pythonRule } from '../../rule';

export default pythonRule({
  id: 'interactive-prompt-in-training',
  language: 'python',
  category: 'delivery',
  // Info: the script works at a desk; it is the unattended run (CI, a scheduler, a cluster job) that hangs or dies.
  severity: 'info',
  anchors: ['gap:interactive-prompt-in-training'],
  callees: [/^input$/, /^getpass\.getpass$/],
  messages: {
    prompt: l(
      '학습 스크립트가 실행 중에 사람의 입력(input())을 기다립니다 — CI, 스케줄러, 클러스터 작업에서는 멈추거나 EOFError로 실패합니다',
      'The training script waits for someone to type an answer (input()) — in CI, a scheduler or a cluster job it hangs or fails with EOFError',
    ),
  },
  docs: {
    summary: l(
      '학습 스크립트 안의 input()·getpass() 호출을 찾습니다 (서비스와 학습하지 않는 도구는 제외).',
      'Flags input() and getpass() calls in training scripts (services and tools that do not train are left alone).',
    ),
    why: l(
      '재현 가능한 학습은 사람 없이 같은 명령으로 다시 돌릴 수 있어야 합니다. 실행 중에 "저장할까요?"라고 묻는 스크립트는 파이프라인에 넣을 수 없고, 답에 따라 결과가 달라지는데 그 답은 어디에도 기록되지 않습니다.',
      'A reproducible training run must be repeatable by one command with nobody at the keyboard. A script that asks "save the model?" halfway cannot join a pipeline, and its result depends on an answer that is recorded nowhere.',
    ),
    bad: 'import tensorflow as tf\n\nmodel.fit(x_train, y_train, epochs=5)\nif input("Save the model? ") == "y":\n    model.save("model.keras")\n',
    good: 'import argparse\n\nimport tensorflow as tf\n\nparser = argparse.ArgumentParser()\n# TODO: 사람에게 묻던 결정을 어떤 인자나 설정으로 받을까요?\nparser.add_argument("--save", action="store_true")\nargs = parser.parse_args()\nmodel.fit(x_train, y_train, epochs=5)\nif args.save:\n    model.save("model.keras")\n',
  },
  weeks: ['beginner/2', 'beginner/4'],
  questions: [
    l('이 스크립트를 밤마다 스케줄러가 돌린다면, 이 질문에는 누가 답하나요?', 'If a scheduler runs this script every night, who answers this question?'),
    l(
      '여기서 사람이 고르던 결정을 명령줄 인자나 설정 파일로 옮기면, 그 선택은 어디에 기록될까요?',
      'If the decision made here moved to a command-line argument or a config file, where would that choice be recorded?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 실행 중 입력 대신 인자나 설정으로 결정 받기\n# 고려사항:\n# - 이 질문의 답을 argparse 인자, 환경 변수, 설정 파일 중 어디서 받을까요?\n# - 기본값은 무엇이 안전할까요?\n# - 그 값을 실행 기록에 남기나요?\n# TODO: input() 호출 바꾸기\n',
    en: '# TODO: take the decision from an argument or config, not a prompt\n# Consider:\n# - argparse argument, environment variable or config file?\n# - which default is safe?\n# - is the value recorded with the run?\n# TODO: replace the input() call\n',
  },
  check(context) {
    const { model } = context;
    if (!isTrainingScript(model) || context.calls.length === 0) return;
    context.report({ node: context.calls[0].node, messageId: 'prompt' });
  },
});
