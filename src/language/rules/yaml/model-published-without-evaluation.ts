import { l, yamlRule, type YamlContext } from '../../rule';
import { jobSteps, triggerEvents, workflowJobs, type WorkflowJob } from '../../yaml/actions';
import { podContainers } from '../../yaml/kubernetes';
import { actionName, deployAction } from '../../yaml/ci-steps';
import { at, entry, items, scalar, type YamlDocument, type YMap } from '../../yaml/model';

/** A training run: a train script, a DVC pipeline, a make target. */
const TRAIN = /\b(python3?\s+(-m\s+)?[\w./-]*train[\w./-]*|dvc\s+repro|make\s+train\w*|mlflow\s+run)\b/i;
/** Anything that measures the fresh model before it leaves. */
// A step named or run as a quality gate ("Gate model quality", `promote_model.py --min-auc`) decides too.
const EVALUATE = /\b(eval\w*|validat\w*|tests?|pytest|compar\w*|metrics?|threshold|assert|check(?!out)\w*|score|benchmark|gate|quality)\b/i;
/** Shipping the model: a deploy command or action, or a step that uploads, publishes, registers or promotes it. */
const PUBLISH = /\b(upload\w*|publish\w*|push\w*|register\w*|deploy\w*|promot\w*|release|s3\s+(cp|sync)|gsutil\s+(-m\s+)?(cp|rsync)|gcloud\s+storage\s+cp)\b/i;
/** Keeping the files for the run itself is not shipping them. */
const LOCAL_KEEP = /^actions\/(upload-artifact|cache)$/i;

function text(step: YMap): string {
  return `${scalar(at(step, 'name')) ?? ''}\n${scalar(at(step, 'run')) ?? ''}`;
}

/** A command that only shows something (`cat reports/promotion.json`, `ls -lh models/`), with no pipe or redirection onward. */
const DISPLAY = /^(cat|echo|printf|ls|head|tail|tree|wc|du|jq)\b[^|;&>`$]*$/;

/** A run: script that only shows files or text ("Show promotion decision") ships nothing, whatever its name says. */
function onlyDisplays(step: YMap): boolean {
  const run = scalar(at(step, 'run'));
  if (run === undefined || at(step, 'uses')) return false;
  const lines = run
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return lines.length > 0 && lines.every((line) => DISPLAY.test(line));
}

function publishes(step: YMap): boolean {
  const uses = actionName(step);
  if ((uses && LOCAL_KEEP.test(uses)) || onlyDisplays(step)) return false;
  return deployAction(step) !== undefined || PUBLISH.test(text(step));
}

export default yamlRule({
  id: 'model-published-without-evaluation',
  language: 'yaml',
  documentKinds: ['github-actions', 'kubernetes'],
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
      '한 job 안에서 모델을 학습한 단계(train 스크립트, dvc repro, make train) 뒤에, 평가·검증·비교 단계 없이 모델을 업로드·배포·등록하는 단계가 오는 경우와, 학습 job의 모델을 needs로 이어진 뒤 job이 평가 job 없이 내보내는 경우, 예약 실행 워크플로가 학습 뒤 평가 단계 없이 재학습하는 경우, 명령이 평가 없이 재학습하는 Kubernetes CronJob을 찾습니다.',
      'Flags jobs where a training step (a train script, dvc repro, make train) is followed by a step that uploads, deploys or registers the model, with no evaluation, validation or comparison step in between, training jobs whose model is shipped by a later job (through needs:) with no evaluating job on the way, scheduled workflows that retrain with no evaluation step after training, and Kubernetes CronJobs whose command retrains with no evaluation.',
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

function label(step: YMap): string {
  return scalar(at(step, 'name')) ?? (scalar(at(step, 'run')) ?? '').split('\n')[0].trim();
}

/** Checks of the input data ("Run data checks and training") do not measure the model. */
const DATA_CHECK = /\bdata[\s_-]+(checks?|validation|quality)\b|\bcheck[\w-]*(data|poison|fairness|schema)\w*/gi;

/** A step that trains, with no evaluation after the training command (in the same script) or in its name. */
function trainsUnchecked(step: YMap): boolean {
  const run = scalar(at(step, 'run')) ?? '';
  const found = TRAIN.exec(run);
  if (!found) return false;
  const name = (scalar(at(step, 'name')) ?? '').replace(DATA_CHECK, '');
  const after = run.slice(found.index + found[0].length).replace(DATA_CHECK, '');
  return !EVALUATE.test(name) && !EVALUATE.test(after);
}

/** Does any job downstream of `trainer` evaluate? */
function evaluatedDownstream(jobs: readonly WorkflowJob[], trainer: WorkflowJob): boolean {
  const downstream = new Set([trainer.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const job of jobs) {
      if (!downstream.has(job.id) && needsOf(job).some((need) => downstream.has(need))) {
        downstream.add(job.id);
        grew = true;
      }
    }
  }
  return jobs.some((job) => job.id !== trainer.id && downstream.has(job.id) && jobSteps(job).some(evaluates));
}

/** Scoring new data with the model (batch inference) is using it, not judging it. */
const SCORES_DATA = /\bscor(e|ing)\s+(the\s+)?(latest|new|incoming|batch|features|data|records|rows)\b/gi;

/** A step that measures the model; keeping files (`upload-artifact` of a metrics file) measures nothing. */
function evaluates(step: YMap): boolean {
  const uses = actionName(step);
  return !(uses && LOCAL_KEEP.test(uses)) && EVALUATE.test(text(step).replace(SCORES_DATA, ''));
}

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

function needsOf(job: WorkflowJob): string[] {
  const needs = at(job.spec, 'needs');
  return needs?.kind === 'seq' ? items(needs).flatMap((n) => scalar(n) ?? []) : [scalar(needs) ?? ''].filter(Boolean);
}

/**
 * The first step of a job downstream of `trainer` (through `needs:`) that ships something, when
 * no job on the way (nor that job before the step) evaluates. A job that evaluates anywhere
 * stops the search along its branch.
 */
function shippedDownstream(jobs: readonly WorkflowJob[], trainer: WorkflowJob): { job: WorkflowJob; step: YMap } | undefined {
  const byId = new Map(jobs.map((job) => [job.id, job]));
  const seen = new Set<string>([trainer.id]);
  let frontier = [trainer.id];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const job of jobs) {
      if (seen.has(job.id) || !needsOf(job).some((need) => frontier.includes(need) && byId.has(need))) continue;
      seen.add(job.id);
      let stopped = false;
      for (const step of jobSteps(job)) {
        if (EVALUATE.test(text(step))) {
          stopped = true;
          break;
        }
        if (publishes(step)) return { job, step };
      }
      if (!stopped) next.push(job.id);
    }
    frontier = next;
  }
  return undefined;
}
