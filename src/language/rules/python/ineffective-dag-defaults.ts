import type { Node } from 'web-tree-sitter';
import { matchesInCode } from '../../python/scan';
import { l, pythonRule } from '../../rule';
import { editDistance } from '../../spelling';

/** Arguments every Airflow operator takes (BaseOperator and the common sensor ones), plus DAG keys learners put in default_args. */
const KNOWN = new Set([
  'owner',
  'email',
  'email_on_failure',
  'email_on_retry',
  'retries',
  'retry_delay',
  'retry_exponential_backoff',
  'max_retry_delay',
  'start_date',
  'end_date',
  'depends_on_past',
  'wait_for_downstream',
  'ignore_first_depends_on_past',
  'queue',
  'pool',
  'pool_slots',
  'priority_weight',
  'weight_rule',
  'sla',
  'execution_timeout',
  'on_failure_callback',
  'on_success_callback',
  'on_retry_callback',
  'on_execute_callback',
  'sla_miss_callback',
  'trigger_rule',
  'do_xcom_push',
  'provide_context',
  'params',
  'resources',
  'run_as_user',
  'task_concurrency',
  'max_active_tis_per_dag',
  'executor_config',
  'doc_md',
  'mode',
  'poke_interval',
  'timeout',
  'soft_fail',
  'catchup',
  'schedule_interval',
  'schedule',
  'tags',
  'dagrun_timeout',
  'max_active_runs',
  'concurrency',
  'description',
]);
/** Misspellings too far from the real key for an edit distance of two, seen in learner DAGs. */
const ALIASES: Readonly<Record<string, string>> = { retry: 'retries', retrys: 'retries', retry_count: 'retries', num_retries: 'retries', execution_time_out: 'execution_timeout' };
/** Keys that make a dictionary recognisably a set of task defaults. */
const DEFAULT_KEYS = /^(owner|retries|retry_delay|depends_on_past|email_on_failure|email_on_retry|execution_timeout)$/;

