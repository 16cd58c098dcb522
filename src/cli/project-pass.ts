import { createHash, type Hash } from 'node:crypto';
import type { ProjectCache } from '../language/cache';
import { EMPTY_CONFIG, type ProjectConfig } from '../language/config';
import type { FileFacts } from '../language/project/facts';
import { FactsPool, withoutUnresolvableCalls } from '../language/project/compact';
import { normalise, ProjectIndex } from '../language/project/index';
import { packFacts } from '../language/project/packed';
import { runProjectRules, type ProjectResult } from '../language/project/run';
import type { Lang } from '../language/types';
import { ResultSpool } from './spool';

/**
 * The project pass of a `check` run. With the content cache on, it collects every file's facts
 * as JSON while the files are linted and parses them into the project index only if the pass
 * has to run (without it, each file's facts go into the index at once). The JSON waits in a
 * spool (spool.ts), as UTF-8 that moves to a temporary file past a megabyte: held as strings,
 * a first run over 50,000 files kept some 190 MB of facts in memory until the pass. The result is stored under a digest of everything it reads (each file's path, facts
 * and config fingerprint, which covers the rules, the build and the language, and the project
 * root), so a run in which no file's facts changed (a warm run, or one where only a function
 * body changed) reuses the last result without parsing a fact or building the joined view.
 */
export class ProjectPass {
  /** The files whose facts wait in `waiting`, in the order they were added. */
  private readonly paths: string[] = [];
  private readonly waiting = new ResultSpool();
  /** The config of the first file, and of the files whose config is another one (most runs have one). */
  private first: ProjectConfig | undefined;
  private readonly configs = new Map<string, ProjectConfig>();
  private readonly digest: Hash | undefined;
  private readonly index: ProjectIndex;
  /** Every file's facts sit in the index at once: what they repeat is kept once. */
  private readonly pool = new FactsPool();

  constructor(
    private readonly root: string,
    private readonly lang: Lang,
    /** Where the last result is kept; undefined with `--no-cache`. */
    private readonly cache: ProjectCache | undefined,
    /** The last module name part of every file of the run (`moduleTails`): calls that cannot resolve to one are not kept. */
    private readonly tails?: ReadonlySet<string>,
  ) {
    this.digest = cache ? createHash('sha256').update(JSON.stringify([root, lang])) : undefined;
    this.index = new ProjectIndex(root);
  }

  /**
   * A file of the run with its facts as JSON ('' for none), the config that applies to it and
   * that config's fingerprint.
   */
  add(path: string, facts: string, config: ProjectConfig, fingerprint: string): void {
    const key = normalise(path);
    this.first ??= config;
    if (config !== this.first) this.configs.set(key, config);
    if (!facts) return;
    if (!this.digest) {
      // Nothing to reuse: into the index at once, so the facts never sit in memory twice.
      this.index.set(key, this.read(facts));
      return;
    }
    this.paths.push(key);
    this.waiting.add(Buffer.from(facts));
    this.digest.update(`\u0000${key}\u0000${fingerprint}\u0000${facts}`);
  }

  run(): ProjectResult {
    const key = this.digest?.digest('hex');
    try {
      const stored = key ? this.cache?.get(key) : undefined;
      if (stored) return stored;
      for (const [i, path] of this.paths.entries()) {
        const bytes = this.waiting.get(i);
        this.index.set(path, this.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')));
      }
    } finally {
      this.waiting.close();
    }
    const result = runProjectRules(this.index, { lang: this.lang, config: (file) => this.configs.get(file) ?? this.first ?? EMPTY_CONFIG });
    if (key) this.cache?.set(key, result);
    return result;
  }

  /** Lets go of the facts still waiting (when the run failed before `run`). */
  close(): void {
    this.waiting.close();
  }

  /** A file's facts as the index keeps them: without the calls no project rule can follow, the fields one rule reads as text (packed.ts), what they repeat shared. */
  private read(json: string): FileFacts {
    const facts = JSON.parse(json) as FileFacts;
    return this.pool.compact(packFacts(this.tails ? withoutUnresolvableCalls(facts, this.tails) : facts, (text) => this.pool.string(text)));
  }
}
