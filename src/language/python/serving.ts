import type { Node } from 'web-tree-sitter';
import { stringValue, type PythonModel } from './model';

/**
 * App-level facts for the "once per serving app" rules (health, metrics). Aggregation across
 * files is out of scope, so these rules only speak when one file clearly holds the whole app.
 */

export interface ServingApp {
  /** Where to report: the app creation (`app = Flask(__name__)`), else the first handler. */
  readonly node: Node;
  readonly framework: 'flask' | 'fastapi' | 'grpc';
  /** Routers or blueprints from other files are mounted, so routes may live elsewhere. */
  readonly mountsOtherRoutes: boolean;
  readonly routes: readonly string[];
}

const APP_CREATORS: Readonly<Record<string, 'flask' | 'fastapi'>> = { 'flask.Flask': 'flask', 'fastapi.FastAPI': 'fastapi' };
const MOUNTS = /\.(include_router|register_blueprint|mount|add_namespace)$/;

/** The single app this file creates, or undefined (routers-only modules, BentoML, Ray Serve, Django). */
export function servingApp(model: PythonModel): ServingApp | undefined {
  if (model.role !== 'serving') return undefined;
  if (model.framework === 'grpc') {
    const servicer = model.classes.find((c) => /Servicer\b/.test(c.childForFieldName('superclasses')?.text ?? ''));
    return servicer ? { node: servicer.childForFieldName('name') ?? servicer, framework: 'grpc', mountsOtherRoutes: false, routes: [] } : undefined;
  }
  let creation: Node | undefined;
  let framework: 'flask' | 'fastapi' | undefined;
  const routes: string[] = [];
  let mountsOtherRoutes = false;
  for (const call of model.calls) {
    const callee = call.callee ?? '';
    if (!creation && APP_CREATORS[callee]) {
      creation = call.node.parent?.type === 'assignment' ? call.node.parent : call.node;
      framework = APP_CREATORS[callee];
    }
    if (MOUNTS.test(callee)) mountsOtherRoutes = true;
    if (/\.add_url_rule$|\.add_api_route$|\.add_route$/.test(callee)) {
      const first = call.node.childForFieldName('arguments')?.namedChildren[0];
      const route = first ? stringValue(first) : undefined;
      if (route) routes.push(route);
    }
  }
  if (!creation || !framework) return undefined;
  for (const handler of model.handlers) if (handler.route) routes.push(handler.route);
  return { node: creation, framework, mountsOtherRoutes, routes };
}

export const HEALTH_ROUTE = /^\/?(health|healthz|healthcheck|health-check|livez|readyz|ready|readiness|liveness|live|ping|heartbeat|status)(\/|$)/i;
export const METRICS_ROUTE = /^\/?metrics(\/|$)/;

/** Modules whose import means the service exports metrics of its own. */
export const METRICS_MODULES = [
  'prometheus_client',
  'prometheus_fastapi_instrumentator',
  'prometheus_flask_exporter',
  'starlette_exporter',
  'starlette_prometheus',
  'opentelemetry',
  'aioprometheus',
  'statsd',
  'datadog',
  'ddtrace',
  'py_grpc_prometheus',
];
