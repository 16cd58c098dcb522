import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Rule } from './rule';
import type { Lang, LintResult } from './types';

/**
 * A content cache like Ruff's: a file whose bytes, path, rule set, configuration, message
 * language and tool build are unchanged since the last run gets its previous result back
 * without being parsed. The cache lives in `.ai-teacher-cache/` (the walker skips it, and it
 * holds a `.gitignore` of its own); one JSON file per fingerprint, so a changed rule, config or
 * version reads a different file and can never see stale results.
 *
 * Concurrent runs are safe: each run reads the file once and writes a complete new file under a
 * temporary name before renaming it into place, so a reader sees the old file or the new one,
 * never half of one (the last writer's entries win). A corrupted or foreign file is ignored
 * and replaced. Nothing here throws: a cache that cannot be read or written is simply empty.
 *
 * Only the per-file pass is cached, with the file's project facts. Results that depend on other
 * files (the project pass) are computed each run from those facts, never stored in a file's entry.
 */
export const CACHE_DIR_NAME = '.ai-teacher-cache';
const FORMAT = 1;

export interface CacheIdentity {
  /** The tool's version. */
  readonly version: string;
  /** Identifies the build (say, the bundle's size and time), for unreleased builds. */
  readonly build?: string;
  readonly rules: readonly Rule[];
  /** The configuration that applies, as plain data. */
  readonly config: unknown;
  /** Findings carry messages rendered in this language. */
  readonly lang: Lang;
}

/** A hash of everything, besides the file itself, that decides a file's result. */
export function cacheFingerprint(identity: CacheIdentity): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, identity.version, identity.build ?? '', identity.lang, identity.config ?? null]));
  for (const rule of identity.rules) {
    // The metadata, the matching and the check's own source: a rule edited without a version
    // bump still changes the fingerprint. Helpers it calls are covered by `build`.
    const { callees, ...meta } = rule as Rule & { callees?: readonly (string | RegExp)[] };
    hash.update(JSON.stringify(meta));
    hash.update(JSON.stringify((callees ?? []).map(String)));
    hash.update(String('check' in rule ? rule.check : rule.project));
    // Project hooks of per-file rules run in the project pass, not on the cached result.
  }
  return hash.digest('hex');
}

interface Entry {
  /** sha256 of the file's bytes. */
  readonly h: string;
  readonly r: LintResult;
}

interface CacheFile {
  readonly format: number;
  readonly fingerprint: string;
  readonly entries: Record<string, Entry>;
}

export class LintCache {
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly root: string,
    private readonly fingerprint: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  /**
   * Opens the cache of `root` (the folder holding `.ai-teacher-cache/`, normally the working
   * directory) for this fingerprint. Paths given to `get` and `set` are stored relative to it.
   */
  static open(root: string, fingerprint: string): LintCache {
    const file = path.join(root, CACHE_DIR_NAME, `v${FORMAT}`, `${fingerprint.slice(0, 32)}.json`);
    return new LintCache(file, root, fingerprint, readEntries(file, fingerprint));
  }

  /** Content hash of a file's bytes, to pass to `get` and `set`. */
  static hash(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The stored result for this file if its content hash matches, with the path it is shown by now. */
  get(file: string, hash: string, shownPath: string = file): LintResult | undefined {
    const entry = this.entries.get(this.key(file));
    if (!entry || entry.h !== hash) return undefined;
    return { ...entry.r, path: shownPath };
  }

  set(file: string, hash: string, result: LintResult): void {
    // A crashed rule may be a passing fault (memory, a bug fixed by the next build): never keep it.
    if (result.notices.some((notice) => notice.kind === 'internal-error')) return;
    this.entries.set(this.key(file), { h: hash, r: result });
    this.dirty = true;
  }

  /** Writes the cache if anything changed: a temporary file renamed into place. */
  save(): void {
    if (!this.dirty) return;
    const dir = path.dirname(this.file);
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(dir, { recursive: true });
      markCacheFolder(path.join(this.root, CACHE_DIR_NAME));
      const content: CacheFile = { format: FORMAT, fingerprint: this.fingerprint, entries: Object.fromEntries(this.entries) };
      fs.writeFileSync(temporary, JSON.stringify(content));
      fs.renameSync(temporary, this.file);
      this.dirty = false;
    } catch {
      // A read-only folder or a full disk costs the next run its speed, not this run its result.
      fs.rmSync(temporary, { force: true });
    }
  }

  private key(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }
}

function readEntries(file: string, fingerprint: string): Map<string, Entry> {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile> | null;
    if (parsed?.format !== FORMAT || parsed.fingerprint !== fingerprint || typeof parsed.entries !== 'object' || parsed.entries === null) return new Map();
    const entries = new Map<string, Entry>();
    for (const [key, entry] of Object.entries(parsed.entries)) {
      if (typeof entry?.h === 'string' && Array.isArray(entry.r?.findings) && Array.isArray(entry.r?.notices)) entries.set(key, entry);
    }
    return entries;
  } catch {
    return new Map();
  }
}

/** Like `.ruff_cache`: ignored by git and marked as a cache for backup tools. */
function markCacheFolder(dir: string): void {
  const gitignore = path.join(dir, '.gitignore');
  if (fs.existsSync(gitignore)) return;
  fs.writeFileSync(gitignore, '# Automatically created by ai-teacher.\n*\n');
  fs.writeFileSync(path.join(dir, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by ai-teacher.\n');
}
