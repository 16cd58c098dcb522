import { entries, entry, items, scalar, type YamlDocument, type YNode } from '../yaml/model';
import type { Range } from '../types';

/** A stage of a `dvc.yaml` pipeline that runs one Python script. */
export interface DvcStageFact {
  readonly name: string;
  /** The script the command runs, relative to the stage's working folder (`src/train.py`, or a module `src.train` as `src/train.py`). */
  readonly script: string;
  /** The stage's working folder relative to the dvc.yaml folder (`wdir`), '' for the same folder. */
  readonly wdir: string;
  readonly deps: readonly string[];
  readonly outs: readonly string[];
  /** Declared parameters: `train.max_depth`, a whole section `train`, `*` for a whole file; with the file they come from. */
  readonly params: readonly { readonly file: string; readonly key: string }[];
  readonly range: Range;
  readonly depsRange?: Range;
  readonly paramsRange?: Range;
}

const PYTHON_CMD = /^(?:python3?|uv\s+run\s+python3?|poetry\s+run\s+python3?)\s+(?:-u\s+)?(?:(-m)\s+([\w.]+)|([\w./-]+\.py))(?:\s|$)/;
const DEFAULT_PARAMS = 'params.yaml';

/** The stages of a DVC pipeline document that run a Python script (templated stages are left out). */
export function dvcStages(document: YamlDocument): DvcStageFact[] {
  const stages = entry(document.root, 'stages')?.value;
  if (stages?.kind !== 'map') return [];
  const found: DvcStageFact[] = [];
  for (const stage of entries(stages)) {
    if (entry(stage.value, 'foreach') || entry(stage.value, 'matrix')) continue;
    const cmd = scalar(entry(stage.value, 'cmd')?.value);
    if (!cmd || cmd.includes('${')) continue;
    const match = PYTHON_CMD.exec(cmd.trim());
    if (!match) continue;
    const script = match[1] ? `${match[2].replace(/\./g, '/')}.py` : match[3].replace(/^\.\//, '');
    const depsEntry = entry(stage.value, 'deps');
    const paramsEntry = entry(stage.value, 'params');
    found.push({
      name: stage.key,
      script,
      wdir: (scalar(entry(stage.value, 'wdir')?.value) ?? '').replace(/^\.\/?/, '').replace(/\/$/, ''),
      deps: items(depsEntry?.value).map(pathOf).filter(Boolean),
      outs: ['outs', 'metrics', 'plots'].flatMap((key) => items(entry(stage.value, key)?.value).map(pathOf)).filter(Boolean),
      params: items(paramsEntry?.value).flatMap(paramsOf),
      range: stage.keyRange,
      depsRange: depsEntry?.keyRange,
      paramsRange: paramsEntry?.keyRange,
    });
  }
  return found;
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
    const keys = items(e.value).map((k) => scalar(k) ?? '').filter(Boolean);
    return keys.length === 0 ? [{ file: e.key, key: '*' }] : keys.map((key) => ({ file: e.key, key }));
  });
}
