import type { Range } from '../types';
import type { YNode } from './values';

/**
 * What a Helm chart's templates read from `.Values` and what its values files define, so the
 * project pass can tell a template reading a key no values file writes (helm renders it empty).
 */

export interface HelmValueReference {
  /** The dotted path after `.Values` (`image.tag`). */
  readonly path: string;
  readonly range: Range;
  /**
   * Read inside a deciding action (`{{ if .Values.rules.enabled }}`) under a top-level key no
   * action tests on its own: fine while `rules` exists, a render error ("nil pointer evaluating
   * interface {}.enabled") when no values file defines it.
   */
  readonly guarded?: true;
}

/**
 * An action that decides whether or how a value is used: a condition or scope (`if`, `with`,
 * `range`), a fallback (`default`, `required`, `coalesce`), a test (`hasKey`, `empty`, `eq`), or a
 * block whose empty rendering is harmless (`toYaml` of a missing map renders `null`). A value
 * named in one of these is one the chart author knew could be absent.
 */
const DECIDES =
  /^\s*(?:if|else\s+if|with|range)\b|\b(?:default|required|coalesce|hasKey|dig|empty|ternary|kindIs|typeIs|and|or|not|eq|ne|lt|gt|le|ge|lookup|toYaml|toJson|toPrettyJson|tpl|fail)\b/;
/** `.Values.a.b` or `$.Values.a.b`, not a variable's `$root.Values` or a field of an expression. */
const REFERENCE = /(?<![\w)\]])\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g;

/**
 * The `.Values` paths a template reads with nothing deciding over them. Any reference under a
 * top-level key that some action of the file conditions, scopes or defaults (`{{ if
 * .Values.ingress.enabled }}` ... `{{ .Values.ingress.host }}`) is left out: which of its keys
 * must exist depends on the branch, and `helm template` knows, not this reading.
 */
export function helmValueReferences(text: string): HelmValueReference[] {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const position = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, column: offset - starts[low] };
  };
  const decided = new Set<string>();
  /** Top-level keys an action tests or scopes by themselves (`{{ with .Values.rules }}`): what is under them is safe to read. */
  const testedRoots = new Set<string>();
  const guarded: (HelmValueReference & { root: string })[] = [];
  const candidates: (HelmValueReference & { root: string })[] = [];
  for (const action of text.matchAll(/\{\{-?([\s\S]*?)-?\}\}/g)) {
    const body = action[1];
    if (/^\s*\/\*/.test(body)) continue;
    const decides = DECIDES.test(body);
    for (const reference of body.matchAll(REFERENCE)) {
      const path = reference[1].slice(1);
      const root = path.split('.')[0];
      const start = action.index + action[0].indexOf(body) + reference.index;
      const range = { start: position(start), end: position(start + reference[0].length) };
      if (decides) {
        decided.add(root);
        if (path === root) testedRoots.add(root);
        // `required` asks for the value at install time (`--set secrets.token=...`): failing without it is the point.
        else if (!/\brequired\b/.test(body)) guarded.push({ path, root, range, guarded: true });
        continue;
      }
      candidates.push({ path, root, range });
    }
  }
  const open = candidates.filter((c) => c.root !== 'global' && !decided.has(c.root)).map(({ path, range }) => ({ path, range }));
  const nested = guarded.filter((c) => c.root !== 'global' && !testedRoots.has(c.root)).map(({ path, range }) => ({ path, range, guarded: true as const }));
  return [...open, ...nested];
}

export interface ValuesKeys {
  /** Every dotted key the file writes. */
  readonly defined: readonly string[];
  /**
   * Keys whose value leaves what is under them open: an empty map or null (`podAnnotations: {}`,
   * `resources:`), a scalar or a list. Nothing under them can be said to be missing.
   */
  readonly open: readonly string[];
}

/** The keys of a values file's document, to a bounded depth and count (a crafted file stays cheap). */
export function valuesKeys(root: YNode | undefined): ValuesKeys {
  const defined: string[] = [];
  const open: string[] = [];
  const walk = (node: YNode | undefined, prefix: string, depth: number) => {
    if (defined.length > 5000) return;
    if (node?.kind !== 'map' || node.entries.length === 0 || depth > 12) {
      if (prefix) open.push(prefix);
      return;
    }
    for (const e of node.entries) {
      const key = prefix ? `${prefix}.${e.key}` : e.key;
      defined.push(key);
      walk(e.value, key, depth + 1);
    }
  };
  if (root?.kind === 'map') walk(root, '', 0);
  return { defined, open };
}
