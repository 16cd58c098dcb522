import type { DeclaredMetric, ImportedMetricUse } from '../python/prometheus';
import type { ArgumentCall, Signature } from '../python/call-signatures';
import type { MlflowNames } from '../python/mlflow-names';
import type { BoundNames, FromImport, PlainImport } from '../python/bound-names';
import type { DataRead, ParamRead } from '../python/data-reads';
import type { TupleReturn, UnpackedCall } from '../python/tuple-returns';
import type { DvcStageFact, ParamValueFact } from './dvc-facts';
import type { SuppressionList } from '../suppress';
import type { Range } from '../types';
import type { RateWindow, ScrapeInterval } from '../yaml/rate-windows';

/**
 * Per-file facts for the project model: plain, serialisable data extracted from one file in one
 * pass (for Python and YAML from the same parse the lint uses), so the engine can cache them
 * with the file's content. Nothing here points at a tree; every position is a `Range`.
 *
 * The project index (index.ts) joins the facts of all files; the project rules read the joined
 * view, never the files.
 */
export type FileFacts = PythonFacts | YamlFacts | DockerfileFacts | RequirementsFacts | ScriptFacts | EnvFacts | KeyFileFacts | PlatformFacts;
export type FactsKind = FileFacts['kind'];

/** A number written in the file, or the environment variable it is read from (with its default). */
export interface PortValue {
  readonly value?: number;
  readonly env?: string;
}

/** `# ai-teacher: ignore[...]` comments as data: rule ids per line ('*' for all) and for the file. */
export type SuppressionData = SuppressionList;

export interface ImportFact {
  /** The name bound in this module; `*` for `from m import *`, which binds no single name. */
  readonly local: string;
  /** The module written in the statement, relative ones with their leading dots (`.routers`). */
  readonly module: string;
  /** For `from m import name`: the imported name (an attribute or a submodule of `m`). */
  readonly name?: string;
  /** An import inside a function (`def predict(): from app.predict import main`): that function's name. */
  readonly scope?: string;
}

export type AppRole = 'app' | 'router';

/** An object routes hang on: `app = Flask(__name__)`, `router = APIRouter(prefix="/v1")`, `bp = Blueprint(...)`. */
export interface AppObjectFact {
  readonly name: string;
  /** The resolved factory, e.g. `flask.Flask`, `fastapi.APIRouter`. */
  readonly factory: string;
  readonly role: AppRole;
  readonly framework: 'flask' | 'fastapi' | 'starlette' | 'quart' | 'restx';
  /** `APIRouter(prefix=)`, `Blueprint(url_prefix=)`, `Namespace(path=)`, `Api(prefix=)`. */
  readonly prefix?: string;
  /** The creation (the assignment when there is one): where "this app has no health route" is reported. */
  readonly range: Range;
  /** Routes are declared where the model cannot follow them (`routes=[...]`, an OpenAPI spec). */
  readonly opaque?: boolean;
}

export interface RouteFact {
  /** The object the route is declared on (`app`, `router`, `bp`), as written; 'urlpatterns' for Django. */
  readonly owner: string;
  readonly path: string;
  readonly methods?: readonly string[];
  readonly handler: string;
  readonly range: Range;
  /** A `GET /` whose handler says, in its docstring or a comment, that it is the health check. */
  readonly documentedHealth?: boolean;
}

export interface MountFact {
  /** The receiver: `app` in `app.include_router(...)`; 'urlpatterns' for Django's include(). */
  readonly owner: string;
  readonly kind: 'include_router' | 'register_blueprint' | 'mount' | 'add_namespace' | 'api' | 'django-include' | 'dispatcher';
  /** The mounted object as written (`v1.router`, `users_bp`), or a module for Django (`api.urls`). */
  readonly target?: string;
  /** The mounted object is a call (`make_asgi_app()`, `StaticFiles(...)`): an opaque sub-application. */
  readonly callTarget?: string;
  readonly prefix?: string;
  readonly range: Range;
}

export interface ErrorHandlerFact {
  readonly owner: string;
  readonly exception: string;
  readonly range: Range;
}

/** Something that listens on a port: `app.run()`, `uvicorn.run()`, `serve()`, a gRPC port, a metrics server. */
export interface ListenerFact {
  readonly via: 'flask-run' | 'uvicorn-run' | 'waitress' | 'aiohttp' | 'grpc' | 'metrics-server' | 'dash-run' | 'gradio';
  readonly port?: PortValue;
  /** The port the server uses when none is given. */
  readonly defaultPort?: number;
  readonly range: Range;
  /** Flask's (or Dash's) built-in development server. */
  readonly devServer: boolean;
  /** Runs when the file is executed as a script: at module level or under `if __name__ == "__main__"`. */
  readonly runsAsScript: boolean;
  readonly inMainGuard: boolean;
  /** Listens on 127.0.0.1 only: no host argument (Flask's, Dash's and uvicorn's default) or a loopback address written. */
  readonly loopback?: true;
  /** The `debug=True` / `reload=True` argument, where debug-mode-enabled reports. */
  readonly debugRange?: Range;
}

