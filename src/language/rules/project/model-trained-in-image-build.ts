import { simpleCommands, splitCommand } from '../../project/commands';
import { isProductionDockerfile } from '../../project/deploy';
import { isTrainingCommand } from '../../project/training';
import { l, projectRule } from '../../rule';

export default projectRule({
  scope: 'project',
  id: 'model-trained-in-image-build',
  language: 'dockerfile',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['gap:train-in-build'],
  messages: {
    train: l('이미지를 빌드할 때마다 모델을 다시 학습합니다 ({command})', 'The model is trained again on every image build ({command})'),
  },
  docs: {
    summary: l(
      'Dockerfile의 RUN에서 학습 스크립트(train*.py, python -m ...train)를 실행하는 경우를 찾습니다.',
      'Flags Dockerfile RUN instructions that run a training script (train*.py, python -m ...train).',
    ),
    why: l(
      '빌드할 때 학습하면 같은 커밋에서 빌드한 두 이미지가 서로 다른 모델을 담을 수 있고, 어떤 데이터와 설정으로 만든 모델인지 기록도 남지 않습니다. 서빙 이미지는 학습 파이프라인이 등록한, 버전이 붙은 모델을 가져와야 합니다.',
      'Training during the build means two images built from the same commit can ship different models, and nothing records which data and settings produced them. A serving image should fetch a versioned model that the training pipeline registered.',
    ),
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nRUN python train.py\nUSER 1000\nCMD ["gunicorn", "app:app"]\n',
    good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n# TODO: 학습 파이프라인이 등록한 모델의 어떤 버전을 가져올까요? (레지스트리, 태그, 해시)\nCOPY models/model-v3.joblib models/\nUSER 1000\nCMD ["gunicorn", "app:app"]\n',
  },
  weeks: ['beginner/3', 'beginner/2'],
  questions: [
    l('같은 커밋으로 이미지를 두 번 빌드하면, 두 이미지의 모델은 똑같을까요?', 'If you build the image twice from the same commit, will both hold the same model?'),
    l(
      '운영 중인 모델이 어떤 데이터와 하이퍼파라미터로 학습되었는지 나중에 어떻게 알 수 있을까요?',
      'Later on, how would you find out which data and hyper-parameters produced the model in production?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 학습과 빌드를 분리하기\n# 고려사항:\n# - 학습은 파이프라인(CI, 스케줄러)에서 하고 결과를 레지스트리에 버전과 함께 등록\n# - 이미지는 그 버전을 가져오거나 시작할 때 내려받기\n# TODO: RUN python train.py를 빼고, 모델을 어디서 어떤 버전으로 가져올지 정하세요\n',
    en: '# TODO: separate training from the build\n# Consider:\n# - train in a pipeline (CI, a scheduler) and register the result with a version\n# - the image copies or downloads that version\n# TODO: drop RUN python train.py and decide where the model comes from, at which version\n',
  },
  project(context) {
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'dockerfile' || !isProductionDockerfile(path)) continue;
      for (const stage of facts.stages) {
        for (const run of stage.runs) {
          const command = simpleCommands(run.words ?? splitCommand(run.text)).find(isTrainingCommand);
          if (command) context.report({ path, range: run.range, messageId: 'train', data: { command: command.join(' ') } });
        }
      }
    }
  },
});
