import type { Range } from '../types';
import { deployCommand, gateCommand, rolloutCommand } from './ci-steps';
import { isCloudBuild } from './cloud-build';
import { at, entries, entry, items, scalar, type YEntry, type YMap, type YNode, type YScalar } from './values';

/** One step of an Azure Pipelines job: a script (`script:`, `bash:`, `pwsh:`) or a task (`task: Docker@2`). */
export interface AzureStep {
  readonly spec: YMap;
  /** The step's first key (`- script:`, `- task:`): where a finding about the whole step goes. */
  readonly range: Range;
  /** The task's name without its major version (`KubernetesManifest`), undefined for a script step. */
  readonly task: string | undefined;
  /** The shell text the step runs: the script itself, or a script task's inline script (`Bash@3`, `AzureCLI@2`). */
  readonly script: YScalar | undefined;
  /** `displayName:`, else the task, else the script's first line: how a message names the step. */
  readonly label: string;
  /** `continueOnError:` when written. */
  readonly continueOnError: YEntry | undefined;
  /** The script runs in bash (`bash:`, `Bash@3`, a bash `AzureCLI@2`; `script:` on a Linux or macOS agent), where only the last command's status fails the step. */
  readonly bash: boolean;
}

/** One job of an Azure pipeline: a `job:`, a `deployment:` job, or the steps of a pipeline that names no jobs. */
export interface AzureJob {
  readonly id: string;
  /** The job's name key (`- job:`, `- deployment:`), or the top-level `steps:` key of a pipeline with no jobs. */
  readonly idRange: Range;
  readonly spec: YMap;
  /** True for the steps of a pipeline that declares no jobs: a finding goes on a step, not on a job name. */
  readonly implicit: boolean;
  /** The stage the job belongs to, and its spec (undefined in a pipeline without stages). */
  readonly stage: string | undefined;
  readonly stageSpec: YMap | undefined;
  /** The pool the job runs in: its own `pool:`, else the pipeline's (a stage's `pool:` is not read). */
  readonly pool: YNode | undefined;
  /** A `deployment:` job, with the `environment:` it deploys to (approvals and checks live there). */
  readonly deployment: boolean;
  readonly environment: string | undefined;
  /** The steps in the order they run; a deployment job's lifecycle hooks (preDeploy, deploy, routeTraffic, postRouteTraffic) in turn. */
  readonly steps: readonly AzureStep[];
  /** The jobs this one waits for: its own `dependsOn:` in its stage, transitively, and every job of the stages its stage waits for. */
  readonly upstream: readonly string[];
  /** `condition: always()` (or `succeededOrFailed()`, `failed()`) on the job or its stage: it runs even when what it waits for failed. */
  readonly runsAfterFailure: boolean;
}

const SCRIPT_KEYS = ['script', 'bash', 'pwsh', 'powershell'];
const STEP_KEYS = [...SCRIPT_KEYS, 'task', 'checkout', 'publish', 'download', 'template'];
/** Conditions under which a job runs although a job it depends on failed. */
const AFTER_FAILURE = /\b(always|succeededOrFailed|failed)\(\)/;
/** Where a deployment strategy keeps its steps, in the order they run. */
const LIFECYCLE = ['preDeploy', 'deploy', 'routeTraffic', 'postRouteTraffic'];

const maps = (node: YNode | undefined): YMap[] => items(node).filter((item): item is YMap => item.kind === 'map');
const names = (node: YNode | undefined): string[] => (node?.kind === 'seq' ? items(node).flatMap((item) => scalar(item) ?? []) : [scalar(node) ?? ''].filter(Boolean));

/**
 * Is this document an Azure Pipelines definition (`azure-pipelines.yml`, `.azuredevops/*.yml`, a
 * template)? Its shape decides: a list of `stage:` items, a list of `job:`/`deployment:` items, or
 * a list of steps that run a `script:`/`bash:`/`task:` (Cloud Build's steps name a builder image instead).
 */
