import type { Checkpoint, Curriculum, WeekStatus } from '../curriculum/types';
import type { Finding, Lang, LintResult, Range, WeekRef } from '../language/types';
import type { ModelClient } from './backends/types';
import type { Grade } from './grading';

/**
 * The contract of the teacher engine (pure) with its callers: the CLI `teach`, the chat
 * participant and the teacher panel.
 */

/** What the learner told the teacher at the first meeting (the seed's four questions). */
export interface LearnerProfile {
  readonly level?: 'beginner' | 'intermediate' | 'advanced';
  readonly currentWeek?: WeekRef;
  readonly deployment?: string;
  readonly infrastructure?: string;
  readonly painPoints?: string;
  readonly team?: string;
}

export interface ChatTurn {
  readonly role: 'learner' | 'teacher';
  readonly text: string;
}

export type TeacherIntent = 'greeting' | 'review' | 'hint' | 'explain' | 'design' | 'checkpoint' | 'week' | 'progress' | 'chat';

export interface ReviewTarget {
  readonly path: string;
  readonly text: string;
  readonly result: LintResult;
  /** Restrict the review to a selection. */
  readonly selection?: Range;
}

export interface TeacherRequest {
  readonly intent: TeacherIntent;
  readonly lang: Lang;
  /** The learner's words (chat prompt without the command). */
  readonly message: string;
  readonly review?: ReviewTarget;
  /**
   * The learner's open file when the context policy left it home: never sent to a model, only
   * told to the no-solution guard, so quoting the learner's own lines back costs nothing.
   */
  readonly ownCode?: string;
  /** For hint/explain: the rule, the finding and the hint level asked for (1 = question). */
  readonly ruleId?: string;
  readonly finding?: Finding;
  readonly hintLevel?: number;
  readonly week?: WeekRef;
  readonly profile: LearnerProfile;
  readonly history: readonly ChatTurn[];
  /** Course data for week, progress and checkpoint answers; the caller loads it (the teacher only reads it). */
  readonly curriculum?: CurriculumContext;
  /** A checkpoint grade already made (by a model, against the same rubric); the offline grade otherwise. */
  readonly grade?: Grade;
  /** What the teacher remembers about this learner for the answer: attempts, fixed and recurring mistakes. */
  readonly memory?: AnswerMemory;
}

/** The parts of the learner's memory an answer may mention (see memory.ts). */
export interface AnswerMemory {
  /** Rules the learner fixed before, which fire again in this review: rule id → where it was fixed. */
  readonly recurring?: Readonly<Record<string, { readonly weeks: readonly WeekRef[]; readonly count: number }>>;
  /** Findings of the previous review of this file that are gone now. */
  readonly fixedSinceLastReview?: readonly { readonly ruleId: string; readonly message: string }[];
  /** Hint level unlocked for the finding asked about (1-3), and why the next one is locked. */
  readonly hintUnlocked?: number;
  readonly attempts?: number;
}

/** What the caller knows about the course when it asks; every part is optional so the teacher degrades gracefully. */
export interface CurriculumContext {
  readonly curriculum?: Curriculum;
  readonly statuses?: Readonly<Partial<Record<WeekRef, WeekStatus>>>;
  /** The week the learner is working on. */
  readonly current?: WeekRef;
  /** The checkpoint being asked or assessed (for `checkpoint`). */
  readonly checkpoint?: Checkpoint;
}

export interface TeacherSection {
  readonly kind: 'acknowledge' | 'questions' | 'next-steps' | 'invitation' | 'hint' | 'explain' | 'requirements' | 'rubric' | 'week' | 'text' | 'note';
  readonly title?: string;
  readonly markdown: string;
}

export interface TeacherFollowup {
  readonly label: string;
  /** The prompt sent when the followup is chosen. */
  readonly prompt: string;
  readonly command?: string;
}

export interface TeacherResponse {
  readonly intent: TeacherIntent;
  /** The whole answer as Markdown (what the CLI prints and the chat streams). */
  readonly markdown: string;
  /** The same answer as parts, for the panel. */
  readonly sections: readonly TeacherSection[];
  readonly followups: readonly TeacherFollowup[];
  /** Which backend produced it. */
  readonly backend: 'offline' | 'vscode' | 'openai';
  /** Set when the no-solution guard replaced part of a model's answer. */
  readonly guarded?: boolean;
  /** What left the machine for this answer; absent when no model was asked. */
  readonly sent?: SentContext;
  /** The learner profile read from a first-meeting answer; the caller stores it for later requests. */
  readonly profile?: LearnerProfile;
  /** A short note about the backend (fallback reason), already included in `markdown`. */
  readonly note?: string;
  /** The week a week/progress/checkpoint answer is about (for a "start week" button). */
  readonly week?: WeekRef;
  /** The checkpoint assessment, so the caller can record a pass. */
  readonly checkpoint?: { readonly covered: readonly string[]; readonly missing: readonly string[]; readonly passed: boolean; readonly feedback?: string };
  /** The knowledge-base entries a free answer is about (rule ids, concept ids, week refs); `refusal` for a refused solution request. */
  readonly topics?: readonly string[];
}

/** What a model received with a question, for the panel footer. */
export interface SentContext {
  /** The model asked (its label, e.g. "llama3.1 @ 127.0.0.1:11434"). */
  readonly to: string;
  /** The learner's code that went with the question and the conversation, if any. */
  readonly code?: { readonly path: string; readonly lines: number; readonly selection: boolean };
}

export interface AskOptions {
  /** Called with each streamed piece of Markdown, already past the no-solution guard. */
  readonly onChunk?: (markdown: string) => void;
  readonly signal?: AbortSignal;
  /** A model picked for this request (the chat participant's `request.model`); preferred over the configured backend. */
  readonly model?: ModelClient;
}

/**
 * The one door to the teacher for the participant and the panel: it picks the backend
 * (VS Code model, OpenAI-compatible endpoint, offline), applies the guard and falls back to
 * the offline teacher on any failure.
 */
export interface TeacherGateway {
  ask(request: TeacherRequest, options?: AskOptions): Promise<TeacherResponse>;
  /** Which backend would answer now, for the panel footer. */
  describeBackend(): Promise<{ readonly id: TeacherResponse['backend']; readonly label: string }>;
  /** The model that would answer now (the preferred one when the mode allows it), for work beside `ask` such as grading. */
  modelFor?(preferred?: ModelClient): Promise<ModelClient | undefined>;
}