export interface PythonFacts {
  /** Lines that open a merge conflict left in the file (`<<<<<<<` ... `=======` ... `>>>>>>>`), see text-facts.ts; optional: older cached facts have none. */
  readonly conflictMarkers?: readonly number[];
  readonly kind: 'python';
  readonly imports: readonly ImportFact[];
  readonly objects: readonly AppObjectFact[];
  readonly routes: readonly RouteFact[];
  readonly mounts: readonly MountFact[];
  readonly errorHandlers: readonly ErrorHandlerFact[];
  readonly listeners: readonly ListenerFact[];
  /** Imports a metrics library or sets up instrumentation (a chained `Instrumentator().instrument(app).expose(app)` included). */
  readonly metrics: boolean;
  /** Imports a health-check library (py-healthcheck, fastapi-health ...). */
  readonly healthLibrary: boolean;
  /** gRPC: servicer classes, and whether the standard health service is registered here. */
  readonly grpcServicers: readonly { readonly name: string; readonly range: Range }[];
  readonly grpcHealth: boolean;
  /** Sets up app-wide authentication (an auth middleware, a `before_request` check, router dependencies); optional: older cached facts have none. */
  readonly appAuth?: boolean;
  /** Django: `ROOT_URLCONF = "project.urls"` in a settings module. */
  readonly rootUrlconf?: string;
  readonly hasMainGuard: boolean;
  /** Lines where a training script writes a model over a fixed path with no record beside it (optional: older cached facts have none). */
  readonly modelWrites?: readonly number[];
  /** Running the file trains a model and then ends (a training script, not a library module or a service); absent otherwise and in older cached facts. */
  readonly trains?: true;
  /** Hub model loads whose model is a name imported from another module, with no revision (python/hub-loads.ts; optional, as above). */
  readonly hubNameLoads?: readonly { readonly line: number; readonly name: string }[];
  /** The first model class built with no model name (0-based) and the packages defining the file's such classes (python/library-defaults.ts; optional, as above). */
  readonly libraryDefaults?: { readonly line: number; readonly packages: readonly string[] };
  /** The module's logging goes only to a file: the 0-based line and the file as written (python/log-files.ts; optional, as above). */
  readonly fileOnlyLog?: { readonly line: number; readonly file: string };
  /** Module-level constants holding a Hub model id (optional, as above). */
  readonly hubConstants?: readonly { readonly name: string; readonly line: number; readonly value: string }[];
  /** A service's model loads from a fixed local file: the line and the file's name (optional, as above). */
  readonly modelLoads?: readonly { readonly line: number; readonly name: string }[];
  /**
   * Health routes of a module that loads no model itself and that check nothing and always answer
   * 200 (python/health-routes.ts), for the project pass to judge against how the app gets its
   * model. Optional, as above.
   */
  readonly constantHealth?: readonly { readonly handler: string; readonly route: string; readonly range: Range; readonly answer?: Range }[];
  readonly suppressions: SuppressionData;
  /** What module-level functions and classes do on every call (python/effects.ts), for the handler rules that follow calls across modules. */
  readonly functions?: readonly FunctionFact[];
  /**
   * An entry point that serves: request handlers, gRPC servicers, queue tasks or a long-running
   * worker loop (not a test or a training script). Optional: older cached facts have none.
   */
  readonly serves?: true;
  /** Where Celery task outcomes go, by this module (python/workers.ts celeryResultsOf): a result backend set up, results read back, an app made without a backend. Optional, as above. */
  readonly celeryResults?: 'backend' | 'read' | 'none';
  /** 0-based first and last lines of the file's Celery tasks, for the rules that learn from another module that their outcomes are kept. Optional, as above. */
  readonly celeryTasks?: readonly (readonly [number, number])[];
  /** Sets time limits for every task of a Celery app (python/workers.ts CELERY_APP_TIME_LIMIT), usually in the module that makes the app or its settings. Optional, as above. */
  readonly celeryTimeLimit?: true;
  /** 0-based first and last lines of the long-running worker loops (a consumer, a `while True:` poll), for loopCalls' `loopLine`. */
  readonly workerLoopLines?: readonly (readonly [number, number])[];
  /** The module logs (python/logs.ts): a logging library or project logger imported, a logger called, or print() in a function. */
  readonly logs?: true;
  /** Django: the name of the file's first view function or class, where a lesson about the views of the whole project is reported (optional, as above). */
  readonly djangoView?: Range;
  /** print() calls in functions (not under `__main__`) that report a failure: those under an `except` first, then those with an error message. */
  readonly errorPrints?: readonly Range[];
  /** Library APIs that current releases removed (python/removed-apis.ts): the entry's id, where, and the name as written. Optional: older cached facts have none. */
  readonly removedApis?: readonly { readonly id: string; readonly range: Range; readonly written: string }[];
  /** Calls request handlers make to project functions (python/effects.ts). */
  readonly handlerCalls?: readonly HandlerCallFact[];
  /** Module-level instances of project classes (`prediction_service = PredictionService()`): name and class as written, for calls through an imported instance. */
  readonly instances?: readonly { readonly name: string; readonly cls: string }[];
  /** prometheus_client metrics declared at the top level (python/prometheus.ts), for the modules that import and record them. Optional, as above. */
  readonly promMetrics?: readonly DeclaredMetric[];
  /** Calls on names imported with `from m import NAME` that record a metric if NAME is one there (python/prometheus.ts). Optional, as above. */
  readonly promUses?: readonly ImportedMetricUse[];
  /** Downloads at the top level of a training module or script (python/downloads.ts), for a service that imports it. Optional, as above. */
  readonly importDownloads?: readonly { readonly range: Range; readonly what: string }[];
  /** The first training run at the top level of a module that does not serve (python/training.ts importTimeTraining), for a service that imports it. Optional, as above. */
  readonly importTraining?: { readonly range: Range; readonly what: string; readonly hook?: string };
  /** A service's top-level calls whose names say they train and that another module defines (`trainer.train()`), for the project pass to follow. Optional, as above. */
  readonly importTrainerCalls?: readonly { readonly name: string; readonly range: Range; readonly hook?: string }[];
  /** Calls to project functions made once per item of a processing loop, outside handlers (python/effects.ts). */
  readonly loopCalls?: readonly LoopCallFact[];
  /** Functions handed to a job queue by reference (`queue.enqueue(predict_task, ...)`, RQ), each run once per job by a worker (python/effects.ts queueJobFacts); `loopLine` is the enqueue's line. Optional, as above. */
  readonly queueJobs?: readonly LoopCallFact[];
  /** Module-level functions that always return an N-tuple (python/tuple-returns.ts). Optional, as above. */
  readonly tupleReturns?: readonly TupleReturn[];
  /** Calls unpacked into a fixed number of names (`a, b, c = f()`), for the arity of the function they call. Optional, as above. */
  readonly unpackedCalls?: readonly UnpackedCall[];
  /** Every name the module binds anywhere, for `from module import name` elsewhere (python/bound-names.ts). Optional, as above. */
  readonly boundNames?: BoundNames;
  /** Module-level `from module import name` statements, one per name. Optional, as above. */
  readonly fromImports?: readonly FromImport[];
  /** Module-level `import module` statements (at the start of a line), one per module. Optional, as above. */
  readonly plainImports?: readonly PlainImport[];
  /** Registered model and experiment names written and read through MLflow (python/mlflow-names.ts). Optional, as above. */
  readonly mlflowNames?: MlflowNames;
  /** Module-level functions and plain classes whose parameters are certain (python/call-signatures.ts). Optional, as above. */
  readonly signatures?: readonly Signature[];
  /** Calls by a plain or dotted name to something this module defines or imports, with what they pass. Optional, as above. */
  readonly argumentCalls?: readonly ArgumentCall[];
  /** Data files read by a fixed relative path, and keys read from a YAML parameters file (python/data-reads.ts), for the DVC stage that runs the script. Optional, as above. */
  readonly dataReads?: readonly DataRead[];
  /** Data and model files written by a fixed relative path (python/data-reads.ts). Optional, as above. */
  readonly dataWrites?: readonly DataRead[];
  readonly paramReads?: readonly ParamRead[];
  /** The parameters are also read in a way that may touch any key (`**params`, a loop): which keys matter is not known. */
  readonly paramsOpaque?: true;
  /** Seeds a global generator (python/seeding.ts). Optional, as above. */
  readonly seeds?: true;
  /** Trains only inside functions or classes that nothing in the file runs (`trainsOnlyWhenCalled`). Optional, as above. */
  readonly trainingLibrary?: true;
  /** Modules loaded by their name as text (`importlib.import_module("trainer")`). Optional, as above. */
  readonly dynamicImports?: readonly string[];
  /** The file changes `sys.path` (or adds a site dir): its imports resolve from folders no start command shows. */
  readonly editsPath?: true;
  /** 0-based lines of torch `random_split` calls given no generator, inside functions. Optional, as above. */
  readonly randomSplits?: readonly number[];
}

