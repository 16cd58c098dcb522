import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../rule';
import type { Range } from '../types';
import { keywordArgument, positionalArguments, type PythonModel } from './model';
import { stringValue } from './nodes';

/** A file the script reads at a relative path written in the code. */
export interface DataRead {
  readonly path: string;
  readonly range: Range;
  /** The call is inside a function (a helper another module may call), not at the top level of the script. */
  readonly inFunction?: true;
  /** The reading call (`joblib.load`, `pandas.read_csv`); reads only, and absent in older cached facts. */
  readonly callee?: string;
}

/** A key of a parameters file the script reads: `train.max_depth` from `params.yaml`. */
export interface ParamRead {
  readonly file: string;
  readonly key: string;
  readonly range: Range;
}

const READERS =
  /^(pandas\.read_(csv|parquet|json|excel|feather|pickle|table|orc)|numpy\.(load|loadtxt|genfromtxt)|joblib\.load|torch\.load|open|PIL\.Image\.open|datasets\.load_from_disk)$/;
/** A relative path to a file or folder of data: a name with an extension, no URL, no template. */
const DATA_PATH = /^(?!\/|[a-z]+:\/\/|~)[\w./-]+\.\w{1,8}$/i;
const CONFIG_FILE = /\.(ya?ml|json|toml|cfg|ini|py)$/i;

/**
 * The data files a script reads by a fixed relative path: a string literal, or a name bound once
 * at module level to one (`raw_data_path = "data/raw/data.csv"`). Paths built from `__file__`,
 * arguments or the environment are not fixed relative to the working folder and are left out, and
 * so are configuration files (they are parameters or code, not data).
 */
