import type { Node } from 'web-tree-sitter';
import type { HandlerInfo, PythonModel } from './model';

/**
 * The per-visitor session, each caller reaching only their own: Flask's imported `session`,
 * Django's `request.session`, Streamlit's `st.session_state`, Chainlit's `cl.user_session`.
 * A database session (`db.session`, a SQLAlchemy `session = Session()`) is shared state, not this.
 */
function sessionRoot(model: PythonModel): RegExp | undefined {
  const roots = ['request\\.session'];
  for (const [local, target] of model.imports) {
    if (target === 'flask.session') roots.push(local);
    else if (target === 'streamlit') roots.push(`${local}\\.session_state`);
    else if (target === 'chainlit') roots.push(`${local}\\.user_session`);
  }
  return new RegExp(`^(?:${roots.join('|')})(?!\\w)`);
}
/** Calls a session-only clear may make besides the session's own methods: answers, redirects, templates. */
const SESSION_ANSWER = /^(redirect|url_for|render_template|flash|abort)$/;

/** Functions of the file whose every call and assignment is on the visitor's session (`session["history"] = []`). */
export function sessionHelpers(model: PythonModel, answerOnly: RegExp): Set<string> {
  const names = new Set<string>();
  if (!/session/.test(model.source)) return names;
  const root = sessionRoot(model);
  for (const fn of model.tree.rootNode.descendantsOfType('function_definition')) {
    if (!fn || model.handlers.some((h) => h.node.id === fn.id)) continue;
    const name = fn.childForFieldName('name')?.text;
    if (name && root && touchesSessionOnly(fn, root, new Set(), answerOnly)) names.add(name);
  }
  return names;
}

/** A clear/reset handler that changes nothing but the caller's session, itself or through a session-only helper. */
export function clearsOwnSessionOnly(model: PythonModel, handler: HandlerInfo, answerOnly: RegExp): boolean {
  const root = sessionRoot(model.whole);
  return root !== undefined && touchesSessionOnly(handler.node, root, sessionHelpers(model.whole, answerOnly), answerOnly);
}

function touchesSessionOnly(fn: Node, root: RegExp, helpers: ReadonlySet<string>, answerOnly: RegExp): boolean {
  const body = fn.childForFieldName('body');
  if (!body) return false;
  const onSession = (text: string) => root.test(text.replace(/\s+/g, ''));
  let session = false;
  for (const node of body.descendantsOfType(['call', 'assignment', 'augmented_assignment', 'delete_statement', 'global_statement', 'nonlocal_statement'])) {
    if (!node) continue;
    if (node.type === 'call') {
      const callee = node.childForFieldName('function')?.text ?? '';
      if (helpers.has(callee) || (callee.includes('.') && onSession(callee))) session = true;
      else if (!answerOnly.test(callee) && !SESSION_ANSWER.test(callee)) return false;
    } else if (node.type === 'assignment' || node.type === 'augmented_assignment' || node.type === 'delete_statement') {
      const target = node.type === 'delete_statement' ? node.namedChild(0) : node.childForFieldName('left');
      if (target?.type === 'identifier') continue;
      if (!target || !onSession(target.text)) return false;
      session = true;
    } else return false;
  }
  return session;
}
