/**
 * What `npm run bench` measures in-process: the engine as it ships, bundled by esbuild, rather
 * than the TypeScript sources as tsx loads them. tsx compiles with esbuild's `keepNames`, which
 * wraps every named closure in a `__name(...)` call (an `Object.defineProperty` each time the
 * closure is created); the shipped bundles (esbuild.config.mjs) have none, and in alternating runs
 * the sources cost 1.2 to 1.6x the bundle's CPU on the realistic corpus and about 3x on a tiny file.
 * `--source` measures the sources instead.
 */
export { LintEngine } from '../src/language/engine';
export { nodeModulesWasm, ParserHost, walkAll } from '../src/language/parser';
export { ProjectIndex } from '../src/language/project/index';
export { runProjectRules } from '../src/language/project/run';
export { textFacts } from '../src/language/project/text-facts';
