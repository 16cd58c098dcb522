import type { Node } from 'web-tree-sitter';
import { subjectArgument, type PythonModel } from '../../python/model';
import { movingWindow, overwrittenInputs, RELATIVE_TO_NOW } from '../../python/data-sources';
import { resolveString } from '../../python/references';
import { enclosingFunction } from '../../python/nodes';
import { isTrainingScript, ML_ROOTS } from '../../python/training';
import { l, pythonRule } from '../../rule';
import { isNotebookModel } from '../../python/notebooks';

/** Readers of a data set, by the keyword that names its location when it is not the first argument. */
const READERS: Readonly<Record<string, string>> = {
  'pandas.read_csv': 'filepath_or_buffer',
  'pandas.read_table': 'filepath_or_buffer',
  'pandas.read_parquet': 'path',
  'pandas.read_json': 'path_or_buf',
  'pandas.read_excel': 'io',
  'pandas.read_feather': 'path',
  'pandas.read_sql': 'sql',
  'pandas.read_sql_query': 'sql',
  'pandas.read_sql_table': 'table_name',
  'polars.read_csv': 'source',
  'polars.read_parquet': 'source',
  'numpy.loadtxt': 'fname',
  'numpy.genfromtxt': 'fname',
  'urllib.request.urlretrieve': 'url',
  'wget.download': 'url',
  'requests.get': 'url',
  'torchvision.datasets.ImageFolder': 'root',
  'tensorflow.keras.utils.image_dataset_from_directory': 'directory',
  'keras.utils.image_dataset_from_directory': 'directory',
};
/** A URL that names an immutable version: a commit hash, a release tag, a DOI record, a version parameter. */
const PINNED_URL = /\/[0-9a-f]{7,40}(\/|$)|\/(refs\/tags|releases\/download)\/|\/v?\d+\.\d+(\.\d+)?\/|[?&](version|rev|revision|versionId)=|zenodo\.org\/records?\/|doi\.org\//i;
/** Branches whose content moves with every push. */
const BRANCH =
  /^https?:\/\/(raw\.githubusercontent\.com\/[^/]+\/[^/]+|github\.com\/[^/]+\/[^/]+\/(raw|blob)|gitlab\.com\/[^/]+\/[^/]+\/-\/raw)\/(master|main|develop|dev|HEAD|gh-pages)\//;
/** Paths that exist on one person's machine (a Windows drive, a home folder, a mounted Google Drive). */
const MACHINE_PATH = /^([A-Za-z]:[\\/]|\/Users\/[^/]+\/|\/home\/[^/]+\/|\/content\/drive\/|~[\\/])/;
/*
 * A plain local path (`data/train.csv`, `args.data_path`) is not reported, on purpose and measured
 * (dev, 647 cases): 125 files read a local data file; reviewers wrote "no version or hash recorded"
 * in 21 of them at the read (about 25 counting other lines), left it out in 94, and wrote a control
 * (DVC stage output or `.dvc` file, CSV committed in git, SageMaker input channel) in 7 more. Both
 * sides log to MLflow with the same calls: "tracked training script, no data logged, no DVC" finds
 * 8 and adds 14 false; "training script that saves a model, literal path, no DVC" finds 13 and adds 23.
 */
/** The file checks what it downloaded, or reads through DVC. */
const VERIFIED = /\bhashlib\b|\b(sha256|sha1|md5|checksum|file_hash|known_hash|hash_value)\b|\bdvc\.api\b/i;