/** A call to a project function inside a loop over messages or rows (0-based line of the loop). */
export interface LoopCallFact {
  readonly name: string;
  readonly range: Range;
  readonly loopLine: number;
}

/** A named effect of a function, with the call that has it. */
export interface EffectFact {
  readonly what: string;
  readonly range: Range;
  /**
   * For unguarded work: the call sits in a `try` whose every except clause raises again
   * (`except Exception as e: raise CustomException(e, sys)`), named by the exception raised: the
   * caller still receives the failure. Absent when no try is around the call.
   */
  readonly reraised?: string;
}

/** A module-level function (or a class, by what its `__init__` does), summarised for callers in other modules. */
export interface FunctionFact {
  readonly name: string;
  readonly isAsync: boolean;
  /** Loads a model, an index or a preprocessor on every call (not cached). */
  readonly loads?: EffectFact;
  /** Loads a model but once per process (`@lru_cache`, `if name not in _MODELS:`): a cached loader. */
  readonly loadsOnce?: true;
  /** Builds a client that owns connections (database, cache, LLM provider) on every call. */
  readonly client?: EffectFact;
  /** Runs a model or does network/database I/O outside any `try` of its own. */
  readonly work?: EffectFact;
  /** Blocks the thread (inference, network, disk, sleep) with a call that is not awaited. */
  readonly blocking?: EffectFact;
  /** Writes with print() to standard output (not to an explicit file). */
  readonly prints?: EffectFact;
  /** Trains a model (`.fit(X, y)`, a trainer's `.train()`), synchronously. */
  readonly trains?: EffectFact;
  /** Writes to a fixed file path and reads it back (python/scratch-files.ts). */
  readonly scratch?: EffectFact;
  /** Calls a language model (a hosted API, a chain or agent run; python/llm-calls.ts). */
  readonly llm?: EffectFact;
  /** Writes documents into a vector store, or drops them (python/vector-stores.ts). */
  readonly stores?: EffectFact;
  /**
   * Calls to other functions, as written; whether a `try` of this function guards them, and
   * whether they run once per process (under `@lru_cache`, `if MODEL is None:`).
   */
  readonly calls: readonly { readonly name: string; readonly guarded: boolean; readonly once?: true; readonly range?: Range }[];
}

