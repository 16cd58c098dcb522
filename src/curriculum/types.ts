import type { Localized, WeekRef } from '../language/types';
import type { GeneratorId } from './generated';
import type { MistakeLog } from './progress';

/**
 * The shape of the course data under `curriculum/`. The loader (curriculum issue) validates
 * the files into these types and returns an error list instead of throwing.
 */
export type TrackId = 'beginner' | 'intermediate' | 'advanced' | 'capstone';

export interface Track {
  readonly id: TrackId;
  readonly title: Localized;
  readonly weeks: number;
}

/** One key concept of a checkpoint answer, recognised offline by its phrasings. */
export interface RubricConcept {
  readonly id: string;
  readonly label: Localized;
  /** Lower-case phrases (either language) whose presence in an answer shows the concept. */
  readonly phrasings: { readonly ko: readonly string[]; readonly en: readonly string[] };
  /** A follow-up question asked when the concept is missing. */
  readonly probe: Localized;
}

export interface Checkpoint {
  readonly id: string;
  readonly question: Localized;
  readonly rubric: readonly RubricConcept[];
  /** How many concepts a passing answer covers. */
  readonly passWith: number;
}

export interface StarterFile {
  /** Path inside the week folder, e.g. `app.py` or `k8s/deployment.yaml`. */
  readonly path: string;
  /** The file the week opens next to the README. */
  readonly main?: boolean;
  readonly content: string;
}

export interface GeneratedFile {
  /** Path inside the week folder. */
  readonly path: string;
  readonly generator: GeneratorId;
}

export interface Resource {
  /** Book and tool names are usually the same in both languages; a YAML string fills both. */
  readonly title: Localized;
  readonly kind: 'book' | 'course' | 'tool' | 'community' | 'doc';
  readonly url?: string;
  /** Why this resource helps this week (optional, both languages). */
  readonly note?: Localized;
}

export interface Week {
  /** `beginner/1` ... the same reference rules use in `weeks`. */
  readonly id: WeekRef;
  readonly track: TrackId;
  readonly number: number;
  /** Folder name part: `week-01-<slug>`. */
  readonly slug: string;
  readonly title: Localized;
  /** Which section of the seed document the week comes from. */
  readonly seedSection: string;
  readonly intro: Localized;
  readonly objectives: readonly Localized[];
  readonly concepts: readonly Localized[];
  readonly exercise: Localized;
  /** Bilingual sources (see `render.ts`); scaffolding renders them in the learner's language. */
  readonly starterFiles: readonly StarterFile[];
  /** Files made when the week starts (`generated.ts`), e.g. the model file beginner/1 loads. */
  readonly generatedFiles?: readonly GeneratedFile[];
  readonly checkpoints: readonly Checkpoint[];
  /** Rule ids this week teaches; they must fire on the starter files. */
  readonly focusRules: readonly string[];
  readonly resources: readonly Resource[];
  /** The week is done when none of these rules fire on the exercise files and a checkpoint passed. */
  readonly definitionOfDone: { readonly clearRules: readonly string[]; readonly notes?: readonly Localized[] };
  /** Folder the week was loaded from (absent for weeks built in code). */
  readonly sourceDir?: string;
}

export interface Curriculum {
  readonly tracks: readonly Track[];
  readonly weeks: readonly Week[];
}

export type WeekStatus = 'not-started' | 'in-progress' | 'checkpoint-passed' | 'done';

/** Week progress as the editor keeps it (global state); a plain interface so the core can be tested. */
export interface ProgressStore {
  status(week: WeekRef): WeekStatus;
  setStatus(week: WeekRef, status: WeekStatus): Promise<void>;
  /** The week the learner is working on, if any. */
  current(): WeekRef | undefined;
  setCurrent(week: WeekRef): Promise<void>;
  /** The mistake log (see progress.ts), kept with the progress; stores without one remember nothing. */
  mistakes?(): MistakeLog;
  setMistakes?(log: MistakeLog): Promise<void>;
}
