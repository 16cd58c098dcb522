// Types of the set-up script for the tests (the script stays plain JavaScript: it runs before any build).
export const ROOT: string;
export const CACHE: string;
export const CODE_SERVER_VERSION: string;
export const NODE_VERSION: string;
export const CHROMIUM: string;
export const CACHE_ENV: string;
export const DEBIAN_PACKAGES: readonly string[];
export interface Layout {
  readonly root: string;
  readonly legacy: boolean;
  readonly nodeDir: string;
  readonly serverDir: string;
  readonly nodePackage: string;
  readonly node: string;
  readonly entry: string;
  readonly mark: string;
}
export function cacheRoot(env?: NodeJS.ProcessEnv): string;
export function layouts(root: string): Layout[];
export function nodeReady(layout: Layout): boolean;
export function serverReady(layout: Layout): boolean;
export function searchRoots(env?: NodeJS.ProcessEnv): string[];
export function locate(env?: NodeJS.ProcessEnv): Layout | undefined;
export function missingDebianPackages(): string[];
export function setup(): { node: string; entry: string; chromium: string; cache: string };
export function install(): Promise<Layout>;