/**
 * Does a search that reaches this function learn anything from it? A function with no effect and
 * no call to follow ends every search as one never recorded would, so neither the extraction nor
 * the project pass keeps it (one test, so a new effect cannot be kept by one and dropped by the other).
 */
export function leadsAnywhere(fn: FunctionFact): boolean {
  return !!(fn.loads || fn.loadsOnce || fn.client || fn.work || fn.blocking || fn.prints || fn.scratch || fn.trains || fn.llm || fn.stores) || fn.calls.length > 0;
}

export interface HandlerCallFact {
  readonly handler: string;
  readonly route?: string;
  readonly isAsync: boolean;
  /** The callee as written (`query_rag`, `rag.query_rag`), or the dependency of `Depends(load_model)`; a call through an instance names its class (`PredictionService.predict`). */
  readonly name: string;
  /** The callee as written when `name` names it through an instance's class (`service.predict`). */
  readonly written?: string;
  readonly range: Range;
  readonly awaited: boolean;
  /** A `try` in the handler guards the call. */
  readonly guarded: boolean;
  readonly via: 'call' | 'depends';
  /** The callee's name is bound by an import inside the caller itself: resolve it there (see ImportFact.scope). */
  readonly scope?: string;
  /** The handler already makes an unguarded risky call of its own (the per-file rule reports it). */
  readonly handlerRisky: boolean;
  /** A raw request read (or a name holding one) passed to the call, in a handler that bounds no input length. */
  readonly prompt?: string;
  /** Where the handler reads that value from the request (the line a bound belongs after). */
  readonly promptAt?: Range;
  /** The caller is a queue task (Celery, RQ, Dramatiq), not an HTTP handler: rules about requests skip it. */
  readonly task?: true;
  /** A websocket handler makes the call before its message loop: once per connection, not per message. */
  readonly perConnection?: true;
  /** The caller is a web route that writes with no sign of authentication (python/vector-stores.ts openWriteRoute): the handler's name. */
  readonly openWrite?: Range;
}

export interface ProbeFact {
  readonly type: 'readiness' | 'liveness' | 'startup';
  readonly handler: 'httpGet' | 'tcpSocket' | 'grpc' | 'exec' | 'none';
  readonly path?: string;
  readonly port?: number | string;
  /** The probe's key (`readinessProbe:`). */
  readonly range: Range;
  readonly pathRange?: Range;
  readonly portRange?: Range;
}

export interface ContainerPortFact {
  readonly port?: number;
  readonly name?: string;
  readonly range: Range;
}

