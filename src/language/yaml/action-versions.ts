/**
 * Majors of popular actions that run on a retired runner runtime (Node 12 or 16) or a retired
 * service, as actionlint's outdated-action list and the actions' own release notes say: the
 * first major that is current, and why the older ones are a problem. Kept as data so a new
 * deprecation is one line.
 */
export interface ActionSupport {
  /** The first supported major. */
  readonly current: number;
  /** Majors below this one no longer run at all (the service behind them was shut down). */
  readonly broken?: number;
  readonly reason: 'node16' | 'service';
}

export const ACTION_SUPPORT: Readonly<Record<string, ActionSupport>> = {
  'actions/checkout': { current: 4, reason: 'node16' },
  'actions/setup-python': { current: 5, reason: 'node16' },
  'actions/setup-node': { current: 4, reason: 'node16' },
  'actions/setup-java': { current: 4, reason: 'node16' },
  'actions/setup-go': { current: 5, reason: 'node16' },
  'actions/setup-dotnet': { current: 4, reason: 'node16' },
  'actions/cache': { current: 4, broken: 3, reason: 'service' },
  'actions/upload-artifact': { current: 4, broken: 4, reason: 'service' },
  'actions/download-artifact': { current: 4, broken: 4, reason: 'service' },
  'actions/github-script': { current: 7, reason: 'node16' },
  'actions/configure-pages': { current: 4, reason: 'node16' },
  'actions/upload-pages-artifact': { current: 3, broken: 3, reason: 'service' },
  'actions/deploy-pages': { current: 4, reason: 'node16' },
  'actions/labeler': { current: 5, reason: 'node16' },
  'actions/stale': { current: 9, reason: 'node16' },
  'actions/dependency-review-action': { current: 4, reason: 'node16' },
  'github/codeql-action': { current: 3, broken: 3, reason: 'service' },
  'docker/build-push-action': { current: 5, reason: 'node16' },
  'docker/login-action': { current: 3, reason: 'node16' },
  'docker/setup-buildx-action': { current: 3, reason: 'node16' },
  'docker/setup-qemu-action': { current: 3, reason: 'node16' },
  'docker/metadata-action': { current: 5, reason: 'node16' },
  'codecov/codecov-action': { current: 4, reason: 'node16' },
  'google-github-actions/auth': { current: 2, reason: 'node16' },
  'google-github-actions/setup-gcloud': { current: 2, reason: 'node16' },
  'google-github-actions/get-gke-credentials': { current: 2, reason: 'node16' },
  'google-github-actions/deploy-cloudrun': { current: 2, reason: 'node16' },
  'aws-actions/configure-aws-credentials': { current: 4, reason: 'node16' },
  'aws-actions/amazon-ecr-login': { current: 2, reason: 'node16' },
  'azure/login': { current: 2, reason: 'node16' },
  'azure/webapps-deploy': { current: 3, reason: 'node16' },
  'azure/setup-kubectl': { current: 4, reason: 'node16' },
  'azure/k8s-deploy': { current: 5, reason: 'node16' },
  'hashicorp/setup-terraform': { current: 3, reason: 'node16' },
  'peaceiris/actions-gh-pages': { current: 4, reason: 'node16' },
  'softprops/action-gh-release': { current: 2, reason: 'node16' },
};

/** Archived actions with no maintained major at all. */
export const ARCHIVED_ACTIONS: ReadonlySet<string> = new Set(['actions/create-release', 'actions/upload-release-asset', 'actions/setup-ruby']);

/** The major of a ref like `v3`, `v3.5.2` or `3`; undefined for branches and SHAs. */
export function majorOf(ref: string): number | undefined {
  const match = /^v?(\d+)(\.\d+)*$/.exec(ref);
  return match ? Number(match[1]) : undefined;
}
