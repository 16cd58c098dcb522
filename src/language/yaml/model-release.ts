import { jobSteps, type WorkflowJob } from './actions';
import { actionName, deployAction } from './ci-steps';
import { at, items, scalar, type YMap } from './model';

/*
 * What a workflow does with a model it trains: which step trains, which step measures it and which
 * ships it, and how jobs chain through `needs:`. Read by model-published-without-evaluation.
 */

/** A training run: a train script, a DVC pipeline, a make target. */
// A script that gathers or prepares the training data (`collect_training_data.py`, `download_train_set.py`,
// `split_train_test.py`) does not train: it is named for the data, not for fitting a model.
export const TRAIN =
  /\b(python3?\s+(-m\s+)?(?![\w./-]*(?:(?:collect|download|fetch|prepare|ingest|scrape|generate|split)[_-]train|train(?:ing)?[_-]?(?:data|dataset|set|images|samples)(?![a-z])|train[_-]test[_-]split))[\w./-]*train[\w./-]*|dvc\s+repro|make\s+train\w*|mlflow\s+run)\b/i;
/** Anything that measures the fresh model before it leaves. */
// A step named or run as a quality gate ("Gate model quality", `promote_model.py --min-auc`) decides too.
export const EVALUATE = /\b(eval\w*|validat\w*|tests?|pytest|compar\w*|metrics?|threshold|assert|check(?!out)\w*|score|benchmark|gate|quality)\b/i;
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

export function publishes(step: YMap): boolean {
  const uses = actionName(step);
  if ((uses && LOCAL_KEEP.test(uses)) || onlyDisplays(step)) return false;
  return deployAction(step) !== undefined || PUBLISH.test(text(step));
}

export function label(step: YMap): string {
  return scalar(at(step, 'name')) ?? (scalar(at(step, 'run')) ?? '').split('\n')[0].trim();
}

/** Checks of the input data ("Run data checks and training") do not measure the model. */
export const DATA_CHECK = /\bdata[\s_-]+(checks?|validation|quality)\b|\bcheck[\w-]*(data|poison|fairness|schema)\w*/gi;

/** A step that trains, with no evaluation after the training command (in the same script) or in its name. */
export function trainsUnchecked(step: YMap): boolean {
  const run = scalar(at(step, 'run')) ?? '';
  const found = TRAIN.exec(run);
  if (!found) return false;
  const name = (scalar(at(step, 'name')) ?? '').replace(DATA_CHECK, '');
  const after = run.slice(found.index + found[0].length).replace(DATA_CHECK, '');
  return !EVALUATE.test(name) && !EVALUATE.test(after);
}

/** Does any job downstream of `trainer` evaluate? */
export function evaluatedDownstream(jobs: readonly WorkflowJob[], trainer: WorkflowJob): boolean {
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

/** Redirections and heredoc markers, whose `<` and `>` compare nothing. */
const REDIRECTION = /\d?>>?&?\s*\S+|<<-?\s*['"]?\w+['"]?/g;
/** Something in a script that can stop the job on a result: a comparison, a condition, a failing exit. */
const DECIDES = /[<>]|\bif\b|\bexit\s+[1-9]|\bassert\b|\braise\b|sys\.exit|SystemExit|\bfail|\s-(lt|le|gt|ge|eq|ne)\s|threshold|--min\b/i;

/**
 * A step whose only evaluative word is "metrics" and whose script decides nothing ("Read metrics":
 * `ACC=$(python -c "...['accuracy']")` into `$GITHUB_OUTPUT`; "Show metrics": `cat metrics.json`)
 * reads or shows a number; the model leaves the same whatever the number says.
 */
function onlyReadsMetrics(step: YMap): boolean {
  const run = scalar(at(step, 'run'));
  if (run === undefined || at(step, 'uses')) return false;
  const all = text(step);
  return /\bmetrics?\b/i.test(all) && !EVALUATE.test(all.replace(/\bmetrics?\b/gi, '')) && !DECIDES.test(run.replace(REDIRECTION, ''));
}

/** A step that measures the model; keeping files (`upload-artifact` of a metrics file) or reading a metric out measures nothing. */
export function evaluates(step: YMap): boolean {
  const uses = actionName(step);
  return !(uses && LOCAL_KEEP.test(uses)) && EVALUATE.test(text(step).replace(SCORES_DATA, '')) && !onlyReadsMetrics(step);
}

export function needsOf(job: WorkflowJob): string[] {
  const needs = at(job.spec, 'needs');
  return needs?.kind === 'seq' ? items(needs).flatMap((n) => scalar(n) ?? []) : [scalar(needs) ?? ''].filter(Boolean);
}

/**
 * The first step of a job downstream of `trainer` (through `needs:`) that ships something, when
 * no job on the way (nor that job before the step) evaluates. A job that evaluates anywhere
 * stops the search along its branch.
 */
export function shippedDownstream(jobs: readonly WorkflowJob[], trainer: WorkflowJob): { job: WorkflowJob; step: YMap } | undefined {
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
        if (EVALUATE.test(text(step)) && !onlyReadsMetrics(step)) {
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
