import type { Node } from 'web-tree-sitter';
import { keywordArgument, type PythonModel } from '../../python/model';
import { dagDefaults } from '../../python/scheduled-training';
import { matchesInCode } from '../../python/scan';
import { l, pythonRule } from '../../rule';

/** Any retry setting: `retries` in default_args or on an operator/task, a Prefect retry policy, a misspelt key (ineffective-dag-defaults says that one). */
const RETRY_SETTING = /\bretr(?:ies|y|ys|ires)\b|\bretry_(?:delay|policy|condition_fn)\b/g;
/**
 * Calls that fetch or store data in another system and fail transiently: HTTP, object stores,
 * databases, brokers. Experiment-tracker calls alone are left out: a lost MLflow log is rarely
 * what a reviewer asks to retry.
 */
const EXTERNAL =
  /^(requests|httpx|aiohttp|urllib|boto3|botocore|google\.cloud|sqlalchemy|psycopg2?|pymysql|pymongo|redis|s3fs|gcsfs|minio|snowflake|kafka|confluent_kafka|azure)\.|(^|\.)(read_sql\w*|to_sql|urlopen|download\w*|upload\w*|get_object|put_object|execute)$/;
/** A schedule that runs the DAG a single time. */
const ONCE = /^['"]@once['"]$/;
/**
 * Operators that do nothing and cannot fail, and triggers of other DAGs: a controller DAG's trigger
 * does no database or storage work itself, and the retries belong to the tasks of the DAG it starts.
 */
const NO_OP = /(^|\.)(EmptyOperator|DummyOperator|TriggerDagRunOperator)$/;

export default pythonRule({
  id: 'pipeline-task-without-retries',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:orchestrator-retries'],
  messages: {
    airflow: l(
      "DAG '{name}'의 작업에 재시도(retries)도 execution_timeout도 없습니다 — Airflow의 기본 재시도는 0이라, DB·스토리지·트래킹 서버의 일시적인 오류 한 번에 그날의 실행이 실패합니다",
      "The tasks of DAG '{name}' have no retries and no execution_timeout — Airflow retries nothing by default, so one transient database, storage or tracking-server error fails the run",
    ),
    prefect: l(
      "Prefect 작업 '{name}'은 외부 시스템을 호출하지만 retries가 없습니다 — Prefect의 기본 재시도는 0이라, 일시적인 네트워크 오류 한 번에 플로 전체가 실패합니다",
      "The Prefect task '{name}' calls another system but has no retries — Prefect retries nothing by default, so one transient network error fails the whole flow",
    ),
  },
  docs: {
    summary: l(
      '오케스트레이터가 실행하는 작업에 재시도 설정이 전혀 없는 경우를 찾습니다: 파일 어디에도 retries가 없는 Airflow DAG(default_args, 오퍼레이터 인자 모두), 그리고 HTTP·DB·오브젝트 스토리지·MLflow를 호출하는데 retries가 없는 Prefect @task.',
      'Flags orchestrated work with no retry setting at all: Airflow DAGs with `retries` nowhere in the file (neither default_args nor an operator argument), and Prefect `@task`s that call HTTP, a database, an object store or MLflow with no `retries`.',
    ),
    why: l(
      '스케줄된 파이프라인은 아무도 보지 않을 때 돌고, 외부 시스템은 가끔 잠깐 실패합니다. Airflow와 Prefect는 기본으로 재시도하지 않으므로, 5초면 지나갈 오류 때문에 하루치 학습이나 배치 예측이 통째로 빠지고 누군가 손으로 다시 돌려야 합니다. 재시도는 멈춘 작업에는 소용이 없으므로 execution_timeout(Prefect는 timeout_seconds)도 함께 정합니다.',
      'Scheduled pipelines run when nobody is watching, and the systems they call fail briefly now and then. Airflow and Prefect retry nothing by default, so an error that would have passed in five seconds drops a whole day of training or batch scoring until someone reruns it by hand. Retries do nothing for a hung task, so set execution_timeout (timeout_seconds in Prefect) with them.',
    ),
    bad: 'from datetime import datetime\n\nfrom airflow import DAG\nfrom airflow.operators.python import PythonOperator\n\nwith DAG("retrain", start_date=datetime(2024, 1, 1), schedule="@weekly", catchup=False) as dag:\n    PythonOperator(task_id="train", python_callable=train)\n',
    good: 'from datetime import datetime, timedelta\n\nfrom airflow import DAG\nfrom airflow.operators.python import PythonOperator\n\ndefault_args = {\n    # TODO: 일시적인 오류는 몇 번, 얼마 간격으로 다시 시도할까요?\n    "retries": 2,\n    "retry_delay": timedelta(minutes=5),\n    "execution_timeout": timedelta(hours=1),\n}\n\nwith DAG("retrain", default_args=default_args, start_date=datetime(2024, 1, 1), schedule="@weekly", catchup=False) as dag:\n    PythonOperator(task_id="train", python_callable=train)\n',
  },
  weeks: ['intermediate/5'],
  questions: [
    l(
      '이 작업이 부르는 시스템 하나가 30초 동안 응답하지 않으면, 이 실행은 어떻게 끝나고 누가 언제 알게 되나요?',
      'If a system this task calls does not answer for 30 seconds, how does the run end, and who finds out when?',
    ),
    l(
      '이 작업을 두 번 실행하면 결과가 같나요? 재시도해도 안전하려면 무엇이 멱등이어야 할까요?',
      'If this task runs twice, is the result the same? What has to be idempotent for a retry to be safe?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 일시적인 실패를 재시도하기\n# 고려사항:\n# - Airflow: default_args에 retries, retry_delay, execution_timeout\n# - Prefect: @task(retries=..., retry_delay_seconds=..., timeout_seconds=...)\n# - 재시도해도 안전한가요? (같은 키에 덮어쓰기, append 대신 upsert)\n# default_args = {\n#     "retries": ...,  # TODO\n#     "execution_timeout": ...,  # TODO\n# }\n',
    en: '# TODO: retry transient failures\n# Consider:\n# - Airflow: retries, retry_delay and execution_timeout in default_args\n# - Prefect: @task(retries=..., retry_delay_seconds=..., timeout_seconds=...)\n# - is a retry safe? (overwrite the same key, upsert instead of append)\n# default_args = {\n#     "retries": ...,  # TODO\n#     "execution_timeout": ...,  # TODO\n# }\n',
  },
  check(context) {
    const { model } = context;
    // Retries set anywhere in the file (or defaults imported from another module) settle it.
    if (matchesInCode(model.tree, model.source, RETRY_SETTING)) return;
    if (model.importsModule('airflow') && !importsDefaults(model)) {
      for (const dag of dags(model)) context.report({ node: dag.at, messageId: 'airflow', data: { name: dag.name } });
    }
    if (model.importsModule('prefect')) {
      const task = prefectTasks(model).find((fn) => callsExternal(model, fn));
      if (task)
        context.report({
          node: task.parent?.type === 'decorated_definition' ? (task.parent.namedChildren[0] ?? task) : task,
          messageId: 'prefect',
          data: { name: task.childForFieldName('name')?.text ?? '?' },
        });
    }
  },
});

/** default_args brought in from another module: its retries cannot be seen here. */
function importsDefaults(model: PythonModel): boolean {
  return /^\s*from\s+\S+\s+import\s+[^\n]*\bdefault_?args\b/im.test(model.source);
}

interface Dag {
  readonly name: string;
  /** Where the finding goes: the only task of a one-task DAG (what a reviewer points at), else the DAG. */
  readonly at: Node;
}

/** DAGs of the file (`DAG(...)` calls and `@dag` functions) that run at least one real task. */
function dags(model: PythonModel): Dag[] {
  const operators = model.calls.filter((c) => /(Operator|Sensor)$/.test(c.callee ?? '') && !NO_OP.test(c.callee ?? '')).map((c) => c.node);
  const taskFunctions = model.decorated.filter((d) => /^@\s*(?:\w+\.)?task\b/m.test(d.text) && d.namedChildren.some((c) => c?.type === 'function_definition'));
  const tasks = operators.length + taskFunctions.length;
  if (tasks === 0) return [];
  const found: Dag[] = [];
  for (const call of model.calls) {
    if (!/(^|\.)DAG$/.test(call.callee ?? '') || !/^airflow\b/.test(call.callee ?? '')) continue;
    // A set-up DAG that runs once (create a schema, seed a bucket) is watched when it runs: a failure is re-triggered by hand.
    if (ONCE.test((keywordArgument(call.node, 'schedule_interval') ?? keywordArgument(call.node, 'schedule'))?.text ?? '')) continue;
    found.push({ name: dagName(call.node), at: tasks === 1 && operators.length === 1 ? operators[0] : (dagDefaults(model, call.node) ?? call.node) });
  }
  for (const decorated of model.decorated) {
    const decorator = decorated.namedChildren.find((c) => c?.type === 'decorator' && /^@\s*(?:\w+\.)?dag\b/.test(c.text));
    if (!decorator) continue;
    if (/\bschedule(?:_interval)?\s*=\s*['"]@once['"]/.test(decorator.text)) continue;
    const fn = decorated.childForFieldName('definition');
    found.push({ name: dagName(decorator) ?? fn?.childForFieldName('name')?.text ?? '?', at: tasks === 1 && operators.length === 1 ? operators[0] : decorator });
  }
  return found;
}

/** The dag_id: the first string argument or `dag_id=`. */
function dagName(node: Node): string {
  const match = /dag_id\s*=\s*["']([^"']+)["']|\(\s*["']([^"']+)["']/.exec(node.text);
  return match?.[1] ?? match?.[2] ?? '?';
}

/** Functions decorated with Prefect's `@task` and no options that set retries (checked file-wide above). */
function prefectTasks(model: PythonModel): Node[] {
  const found: Node[] = [];
  for (const decorated of model.decorated) {
    const fn = decorated.childForFieldName('definition');
    if (fn?.type !== 'function_definition') continue;
    if (decorated.namedChildren.some((c) => c?.type === 'decorator' && /^@\s*(?:prefect\.)?task\b/.test(c.text))) found.push(fn);
  }
  return found;
}

function callsExternal(model: PythonModel, fn: Node): boolean {
  return model.calls.some((c) => c.node.startIndex > fn.startIndex && c.node.endIndex <= fn.endIndex && EXTERNAL.test(c.callee ?? ''));
}