export default pythonRule({
  id: 'ineffective-dag-defaults',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:airflow-default-args'],
  messages: {
    misspelt: l(
      "default_args의 '{key}'는 Airflow가 모르는 키라 조용히 무시됩니다 — '{known}'를 뜻했다면 지금은 적용되지 않습니다",
      "'{key}' in default_args is not an Airflow argument and is silently ignored — if you meant '{known}', it does not apply",
    ),
    noTimeout: l(
      'default_args에 재시도는 있지만 execution_timeout이 없습니다 — 멈춘 작업은 실패하지 않으므로 재시도되지도 않고 슬롯을 계속 붙잡습니다',
      'The default_args set retries but no execution_timeout — a hung task never fails, so it is never retried and keeps its slot',
    ),
  },
  docs: {
    summary: l(
      'Airflow DAG의 default_args에서 알려진 인자와 철자가 거의 같은 키(`retires`, `retry`), 그리고 재시도는 정했지만 execution_timeout이 파일 어디에도 없는 경우를 찾습니다.',
      'Flags keys of an Airflow default_args dictionary that are near-misspellings of operator arguments (`retires`, `retry`), and default_args that set retries while no execution_timeout appears anywhere in the file.',
    ),
    why: l(
      'default_args는 각 오퍼레이터에 키워드 인자로 전달되는데, 모르는 키는 오류 없이 버려집니다. 그래서 "retires": 3은 아무 재시도도 만들지 않고, 첫 네트워크 오류에 배치가 실패합니다. 재시도는 작업이 실패해야 동작하므로, 응답 없는 DB나 API에 멈춘 작업은 execution_timeout이 없으면 영원히 running으로 남습니다.',
      'default_args are handed to every operator as keyword arguments, and unknown keys are dropped without an error. So "retires": 3 creates no retries and the batch fails on its first network error. Retries only act once a task fails, so a task stuck on a silent database or API stays running forever unless execution_timeout ends it.',
    ),
    bad: 'from datetime import datetime, timedelta\n\nfrom airflow import DAG\n\ndefault_args = {\n    "owner": "airflow",\n    "retires": 2,\n    "retry_delay": timedelta(minutes=5),\n}\n\nwith DAG("daily_batch", default_args=default_args, start_date=datetime(2024, 1, 1)) as dag:\n    pass\n',
    good: 'from datetime import datetime, timedelta\n\nfrom airflow import DAG\n\ndefault_args = {\n    "owner": "airflow",\n    "retries": 2,\n    "retry_delay": timedelta(minutes=5),\n    # TODO: 이 작업은 보통 얼마나 걸리나요? 그 몇 배면 멈춘 것으로 볼까요?\n    "execution_timeout": timedelta(minutes=30),\n}\n\nwith DAG("daily_batch", default_args=default_args, start_date=datetime(2024, 1, 1)) as dag:\n    pass\n',
  },
  weeks: ['intermediate/5'],
  questions: [
    l(
      'Airflow UI에서 이 작업의 "Task Instance Details"를 열면 retries가 몇으로 보일까요? 기대한 값인가요?',
      'If you open the task\'s "Task Instance Details" in the Airflow UI, what does it show for retries? Is it what you intended?',
    ),
    l(
      '작업이 응답하지 않는 호출에서 멈추면, 그 작업은 언제 실패하고 언제 재시도되나요?',
      'If a task hangs on a call that never answers, when does it fail, and when is it retried?',
    ),
  ],
  scaffold: {
    ko: '# TODO: default_args가 실제로 적용되는지 확인하기\n# 고려사항:\n# - 키 철자: retries, retry_delay, execution_timeout (모르는 키는 조용히 무시됨)\n# - execution_timeout: 정상 실행 시간의 몇 배?\n# - retry_exponential_backoff, max_retry_delay가 필요한가요?\n# default_args = {\n#     "retries": ...,  # TODO\n#     "execution_timeout": ...,  # TODO\n# }\n',
    en: '# TODO: make sure the default_args actually apply\n# Consider:\n# - key spelling: retries, retry_delay, execution_timeout (unknown keys are silently ignored)\n# - execution_timeout: how many times the normal run time?\n# - do you need retry_exponential_backoff, max_retry_delay?\n# default_args = {\n#     "retries": ...,  # TODO\n#     "execution_timeout": ...,  # TODO\n# }\n',
  },
  check(context) {
    const { model } = context;
    if (!model.importsModule('airflow') || !/default_args/i.test(model.source)) return;
    const dictionaries = new Map<number, Node>();
    for (const pair of model.pairs) {
      const dict = pair.parent;
      if (dict?.type === 'dictionary' && isDefaults(dict)) dictionaries.set(dict.startIndex, dict);
    }
    const timeoutAnywhere = matchesInCode(model.tree, model.source, /\bexecution_timeout\b/g);
    for (const dict of dictionaries.values()) {
      let retries = false;
      let retriesOff = false;
      for (const pair of dict.namedChildren) {
        const key = pair?.type === 'pair' ? keyOf(pair) : undefined;
        if (!key || !pair) continue;
        const known = nearest(key);
        // `"retries": 0` switches retries off, so the timeout cannot be what makes them useful.
        if (key === 'retries' && /^0+$/.test(pair.childForFieldName('value')?.text ?? '')) {
          retriesOff = true;
          continue;
        }
        if (/retr/i.test(key)) retries = true;
        if (known) context.report({ node: pair.childForFieldName('key') ?? pair, messageId: 'misspelt', data: { key, known } });
      }
      if (retries && !retriesOff && !timeoutAnywhere) context.report({ node: anchorOf(dict), messageId: 'noTimeout' });
    }
  },
});

function keyOf(pair: Node): string | undefined {
  const key = pair.childForFieldName('key');
  if (key?.type !== 'string') return undefined;
  const match = /^[rRbBuU]*(['"])([\w]+)\1$/.exec(key.text);
  return match?.[2];
}

/** A dictionary of task defaults: bound to a default_args name or keyword, or holding operator-default keys. */
function isDefaults(dict: Node): boolean {
  const parent = dict.parent;
  if (parent?.type === 'assignment' && /default_?args/i.test(parent.childForFieldName('left')?.text ?? '')) return true;
  if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.text === 'default_args') return true;
  const keys = dict.namedChildren.flatMap((c) => (c?.type === 'pair' ? [keyOf(c) ?? ''] : []));
  return keys.filter((k) => DEFAULT_KEYS.test(k)).length >= 2;
}

/** Where the "no timeout" finding goes: the assignment's line, so it points at the dictionary's name. */
function anchorOf(dict: Node): Node {
  const parent = dict.parent;
  return parent?.type === 'assignment' || parent?.type === 'keyword_argument' ? (parent.childForFieldName(parent.type === 'assignment' ? 'left' : 'name') ?? dict) : dict;
}

/** The known argument this key misspells, if it is not itself one: an alias, or one or two edits away. */
function nearest(key: string): string | undefined {
  if (KNOWN.has(key) || /_(conn_)?id$|_conn$/.test(key)) return undefined;
  if (ALIASES[key]) return ALIASES[key];
  if (key.length < 5) return undefined;
  for (const known of KNOWN) if (Math.abs(known.length - key.length) <= 2 && editDistance(key, known, { swaps: true }) <= 2) return known;
  return undefined;
}
