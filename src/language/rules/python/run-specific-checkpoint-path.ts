import { isTestPath } from '../../python/test-code';
import { l, pythonRule } from '../../rule';

/**
 * A checkpoint of one particular earlier run: Lightning numbers its run folders
 * (`lightning_logs/version_21/`) and names a checkpoint by the epoch and step it was written at
 * (`epoch=0-step=100.ckpt`). Neither exists before that run, nor on another machine.
 */
const RUN_SPECIFIC = /(^|[\\/])lightning_logs[\\/]version_\d+([\\/]|$)|(^|[\\/])epoch=\d+-step=\d+(-v\d+)?\.ckpt$/;
/** A cheap look at the text first: most files hold no such path. */
const CANDIDATE = /lightning_logs[\\/]version_\d|epoch=\d+-step=\d/;

export default pythonRule({
  id: 'run-specific-checkpoint-path',
  language: 'python',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['gap:lightning-run-checkpoint-path'],
  messages: {
    runPath: l(
      "'{path}'는 이전의 한 실행이 남긴 체크포인트입니다 (Lightning은 실행 폴더에 version_0, version_1 ... 번호를 붙이고 파일 이름에 epoch와 step을 씁니다) — 다음 실행은 다른 곳에 쓰고, 다른 컴퓨터에는 이 파일이 없습니다",
      "'{path}' is the checkpoint of one earlier run (Lightning numbers its run folders version_0, version_1 ... and names the file by epoch and step) — the next run writes elsewhere, and on any other machine the file does not exist",
    ),
  },
  docs: {
    summary: l(
      '코드에 적힌 lightning_logs/version_N/... 경로나 epoch=N-step=M.ckpt 파일 이름처럼, 한 번의 실행이 자동으로 만든 체크포인트 경로를 찾습니다. f-string으로 조립한 경로와 테스트 모듈은 보지 않습니다.',
      'Flags checkpoint paths written into the code that one run created automatically: a lightning_logs/version_N/... folder or an epoch=N-step=M.ckpt file name. Paths built in f-strings and test modules are not checked.',
    ),
    why: l(
      '방금 학습한 모델을 평가하거나 서빙한다고 생각하지만, 실제로는 예전 실행(다른 설정, 다른 데이터)의 가중치를 읽습니다. 새로 학습하면 번호가 바뀌어 파일을 못 찾거나, 더 나쁘게는 조용히 옛 모델을 씁니다. 어느 실행의 모델인지도 기록에 남지 않습니다.',
      'You believe you evaluate or serve the model you just trained, but the weights come from an old run (other settings, other data). After a new training run the number changes and the file is missing — or, worse, the old model is used silently. Nothing records which run the model came from.',
    ),
    bad: 'from model import LitClassifier\n\nmodel = LitClassifier.load_from_checkpoint("lightning_logs/version_3/checkpoints/epoch=9-step=1000.ckpt")\nmodel.eval()\n',
    good: 'import argparse\n\nfrom model import LitClassifier\n\nparser = argparse.ArgumentParser()\n# TODO: 학습 스크립트가 기록한 best_model_path나 레지스트리의 버전을 넘기세요\nparser.add_argument("--checkpoint", required=True)\nargs = parser.parse_args()\nmodel = LitClassifier.load_from_checkpoint(args.checkpoint)\nmodel.eval()\n',
  },
  weeks: ['beginner/2'],
  questions: [
    l(
      '이 파일을 만든 실행은 어떤 설정과 데이터로 학습했나요? 그걸 어디에서 확인할 수 있나요?',
      'Which settings and data trained the run that wrote this file, and where could you look that up?',
    ),
    l(
      '내일 다시 학습하면 이 줄은 새 모델을 읽을까요, 옛 모델을 읽을까요, 아니면 실패할까요?',
      'If you train again tomorrow, does this line read the new model, the old one, or fail?',
    ),
    l(
      '학습이 끝난 뒤 가장 좋은 체크포인트의 경로는 어디에서 얻을 수 있을까요? (체크포인트 콜백이 기록한 최고 모델 경로, 모델 레지스트리)',
      'Where can you get the best checkpoint of a finished run? (the best model path the checkpoint callback records, a model registry)',
    ),
  ],
  scaffold: {
    ko: '# TODO: 어느 실행의 체크포인트인지 코드 밖에서 정하기\n# 고려사항:\n# - 같은 스크립트라면 trainer.checkpoint_callback.best_model_path를 쓸 수 있나요?\n# - 다른 스크립트라면 경로를 인자·설정으로 받거나 레지스트리 버전을 쓰나요?\n# - 어느 실행(설정, 데이터 버전)의 모델인지 어디에 기록하나요?\n',
    en: '# TODO: choose the run whose checkpoint is loaded outside the code\n# Consider:\n# - in the same script, can you use trainer.checkpoint_callback.best_model_path?\n# - in another script, take the path as an argument or config, or use a registry version?\n# - where is it recorded which run (settings, data version) the model came from?\n',
  },
  query: '(string) @literal',
  check(context) {
    if (isTestPath(context.path) || !CANDIDATE.test(context.model.source)) return;
    for (const { captures } of context.matches) {
      const { literal } = captures;
      // A docstring or a bare string statement documents; an f-string with fields is built per run.
      if (literal.parent?.type === 'expression_statement' || literal.namedChildren.some((c) => c?.type === 'interpolation')) continue;
      const value = literal.namedChildren.find((c) => c?.type === 'string_content')?.text ?? '';
      if (RUN_SPECIFIC.test(value)) context.report({ node: literal, messageId: 'runPath', data: { path: value } });
    }
  },
});
