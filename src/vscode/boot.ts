import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { wrap } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type * as vscode from 'vscode';

/**
 * The extension's entry point (package.json `main`, built to dist/extension.js): it loads the
 * bundle (dist/extension-main.js, `extension.ts`) through V8's code cache, as VS Code does for its
 * own code. V8 compiles a function the first time it runs, so an extension host's first check of
 * a document spent a third of its rules step compiling the rules (and loading the 4 MB bundle
 * parsed it first): measured in one process, the bundle loaded in 30 ms instead of 70, the first
 * lint of the bench's 1,000-line file took 135 ms of CPU instead of 190.
 *
 * The cache is V8's compiled code of the bundle taken once the first findings were published
 * (`checked`), so it holds the functions the first check ran, not only the top level as Node's
 * own compile cache would. It is written to the extension's global storage folder (VS Code's
 * place for an extension's own files; the install folder is left as installed), once per bundle
 * text (its hash names the file) and V8 version; V8 checks it against its version and flags and rejects it otherwise,
 * which writes it anew. A folder that cannot be written (a read-only install) only means no cache.
 * Anything going wrong here falls back to a plain `require` of the bundle.
 */

const BUNDLE = path.join(__dirname, 'extension-main.js');
/** How long after the first published findings the cache is taken (the first checks and the project index are done by then). */
const TAKE_AFTER_MS = 3000;

interface Main {
  activate(context: vscode.ExtensionContext): void;
  deactivate(): void;
  /** Resolves once the extension host published its first findings. */
  readonly checked?: Promise<void>;
}

let main: Main | undefined;
let take: ReturnType<typeof setTimeout> | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const loaded = loadWithCodeCache(BUNDLE, context.globalStorageUri.fsPath);
  main = loaded.exports as Main;
  main.activate(context);
  const save = loaded.save;
  if (save) void main.checked?.then(() => (take = setTimeout(() => void save(), TAKE_AFTER_MS)));
}

export function deactivate(): void {
  if (take) clearTimeout(take);
  main?.deactivate();
}

/**
 * Runs a CommonJS file as Node would (its own `require`s resolve from this file's folder, where
 * the bundle sits), with V8's code cache kept in `cacheFolder` (`<name>.<key>.code-cache`; the
 * file's own folder by default): its exports, and when the cache was missing or rejected, how to
 * save the code compiled so far (older caches of the file are dropped then).
 */
export function loadWithCodeCache(file: string, cacheFolder = path.dirname(file)): { exports: unknown; save?: () => Promise<void> } {
  const folder = path.dirname(file);
  const stem = path.basename(file, '.js');
  let script: vm.Script;
  let cacheFile: string;
  let accepted: boolean;
  let hash: string;
  try {
    const bytes = fs.readFileSync(file);
    hash = crypto.createHash('sha1').update(bytes).digest('hex').slice(0, 16);
    cacheFile = path.join(cacheFolder, `${stem}.${hash}.${engineKey()}.code-cache`);
    const cachedData = readIfThere(cacheFile);
    script = new vm.Script(wrap(bytes.toString('utf8')), {
      filename: file,
      cachedData,
      // The build turns the bundle's dynamic imports of Node's own modules into requires; any
      // other one still loads, through Node's loader.
      importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    accepted = cachedData !== undefined && !script.cachedDataRejected;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the fallback is a plain load of the same file
    return { exports: require(file) as unknown };
  }
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, folder);
  // Caches of an older text of the file go; another V8's cache of this text stays (two editors may share the folder).
  const stale = (name: string) => name.startsWith(`${stem}.`) && name.endsWith('.code-cache') && !name.startsWith(`${stem}.${hash}.`);
  return { exports: module.exports, save: accepted ? undefined : () => saveCache(script, cacheFile, stale) };
}

/** The V8 that compiles: the cache file is named by the bundle's text and this, so a cache of another text or V8 is never read. */
function engineKey(): string {
  return `v8-${process.versions.v8.replace(/[^\w.-]/g, '_')}-${process.arch}`;
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the compiled code (a temporary file renamed into place, as two windows may do it at once) and drops the stale caches. */
async function saveCache(script: vm.Script, file: string, stale: (name: string) => boolean): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(temporary, script.createCachedData());
    await fs.promises.rename(temporary, file);
    const folder = path.dirname(file);
    for (const name of await fs.promises.readdir(folder)) {
      if (stale(name)) await fs.promises.rm(path.join(folder, name), { force: true });
    }
  } catch {
    await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
    // A read-only extension folder: no cache, the next start compiles as before.
  }
}
