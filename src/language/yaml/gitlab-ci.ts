import type { Range } from '../types';
import { printsOnly } from './ci-steps';
import { at, entries, entry, items, scalar, type YMap, type YNode, type YScalar } from './values';

/** One job of a GitLab CI pipeline (`.gitlab-ci.yml`), with the script lines it runs in order. */
export interface GitLabJob {
  readonly id: string;
  readonly idRange: Range;
  readonly spec: YMap;
  /** The job's stage (`test` when it names none, as GitLab does). */
  readonly stage: string;
  /** Where the stage comes in the pipeline's `stages:` (or GitLab's default order); -1 when unknown. */
  readonly stageIndex: number;
  /** `before_script` (the job's, else the default one) then `script`, one scalar per item. */
  readonly scripts: readonly YScalar[];
  /** The jobs named in `needs:` (a job with `needs:` starts when they finish, whatever its stage); undefined without `needs:`. */
  readonly needs: readonly string[] | undefined;
  /** `variables:` of the pipeline and of the job, plain values only. */
  readonly variables: ReadonlyMap<string, string>;
}

/** Top-level keys of a GitLab CI file that are not jobs. */
const RESERVED = new Set(['image', 'services', 'stages', 'types', 'before_script', 'after_script', 'variables', 'cache', 'include', 'default', 'workflow', 'spec']);
const DEFAULT_STAGES = ['.pre', 'build', 'test', 'deploy', '.post'];
/** Keys only a GitLab job has (Azure Pipelines, CircleCI and Bitbucket use `steps:`). */
const JOB_KEYS = ['script', 'stage', 'extends', 'trigger'];

function jobEntries(root: YNode | undefined): { key: string; keyRange: Range; value: YMap }[] {
  return entries(root).flatMap((e) => (!RESERVED.has(e.key) && e.value?.kind === 'map' ? [{ key: e.key, keyRange: e.keyRange, value: e.value }] : []));
}

/**
 * Is this document a GitLab CI pipeline? Its shape decides: no `steps:`/`jobs:`/`pipelines:` at the
 * top (Azure Pipelines, GitHub Actions, Bitbucket), and either `stages:` as a list of names or a
 * top-level job that has a `script:` (or `stage:`/`extends:`/`trigger:`).
 */
export function isGitLabCi(root: YNode | undefined): boolean {
  if (root?.kind !== 'map' || entry(root, 'steps') || entry(root, 'jobs') || entry(root, 'pipelines') || entry(root, 'on')) return false;
  if (entry(root, 'apiVersion') || entry(root, 'services')?.value?.kind === 'map') return false;
  const jobs = jobEntries(root).filter((job) => JOB_KEYS.some((key) => entry(job.value, key) !== undefined));
  if (jobs.some((job) => entry(job.value, 'script') !== undefined)) return true;
  const stages = at(root, 'stages');
  return stages?.kind === 'seq' && stages.items.length > 0 && stages.items.every((item) => item.kind === 'scalar') && jobs.length > 0;
}

/** More script lines than any pipeline holds: where a crafted file's aliases would multiply them (an alias bomb), the rest is not read. */
const MAX_SCRIPT_LINES = 10_000;

/**
 * Script items, nested lists flattened (GitLab allows them, e.g. from `!reference`). An alias
 * used twice gives its lines twice, as GitLab runs them, up to `MAX_SCRIPT_LINES`.
 */
function scriptLines(node: YNode | undefined, depth = 0, into: YScalar[] = []): YScalar[] {
  if (!node || depth > 10 || into.length >= MAX_SCRIPT_LINES) return into;
  if (node.kind === 'scalar') {
    if (node.value.trim()) into.push(node);
  } else if (node.kind === 'seq') for (const item of node.items) scriptLines(item, depth + 1, into);
  return into;
}

/** `variables:` as plain values: `NAME: value` or `NAME: { value: ... }`. */
export function gitlabVariables(node: YNode | undefined, into = new Map<string, string>()): Map<string, string> {
  for (const e of entries(at(node, 'variables'))) {
    const value = scalar(e.value) ?? scalar(at(e.value, 'value'));
    if (value !== undefined) into.set(e.key, value);
  }
  return into;
}

