/**
 * Health routes and what they answer: the tests health-check-always-ok makes of a route's body
 * (does it check anything, can it answer other than 200), shared with the project facts, which
 * keep the routes that check nothing for the project pass to judge against the rest of the app.
 */
import type { Node } from 'web-tree-sitter';
import type { Range } from '../types';
import { nodeRange } from '../rule';
import type { HandlerInfo, PythonModel } from './model';
import { documentedHealthRoute, isHealthRoutePath, MODEL_LOADER, onlyGet } from './serving';

/** The handler checks something (a None test, a condition, a comparison) ... */
export const CHECKS = /\bis\s+(not\s+)?None\b|\bif\b|\bnot\s+[\w.]+|\bbool\(|==|!=|\bhasattr\(|\bgetattr\(/;

/**
 * Comments and string literals. A key (`state["model"]`, `"model_loaded": ...`) names the state the
 * code reads and stays; a sentence ("see if the model is loaded") and an f-string's `{...}` are kept
 * apart below.
 */
export const TEXT = /#[^\n]*|([rRbBuUfF]{0,2})(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/g;

/** Anything that answers with a status other than 200: an HTTP error, a status code, a raise (`return jsonify(...), 200` and `status_code=200` say 200). */
export const NON_200 =
  /\bstatus_code\s*=(?!\s*(200|HTTPStatus\.OK|status\.HTTP_200_OK|HTTP_200_OK)\b)|\bstatus\s*=\s*((?!200\b)\d{3}|(?![\w.]*HTTP_200_)[\w.]*HTTP_|HTTPStatus(?!\.OK\b))|\bHTTPException\b|\babort\s*\(|\braise\b|,\s*(?!200\b)[1-5]\d\d\s*\)?\s*$|\belse\s+(?!200\b)[1-5]\d\d\b|\bHTTP_5\d\d_|\bresponse\.status\b|\bset_code\s*\(|\bPlainTextResponse\(|\bmake_response\(/m;

/** A readiness route: `/ready`, `/readyz`, `/readiness`, `/health/ready`. */
export const READINESS_ROUTE = /(^|\/)(ready|readyz|readiness)(\/|$)/i;

/** A route of its own for liveness: `/livez`, `/live`, `/health/live`, `/alive`. */
export const LIVENESS_ROUTE = /(^|\/)(livez|live|liveness|alive|is[-_]?alive)(\/|$)/i;

/** Does this handler (or a `Depends()` dependency of it) answer with something other than 200? */
export function answersError(model: PythonModel, handler: HandlerInfo): boolean {
  const text = model.source.slice(handler.node.startIndex, model.handlerEnd(handler));
  return NON_200.test(text.replace(/^[^\n]*\n/, '')) || dependencyAnswersError(model, text);
}

export function isHealthRoute(model: PythonModel, handler: HandlerInfo): boolean {
  return (handler.route !== undefined && isHealthRoutePath(handler.route)) || documentedHealthRoute(model, handler);
}

/**
 * `def health(pipeline=Depends(get_pipeline))` where `get_pipeline` raises a 503 when the model is
 * missing: the dependency answers the error before the body runs, so the check does not always say 200.
 */
export function dependencyAnswersError(model: PythonModel, handlerText: string): boolean {
  const header = handlerText.slice(0, handlerText.indexOf(':\n') + 1 || undefined);
  for (const match of header.matchAll(/\bDepends\(\s*(\w+)\s*\)/g)) {
    const dependency = model.functions.find((fn) => fn.childForFieldName('name')?.text === match[1]);
    if (dependency && NON_200.test(model.source.slice(dependency.startIndex, dependency.endIndex))) return true;
  }
  return false;
}

/** A health route that checks nothing and always answers 200 (see `constantHealthRoutes`). */
export interface ConstantHealthRoute {
  readonly handler: string;
  readonly route: string;
  /** The handler's name, where the finding goes. */
  readonly range: Range;
  /** The route's last `return`, the answer that says 200. */
  readonly answer?: Range;
}

/**
 * The health routes of a file that loads no model itself and that check nothing (no condition, no
 * status other than 200, no dependency that answers an error): whether that is wrong depends on
 * how the rest of the app gets its model, which only the project pass sees. A liveness route
 * beside a readiness route of the same file is meant to be constant and is left out, and so is
 * every health route of a file whose readiness route answers an error.
 */
export function constantHealthRoutes(model: PythonModel): ConstantHealthRoute[] {
  if (model.handlers.length === 0 || !model.handlers.some((h) => isHealthRoute(model, h))) return [];
  if (model.calls.some((c) => c.callee !== undefined && MODEL_LOADER.test(c.callee))) return [];
  const routes = model.handlers.map((h) => h.route ?? '');
  if (model.handlers.some((h) => h.route !== undefined && READINESS_ROUTE.test(h.route) && answersError(model, h))) return [];
  const readiness = routes.some((r) => READINESS_ROUTE.test(r));
  const found: ConstantHealthRoute[] = [];
  for (const handler of model.handlers) {
    if (!isHealthRoute(model, handler) || !onlyGet(handler.methods)) continue;
    const route = handler.route ?? '';
    if (readiness && !READINESS_ROUTE.test(route)) continue;
    const text = model.source.slice(handler.node.startIndex, model.handlerEnd(handler));
    const body = text.replace(/^[^\n]*\n/, '');
    if (NON_200.test(body) || dependencyAnswersError(model, text)) continue;
    const code = body.replace(TEXT, (t: string, prefix?: string) => (prefix === undefined ? '' : '""'));
    if (CHECKS.test(code) || /\bawait\b|\w+\s*\(/.test(code.replace(/\b(return|dict|jsonify|JSONResponse|Response|str|int|float|len)\s*\(/g, ''))) continue;
    const name = handler.node.childForFieldName('name') ?? handler.node;
    const answer = lastReturn(handler.node);
    found.push({
      handler: handler.name,
      route,
      range: nodeRange(name),
      ...(answer && answer.startPosition.row !== handler.node.startPosition.row && { answer: nodeRange(answer) }),
    });
  }
  return found;
}

/** The last `return` of a function body, outside nested functions and classes. */
export function lastReturn(fn: Node): Node | undefined {
  const body = fn.childForFieldName('body');
  if (!body) return undefined;
  let last: Node | undefined;
  const walk = (node: Node): void => {
    for (const child of node.namedChildren) {
      if (!child || child.type === 'function_definition' || child.type === 'lambda' || child.type === 'class_definition') continue;
      if (child.type === 'return_statement') last = child;
      else walk(child);
    }
  };
  walk(body);
  return last;
}
