import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Localized, WeekRef } from '../language/types';
import { GENERATOR_NEEDS, GENERATORS, type GeneratorId } from './generated';
import { starterProblems } from './render';
import type { Checkpoint, Curriculum, GeneratedFile, Resource, RubricConcept, StarterFile, Track, TrackId, Week } from './types';

/**
 * Loads and validates the course data under `root` (the repository's or the extension's
 * `curriculum/` folder). The layout is
 *   tracks.yaml                          the four tracks and their week counts
 *   resources.yaml                       shared resources, referenced by key from the weeks
 *   <track>/week-NN-<slug>/week.yaml     one week's metadata (Korean first, English too)
 *   <track>/week-NN-<slug>/starter/**    the exercise's starter files, as real files
 * It never throws: every problem becomes one line of the error list, and a week with errors
 * is left out so the rest of the course still works.
 */
export interface LoadOptions {
  /** When given, focus and done rules outside this set are errors. */
  readonly knownRules?: ReadonlySet<string>;
}

export interface LoadResult {
  readonly curriculum: Curriculum;
  readonly errors: string[];
}

export const TRACK_IDS: readonly TrackId[] = ['beginner', 'intermediate', 'advanced', 'capstone'];
const RESOURCE_KINDS: readonly Resource['kind'][] = ['book', 'course', 'tool', 'community', 'doc'];
const WEEK_DIR = /^week-(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export function loadCurriculum(root: string, options: LoadOptions = {}): LoadResult {
  const errors: string[] = [];
  const tracks = loadTracks(root, errors);
  const resources = loadResources(root, errors);
  const weeks: Week[] = [];
  for (const track of tracks) {
    const trackDir = path.join(root, track.id);
    const entries = safeReadDir(trackDir, errors);
    for (const entry of entries.sort()) {
      const dir = path.join(trackDir, entry);
      if (!isDirectory(dir)) continue;
      const week = loadWeek(dir, track.id, resources, errors);
      if (week) weeks.push(week);
    }
  }
  checkCompleteness(tracks, weeks, errors);
  if (options.knownRules) {
    for (const week of weeks) {
      for (const id of [...week.focusRules, ...week.definitionOfDone.clearRules]) {
        if (!options.knownRules.has(id)) errors.push(`${week.id}: unknown rule id "${id}"`);
      }
    }
  }
  weeks.sort((a, b) => TRACK_IDS.indexOf(a.track) - TRACK_IDS.indexOf(b.track) || a.number - b.number);
  return { curriculum: { tracks, weeks }, errors };
}

/** Finds a week by reference; `undefined` when the course has no such week. */
export function findWeek(curriculum: Curriculum, ref: WeekRef | string): Week | undefined {
  return curriculum.weeks.find((w) => w.id === ref);
}

function loadTracks(root: string, errors: string[]): Track[] {
  const raw = readYaml(path.join(root, 'tracks.yaml'), errors);
  if (raw === undefined) return [];
  const list = isRecord(raw) ? raw.tracks : undefined;
  if (!Array.isArray(list)) {
    errors.push('tracks.yaml: expected a `tracks` list');
    return [];
  }
  const tracks: Track[] = [];
  for (const [index, item] of list.entries()) {
    const where = `tracks.yaml: tracks[${index}]`;
    if (!isRecord(item)) {
      errors.push(`${where}: expected a mapping`);
      continue;
    }
    const id = item.id;
    if (typeof id !== 'string' || !(TRACK_IDS as readonly string[]).includes(id)) {
      errors.push(`${where}: id must be one of ${TRACK_IDS.join(', ')}`);
      continue;
    }
    const title = localized(item.title, `${where}.title`, errors);
    const count = item.weeks;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
      errors.push(`${where}: weeks must be a positive integer`);
      continue;
    }
    if (title) tracks.push({ id: id as TrackId, title, weeks: count });
  }
  for (const id of TRACK_IDS) if (!tracks.some((t) => t.id === id)) errors.push(`tracks.yaml: track "${id}" is missing`);
  return tracks;
}

