import { suppressionList } from '../suppress';
import { composeEnvironment, composeServices } from '../yaml/compose';
import { podContainers, allContainers, podSpec } from '../yaml/kubernetes';
import { at, entries, entry, items, rangeWithin, scalar, type YamlDocument, type YamlModel, type YNode, type YScalar } from '../yaml/model';
import type {
  AutoscalerFact,
  ComposePortFact,
  ComposeServiceFact,
  IngressFact,
  ScrapeTargetFact,
  ContainerFact,
  DisruptionBudgetFact,
  MonitorFact,
  ProbeFact,
  RequirementFact,
  RunScriptFact,
  ServiceFact,
  VolumeClaimFact,
  WorkflowFact,
  WorkloadFact,
  YamlFacts,
} from './facts';
import { triggerEvents, triggers } from '../yaml/actions';
import { splitCommand } from './commands';
import { isTemplatePlaceholder } from '../yaml/helm';
import { helmValueReferences, valuesKeys as readValuesKeys, type HelmValueReference } from '../yaml/helm-values';
import { has, templated } from '../yaml/values';
import { pipelinePushes } from '../yaml/pushes';
import type { Range } from '../types';
import { rateWindows, scrapeIntervals } from '../yaml/rate-windows';
import { dvcStages, paramPathValues, type DvcStageFact, type ParamValueFact } from './dvc-facts';

/** A scalar's value, unless only `helm template` knows it (a placeholder of yaml/helm.ts): then unknown. */
function known(node: YNode | undefined): string | undefined {
  const value = scalar(node);
  return isTemplatePlaceholder(value) ? undefined : value;
}

/**
 * The project facts of a YAML file, read from the lint's `YamlModel`: Kubernetes workloads
 * (containers, their ports, commands and probes), Services, compose services and the `run:`
 * scripts of workflow steps.
 */
