import type { Range } from '../types';
import { isLegacyCompose } from './classify';
import { imageName } from './images';
import { at, entries, isTrue, items, scalar, type YamlDocument, type YMap, type YNode } from './model';

export interface ComposeService {
  readonly name: string;
  readonly nameRange: Range;
  readonly spec: YMap;
}

/** Override, dev and local compose files (`compose.dev.yml`, `docker-compose.override.yml`) are meant for a developer's machine. */
export const DEV_COMPOSE_FILE = /([.-](dev|local)|override)\.ya?ml$/i;

/** The services of a compose document, in file order. */
export function composeServices(document: YamlDocument): ComposeService[] {
  const result: ComposeService[] = [];
  // A legacy Compose v1 file keeps its services at the top level.
  const services = at(document.root, 'services') ?? (isLegacyCompose(document.root) ? document.root : undefined);
  for (const e of entries(services)) {
    if (e.value?.kind === 'map') result.push({ name: e.key, nameRange: e.keyRange, spec: e.value });
  }
  return result;
}

/**
 * An override layer (`docker compose -f compose.yml -f compose.dev.yml`): a service with neither
 * `image`, `build` nor `extends` cannot start on its own, so the file only patches services a base
 * file defines, and what a service lacks is asked of the base file, not of the patch.
 */
export function isOverrideLayer(document: YamlDocument): boolean {
  return composeServices(document).some((s) => !['image', 'build', 'extends', 'provider'].some((key) => at(s.spec, key) !== undefined));
}

/**
 * A compose file of a VS Code dev container (under `.devcontainer/`): the developer's own machine,
 * where the source is mounted on purpose and nothing is restarted or health-gated for users.
 */
export function isDevContainerFile(path: string): boolean {
  return /(^|\/)\.devcontainer\//.test(path);
}

/**
 * A service run by a provider instead of a container (`provider: {type: model}` of the Docker
 * Model Runner): it has no healthcheck or restart policy to set, so none is asked of it or waited on.
 */
export function isProviderService(service: ComposeService): boolean {
  return at(service.spec, 'provider') !== undefined && at(service.spec, 'image') === undefined && at(service.spec, 'build') === undefined;
}

/** One dependency of `depends_on`, in either the list or the map form. */
export interface Dependency {
  readonly target: string;
  readonly range: Range;
  /** Undefined in the list form, which only waits for the container to start. */
  readonly condition: string | undefined;
  readonly listForm: boolean;
}

export function dependencies(service: YMap): Dependency[] {
  const dependsOn = at(service, 'depends_on');
  if (dependsOn?.kind === 'seq') {
    return dependsOn.items.flatMap((item) => (item.kind === 'scalar' ? [{ target: item.value, range: item.range, condition: undefined, listForm: true }] : []));
  }
  return entries(dependsOn).map((e) => ({ target: e.key, range: e.keyRange, condition: scalar(at(e.value, 'condition')), listForm: false }));
}

/** Words in a service's name, command or profile that say it runs once: set-up, migrations, training, seeding. */
const ONE_SHOT_WORD =
  /(^|[-_\s/.])(init|setup|set-up|migrate|migrations?|seed(er)?|bootstrap|provision|create-?buckets?|download(er)?|train(er|ing)?|backfill|fixtures?|tools?|jobs?|cli|once)($|[-_\s/.])/i;
/** Profiles that hold services started by hand (`docker compose --profile manual run trainer`). */
const ON_DEMAND_PROFILE = /^(manual|on-?demand|ad-?hoc|batch|optional|offline|run-?once|debug|load-?test|loadtest|perf|benchmark|demo|traffic|simulat(e|or|ion))$/i;
/** Words that say a service keeps running: it serves, consumes or schedules. */
const LONG_RUNNING_WORD =
  /(^|[-_\s/.])(worker|consumer|server|serve|serving|api|app|web|daemon|scheduler|beat|listener|stream(ing)?|uvicorn|gunicorn|celery|flask|streamlit|mlflow|jupyter|notebook)($|[-_\s/.:])/i;