export function dataReads(model: PythonModel): DataRead[] {
  const found: DataRead[] = [];
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    if (!READERS.test(callee)) continue;
    const target = positionalArguments(call.node)[0] ?? keywordArgument(call.node, 'filepath_or_buffer') ?? keywordArgument(call.node, 'file');
    if (!target) continue;
    if (callee === 'open' && !readMode(call.node)) continue;
    const path = literalPath(model, target);
    if (!path || !DATA_PATH.test(path) || CONFIG_FILE.test(path)) continue;
    found.push({ path: path.replace(/^\.\//, ''), range: nodeRange(call.node), callee, ...(call.inFunction && { inFunction: true as const }) });
  }
  return found;
}

const WRITERS = /(^|\.)(to_csv|to_parquet|to_json|to_pickle|to_feather|to_excel)$|^(numpy\.(save|savez|savetxt)|joblib\.dump|torch\.save|pickle\.dump)$/;

/** The data and model files a script writes by a fixed relative path (`df.to_csv("data/iris.csv")`, `joblib.dump(model, "model.pkl")`). */
export function dataWrites(model: PythonModel): DataRead[] {
  const found: DataRead[] = [];
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    let target: Node | undefined;
    if (callee === 'open') {
      const mode = stringValue(positionalArguments(call.node)[1] ?? keywordArgument(call.node, 'mode') ?? call.node);
      if (!mode || !/[wx]/.test(mode)) continue;
      target = positionalArguments(call.node)[0];
    } else if (WRITERS.test(callee)) {
      const args = positionalArguments(call.node);
      target = /^(joblib|torch|pickle|numpy)\./.test(callee) && !/\.to_\w+$/.test(callee) ? (/^numpy\./.test(callee) ? args[0] : args[1]) : args[0];
    }
    const path = target && literalPath(model, target);
    if (!path || !DATA_PATH.test(path) || CONFIG_FILE.test(path)) continue;
    found.push({ path: path.replace(/^\.\//, ''), range: nodeRange(call.node), ...(call.inFunction && { inFunction: true as const }) });
  }
  return found;
}

/** `open(path)` or `open(path, "rb")`: reading, not writing or appending. */
function readMode(call: Node): boolean {
  const mode = positionalArguments(call)[1] ?? keywordArgument(call, 'mode');
  if (!mode) return true;
  const value = stringValue(mode);
  return value !== undefined && !/[wax+]/.test(value);
}

/** A string literal, or a module-level name assigned exactly one string literal. */
function literalPath(model: PythonModel, node: Node): string | undefined {
  if (node.type === 'string') return node.namedChildren.some((c) => c?.type === 'interpolation') ? undefined : stringValue(node);
  if (node.type !== 'identifier') return undefined;
  const bindings = [...model.source.matchAll(new RegExp(`^${node.text}[ \\t]*(?::[^=\\n]*)?=(?!=)[ \\t]*(.*)$`, 'gm'))];
  if (bindings.length !== 1) return undefined;
  return /^[rRuU]?(["'])([^"'\n]*)\1[ \t]*(#.*)?$/.exec(bindings[0][1])?.[2];
}

/**
 * The parameter keys a script reads from a YAML parameters file: the file loaded with
 * `yaml.safe_load(open("params.yaml"))` (directly, through `with open(...) as f`, or DVC's
 * `dvc.api.params_show()`), optionally narrowed to a section (`[...]["train"]`), then read by
 * subscript or `.get` (`params["max_depth"]`, `cfg["train"]["lr"]`, a section alias
 * `train = params["train"]`). Keys read any other way (a loop, `**params`) are not known, and a
 * script that reads them so is left out (`opaque`).
 */
export function paramReads(model: PythonModel): { reads: ParamRead[]; opaque: boolean } {
  const source = model.uncommentedSource;
  if (!/\byaml\b|params_show/.test(source)) return { reads: [], opaque: false };
  // name -> [file, section prefix]
  const bound = new Map<string, { file: string; prefix: string }>();
  const SECTION = String.raw`((?:\s*\[\s*["'][\w-]+["']\s*\])*)`;
  const direct = new RegExp(String.raw`^[ \t]*(\w+)\s*=\s*yaml\.(?:safe_)?load\(\s*open\(\s*["']([\w./-]+\.ya?ml)["'][^)]*\)[^)]*\)` + SECTION, 'gm');
  for (const m of source.matchAll(direct)) bound.set(m[1], { file: m[2], prefix: sections(m[3]) });
  // `params_path = os.path.join(root_dir, "params.yaml")`, then `yaml.safe_load(open(params_path))`: the file by the name in its one binding.
  const viaName = new RegExp(String.raw`^[ \t]*(\w+)\s*=\s*yaml\.(?:safe_)?load\(\s*open\(\s*(\w+)\s*(?:,[^)]*)?\)\s*\)` + SECTION, 'gm');
  for (const m of source.matchAll(viaName)) {
    const file = yamlNamed(source, m[2]);
    if (file) bound.set(m[1], { file, prefix: sections(m[3]) });
  }
  const handle = /open\(\s*["']([\w./-]+\.ya?ml)["'][^)]*\)\s*as\s+(\w+)\s*:/g;
  for (const h of source.matchAll(handle)) {
    const viaHandle = new RegExp(String.raw`^[ \t]*(\w+)\s*=\s*yaml\.(?:safe_)?load\(\s*${h[2]}\b[^)]*\)` + SECTION, 'gm');
    for (const m of source.matchAll(viaHandle)) bound.set(m[1], { file: h[1], prefix: sections(m[2]) });
  }
  const dvc = new RegExp(String.raw`^[ \t]*(\w+)\s*=\s*(?:dvc\.api\.)?params_show\(\s*\)` + SECTION, 'gm');
  for (const m of source.matchAll(dvc)) bound.set(m[1], { file: 'params.yaml', prefix: sections(m[2]) });
  if (bound.size === 0) return { reads: [], opaque: false };
  // Section aliases: `train_params = params["train"]`.
  for (const [name, origin] of [...bound]) {
    const alias = new RegExp(String.raw`^[ \t]*(\w+)\s*=\s*${name}` + SECTION + String.raw`\s*$`, 'gm');
    for (const m of source.matchAll(alias)) if (m[2] && !bound.has(m[1])) bound.set(m[1], { file: origin.file, prefix: join(origin.prefix, sections(m[2])) });
  }
  const reads: ParamRead[] = [];
  let opaque = false;
  for (const [name, origin] of bound) {
    const uses = new RegExp(String.raw`\b${name}\b((?:\s*\[\s*["'][\w-]+["']\s*\]|\.get\(\s*["'][\w-]+["'][^)]*\))*)`, 'g');
    for (const m of source.matchAll(uses)) {
      const path = m[1] ? [...m[1].matchAll(/["']([\w-]+)["']/g)].map((k) => k[1]).join('.') : '';
      const after = source.slice(m.index + m[0].length, m.index + m[0].length + 8);
      if (!path) {
        if (handsOnEveryKey(source, m.index, after)) opaque = true;
        continue;
      }
      const key = join(origin.prefix, path);
      const line = source.slice(0, m.index).split('\n').length - 1;
      reads.push({ file: origin.file, key, range: { start: { line, column: 0 }, end: { line, column: 0 } } });
    }
  }
  return { reads, opaque };
}

function sections(text: string | undefined): string {
  return [...(text ?? '').matchAll(/["']([\w-]+)["']/g)].map((m) => m[1]).join('.');
}

function join(prefix: string, path: string): string {
  return prefix && path ? `${prefix}.${path}` : prefix || path;
}

/**
 * A bare use of the parameters that may read any key: `**params`, `for k in params`,
 * `params.items()`, or the whole dict handed to a call (`Model(params)`), except to logging or
 * printing, which only records it.
 */
function handsOnEveryKey(source: string, index: number, after: string): boolean {
  if (/^\s*=[^=]/.test(after)) return false;
  const lineStart = source.lastIndexOf('\n', index - 1) + 1;
  const before = source.slice(lineStart, index);
  if (/\*\*\s*$/.test(before) || /\bin\s+$/.test(before) || /^\.(items|values|keys)\b/.test(after)) return true;
  if (!/[(,]\s*$/.test(before)) return false;
  return !/\b(log_params|log_dict|log_param|print|debug|info|warning|dump|dumps|pprint|echo)\s*\([^()]*$/.test(before);
}

/** The YAML file a module-level name is bound to once: the last string literal of its binding (`os.path.join(ROOT, "params.yaml")`). */
function yamlNamed(source: string, name: string): string | undefined {
  const bindings = [...source.matchAll(new RegExp(`^${name}[ \\t]*=(?!=)(.*)$`, 'gm'))];
  if (bindings.length !== 1) return undefined;
  const literals = [...bindings[0][1].matchAll(/["']([\w.-]+\.ya?ml)["']/g)];
  return literals.at(-1)?.[1];
}