export function yamlFacts(model: YamlModel): YamlFacts {
  const workloads: WorkloadFact[] = [];
  const services: ServiceFact[] = [];
  const compose: ComposeServiceFact[] = [];
  const workflowRuns: RunScriptFact[] = [];
  const autoscalers: AutoscalerFact[] = [];
  const budgets: DisruptionBudgetFact[] = [];
  const volumeClaims: VolumeClaimFact[] = [];
  const kustomizePatches: string[] = [];
  let kustomizeImages: string[] | undefined;
  let kustomizeLabels = false;
  const monitors: MonitorFact[] = [];
  const condaPackages: RequirementFact[] = [];
  const bentoPackages: RequirementFact[] = [];
  const pushedImages: string[] = [];
  const builtImages: string[] = [];
  let rewritesImage = false;
  const valuesImages: { reference: string; range: Range }[] = [];
  const ingresses: IngressFact[] = [];
  const scrapeTargets: ScrapeTargetFact[] = [];
  const alertTargets: ScrapeTargetFact[] = [];
  let prometheus: { ruleFiles: { pattern: string; range: Range }[]; keyRange?: Range } | undefined;
  let ruleGroups: Range | undefined;
  const helmValueRefs: HelmValueReference[] = model.helmRendered ? helmValueReferences(model.text) : [];
  const chartValues: { defined: string[]; open: string[] } = { defined: [], open: [] };
  let isValuesFile = false;
  let imageValues: Record<string, string> = {};
  let valuesReplicas: { count?: { value: string; range: Range }; autoscaling?: string } | undefined;
  const dvcStageFacts: DvcStageFact[] = [];
  let dvcOpaque = false;
  const paramValues: ParamValueFact[] = [];
  let workflow: WorkflowFact | undefined;
  const intervals = scrapeIntervals(model.documents);
  const windows = model.documents.flatMap((document) => (document.kind === 'prometheus-rules' ? rateWindows(document) : []));
  for (const document of model.documents) {
    if (document.kind === 'other' && HELM_VALUES.test(model.path)) valuesImages.push(...chartImages(document.root));
    if (document.kind === 'other' && !model.helmRendered) {
      scrapeTargets.push(...staticTargets(document.root));
      alertTargets.push(...staticTargets(document.root, 'alerting.alertmanagers'));
      if (has(document.root, 'scrape_configs') && !model.text.includes('{{')) {
        const key = entry(document.root, 'rule_files');
        prometheus ??= { ruleFiles: ruleFilePatterns(document.root), ...(key ? { keyRange: key.keyRange } : {}) };
      }
    }
    // A plain rule file (a PrometheusRule's groups sit under spec: the operator loads those itself).
    if (document.kind === 'prometheus-rules' && !model.helmRendered) ruleGroups ??= firstRuleGroup(document.root);
    if (document.kind === 'other' && HELM_VALUES.test(model.path) && !model.helmRendered) {
      isValuesFile = true;
      imageValues = { ...imageValues, ...imageValuesOf(document.root) };
      const keys = readValuesKeys(document.root);
      chartValues.defined.push(...keys.defined);
      chartValues.open.push(...keys.open);
      const count = at(document.root, 'replicaCount');
      const countText = scalar(count);
      const autoscaling = scalar(at(document.root, 'autoscaling.enabled'));
      if ((countText !== undefined && count) || autoscaling !== undefined)
        valuesReplicas = {
          ...(countText !== undefined && count ? { count: { value: countText, range: count.range } } : {}),
          ...(autoscaling !== undefined ? { autoscaling } : {}),
        };
    }
    if (document.kind === 'github-actions' || document.kind === 'other') {
      const { pushes, scripts } = pipelinePushes(document);
      pushedImages.push(...pushes.flatMap((p) => (p.opaque ? ['*'] : p.pushed.map((ref) => ref.reference))));
      if (scripts.some((script) => REWRITES_IMAGE.test(script))) rewritesImage = true;
      // What a deploying pipeline builds on its runner: a deployed image that is only built here never reaches a registry.
      if (scripts.some((script) => CLUSTER_ROLLOUT.test(script)))
        builtImages.push(...(scripts.some((script) => LOCAL_CLUSTER.test(script)) ? ['*'] : pushes.flatMap((p) => p.tagged.map((ref) => ref.reference))));
    }
    if (document.kind === 'other') condaPackages.push(...condaEnvironment(document.root));
    if (document.kind === 'other' && BENTOFILE.test(model.path)) bentoPackages.push(...bentoPythonPackages(document.root));
    if (document.kind === 'other' && DVC_PIPELINE.test(model.path)) {
      const pipeline = dvcStages(document);
      dvcStageFacts.push(...pipeline.stages);
      if (pipeline.opaque) dvcOpaque = true;
    }
    if (document.kind === 'other' && PARAMS_FILE.test(model.path)) paramValues.push(...paramPathValues(document));
    if (isKustomization(document.root, model.path)) {
      kustomizePatches.push(...patchPaths(document.root));
      kustomizeImages = [...(kustomizeImages ?? []), ...retaggedImages(document.root)];
      if (has(document.root, 'commonLabels') || has(document.root, 'labels')) kustomizeLabels = true;
      continue;
    }
    if (document.kind === 'kubernetes') {
      const kind = scalar(at(document.root, 'kind')) ?? '';
      const name = known(at(document.root, 'metadata.name')) ?? '?';
      const where = (at(document.root, 'metadata.name') ?? at(document.root, 'kind'))?.range ?? document.range;
      if (kind === 'HorizontalPodAutoscaler' || kind === 'ScaledObject') {
        const min = numberOf(at(document.root, kind === 'ScaledObject' ? 'spec.minReplicaCount' : 'spec.minReplicas'));
        autoscalers.push({
          name,
          targetKind: known(at(document.root, 'spec.scaleTargetRef.kind')),
          targetName: known(at(document.root, 'spec.scaleTargetRef.name')),
          minReplicas: min,
          range: where,
          minLine: at(document.root, kind === 'ScaledObject' ? 'spec.minReplicaCount' : 'spec.minReplicas')?.range.start.line,
          targetRange: at(document.root, 'spec.scaleTargetRef.name')?.range,
          targetText: scalar(at(document.root, 'spec.scaleTargetRef.name')),
          utilization: kind === 'HorizontalPodAutoscaler' ? utilizationTargets(document) : [],
        });
      } else if (kind === 'PersistentVolumeClaim') {
        const modes = entry(at(document.root, 'spec'), 'accessModes');
        volumeClaims.push({
          name,
          accessModes: items(modes?.value).flatMap((m) => (known(m) !== undefined ? [known(m)!] : [])),
          range: where,
          modesRange: modes?.keyRange,
        });
      } else if (kind === 'PodDisruptionBudget') {
        budgets.push({
          name,
          selector: stringMap(at(document.root, 'spec.selector.matchLabels')),
          minAvailable: known(at(document.root, 'spec.minAvailable')),
          maxUnavailable: known(at(document.root, 'spec.maxUnavailable')),
          range: where,
        });
      } else if (kind === 'ServiceMonitor' || kind === 'PodMonitor') {
        const matchLabels = at(document.root, 'spec.selector.matchLabels');
        const selector = stringMap(matchLabels);
        const complete = matchLabels?.kind === 'map' && Object.keys(selector).length === matchLabels.entries.length && !at(document.root, 'spec.selector.matchExpressions');
        const endpoints = items(at(document.root, kind === 'ServiceMonitor' ? 'spec.endpoints' : 'spec.podMetricsEndpoints'));
        monitors.push({
          kind,
          name,
          selector: complete ? selector : undefined,
          selectorRange: (matchLabels?.kind === 'map' ? matchLabels.entries[0]?.keyRange : undefined) ?? where,
          ports: endpoints.flatMap((e) => {
            const port = known(at(e, 'port'));
            return port ? [port] : [];
          }),
          portRanges: endpoints.flatMap((e) => {
            const port = at(e, 'port');
            return known(port) ? [port!.range] : [];
          }),
        });
      } else if (kind === 'Ingress') {
        const backends = [
          known(at(document.root, 'spec.defaultBackend.service.name')),
          ...items(at(document.root, 'spec.rules')).flatMap((rule) =>
            items(at(rule, 'http.paths')).map((p) => known(at(p, 'backend.service.name')) ?? known(at(p, 'backend.serviceName'))),
          ),
        ].filter((b): b is string => b !== undefined);
        const controller = known(at(document.root, 'spec.ingressClassName')) ?? known(entry(at(document.root, 'metadata.annotations'), 'kubernetes.io/ingress.class')?.value);
        ingresses.push({
          name,
          ...(known(at(document.root, 'metadata.namespace')) ? { namespace: known(at(document.root, 'metadata.namespace')) } : {}),
          ...(controller ? { controller } : {}),
          backends,
          range: where,
        });
      } else if (kind === 'Service') {
        const service = serviceFact(document);
        if (service) services.push(service);
      } else {
        const workload = workloadFact(document, kind, model.helmRendered ? model.text : undefined);
        if (workload) workloads.push(workload);
      }
    } else if (document.kind === 'compose') {
      for (const service of composeServices(document)) compose.push(composeFact(service.name, service.nameRange, service.spec));
    } else if (document.kind === 'github-actions') {
      const workflowRun = entry(triggers(document)?.value, 'workflow_run');
      const upstream = at(workflowRun?.value, 'workflows');
      const head = entry(document.root, 'name') ?? entry(document.root, 'on') ?? entry(document.root, 'jobs');
      workflow = {
        ...(known(at(document.root, 'name')) !== undefined ? { name: known(at(document.root, 'name')) } : {}),
        ...(head ? { head: head.keyRange } : {}),
        runsAfter: (upstream?.kind === 'seq' ? upstream.items : [upstream]).flatMap((node) =>
          node?.kind === 'scalar' && node.value ? [{ name: node.value, range: node.range }] : [],
        ),
        events: triggerEvents(document).filter(Boolean),
        ...(workflowRun ? { runsAfterKey: workflowRun.keyRange } : {}),
      };
      for (const job of entries(at(document.root, 'jobs'))) {
        for (const step of items(at(job.value, 'steps'))) {
          const run = at(step, 'run');
          if (run?.kind === 'scalar') workflowRuns.push({ raw: run.raw, value: run.value, range: run.range });
        }
      }
    }
  }
  // A Helm template is judged once rendered (its template actions may trim the whitespace away): not here.
  const plain = !model.helmRendered && !model.helmTemplated;
  const tabLine = plain && model.hasError && model.text.includes('\t') ? tabIndentLine(model.text) : undefined;
  const syntaxError = plain && model.hasError && tabLine === undefined && CI_DEFINITION.test(model.path) ? model.syntaxError : undefined;
  return {
    kind: 'yaml',
    workloads,
    services,
    compose,
    workflowRuns,
    autoscalers,
    budgets,
    volumeClaims,
    ...(kustomizePatches.length ? { kustomizePatches } : {}),
    ...(kustomizeImages ? { kustomizeImages } : {}),
    ...(kustomizeLabels ? { kustomizeLabels } : {}),
    ...(monitors.length ? { monitors } : {}),
    ...(condaPackages.length ? { condaPackages } : {}),
    ...(bentoPackages.length ? { bentoPackages } : {}),
    ...(pushedImages.length ? { pushedImages } : {}),
    ...(builtImages.length ? { builtImages } : {}),
    ...(rewritesImage ? { rewritesImage } : {}),
    ...(valuesImages.length ? { valuesImages } : {}),
    ...(ingresses.length ? { ingresses } : {}),
    ...(scrapeTargets.length ? { scrapeTargets } : {}),
    ...(alertTargets.length ? { alertTargets } : {}),
    ...(intervals.length ? { scrapeIntervals: intervals } : {}),
    ...(windows.length ? { rateWindows: windows } : {}),
    ...(prometheus ? { prometheus } : {}),
    ...(ruleGroups ? { ruleGroups } : {}),
    ...(helmValueRefs.length ? { helmValueRefs } : {}),
    ...(isValuesFile ? { valuesKeys: chartValues } : {}),
    ...(Object.keys(imageValues).length ? { imageValues } : {}),
    ...(valuesReplicas ? { valuesReplicas } : {}),
    ...(dvcStageFacts.length ? { dvcStages: dvcStageFacts } : {}),
    ...(dvcOpaque ? { dvcOpaque } : {}),
    ...(paramValues.length ? { paramValues } : {}),
    ...(workflow ? { workflow } : {}),
    ...(tabLine !== undefined ? { tabIndentLine: tabLine } : {}),
    ...(syntaxError ? { syntaxError } : {}),
    suppressions: suppressionList(model.text),
  };
}

