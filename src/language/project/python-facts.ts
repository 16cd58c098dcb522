import { removedApiUses } from '../python/removed-apis';
import { hasAppAuth } from '../python/auth';
import type { Node } from 'web-tree-sitter';
import type { CallInfo, PythonModel } from '../python/model';
import { stringValue } from '../python/nodes';
import { FileNames, functionFacts, handlerCallFacts, loopCallFacts, queueJobFacts } from '../python/effects';
import { dottedCallee } from '../python/scan';
import { HAND_WRITTEN_EXPOSITION, METRICS_MODULES, NAMED_HEALTH_CHECK, namedHealthRoute, onlyGet, staticHealthReply } from '../python/serving';
import { importTimeDownloads } from '../python/downloads';
import { declaredMetrics, importedMetricUses, markUnrecorded, type DeclaredMetric, type ImportedMetricUse } from '../python/prometheus';
import { logs } from '../python/logs';
import { isNotebookExport } from '../python/notebooks';
import { isTestPath } from '../python/test-code';
import { CELERY_APP_TIME_LIMIT, celeryResultsOf, celeryTaskLines, isDisplayLoop, queueTasks, workerLoops } from '../python/workers';
import type { Range } from '../types';
import { nodeRange } from '../rule';
import { suppressionList } from '../suppress';
import type { AppObjectFact, ErrorHandlerFact, ImportFact, ListenerFact, LoopCallFact, MountFact, PortValue, PythonFacts, RouteFact } from './facts';
import { localModelLoads, unrecordedModelWrites } from '../python/artifacts';
import { constantHealthRoutes } from '../python/health-routes';
import { hubIdConstants, importedNameHubLoads } from '../python/hub-loads';
import { importTimeTrainerCalls, importTimeTraining, trainsOnlyWhenCalled } from '../python/training';
import { seedFacts } from '../python/seeding';
import { libraryDefaultFacts } from '../python/library-defaults';
import { dataReads, dataWrites, paramReads, type DataRead, type ParamRead } from '../python/data-reads';
import { argumentCalls, callSignatures, type ArgumentCall, type Signature } from '../python/call-signatures';
import { mlflowNames } from '../python/mlflow-names';
import { fileLogFacts } from '../python/log-files';
import { boundNames, fromImports, plainImports } from '../python/bound-names';
import { tupleReturns, unpackedCalls, type TupleReturn, type UnpackedCall } from '../python/tuple-returns';

/**
 * The project facts of one Python module, read from the lint's own `PythonModel` (its calls,
 * decorated definitions and text), so indexing a file costs one pass over what the lint has
 * already collected: a few string tests per call, and tree access only for the calls that
 * matter (app creation, routes, mounts, servers).
 */

