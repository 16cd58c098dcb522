import type { LintEngine } from '../engine';
import type { FileFacts, PythonFacts } from './facts';
import { readImports } from './python-facts';
import { projectFileKind, textFacts } from './text-facts';
import { NO_SUPPRESSIONS } from '../suppress';

/**
 * Facts for indexing a file nobody has opened (the editor's background index of a workspace):
 * a parse only where the text can hold something the project rules read. Any other Python
 * module still contributes its imports (read from the text), so chains of re-exports resolve.
 */
const PYTHON_RELEVANT =
  /\b(Flask|FastAPI|Starlette|Quart|flask|fastapi|starlette|quart|django|urlpatterns|ROOT_URLCONF|grpc|Servicer|APIRouter|Blueprint|Namespace|Api|route|mount|include_router|register_blueprint|add_url_rule|add_api_route|add_resource|add_namespace|uvicorn|waitress|run_app|prometheus_client|prometheus_fastapi_instrumentator|prometheus_flask_exporter|starlette_exporter|opentelemetry|instrument|start_http_server|healthcheck|fastapi_health|errorhandler|exception_handler|connexion|dash)\b|\.run(_server)?\(/;
const YAML_RELEVANT = /^\s*(kind|services|jobs)\s*:/m;

export function factsForIndex(engine: Pick<LintEngine, 'factsOf'>, path: string, text: string): FileFacts | undefined {
  switch (projectFileKind(path)) {
    case 'python':
      return PYTHON_RELEVANT.test(text) ? engine.factsOf(path, text) : importOnlyFacts(text);
    case 'yaml':
      return YAML_RELEVANT.test(text) ? engine.factsOf(path, text) : undefined;
    case undefined:
      return undefined;
    default:
      return textFacts(path, text);
  }
}

function importOnlyFacts(text: string): PythonFacts {
  return {
    kind: 'python',
    imports: readImports(text),
    objects: [],
    routes: [],
    mounts: [],
    errorHandlers: [],
    listeners: [],
    metrics: false,
    healthLibrary: false,
    grpcServicers: [],
    grpcHealth: false,
    hasMainGuard: false,
    suppressions: NO_SUPPRESSIONS,
  };
}