/** DVC reads its pipeline from `dvc.yaml` only. */
const DVC_PIPELINE = /(^|\/)dvc\.yaml$/;
/** A parameters file a DVC stage may read (`params.yaml`, `params-prod.yml`). */
const PARAMS_FILE = /(^|\/)params[\w.-]*\.ya?ml$/;

/** A Helm chart's values file (`values.yaml`, `values-prod.yaml`). */
const HELM_VALUES = /(^|\/)values([._-][\w.-]*)?\.ya?ml$/i;

/** A pipeline command that rolls manifests out to a cluster. */
const CLUSTER_ROLLOUT = /\bkubectl\s+(?:apply|create|replace)\b|\bhelm\s+(?:upgrade|install)\b/;
/** A cluster on the runner that takes local builds without a registry. */
const LOCAL_CLUSTER = /\bkind\s+load\b|\bminikube\b|\bk3d\s+image\s+import\b|\bmicrok8s\b|\bctr\b[^\n]*\bimages?\s+import\b/;
/**
 * A pipeline step that sets a manifest's image before or while applying it: `kubectl set image`,
 * `kustomize edit set image`, text substitution over the manifests (`sed`, `yq`, `envsubst`) or a
 * Helm `--set image...` override. The image the manifest names is then not the one deployed.
 */
