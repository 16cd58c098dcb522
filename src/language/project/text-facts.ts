import { suppressionList } from '../suppress';
import { dockerfileFacts } from './dockerfile';
import { envFacts, isDotenvName } from './env-facts';
import { isKeyFileName, KEY_FILE_GLOBS, keyFileFacts } from './key-facts';
import type { EnvFacts, InstructionFact, KeyFileFacts, PlatformFacts, RequirementFact, RequirementsFacts, ScriptFacts } from './facts';

/**
 * The files the project model reads without a parser: Dockerfiles, requirements files, start
 * scripts, Procfiles, dotenv files and serverless platform files. Python and YAML facts come from the lint's parse instead.
 */

export type ProjectFileKind = 'python' | 'yaml' | 'dockerfile' | 'requirements' | 'script' | 'env' | 'keyfile' | 'platform';

/** What the project model makes of a file, from its name alone; undefined for files it does not read. */
export function projectFileKind(path: string): ProjectFileKind | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const lower = name.toLowerCase();
  if (lower.endsWith('.py') || lower.endsWith('.pyi')) return 'python';
  if (lower.endsWith('.yml') || lower.endsWith('.yaml')) return 'yaml';
  if (/^(dockerfile|containerfile)([.\-_].*)?$/.test(lower) || lower.endsWith('.dockerfile')) return 'dockerfile';
  if (/^(requirements|constraints)([\w.\-]*)\.(txt|in)$/.test(lower) || /[\w.\-]*requirements\.txt$/.test(lower)) return 'requirements';
  // Learners' spellings of the same file (`requirement.txt`, `requirments.txt`, `req.txt`), which their Dockerfiles install with -r.
  if (/^(requirement|requirment)[\w.\-]*\.txt$/.test(lower) || /^reqs?([._\-][\w.\-]*)?\.txt$/.test(lower)) return 'requirements';
  if (lower === 'pyproject.toml' || lower === 'pipfile' || lower === 'setup.cfg') return 'requirements';
  if (LOCK_FILE.test(lower)) return 'requirements';
  if (lower === 'procfile' || lower.endsWith('.sh')) return 'script';
  if (isDotenvName(lower)) return 'env';
  if (PLATFORM_FILE.test(lower)) return 'platform';
  if (isKeyFileName(lower)) return 'keyfile';
  return undefined;
}

/**
 * The files `projectFileKind` reads, as one glob for an editor's file search and watcher (which
 * match case-sensitively, so the usual spellings are listed). A unit test keeps the two in step.
 */
export const PROJECT_FILE_GLOB =
  '**/{*.py,*.pyi,*.yml,*.yaml,Dockerfile,Dockerfile.*,Dockerfile-*,Dockerfile_*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*,requirements*.txt,requirements*.in,*requirements.txt,requirement*.txt,requirment*.txt,Requirement*.txt,req.txt,reqs.txt,req[-_.]*.txt,reqs[-_.]*.txt,constraints*.txt,constraints*.in,pyproject.toml,Pipfile,setup.cfg,poetry.lock,uv.lock,pdm.lock,Pipfile.lock,pylock.toml,pylock.*.toml,Procfile,*.sh,.env,.env.*,*.env,vercel.json,netlify.toml,zappa_settings.json,' +
  KEY_FILE_GLOBS.join(',') +
  '}';

/** Serverless platforms' project files: the apps beneath them run as functions (see PlatformFacts). */
const PLATFORM_FILE = /^(vercel\.json|netlify\.toml|zappa_settings\.json)$/;

/** Lock files that pin what a manifest's ranges resolved to: only their presence matters. */
const LOCK_FILE = /^(poetry|uv|pdm|pipfile)\.lock$|^pylock(\.[\w-]+)?\.toml$/;

/** Is this a lock file (`poetry.lock`, `uv.lock`, `Pipfile.lock` ...)? Callers may skip reading it: its facts are constant. */
export function isLockFile(path: string): boolean {
  return LOCK_FILE.test(path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase());
}

/** The facts of every lock file: it pins, and declares nothing the other rules should read as a list. */
export const LOCK_FACTS: RequirementsFacts = { kind: 'requirements', packages: [], constrained: true, lock: true, suppressions: suppressionList('') };

const CONFLICT_OPEN = /^<{7}(\s|$)/;
const CONFLICT_SPLIT = /^={7}\s*$/;
const CONFLICT_CLOSE = /^>{7}(\s|$)/;

/**
 * The lines that open a merge conflict a merge left behind: `<<<<<<<`, then `=======`, then
 * `>>>>>>>`, each at the start of a line and in that order. A lone `=======` (an underline in a
 * docstring) or a `<<<<<<<` with no closing marker is not a conflict.
 */
