import type { Range } from '../types';
import { at, entry, items, scalar, type YMap, type YNode, type YScalar } from './values';

/** One step of a Google Cloud Build config, read as the command line it runs. */
export interface CloudBuildStep {
  /** The step's `id:`, or "step N" (1-based) when it has none. */
  readonly label: string;
  /** The builder, entrypoint and arguments joined into one command line; a `bash -c` script as written. */
  readonly command: string;
  /** The written values `command` is made of (the arguments, or the script), each with where it starts in `command`: a finding goes on the one its text falls in. */
  readonly parts: readonly { readonly node: YScalar; readonly start: number }[];
  /** `waitFor: ['-']`: the step starts at once, in parallel with every step before it. */
  readonly startsAtOnce: boolean;
  readonly range: Range;
}

/** A builder image (`gcr.io/cloud-builders/docker`, `python:3.11`): a path or a tag, never a bare word. */
const BUILDER_IMAGE = /[/:]/;
const SHELLS = new Set(['bash', 'sh', '/bin/bash', '/bin/sh']);

/**
 * Is this document a Cloud Build config? Its shape decides (`cloudbuild.yaml` is named freely):
 * top-level `steps:` whose items name a builder image and run `args:`, an `entrypoint:` or a
 * `script:`. Azure Pipelines' top-level `steps:` hold `script:`/`task:` items without a builder.
 */
export function isCloudBuild(root: YNode | undefined): boolean {
  const steps = items(at(root, 'steps')).filter((step): step is YMap => step.kind === 'map');
  return (
    steps.length > 0 &&
    steps.every((step) => BUILDER_IMAGE.test(scalar(at(step, 'name')) ?? '')) &&
    steps.some((step) => entry(step, 'args') !== undefined || entry(step, 'entrypoint') !== undefined || entry(step, 'script') !== undefined)
  );
}

/** The steps of a Cloud Build config, in file order, each as the command it runs. */
export function cloudBuildSteps(root: YNode | undefined): CloudBuildStep[] {
  return items(at(root, 'steps')).flatMap((step, index) => {
    if (step.kind !== 'map') return [];
    const builder = scalar(at(step, 'name')) ?? '';
    const entrypoint = scalar(at(step, 'entrypoint'));
    const args = items(at(step, 'args')).filter((arg): arg is YScalar => arg.kind === 'scalar');
    const script = at(step, 'script');
    // `bash -c "<script>"` runs the script; otherwise the program is the entrypoint, or the builder's own name.
    const program = entrypoint ?? builder.slice(builder.lastIndexOf('/') + 1).split(':')[0];
    const [written, head, separator] =
      script?.kind === 'scalar' ? [[script], '', ''] : entrypoint && SHELLS.has(entrypoint) && args[0]?.value === '-c' ? [args.slice(1), '', '\n'] : [args, program, ' '];
    const parts: { node: YScalar; start: number }[] = [];
    let command = head;
    for (const node of written) {
      if (command || parts.length) command += separator;
      parts.push({ node, start: command.length });
      command += node.value;
    }
    const waitFor = items(at(step, 'waitFor')).map((item) => scalar(item));
    const label = scalar(at(step, 'id')) ?? `step ${index + 1}`;
    return [{ label, command, parts, startsAtOnce: waitFor.includes('-'), range: entry(step, 'name')?.keyRange ?? step.range }];
  });
}