export const REWRITES_IMAGE = /\bset\s+image\b|\bsed\b|\byq\b|\benvsubst\b|--set(-string)?[\s=][\w.-]*image|\bkustomize\s+edit\b/;

/** `image.repository` of a chart's values, at the root or one level down (`api.image.repository`). */
function chartImages(root: YNode | undefined): { reference: string; range: Range }[] {
  const found: { reference: string; range: Range }[] = [];
  const read = (node: YNode | undefined) => {
    const repository = at(node, 'image.repository');
    const value = known(repository);
    if (value && repository) found.push({ reference: value, range: repository.range });
  };
  read(root);
  for (const e of entries(root)) read(e.value);
  return found;
}

/** The raw image of a rendered Helm template when a placeholder stands in it (`known` reads it as unknown). */
function imageTemplate(node: YNode | undefined): { imageTemplate?: string } {
  const text = scalar(node);
  return text !== undefined && isTemplatePlaceholder(text) ? { imageTemplate: text } : {};
}

/**
 * A values file's text values under a key named like an image (`image.repository`,
 * `image.modelServer`, `api.image`), so a template's `⟨.Values.image.repository⟩` can be read
 * back; bounded in depth and count like `valuesKeys`.
 */
function imageValuesOf(root: YNode | undefined): Record<string, string> {
  const found: Record<string, string> = {};
  let count = 0;
  const walk = (node: YNode | undefined, prefix: string, underImage: boolean, depth: number) => {
    if (count > 500 || depth > 8) return;
    if (node?.kind === 'scalar') {
      const value = known(node);
      if (underImage && value !== undefined && value !== '') [found[prefix], count] = [value, count + 1];
      return;
    }
    for (const e of entries(node)) {
      const key = prefix ? `${prefix}.${e.key}` : e.key;
      walk(e.value, key, underImage || /image/i.test(e.key), depth + 1);
    }
  };
  if (root?.kind === 'map') walk(root, '', false, 0);
  return found;
}

/** Installers that carry no version of what the environment runs (`pip` as a conda package). */
const CONDA_PLUMBING = /^(pip|setuptools|wheel)$/i;

/**
 * The packages of a conda environment file (a map with `dependencies:` and `channels:` or `name:`):
 * conda specs (`numpy=1.26`, `python>=3.10`) and the `pip:` list (`mlflow==2.9.2`).
 */
function condaEnvironment(root: YNode | undefined): RequirementFact[] {
  const dependencies = at(root, 'dependencies');
  if (root?.kind !== 'map' || dependencies?.kind !== 'seq' || (!at(root, 'channels') && !at(root, 'name'))) return [];
  const packages: RequirementFact[] = [];
  const add = (item: YNode, pip: boolean) => {
    const text = (scalar(item) ?? '').trim();
    const found = /^([A-Za-z0-9_.\-]+(?:::[A-Za-z0-9_.\-]+)?)(?:\[[^\]]*\])?\s*(.*)$/.exec(text);
    if (!found || CONDA_PLUMBING.test(found[1])) return;
    const spec = found[2].trim();
    // conda's `=1.26` pins a version prefix and `==` an exact one; pip's list pins with `==` (or `===`, an URL).
    const pinned = pip ? /^===?\s*\S|@/.test(spec) : /^(=|==)\s*\d/.test(spec);
    packages.push({ name: found[1], spec, pinned, range: item.range });
  };
  for (const item of items(dependencies)) {
    if (item.kind === 'scalar') add(item, false);
    else if (item.kind === 'map') for (const pipItem of items(at(item, 'pip'))) if (pipItem.kind === 'scalar') add(pipItem, true);
  }
  return packages;
}

/** BentoML's build file: `bentoml build` reads it from the project folder. */
const BENTOFILE = /(^|\/)bentofile\.ya?ml$/i;

/** A bentofile's `python.packages`: pip requirement strings that go into the bento's image; `==` (or `===`, a URL) pins. */
function bentoPythonPackages(root: YNode | undefined): RequirementFact[] {
  return items(at(root, 'python.packages')).flatMap((item) => {
    // One requirement per item: a multi-line scalar is not one, and the pattern stays on one line.
    const text = item.kind === 'scalar' ? (scalar(item) ?? '').trim() : '\n';
    const found = text.includes('\n') ? null : /^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?(.*)$/.exec(text);
    if (!found) return [];
    const spec = found[2].trim();
    return [{ name: found[1], spec, pinned: /^===?\s*\S|@/.test(spec), range: item.range }];
  });
}

