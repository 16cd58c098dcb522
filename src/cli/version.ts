import { version } from '../../package.json';

/** The package version; esbuild inlines only this field of package.json into the bundle. */
export const VERSION: string = version;
