import type { Node } from 'web-tree-sitter';
import { keywordArgument, type PythonModel } from '../../python/model';
import { dagDefaults } from '../../python/scheduled-training';
import { matchesInCode } from '../../python/scan';
import { l, nodeRange, pythonRule } from '../../rule';

/** A fixed calendar date: `datetime(2024, 4, 28)`, `datetime.datetime(...)`, `pendulum.datetime(...)`. */
const FIXED_DATE = /^(?:(?:dt|datetime|pendulum)\.)?(?:datetime\.)?datetime\(\s*(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})/;
/** `days_ago(3)`, `airflow.utils.dates.days_ago(n=3)`: midnight N days back, so N past intervals to fill. */
const DAYS_AGO = /^(?:\w+\.)*days_ago\(\s*(?:n\s*=\s*)?(\d+)/;
/** Schedules that never create a backlog: none, once, or on datasets/assets. */
const NO_BACKLOG = /^(None|['"](@once|None)['"]|\[.*\]|\w+\s*\|.*)$/s;

export default pythonRule({
  id: 'dag-catchup-not-disabled',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:airflow-catchup'],
  callees: [/^airflow(\.\w+)*\.(DAG|dag)$/],
  messages: {
    backfill: l(
      'catchup이 꺼져 있지 않아, DAG를 켜는 순간 Airflow 2는 {date}부터 지금까지의 {schedule} 구간마다 실행을 하나씩 만듭니다',
      'catchup is not turned off: when the DAG is unpaused, Airflow 2 creates one run for every {schedule} interval since {date}',
    ),
  },
  docs: {
    summary: l(
      '과거의 고정된 start_date(또는 days_ago(N))와 주기적인 schedule이 있는데 catchup=False가 없는 Airflow 2 DAG를 찾습니다 (Airflow 3의 airflow.sdk DAG는 기본값이 꺼져 있어 제외).',
      'Flags Airflow 2 DAGs with a fixed past start_date (or days_ago(N)) and a recurring schedule but no catchup=False (Airflow 3 DAGs from airflow.sdk default to no catchup and are skipped).',
    ),
    why: l(
      'Airflow 2의 기본값(catchup_by_default=True)에서는 스케줄러가 start_date 이후 실행되지 않은 모든 구간을 채웁니다. 2년 전 날짜로 만든 월간 학습 DAG를 켜면 학습이 스무 번 넘게 한꺼번에 돌고, 매번 같은 테이블에 쓰고, 마지막 결과가 어느 실행의 것인지 알 수 없게 됩니다.',
      'With Airflow 2’s default (catchup_by_default=True) the scheduler fills every interval since start_date that has not run. Unpausing a monthly training DAG dated two years back starts twenty-odd trainings at once, each writing to the same tables, and nobody can tell which run the final result came from.',
    ),
    bad: 'from datetime import datetime\n\nfrom airflow import DAG\n\nwith DAG("retrain", start_date=datetime(2024, 1, 1), schedule_interval="@monthly") as dag:\n    ...\n',
    good: 'from datetime import datetime\n\nfrom airflow import DAG\n\n# TODO: 지난 구간을 다시 돌려야 하는 작업인가요? 그렇다면 backfill은 어떻게, 누가 시작하나요?\nwith DAG("retrain", start_date=datetime(2024, 1, 1), schedule_interval="@monthly", catchup=False) as dag:\n    ...\n',
  },
  weeks: ['intermediate/5'],
  questions: [
    l(
      '이 DAG를 오늘 처음 켠다면, 스케줄러는 실행을 몇 개 만들까요? 그 실행들은 같은 데이터를 몇 번 읽고 쓰나요?',
      'If you unpause this DAG for the first time today, how many runs does the scheduler create? How many times do they read and write the same data?',
    ),
    l(
      '지난 구간을 다시 돌리는 것이 이 작업에 의미가 있나요? 의미가 있다면, 각 실행은 자기 구간의 데이터만 다루고 있나요?',
      'Does re-running past intervals make sense for this job? If it does, does each run touch only its own interval’s data?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 지난 구간을 채울지 정하기\n# 고려사항:\n# - 이 DAG를 켤 때 과거 구간이 모두 돌아야 하나요? (학습/예측은 보통 아니오)\n# - 과거 구간이 필요하다면 각 실행이 자기 구간({{ data_interval_start }})만 처리하나요?\n# with DAG(..., catchup=...):  # TODO\n',
    en: '# TODO: decide whether past intervals are filled\n# Consider:\n# - should every past interval run when the DAG is unpaused? (training and scoring: usually not)\n# - if they should, does each run process only its own interval ({{ data_interval_start }})?\n# with DAG(..., catchup=...):  # TODO\n',
  },
  check(context) {
    const { model } = context;
    // Airflow 3 (the airflow.sdk DAG) turned catchup off by default; a file that says catchup
    // anywhere (a keyword, `dag.catchup = ...`, a shared dict) has decided.
    if (model.importsModule('airflow.sdk') || matchesInCode(model.tree, model.source, /\bcatchup\b/g)) return;
    for (const { node } of context.calls) {
      // Settings passed through a ** splat cannot be seen here.
      if (node.childForFieldName('arguments')?.namedChildren.some((a) => a?.type === 'dictionary_splat')) continue;
      const schedule = keywordArgument(node, 'schedule_interval') ?? keywordArgument(node, 'schedule') ?? keywordArgument(node, 'timetable');
      if (!schedule || NO_BACKLOG.test(schedule.text.trim())) continue;
      // `schedule=` alone is Airflow 2.4+ or 3; `schedule_interval` was removed in 3.
      const start = keywordArgument(node, 'start_date') ?? defaultStart(model, node);
      const since = start && pastStart(start.text.replace(/\s+/g, ' '));
      if (!start || !since) continue;
      context.report({
        node: start,
        messageId: 'backfill',
        data: { date: since, schedule: schedule.text.length > 24 ? `${schedule.text.slice(0, 21)}...` : schedule.text },
        related: [{ range: nodeRange(node), message: DAG_SITE }],
      });
    }
  },
});

const DAG_SITE = l('catchup을 정할 DAG', 'the DAG that decides catchup');

/**
 * How a start date in the past reads in the message, or undefined when it is not one: a fixed
 * calendar date before today, or `days_ago(N)` with N of at least one (Airflow 2 tutorials' start
 * date, which still leaves N intervals behind it; a clock read is dynamic-dag-start-date's).
 */
function pastStart(text: string): string | undefined {
  const days = DAYS_AGO.exec(text);
  if (days) return Number(days[1]) >= 1 ? text : undefined;
  const date = FIXED_DATE.exec(text);
  if (!date) return undefined;
  const [, year, month, day] = date;
  if (Date.UTC(Number(year), Number(month) - 1, Number(day)) >= Date.now()) return undefined;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The start_date of the DAG's `default_args` dict. */
function defaultStart(model: PythonModel, dag: Node): Node | undefined {
  const pairs = dagDefaults(model, dag)?.childForFieldName('right')?.namedChildren ?? [];
  const pair = pairs.find((p) => p?.type === 'pair' && /^['"]start_date['"]$/.test(p.childForFieldName('key')?.text ?? ''));
  return pair?.childForFieldName('value') ?? undefined;
}