const FACTORIES: Readonly<Record<string, Pick<AppObjectFact, 'role' | 'framework'>>> = {
  'flask.Flask': { role: 'app', framework: 'flask' },
  'quart.Quart': { role: 'app', framework: 'quart' },
  'flask.Blueprint': { role: 'router', framework: 'flask' },
  'quart.Blueprint': { role: 'router', framework: 'quart' },
  'fastapi.FastAPI': { role: 'app', framework: 'fastapi' },
  'fastapi.APIRouter': { role: 'router', framework: 'fastapi' },
  'starlette.applications.Starlette': { role: 'app', framework: 'starlette' },
  'flask_restx.Namespace': { role: 'router', framework: 'restx' },
  'flask_restplus.Namespace': { role: 'router', framework: 'restx' },
  'flask_restx.Api': { role: 'router', framework: 'restx' },
  'flask_restplus.Api': { role: 'router', framework: 'restx' },
  'flask_restful.Api': { role: 'router', framework: 'restx' },
  'connexion.App': { role: 'app', framework: 'flask' },
  'connexion.FlaskApp': { role: 'app', framework: 'flask' },
  'connexion.AsyncApp': { role: 'app', framework: 'starlette' },
};
const PREFIX_KEYWORDS = ['prefix', 'url_prefix', 'path'];
const ROUTE_ATTRIBUTES = new Set(['route', 'get', 'post', 'put', 'delete', 'patch', 'api_route', 'head', 'options']);
const ERROR_ATTRIBUTES = new Set(['exception_handler', 'errorhandler', 'app_errorhandler']);
const ROUTE_ARGUMENT = /^[ \t]*\([ \t]*[rRuU]?['"]\//;
const DECORATOR = /@[ \t]*([A-Za-z_][\w.]*)[ \t]*(\()?/g;
const DEFINITION_NAME = /(?:async[ \t]+)?(?:def|class)[ \t]+([A-Za-z_]\w*)/y;
/** Health words anywhere around a `GET /` route, its code included (the comment-only reading is in python/serving.ts). */
const HEALTH_WORDS = /health|liveness|readiness|alive|heartbeat|\bping\b|헬스|상태 ?확인/i;
const METRICS_CALL =
  /(^|\.)(Instrumentator|PrometheusMetrics|GunicornPrometheusMetrics|instrument_app|make_asgi_app|make_wsgi_app|start_http_server|add_prometheus_middleware|setup_metrics|metrics_middleware)$/;
const HEALTH_MODULES = ['healthcheck', 'health_check', 'fastapi_health', 'flask_healthz', 'healthz', 'grpc_health'];

export function pythonFacts(model: PythonModel): PythonFacts {
  const source = model.source;
  const objects: AppObjectFact[] = [];
  const routes: RouteFact[] = [];
  const mounts: MountFact[] = [];
  const errorHandlers: ErrorHandlerFact[] = [];
  const listeners: ListenerFact[] = [];
  // django-prometheus is switched on in INSTALLED_APPS and MIDDLEWARE rather than imported.
  let metrics =
    METRICS_MODULES.some((m) => model.importsModule(m)) ||
    /\.instrument\([^)]*\)\s*\.expose\(/.test(source) ||
    /['"]django_prometheus[.'"]/.test(source) ||
    HAND_WRITTEN_EXPOSITION.test(source);

  readDecorators(model, routes, errorHandlers);

  const djangoUrls = /\burlpatterns\b/.test(source);
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    const raw = dottedCallee(source, call.node.startIndex);
    const attribute = raw?.slice(raw.lastIndexOf('.') + 1) ?? callee.slice(callee.lastIndexOf('.') + 1);
    const owner = raw && raw.includes('.') ? raw.slice(0, raw.lastIndexOf('.')) : '';
    if (Object.hasOwn(FACTORIES, callee)) objects.push(objectFact(model, call, callee, mounts));
    if (METRICS_CALL.test(callee)) metrics = true;
    if (!attribute) continue;
    if (owner && ROUTE_ATTRIBUTES.has(attribute)) {
      // `dict.get(...)` is everywhere: only a call whose first argument is a path, and that is not a decorator, can register a route.
      if (ROUTE_ARGUMENT.test(source.slice(call.node.startIndex + raw!.length, call.node.startIndex + raw!.length + 12)) && !precededByAt(source, call.node.startIndex))
        routeCall(call, owner, attribute, routes);
    } else if (owner) memberCall(model, call, owner, attribute, routes, mounts, errorHandlers);
    if (djangoUrls && /^django\.(urls\.(path|re_path)|conf\.urls\.url)$/.test(callee)) djangoRoute(model, call, routes, mounts);
    if (/DispatcherMiddleware$/.test(callee)) dispatcherMounts(model, call, mounts);
    const listener = listenerOf(model, call, callee, raw);
    if (listener) listeners.push(listener);
  }

  const imports = readImports(source);
  const names = new FileNames(source, new Set(imports.map((i) => i.local)));
  // A test's apps, routes and consumers (a fixture's Flask app, a stub of another service) are not the service's.
  const test = model.isTest;
  return {
    kind: 'python',
    imports,
    objects: test ? [] : objects,
    routes: test ? [] : routes,
    mounts: test ? [] : mounts,
    errorHandlers: test ? [] : errorHandlers,
    listeners: test ? [] : listeners,
    metrics,
    // django-health-check is switched on in INSTALLED_APPS rather than imported.
    healthLibrary: HEALTH_MODULES.some((m) => model.importsModule(m)) || /['"]health_check(\.\w+)*['"]/.test(source),
    grpcServicers: model.classes
      .filter((c) => /Servicer\b/.test(c.childForFieldName('superclasses')?.text ?? ''))
      .map((c) => ({ name: c.childForFieldName('name')?.text ?? '?', range: nodeRange(c.childForFieldName('name') ?? c) })),
    grpcHealth: model.importsModule('grpc_health') || source.includes('add_HealthServicer_to_server'),
    appAuth: hasAppAuth(model),
    rootUrlconf: /^ROOT_URLCONF[ \t]*=[ \t]*['"]([\w.]+)['"]/m.exec(source)?.[1],
    hasMainGuard: model.mainGuard !== undefined,
    modelWrites: unrecordedModelWrites(model).map((write) => write.node.startPosition.row),
    ...(trainsAndEnds(model) && { trains: true as const }),
    ...hubFacts(model),
    ...libraryDefaultFacts(model),
    modelLoads: localModelLoads(model).map((load) => ({ line: load.node.startPosition.row, name: load.name })),
    ...constantHealthOf(model, test),
    suppressions: suppressionList(source),
    functions: functionFacts(model, names),
    handlerCalls: handlerCallFacts(model, names),
    loopCalls: loopCallFacts(model, names),
    ...queueJobsOf(model, names),
    ...instanceFacts(names),
    ...serviceFacts(model),
    ...(logs(model) && { logs: true as const }),
    ...fileLogFacts(model),
    ...errorPrintFacts(model),
    ...importDownloadFacts(model),
    ...metricFacts(model, imports),
    ...importTrainingFacts(model),
    ...removedApiFacts(model),
    ...tupleFacts(model),
    ...readFacts(model),
    ...celeryFacts(model),
    ...signatureFacts(model, imports),
    ...mlflowNameFacts(model),
    ...importFacts(source),
    ...seedFacts(model),
    // Imports then resolve from folders the file adds itself.
    ...(/\bsys\.path\b|\baddsitedir\b/.test(source) && { editsPath: true as const }),
  };
}

/** Schedulers and orchestrators: a file that imports one keeps running or is run by something that does. */
const KEEPS_RUNNING_MODULES = ['schedule', 'apscheduler', 'prefect', 'airflow', 'dagster', 'celery', 'rq', 'kafka', 'pika', 'watchdog'];

/** Running the file trains a model and then returns: a training script with no endless loop and no scheduler. */
function hubFacts(model: PythonModel): Pick<PythonFacts, 'hubNameLoads' | 'hubConstants'> {
  const loads = importedNameHubLoads(model);
  const constants = hubIdConstants(model);
  return { ...(loads.length > 0 && { hubNameLoads: loads }), ...(constants.length > 0 && { hubConstants: constants }) };
}

function trainsAndEnds(model: PythonModel): boolean {
  if (model.role !== 'training' || trainsOnlyWhenCalled(model)) return false;
  return !/^[ \t]*while[ \t(]+(True|1)\b/m.test(model.source) && !KEEPS_RUNNING_MODULES.some((m) => model.importsModule(m));
}

function celeryFacts(model: PythonModel): { celeryResults?: 'backend' | 'read' | 'none'; celeryTasks?: [number, number][]; celeryTimeLimit?: true } {
  const limited = model.linesMatch(CELERY_APP_TIME_LIMIT);
  if (!model.importsModule('celery') && !model.linesMatch(/\b(task|shared_task)\b/) && !limited) return {};
  const tasks = celeryTaskLines(model);
  const results = celeryResultsOf(model);
  return { ...(results && { celeryResults: results }), ...(tasks.length > 0 && { celeryTasks: tasks }), ...(limited && { celeryTimeLimit: true as const }) };
}

function readFacts(model: PythonModel): { dataReads?: DataRead[]; dataWrites?: DataRead[]; paramReads?: ParamRead[]; paramsOpaque?: true } {
  const data = dataReads(model);
  const writes = dataWrites(model);
  const params = paramReads(model);
  return {
    ...(data.length > 0 && { dataReads: data }),
    ...(writes.length > 0 && { dataWrites: writes }),
    ...(params.reads.length > 0 && { paramReads: params.reads }),
    ...(params.opaque && { paramsOpaque: true as const }),
  };
}

function importFacts(source: string): { boundNames: ReturnType<typeof boundNames>; fromImports?: ReturnType<typeof fromImports>; plainImports?: ReturnType<typeof plainImports> } {
  const imported = fromImports(source);
  const plain = plainImports(source);
  return { boundNames: boundNames(source), ...(imported.length > 0 && { fromImports: imported }), ...(plain.length > 0 && { plainImports: plain }) };
}

function mlflowNameFacts(model: PythonModel): { mlflowNames?: ReturnType<typeof mlflowNames> } {
  const names = mlflowNames(model);
  return names.written.length + names.read.length + names.opaque.length > 0 ? { mlflowNames: names } : {};
}

function signatureFacts(model: PythonModel, imports: readonly ImportFact[]): { signatures?: Signature[]; argumentCalls?: ArgumentCall[] } {
  const signatures = callSignatures(model);
  const calls = argumentCalls(model, new Set(signatures.map((s) => s.name)), new Set(imports.map((i) => i.local)));
  return { ...(signatures.length > 0 && { signatures }), ...(calls.length > 0 && { argumentCalls: calls }) };
}

function tupleFacts(model: PythonModel): { tupleReturns?: TupleReturn[]; unpackedCalls?: UnpackedCall[] } {
  const returns = tupleReturns(model);
  const unpacks = unpackedCalls(model);
  return { ...(returns.length > 0 && { tupleReturns: returns }), ...(unpacks.length > 0 && { unpackedCalls: unpacks }) };
}

function removedApiFacts(model: PythonModel): { removedApis?: { id: string; range: Range; written: string }[] } {
  const found = removedApiUses(model);
  return found.length === 0 ? {} : { removedApis: found.map((use) => ({ id: use.id, range: use.range, written: use.written })) };
}

/** Metrics this module declares, and calls that record metrics it imports by name (metric-labels-mismatch). */
function metricFacts(model: PythonModel, imports: readonly ImportFact[]): { promMetrics?: DeclaredMetric[]; promUses?: ImportedMetricUse[] } {
  const declared = model.source.includes('prometheus_client') ? markUnrecorded([...declaredMetrics(model.calls).values()], model.source) : [];
  const own = new Set(declared.map((m) => m.name));
  const uses = importedMetricUses(model, new Set(imports.filter((i) => i.name !== undefined && !own.has(i.local)).map((i) => i.local)));
  return { ...(declared.length > 0 && { promMetrics: declared }), ...(uses.length > 0 && { promUses: uses }) };
}

function importDownloadFacts(model: PythonModel): { importDownloads?: { range: Range; what: string }[] } {
  const found = importTimeDownloads(model);
  return found.length === 0 ? {} : { importDownloads: found };
}

/** A module that does not serve but trains when imported (a service's own training is the per-file rule's). */
function importTrainingFacts(model: PythonModel): {
  importTraining?: { range: Range; what: string; hook?: string };
  importTrainerCalls?: { name: string; range: Range; hook?: string }[];
} {
  if (isTestPath(model.path)) return {};
  if (model.role === 'serving') {
    const calls = importTimeTrainerCalls(model);
    return calls.length > 0 ? { importTrainerCalls: calls } : {};
  }
  const found = importTimeTraining(model);
  // A start-up hook of a module that serves nothing is not what an import runs.
  return found && !found.hook ? { importTraining: found } : {};
}

/** Module-level instances of project classes, for handlers in other modules that import them. */
function instanceFacts(names: FileNames): { instances?: { name: string; cls: string }[] } {
  // Services kept on the app (`app.state.predictor = Predictor()`) are instances too, by their key.
  const bound = [...names.instances(), ...names.appInstances()];
  return bound.length === 0 ? {} : { instances: bound.map(([name, cls]) => ({ name, cls })) };
}

/** Code that runs once or is not the service: tests and training. */
function notService(model: PythonModel): boolean {
  return isTestPath(model.path) || model.role === 'training';
}

/**
 * Whether the file runs as (part of) a service, not once: handlers, servicers, queue tasks or a
 * worker loop; and the first and last lines of its worker loops (not console clients that only
 * show what they receive). The loops are judged once for both facts.
 */
function serviceFacts(model: PythonModel): { serves?: true; workerLoopLines?: [number, number][]; djangoView?: Range } {
  if (notService(model)) return {};
  const loops = workerLoops(model).filter((loop) => !isDisplayLoop(model, loop));
  const serves =
    model.handlers.length > 0 ||
    model.classes.some((c) => /Servicer\b/.test(c.childForFieldName('superclasses')?.text ?? '')) ||
    (queueTasks(model).size > 0 && /\b(celery|dramatiq|rq)\b/i.test([...model.imports.values()].join(' '))) ||
    loops.length > 0;
  const lines = loops.map((loop): [number, number] => [loop.node.startPosition.row, loop.node.endPosition.row]);
  const view = model.handlers.find((handler) => handler.framework === 'django');
  const viewName = view && (view.node.childForFieldName('name') ?? view.node);
  return {
    ...(serves && { serves: true as const }),
    ...(lines.length > 0 && { workerLoopLines: lines }),
    ...(viewName && { djangoView: nodeRange(viewName) }),
  };
}

/** A message that reports a failure: "Error: ...", "failed to connect", "Unable to connect". */
const FAILURE_TEXT = /\b(error|errors|failed|failure|fail|exception|unable|could not|couldn't|cannot|can't)\b/i;

/**
 * A module-level function called only from the module's own `__main__` block (a smoke-test client
 * beside the model loader): the script part of the file, which a service importing the loader never runs.
 */
function onlyForMain(model: PythonModel, fn: Node): boolean {
  let top: Node = fn;
  for (let n = fn.parent; n; n = n.parent) if (n.type === 'function_definition') top = n;
  const definition = top.parent?.type === 'decorated_definition' ? top.parent : top;
  if (definition.parent?.type !== 'module') return false;
  const name = top.childForFieldName('name')?.text;
  if (!name) return false;
  const uses = model.calls.filter((c) => c.callee === name && (c.node.startIndex < top.startIndex || c.node.startIndex >= top.endIndex));
  if (uses.length === 0 || !uses.every((c) => model.inMainGuard(c.node))) return false;
  // Named anywhere else (a callback, a route registration, `__all__`): not only the script's.
  const mentions = model.uncommentedSource.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
  return mentions === uses.length + 1;
}

/** print() calls in functions that report a failure: under an `except` clause (first), or whose message says so. */
function errorPrintFacts(model: PythonModel): { errorPrints?: Range[] } {
  if (!/\bprint\s*\(/.test(model.source) || notService(model)) return {};
  // A CLI's or an exported notebook's prints are its output, even when a service imports a function of it.
  if (['argparse', 'click', 'typer', 'fire'].some((m) => model.importsModule(m)) || isNotebookExport(model.source) || /\bsys\.argv\b|^# %%/m.test(model.source)) return {};
  // Prints under an `except` first: they are the clearest report of a failure, where a rule reporting one print per module points.
  const found: Range[] = [];
  const messages: Range[] = [];
  const scriptOnly = new Map<number, boolean>();
  for (const call of model.calls) {
    if (call.callee !== 'print' || call.inFunction === undefined || model.inMainGuard(call.node)) continue;
    // Asked once per function, not per print: it scans the file's calls and text.
    let script = scriptOnly.get(call.inFunction.id);
    if (script === undefined) scriptOnly.set(call.inFunction.id, (script = onlyForMain(model, call.inFunction)));
    if (script) continue;
    const args = call.node.childForFieldName('arguments');
    if (args?.namedChildren.some((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'file')) continue;
    let inExcept = false;
    for (let n = call.node.parent; n && n.type !== 'function_definition'; n = n.parent) if (n.type === 'except_clause') inExcept = true;
    const first = args?.namedChildren[0];
    const message = first && (first.type === 'string' || first.type === 'concatenated_string') ? first.text : '';
    if (inExcept) found.push(nodeRange(call.node));
    else if (FAILURE_TEXT.test(message)) messages.push(nodeRange(call.node));
  }
  found.push(...messages);
  return found.length > 0 ? { errorPrints: found } : {};
}

const IMPORT = /^[ \t]*import[ \t]+([^\n#;]+)/gm;
const FROM_IMPORT = /^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*(?:\\\r?\n[^\n#;]*)*)/gm;

/** Import statements from the text: relative imports included, which the lint's alias map leaves out. */
export function readImports(source: string): ImportFact[] {
  const result: ImportFact[] = [];
  for (const match of source.matchAll(IMPORT)) {
    for (const part of match[1].split(',')) {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      if (!/^[\w.]+$/.test(name ?? '')) continue;
      const scope = importScope(source, match.index);
      result.push({ ...(alias ? { local: alias.trim(), module: name } : { local: name.split('.')[0], module: name.split('.')[0] }), ...(scope && { scope }) });
    }
  }
  for (const match of source.matchAll(FROM_IMPORT)) {
    const module = match[1];
    const names = match[2].replace(/[()\\]/g, ' ').replace(/#[^\n]*/g, '');
    // `from .trainer import *` (a package's __init__ re-exporting its modules) binds no one name,
    // but the module is still imported: the edge matters to everything that follows imports.
    if (names.trim() === '*') {
      const scope = importScope(source, match.index);
      result.push({ local: '*', module, ...(scope && { scope }) });
      continue;
    }
    for (const part of names.split(',')) {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      if (!name || !/^\w+$/.test(name)) continue;
      const scope = importScope(source, match.index);
      result.push({ local: (alias ?? name).trim(), module, name, ...(scope && { scope }) });
    }
  }
  return result;
}

/**
 * The function an indented import statement sits in (`def predict():\n    from app.predict import main`):
 * the nearest line above with less indentation, followed out through `try:`/`if` blocks to a `def`.
 * Module-level imports (and those under a module-level `try:`/`if`) have none.
 */
function importScope(source: string, index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const lineStart = source.lastIndexOf('\n', index) + 1;
  let indent = /^[ \t]*/.exec(source.slice(lineStart, lineStart + 200))![0].length;
  if (indent === 0) return undefined;
  for (let end = lineStart - 1; end > 0 && indent > 0;) {
    const start = source.lastIndexOf('\n', end - 1) + 1;
    const line = source.slice(start, end);
    end = start - 1;
    const own = /^[ \t]*/.exec(line)![0].length;
    if (own >= indent || /^\s*(#|$)/.test(line)) continue;
    const def = /^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)/.exec(line);
    if (def) return def[1];
    indent = own;
  }
  return undefined;
}

function objectFact(model: PythonModel, call: CallInfo, callee: string, mounts: MountFact[]): AppObjectFact {
  const kind = FACTORIES[callee];
  const parent = call.node.parent;
  const assigned = parent?.type === 'assignment' ? /^\s*([A-Za-z_]\w*)\s*(?::[^=\n]*)?=/.exec(model.source.slice(parent.startIndex, call.node.startIndex))?.[1] : undefined;
  const name = assigned ?? '';
  const args = argumentsOf(call.node);
  const prefix = PREFIX_KEYWORDS.map((k) => args.keywords.get(k)).find((n) => n !== undefined);
  const prefixText = prefix ? stringValue(prefix) : undefined;
  // `Api(app)` binds a flask-restx/restful API (and its resources) to an app or blueprint.
  if (/\.Api$/.test(callee) && args.positional[0] && name) {
    mounts.push({ owner: args.positional[0].text, kind: 'api', target: name, prefix: prefixText, range: nodeRange(call.node) });
  }
  const opaque = args.keywords.has('routes') || callee.startsWith('connexion.');
  return { name, factory: callee, ...kind, prefix: prefixText, range: nodeRange(parent?.type === 'assignment' ? parent : call.node), opaque: opaque || undefined };
}

function readDecorators(model: PythonModel, routes: RouteFact[], errorHandlers: ErrorHandlerFact[]): void {
  const source = model.source;
  for (const decorated of model.decorated) {
    if (!source.slice(decorated.startIndex, decorated.startIndex + 400).includes('(')) continue;
    const definition = decorated.childForFieldName('definition');
    if (!definition) continue;
    const text = source.slice(decorated.startIndex, definition.startIndex);
    DEFINITION_NAME.lastIndex = definition.startIndex;
    const handler = DEFINITION_NAME.exec(source)?.[1] ?? '?';
    const matches = [...text.matchAll(DECORATOR)];
    for (let i = 0; i < matches.length; i++) {
      const [whole, dotted, open] = matches[i];
      const dot = dotted.lastIndexOf('.');
      if (dot === -1 || !open) continue;
      const owner = dotted.slice(0, dot);
      const attribute = dotted.slice(dot + 1);
      const start = decorated.startIndex + (matches[i].index ?? 0);
      const argsText = text.slice((matches[i].index ?? 0) + whole.length, matches[i + 1]?.index ?? text.length);
      const range = model.rangeOf(start, start + whole.length + Math.min(argsText.indexOf(')') + 1 || argsText.length, 200));
      if (ERROR_ATTRIBUTES.has(attribute)) {
        errorHandlers.push({ owner, exception: /^\s*([\w.]+)/.exec(argsText)?.[1] ?? '?', range });
        continue;
      }
      if (!ROUTE_ATTRIBUTES.has(attribute)) continue;
      const path = /^\s*[rRuU]?(['"])((?:(?!\1)[^\\\n])*)\1/.exec(argsText)?.[2];
      if (path === undefined) continue;
      const methods = methodsOf(attribute, argsText, definition.type === 'class_definition' ? source.slice(definition.startIndex, definition.endIndex) : undefined);
      // `/`: the comments above it count too; another route: only its own docstring and comments.
      const documentedHealth = (
        path === '/' || path === ''
          ? HEALTH_WORDS.test(source.slice(Math.max(0, decorated.startIndex - 160), definition.startIndex + 400)) ||
            staticHealthReply(source.slice(definition.startIndex, definition.endIndex))
          : !/[{<]/.test(path) &&
            onlyGet(methods) &&
            (namedHealthRoute(handler, path) || NAMED_HEALTH_CHECK.test(source.slice(definition.startIndex, Math.min(definition.endIndex, definition.startIndex + 400))))
      )
        ? true
        : undefined;
      routes.push({ owner, path, methods, handler, range, documentedHealth });
    }
  }
}

/** HTTP methods of a route: from the decorator's name or `methods=[...]`, or a Resource class's method names. */
function methodsOf(attribute: string, argsText: string, classText: string | undefined): string[] | undefined {
  if (attribute !== 'route' && attribute !== 'api_route') return [attribute.toUpperCase()];
  const list = /\bmethods\s*=\s*[[({]([^\])}]*)[\])}]/.exec(argsText)?.[1];
  if (list !== undefined) return [...list.matchAll(/['"](\w+)['"]/g)].map((m) => m[1].toUpperCase());
  if (classText) {
    const defined = [...classText.matchAll(/\bdef[ \t]+(get|post|put|delete|patch|head)\b/g)].map((m) => m[1].toUpperCase());
    return defined.length ? defined : undefined;
  }
  return attribute === 'route' ? ['GET'] : undefined;
}

/** `app.route("/x")(view)` and other route methods called, not used as decorators. */
function routeCall(call: CallInfo, owner: string, attribute: string, routes: RouteFact[]): void {
  if (call.node.parent?.type !== 'call') return;
  const first = argumentsOf(call.node).positional[0];
  const path = first ? stringValue(first) : undefined;
  if (path !== undefined) routes.push({ owner, path, methods: attribute === 'route' ? ['GET'] : [attribute.toUpperCase()], handler: '?', range: nodeRange(call.node) });
}

function memberCall(model: PythonModel, call: CallInfo, owner: string, attribute: string, routes: RouteFact[], mounts: MountFact[], errorHandlers: ErrorHandlerFact[]): void {
  switch (attribute) {
    case 'add_url_rule':
    case 'add_api_route':
    case 'add_route': {
      const args = argumentsOf(call.node);
      const pathNode = args.positional[0] ?? args.keywords.get('rule') ?? args.keywords.get('path');
      const path = pathNode ? stringValue(pathNode) : undefined;
      if (path === undefined) return;
      const methods = args.keywords.get('methods');
      routes.push({
        owner,
        path,
        methods: methods ? [...methods.text.matchAll(/['"](\w+)['"]/g)].map((m) => m[1].toUpperCase()) : attribute === 'add_api_route' ? undefined : ['GET'],
        handler: args.positional[1]?.text ?? args.keywords.get('view_func')?.text ?? '?',
        range: nodeRange(call.node),
      });
      return;
    }
    case 'add_resource': {
      const args = argumentsOf(call.node);
      for (const node of args.positional.slice(1)) {
        const path = stringValue(node);
        if (path !== undefined) routes.push({ owner, path, handler: args.positional[0]?.text ?? '?', range: nodeRange(call.node) });
      }
      return;
    }
    case 'include_router':
    case 'register_blueprint':
    case 'add_namespace': {
      const args = argumentsOf(call.node);
      const target = args.positional[0];
      const prefix = args.keywords.get(attribute === 'include_router' ? 'prefix' : attribute === 'register_blueprint' ? 'url_prefix' : 'path');
      mounts.push({ owner, kind: attribute, ...targetOf(model, target), prefix: prefix ? stringValue(prefix) : undefined, range: nodeRange(call.node) });
      return;
    }
    case 'mount': {
      const args = argumentsOf(call.node);
      const pathNode = args.positional[0] ?? args.keywords.get('path');
      const prefix = pathNode ? stringValue(pathNode) : undefined;
      if (prefix === undefined) return;
      mounts.push({ owner, kind: 'mount', ...targetOf(model, args.positional[1] ?? args.keywords.get('app')), prefix, range: nodeRange(call.node) });
      return;
    }
    case 'init_app': {
      const first = argumentsOf(call.node).positional[0];
      if (first && /^[\w.]+$/.test(first.text)) mounts.push({ owner: first.text, kind: 'api', target: owner, range: nodeRange(call.node) });
      return;
    }
    case 'add_exception_handler':
    case 'register_error_handler': {
      // `@app.add_exception_handler(Exception)` used as a decorator passes no handler: nothing is registered.
      const args = argumentsOf(call.node);
      if (args.positional.length < 2 && !args.keywords.has('handler') && !args.keywords.has('f')) return;
      const first = args.positional[0];
      errorHandlers.push({ owner, exception: first?.text ?? '?', range: nodeRange(call.node) });
      return;
    }
  }
}

function targetOf(model: PythonModel, node: Node | undefined): Pick<MountFact, 'target' | 'callTarget'> {
  if (!node) return {};
  if (node.type === 'identifier' || node.type === 'attribute') return { target: node.text };
  if (node.type === 'call') return { callTarget: model.resolve(node.childForFieldName('function')) ?? node.childForFieldName('function')?.text ?? '?' };
  return {};
}

function djangoRoute(model: PythonModel, call: CallInfo, routes: RouteFact[], mounts: MountFact[]): void {
  const args = argumentsOf(call.node);
  const pathNode = args.positional[0] ?? args.keywords.get('route');
  const raw = pathNode ? stringValue(pathNode) : undefined;
  if (raw === undefined) return;
  const path = djangoPath(raw, call.callee !== 'django.urls.path');
  const view = args.positional[1] ?? args.keywords.get('view');
  if (view?.type === 'call' && /(^|\.)include$/.test(model.resolve(view.childForFieldName('function')) ?? '')) {
    const first = argumentsOf(view).positional[0];
    const module = first ? stringValue(first) : undefined;
    mounts.push({ owner: 'urlpatterns', kind: 'django-include', target: module, prefix: path, range: nodeRange(call.node) });
    return;
  }
  if (path !== undefined) routes.push({ owner: 'urlpatterns', path, handler: view?.text ?? '?', range: nodeRange(call.node) });
}

/** A Django route as a URL path: `health/` -> `/health/`; a regex keeps its literal head only when it is anchored and plain. */
function djangoPath(raw: string, isRegex: boolean): string | undefined {
  if (!isRegex) return `/${raw.replace(/<[^>]+>/g, '{param}')}`;
  const plain = /^\^?([\w\-/.]*)\$?$/.exec(raw);
  return plain ? `/${plain[1]}` : undefined;
}

function dispatcherMounts(model: PythonModel, call: CallInfo, mounts: MountFact[]): void {
  const args = argumentsOf(call.node);
  const owner = /^([A-Za-z_]\w*)\.wsgi_app$/.exec(args.positional[0]?.text ?? '')?.[1];
  const table = args.positional[1] ?? args.keywords.get('mounts');
  if (!owner || table?.type !== 'dictionary') return;
  for (const pair of table.namedChildren) {
    const key = pair?.childForFieldName('key');
    const prefix = key ? stringValue(key) : undefined;
    if (pair && prefix !== undefined) mounts.push({ owner, kind: 'dispatcher', ...targetOf(model, pair.childForFieldName('value') ?? undefined), prefix, range: nodeRange(pair) });
  }
}

/** The method a call makes on the result of another call (`launch` of `demo.queue().launch()`). */
function chainedMethod(call: CallInfo): string | undefined {
  const fn = call.node.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('object')?.type !== 'call') return undefined;
  return fn.childForFieldName('attribute')?.text;
}

function listenerOf(model: PythonModel, call: CallInfo, callee: string, raw: string | undefined): ListenerFact | undefined {
  let via: ListenerFact['via'];
  let defaultPort: number | undefined;
  let portIndex = -1;
  // Where the host goes by position, for the servers whose default host is 127.0.0.1.
  let hostIndex: number | undefined;
  if (isFlaskRun(model, callee, raw)) [via, defaultPort, portIndex, hostIndex] = ['flask-run', 5000, 1, 0];
  else if (/^flask_socketio\.SocketIO\.run$/.test(callee)) [via, defaultPort, portIndex, hostIndex] = ['flask-run', 5000, 2, 1];
  else if (/\.run_server$/.test(raw ?? '') && model.importsModule('dash')) [via, defaultPort, hostIndex] = ['dash-run', 8050, -1];
  // Gradio's `demo.launch()`: 127.0.0.1:7860 unless `server_name`/`server_port` (or GRADIO_SERVER_NAME) say otherwise.
  // `demo.queue().launch()` too: the launch is called on what `queue()` returns.
  else if ((/\.launch$/.test(raw ?? '') || chainedMethod(call) === 'launch') && model.importsModule('gradio')) [via, defaultPort, hostIndex] = ['gradio', 7860, -1];
  else if (callee === 'uvicorn.run') [via, defaultPort, portIndex, hostIndex] = ['uvicorn-run', 8000, 2, 1];
  else if (callee === 'waitress.serve') [via, defaultPort] = ['waitress', 8080];
  else if (callee === 'aiohttp.web.run_app') [via, defaultPort] = ['aiohttp', 8080];
  else if (/\.add_(insecure|secure)_port$/.test(raw ?? callee)) via = 'grpc';
  else if (/^prometheus_client(\.exposition)?\.start_http_server$/.test(callee)) [via, portIndex] = ['metrics-server', 0];
  else return undefined;
  const args = argumentsOf(call.node);
  let port: PortValue | undefined;
  if (via === 'grpc') {
    const address = args.positional[0] ? stringValue(args.positional[0]) : undefined;
    const number = address ? /:(\d+)$/.exec(address)?.[1] : undefined;
    port = number ? { value: Number(number) } : undefined;
  } else {
    const node = args.keywords.get(via === 'gradio' ? 'server_port' : 'port') ?? (portIndex >= 0 ? args.positional[portIndex] : undefined);
    port = node ? portValue(model.source, node.text) : undefined;
    const listen = args.keywords.get('listen');
    if (!port && listen) port = portValue(model.source, /:(\d+)['"]?$/.exec(listen.text)?.[1] ?? '');
    // A port that is passed but cannot be read is unknown, not the server's default: claiming
    // the default made every compose port and probe that used the real port look mismatched.
    if (!port && (node ?? listen)) defaultPort = undefined;
  }
  const host = hostIndex === undefined ? undefined : (args.keywords.get(via === 'gradio' ? 'server_name' : 'host') ?? (hostIndex >= 0 ? args.positional[hostIndex] : undefined));
  // `**kwargs` may carry the host; a host that is not a literal (a variable, a setting) is not judged.
  const loopback =
    hostIndex !== undefined &&
    !/\*\*|\*[A-Za-z_]/.test(call.node.childForFieldName('arguments')?.text ?? '') &&
    (host === undefined || /^['"](127\.0\.0\.1|localhost)['"]$/.test(host.text));
  const flag = args.keywords.get(via === 'uvicorn-run' ? 'reload' : 'debug');
  const inMainGuard = model.inMainGuard(call.node);
  return {
    via,
    port,
    defaultPort,
    range: nodeRange(call.node),
    devServer: via === 'flask-run' || via === 'dash-run',
    runsAsScript: inMainGuard || !call.inFunction || calledFromMain(model, call.inFunction),
    inMainGuard,
    ...(loopback && { loopback: true as const }),
    debugRange: flag?.text === 'True' && flag.parent ? nodeRange(flag.parent) : undefined,
  };
}

function isFlaskRun(model: PythonModel, callee: string, raw: string | undefined): boolean {
  if (/^(flask\.Flask|quart\.Quart|connexion\.(App|FlaskApp))\.run$/.test(callee)) return true;
  const base = /^([A-Za-z_]\w*)\.run$/.exec(raw ?? '')?.[1];
  if (!base || model.imports.has(base)) return false;
  const bound = model.boundCalls.get(base);
  return bound !== undefined ? /^(flask\.Flask|quart\.Quart)$|create_app$|make_app$/.test(bound) : model.framework === 'flask' && /^(app|application|server|flask_app)$/.test(base);
}

function calledFromMain(model: PythonModel, fn: Node): boolean {
  const guard = model.mainGuard;
  if (!guard) return false;
  DEFINITION_NAME.lastIndex = fn.startIndex;
  const name = DEFINITION_NAME.exec(model.source)?.[1];
  return name !== undefined && new RegExp(`\\b${name}\\s*\\(`).test(model.source.slice(guard.startIndex, guard.endIndex));
}

/**
 * A port expression as text: `8000`, `"8000"`, `int(os.environ.get("PORT", 5000))`,
 * `os.getenv("PORT")`, or a module-level name assigned one of those.
 */
export function portValue(source: string, text: string, depth = 0): PortValue | undefined {
  const trimmed = text.trim();
  const number = /^['"]?(\d{1,5})['"]?$/.exec(trimmed)?.[1];
  if (number) return { value: Number(number) };
  const inner = /^int\(([\s\S]*)\)$/.exec(trimmed)?.[1];
  if (inner !== undefined) return portValue(source, inner, depth);
  const env = /(?:environ\.get|getenv)\(\s*['"](\w+)['"]\s*(?:,\s*['"]?(\d{1,5})['"]?\s*)?\)|environ\[\s*['"](\w+)['"]\s*\]/.exec(trimmed);
  if (env) return { env: env[1] ?? env[3], value: env[2] ? Number(env[2]) : undefined };
  if (depth === 0 && /^[A-Za-z_]\w*$/.test(trimmed)) {
    // Indented too: the port is often read inside `if __name__ == "__main__":`.
    const assigned = new RegExp(`^[ \\t]*${trimmed}[ \\t]*(?::[^=\\n]*)?=[ \\t]*([^\\n#]+)`, 'm').exec(source)?.[1];
    if (assigned) return portValue(source, assigned, 1);
  }
  return undefined;
}

function precededByAt(source: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && (source[i] === ' ' || source[i] === '\t')) i--;
  return source[i] === '@';
}

interface Arguments {
  readonly positional: Node[];
  readonly keywords: Map<string, Node>;
}

function argumentsOf(call: Node): Arguments {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  const list = call.type === 'call' ? call.childForFieldName('arguments') : undefined;
  for (const argument of list?.namedChildren ?? []) {
    if (!argument || argument.type === 'comment') continue;
    if (argument.type === 'keyword_argument') {
      const name = argument.childForFieldName('name')?.text;
      const value = argument.childForFieldName('value');
      if (name && value) keywords.set(name, value);
    } else if (argument.type !== 'list_splat' && argument.type !== 'dictionary_splat') positional.push(argument);
  }
  return { positional, keywords };
}

/** The functions this module hands to a job queue, when it hands any (older cached facts have none). */
function queueJobsOf(model: PythonModel, names: FileNames): { queueJobs?: readonly LoopCallFact[] } {
  const queueJobs = queueJobFacts(model, names);
  return queueJobs ? { queueJobs } : {};
}

/** The health routes that check nothing, where the project pass may learn that the app's model can be missing. */
function constantHealthOf(model: PythonModel, test: boolean): Pick<PythonFacts, 'constantHealth'> {
  if (test) return {};
  const routes = constantHealthRoutes(model);
  return routes.length > 0 ? { constantHealth: routes } : {};
}