export function isAzurePipelines(root: YNode | undefined): boolean {
  if (root?.kind !== 'map' || entry(root, 'on') || entry(root, 'apiVersion')) return false;
  if (maps(at(root, 'stages')).some((stage) => entry(stage, 'stage') !== undefined)) return true;
  if (maps(at(root, 'jobs')).some((job) => entry(job, 'job') !== undefined || entry(job, 'deployment') !== undefined)) return true;
  const steps = maps(at(root, 'steps'));
  return steps.some((step) => STEP_KEYS.some((key) => entry(step, key) !== undefined)) && !isCloudBuild(root);
}

function readStep(spec: YMap): AzureStep | undefined {
  const first = spec.entries[0];
  if (!first || !STEP_KEYS.includes(first.key)) return undefined;
  const task = scalar(at(spec, 'task'))?.split('@')[0].trim();
  const own = SCRIPT_KEYS.map((key) => at(spec, key)).find((node) => node !== undefined);
  const inline = task ? (at(spec, 'inputs.inlineScript') ?? at(spec, 'inputs.script')) : undefined;
  const script = [own, inline].find((node): node is YScalar => node?.kind === 'scalar');
  const label = scalar(at(spec, 'displayName')) ?? (task ? scalar(at(spec, 'task')) : undefined) ?? (script?.value.trim().split('\n')[0] || first.key);
  const scriptType = scalar(at(spec, 'inputs.scriptType'))?.toLowerCase();
  const bash = script !== undefined && (entry(spec, 'bash') !== undefined || entry(spec, 'script') !== undefined || /^(Bash|CmdLine)$/i.test(task ?? '') || scriptType === 'bash');
  return { spec, range: first.keyRange, task, script, label, continueOnError: entry(spec, 'continueOnError'), bash };
}

function readSteps(node: YNode | undefined): AzureStep[] {
  return maps(node).flatMap((spec) => readStep(spec) ?? []);
}

/** A deployment job's steps: each lifecycle hook of its strategy (runOnce, rolling, canary), in the order they run. */
function deploymentSteps(spec: YMap): AzureStep[] {
  const strategy = entries(at(spec, 'strategy'))[0]?.value;
  return LIFECYCLE.flatMap((hook) => readSteps(at(strategy, `${hook}.steps`)));
}

interface RawJob {
  readonly id: string;
  readonly idRange: Range;
  readonly spec: YMap;
  readonly deployment: boolean;
  readonly dependsOn: readonly string[];
}

function rawJobs(node: YNode | undefined): RawJob[] {
  return maps(node).flatMap((spec) => {
    const key = entry(spec, 'job') ?? entry(spec, 'deployment');
    if (!key) return [];
    return [{ id: scalar(key.value) ?? key.key, idRange: key.keyRange, spec, deployment: key.key === 'deployment', dependsOn: names(at(spec, 'dependsOn')) }];
  });
}

/** Everything reachable from `start` through `edges`, `start` itself left out. */
function closure(start: readonly string[], edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(edges.get(id) ?? []));
  }
  return seen;
}

/**
 * The jobs of an Azure pipeline in file order. Stages run one after another unless `dependsOn:`
 * says otherwise (`dependsOn: []` starts a stage at once); jobs of a stage run in parallel unless
 * `dependsOn:` orders them. Templates (`- template:`) are not followed: their jobs are not here.
 */