function loadResources(root: string, errors: string[]): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  const file = path.join(root, 'resources.yaml');
  if (!fs.existsSync(file)) return resources;
  const raw = readYaml(file, errors);
  if (raw === undefined) return resources;
  if (!isRecord(raw)) {
    errors.push('resources.yaml: expected a mapping of key to resource');
    return resources;
  }
  for (const [key, value] of Object.entries(raw)) {
    const resource = resourceOf(value, `resources.yaml: ${key}`, errors);
    if (resource) resources.set(key, resource);
  }
  return resources;
}

function loadWeek(dir: string, track: TrackId, resources: ReadonlyMap<string, Resource>, errors: string[]): Week | undefined {
  const folder = path.basename(dir);
  const where = `${track}/${folder}`;
  const match = WEEK_DIR.exec(folder);
  if (!match) {
    errors.push(`${where}: folder name must be week-NN-<slug>`);
    return undefined;
  }
  const raw = readYaml(path.join(dir, 'week.yaml'), errors, where);
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) {
    errors.push(`${where}/week.yaml: expected a mapping`);
    return undefined;
  }
  const before = errors.length;
  const number = Number(match[1]);
  const slug = match[2];
  const id = `${track}/${number}` as WeekRef;
  if (raw.id !== id) errors.push(`${where}: id must be "${id}" (found ${JSON.stringify(raw.id)})`);
  if (raw.track !== track) errors.push(`${where}: track must be "${track}"`);
  if (raw.number !== number) errors.push(`${where}: number must be ${number}`);
  if (raw.slug !== slug) errors.push(`${where}: slug must be "${slug}" (the folder name)`);
  const seedSection = typeof raw.seedSection === 'string' && raw.seedSection.trim() ? raw.seedSection : undefined;
  if (!seedSection) errors.push(`${where}: seedSection is required`);
  const title = localized(raw.title, `${where}.title`, errors);
  const intro = localized(raw.intro, `${where}.intro`, errors);
  const exercise = localized(raw.exercise, `${where}.exercise`, errors);
  const objectives = localizedList(raw.objectives, `${where}.objectives`, errors);
  const concepts = localizedList(raw.concepts, `${where}.concepts`, errors);
  const focusRules = stringList(raw.focusRules, `${where}.focusRules`, errors);
  const checkpoints = checkpointList(raw.checkpoints, `${where}.checkpoints`, errors);
  const weekResources = resourceList(raw.resources, resources, `${where}.resources`, errors);
  const done = isRecord(raw.definitionOfDone) ? raw.definitionOfDone : undefined;
  const clearRules = stringList(done?.clearRules, `${where}.definitionOfDone.clearRules`, errors);
  const notes = done?.notes === undefined ? undefined : localizedList(done.notes, `${where}.definitionOfDone.notes`, errors);
  const starterFiles = readStarterFiles(dir, typeof raw.mainFile === 'string' ? raw.mainFile : undefined, where, errors);
  const generatedFiles = raw.generatedFiles === undefined ? [] : generatedList(raw.generatedFiles, starterFiles, `${where}.generatedFiles`, errors);
  for (const rule of clearRules) if (!focusRules.includes(rule)) errors.push(`${where}: done rule "${rule}" is not a focus rule`);
  if (errors.length > before || !title || !intro || !exercise || !seedSection) return undefined;
  return {
    id,
    track,
    number,
    slug,
    title,
    seedSection,
    intro,
    objectives,
    concepts,
    exercise,
    starterFiles,
    ...(generatedFiles.length ? { generatedFiles } : {}),
    checkpoints,
    focusRules,
    resources: weekResources,
    definitionOfDone: notes ? { clearRules, notes } : { clearRules },
    sourceDir: dir,
  };
}