/** A Kustomization: by its kind, or a kustomization.yaml without apiVersion (Kustomize accepts both). */
function isKustomization(root: YNode | undefined, path: string): boolean {
  if (root?.kind !== 'map') return false;
  const kind = scalar(at(root, 'kind'));
  if (kind !== undefined) return kind === 'Kustomization' || kind === 'Component';
  return /(^|\/)kustomization\.ya?ml$/i.test(path) && ['resources', 'bases', 'patches', 'patchesStrategicMerge'].some((key) => at(root, key) !== undefined);
}

/** The images a Kustomization's `images:` list gives another tag, name or digest. */
function retaggedImages(root: YNode | undefined): string[] {
  return items(at(root, 'images')).flatMap((image) => {
    const name = known(at(image, 'name'));
    const retagged = ['newTag', 'newName', 'digest'].some((key) => at(image, key) !== undefined);
    return name && retagged ? [name] : [];
  });
}

/** The patch files of a Kustomization (inline patches have no file, so they are not listed). */
function patchPaths(root: YNode | undefined): string[] {
  const paths: string[] = [];
  for (const patch of items(at(root, 'patches'))) {
    const path = known(patch.kind === 'map' ? at(patch, 'path') : undefined);
    if (path) paths.push(path);
  }
  for (const patch of items(at(root, 'patchesStrategicMerge'))) {
    const path = known(patch);
    if (path && !path.includes('\n') && /\.ya?ml$/i.test(path)) paths.push(path);
  }
  return paths;
}

/**
 * Is this line of a Helm template inside an `if`/`with` block whose condition is about
 * autoscaling (`{{- if not .Values.autoscaling.enabled }}`)? Blocks are counted from the top of the
 * file; a malformed template (more ends than opens) simply reads as unguarded.
 */
function insideAutoscalingCondition(template: string, line: number): boolean {
  const open: string[] = [];
  const lines = template.split('\n');
  for (let row = 0; row < Math.min(line, lines.length); row++) {
    for (const action of lines[row].matchAll(/\{\{-?\s*(if|with|range|define|block|else|end)\b([^}]*)\}\}/g)) {
      if (action[1] === 'end') open.pop();
      else if (action[1] === 'else') {
        if (open.length > 0) open[open.length - 1] = `else ${open[open.length - 1]}`;
      } else open.push(action[2]);
    }
  }
  return open.some((condition) => /autoscal|\bhpa\b|keda/i.test(condition));
}

function workloadFact(document: YamlDocument, kind: string, template?: string): WorkloadFact | undefined {
  const containers = allContainers(document);
  if (containers.length === 0) return undefined;
  const labelsNode =
    kind === 'Pod'
      ? at(document.root, 'metadata.labels')
      : at(document.root, kind === 'CronJob' ? 'spec.jobTemplate.spec.template.metadata.labels' : 'spec.template.metadata.labels');
  const regular = new Set(podContainers(document).map((c) => c.spec));
  return {
    kind,
    name: known(at(document.root, 'metadata.name')) ?? '?',
    range: at(document.root, 'kind')?.range ?? document.range,
    labels: stringMap(labelsNode),
    ...templateMap(labelsNode, 'templateLabels'),
    replicas: numberOf(at(document.root, 'spec.replicas')),
    nameLine: at(document.root, 'metadata.name')?.range.start.line,
    replicasRange: at(document.root, 'spec.replicas')?.range,
    nameText: scalar(at(document.root, 'metadata.name')),
    replicasFromValues: /^⟨\s*\$?\.Values\.([\w.]+)\s*⟩$/.exec(scalar(at(document.root, 'spec.replicas')) ?? '')?.[1],
    replicasGuarded:
      template !== undefined && at(document.root, 'spec.replicas') !== undefined
        ? insideAutoscalingCondition(template, at(document.root, 'spec.replicas')!.range.start.line)
        : undefined,
    strategy: known(at(document.root, 'spec.strategy.type')) ?? known(at(document.root, 'spec.updateStrategy.type')),
    claims: items(at(podSpec(document), 'volumes')).flatMap((volume) => {
      const claim = at(volume, 'persistentVolumeClaim.claimName');
      const claimName = known(claim);
      return claimName && claim ? [{ name: claimName, range: claim.range }] : [];
    }),
    containers: containers.map((container): ContainerFact => {
      const spec = container.spec;
      const command = words(at(spec, 'command'));
      const args = words(at(spec, 'args'));
      return {
        name: container.name,
        nameRange: container.nameRange,
        image: known(at(spec, 'image')),
        imageLine: at(spec, 'image')?.range.start.line,
        ...imageTemplate(at(spec, 'image')),
        command,
        args,
        commandRange: (at(spec, 'command') ?? at(spec, 'args'))?.range,
        ports: items(at(spec, 'ports')).map((port) => ({ port: numberOf(at(port, 'containerPort')), name: known(at(port, 'name')), range: port.range })),
        env: Object.fromEntries(
          items(at(spec, 'env')).flatMap((e) => {
            const name = known(at(e, 'name'));
            const value = known(at(e, 'value'));
            return name && value !== undefined ? [[name, value]] : [];
          }),
        ),
        probes: regular.has(spec) ? probesOf(spec) : [],
        init: !regular.has(spec),
        requests: requestsOf(spec),
      };
    }),
  };
}