export default pythonRule({
  id: 'unversioned-training-data',
  language: 'python',
  category: 'reproducibility',
  // A warning: the run works today, but nobody (including you next month) can rebuild its input.
  severity: 'warning',
  anchors: ['mllint:version-control/data/dvc', 'gap:unversioned-training-data'],
  callees: Object.keys(READERS),
  messages: {
    branchUrl: l(
      "학습 데이터를 브랜치 주소('{ref}')에서 바로 읽습니다 — 그 저장소에 커밋이 올라오면 같은 코드가 다른 데이터로 학습합니다",
      "Training data is read straight from a branch URL ('{ref}') — the next push to that repository trains the same code on different data",
    ),
    url: l(
      "학습 데이터를 버전이나 체크섬 없이 URL('{ref}')에서 읽습니다 — 내용이 바뀌어도 알 수 없고, 이 모델이 본 데이터를 다시 만들 수 없습니다",
      "Training data is read from a URL ('{ref}') with no version or checksum — a change goes unnoticed, and the data this model saw cannot be rebuilt",
    ),
    machinePath: l(
      "학습 데이터가 한 사람의 컴퓨터에만 있는 경로('{ref}')에 있습니다 — 다른 사람, CI, 서버에서는 이 학습을 다시 할 수 없습니다",
      "Training data lives at a path on one person's machine ('{ref}') — no teammate, CI runner or server can repeat this training",
    ),
    overwritesInput: l(
      "스크립트가 읽어 들인 데이터 파일('{ref}')을 가공한 결과로 덮어씁니다 — 다음 실행은 다른 입력을 보고, 이 실행이 본 원본은 사라집니다",
      "The script overwrites the data file it read ('{ref}') with its processed result — the next run sees different input, and the original this run saw is gone",
    ),
    liveTable: l(
      '학습 데이터를 살아 있는 테이블에서 조건 없이 읽습니다 — 어떤 행으로 학습했는지 기록이 남지 않습니다',
      'Training data is read from a live table with no snapshot or bound — nothing records which rows the model saw',
    ),
  },
  docs: {
    summary: l(
      '학습 스크립트가 데이터를 브랜치 URL, 버전·체크섬 없는 URL, 개인 컴퓨터의 절대 경로, 조건 없는 라이브 테이블(SQL 문, read_sql_table, 필터 없는 ORM 쿼리, 지금 시각 기준의 기간)에서 읽는 경우와, 읽은 데이터 파일을 덮어쓰는 스크립트를 찾습니다(파일이 없을 때의 분기에서만 쓰는 캐시는 제외).',
      'Flags training scripts that read their data from a branch URL, a URL with no version or checksum, an absolute path on one machine, or a live table with no bound (a SQL string, read_sql_table, an ORM query with no filter, a window relative to now), and scripts that overwrite the data file they read (writing a file only in the branch where it was missing, a cache, is not).',
    ),
    why: l(
      '코드와 하이퍼파라미터를 기록해도 데이터가 바뀌면 같은 모델을 다시 만들 수 없습니다. 성능이 변했을 때 코드 때문인지 데이터 때문인지 가릴 수도 없습니다. 데이터에도 버전(DVC, 커밋 해시, 스냅샷, 체크섬)이 필요합니다.',
      'Recording code and hyper-parameters is not enough when the data moves underneath: you cannot rebuild the model, nor tell whether a change in quality came from the code or the data. Data needs a version too (DVC, a commit hash, a snapshot, a checksum).',
    ),
    bad: 'import pandas as pd\nfrom sklearn.linear_model import LinearRegression\n\ndf = pd.read_csv("https://raw.githubusercontent.com/org/datasets/master/housing.csv")\nmodel = LinearRegression().fit(df[["rooms"]], df["price"])\n',
    good: 'import pandas as pd\nfrom sklearn.linear_model import LinearRegression\n\n# TODO: 이 데이터의 버전(DVC, 커밋 해시, 체크섬)을 어디에 기록할까요?\ndf = pd.read_csv("data/housing.csv")\nmodel = LinearRegression().fit(df[["rooms"]], df["price"])\n',
  },
  weeks: ['beginner/3', 'beginner/2', 'intermediate/5'],
  questions: [
    l(
      "석 달 뒤에 이 모델을 똑같이 다시 만들어야 한다면, '{ref|그 데이터}'가 그때도 지금과 같다고 어떻게 확인할 수 있을까요?",
      "If you had to rebuild this model exactly in three months, how would you check '{ref|that data}' is still what it is today?",
    ),
    l(
      '모델 성능이 갑자기 바뀌었을 때, 코드가 바뀐 건지 데이터가 바뀐 건지 어떻게 구분하시겠어요?',
      'When model quality suddenly changes, how would you tell a code change from a data change?',
    ),
    l(
      '이 모델이 학습한 데이터를 팀원이나 CI가 그대로 받을 수 있으려면 무엇이 필요할까요? (DVC, 스냅샷, 체크섬)',
      'What would a teammate or CI need to get exactly the data this model learned from? (DVC, a snapshot, a checksum)',
    ),
  ],
  scaffold: {
    ko: '# TODO: 학습 데이터에 버전 붙이기\n# 고려사항:\n# - 데이터를 저장소 밖 어디에 두고, 어떤 버전(DVC, 커밋 해시, 날짜 스냅샷)으로 가리킬까요?\n# - 내려받은 파일이 기대한 내용인지 체크섬으로 확인할까요?\n# - 실험 기록에 데이터 버전도 남기나요?\n# TODO: 움직이는 위치 대신 고정된 데이터 버전에서 읽기\n',
    en: '# TODO: version the training data\n# Consider:\n# - where does the data live, and which version names it? (DVC, a commit hash, a dated snapshot)\n# - do you verify the downloaded file with a checksum?\n# - does the experiment record include the data version?\n# TODO: read from a fixed data version instead of a moving location\n',
  },
  check(context) {
    // A notebook saved as a script is an exploration, not the code that runs (see isNotebookExport).
    if (isNotebookModel(context.model)) return;
    const { model } = context;
    if (!readsTrainingData(model)) return;
    // Comments do not count: a TODO about checksums has not added one.
    let verified: boolean | undefined;
    const isVerified = () => (verified ??= VERIFIED.test(model.source) && VERIFIED.test(model.uncommentedSource));
    for (const call of context.calls) {
      const callee = call.callee!;
      const arg = subjectArgument(call.node, READERS[callee]);
      // A whole table read by name, or through a query object that selects a table with no filter.
      if (arg && !isVerified() && (callee === 'pandas.read_sql_table' || (/^pandas\.read_sql/.test(callee) && unboundQuery(model, arg)))) {
        context.report({ node: arg, messageId: 'liveTable' });
        continue;
      }
      const resolved = resolveString(model, arg);
      const ref = resolved?.value.trim();
      // A formatted query (`f"... WHERE ts >= DATEADD(day, -{days}, CURRENT_TIMESTAMP())"`) does not resolve, but its window still moves.
      if (arg && !ref && /^pandas\.read_sql/.test(callee) && movingWindow(model, arg) && !isVerified()) context.report({ node: arg, messageId: 'liveTable' });
      if (!arg || !ref) continue;
      if (/^pandas\.read_sql/.test(callee)) {
        const unbounded = !/\b(where|limit|as\s+of|snapshot|version)\b/i.test(ref) || RELATIVE_TO_NOW.test(ref);
        if (/\bselect\b[\s\S]*\bfrom\b/i.test(ref) && unbounded && !isVerified()) context.report({ node: arg, messageId: 'liveTable' });
        continue;
      }
      const messageId = /^https?:\/\//i.test(ref)
        ? PINNED_URL.test(ref)
          ? undefined
          : BRANCH.test(ref)
            ? 'branchUrl'
            : 'url'
        : MACHINE_PATH.test(ref)
          ? 'machinePath'
          : undefined;
      // Where the location is written (`url = "https://..."` a few lines up), which is what the message quotes.
      if (messageId && !isVerified()) context.report({ node: writtenNear(arg, resolved?.node), messageId, data: { ref: shortRef(ref) } });
    }
    overwrittenInputs(
      model,
      context.calls,
      (call) => READERS[call.callee!],
      (node, ref) => context.report({ node, messageId: 'overwritesInput', data: { ref: shortRef(ref) } }),
    );
  },
});

