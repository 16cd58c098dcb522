/** Signs of authentication in Python services, shared by the rules that ask "who may call this?". */

/** Authentication or authorisation anywhere around the handler: decorators, dependencies, checks in the body. */
export const AUTH =
  /login_required|jwt_required|token_required|auth_required|requires_auth|api_key|apikey|x-api-key|authorization|authenticate|permission_classes|IsAuthenticated|IsAdminUser|has_permission|current_user|verify_(token|key|api)|check_(token|key|auth)|HTTPBearer|HTTPBasic|OAuth2|Security\(|invocation_metadata|secrets\.compare_digest|@\w*auth\w*\.|Depends\(\s*\w*(auth|token|user|key|admin|verify|secur|require|check|permission|ops)|dependencies\s*=\s*\[\s*(Depends|Security)/i;
/** App-wide authentication: a middleware, a `before_request` hook or router dependencies that check credentials. */
export const APP_AUTH =
  /(add_middleware|dependencies\s*=|intercept\w*|DEFAULT_PERMISSION_CLASSES)[^\n]*(auth|token|key|verify|permission|jwt|security)|(before_request|before_app_request)[\s\S]{0,400}?(auth|token|key|verify|permission|jwt)|AuthenticationMiddleware\b|HTTPBasicAuth\(|HTTPTokenAuth\(/i;