/**
 * Which resources a container requests. A limit without a request sets the request to the
 * limit; a templated `resources:` (Helm `toYaml`) is unknown.
 */
function requestsOf(container: YNode): ContainerFact['requests'] {
  const resources = entry(container, 'resources');
  if (!resources) return { cpu: false, memory: false };
  if (resources.value?.kind !== 'map') return resources.value === undefined ? { cpu: false, memory: false } : undefined;
  // `{{- toYaml .Values.resources }}` under the key reads as a map with a placeholder key.
  if (resources.value.entries.some((e) => isTemplatePlaceholder(e.key))) return undefined;
  const declared = (resource: string) =>
    ['requests', 'limits'].some((kind) => {
      const node = at(resources.value, `${kind}.${resource}`);
      return node !== undefined;
    });
  const templated = ['requests', 'limits'].some((kind) => at(resources.value, kind)?.kind === 'scalar');
  if (templated) return undefined;
  return { cpu: declared('cpu'), memory: declared('memory') };
}

/** The resource metrics an HPA scales on by utilisation (v2 `metrics`, v1 `targetCPUUtilizationPercentage`). */
function utilizationTargets(document: YamlDocument): { resource: string; range: ContainerFact['nameRange'] }[] {
  const result: { resource: string; range: ContainerFact['nameRange'] }[] = [];
  const v1 = entry(at(document.root, 'spec'), 'targetCPUUtilizationPercentage');
  if (v1) result.push({ resource: 'cpu', range: v1.keyRange });
  for (const metric of items(at(document.root, 'spec.metrics'))) {
    if (scalar(at(metric, 'type')) !== 'Resource') continue;
    const name = at(metric, 'resource.name');
    const resource = known(name);
    // v2beta1 wrote targetAverageUtilization; v2 writes target.type: Utilization.
    const utilization = scalar(at(metric, 'resource.target.type')) === 'Utilization' || at(metric, 'resource.targetAverageUtilization') !== undefined;
    if (resource && name && utilization) result.push({ resource, range: name.range });
  }
  return result;
}

const PROBES = [
  ['readinessProbe', 'readiness'],
  ['livenessProbe', 'liveness'],
  ['startupProbe', 'startup'],
] as const;

function probesOf(container: YNode): ProbeFact[] {
  const result: ProbeFact[] = [];
  for (const [key, type] of PROBES) {
    const found = entry(container, key);
    if (!found) continue;
    const probe = found.value;
    const http = at(probe, 'httpGet');
    const handlerKey = http ? 'httpGet' : at(probe, 'tcpSocket') ? 'tcpSocket' : at(probe, 'grpc') ? 'grpc' : at(probe, 'exec') ? 'exec' : undefined;
    const handler = handlerKey ? at(probe, handlerKey) : undefined;
    const portNode = at(handler, 'port');
    const pathNode = at(http, 'path');
    result.push({
      type,
      handler: handlerKey ?? 'none',
      path: known(pathNode),
      port: portNode ? (numberOf(portNode) ?? known(portNode)) : undefined,
      range: found.keyRange,
      pathRange: pathNode?.range,
      portRange: portNode?.range,
    });
  }
  return result;
}

function serviceFact(document: YamlDocument): ServiceFact | undefined {
  const spec = at(document.root, 'spec');
  if (!spec) return undefined;
  return {
    name: known(at(document.root, 'metadata.name')) ?? '?',
    range: at(document.root, 'kind')?.range ?? document.range,
    selector: stringMap(at(spec, 'selector')),
    ...templateMap(at(spec, 'selector'), 'templateSelector'),
    labels: ownLabels(at(document.root, 'metadata.labels')),
    ports: items(at(spec, 'ports')).map((port) => {
      const target = at(port, 'targetPort');
      return {
        port: numberOf(at(port, 'port')),
        name: known(at(port, 'name')),
        targetPort: target ? (numberOf(target) ?? known(target)) : undefined,
        range: (target ?? port).range,
      };
    }),
    ...(known(at(spec, 'type')) ? { type: known(at(spec, 'type')), typeRange: at(spec, 'type')!.range } : {}),
    ...(known(at(document.root, 'metadata.namespace')) ? { namespace: known(at(document.root, 'metadata.namespace')) } : {}),
  };
}

/** `build.args` as a map (`KEY: value`) or a list (`- KEY=value`), plain values only. */
function buildArgs(node: YNode | undefined): { args?: Record<string, string> } {
  if (!node) return {};
  const pairs: [string, string][] = [];
  for (const e of entries(node)) {
    const value = known(e.value);
    if (value !== undefined) pairs.push([e.key, value]);
  }
  for (const item of items(node)) {
    const match = /^([\w.-]+)=(.*)$/.exec(known(item) ?? '');
    if (match) pairs.push([match[1]!, match[2]!]);
  }
  return pairs.length > 0 ? { args: Object.fromEntries(pairs) } : {};
}