export interface ContainerFact {
  readonly name: string;
  readonly nameRange: Range;
  readonly image?: string;
  /** The line of `image:`; absent in facts cached before it was read. */
  readonly imageLine?: number;
  /** The image as a Helm template writes it when only `helm template` knows it (`⟨.Values.image.repository⟩:⟨.Values.image.tag⟩`). */
  readonly imageTemplate?: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly commandRange?: Range;
  readonly ports: readonly ContainerPortFact[];
  readonly env: Readonly<Record<string, string>>;
  readonly probes: readonly ProbeFact[];
  readonly init: boolean;
  /**
   * Which resources the container requests (a limit alone also sets the request); absent when
   * a template decides (`toYaml .Values.resources`) or for facts cached before this was read.
   */
  readonly requests?: { readonly cpu: boolean; readonly memory: boolean };
}

export interface WorkloadFact {
  readonly kind: string;
  readonly name: string;
  readonly range: Range;
  readonly labels: Readonly<Record<string, string>>;
  /** The pod labels with Helm placeholders kept (`app: ⟨.Release.Name⟩`); only when one is templated. */
  readonly templateLabels?: Readonly<Record<string, string>>;
  readonly containers: readonly ContainerFact[];
  /** `spec.replicas` when written as a number; absent when unset or templated. */
  readonly replicas?: number;
  /** The line of `metadata.name` and the range of `spec.replicas`, where per-file rules report on the workload. */
  readonly nameLine?: number;
  readonly replicasRange?: Range;
  /** `metadata.name` as written, a Helm placeholder included (`⟨include "chart.fullname" .⟩`), to pair it with a templated autoscaler target. */
  readonly nameText?: string;
  /** `spec.replicas` sits inside a Helm `if` about autoscaling (`{{- if not .Values.autoscaling.enabled }}`). */
  readonly replicasGuarded?: boolean;
  /** `spec.replicas` is one Helm value and nothing else (`{{ .Values.replicaCount }}`): its `.Values` path (`replicaCount`). */
  readonly replicasFromValues?: string;
  /** `spec.strategy.type` (Deployment) or `spec.updateStrategy.type` (StatefulSet) when written. */
  readonly strategy?: string;
  /** The PersistentVolumeClaims the pod mounts (`volumes[].persistentVolumeClaim.claimName`). */
  readonly claims?: readonly { readonly name: string; readonly range: Range }[];
}

/** A HorizontalPodAutoscaler or KEDA ScaledObject and the workload it scales. */
export interface AutoscalerFact {
  readonly name: string;
  readonly targetKind?: string;
  readonly targetName?: string;
  readonly minReplicas?: number;
  readonly range: Range;
  /** The line of `spec.minReplicas` (where single-replica-deployment reports on the autoscaler). */
  readonly minLine?: number;
  /** `spec.scaleTargetRef.name`'s range. */
  readonly targetRange?: Range;
  /** `spec.scaleTargetRef.name` as written, a Helm placeholder included. */
  readonly targetText?: string;
  /** Resource metrics with a utilisation target (`cpu`, `memory`), from autoscaling/v2 or v1's targetCPUUtilizationPercentage. */
  readonly utilization?: readonly { readonly resource: string; readonly range: Range }[];
}

/** A PersistentVolumeClaim and how it may be attached. */
export interface VolumeClaimFact {
  readonly name: string;
  readonly accessModes: readonly string[];
  readonly range: Range;
  /** The range of the `accessModes` key, where a finding about them is reported. */
  readonly modesRange?: Range;
}

/** A PodDisruptionBudget: the pods it selects and how many must stay up. */
export interface DisruptionBudgetFact {
  readonly name: string;
  /** `spec.selector.matchLabels`; empty when templated or absent. */
  readonly selector: Readonly<Record<string, string>>;
  readonly minAvailable?: string;
  readonly maxUnavailable?: string;
  readonly range: Range;
}

export interface ServicePortFact {
  readonly port?: number;
  /** The port's name (`http`), which a ServiceMonitor endpoint may name. */
  readonly name?: string;
  /** A number or a container port's name; absent means "same as port". */
  readonly targetPort?: number | string;
  readonly range: Range;
}

export interface ServiceFact {
  readonly name: string;
  readonly range: Range;
  readonly selector: Readonly<Record<string, string>>;
  /** The selector with Helm placeholders kept (`app: ⟨.Release.Name⟩`); only when one is templated. */
  readonly templateSelector?: Readonly<Record<string, string>>;
  /**
   * The Service's own `metadata.labels` (what a ServiceMonitor selects): `{}` when it writes none;
   * absent when a template fills them (or a value only the template knows).
   */
  readonly labels?: Readonly<Record<string, string>>;
  readonly ports: readonly ServicePortFact[];
  /** `spec.type` as written (`NodePort`, `LoadBalancer`); absent for the default ClusterIP or a templated type. */
  readonly type?: string;
  readonly typeRange?: Range;
  readonly namespace?: string;
}

