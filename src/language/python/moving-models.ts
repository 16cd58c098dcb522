import type { Node } from 'web-tree-sitter';
import type { ProjectView } from '../project/index';
import type { Range } from '../types';
import { keywordArgument, stringValue, type PythonModel } from './model';

/**
 * Model references that move without a code change, beyond registries and hubs: the newest
 * model file on disk (`max(files, key=os.path.getctime)`, `sorted(glob(...))[-1]`) and provider
 * aliases that follow the vendor's newest release (`claude-3-5-sonnet-latest`, `gpt-4o-latest`).
 */

/** Words that say a file list holds models: without them a newest-file pick is a log or a data file. */
const MODEL_HINT = /model|checkpoint|ckpt|weights|\.(pkl|joblib|pt|pth|h5|keras|onnx|bin|safetensors)\b/i;
/** Where file names come from: a directory listing or a glob. */
const LISTING = /\b(os\.listdir|glob\.glob|glob|iglob|os\.scandir|\.glob|\.rglob|\.iterdir)\s*\(/;
const BY_TIME = /^(os\.path\.)?get[cm]time$|st_[cm]time/;
/** Keywords through which an LLM client or wrapper names its model. */
const MODEL_KEYWORDS = new Set(['model', 'model_name', 'model_id', 'deployment_name', 'engine']);
const MODEL_KEYWORD_LIST = [...MODEL_KEYWORDS];
/** A tracker query ordered newest first: `order_by=["start_time DESC"]`, `["version_number DESC"]`. */
const NEWEST_FIRST = /\b(start_time|end_time|creation_time(stamp)?|last_updated_timestamp|version_number)\s+DESC\b/i;
/** The file goes on to load, serve or register a model from what it found. */
const USES_MODEL = /runs:\/|models:\/|load_model|download_artifacts|register_model/;
/** A provider alias that tracks the newest snapshot: `...-latest`. */
const LATEST_ALIAS = /^[\w.:/-]+-latest$/;

export interface MovingReference {
  readonly node: Node;
  readonly kind: 'newest-file' | 'first-file' | 'alias' | 'newest-run';
  readonly ref: string;
}

/** The statement that holds `node`, for the words around a pick (`latest_model = ...`). */
function statementOf(node: Node): Node {
  let current: Node = node;
  while (current.parent && !/statement$|^module$|^block$/.test(current.parent.type)) current = current.parent;
  return current;
}

export function movingModelReferences(model: PythonModel): MovingReference[] {
  const found: MovingReference[] = [];
  // An alias is a plain string whose raw text ends in `-latest` (\`stringValue\` is a slice of the
  // source): without those characters in the file no call's text needs reading for one.
  const aliases = model.source.includes('-latest');
  const runQueries = USES_MODEL.test(model.source) && /search_(runs|model_versions)/.test(model.source);
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    const node = call.node;
    if (runQueries && /(^|\.)search_(runs|model_versions)$/.test(callee)) {
      if (newestOnly(node)) found.push({ node, kind: 'newest-run', ref: node.text.slice(0, 80) });
      continue;
    }
    if (callee === 'max' || callee === 'sorted') {
      const args = node.childForFieldName('arguments');
      const key = keywordArgument(node, 'key')?.text ?? '';
      const byTime = BY_TIME.test(key) || /get[cm]time|st_[cm]time/.test(key);
      const fromListing = LISTING.test(args?.text ?? '');
      // `sorted(...)` picks only when indexed at its newest end: `sorted(glob(...))[-1]`, or `[0]`
      // of a `reverse=True` sort, directly or through the name it is assigned to (`files[0]`).
      const parent = node.parent;
      const newestEnd = keywordArgument(node, 'reverse')?.text === 'True' ? '0' : '-1';
      const newestIndex =
        (parent?.type === 'subscript' && new RegExp(`^\\[\\s*${newestEnd}\\s*\\]$`).test(parent.text.slice(node.text.length).trim())) ||
        (callee === 'sorted' && indexedByName(model, node, newestEnd));
      const picks = callee === 'max' ? byTime || fromListing : newestIndex && (byTime || fromListing);
      if (!picks) continue;
      const context = statementOf(node).text;
      if (MODEL_HINT.test(context)) found.push({ node: callee === 'sorted' && parent?.type === 'subscript' ? parent : node, kind: 'newest-file', ref: node.text.slice(0, 80) });
      continue;
    }
    if (!aliases) continue;
    // `keywordArgument` finds nothing in a call whose text names none of the keywords: one read
    // of the text rules most calls out instead of one per keyword.
    const text = node.text;
    if (!MODEL_KEYWORD_LIST.some((name) => text.includes(name))) continue;
    for (const name of MODEL_KEYWORDS) {
      const argument = keywordArgument(node, name);
      const value = argument && stringValue(argument);
      if (argument && value && LATEST_ALIAS.test(value)) found.push({ node: argument, kind: 'alias', ref: value });
    }
  }
  found.push(...firstListedFiles(model));
  return found;
}