function composeFact(name: string, nameRange: ComposeServiceFact['nameRange'], spec: YNode): ComposeServiceFact {
  const build = at(spec, 'build');
  const entrypoint = words(at(spec, 'entrypoint'));
  const command = words(at(spec, 'command'));
  const healthcheck = at(spec, 'healthcheck.test');
  const test =
    healthcheck?.kind === 'seq'
      ? items(healthcheck)
          .map(scalar)
          .filter((w): w is string => w !== undefined)
      : undefined;
  const testLine = test ? (/^CMD(-SHELL)?$/i.test(test[0] ?? '') ? test.slice(1) : test).join(' ') : known(healthcheck);
  const urlNode = [healthcheck, ...items(healthcheck)].find((n): n is YScalar => n?.kind === 'scalar' && n.value.includes('://'));
  const urlAt = urlNode ? urlNode.raw.indexOf('://') : -1;
  const urlRange = urlNode && urlAt >= 0 ? rangeWithin(urlNode, Math.max(0, urlNode.raw.lastIndexOf('http', urlAt)), urlAt + 3) : undefined;
  return {
    name,
    nameRange,
    image: known(at(spec, 'image')),
    build:
      build?.kind === 'scalar'
        ? { context: build.value }
        : build
          ? { context: known(at(build, 'context')) ?? '.', dockerfile: known(at(build, 'dockerfile')), ...buildArgs(at(build, 'args')) }
          : undefined,
    ...(build && { buildRange: (build.kind === 'scalar' ? build : (at(build, 'dockerfile') ?? at(build, 'context') ?? build)).range }),
    command: entrypoint || command ? [...(entrypoint ?? []), ...(command ?? [])] : undefined,
    commandRange: (at(spec, 'command') ?? at(spec, 'entrypoint'))?.range,
    ports: items(at(spec, 'ports')).flatMap((port) => composePort(port)),
    environment: spec.kind === 'map' ? Object.fromEntries(composeEnvironment(spec).map((e) => [e.name, e.value])) : {},
    healthcheck: testLine && healthcheck ? { command: testLine, range: healthcheck.range, urlRange } : undefined,
    mounts: items(at(spec, 'volumes')).flatMap((volume) => bindSource(volume)),
    ...hostMounts(items(at(spec, 'volumes'))),
    ...volumeTargets(items(at(spec, 'volumes'))),
    aliases: composeAliases(spec),
  };
}

/** The names besides its own a compose service answers to on the network, and the hosts it adds for itself. */
function composeAliases(spec: YNode): string[] {
  const names = [known(at(spec, 'container_name')), known(at(spec, 'hostname'))];
  for (const network of entries(at(spec, 'networks'))) for (const alias of items(at(network.value, 'aliases'))) names.push(known(alias));
  for (const link of items(at(spec, 'links'))) names.push(known(link)?.split(':').pop());
  const hosts = at(spec, 'extra_hosts');
  for (const host of items(hosts)) names.push(known(host)?.split(/[:=]/)[0]);
  for (const host of entries(hosts)) names.push(host.key);
  return names.filter((n): n is string => n !== undefined && n !== '');
}