function readStarterFiles(dir: string, mainFile: string | undefined, where: string, errors: string[]): StarterFile[] {
  const starterDir = path.join(dir, 'starter');
  if (!isDirectory(starterDir)) {
    errors.push(`${where}: starter/ folder is missing`);
    return [];
  }
  const files: StarterFile[] = [];
  const walk = (relative: string) => {
    for (const name of safeReadDir(path.join(starterDir, relative), errors).sort()) {
      const rel = relative ? `${relative}/${name}` : name;
      const full = path.join(starterDir, rel);
      if (isDirectory(full)) walk(rel);
      else {
        const content = fs.readFileSync(full, 'utf8');
        for (const problem of starterProblems(content)) errors.push(`${where}/starter/${rel}: ${problem}`);
        files.push({ path: rel, main: rel === mainFile, content });
      }
    }
  };
  try {
    walk('');
  } catch (error) {
    errors.push(`${where}: cannot read starter files: ${(error as Error).message}`);
  }
  if (files.length === 0) errors.push(`${where}: starter/ has no files`);
  if (!mainFile) errors.push(`${where}: mainFile is required`);
  else if (!files.some((f) => f.main)) errors.push(`${where}: mainFile "${mainFile}" is not a starter file`);
  return files;
}

function generatedList(raw: unknown, starters: readonly StarterFile[], where: string, errors: string[]): GeneratedFile[] {
  if (!Array.isArray(raw)) {
    errors.push(`${where}: expected a list of { path, generator }`);
    return [];
  }
  const files: GeneratedFile[] = [];
  for (const [index, item] of raw.entries()) {
    const at = `${where}[${index}]`;
    const generator = isRecord(item) ? item.generator : undefined;
    if (!isRecord(item) || typeof item.path !== 'string' || !item.path.trim() || !(GENERATORS as readonly unknown[]).includes(generator)) {
      errors.push(`${at}: expected { path, generator: ${GENERATORS.join(' | ')} }`);
      continue;
    }
    if (starters.some((f) => f.path === item.path)) errors.push(`${at}: ${item.path} is also a starter file`);
    const need = GENERATOR_NEEDS[generator as GeneratorId];
    if (!starters.some((f) => f.path === need.file && need.pattern.test(f.content))) errors.push(`${at}: ${String(generator)} needs a starter ${need.file} matching ${String(need.pattern)}`);
    files.push({ path: item.path, generator: generator as GeneratorId });
  }
  return files;
}

function checkpointList(raw: unknown, where: string, errors: string[]): Checkpoint[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.push(`${where}: expected at least one checkpoint`);
    return [];
  }
  const checkpoints: Checkpoint[] = [];
  for (const [index, item] of raw.entries()) {
    const at = `${where}[${index}]`;
    if (!isRecord(item) || typeof item.id !== 'string') {
      errors.push(`${at}: expected a mapping with an id`);
      continue;
    }
    const question = localized(item.question, `${at}.question`, errors);
    const rubric = rubricList(item.rubric, `${at}.rubric`, errors);
    const passWith = item.passWith;
    if (typeof passWith !== 'number' || passWith < 1 || passWith > rubric.length) {
      errors.push(`${at}: passWith must be between 1 and the number of rubric concepts`);
      continue;
    }
    if (question) checkpoints.push({ id: item.id, question, rubric, passWith });
  }
  return checkpoints;
}

function rubricList(raw: unknown, where: string, errors: string[]): RubricConcept[] {
  if (!Array.isArray(raw) || raw.length < 3 || raw.length > 6) {
    errors.push(`${where}: expected 3 to 6 rubric concepts`);
    return [];
  }
  const concepts: RubricConcept[] = [];
  for (const [index, item] of raw.entries()) {
    const at = `${where}[${index}]`;
    if (!isRecord(item) || typeof item.id !== 'string') {
      errors.push(`${at}: expected a mapping with an id`);
      continue;
    }
    const label = localized(item.label, `${at}.label`, errors);
    const probe = localized(item.probe, `${at}.probe`, errors);
    const phrasings = isRecord(item.phrasings) ? item.phrasings : {};
    const ko = stringList(phrasings.ko, `${at}.phrasings.ko`, errors).map((p) => p.toLowerCase());
    const en = stringList(phrasings.en, `${at}.phrasings.en`, errors).map((p) => p.toLowerCase());
    if (label && probe) concepts.push({ id: item.id, label, probe, phrasings: { ko, en } });
  }
  return concepts;
}