/** A key of a job, looked up through `extends:` (a template or another job), nearest first. */
function inherited(spec: YMap, key: string, byId: ReadonlyMap<string, YMap>, depth = 0): YNode | undefined {
  const own = entry(spec, key);
  if (own) return own.value;
  if (depth > 5) return undefined;
  const parents = at(spec, 'extends');
  const names = parents?.kind === 'seq' ? items(parents).flatMap((item) => scalar(item) ?? []) : [scalar(parents) ?? ''].filter(Boolean);
  for (const name of names.reverse()) {
    const parent = byId.get(name);
    const found = parent ? inherited(parent, key, byId, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The jobs of a GitLab CI pipeline in file order; templates (`.name`) are not jobs. */
export function gitlabJobs(root: YNode | undefined): GitLabJob[] {
  const all = jobEntries(root);
  const byId = new Map(all.map((job) => [job.key, job.value]));
  const declared = items(at(root, 'stages')).flatMap((item) => scalar(item) ?? []);
  const stages = declared.length > 0 ? ['.pre', ...declared, '.post'] : DEFAULT_STAGES;
  const defaultBefore = at(root, 'default.before_script') ?? at(root, 'before_script');
  const pipelineVariables = gitlabVariables(root);
  return all.flatMap((job) => {
    if (job.key.startsWith('.')) return [];
    const script = inherited(job.value, 'script', byId);
    const trigger = inherited(job.value, 'trigger', byId);
    if (!script && !trigger) return [];
    const stage = scalar(inherited(job.value, 'stage', byId)) ?? 'test';
    const before = entry(job.value, 'before_script') ? at(job.value, 'before_script') : (inherited(job.value, 'before_script', byId) ?? defaultBefore);
    const needsNode = inherited(job.value, 'needs', byId);
    const needs = needsNode ? items(needsNode).flatMap((item) => scalar(item) ?? scalar(at(item, 'job')) ?? []) : undefined;
    return [
      {
        id: job.key,
        idRange: job.keyRange,
        spec: job.value,
        stage,
        stageIndex: stages.indexOf(stage),
        scripts: [...scriptLines(before), ...scriptLines(script)],
        needs,
        variables: gitlabVariables(job.value, new Map(pipelineVariables)),
      },
    ];
  });
}

/** The jobs that must finish before this one starts: its `needs:` (transitively), else every job of an earlier stage. */
export function gitlabUpstream(job: GitLabJob, jobs: readonly GitLabJob[]): GitLabJob[] {
  const byId = new Map(jobs.map((candidate) => [candidate.id, candidate]));
  if (job.needs === undefined) return jobs.filter((candidate) => candidate.stageIndex >= 0 && job.stageIndex >= 0 && candidate.stageIndex < job.stageIndex);
  const seen = new Set<string>();
  const queue = [...job.needs];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const next = byId.get(id);
    if (next) queue.push(...(next.needs ?? gitlabUpstream(next, jobs).map((up) => up.id)));
  }
  return [...seen].flatMap((id) => byId.get(id) ?? []);
}

/**
 * A job whose script only prints (`- echo "unit tests could go here"`): whatever its
 * name or stage says, it runs nothing. `before_script` lines count as part of the script.
 */
export function gitlabPrintsOnly(job: GitLabJob): boolean {
  return printsOnly(job.scripts.map((line) => line.value).join('\n'));
}

/** The keys of a GitLab job (and of `default:`) that hold shell lines. */
const SCRIPT_KEYS = ['before_script', 'script', 'after_script'] as const;

/**
 * Script items that YAML read as a mapping: `- echo "Accuracy: 0.9"` has `: ` outside quotes, so
 * the item is `{ 'echo "Accuracy': '0.9"' }`, which GitLab refuses ("script config should be a
 * string or a nested array of strings"). Hidden jobs (`.template`) and `default:` count: the
 * pipeline is refused whichever job holds the line.
 */
export function gitlabScriptMappings(root: YNode | undefined): YMap[] {
  const found: YMap[] = [];
  // Every node visited counts, so an alias used again and again (an alias bomb) stops the walk.
  let budget = MAX_SCRIPT_LINES;
  const visit = (node: YNode | undefined, depth: number) => {
    if (!node || depth > 10 || --budget < 0) return;
    if (node.kind === 'seq') for (const item of node.items) visit(item, depth + 1);
    else if (node.kind === 'map' && depth > 0) found.push(node);
  };
  const holders = [...jobEntries(root).map((job) => job.value), at(root, 'default'), root];
  for (const holder of holders) {
    if (holder?.kind !== 'map') continue;
    for (const key of SCRIPT_KEYS) {
      // Only the pipeline's own `before_script`/`after_script` at the top: a job called `script` is a job.
      if (holder === root && key === 'script') continue;
      const node = at(holder, key);
      if (node?.kind === 'seq') visit(node, 0);
    }
  }
  return found;
}
