import { l, yamlRule, type YamlContext } from '../../rule';
import { triggerEvents, workflowJobs, jobSteps } from '../../yaml/actions';
import { asWorkflowStep, azurePipelineJobs, azureShipment, isAzurePipelines } from '../../yaml/azure-pipelines';
import { podContainers } from '../../yaml/kubernetes';
import { at, entry, items, scalar, type YamlDocument, type YMap } from '../../yaml/model';
import { DATA_CHECK, EVALUATE, evaluatedDownstream, evaluates, label, publishes, shippedDownstream, TRAIN, trainsUnchecked } from '../../yaml/model-release';

/** An Azure job that trains and then ships the model (registers, uploads, deploys) with no evaluation step between. */
function checkAzure(context: YamlContext, document: YamlDocument): void {
  for (const job of azurePipelineJobs(document.root)) {
    let trained: YMap | undefined;
    for (const original of job.steps) {
      const step = asWorkflowStep(original);
      if (!trained) {
        if (trainsUnchecked(step)) trained = step;
        continue;
      }
      if (evaluates(step)) break;
      // A pipeline artifact keeps the files for the run, as upload-artifact does in a workflow.
      const keeps = /^(PublishPipelineArtifact|PublishBuildArtifacts)$/i.test(original.task ?? '');
      if (keeps || !(publishes(step) || azureShipment(original) !== undefined)) continue;
      const where = step.entries[0];
      if (where) context.report({ range: where.keyRange, messageId: 'published', data: { job: job.id, train: label(trained), publish: label(step) } });
      break;
    }
  }
}