export function conflictMarkers(text: string): number[] {
  const result: number[] = [];
  if (!text.includes('<<<<<<<')) return result;
  let open = -1;
  let split = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (CONFLICT_OPEN.test(line)) [open, split] = [i, false];
    else if (open >= 0 && CONFLICT_SPLIT.test(line)) split = true;
    else if (open >= 0 && split && CONFLICT_CLOSE.test(line)) {
      result.push(open);
      open = -1;
    }
  }
  return result;
}

/** The facts with the file's merge-conflict lines added, when it has any. */
export function withConflictMarkers<T extends object>(facts: T, text: string): T {
  const markers = conflictMarkers(text);
  return markers.length > 0 ? { ...facts, conflictMarkers: markers } : facts;
}

/** Facts of a Dockerfile, requirements file, script or dotenv file; undefined for Python and YAML (those need the engine). */
export function textFacts(path: string, text: string): ReturnType<typeof dockerfileFacts> | RequirementsFacts | ScriptFacts | EnvFacts | KeyFileFacts | PlatformFacts | undefined {
  const facts = plainTextFacts(path, text);
  return facts && facts !== LOCK_FACTS ? withConflictMarkers(facts, text) : facts;
}

function plainTextFacts(path: string, text: string): ReturnType<typeof dockerfileFacts> | RequirementsFacts | ScriptFacts | EnvFacts | KeyFileFacts | PlatformFacts | undefined {
  switch (projectFileKind(path)) {
    case 'dockerfile':
      return dockerfileFacts(text);
    case 'requirements':
      // A lock file is read for its presence only (it can be megabytes of hashes).
      if (isLockFile(path)) return LOCK_FACTS;
      return /(^|[\\/])(pyproject\.toml|pipfile|setup\.cfg)$/i.test(path) ? manifestFacts(text) : requirementsFacts(text);
    case 'script':
      return scriptFacts(text, /(^|[\\/])procfile$/i.test(path));
    case 'env':
      return envFacts(text);
    case 'keyfile':
      return keyFileFacts(path, text);
    case 'platform': {
      const lower = path.toLowerCase();
      const platform = lower.endsWith('vercel.json') ? 'vercel' : lower.endsWith('netlify.toml') ? 'netlify' : 'zappa';
      return { kind: 'platform', platform, suppressions: suppressionList('') };
    }
    default:
      return undefined;
  }
}