/**
 * `files = sorted(..., reverse=True)` and later `files[0]` (or `files[-1]` of an ascending sort):
 * the sorted list is assigned to a plain name, and that name is indexed at the newest end.
 */
function indexedByName(model: PythonModel, call: Node, index: string): boolean {
  const assignment = call.parent;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('right')?.id !== call.id) return false;
  const name = assignment.childForFieldName('left');
  if (name?.type !== 'identifier') return false;
  return new RegExp(`\\b${name.text}\\[\\s*${index}\\s*\\]`).test(model.source);
}

/**
 * A tracker query that keeps only the newest run or version (`max_results=1`, or `[0]` / `.iloc[0]`
 * of the result): the model used is whichever run finished last, another run's or a failed one's.
 */
function newestOnly(node: Node): boolean {
  const order = keywordArgument(node, 'order_by');
  if (!order || !NEWEST_FIRST.test(order.text)) return false;
  if (keywordArgument(node, 'max_results')?.text === '1') return true;
  // `search_runs(...)[0]` or `search_runs(...).iloc[0]`: the subscript is the parent or the grandparent.
  const holder = node.parent?.type === 'attribute' ? node.parent.parent : node.parent;
  const after = holder?.text.slice(node.text.length) ?? '';
  return /^\s*(\.iloc)?\[\s*0\s*\]/.test(after);
}

/**
 * `model_file = model_files[0]` after `model_files = glob.glob("models/*.keras")`: a directory
 * listing comes in no particular order, so the "latest" model is whichever file is listed first.
 * A list checked to hold exactly one file (`if len(files) != 1: raise`) names no choice.
 */
export function firstListedFiles(model: PythonModel): MovingReference[] {
  if (!LISTING.test(model.source)) return [];
  const found: MovingReference[] = [];
  for (const assignment of model.assignments) {
    const right = assignment.childForFieldName('right');
    if (right?.type !== 'subscript' || !/^\[\s*-?[01]\s*\]$/.test(right.text.slice(right.childForFieldName('value')?.text.length ?? 0).trim())) continue;
    const value = right.childForFieldName('value');
    if (!value) continue;
    // `sorted(os.listdir(d))[0]` is a choice by name (its `[-1]` is the newest-file case above).
    let listing = value.type === 'call' && LISTING.test(value.text) && !/^sorted\(/.test(value.text) ? value.text : undefined;
    if (value.type === 'identifier') {
      const name = value.text;
      listing = new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*([^\\n]+)`, 'm').exec(model.source)?.[1];
      if (listing && !LISTING.test(listing)) listing = undefined;
      if (new RegExp(`len\\(\\s*${name}\\s*\\)\\s*(!=|==|>|<=)\\s*1\\b`).test(model.source)) continue;
    }
    if (listing && MODEL_HINT.test(`${assignment.text} ${listing}`)) found.push({ node: right, kind: 'first-file', ref: right.text.slice(0, 80) });
  }
  return found;
}

/** An MLflow registry URI by stage or `latest`, in a command line or a setting (`-m models:/churn/Production`). */
const REGISTRY_URI = /(?:^|[\s"'=])(models:\/[\w.-]+\/(?:latest|production|staging|none|archived))(?=$|[\s"';&|])/gi;

/** The moving MLflow URIs of the project's start commands, scripts and workflow runs, with where each is written. */
export function registryUrisInCommands(view: ProjectView): { path: string; range: Range; ref: string }[] {
  const found: { path: string; range: Range; ref: string }[] = [];
  const scan = (path: string, text: string | undefined, range: Range | undefined) => {
    if (!text || !range || !text.includes('models:/')) return;
    for (const m of text.matchAll(REGISTRY_URI)) found.push({ path, range, ref: m[1] });
  };
  for (const [path, facts] of view.files) {
    if (facts.kind === 'dockerfile') {
      for (const stage of facts.stages) for (const i of [stage.cmd, stage.entrypoint, ...stage.runs]) scan(path, i?.words?.join(' ') ?? i?.text, i?.range);
    } else if (facts.kind === 'script') {
      for (const command of facts.commands) scan(path, command.text, command.range);
    } else if (facts.kind === 'yaml') {
      for (const s of facts.compose) scan(path, [...(s.command ?? []), ...Object.values(s.environment)].join(' '), s.commandRange ?? s.nameRange);
      for (const w of facts.workloads)
        for (const c of w.containers) scan(path, [...(c.command ?? []), ...(c.args ?? []), ...Object.values(c.env)].join(' '), c.commandRange ?? c.nameRange);
      for (const run of facts.workflowRuns) scan(path, run.value, run.range);
    }
  }
  return found;
}