/**
 * Setup commands of a store or broker that run and exit: the MinIO client making buckets or
 * policies (`mc mb`, `mc alias set`), `kafka-topics --create`. Such a container is a job even when
 * its command names the service it prepares (`mc mb local/mlflow`).
 */
const SETUP_COMMAND = /\bmc\s+(mb|alias\s+set|policy|anonymous|admin\s+user)\b|\bkafka-topics(\.sh)?\b[^\n]*--create\b/;
/** A container kept running after its set-up (`tail -f /dev/null`, `sleep infinity`, a `while true` loop). */
const STAYS_UP = /\btail\s+-f\b|\bsleep\s+infinity\b|\bwhile\s+true\b/i;
/**
 * A container whose only command keeps it idle (`tail -f /dev/null`, `sleep infinity`): a dev
 * shell people exec into. Nothing runs in it to check or to restart.
 */
const IDLE = /^((\/bin\/)?(ba)?sh\s+-c\s+)?["']?(tail\s+-f\s+\/dev\/null|sleep\s+(infinity|inf))["']?$/i;

/** Whether a service's only command keeps it idle: nothing starts in it that could race a dependency. */
export function isIdleService(service: ComposeService): boolean {
  return IDLE.test(commandText(service.spec).trim());
}
/** A set-up command followed by an idle wait (`mc mb local/models; tail -f /dev/null`): still a job, kept around to exec into. */
const IDLES_AFTER = /\btail\s+-f\s+\/dev\/null\b|\bsleep\s+(infinity|inf)\b/i;
/**
 * A pipeline run that ends when the run does: an MLflow project run, a DVC or Kedro pipeline,
 * a dbt build, a notebook executed by papermill or nbconvert.
 */
const PIPELINE_RUN = /\bmlflow\s+run\b|\bdvc\s+(repro|exp\s+run)\b|\bkedro\s+run\b|\bdbt\s+(run|build|seed)\b|\bpapermill\b|\bjupyter\s+nbconvert\b[^\n]*--execute\b/;
/** A command that serves or keeps consuming, whatever else it runs first. */
const SERVES = /\bmlflow\s+(server|ui|models\s+serve)\b|\b(uvicorn|gunicorn|hypercorn|celery|streamlit|waitress-serve)\b|\bflask\s+run\b|\bserve\b/;
/** A test run in a container: the harness exits with the suite's result. */
const TEST_RUN = /\b(pytest|py\.test|unittest|tox|nox|newman|k6\s+run|locust\b.*--headless)\b/;

export function commandText(service: YMap): string {
  return ['command', 'entrypoint']
    .map((key) => {
      const node = at(service, key);
      return node?.kind === 'seq' ? node.items.map((item) => scalar(item) ?? '').join(' ') : (scalar(node) ?? '');
    })
    .join(' ');
}

/**
 * Services that run once and exit (migrations, model download, seeding, a training run, a test
 * harness): another service waits for them with `service_completed_successfully`, they say
 * `restart: "no"`, they sit in a tools-like profile (started only on demand), their command ends
 * in `exit 0` or runs a test suite, or a `restart: on-failure` policy goes with a job-like name.
 * An idle dev container (`tail -f /dev/null` and nothing else) is in the set too: it needs neither.
 * A job-like name or command (`trainer`, `python train.py`, `migrate`) also counts on its own when
 * the service publishes no port, asks for no always-on restart and nothing in its name or command
 * says it serves or consumes (`training-worker`, `uvicorn`, `mlflow server` keep running).
 * Health checks and restart policies are for long-running services, so these are left alone.
 */
export function oneShotServices(document: YamlDocument): Set<string> {
  const result = new Set<string>();
  const services = composeServices(document);
  for (const service of services) {
    for (const dependency of dependencies(service.spec)) {
      if (dependency.condition === 'service_completed_successfully') result.add(dependency.target);
    }
  }
  for (const service of services) {
    const restart = scalar(at(service.spec, 'restart'));
    const command = commandText(service.spec);
    const profiles = items(at(service.spec, 'profiles')).map((p) => scalar(p) ?? '');
    // A profile named for a stage (`training`, `setup`) groups that stage's services: one that
    // publishes a port serves the stage (an API the pipeline calls) rather than running once.
    const publishes = at(service.spec, 'ports') !== undefined || at(service.spec, 'expose') !== undefined;
    if (
      restart === 'no' ||
      profiles.some((p) => (ONE_SHOT_WORD.test(p) && !publishes) || ON_DEMAND_PROFILE.test(p) || TEST_RUN.test(p) || /^test/i.test(p)) ||
      /\bexit\s+0\W*$/.test(command.trim()) ||
      TEST_RUN.test(command) ||
      IDLE.test(command.trim()) ||
      (restart === 'on-failure' && (ONE_SHOT_WORD.test(service.name) || ONE_SHOT_WORD.test(command))) ||
      (SETUP_COMMAND.test(command) &&
        restart !== 'always' &&
        restart !== 'unless-stopped' &&
        (!STAYS_UP.test(command) || (IDLES_AFTER.test(command) && !/\bwhile\s+true\b/i.test(command)))) ||
      looksLikeJob(service.name, service.spec, command, restart) ||
      pipelineRun(service.spec, command, restart)
    ) {
      result.add(service.name);
    }
  }
  return result;
}

/** `mlflow run .` and nothing that serves, publishes a port or is restarted for ever: the run ends, and so does the container. */
function pipelineRun(spec: YMap, command: string, restart: string | undefined): boolean {
  if (!PIPELINE_RUN.test(command) || SERVES.test(command) || STAYS_UP.test(command)) return false;
  return restart !== 'always' && restart !== 'unless-stopped' && !at(spec, 'ports') && !at(spec, 'expose');
}

function looksLikeJob(name: string, spec: YMap, command: string, restart: string | undefined): boolean {
  if (!ONE_SHOT_WORD.test(name) && !ONE_SHOT_WORD.test(command)) return false;
  if (restart === 'always' || restart === 'unless-stopped' || at(spec, 'ports') || at(spec, 'expose')) return false;
  return !LONG_RUNNING_WORD.test(name) && !LONG_RUNNING_WORD.test(withoutPathArguments(command));
}

/** A path a command only passes as an argument (`/mlflow/mlruns`, `./app`), not a script it runs. */
const PATH_ARGUMENT = /^["']?(\.{0,2}|~)\/(?![^\s"']*\.(py|sh|js|ts)\b)\S*$/;

/**
 * The folders images conventionally keep their code in (`WORKDIR /app`, `/code`, `/usr/src/app`,
 * `/opt/...`): part of where a script lives, not of what it does.
 */
const CODE_ROOT = /^(app|code|src|srv|opt|usr|local|workspace|workdir|home|project)$/i;

/** `/app/setup_db.py` reads as `setup_db.py`: the image's code folder says nothing about the script. */
function withoutCodeRoots(word: string): string {
  if (!word.includes('/')) return word;
  const parts = word.split('/');
  const last = parts.length - 1;
  return parts.filter((part, i) => i === last || !CODE_ROOT.test(part.replace(/^["']/, ''))).join('/');
}

/**
 * The command without the folders it passes as arguments (`chown -R 1000 /app`, `mkdir -p
 * /mlflow/mlruns`): a folder named like a server is not a server, and neither is the image's code
 * folder a script runs from (`python /app/setup_db.py`). The first word of each command stays,
 * so `/usr/local/bin/uvicorn` still serves.
 */
function withoutPathArguments(command: string): string {
  return command
    .split(/&&|\|\||[;|\n]/)
    .map((segment) =>
      segment
        .trim()
        .split(/\s+/)
        .filter((word, i) => i === 0 || !PATH_ARGUMENT.test(word))
        .map(withoutCodeRoots)
        .join(' '),
    )
    .join(' ; ');
}

/**
 * Monitoring containers of a local stack (Prometheus, Grafana, Alertmanager, exporters, log and
 * trace collectors): reviewers do not ask them for healthchecks or restart policies, and they
 * retry their own targets, so a list-form `depends_on` from them is fine.
 */
const MONITORING =
  /(^|[/_-])(prometheus|prom|grafana|alertmanager|pushgateway|[\w-]*exporter|cadvisor|loki|promtail|tempo|jaeger|zipkin|otel-collector|opentelemetry-collector|otelcol[\w-]*|victoriametrics|vmagent|thanos|mimir|kibana|fluent-?bit|fluentd|vector)($|[:/@_-])/i;

/** An image of the monitoring stack (`prom/prometheus:v2.53.0`, `grafana/grafana`), by its repository name. */
export function isMonitoringImage(image: string): boolean {
  return MONITORING.test(image.replace(/:[^/]*$/, ''));
}

/**
 * Admin consoles and viewers of a local stack (Adminer, pgAdmin, phpMyAdmin, Mongo Express, Kafka
 * UI and its kin: Kafdrop, AKHQ, Confluent Control Center, Kowl, CMAK; TensorBoard, Celery Flower,
 * a Jupyter server): tools a person opens, that nothing depends on. Same treatment as monitoring.
 */
const ADMIN_CONSOLE =
  /(^|[/_-])(adminer|pgadmin4?|phpmyadmin|mongo-express|redis-commander|redisinsight|kafka-ui|kafdrop|akhq|control-center|kowl|cmak|kafka-manager|tensorboard|flower|jupyter|jupyterlab|notebook)($|[:/@_-])/i;
/** Celery's Flower dashboard and a Jupyter server are often built from the project's image and started by their command. */
const CONSOLE_COMMAND = /^\s*(?:celery\b[^\n]*\sflower\b|start-notebook\.sh\b|jupyter\s+(?:lab|notebook)\b)/;

export function isAdminConsole(service: ComposeService): boolean {
  const image = scalar(at(service.spec, 'image'));
  return ADMIN_CONSOLE.test(image ? image.replace(/:[^/]*$/, '') : service.name) || ADMIN_CONSOLE.test(service.name) || CONSOLE_COMMAND.test(commandText(service.spec));
}

/** Dashboards a person opens (Grafana, Kibana, Chronograf): nothing in the alert path waits on them. */
const DASHBOARD = /(^|[/_-])(grafana|kibana|chronograf)($|[:/@_-])/i;

/** A dashboard or an admin console: a tool a person looks at, not part of the running system or its alerting. */
export function isDashboard(service: ComposeService): boolean {
  const image = scalar(at(service.spec, 'image'));
  return DASHBOARD.test(image ? image.replace(/:[^/]*$/, '') : service.name) || DASHBOARD.test(service.name) || isAdminConsole(service);
}

/**
 * A front end a person opens in a browser (a Streamlit or Gradio UI, a built web front end, the
 * reverse proxy in front of them): it calls the API per request, so a late API shows one error
 * page, not a crashed service. Reviewers still mention its healthcheck and start order, at low.
 */
const FRONT_END = /(^|[/_-])(ui|webui|web-ui|frontend|front-end|streamlit|gradio|nginx|traefik|caddy|httpd|haproxy|envoy)($|[:/@_-])/i;
const FRONT_END_COMMAND = /^\s*(streamlit\s+run|gradio\b|nginx\b)/;

export function isFrontEnd(service: ComposeService): boolean {
  const image = scalar(at(service.spec, 'image'));
  return FRONT_END.test(service.name) || (!!image && FRONT_END.test(image.replace(/:[^/]*$/, ''))) || FRONT_END_COMMAND.test(commandText(service.spec));
}

const PROMETHEUS = /^prometheus$/i;
const ALERTMANAGER = /^alertmanager$/i;

/** The image's name (`quay.io/prometheus/node-exporter` is node-exporter), or the service name. */
function imageOrName(service: ComposeService): string {
  const image = scalar(at(service.spec, 'image'));
  return image ? imageName(image) : service.name;
}

/**
 * A Prometheus server whose stack has no Alertmanager only feeds dashboards: no alert leaves it,
 * so like a dashboard it is a tool a person looks at, and a reviewer does not ask it to restart.
 */
export function isDashboardPrometheus(service: ComposeService, services: readonly ComposeService[]): boolean {
  if (!PROMETHEUS.test(imageOrName(service)) && !PROMETHEUS.test(service.name)) return false;
  return !hasAlertmanager(services);
}

function hasAlertmanager(services: readonly ComposeService[]): boolean {
  return services.some((other) => ALERTMANAGER.test(imageOrName(other)) || /alertmanager/i.test(other.name));
}

/**
 * The rest of a monitoring stack that sends no alert anywhere (no Alertmanager): exporters,
 * cAdvisor, log and trace collectors only feed the dashboards that Prometheus feeds, so they are
 * tools a person looks at too, not part of the alert path.
 */
export function isDashboardOnlyMonitoring(service: ComposeService, services: readonly ComposeService[]): boolean {
  return isMonitoringService(service) && !hasAlertmanager(services);
}

/** The services some other service of the file names in its depends_on. */
export function dependedOn(document: YamlDocument): Set<string> {
  const targets = new Set<string>();
  for (const service of composeServices(document)) for (const dependency of dependencies(service.spec)) targets.add(dependency.target);
  return targets;
}

export function isMonitoringService(service: ComposeService): boolean {
  const image = scalar(at(service.spec, 'image'));
  return (image ? isMonitoringImage(image) : MONITORING.test(service.name)) || isAdminConsole(service);
}

/** Is the health check present and enabled? `disable: true` and `test: ["NONE"]` turn it off. */
export function healthcheckEnabled(service: YMap): boolean {
  const healthcheck = at(service, 'healthcheck');
  if (!healthcheck || healthcheck.kind !== 'map') return false;
  if (isTrue(at(healthcheck, 'disable'))) return false;
  const test = at(healthcheck, 'test');
  const first = test?.kind === 'seq' ? scalar(test.items[0]) : scalar(test);
  return first?.toUpperCase() !== 'NONE';
}

/** Environment entries in both forms: `KEY: value` and `- KEY=value`. */
export interface EnvVar {
  readonly name: string;
  readonly value: string;
  readonly range: Range;
}

export function composeEnvironment(service: YMap): EnvVar[] {
  const environment: YNode | undefined = at(service, 'environment');
  if (environment?.kind === 'seq') {
    return items(environment).flatMap((item) => {
      if (item.kind !== 'scalar' || !item.value.includes('=')) return [];
      const eq = item.value.indexOf('=');
      return [{ name: item.value.slice(0, eq).trim(), value: item.value.slice(eq + 1), range: item.range }];
    });
  }
  return entries(environment).flatMap((e) => {
    const value = scalar(e.value);
    return value === undefined || !e.value ? [] : [{ name: e.key, value, range: e.value.range }];
  });
}

const LOCAL_BIND = /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?):/;

/** Is this `ports:` entry (short or long syntax) published on every host interface, not only on loopback? */
export function publishedOnAllInterfaces(port: YNode): boolean {
  // `${BIND_ADDR:-127.0.0.1}:5432:5432` takes its host address from the environment: judge the default.
  if (port.kind === 'scalar') return !LOCAL_BIND.test(port.value.trim().replace(/^\$\{\w+:?-([^}]*)\}/, '$1'));
  if (port.kind !== 'map') return false;
  const hostIp = scalar(at(port, 'host_ip'));
  return hostIp === undefined || !/^(127\.|localhost$|::1$)/.test(hostIp);
}
