import type { Node } from 'web-tree-sitter';
import { keywordArgument, stringValue, type PythonModel } from './model';

/*
 * A training run put on a timetable in Python: an Airflow DAG with a schedule, or a Prefect flow
 * served or deployed with a cron, an interval or a schedule. Read by model-promoted-without-gate:
 * a retrain that runs every night with no evaluation step replaces the model unjudged.
 */

/** Where the timetable is given: Airflow `DAG(schedule=...)` / `@dag(...)`, Prefect `.serve(cron=...)`, `.deploy(...)`, `Deployment.build_from_flow(...)`. */
const SCHEDULERS = /(^|\.)(DAG|dag)$|\.(serve|deploy)$|(^|\.)serve$|Deployment\.build_from_flow$/;
const SCHEDULE_KEYWORDS = ['schedule', 'schedule_interval', 'cron', 'interval', 'rrule', 'schedules', 'timetable'];
/** A training command in a shell string: `python src/training/train.py`, `python -m pkg.retrain`, `python3 scripts/fit_model.py`. */
const TRAIN_COMMAND = /\bpython3?\s+(-m\s+)?[\w./-]*\b(re_?)?(train|fit)\w*(\.py)?\b/i;
/** A call that trains: `model.train_model()`, `retrain()`, `train_and_save_model()`. */
const TRAIN_CALL = /(^|\.)(re_?)?train(_\w+)?$/i;
/** Anything in the file that could judge the fresh model. */
export const JUDGES = /\b\w*(eval|valid|compar|threshold|gate|score|metric|accura|promot|champion|challenger|candidate|check|assert|better|improv)\w*/i;

/** Is the file a scheduler (a DAG or a flow deployment) with a timetable that is not `None`? */
function scheduled(model: PythonModel): boolean {
  return model.calls.some((call) => {
    if (!SCHEDULERS.test(call.callee ?? '')) return false;
    return SCHEDULE_KEYWORDS.some((name) => {
      const value = keywordArgument(call.node, name);
      return value !== undefined && value.type !== 'none';
    });
  });
}

/**
 * The place a scheduled file trains with nothing in the file that judges the model: a shell
 * command that runs a training script, or a call of a training function (an operator that only
 * names an imported callable is left alone: the judging may live in that function).
 */
export function scheduledRetrain(model: PythonModel): Node | undefined {
  // The timetable first: few files have one, and the word scan of the whole text is the costly part.
  if (!scheduled(model) || JUDGES.test(model.uncommentedSource)) return undefined;
  for (const call of model.calls) {
    const command = keywordArgument(call.node, 'bash_command');
    const text = command && stringValue(command);
    if (command && text && TRAIN_COMMAND.test(text)) return command;
    if (TRAIN_CALL.test(call.callee ?? '') && call.node.parent?.type !== 'decorator') return call.node;
  }
  return undefined;
}

/** The module-level dict an Airflow DAG takes as `default_args=name`: the settings every task inherits (retries, start_date). */
export function dagDefaults(model: PythonModel, dag: Node): Node | undefined {
  const name = keywordArgument(dag, 'default_args');
  if (name?.type !== 'identifier') return undefined;
  return model.assignments.find(
    (a) => a.childForFieldName('left')?.text === name.text && a.childForFieldName('right')?.type === 'dictionary' && a.parent?.parent?.type === 'module',
  );
}
