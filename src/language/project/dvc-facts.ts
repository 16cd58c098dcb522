import { entries, entry, items, scalar, type YamlDocument, type YNode } from '../yaml/model';
import type { Range } from '../types';
import type { FileFacts } from './facts';
import { dirname, joinDir } from './modules';

/** A stage of a `dvc.yaml` pipeline that runs one Python script. */
export interface DvcStageFact {
  readonly name: string;
  /** The script the command runs, relative to the stage's working folder (`src/train.py`, or a module `src.train` as `src/train.py`). */
  readonly script: string;
  /** The stage's working folder relative to the dvc.yaml folder (`wdir`), '' for the same folder. */
  readonly wdir: string;
  readonly deps: readonly string[];
  /** Where each of `deps` is written, in the same order. */
  readonly depRanges: readonly Range[];
  readonly outs: readonly string[];
  /** The stage's `metrics` files (also among `outs`); optional: older cached facts have none. */
  readonly metrics?: readonly string[];
  /** Declared parameters: `train.max_depth`, a whole section `train`, `*` for a whole file; with the file they come from. */
  readonly params: readonly { readonly file: string; readonly key: string }[];
  readonly range: Range;
  readonly depsRange?: Range;
  readonly paramsRange?: Range;
}

const PYTHON_CMD = /^(?:python3?|uv\s+run\s+python3?|poetry\s+run\s+python3?)\s+(?:-u\s+)?(?:(-m)\s+([\w.]+)|([\w./-]+\.py))(?:\s|$)/;
const DEFAULT_PARAMS = 'params.yaml';

/**
 * The stages of a DVC pipeline document that run a Python script; `opaque` when another stage
 * runs something whose scripts are not known (a shell script, make, a templated or list command).
 */
export function dvcStages(document: YamlDocument): { stages: DvcStageFact[]; opaque: boolean } {
  const stages = entry(document.root, 'stages')?.value;
  if (stages?.kind !== 'map') return { stages: [], opaque: false };
  const found: DvcStageFact[] = [];
  let opaque = false;
  for (const stage of entries(stages)) {
    const cmd = scalar(entry(stage.value, 'cmd')?.value);
    const match = cmd && !cmd.includes('${') ? PYTHON_CMD.exec(cmd.trim()) : null;
    if (!match || entry(stage.value, 'foreach') || entry(stage.value, 'matrix')) {
      opaque = true;
      continue;
    }
    const script = match[1] ? `${match[2].replace(/\./g, '/')}.py` : match[3].replace(/^\.\//, '');
    const depsEntry = entry(stage.value, 'deps');
    const paramsEntry = entry(stage.value, 'params');
    found.push({
      name: stage.key,
      script,
      wdir: (scalar(entry(stage.value, 'wdir')?.value) ?? '').replace(/^\.\/?/, '').replace(/\/$/, ''),
      deps: items(depsEntry?.value).map(pathOf),
      depRanges: items(depsEntry?.value).map((dep) => dep.range),
      outs: ['outs', 'metrics', 'plots'].flatMap((key) => items(entry(stage.value, key)?.value).map(pathOf)).filter(Boolean),
      metrics: items(entry(stage.value, 'metrics')?.value).map(pathOf).filter(Boolean),
      params: items(paramsEntry?.value).flatMap(paramsOf),
      range: stage.keyRange,
      depsRange: depsEntry?.keyRange,
      paramsRange: paramsEntry?.keyRange,
    });
  }
  return { stages: found, opaque };
}

/** `- data/raw` or `- data/raw: {cache: false}`, without a leading `./` or a trailing `/`. */
function pathOf(node: YNode | undefined): string {
  const raw = node?.kind === 'map' ? (node.entries[0]?.key ?? '') : (scalar(node) ?? '');
  return raw.replace(/^\.\//, '').replace(/\/+$/, '');
}

/** `- train.lr` (from params.yaml), `- other.yaml:` (every key), `- other.yaml: [a, b]`. */
function paramsOf(node: YNode): { file: string; key: string }[] {
  if (node.kind !== 'map') {
    const key = scalar(node);
    return key ? [{ file: DEFAULT_PARAMS, key }] : [];
  }
  return node.entries.flatMap((e) => {
    const keys = items(e.value)
      .map((k) => scalar(k) ?? '')
      .filter(Boolean);
    return keys.length === 0 ? [{ file: e.key, key: '*' }] : keys.map((key) => ({ file: e.key, key }));
  });
}

/** A file-like string value of a parameters file: `train.data: data/raw/data.csv`. */
export interface ParamValueFact {
  readonly key: string;
  readonly value: string;
}

const PATH_VALUE = /^(?!\/|[a-z]+:\/\/|~)[\w./-]+\.\w{1,8}$/i;

/** The string leaves of a parameters file that look like relative file paths, by dotted key (four levels deep at most). */
export function paramPathValues(document: YamlDocument): ParamValueFact[] {
  const found: ParamValueFact[] = [];
  const walk = (node: YNode | undefined, prefix: string, depth: number) => {
    if (!node || depth > 4 || found.length >= 200) return;
    if (node.kind === 'map') for (const e of node.entries) walk(e.value, prefix ? `${prefix}.${e.key}` : e.key, depth + 1);
    else if (node.kind === 'scalar' && prefix && PATH_VALUE.test(node.value)) found.push({ key: prefix, value: node.value.replace(/^\.\//, '') });
  };
  walk(document.root, '', 0);
  return found;
}

/** A Python script a DVC stage runs, with the stages of its pipeline (the same dvc.yaml). */
export interface StagedScript {
  /** The script's path in the project. */
  readonly path: string;
  readonly stage: DvcStageFact;
  readonly pipeline: readonly DvcStageFact[];
}

/**
 * Every Python script that a stage of a `dvc.yaml` runs, with its pipeline (`files`: the project's per-file facts).
 */
/** The path of the script a stage runs, from the folder of its `dvc.yaml` (its `wdir` applied). */
export function stageScriptPath(folder: string, stage: DvcStageFact): string {
  return joinDir(stage.wdir ? joinDir(folder, stage.wdir) : folder, stage.script);
}

export function stagedScripts(files: ReadonlyMap<string, FileFacts>): StagedScript[] {
  const found: StagedScript[] = [];
  for (const [path, facts] of files) {
    if (facts.kind !== 'yaml' || !facts.dvcStages) continue;
    const folder = dirname(path);
    for (const stage of facts.dvcStages) found.push({ path: stageScriptPath(folder, stage), stage, pipeline: facts.dvcStages });
  }
  return found;
}