export default yamlRule({
  id: 'model-published-without-evaluation',
  language: 'yaml',
  documentKinds: ['github-actions', 'kubernetes', 'other'],
  category: 'delivery',
  severity: 'warning',
  messages: {
    published: l(
      '"{job}" job이 "{train}" 단계에서 학습한 모델을 평가 없이 "{publish}" 단계에서 내보냅니다',
      'Job "{job}" ships the model trained in "{train}" at "{publish}" with no evaluation in between',
    ),
    publishedLater: l(
      '"{job}" job의 "{train}" 단계에서 학습한 모델을 "{later}" job이 평가 없이 "{publish}" 단계에서 내보냅니다',
      'The model trained in "{train}" (job "{job}") is shipped by job "{later}" at "{publish}" with no evaluation on the way',
    ),
    scheduled: l(
      '예약 실행(schedule) 워크플로의 "{job}" job이 "{train}" 단계에서 모델을 다시 학습하는데, 그 뒤 어디에도 평가·비교 단계가 없습니다 — 학습 스크립트가 저장한 모델이 판단 없이 그대로 쓰입니다',
      'The scheduled workflow retrains in "{train}" (job "{job}") with no evaluation or comparison step after it — whatever the script stores is used unjudged',
    ),
    cronJob: l(
      'CronJob "{name}"이(가) 예약 실행마다 모델을 다시 학습합니다({command}) — 평가나 현재 모델과의 비교 없이 새 모델이 자리를 차지합니다',
      'CronJob "{name}" retrains the model on every scheduled run ({command}) with no evaluation or comparison with the current model',
    ),
  },
  docs: {
    summary: l(
      '한 job 안에서 모델을 학습한 단계(train 스크립트, dvc repro, make train) 뒤에, 평가·검증·비교 단계 없이 모델을 업로드·배포·등록하는 단계가 오는 경우와, 학습 job의 모델을 needs로 이어진 뒤 job이 평가 job 없이 내보내는 경우, 예약 실행 워크플로가 학습 뒤 평가 단계 없이 재학습하는 경우, 명령이 평가 없이 재학습하는 Kubernetes CronJob을 찾습니다. Azure Pipelines의 job도 같은 기준으로 봅니다: 학습 단계 뒤에 평가 없이 모델을 등록·업로드·배포하는 단계(파이프라인 아티팩트로 보관하는 것은 제외).',
      'Flags jobs where a training step (a train script, dvc repro, make train) is followed by a step that uploads, deploys or registers the model, with no evaluation, validation or comparison step in between, training jobs whose model is shipped by a later job (through needs:) with no evaluating job on the way, scheduled workflows that retrain with no evaluation step after training, and Kubernetes CronJobs whose command retrains with no evaluation. Azure Pipelines jobs are read the same way: a step that registers, uploads or deploys the model after the training step with no evaluation between (keeping it as a pipeline artifact is not shipping it).',
    ),
    why: l(
      '학습은 매번 다른 결과를 낼 수 있습니다. 데이터가 깨졌거나 학습이 발산해도 새 모델이 그대로 운영 모델을 덮어쓰고, 사용자가 나빠진 예측을 먼저 겪습니다.',
      'Training can come out differently every run: with broken data or a diverging run, the new model still replaces the production one, and users meet the worse predictions first.',
    ),
    bad: 'on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python src/train.py\n      - name: Upload model to the Hub\n        run: huggingface-cli upload acme/sentiment models/\n',
    good: 'on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python src/train.py\n      # TODO: 새 모델이 현재 운영 모델보다 나쁘면 여기서 멈춰야 합니다\n      - name: Evaluate against the production model\n        run: python src/evaluate.py --min-f1 0.85\n      - name: Upload model to the Hub\n        run: huggingface-cli upload acme/sentiment models/\n',
  },
  weeks: ['beginner/4', 'intermediate/7'],
  questions: [
    l(
      '"{train}" 단계에서 학습이 이상하게 끝나도 "{publish}" 단계는 실행될까요? 무엇이 그것을 막아 주나요?',
      'If "{train}" ends with a bad model, does "{publish}" still run, and what would stop it?',
    ),
    l(
      '새 모델이 지금 운영 중인 모델보다 "더 낫다"는 것을 어떤 지표와 데이터로 판단할 수 있을까요?',
      'With which metric and which data could you decide that the new model is better than the one in production?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 학습과 배포 사이에 평가 게이트 두기\n# 고려사항:\n# - 어떤 데이터(학습에 쓰지 않은 검증 세트)로 평가하나요?\n# - 기준은 고정 임계값인가요, 현재 운영 모델과의 비교인가요?\n# - 기준에 못 미치면 단계가 실패(exit 1)하도록 하세요\n# - name: Evaluate\n#   run: # TODO\n',
    en: '# TODO: put an evaluation gate between training and shipping\n# Consider:\n# - which data (a validation set unseen in training) does it use?\n# - a fixed threshold, or a comparison with the production model?\n# - make the step fail (exit 1) when the model falls short\n# - name: Evaluate\n#   run: # TODO\n',
  },
  check(context, document) {
    if (document.kind === 'kubernetes') {
      checkCronJob(context, document);
      return;
    }
    if (document.kind === 'other') {
      if (isAzurePipelines(document.root)) checkAzure(context, document);
      return;
    }
    const scheduled = triggerEvents(document).includes('schedule');
    const jobs = workflowJobs(document);
    for (const job of jobs) {
      let trained: YMap | undefined;
      let gated = false;
      for (const step of jobSteps(job)) {
        if (!trained) {
          if (trainsUnchecked(step)) trained = step;
          continue;
        }
        if (evaluates(step)) {
          gated = true;
          break;
        }
        if (!publishes(step)) continue;
        const where = entry(step, 'name') ?? entry(step, 'run') ?? entry(step, 'uses');
        if (where) context.report({ range: where.keyRange, messageId: 'published', data: { job: job.id, train: label(trained), publish: label(step) } });
        gated = true;
        break;
      }
      // The model may leave from a later job that downloads it: follow the jobs that need this one.
      if (!trained || gated) continue;
      const shipped = shippedDownstream(jobs, job);
      const where = entry(trained, 'run') ?? entry(trained, 'name');
      if (shipped && where) {
        context.report({ range: where.keyRange, messageId: 'publishedLater', data: { job: job.id, train: label(trained), later: shipped.job.id, publish: label(shipped.step) } });
      } else if (scheduled && where && !evaluatedDownstream(jobs, job)) {
        // A scheduled retrain whose script stores the model itself (a registry, a shared volume) ships with nothing to see.
        context.report({ range: where.keyRange, messageId: 'scheduled', data: { job: job.id, train: label(trained) } });
      }
    }
  },
});

/** A CronJob whose container runs a training command with no evaluation in it: every run replaces the model unjudged. */
function checkCronJob(context: YamlContext, document: YamlDocument): void {
  if (scalar(at(document.root, 'kind')) !== 'CronJob') return;
  for (const container of podContainers(document)) {
    const words = ['command', 'args'].flatMap((key) => {
      const node = at(container.spec, key);
      return node?.kind === 'seq' ? items(node).flatMap((item) => scalar(item) ?? []) : [scalar(node) ?? ''];
    });
    const command = words.join(' ');
    const where = entry(container.spec, 'command') ?? entry(container.spec, 'args');
    if (!where || !TRAIN.test(command) || EVALUATE.test(command.replace(DATA_CHECK, ''))) continue;
    context.report({ range: where.keyRange, messageId: 'cronJob', data: { name: scalar(at(document.root, 'metadata.name')) ?? container.name, command: command.trim() } });
  }
}
