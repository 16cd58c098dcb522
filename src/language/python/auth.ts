/** Signs of authentication in Python services, shared by the rules that ask "who may call this?". */
import type { Node } from 'web-tree-sitter';
import type { HandlerInfo, PythonModel } from './model';

/**
 * Authentication or authorisation anywhere around the handler: decorators, dependencies, checks in
 * the body. A parameter that receives the caller's identity from a dependency
 * (`tenant_id: str = Depends(get_tenant_id)`, `principal = Security(resolve)`) is one too: the
 * dependency has to know who calls to answer it, whatever the function is called.
 */
export const AUTH =
  /\b\w*(user|tenant|principal|caller|identity)\w*\s*(:[^=\n]*)?=\s*(Depends|Security)\(|login_required|jwt_required|token_required|auth_required|requires_auth|api_key|apikey|x-api-key|authorization|authenticate|permission_classes|IsAuthenticated|IsAdminUser|has_permission|current_user|verify_(token|key|api)|check_(token|key|auth)|HTTPBearer|HTTPBasic|OAuth2|Security\(|invocation_metadata|secrets\.compare_digest|@\w*auth\w*\.|Depends\(\s*\w*(auth|token|user|key|admin|verify|secur|require|check|permission|ops)|dependencies\s*=\s*\[\s*(Depends|Security)/i;
/** App-wide authentication: a middleware, a `before_request` hook or router dependencies that check credentials. */
export const APP_AUTH =
  /(add_middleware|dependencies\s*=|intercept\w*|DEFAULT_PERMISSION_CLASSES)[^\n]*(auth|token|key|verify|permission|jwt|security)|(before_request|before_app_request)[\s\S]{0,400}?(auth|token|key|verify|permission|jwt)|AuthenticationMiddleware\b|HTTPBasicAuth\(|HTTPTokenAuth\(/i;

/** A word each `APP_AUTH` match starts with, within one line (so `linesMatch` can test it statement by statement). */
const APP_AUTH_HINT =
  /add_middleware|dependencies|intercept|DEFAULT_PERMISSION_CLASSES|before_request|before_app_request|AuthenticationMiddleware|HTTPBasicAuth\(|HTTPTokenAuth\(/i;
const appAuthOf = new WeakMap<PythonModel, boolean>();

/**
 * `APP_AUTH` in the file's code (comments cut out), once per file. The hint words first, through
 * `linesMatch`: a re-lint tests only the edited statements' lines, not the whole text, and most
 * files have none of them.
 */
export function hasAppAuth(model: PythonModel): boolean {
  const whole = model.whole;
  let known = appAuthOf.get(whole);
  if (known === undefined) appAuthOf.set(whole, (known = whole.linesMatch(APP_AUTH_HINT) && APP_AUTH.test(whole.uncommentedSource)));
  return known;
}

/** The head of the class a handler method is defined in (its decorators, bases and keywords), or ''. */
export function handlerClassHead(model: PythonModel, handler: HandlerInfo): string {
  const cls = handlerClass(handler);
  if (!cls) return '';
  const start = cls.parent?.type === 'decorated_definition' ? cls.parent.startIndex : cls.startIndex;
  return model.source.slice(start, cls.childForFieldName('body')?.startIndex ?? cls.endIndex);
}

/** A sign of authentication in the handler's class head, its decorators or its body (comments left out). */
export function handlerAuthenticated(model: PythonModel, handler: HandlerInfo): boolean {
  const definition = handler.node.parent?.type === 'decorated_definition' ? handler.node.parent : handler.node;
  return AUTH.test((handlerClassHead(model, handler) + model.source.slice(definition.startIndex, model.handlerEnd(handler))).replace(/#[^\n]*/g, ''));
}

/** The class whose body defines the handler method (decorated or not), or undefined. */
export function handlerClass(handler: HandlerInfo): Node | undefined {
  const fn = handler.node;
  const body = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  return body?.type === 'block' && body.parent?.type === 'class_definition' ? body.parent : undefined;
}
