import type { Node } from 'web-tree-sitter';
import { l, pythonRule } from '../../rule';

/** A clock read: `datetime.now()`, `datetime.datetime.today()`, `pendulum.now(...)`, `timezone.utcnow()`, `date.today()`. */
const NOW = /^(?:(?:datetime\.)?(?:datetime|date)\.(?:now|today|utcnow)|pendulum\.(?:now|today)|timezone\.(?:utcnow|now)|(?:dt\.)?(?:datetime\.)?(?:now|utcnow))\s*\(/;

export default pythonRule({
  id: 'dynamic-dag-start-date',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:airflow-dynamic-start-date'],
  messages: {
    dynamic: l(
      'start_date가 파싱할 때마다 현재 시각({value})으로 바뀝니다 — 스케줄러가 끝난 구간을 보지 못해 DAG가 실행되지 않거나 예측할 수 없게 실행됩니다',
      'start_date is the current time at every parse ({value}) — the scheduler never sees a completed interval, so the DAG runs late, unpredictably, or never',
    ),
  },
  docs: {
    summary: l(
      'Airflow DAG나 default_args의 start_date가 datetime.now(), pendulum.now() 같은 현재 시각에서 계산되는 경우를 찾습니다.',
      'Flags an Airflow DAG or default_args whose start_date is computed from the current time (datetime.now(), pendulum.now() and the like).',
    ),
    why: l(
      '스케줄러는 DAG 파일을 몇십 초마다 다시 파싱하고, 실행은 start_date 이후 첫 구간이 끝난 뒤에 만듭니다. start_date가 매번 "지금"이면 구간은 영원히 끝나지 않아 일일 배치가 돌지 않거나, 파싱 시점에 따라 들쑥날쑥 돕니다. Airflow 문서도 고정된 start_date를 쓰라고 합니다.',
      'The scheduler re-parses DAG files every few tens of seconds and creates a run once the first interval after start_date has ended. When start_date is "now" at every parse, that interval never ends: the daily batch never runs, or runs erratically depending on parse timing. The Airflow documentation asks for a fixed start_date.',
    ),
    bad: 'from datetime import datetime\n\nfrom airflow import DAG\n\nwith DAG("daily_batch", start_date=datetime.now(), schedule_interval="@daily") as dag:\n    pass\n',
    good: 'from datetime import datetime\n\nfrom airflow import DAG\n\n# TODO: 첫 실행 구간은 언제여야 하나요? 과거 구간을 채울(catchup) 필요가 있나요?\nwith DAG("daily_batch", start_date=datetime(2024, 1, 1), schedule_interval="@daily", catchup=False) as dag:\n    pass\n',
  },
  weeks: ['intermediate/5'],
  questions: [
    l(
      '스케줄러가 30초마다 이 파일을 파싱한다면, start_date는 언제의 값이 되나요? 첫 일일 구간은 언제 끝나나요?',
      'If the scheduler parses this file every 30 seconds, what is start_date each time? When does the first daily interval end?',
    ),
    l('과거 날짜를 다시 돌려야(backfill) 할 때, 이 DAG는 어느 날짜부터 실행할 수 있을까요?', 'When you need to backfill past dates, from which date can this DAG run?'),
  ],
  scaffold: {
    ko: '# TODO: 고정된 start_date 정하기\n# 고려사항:\n# - 첫 실행 구간은 언제? (고정된 과거 날짜, 시간대 포함: pendulum.datetime(..., tz="UTC"))\n# - 그 사이의 구간을 모두 돌릴까요? catchup=False?\n# start_date = ...  # TODO\n',
    en: '# TODO: choose a fixed start_date\n# Consider:\n# - when is the first interval? (a fixed past date with a time zone: pendulum.datetime(..., tz="UTC"))\n# - should the intervals in between run? catchup=False?\n# start_date = ...  # TODO\n',
  },
  check(context) {
    const { model } = context;
    if (!model.importsModule('airflow') || !/start_date/.test(model.source)) return;
    const values: Node[] = [];
    for (const kw of model.keywordArguments) if (kw.childForFieldName('name')?.text === 'start_date') values.push(kw.childForFieldName('value')!);
    for (const pair of model.pairs) if (/^['"]start_date['"]$/.test(pair.childForFieldName('key')?.text ?? '')) values.push(pair.childForFieldName('value')!);
    for (const value of values) {
      if (!value || !NOW.test(value.text.replace(/\s+/g, ''))) continue;
      context.report({ node: value, messageId: 'dynamic', data: { value: value.text.length > 40 ? `${value.text.slice(0, 37)}...` : value.text } });
    }
  },
});