function resourceList(raw: unknown, shared: ReadonlyMap<string, Resource>, where: string, errors: string[]): Resource[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.push(`${where}: expected at least one resource`);
    return [];
  }
  const list: Resource[] = [];
  for (const [index, item] of raw.entries()) {
    if (typeof item === 'string') {
      const found = shared.get(item);
      if (found) list.push(found);
      else errors.push(`${where}[${index}]: unknown resource key "${item}"`);
    } else {
      const resource = resourceOf(item, `${where}[${index}]`, errors);
      if (resource) list.push(resource);
    }
  }
  return list;
}

function resourceOf(raw: unknown, where: string, errors: string[]): Resource | undefined {
  if (!isRecord(raw) || (typeof raw.title !== 'string' && !isRecord(raw.title)) || !(RESOURCE_KINDS as readonly unknown[]).includes(raw.kind)) {
    errors.push(`${where}: a resource needs a title and a kind (${RESOURCE_KINDS.join(', ')})`);
    return undefined;
  }
  // A name that reads the same in both languages is a plain string; anything else is { ko, en }.
  const title = typeof raw.title === 'string' ? { ko: raw.title, en: raw.title } : localized(raw.title, `${where}.title`, errors);
  const note = raw.note === undefined ? undefined : localized(raw.note, `${where}.note`, errors);
  if (!title) return undefined;
  return {
    title,
    kind: raw.kind as Resource['kind'],
    ...(typeof raw.url === 'string' ? { url: raw.url } : {}),
    ...(note ? { note } : {}),
  };
}

function checkCompleteness(tracks: readonly Track[], weeks: readonly Week[], errors: string[]): void {
  const ids = new Set<string>();
  for (const week of weeks) {
    if (ids.has(week.id)) errors.push(`${week.id}: duplicate week id`);
    ids.add(week.id);
  }
  for (const track of tracks) {
    for (let n = 1; n <= track.weeks; n++) if (!ids.has(`${track.id}/${n}`)) errors.push(`${track.id}: week ${n} is missing`);
    for (const week of weeks) if (week.track === track.id && week.number > track.weeks) errors.push(`${week.id}: beyond the track's ${track.weeks} weeks`);
  }
}

function localized(raw: unknown, where: string, errors: string[]): Localized | undefined {
  // An unquoted comma in a YAML flow mapping (`{ ko: a, b, en: c }`) silently adds keys and cuts
  // the text short, so any key besides ko and en is an error rather than ignored.
  const extra = isRecord(raw) ? Object.keys(raw).filter((k) => k !== 'ko' && k !== 'en') : [];
  if (extra.length > 0) {
    errors.push(`${where}: unexpected keys ${extra.join(', ')} (quote texts that contain commas)`);
    return undefined;
  }
  if (isRecord(raw) && typeof raw.ko === 'string' && typeof raw.en === 'string' && raw.ko.trim() && raw.en.trim()) {
    return { ko: raw.ko.trimEnd(), en: raw.en.trimEnd() };
  }
  errors.push(`${where}: expected { ko, en } with both texts filled`);
  return undefined;
}

function localizedList(raw: unknown, where: string, errors: string[]): Localized[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.push(`${where}: expected a non-empty list`);
    return [];
  }
  return raw.flatMap((item, index) => localized(item, `${where}[${index}]`, errors) ?? []);
}

function stringList(raw: unknown, where: string, errors: string[]): string[] {
  if (!Array.isArray(raw) || raw.length === 0 || !raw.every((s) => typeof s === 'string' && s.trim())) {
    errors.push(`${where}: expected a non-empty list of strings`);
    return [];
  }
  return raw as string[];
}

function readYaml(file: string, errors: string[], where = path.basename(file)): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    errors.push(`${where}: cannot read ${path.basename(file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return undefined;
  }
  try {
    return parseYaml(text) as unknown;
  } catch (error) {
    errors.push(`${where}: ${path.basename(file)} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function safeReadDir(dir: string, errors: string[]): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (error) {
    errors.push(`${dir}: cannot list folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return [];
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