/** The `static_configs` targets of a Prometheus configuration (`scrape_configs:` at the root). */
/** The static targets of a Prometheus configuration's scrape jobs, or (with `alerting.alertmanagers`) of its Alertmanagers. */
function staticTargets(root: YNode | undefined, list = 'scrape_configs'): ScrapeTargetFact[] {
  const found: ScrapeTargetFact[] = [];
  for (const job of items(at(root, list))) {
    for (const group of items(at(job, 'static_configs')))
      for (const target of items(at(group, 'targets'))) {
        const value = known(target);
        if (!value || target.kind !== 'scalar') continue;
        const host = value.replace(/^[a-z]+:\/\//i, '').replace(/:\d+$/, '');
        found.push({ host, ...(known(at(job, 'job_name')) ? { job: known(at(job, 'job_name')) } : {}), range: target.range });
      }
  }
  return found;
}

/** The host path of a bind mount (`./prometheus.yml:/etc/prometheus/prometheus.yml:ro`, or `type: bind` with `source:`). */
/** The host paths of bind mounts (a long form of type bind, or a short one starting with a path or a variable), not named volumes. */
function hostMounts(volumes: readonly YNode[]): { hostMounts?: string[] } {
  const sources: string[] = [];
  for (const node of volumes) {
    if (node.kind === 'map') {
      if (scalar(at(node, 'type')) === 'bind') sources.push(known(at(node, 'source')) ?? '$');
      continue;
    }
    const text = known(node)?.trim();
    if (text === undefined) sources.push('$');
    else if (/^[.~/$]/.test(text)) sources.push(text.split(':')[0]);
  }
  return sources.length > 0 ? { hostMounts: sources } : {};
}

/** Where every volume lands in the container (named volumes and folders included; `$` when unknown). */
function volumeTargets(volumes: readonly YNode[]): { volumeTargets?: string[] } {
  const targets = volumes.map((node) => (node.kind === 'map' ? known(at(node, 'target')) : known(node)?.split(':')[1]) ?? '$');
  return targets.length > 0 ? { volumeTargets: targets } : {};
}

function bindSource(node: YNode): { source: string; target?: string; range: Range }[] {
  const parts = node.kind === 'map' ? undefined : known(node)?.split(':');
  const source = node.kind === 'map' ? (scalar(at(node, 'type')) === 'bind' ? known(at(node, 'source')) : undefined) : parts?.[0];
  const target = node.kind === 'map' ? known(at(node, 'target')) : parts?.[1];
  return source && /^\.{1,2}\//.test(source) && !/\$/.test(source) ? [{ source, ...(target?.startsWith('/') ? { target } : {}), range: node.range }] : [];
}

/** A Prometheus configuration's `rule_files` patterns as written (an empty list when it has none). */
function ruleFilePatterns(root: YNode | undefined): { pattern: string; range: Range }[] {
  return items(at(root, 'rule_files')).flatMap((node) => {
    const pattern = known(node);
    return pattern && node.kind === 'scalar' ? [{ pattern, range: node.range }] : [];
  });
}

/** Where the first group of a Prometheus rule file starts (`groups:` whose rules hold an `alert:` or `record:`). */
function firstRuleGroup(root: YNode | undefined): Range | undefined {
  const groups = items(at(root, 'groups'));
  const rules = groups.some((group) => items(at(group, 'rules')).some((rule) => has(rule, 'alert') || has(rule, 'record')));
  return rules ? groups[0].range : undefined;
}

/** `"8080:5000"`, `"127.0.0.1:8080:5000/tcp"`, `5000`, or the long form `{ target, published }`. */
function composePort(node: YNode): ComposePortFact[] {
  if (node.kind === 'map') return [{ target: numberOf(at(node, 'target')), published: numberOf(at(node, 'published')), range: node.range }];
  const text = known(node);
  if (text === undefined) return [];
  const parts = text.replace(/\/(tcp|udp)$/i, '').split(':');
  const target = Number(parts[parts.length - 1]);
  const published = parts.length > 1 ? Number(parts[parts.length - 2]) : undefined;
  // Ranges such as "8000-8010:8000-8010" are left alone.
  if (!Number.isInteger(target)) return [];
  return [{ target, published: published !== undefined && Number.isInteger(published) ? published : undefined, range: node.range }];
}

function words(node: YNode | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.kind === 'seq') return items(node).map((item) => known(item) ?? '');
  const text = known(node);
  return text === undefined ? undefined : splitCommand(text);
}

function numberOf(node: YNode | undefined): number | undefined {
  const text = scalar(node);
  return text !== undefined && /^\d{1,5}$/.test(text) ? Number(text) : undefined;
}

/**
 * A resource's own labels: none written is a definite `{}` (a ServiceMonitor cannot select it),
 * but a mapping a template fills, or a label whose value only the template knows, is unknown.
 */
function ownLabels(node: YNode | undefined): Record<string, string> | undefined {
  if (node === undefined) return {};
  if (node.kind !== 'map' || templated(node) || node.entries.some((e) => known(e.value) === undefined)) return undefined;
  return stringMap(node);
}

function stringMap(node: YNode | undefined): Record<string, string> {
  return Object.fromEntries(entries(node).flatMap((e) => (known(e.value) !== undefined ? [[e.key, known(e.value)!]] : [])));
}

/**
 * A label map with Helm placeholders kept as written, when at least one value is one: the same
 * expression renders the same value within a chart, so a Service's `app: ⟨.Release.Name⟩` selects
 * the pods labelled `app: ⟨.Release.Name⟩` beside it.
 */
function templateMap<K extends string>(node: YNode | undefined, key: K): { [P in K]?: Record<string, string> } {
  const pairs = entries(node).flatMap((e) => {
    const value = scalar(e.value);
    return value !== undefined ? [[e.key, value] as const] : [];
  });
  if (pairs.length === 0 || pairs.length !== entries(node).length || !pairs.some(([, value]) => isTemplatePlaceholder(value))) return {};
  return { [key]: Object.fromEntries(pairs) } as { [P in K]?: Record<string, string> };
}

/** The CI definitions a platform refuses to run when they do not parse. */
const CI_DEFINITION = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.ya?ml$/i;

/** A key or list item that opens a block scalar (`run: |`, `- >-`): its content is text, tabs included. */
const BLOCK_OPENER = /(?:^|[:\s-])[|>][+-]?\d?[+-]?\s*(?:#.*)?$/;

/**
 * The first line whose indentation holds a tab, outside the content of block scalars (where a tab
 * after the content's indentation is text). Blank and comment lines are left alone.
 */
export function tabIndentLine(text: string): number | undefined {
  const lines = text.split('\n');
  let block: { parent: number; content?: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, '');
    const spaces = /^ */.exec(line)![0].length;
    const rest = line.slice(spaces);
    if (rest.trim() === '' || rest.startsWith('#')) continue;
    if (block) {
      block.content ??= spaces > block.parent ? spaces : undefined;
      if (block.content !== undefined && spaces >= block.content) continue;
      block = undefined;
    }
    if (rest.startsWith('\t')) return index;
    if (BLOCK_OPENER.test(rest)) block = { parent: spaces };
  }
  return undefined;
}
