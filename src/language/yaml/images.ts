/** How mutable an image reference is. */
export type ImagePin = 'digest' | 'tag' | 'latest' | 'none' | 'dynamic';

/**
 * Reads `registry:5000/team/app:1.2@sha256:...` the way Docker does: the tag is after the last
 * `:` of the last path segment, so a registry port is not a tag. Variables (`${TAG}`) cannot be
 * judged offline and count as dynamic.
 */
export function imagePin(reference: string): { pin: ImagePin; tag?: string } {
  const image = reference.trim();
  if (/\$\{?|\{\{/.test(image)) return { pin: 'dynamic' };
  if (/@sha256:[0-9a-f]{64}$/i.test(image) || /@[a-z0-9]+:[0-9a-f]{32,}$/i.test(image)) return { pin: 'digest' };
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  if (colon < 0) return { pin: 'none' };
  const tag = last.slice(colon + 1);
  if (tag === '' ) return { pin: 'none' };
  return tag === 'latest' ? { pin: 'latest', tag } : { pin: 'tag', tag };
}

/** Environment variable names that hold credentials (kube-linter env-var-secret, Polaris). */
const SECRET_NAME = /(pass(word|wd)?|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential|auth)/i;
/** Names that point at a secret rather than hold one. */
const REFERENCE_NAME = /(_FILE|_PATH|_DIR|_NAME|_REF|_ID|_URL|_URI|_HOST|_PORT|_USER|_USERNAME|_ENABLED|_TYPE|_METHOD|_EXPIRY|_TTL|_ALGORITHM)$/i;

/** Does this literal environment value look like a credential written into the file? */
export function isLiteralSecret(name: string, value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || /\$\{?[A-Za-z_]|\$\(/.test(trimmed)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^@\s/]+@/i.test(trimmed)) return true;
  return SECRET_NAME.test(name) && !REFERENCE_NAME.test(name) && !/^(true|false|yes|no|on|off|null|~)$/i.test(trimmed);
}
