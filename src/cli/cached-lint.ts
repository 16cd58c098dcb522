import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheFingerprint, LintCache, serialiseResult, type SerialisedResult } from '../language/cache';
import type { LoadedConfig } from '../language/config';
import { LintEngine } from '../language/engine';
import type { Rule } from '../language/rule';
import { isLockFile, LOCK_FACTS, projectFileKind, textFacts } from '../language/project/text-facts';
import { languageOf, prepareSource, readSourceFile } from '../language/source';
import type { Lang, LintResult } from '../language/types';
import { fileSignature } from './run-record';
import { VERSION } from './version';
import { wasmLocations } from './wasm';

/**
 * Lints files for `check`, through the content cache unless it is switched off. The engine
 * (the WASM runtime and a grammar) starts only at the first file the cache cannot answer, and
 * compiles only the grammars of the languages it meets, so a warm run loads no WASM at all.
 * Every result carries the file's project facts (cached with it) for the project pass;
 * Dockerfiles, requirements files and start scripts get facts only, from small line readers.
 * Results come out serialised (see `LintedFile`), as the cache stores them.
 */
export class FileLinter {
  private engine: Promise<LintEngine> | undefined;
  private readonly caches = new Map<LoadedConfig, LintCache>();
  private readonly fingerprints = new Map<LoadedConfig, string>();
  /** Configs that read alike share one cache, so they never overwrite each other's file. */
  private readonly byFingerprint = new Map<string, LintCache>();

  constructor(
    private readonly rules: readonly Rule[],
    private readonly lang: Lang,
    /** Where `.ai-teacher-cache/` lives, or undefined for no cache (`--no-cache`). */
    private readonly cacheRoot: string | undefined,
  ) {}

  /** `known`: the file's `stat` signature if the run read it already ('' for a file too young). */
  async lint(file: string, config: LoadedConfig, known?: string): Promise<LintedFile> {
    // A lock file matters by its presence; it can be megabytes of hashes, so it is not read.
    if (isLockFile(file)) return linted({ path: file, findings: [], notices: [], facts: LOCK_FACTS });
    const cache = this.cacheFor(config);
    // Taken before the read: an edit after it changes the signature the next run sees.
    const signature = cache ? (known ?? statSignature(file)) : '';
    if (signature) {
      const known = cache?.get(file, { signature });
      if (known) return known;
    }
    // Bounded: a FIFO, a device or a sparse giant is never read whole (see readSourceFile).
    const read = readSourceFile(file, config.config.maxFileSize, this.lang);
    // A binary or huge key file (a DER certificate, a keystore) is no source the user asked to check: it is passed over quietly.
    if (!read.ok) return linted({ path: file, findings: [], notices: projectFileKind(file) === 'keyfile' ? [] : [read.notice] });
    const bytes = read.bytes;
    const hash = cache ? LintCache.hash(bytes) : '';
    const cached = cache?.get(file, hash);
    if (cached) {
      // Unchanged but not yet known by its signature: stored again with it.
      if (signature) cache?.set(file, hash, cached, signature);
      return cached;
    }
    const kind = projectFileKind(file);
    if (kind && kind !== 'python' && kind !== 'yaml') {
      const prepared = prepareSource(bytes, config.config.maxFileSize, this.lang);
      if (!prepared.ok) return linted({ path: file, findings: [], notices: kind === 'keyfile' ? [] : [prepared.notice] });
      return linted({ path: file, findings: [], notices: [], facts: textFacts(file, prepared.text) });
    }
    let result: LintResult;
    try {
      const engine = await this.start();
      const language = languageOf(file);
      if (language) await engine.prepare([language]);
      result = engine.lintBytes(file, bytes, { lang: this.lang, config: config.config, facts: true });
    } catch (error) {
      // The engine is built not to throw; if it ever does, lose this file, not the run.
      return linted({ path: file, findings: [], notices: [{ kind: 'internal-error', message: `the engine failed on this file: ${(error as Error)?.message ?? String(error)}` }] });
    }
    const serialised = serialiseResult(result);
    cache?.set(file, hash, serialised, signature);
    return serialised;
  }

  /** Writes the caches; call once at the end of the run. */
  save(): void {
    for (const cache of this.byFingerprint.values()) cache.save();
  }

  private start(): Promise<LintEngine> {
    this.engine ??= LintEngine.create(wasmLocations(), this.rules, []);
    return this.engine;
  }

  /** Everything besides a file that decides its result under this config (cache.ts); '' without a cache. */
  fingerprint(config: LoadedConfig): string {
    if (this.cacheRoot === undefined) return '';
    let fingerprint = this.fingerprints.get(config);
    if (fingerprint === undefined) {
      fingerprint = cacheFingerprint({ version: VERSION, build: buildToken(), rules: this.rules, config: config.config, lang: this.lang });
      this.fingerprints.set(config, fingerprint);
    }
    return fingerprint;
  }

  private cacheFor(config: LoadedConfig): LintCache | undefined {
    if (this.cacheRoot === undefined) return undefined;
    let cache = this.caches.get(config);
    if (!cache) {
      const fingerprint = this.fingerprint(config);
      cache = this.byFingerprint.get(fingerprint) ?? LintCache.open(this.cacheRoot, fingerprint);
      this.byFingerprint.set(fingerprint, cache);
      this.caches.set(config, cache);
    }
    return cache;
  }
}

/**
 * A file's result as `check` holds it until the output, serialised: the facts as JSON for the
 * project pass (parsed back, they share no string with the file's text, which a string the
 * engine cuts out of a text keeps alive whole), the rest as JSON bytes for the spool.
 */
export interface LintedFile extends SerialisedResult {
  /** The bytes are held elsewhere anyway: the spool does not count them. Results from the cache are read afresh for each file, so none are today. */
  readonly shared?: boolean;
}

export const linted: (result: LintResult) => LintedFile = serialiseResult;

/**
 * The running bundle's size and time: an unreleased rebuild must not reuse old results. Run from
 * the sources (tsx, the accuracy script), the rules live in other files than this one, so the
 * newest time among the sources stands for the build.
 */
function buildToken(): string {
  try {
    const stat = fs.statSync(__filename);
    if (!__filename.endsWith('.ts')) return `${stat.size}:${stat.mtimeMs}`;
    let newest = stat.mtimeMs;
    let count = 0;
    for (const entry of fs.readdirSync(path.resolve(__dirname, '..'), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      count += 1;
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
    return `src:${count}:${newest}`;
  } catch {
    return '';
  }
}

/** The file's `stat` signature if it is old enough to stand for its content (run-record.ts), else ''. */
function statSignature(file: string): string {
  try {
    return fileSignature(fs.statSync(file), Date.now());
  } catch {
    return '';
  }
}
