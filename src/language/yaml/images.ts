import { isTemplatePlaceholder } from './helm';

/** How mutable an image reference is. */
export type ImagePin = 'digest' | 'tag' | 'latest' | 'none' | 'dynamic';

/**
 * Reads `registry:5000/team/app:1.2@sha256:...` the way Docker does: the tag is after the last
 * `:` of the last path segment, so a registry port is not a tag. Variables (`${TAG}`) cannot be
 * judged offline and count as dynamic.
 */
export function imagePin(reference: string): { pin: ImagePin; tag?: string } {
  const image = reference.trim();
  if (/\$\{?|\{\{/.test(image) || isTemplatePlaceholder(image)) return { pin: 'dynamic' };
  if (/@sha256:[0-9a-f]{64}$/i.test(image) || /@[a-z0-9]+:[0-9a-f]{32,}$/i.test(image)) return { pin: 'digest' };
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  if (colon < 0) return { pin: 'none' };
  const tag = last.slice(colon + 1);
  if (tag === '') return { pin: 'none' };
  return tag === 'latest' ? { pin: 'latest', tag } : { pin: 'tag', tag };
}

/**
 * The repository name of an image reference, without registry, organisation, tag or digest:
 * `mysql/mysql-server:8.0` is `mysql-server`, `registry:5000/team/app@sha256:...` is `app`. The
 * organisation is not the image: `mysql/` names who publishes it, not what it runs.
 */
export function imageName(reference: string): string {
  const path = reference.trim().split('@')[0];
  const last = path.slice(path.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return (colon < 0 ? last : last.slice(0, colon)).toLowerCase();
}

/** `-t|--tag X`, `docker tag SRC DST`, `docker push X`: the image references a script tags or pushes. */
const TAG_WORD = /(?:\s(?:-t|--tag)[\s=]+|\bdocker\s+(?:image\s+)?tag\s+\S+\s+|\bdocker\s+(?:image\s+)?push\s+(?:--\S+\s+)*)(["']?)([^\s"';&|]+)\1/g;
/** `NAME=value` shell assignments, for tags held in a variable. */
const ASSIGNMENT = /(?:^|[\s;])(?:export\s+)?([A-Za-z_]\w*)=(["']?)([^\s"';&|]+)\2/g;

/**
 * Where a script that pushes an image tags it only `:latest`: nothing then says which commit a
 * registry image or a rollout holds, and re-applying the same manifest rolls nothing out. A tag
 * held in a variable is resolved through the script's own assignments; a tag that cannot be
 * resolved, or any other tag pushed beside latest, clears the script.
 */
export function latestOnlyPush(raw: string, env: ReadonlyMap<string, string> = new Map()): { index: number; length: number } | undefined {
  // Expressions (`${{ env.IMAGE }}`) hold no tag of their own; blanked to the same length so indexes stay.
  const script = raw.replace(/\$\{\{[^}]*\}\}/g, (expression) => 'X'.repeat(expression.length));
  if (!/\bdocker\s+(?:image\s+)?push\b|\bbuildx\s+build\b(?:[^\n]|\\\n)*--push\b/.test(script)) return undefined;
  const variables = new Map<string, { value: string; index: number }>();
  // A step's `env:` sets variables the script reads; the finding then points at the push that uses it.
  for (const [name, value] of env) variables.set(name, { value, index: -1 });
  for (const match of script.matchAll(ASSIGNMENT)) variables.set(match[1], { value: match[3], index: match.index + match[0].indexOf(match[3]) });
  let latest: { index: number; length: number } | undefined;
  for (const match of script.matchAll(TAG_WORD)) {
    const word = match[2];
    const variable = /^\$\{?(\w+)\}?$/.exec(word);
    const at = match.index + match[0].lastIndexOf(word);
    const assigned = variable ? variables.get(variable[1]) : undefined;
    // `$REGISTRY/$REPO:$TAG` is read through the variables it names; one that is not known leaves the tag unknown.
    const value = word.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => variables.get(name)?.value ?? whole);
    const resolved = assigned && assigned.index >= 0 ? { value: assigned.value, index: assigned.index, length: assigned.value.length } : { value, index: at, length: word.length };
    // Only the tag matters here: `$REGISTRY/app:latest` is latest whatever the registry is.
    const last = resolved.value.slice(resolved.value.lastIndexOf('/') + 1);
    if (!last.endsWith(':latest')) return undefined;
    latest ??= { index: resolved.index, length: resolved.length };
  }
  return latest;
}
