import { keywordArgument } from '../../python/model';
import { l, pythonRule } from '../../rule';

/**
 * `python train.py`, `python3 -u ./scripts/score.py --day {{ ds }}`: the script a bash command
 * runs, when it is named by a relative path. An absolute path, a templated or variable path
 * (`{{ params.dir }}`, `$AIRFLOW_HOME`) and `python -m package.module` say where it is.
 */
const RELATIVE_SCRIPT = /(?:^|[;&|(]\s*|\s)(?:python3?(?:\.\d+)?|bash|sh)\s+(?:-[a-zA-Z]+\s+)*((?!\/|~|\$|\{\{|-)[^\s;&|'"]+\.(?:py|sh))\b/;

export default pythonRule({
  id: 'bash-task-relative-script',
  language: 'python',
  category: 'reliability',
  severity: 'warning',
  anchors: ['gap:airflow-bash-cwd'],
  callees: [/^airflow(\.\w+)*\.BashOperator$/],
  messages: {
    relative: l(
      "BashOperator가 '{script}'를 상대 경로로 실행하지만, Airflow는 bash 명령을 임시 디렉터리에서 실행합니다 — 워커에서는 그 파일을 찾지 못해 태스크가 실패합니다",
      "The BashOperator runs '{script}' by a relative path, but Airflow runs bash commands in a temporary directory — on a worker the file is not found and the task fails",
    ),
  },
  docs: {
    summary: l(
      'Airflow BashOperator의 bash_command가 python·bash 스크립트를 상대 경로로 실행하는데 cwd도 없고 앞에서 cd 하지도 않는 경우를 찾습니다. 절대 경로, 템플릿·환경 변수 경로, python -m 은 제외합니다.',
      'Flags an Airflow BashOperator whose bash_command runs a Python or shell script by a relative path, with no cwd= and no cd before it. Absolute, templated and environment-variable paths and python -m are left alone.',
    ),
    why: l(
      'BashOperator는 cwd를 주지 않으면 명령을 매번 새로 만든 임시 디렉터리에서 실행합니다. 노트북이나 DAG 폴더에서 손으로 돌릴 때는 되던 `python check_drift.py`가 스케줄러에서는 "No such file"로 실패하고, 실패를 신호로 쓰는 DAG(trigger_rule)라면 엉뚱한 태스크가 실행됩니다.',
      'Without cwd, BashOperator runs the command in a fresh temporary directory every time. A `python check_drift.py` that worked by hand from the DAG folder fails with "No such file" under the scheduler, and in a DAG that uses failure as a signal (a trigger_rule) the wrong task runs next.',
    ),
    bad: "from airflow import DAG\nfrom airflow.operators.bash import BashOperator\n\nwith DAG('retrain', schedule='@daily', catchup=False) as dag:\n    train = BashOperator(task_id='train', bash_command='python train.py')\n",
    good: "from pathlib import Path\n\nfrom airflow import DAG\nfrom airflow.operators.bash import BashOperator\n\nPROJECT = Path(__file__).parent\n\nwith DAG('retrain', schedule='@daily', catchup=False) as dag:\n    # TODO: 스크립트와 그 스크립트가 읽는 데이터는 워커의 어디에 있나요?\n    train = BashOperator(task_id='train', bash_command=f'python {PROJECT}/train.py')\n",
  },
  weeks: ['intermediate/5'],
  questions: [
    l(
      "스케줄러가 이 태스크를 실행할 때 현재 디렉터리는 어디인가요? 거기에 '{script}'가 있나요?",
      "When the scheduler runs this task, what is the current directory? Is '{script}' there?",
    ),
    l('이 스크립트가 읽는 데이터 파일의 경로도 같은 문제를 겪지 않을까요?', 'Do the data files this script reads have the same problem?'),
  ],
  scaffold: {
    ko: '# TODO: 태스크가 실행할 파일의 위치를 분명히 하기\n# 고려사항:\n# - DAG 파일 기준 절대 경로(Path(__file__).parent) 또는 cwd=\n# - 스크립트가 읽고 쓰는 데이터 경로도 같은 기준으로\n# BashOperator(task_id=..., bash_command=...)  # TODO\n',
    en: "# TODO: make the task's file location explicit\n# Consider:\n# - an absolute path from the DAG file (Path(__file__).parent) or cwd=\n# - the data paths the script reads and writes, from the same base\n# BashOperator(task_id=..., bash_command=...)  # TODO\n",
  },
  check(context) {
    for (const { node } of context.calls) {
      if (keywordArgument(node, 'cwd')) continue;
      const command = keywordArgument(node, 'bash_command');
      // Only a string written here: a command built elsewhere (a variable, a function) is not read.
      if (!command || command.type !== 'string' || command.namedChildren.some((c) => c?.type === 'interpolation')) continue;
      const text = command.text.replace(/^[rbuf]*(['"]{1,3})|(['"]{1,3})$/gi, '');
      // `cd /opt/project && python train.py` chose its directory.
      if (/(^|[;&|]\s*)cd\s/.test(text)) continue;
      // `echo "Running: python train.py"` prints a command, it does not run one (a placeholder task).
      const executed = text
        .split(/[;&|]+/)
        .filter((segment) => !/^\s*\(?\s*(echo|printf)\b/.test(segment))
        .join(' ; ');
      const script = RELATIVE_SCRIPT.exec(executed)?.[1];
      if (script) context.report({ node: command, messageId: 'relative', data: { script } });
    }
  },
});