/** An Ingress: the Services its rules and default backend route to, and the controller class it names. */
export interface IngressFact {
  readonly name: string;
  readonly namespace?: string;
  /** `spec.ingressClassName`, else the `kubernetes.io/ingress.class` annotation; absent when neither is written. */
  readonly controller?: string;
  readonly backends: readonly string[];
  readonly range: Range;
}

export interface ComposePortFact {
  readonly published?: number;
  readonly target?: number;
  readonly range: Range;
}

export interface ComposeServiceFact {
  readonly name: string;
  readonly nameRange: Range;
  readonly image?: string;
  /** `args` are the build arguments written as plain values (absent in facts cached before they were read). */
  readonly build?: { readonly context: string; readonly dockerfile?: string; readonly args?: Readonly<Record<string, string>> };
  /** Where the build is written: the `dockerfile:` value, else the `context:` value or the `build:` scalar (optional: older cached facts have none). */
  readonly buildRange?: Range;
  /** `command:` (or `entrypoint:` + `command:`) as words. */
  readonly command?: readonly string[];
  readonly commandRange?: Range;
  readonly ports: readonly ComposePortFact[];
  readonly environment: Readonly<Record<string, string>>;
  /** The healthcheck's test as one command line (CMD / CMD-SHELL forms joined). */
  readonly healthcheck?: { readonly command: string; readonly range: Range; readonly urlRange?: Range };
  /** Bind-mounted host paths written relative to the compose file (`./prometheus.yml`); absent in facts cached before they were read. */
  readonly mounts?: readonly { readonly source: string; readonly target?: string; readonly range: Range }[];
  /** Every host path a volume bind-mounts, as written (`.`, `${PWD}/src`, `/data`; `$` when unknown): the container may see host files its image lacks. */
  readonly hostMounts?: readonly string[];
  /** Where every volume lands in the container, named volumes included (`$` when unknown); absent in facts cached before they were read. */
  readonly volumeTargets?: readonly string[];
  /** Other names the service answers to on the compose network: container_name, hostname, network aliases, links aliases, extra_hosts. */
  readonly aliases?: readonly string[];
}

/** A Prometheus `static_configs` target (`api:8000`): its host as written. */
export interface ScrapeTargetFact {
  readonly host: string;
  readonly job?: string;
  readonly range: Range;
}

/** A `run:` script of a workflow step, kept with its raw text so a command inside can be located. */
export interface RunScriptFact {
  readonly raw: string;
  readonly value: string;
  readonly range: Range;
}

export interface MonitorFact {
  readonly kind: 'ServiceMonitor' | 'PodMonitor';
  readonly name: string;
  /** `spec.selector.matchLabels`; absent when the selector uses matchExpressions or a template decides. */
  readonly selector?: Readonly<Record<string, string>>;
  /** The range of the selector's first label, where a finding points. */
  readonly selectorRange: Range;
  /** The port names its endpoints scrape (`endpoints[].port` / `podMetricsEndpoints[].port`). */
  readonly ports: readonly string[];
  /** Where each of `ports` is written, in the same order; optional: older cached facts have none. */
  readonly portRanges?: readonly Range[];
}

