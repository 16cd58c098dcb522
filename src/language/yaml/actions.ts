import type { Range } from '../types';
import { at, entries, entry, items, rangeWithin, scalar, type YamlDocument, type YEntry, type YMap, type YNode, type YScalar } from './model';

export interface WorkflowJob {
  readonly id: string;
  readonly idRange: Range;
  readonly spec: YMap;
  /** A job that calls a reusable workflow (`uses:` at job level) has no steps of its own. */
  readonly reusable: boolean;
}

export function workflowJobs(document: YamlDocument): WorkflowJob[] {
  const result: WorkflowJob[] = [];
  for (const e of entries(at(document.root, 'jobs'))) {
    if (e.value?.kind === 'map') result.push({ id: e.key, idRange: e.keyRange, spec: e.value, reusable: entry(e.value, 'uses') !== undefined });
  }
  return result;
}

export function jobSteps(job: WorkflowJob): YMap[] {
  return items(at(job.spec, 'steps')).filter((step): step is YMap => step.kind === 'map');
}

/** One step of a workflow with the job it belongs to, in file order. */
export interface WorkflowStep {
  readonly job: WorkflowJob;
  readonly step: YMap;
}

export function workflowSteps(document: YamlDocument): WorkflowStep[] {
  return workflowJobs(document).flatMap((job) => jobSteps(job).map((step) => ({ job, step })));
}

/** The `run:` scripts of a workflow, with their step and job. */
export function runScripts(document: YamlDocument): (WorkflowStep & { readonly run: YScalar })[] {
  return workflowSteps(document).flatMap(({ job, step }) => {
    const run = at(step, 'run');
    return run?.kind === 'scalar' ? [{ job, step, run }] : [];
  });
}

/** The `on:` key: YAML 1.1 loaders turn a bare `on` into `true`, so both spellings count. */
export function triggers(document: YamlDocument): YEntry | undefined {
  return entry(document.root, 'on') ?? entry(document.root, 'true') ?? entry(document.root, 'True');
}

/** The events a workflow runs on, however `on:` is written (`on: push`, a list, a map of events). */
export function triggerEvents(document: YamlDocument): string[] {
  const on = triggers(document)?.value;
  if (on?.kind === 'scalar') return [on.value];
  if (on?.kind === 'seq') return items(on).map((item) => scalar(item) ?? '');
  return entries(on).map((e) => e.key);
}

/** One `${{ ... }}` expression inside a scalar, with its position in the file. */
export interface Expression {
  readonly body: string;
  readonly range: Range;
}

/** Expressions are found in the raw source text so positions are exact inside block scalars. */
export function expressions(node: YNode | undefined): Expression[] {
  if (node?.kind !== 'scalar') return [];
  const result: Expression[] = [];
  const pattern = /\$\{\{([\s\S]*?)\}\}/g;
  for (let match = pattern.exec(node.raw); match; match = pattern.exec(node.raw)) {
    result.push({ body: match[1].trim(), range: rangeWithin(node, match.index, match.index + match[0].length) });
  }
  return result;
}

/** Input names declared with a type that cannot carry a shell payload (boolean, number, choice). */
export function safeInputs(document: YamlDocument): Set<string> {
  const result = new Set<string>();
  const on = triggers(document)?.value;
  for (const trigger of ['workflow_dispatch', 'workflow_call']) {
    for (const input of entries(at(on, `${trigger}.inputs`))) {
      const type = scalar(at(input.value, 'type'));
      if (type === 'boolean' || type === 'number' || type === 'choice' || type === 'environment') result.add(input.key);
    }
  }
  return result;
}
