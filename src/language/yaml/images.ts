import { isTemplatePlaceholder } from './helm';

/** How mutable an image reference is. */
export type ImagePin = 'digest' | 'tag' | 'latest' | 'none' | 'dynamic';

/**
 * Reads `registry:5000/team/app:1.2@sha256:...` the way Docker does: the tag is after the last
 * `:` of the last path segment, so a registry port is not a tag. Variables (`${TAG}`) cannot be
 * judged offline and count as dynamic, and so does an untagged name shaped like a variable
 * (`DOCKER_IMAGE_PLACEHOLDER`, `IMAGE_NAME`, `__IMAGE__`): Docker rejects upper case and a leading
 * underscore in a repository name, so the word is a token that a deploy step replaces (sed,
 * envsubst), not an image that pulls latest; so is such a word in angle brackets (`<CHAMPION_IMAGE>`).
 * A template a person fills in (`<registry>/<ImageName>`) still shows no tag and is read as one.
 */
export function imagePin(reference: string): { pin: ImagePin; tag?: string } {
  const image = reference.trim();
  if (/\$\{?|\{\{/.test(image) || isTemplatePlaceholder(image)) return { pin: 'dynamic' };
  if (/@sha256:[0-9a-f]{64}$/i.test(image) || /@[a-z0-9]+:[0-9a-f]{32,}$/i.test(image)) return { pin: 'digest' };
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  const tag = colon < 0 ? '' : last.slice(colon + 1);
  if (tag === '') {
    // `<CHAMPION_IMAGE>`: the whole reference one bracketed token, a sed target, not a path a person fills in.
    const token = /^_*[A-Z][A-Z0-9_]*$|^__\w+__$/.test(colon < 0 ? last : last.slice(0, colon)) || /^<_*[A-Z][A-Z0-9_]*>$/.test(image);
    return token ? { pin: 'dynamic' } : { pin: 'none' };
  }
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

/** An image reference without its tag or digest: `registry:5000/team/app:1.2` is `registry:5000/team/app`. */
export function repository(image: string): string {
  const withoutDigest = image.split('@')[0];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}