export interface YamlFacts {
  /** Lines that open a merge conflict left in the file (`<<<<<<<` ... `=======` ... `>>>>>>>`), see text-facts.ts; optional: older cached facts have none. */
  readonly conflictMarkers?: readonly number[];
  readonly kind: 'yaml';
  readonly workloads: readonly WorkloadFact[];
  readonly services: readonly ServiceFact[];
  readonly compose: readonly ComposeServiceFact[];
  readonly workflowRuns: readonly RunScriptFact[];
  /** Optional: facts cached before these were read have none. */
  readonly autoscalers?: readonly AutoscalerFact[];
  readonly budgets?: readonly DisruptionBudgetFact[];
  readonly volumeClaims?: readonly VolumeClaimFact[];
  /**
   * The files a Kustomization in this file merges into its resources (`patches[].path`,
   * `patchesStrategicMerge`), as written (relative to this file's folder). A patch holds only the
   * fields it changes, so a workload in it is not a whole workload.
   */
  readonly kustomizePatches?: readonly string[];
  /**
   * Present when the file holds a Kustomization: the images its `images:` list retags (`name`
   * with `newTag`, `newName` or `digest`), as written. Empty when it retags none.
   */
  readonly kustomizeImages?: readonly string[];
  /** The file holds a Kustomization that adds labels to every resource (`commonLabels`, `labels`). */
  readonly kustomizeLabels?: boolean;
  /** Prometheus Operator ServiceMonitors and PodMonitors: what they select and which ports they scrape. */
  readonly monitors?: readonly MonitorFact[];
  /**
   * The image references a workflow or Cloud Build config pushes (`*` for a push whose target only
   * the run knows), with the variables of its `env:` substituted; absent when it pushes none.
   */
  readonly pushedImages?: readonly string[];
  /**
   * Images a pipeline that also applies manifests to a cluster builds on its runner (`docker build
   * -t`), `*` when it loads its builds into a cluster on the runner (kind load, minikube, k3d).
   */
  readonly builtImages?: readonly string[];
  /** A step of this pipeline sets a manifest's image itself (`kubectl set image`, `sed`, `yq`, `envsubst`, `helm --set image`). */
  readonly rewritesImage?: boolean;
  /** A Helm values file's `image.repository` values and where they are written. */
  readonly valuesImages?: readonly { readonly reference: string; readonly range: Range }[];
  /** A Helm values file's text values under a key named like an image (`image.repository`, `image.modelServer`), by dotted key. */
  readonly imageValues?: Readonly<Record<string, string>>;
  readonly ingresses?: readonly IngressFact[];
  /** A Prometheus configuration's static scrape targets (the file holds `scrape_configs`). */
  readonly scrapeTargets?: readonly ScrapeTargetFact[];
  /** A Prometheus configuration's static Alertmanager targets (`alerting.alertmanagers[].static_configs`). */
  readonly alertTargets?: readonly ScrapeTargetFact[];
  /** The scrape intervals a Prometheus configuration, Operator server or monitor, or chart values set (yaml/rate-windows.ts). */
  readonly scrapeIntervals?: readonly ScrapeInterval[];
  /** The windows of rate(), increase() and the like in alerting and recording rules (yaml/rate-windows.ts). */
  readonly rateWindows?: readonly RateWindow[];
  /** The file is a Prometheus configuration (it holds `scrape_configs`, not templated): its `rule_files` patterns as written, and where the key is when present. */
  readonly prometheus?: { readonly ruleFiles: readonly { readonly pattern: string; readonly range: Range }[]; readonly keyRange?: Range };
  /** The file is a Prometheus rule file: where its first group is written. */
  readonly ruleGroups?: Range;
  /** A Helm template's `.Values` references that no action conditions, scopes or defaults (yaml/helm-values.ts). */
  readonly helmValueRefs?: readonly { readonly path: string; readonly range: Range; readonly guarded?: true }[];
  /** A Helm values file's keys: every dotted key it writes, and those that leave what is under them open. */
  readonly valuesKeys?: { readonly defined: readonly string[]; readonly open: readonly string[] };
  /** A Helm values file's top-level `replicaCount` (value as written, and where) and `autoscaling.enabled`, for the chart's templated replicas. */
  readonly valuesReplicas?: { readonly count?: { readonly value: string; readonly range: Range }; readonly autoscaling?: string };
  /** A conda environment file's packages (`dependencies:` and its `pip:` list); `=` or `==` pins. */
  readonly condaPackages?: readonly RequirementFact[];
  /** A BentoML `bentofile.yaml`'s `python.packages` (what the bento's image installs); `==` pins. */
  readonly bentoPackages?: readonly RequirementFact[];
  /** A `dvc.yaml` pipeline's stages that run a Python script (project/dvc-facts.ts). */
  readonly dvcStages?: readonly DvcStageFact[];
  /** A stage of that pipeline runs something other than a Python script (a shell script, make): which scripts it runs is not known. */
  readonly dvcOpaque?: boolean;
  /** A parameters file's values that look like relative file paths, by dotted key (project/dvc-facts.ts). */
  readonly paramValues?: readonly ParamValueFact[];
  /**
   * A GitHub Actions workflow: its `name:` (absent when it has none; GitHub then shows the file
   * path) and the workflows its `workflow_run` trigger waits for, as written. Optional: older
   * cached facts have none.
   */
  readonly workflow?: WorkflowFact;
  /**
   * The first line indented with a tab, when the file does not parse (YAML forbids tabs in
   * indentation; a tab inside a block scalar's content is text). Optional: older cached facts have none.
   */
  readonly tabIndentLine?: number;
  /**
   * The first syntax error of a CI definition (a GitHub Actions workflow, `.gitlab-ci.yml`) that
   * does not parse for another reason than a tab: its line (0-based) and the parser's words.
   * Optional: older cached facts have none.
   */
  readonly syntaxError?: { readonly line: number; readonly reason: string };
  readonly suppressions: SuppressionData;
}

export interface WorkflowFact {
  readonly name?: string;
  /** The `name:` key (else `on:`, else `jobs:`): where a finding about the whole workflow sits. Optional: older cached facts have none. */
  readonly head?: Range;
  readonly runsAfter: readonly { readonly name: string; readonly range: Range }[];
  /** The events under `on:` (push, pull_request, schedule, ...). Optional: older cached facts have none. */
  readonly events?: readonly string[];
  /** The `workflow_run` key under `on:`, where a finding about the chain sits. */
  readonly runsAfterKey?: Range;
}