export function azurePipelineJobs(root: YNode | undefined): AzureJob[] {
  const stages = maps(at(root, 'stages')).filter((stage) => entry(stage, 'stage') !== undefined);
  const grouped: { stage: string | undefined; stageSpec: YMap | undefined; jobs: RawJob[] }[] = stages.length
    ? stages.map((stage) => ({ stage: scalar(at(stage, 'stage')) ?? '', stageSpec: stage, jobs: rawJobs(at(stage, 'jobs')) }))
    : [{ stage: undefined, stageSpec: undefined, jobs: rawJobs(at(root, 'jobs')) }];
  const stageEdges = new Map<string, string[]>();
  grouped.forEach((group, index) => {
    if (group.stage === undefined) return;
    const written = entry(group.stageSpec, 'dependsOn');
    stageEdges.set(group.stage, written ? names(written.value) : index > 0 ? [grouped[index - 1].stage ?? ''] : []);
  });
  const result: AzureJob[] = [];
  for (const group of grouped) {
    const jobEdges = new Map(group.jobs.map((job) => [job.id, job.dependsOn]));
    const earlierStages = group.stage === undefined ? new Set<string>() : closure(stageEdges.get(group.stage) ?? [], stageEdges);
    const stageJobs = grouped.filter((other) => other.stage !== undefined && earlierStages.has(other.stage)).flatMap((other) => other.jobs.map((job) => job.id));
    const stageAfterFailure = AFTER_FAILURE.test(scalar(at(group.stageSpec, 'condition')) ?? '');
    for (const job of group.jobs) {
      result.push({
        id: job.id,
        idRange: job.idRange,
        spec: job.spec,
        implicit: false,
        stage: group.stage,
        stageSpec: group.stageSpec,
        pool: at(job.spec, 'pool') ?? at(root, 'pool'),
        deployment: job.deployment,
        environment: scalar(at(job.spec, 'environment')) ?? scalar(at(job.spec, 'environment.name')),
        steps: job.deployment ? deploymentSteps(job.spec) : readSteps(at(job.spec, 'steps')),
        upstream: [...closure(job.dependsOn, jobEdges), ...stageJobs],
        runsAfterFailure: stageAfterFailure || AFTER_FAILURE.test(scalar(at(job.spec, 'condition')) ?? ''),
      });
    }
  }
  const steps = entry(root, 'steps');
  if (result.length === 0 && steps && root?.kind === 'map') {
    result.push({
      id: 'pipeline',
      idRange: steps.keyRange,
      spec: root,
      implicit: true,
      stage: undefined,
      stageSpec: undefined,
      pool: at(root, 'pool'),
      deployment: false,
      environment: undefined,
      steps: readSteps(steps.value),
      upstream: [],
      runsAfterFailure: false,
    });
  }
  return result;
}

/** A script task's or a script step's text, for the commands it runs. */
export function stepText(step: AzureStep): string {
  return step.script?.value ?? '';
}

/** An input of a task (`inputs.command`), case as written. */
export function taskInput(step: AzureStep, name: string): string | undefined {
  return scalar(at(step.spec, `inputs.${name}`));
}

/** Tasks that roll out to a running service (App Service, Functions, Container Apps, Spring Apps) whatever their inputs. */
const ROLLOUT_TASK = /^(AzureWebApp|AzureWebAppContainer|AzureRmWebAppDeployment|AzureFunctionApp|AzureFunctionAppContainer|AzureContainerApps|AzureSpringCloud)$/;

/** What a step ships, named for a message, and whether it changes a running environment (not only publishes an image). */
export interface AzureShipment {
  readonly action: string;
  readonly rollout: boolean;
}

/**
 * What a step ships: a push of an image (`Docker@2` push or buildAndPush), a rollout task
 * (`KubernetesManifest` deploy, `Kubernetes` apply, `HelmDeploy` upgrade, `AzureWebApp`), or a deploy
 * command in its script (as `deployCommand` reads a GitHub or GitLab script).
 */
export function azureShipment(step: AzureStep): AzureShipment | undefined {
  const task = step.task ?? '';
  const version = scalar(at(step.spec, 'task')) ?? task;
  const command = (taskInput(step, 'command') ?? '').toLowerCase();
  const action = (taskInput(step, 'action') ?? '').toLowerCase();
  if (/^Docker$/i.test(task)) return /^(push|buildandpush)$/.test(command) ? { action: `${version} (${command === 'push' ? 'push' : 'buildAndPush'})`, rollout: false } : undefined;
  if (/^KubernetesManifest$/i.test(task)) return /^(deploy|patch|scale|promote)$/.test(action) ? { action: `${version} (${action})`, rollout: true } : undefined;
  if (/^Kubernetes$/i.test(task)) return /^(apply|create|replace|set|patch|rollout)$/.test(command) ? { action: `${version} (${command})`, rollout: true } : undefined;
  if (/^HelmDeploy$/i.test(task)) return /^(upgrade|install)$/.test(command) ? { action: `${version} (${command})`, rollout: true } : undefined;
  if (ROLLOUT_TASK.test(task)) return { action: version, rollout: true };
  const text = stepText(step);
  const shipped = text ? deployCommand(text) : undefined;
  return shipped ? { action: shipped, rollout: rolloutCommand(text) !== undefined } : undefined;
}

