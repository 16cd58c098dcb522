import { stageScriptPath, type DvcStageFact } from '../../project/dvc-facts';
import { dirname, joinDir } from '../../project/modules';
import { isTestPath } from '../../python/test-code';
import { l, projectRule } from '../../rule';

/**
 * DVC reruns a stage only when something it declares changes: its `deps`, its `params`. What the
 * stage's script really reads is in another file, so the per-file facts record the data files a
 * script reads by a fixed path and the parameter keys it reads (python/data-reads.ts), and this
 * pass compares them with the stage that runs the script (project/dvc-facts.ts).
 */
export default projectRule({
  scope: 'project',
  id: 'dvc-stage-missing-dependency',
  language: 'yaml',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['gap:dvc-undeclared-deps', 'mllint:version-control/data/dvc'],
  messages: {
    data: l(
      "'{stage}' 단계가 실행하는 {script}는 '{path}'를 읽지만, 이 파일은 단계의 deps에 없습니다 — 파일이 바뀌어도 dvc repro는 이 단계를 다시 실행하지 않고, 파일을 만드는 단계보다 먼저 실행할 수도 있습니다",
      "{script}, run by the '{stage}' stage, reads '{path}', which is not among the stage's deps — a new version of the file does not rerun the stage, and DVC may run it before the stage that writes the file",
    ),
    params: l(
      "'{stage}' 단계가 실행하는 {script}는 {file}의 {keys}를 읽지만, 단계의 params에 선언되어 있지 않습니다 — 값을 바꿔도 단계는 '최신'으로 남고 dvc params diff에도 나타나지 않습니다",
      "{script}, run by the '{stage}' stage, reads {keys} from {file}, not declared in the stage's params — after a change there the stage stays \"up to date\", and dvc params diff does not show it",
    ),
    paramData: l(
      "'{stage}' 단계가 실행하는 {script}는 파라미터 {key}가 가리키는 '{path}'를 읽지만, 이 파일은 단계의 deps에 없습니다 — 파일이 바뀌어도 dvc repro는 이 단계를 다시 실행하지 않습니다",
      "{script}, run by the '{stage}' stage, reads '{path}' (the parameter {key}), which is not among the stage's deps — a new version of the file does not rerun the stage",
    ),
    outside: l(
      "{script}는 '{stage}' 단계의 출력 '{path}'를 읽고 자기 결과를 파일로 쓰지만, 이 스크립트를 실행하는 단계가 없습니다 — dvc repro는 이것을 다시 실행하지 않고, 그 결과가 어떤 데이터 버전에서 나왔는지도 기록되지 않습니다",
      "{script} reads '{path}', an output of the '{stage}' stage, and writes results of its own, but no stage runs it — dvc repro never reruns it, and nothing records which data version its results came from",
    ),
  },
  docs: {
    summary: l(
      'dvc.yaml의 단계가 실행하는 Python 스크립트가 고정된 상대 경로로 읽는 데이터 파일이 그 단계의 deps에 없거나, params.yaml에서 읽는 키가 단계의 params에 선언되지 않은 경우를 찾습니다. 폴더 의존성은 그 안의 파일을 모두 덮고, 섹션 전체(`- train`)나 파라미터 파일 전체를 선언하면 그 안의 키를 덮습니다. 경로가 인자나 환경 변수에서 오거나, 파라미터를 `**params`나 반복문으로 통째로 넘기는 스크립트는 보지 않습니다. 어떤 단계도 실행하지 않는데 단계의 출력을 읽고 자기 파일을 쓰는 스크립트(파이프라인 밖에 남은 학습·평가 단계)도 찾습니다. 단계 중 하나가 셸 스크립트나 make처럼 무엇을 실행하는지 알 수 없는 명령이면 이 경우는 보지 않습니다.',
      "Flags a dvc.yaml stage whose Python script reads a data file by a fixed relative path that is not among the stage's deps, or reads a params.yaml key the stage does not declare in its params. A folder dependency covers the files inside it, and a whole section (`- train`) or a whole parameters file covers its keys. Paths from arguments or the environment, and scripts that hand the parameters on whole (`**params`, a loop), are left alone. Also flags a script that no stage runs but that reads a stage's output and writes files of its own (a training or evaluation step left out of the pipeline), unless a stage runs something whose scripts are not known (a shell script, make).",
    ),
    why: l(
      'DVC는 선언된 것만 봅니다. 원본 데이터가 deps에 없으면 새 데이터 버전을 받아도 파이프라인은 옛 결과를 "최신"이라고 보고, 선언되지 않은 하이퍼파라미터는 바꿔도 모델이 다시 학습되지 않습니다. 재현성 도구를 쓰면서도 어떤 데이터와 파라미터가 모델을 만들었는지 기록이 틀리게 됩니다.',
      'DVC sees only what is declared. With the raw data missing from deps, a new data version leaves the old results "up to date"; with a hyper-parameter undeclared, changing it does not retrain the model. The project uses a reproducibility tool, and its record of which data and parameters made the model is wrong.',
    ),
    bad: '# --- dvc.yaml ---\nstages:\n  prepare:\n    cmd: python src/prepare.py\n    deps:\n      - src/prepare.py\n    outs:\n      - data/processed\n# --- src/prepare.py ---\nimport pandas as pd\n\ndata = pd.read_csv("data/raw/data.csv")\ndata.sample(frac=1.0, random_state=0).to_csv("data/processed/data.csv", index=False)\n',
    good: '# --- dvc.yaml ---\nstages:\n  prepare:\n    cmd: python src/prepare.py\n    deps:\n      - src/prepare.py\n      # TODO: 스크립트가 읽는 모든 파일이 여기에 있나요?\n      - data/raw/data.csv\n    outs:\n      - data/processed\n# --- src/prepare.py ---\nimport pandas as pd\n\ndata = pd.read_csv("data/raw/data.csv")\ndata.sample(frac=1.0, random_state=0).to_csv("data/processed/data.csv", index=False)\n',
  },
  weeks: ['beginner/3', 'beginner/4'],
  questions: [
    l(
      "스크립트는 읽지만 deps에는 없는 데이터 파일의 새 버전을 받은 뒤 dvc repro를 실행하면, '{stage}' 단계는 다시 실행될까요? 왜 그런가요?",
      "After you pull a new version of a data file the script reads but the stage's deps do not list, and run dvc repro, does the '{stage}' stage run again? Why?",
    ),
    l(
      '스크립트가 읽지만 단계가 선언하지 않은 파라미터를 바꾼 실험과 바꾸지 않은 실험을 dvc exp show로 비교하면 무엇이 보일까요?',
      'Comparing an experiment that changed a parameter the script reads but the stage does not declare with one that did not, what would dvc exp show tell you?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 단계가 읽는 모든 것을 선언하기\n# 고려사항:\n# - 스크립트가 읽는 데이터 파일(다른 단계의 출력 포함)이 모두 deps에 있나요?\n# - 스크립트가 params.yaml에서 읽는 키가 모두 params에 있나요?\n# - dvc status가 바뀐 입력을 알아채는지 직접 확인해 보세요\n',
    en: "# TODO: declare everything the stage reads\n# Consider:\n# - is every data file the script reads (other stages' outputs included) in deps?\n# - is every key the script reads from params.yaml in params?\n# - check that dvc status notices a changed input\n",
  },
  project(context) {
    const { view } = context;
    /** Scripts beside the pipeline that consume a stage's output and write files, run by no stage. */
    const outsideThePipeline = (path: string, folder: string, stages: readonly DvcStageFact[]) => {
      const staged = new Set(stages.map((stage) => stageScriptPath(folder, stage)));
      const prefix = folder ? `${folder}/` : '';
      for (const [file, script] of view.python) {
        if (staged.has(file) || !file.startsWith(prefix) || isTestPath(file) || script.serves || script.routes.length > 0 || script.objects.length > 0) continue;
        // What runs when the file is executed: its top level, or everything under a main guard.
        const runs = (access: { inFunction?: true }) => script.hasMainGuard || !access.inFunction;
        const writes = (script.dataWrites ?? []).filter(runs);
        if (writes.length === 0) continue;
        for (const read of (script.dataReads ?? []).filter(runs)) {
          const producer = stages.find((stage) => stage.wdir === '' && stage.outs.some((out) => read.path === out || read.path.startsWith(`${out}/`)));
          if (!producer) continue;
          context.report({
            path,
            range: producer.range,
            messageId: 'outside',
            data: { script: file.slice(prefix.length), stage: producer.name, path: read.path },
            related: [{ path: file, range: read.range, message: l(`'${read.path}'를 읽는 곳`, `where '${read.path}' is read`) }],
          });
          break;
        }
      }
    };
    for (const [path, facts] of view.files) {
      if (facts.kind !== 'yaml' || !facts.dvcStages) continue;
      const folder = dirname(path);
      if (!facts.dvcOpaque) outsideThePipeline(path, folder, facts.dvcStages);
      const knownToPipeline = (file: string) => facts.dvcStages!.some((other) => [...other.deps, ...other.outs].some((p) => file === p || file.startsWith(`${p}/`)));
      for (const stage of facts.dvcStages) {
        const base = stage.wdir ? joinDir(folder, stage.wdir) : folder;
        const scriptPath = stageScriptPath(folder, stage);
        const script = view.python.get(scriptPath);
        if (!script) continue;
        const covered = (file: string) => [...stage.deps, ...stage.outs].some((dep) => file === dep || file.startsWith(`${dep}/`));
        const said = new Set<string>();
        for (const read of script.dataReads ?? []) {
          if (covered(read.path) || said.has(read.path)) continue;
          said.add(read.path);
          context.report({
            path,
            range: stage.depsRange ?? stage.range,
            messageId: 'data',
            data: { stage: stage.name, script: stage.script, path: read.path },
            related: [{ path: scriptPath, range: read.range, message: l(`'${read.path}'를 읽는 곳`, `where '${read.path}' is read`) }],
          });
        }
        // A parameter whose value is a file path (`train.data: data/raw/data.csv`) names a file the script reads or writes.
        const pathParam = (file: string, key: string) => {
          const facts = view.files.get(joinDir(base, file));
          return facts?.kind === 'yaml' ? facts.paramValues?.find((p) => p.key === key)?.value : undefined;
        };
        for (const read of script.paramReads ?? []) {
          const value = pathParam(read.file, read.key);
          // Only a file the pipeline knows as data (another stage's dependency or output): an unknown path may as well be an output this stage forgot.
          if (!value || covered(value) || said.has(value) || !knownToPipeline(value)) continue;
          said.add(value);
          context.report({
            path,
            range: stage.depsRange ?? stage.range,
            messageId: 'paramData',
            data: { stage: stage.name, script: stage.script, path: value, key: read.key },
            related: [{ path: scriptPath, range: read.range, message: l(`'${read.key}'를 읽는 곳`, `where '${read.key}' is read`) }],
          });
        }
        if (script.paramsOpaque) continue;
        const missing = new Map<string, { file: string; line: number }>();
        for (const read of script.paramReads ?? []) {
          if (covered(read.file.replace(/^\.\//, ''))) continue;
          // A path parameter whose file the stage declares is tracked through the file itself.
          const value = pathParam(read.file, read.key);
          if (value && covered(value)) continue;
          const declared = stage.params.filter((p) => p.file.replace(/^\.\//, '') === read.file.replace(/^\.\//, ''));
          // A declared key covers what is under it; a read of a whole section is covered by any key declared in it.
          if (declared.some((p) => p.key === '*' || read.key === p.key || read.key.startsWith(`${p.key}.`) || p.key.startsWith(`${read.key}.`))) continue;
          if (!missing.has(read.key)) missing.set(read.key, { file: read.file, line: read.range.start.line });
        }
        if (missing.size === 0) continue;
        const keys = [...missing.keys()];
        const first = [...missing.values()][0];
        context.report({
          path,
          range: stage.paramsRange ?? stage.range,
          messageId: 'params',
          data: { stage: stage.name, script: stage.script, keys: keys.slice(0, 4).join(', ') + (keys.length > 4 ? ' …' : ''), file: first.file },
          related: [
            {
              path: scriptPath,
              range: { start: { line: first.line, column: 0 }, end: { line: first.line, column: 0 } },
              message: l('파라미터를 읽는 곳', 'where the parameter is read'),
            },
          ],
        });
      }
    }
  },
});