/** One instruction's arguments: shell form as text, exec form as the JSON array's words. */
export interface InstructionFact {
  readonly text: string;
  readonly words?: readonly string[];
  readonly range: Range;
}

export interface StageFact {
  readonly image: string;
  readonly alias?: string;
  readonly range: Range;
  readonly user?: InstructionFact;
  readonly cmd?: InstructionFact;
  readonly entrypoint?: InstructionFact;
  readonly healthcheck?: InstructionFact;
  readonly workdir?: string;
  readonly expose: readonly { readonly port: number; readonly range: Range }[];
  readonly env: Readonly<Record<string, string>>;
  readonly runs: readonly InstructionFact[];
  /** COPY and ADD instructions, in order (absent in facts cached before they were read). */
  readonly copies?: readonly InstructionFact[];
  /** Each variable an ENV instruction sets, as written, with the instruction's range (absent in facts cached before they were read). */
  readonly envs?: readonly { readonly name: string; readonly value: string; readonly range: Range }[];
}

/** What every file the project model reads without a parser carries (Dockerfiles, requirements, scripts, dotenv files). */
interface TextFileFacts {
  /** Lines that open a merge conflict left in the file (`<<<<<<<` ... `=======` ... `>>>>>>>`), see text-facts.ts; optional: older cached facts have none. */
  readonly conflictMarkers?: readonly number[];
  readonly suppressions: SuppressionData;
}

export interface DockerfileFacts extends TextFileFacts {
  readonly kind: 'dockerfile';
  readonly stages: readonly StageFact[];
  /** `ARG NAME=default` before the first FROM, used in FROM lines. */
  readonly args: Readonly<Record<string, string>>;
  /** Instructions Docker does not know (`FFROM`, a stray `git` line): the build stops at them. */
  readonly unknown?: readonly { readonly keyword: string; readonly range: Range }[];
}

export interface RequirementFact {
  readonly name: string;
  /** The version part as written (`==1.2.3`, `>=2`, empty when there is none). */
  readonly spec: string;
  readonly pinned: boolean;
  /** A manifest's development, test or optional group (not what the application runs with). */
  readonly dev?: boolean;
  /** Installed from a version-control URL (`git+https://...`); `pinned` says whether it names a commit or tag. */
  readonly vcs?: boolean;
  /** Has an environment marker (`; python_version < "3.9"`): it applies only where the marker holds. */
  readonly marked?: true;
  /** The extras asked for (`fastapi[standard]` installs uvicorn too), lower-cased. */
  readonly extras?: readonly string[];
  readonly range: Range;
}

export interface RequirementsFacts extends TextFileFacts {
  readonly kind: 'requirements';
  readonly packages: readonly RequirementFact[];
  /** `-c constraints.txt` lines: versions are pinned elsewhere. */
  readonly constrained: boolean;
  /** A project manifest (pyproject.toml, Pipfile, setup.cfg): it declares ranges, a lock file pins. */
  readonly manifest?: boolean;
  /** A lock file (`poetry.lock`, `uv.lock`, `Pipfile.lock`): present, so the manifest beside it is pinned. */
  readonly lock?: boolean;
}

/** A shell script or a Procfile: the commands it runs, one per line. */
export interface ScriptFacts extends TextFileFacts {
  readonly kind: 'script';
  readonly commands: readonly InstructionFact[];
}

/** A credential written into a dotenv file: the variable and where its value sits. */
export interface EnvCredentialFact {
  readonly name: string;
  readonly range: Range;
}

/** A dotenv file (`.env`, `.env.production`, `prod.env`; not its templates): the credentials written in it. */
export interface EnvFacts extends TextFileFacts {
  readonly kind: 'env';
  /** Variables whose literal value looks issued or generated (a provider key, a long random string), not a local default. */
  readonly credentials: readonly EnvCredentialFact[];
}

/** A credential inside a committed key file: a service-account key, a private key, an AWS secret key. */
export interface KeyFact {
  readonly kind: 'service-account' | 'private-key' | 'aws';
  readonly range: Range;
}

/** A credential file (`key.json`, `*.pem`, `id_rsa`, an AWS `credentials` file): the keys written in it. */
export interface KeyFileFacts extends TextFileFacts {
  readonly kind: 'keyfile';
  readonly keys: readonly KeyFact[];
}

/**
 * A serverless platform's project file (`vercel.json`, `netlify.toml`, `zappa_settings.json`):
 * the Python apps under its folder run as functions the platform starts per request, with no
 * probes or process of their own to watch. Only its presence and the platform matter.
 */
export interface PlatformFacts extends TextFileFacts {
  readonly kind: 'platform';
  readonly platform: 'vercel' | 'netlify' | 'zappa';
}