/** Tasks that run tests or report on them (`VSTest@2`, `PublishTestResults@2` after a test run). */
const TEST_TASK = /^(VSTest|PublishTestResults|PublishCodeCoverageResults)$/i;
/** A step whose name says it checks something, as a GitHub step name does; "Checkout" is not a check. */
const GATE_NAME = /\b(tests?|testing|lint(ing)?|smoke|check(?!\s*out\b)s?|verify|validate|validation|evaluate|evaluation)\b/i;
/** A script that only shows values (`echo`, `cat`): nothing in it can fail. */
const SHOW_ONLY_LINE = /^\s*(#.*|(echo|printf|cat|ls|pwd|Write-Host)\b[^|;&]*)?\s*$/;

/** Scanners: they find known vulnerabilities, and say nothing about whether the commit works. */
const SCANNER = /^(trivy|grype|safety|pip-audit)$/;

/** Does this step test, lint or check the commit (a test command, a test task, a script task named for the check)? */
export function isAzureGateStep(step: AzureStep): boolean {
  const text = stepText(step);
  const command = text ? gateCommand(text) : null;
  // A vulnerability scan of an image or of the dependencies says nothing about whether the commit works.
  if (command) return !SCANNER.test(command[1]);
  if (TEST_TASK.test(step.task ?? '') || (taskInput(step, 'command') ?? '').toLowerCase() === 'test') return true;
  const showsOnly = text !== '' && text.split('\n').every((line) => SHOW_ONLY_LINE.test(line));
  return GATE_NAME.test(scalar(at(step.spec, 'displayName')) ?? '') && !showsOnly && azureShipment(step) === undefined;
}

/** `variables:` as plain values, in both spellings (`NAME: value`, `- name: NAME` / `value:`); groups and templates are not read. */
export function azureVariables(node: YNode | undefined, into = new Map<string, string>()): Map<string, string> {
  const variables = at(node, 'variables');
  if (variables?.kind === 'map') {
    for (const e of entries(variables)) {
      const value = scalar(e.value);
      if (value !== undefined) into.set(e.key, value);
    }
  }
  for (const item of maps(variables)) {
    const name = scalar(at(item, 'name'));
    const value = scalar(at(item, 'value'));
    if (name !== undefined && value !== undefined) into.set(name, value);
  }
  return into;
}

/** `$(NAME)` macros replaced by the values `variables` defines; others are left for the run to fill. */
export function expandMacros(text: string, variables: ReadonlyMap<string, string>): string {
  return text.replace(/\$\(([\w.]+)\)/g, (whole: string, name: string) => variables.get(name) ?? whole);
}

/**
 * A step seen as a GitHub Actions step (`name:` its display name, `run:` its script, `uses:` its
 * task), for the readers written for workflows (what trains, evaluates or ships a model). Every
 * key sits at the step's first key.
 */
export function asWorkflowStep(step: AzureStep): YMap {
  const at = (key: string, value: YNode | undefined): YEntry[] => (value ? [{ key, keyRange: step.range, value }] : []);
  const display: YNode = entry(step.spec, 'displayName')?.value ?? { kind: 'scalar', raw: step.label, value: step.label, style: 'plain', range: step.range };
  const task = entry(step.spec, 'task')?.value;
  return { kind: 'map', range: step.spec.range, entries: [...at('name', display), ...at('run', step.script), ...at('uses', task)] };
}