const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._\-]*)\s*(\[[^\]]*\])?\s*([^;#]*)/;
/** `git+https://host/org/repo.git@v1#egg=x` or `name @ git+ssh://git@host/org/repo`. */
const VCS_REQUIREMENT = /^(?:([A-Za-z0-9][\w.-]*)\s*(?:\[[^\]]*\])?\s*@\s*)?((?:git|hg|svn|bzr)\+[a-z]+:\/\/\S+)/i;
/** A ref after the repository path (the `@` of `user@host` is not one). */
const VCS_REF = /^[^:]+:\/\/(?:[^@/]+@)?[^/]+\/[^@#]+@[^#\s]+/;

/** A distribution's name as package indexes compare it: `Scikit_Learn` and `scikit-learn` are one package. */
export function distributionKey(name: string): string {
  return name.toLowerCase().replace(/[_.]+/g, '-');
}

export function requirementsFacts(text: string): RequirementsFacts {
  const packages: RequirementFact[] = [];
  let constrained = false;
  text.split(/\r?\n/).forEach((line, index) => {
    const content = line.replace(/(^|\s)#.*$/, '').trim();
    if (!content) return;
    if (/^(-c|--constraint)\b/.test(content)) constrained = true;
    // A repository (`git+https://.../repo.git`, `pkg @ git+https://...`) is pinned by a commit or tag after the path.
    const vcs = VCS_REQUIREMENT.exec(content);
    if (vcs) {
      const url = vcs[2];
      const name = vcs[1] ?? /#egg=([\w.-]+)/.exec(url)?.[1] ?? /\/([\w.-]+?)(?:\.git)?(?:[@#]|$)/.exec(url.replace(/^[^:]+:\/\/(?:[^@/]+@)?[^/]+/, ''))?.[1] ?? url;
      const column = line.indexOf(vcs[0]);
      packages.push({ name, spec: url, pinned: VCS_REF.test(url), vcs: true, range: { start: { line: index, column }, end: { line: index, column: line.length } } });
      return;
    }
    // Options, includes, editable installs, local paths and other URLs name no package version to pin.
    if (content.startsWith('-') || /^(\.|\/|[a-z+]+:\/\/|git\+)/i.test(content)) return;
    const match = REQUIREMENT.exec(content);
    if (!match) return;
    const spec = match[3].trim();
    // A compatible release down to the patch (`~=1.4.2`: at least 1.4.2, below 1.5) is written to hold
    // the minor version (reviewers' controls: only patch releases move); a two-part one (`~=1.4`: any
    // 1.x from 1.4) lets the API move and stays unpinned.
    const pinned = (/(^|,)\s*===?\s*[^*,\s]+\s*($|,)/.test(spec) && !/==\s*[^,]*\*/.test(spec)) || /^~=\s*\d+\.\d+\.\d+[\w.]*$/.test(spec) || spec.startsWith('@');
    const column = line.indexOf(match[1]);
    const marked = content.slice(match[0].length).trimStart().startsWith(';');
    const extras = match[2]
      ?.slice(1, -1)
      .split(',')
      .map((extra) => extra.trim().toLowerCase())
      .filter(Boolean);
    packages.push({
      name: match[1],
      spec,
      pinned,
      ...(marked && { marked: true as const }),
      ...(extras?.length && { extras }),
      range: { start: { line: index, column }, end: { line: index, column: line.length } },
    });
  });
  return { kind: 'requirements', packages, constrained, suppressions: suppressionList(text) };
}

/** The commands of a shell script (one per logical line) or of a Procfile (`web: gunicorn app:app`). */
export function scriptFacts(text: string, procfile: boolean): ScriptFacts {
  const commands: InstructionFact[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i];
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i];
    let content = line.trim();
    if (!content || content.startsWith('#')) continue;
    if (procfile) {
      const entry = /^[\w-]+\s*:\s*(.*)$/.exec(content);
      if (!entry) continue;
      content = entry[1];
    }
    commands.push({ text: content, range: { start: { line: start, column: lines[start].length - lines[start].trimStart().length }, end: { line: i, column: lines[i].length } } });
  }
  return { kind: 'script', commands, suppressions: suppressionList(text) };
}

/**
 * The packages a project manifest declares (pyproject.toml's dependency arrays and Poetry
 * tables, Pipfile's package tables, setup.cfg's install_requires). Ranges are how a manifest
 * states what it accepts, so nothing here counts as unpinned: `manifest` tells the pinning rule
 * to look at the lock file instead.
 */
export function manifestFacts(text: string): RequirementsFacts {
  const packages: RequirementFact[] = [];
  let table = '';
  let inArray = false;
  let arrayDev = false;
  let inSetupList = false;
  text.split(/\r?\n/).forEach((line, index) => {
    const content = line.replace(/(^|\s)#.*$/, '').trimEnd();
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(content);
    if (header) {
      table = header[1].trim().toLowerCase();
      inArray = inSetupList = false;
      return;
    }
    // `pinned` says whether the manifest itself names one exact version (`==1.2`, Poetry's bare `1.2.3`).
    const add = (name: string, spec: string, dev: boolean) => {
      const column = Math.max(0, line.indexOf(name));
      const pinned = /^===?\s*[\w.!+-]+$/.test(spec) || spec.startsWith('@') || (/^\d+(\.\d+)+$/.test(spec) && /poetry/.test(table));
      packages.push({ name, spec, pinned, dev, range: { start: { line: index, column }, end: { line: index, column: column + name.length } } });
    };
    const startsArray = /^\s*[\w-]*dependencies\s*=\s*\[/.test(content) || (/^\s*[\w-]+\s*=\s*\[/.test(content) && /optional-dependencies|dependency-groups/.test(table));
    if (inArray || startsArray) {
      if (startsArray) arrayDev = !/^\s*dependencies\s*=/.test(content) || table !== 'project';
      for (const m of content.matchAll(/["']([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^"';]*)/g)) add(m[1], m[3].trim(), arrayDev);
      inArray = !/\]\s*,?\s*$/.test(content) || (inArray && !content.includes(']'));
      return;
    }
    if (/^(tool\.poetry(\.group\.[\w-]+)?\.(dev-)?dependencies|packages|dev-packages)$/.test(table)) {
      const entry = /^\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)["']?\s*=\s*(.*)$/.exec(content);
      if (!entry || entry[1].toLowerCase() === 'python') return;
      const value = entry[2].trim();
      const spec =
        (/^\{/.test(value) ? (/\bversion\s*=\s*["']([^"']*)["']/.exec(value)?.[1] ?? (/\b(git|path|url)\s*=/.test(value) ? '@' : '')) : /^["']([^"']*)["']/.exec(value)?.[1]) ?? '';
      add(entry[1], spec === '@' ? '==local' : spec, table !== 'tool.poetry.dependencies' && table !== 'packages');
      return;
    }
    if (table === 'options') {
      if (/^install_requires\s*=/.test(content)) inSetupList = true;
      else if (/^\S/.test(content)) inSetupList = false;
      const name = inSetupList ? REQUIREMENT.exec(content.replace(/^install_requires\s*=/, '').trim()) : undefined;
      if (name) add(name[1], name[3].trim(), false);
    }
  });
  return { kind: 'requirements', packages, constrained: true, manifest: true, suppressions: suppressionList(text) };
}
