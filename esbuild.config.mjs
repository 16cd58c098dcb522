// Builds the three programs of the product and puts the WASM grammars next to them:
//   dist/extension.js  the VS Code extension's entry point (src/vscode/boot.ts), which loads
//   dist/extension-main.js, the extension itself (node, cjs, `vscode` external), through V8's code cache
//   dist/cli.js        the `ai-teacher` command line
//   dist/webview.js    the teacher panel (browser)
// Flags: --production (minify, no source maps), --watch.
import * as esbuild from 'esbuild';
import { createRequire, isBuiltin } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fastTreeSitter } from './scripts/fast-tree-sitter.mjs';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const dist = path.resolve('dist');

const wasmFiles = {
  'web-tree-sitter.wasm': require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
  'tree-sitter-python.wasm': require.resolve('tree-sitter-python/tree-sitter-python.wasm'),
  'tree-sitter-yaml.wasm': require.resolve('@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm'),
};

// The teacher panel's icon font (codicon.css refers to ./codicon.ttf next to it).
const codiconFiles = {
  'codicon.css': require.resolve('@vscode/codicons/dist/codicon.css'),
  'codicon.ttf': require.resolve('@vscode/codicons/dist/codicon.ttf'),
};

/** Copies the grammars and the codicons after every build, so `dist/` is always complete. */
const copyWasm = {
  name: 'copy-wasm',
  setup(build) {
    build.onEnd(() => {
      fs.mkdirSync(dist, { recursive: true });
      for (const [name, source] of Object.entries({ ...wasmFiles, ...codiconFiles })) fs.copyFileSync(source, path.join(dist, name));
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

// web-tree-sitter is an ES module that calls createRequire(import.meta.url); a CommonJS bundle
// has no import.meta, so give it the bundle's own file URL.
const importMetaShim = "const __importMetaUrl = require('url').pathToFileURL(__filename).href;";
const node = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // jsonc-parser's default (UMD) build requires its own modules dynamically, which a bundle
  // cannot follow; its ES module build bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
  banner: { js: importMetaShim },
};

/**
 * Escapes what esbuild leaves outside ASCII (it escapes strings and templates, never regular
 * expression literals, such as the rules' Korean patterns) as `\uXXXX`. One such character makes
 * V8 hold the whole bundle as a two-byte string: 5.4 MB instead of 2.7 MB for the CLI, for
 * every run. `\uXXXX` means the same character in a pattern with or without the `u` flag
 * (a surrogate pair stays a pair), and `\가`, an identity escape, becomes `\uAC00`.
 */
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const file = build.initialOptions.outfile;
      const text = fs.readFileSync(file, 'utf8');
      const escaped = text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, char) => {
        const code = char.charCodeAt(0).toString(16).padStart(4, '0');
        // An odd run of backslashes escapes the character itself: the escape replaces it.
        return `${slashes.length % 2 === 1 ? slashes.slice(1) : slashes}\\u${code}`;
      });
      if (escaped !== text) fs.writeFileSync(file, escaped);
    });
  },
};

/**
 * The extension's entry point (boot.ts) runs the bundle as a `vm.Script`, to give it V8's code
 * cache, and a script's dynamic `import()` needs a loader that Node marks experimental (it warns
 * when used). The bundle's only ones load Node's own modules (web-tree-sitter's `await
 * import("module")` and `await import("fs/promises")`): they become requires here, through a name
 * the banner binds, as web-tree-sitter declares a `require` of its own where it imports.
 */
const builtinImports = {
  name: 'builtin-imports',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const file = build.initialOptions.outfile;
      const text = fs.readFileSync(file, 'utf8');
      const rewritten = text.replace(/\bawait import\((["'])((?:node:)?[\w/]+)\1\)/g, (whole, _quote, id) =>
        isBuiltin(id) ? `await Promise.resolve(__nodeRequire(${JSON.stringify(id)}))` : whole,
      );
      if (rewritten !== text) fs.writeFileSync(file, rewritten);
    });
  },
};

const builds = [
  {
    ...node,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension-main.js',
    banner: { js: `${importMetaShim}\nconst __nodeRequire = require;` },
    plugins: [copyWasm, asciiOnly, fastTreeSitter, builtinImports],
  },
  { ...node, entryPoints: ['src/vscode/boot.ts'], outfile: 'dist/extension.js', banner: {}, define: common.define },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${importMetaShim}` }, plugins: [asciiOnly, fastTreeSitter] },
];
if (fs.existsSync('src/webview/main.ts')) {
  builds.push({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js' });
}
if (fs.existsSync('test/integration/index.ts')) {
  // The integration suite runs inside the extension host, so it is bundled like the extension.
  // Every test/integration/*.test.ts is bundled too, behind the virtual module
  // `integration-tests`: index.ts loads each file only after mocha has set up its globals.
  // mocha itself stays external and is resolved from node_modules at run time.
  const integrationTests = {
    name: 'integration-tests',
    setup(build) {
      build.onResolve({ filter: /^integration-tests$/ }, () => ({ path: 'integration-tests', namespace: 'integration-tests' }));
      build.onLoad({ filter: /.*/, namespace: 'integration-tests' }, () => {
        const dir = path.resolve('test/integration');
        const names = fs
          .readdirSync(dir)
          .filter((name) => name.endsWith('.test.ts'))
          .sort();
        const entries = names.map((name) => `{ name: ${JSON.stringify(name)}, load: () => require(${JSON.stringify(path.join(dir, name))}) }`);
        return { contents: `module.exports = { files: [${entries.join(', ')}] };`, resolveDir: dir, loader: 'js', watchDirs: [dir] };
      });
    },
  };
  builds.push({
    ...node,
    entryPoints: ['test/integration/index.ts'],
    outfile: 'dist/test/integration.js',
    external: ['vscode', 'mocha'],
    plugins: [integrationTests],
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
}