/** ORM query objects and their narrowing: `session.query(T).statement`, `select(T)` with no `.where`/`.filter`/`.limit`. */
const QUERY_OBJECT = /(\.query\(\s*[\w.]+\s*\)\.statement\b|^(sqlalchemy\.)?select\(\s*[\w.]+\s*\)\s*$)/;
const NARROWED = /\.(where|filter|filter_by|limit|offset)\(/;

/** Is the query argument an ORM query for a whole table (written there, or assigned to the name once)? */
function unboundQuery(model: PythonModel, arg: Node): boolean {
  let text = arg.text;
  if (arg.type === 'identifier') text = new RegExp(`^[ \\t]*${arg.text}[ \\t]*=[ \\t]*([^\\n]+)`, 'm').exec(model.source)?.[1]?.trim() ?? '';
  return QUERY_OBJECT.test(text) && !NARROWED.test(text);
}

/**
 * The string a variable argument stands for when a function writes it a few lines above the read
 * (`url = "https://..."` then `urlretrieve(url, ...)`); else the argument. A module constant stays
 * reported where it is read: the call is what the reader of the file looks for.
 */
function writtenNear(arg: Node, written: Node | undefined): Node {
  if (!written || written === arg || written.startIndex > arg.startIndex) return arg;
  const fn = enclosingFunction(arg)?.id;
  return fn !== undefined && enclosingFunction(written)?.id === fn && arg.startPosition.row - written.startPosition.row <= 12 ? written : arg;
}

/** A long reference by its file name (still a piece of the file's text, which the teacher quotes). */
function shortRef(ref: string): string {
  if (ref.length <= 80) return ref;
  return /[^/\\?#]+(?=([?#].*)?$)/.exec(ref)?.[0] ?? ref.slice(0, 80);
}

/** A training script, or a data step of an ML project (a script that prepares what a model trains on). */
function readsTrainingData(model: PythonModel): boolean {
  if (isTrainingScript(model)) return true;
  return model.role === 'script' && [...model.imports.values()].some((target) => ML_ROOTS.has(target.split('.')[0]) || /^(torchvision|torchaudio|timm)\b/.test(target));
}
