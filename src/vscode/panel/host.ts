import type { Curriculum, ProgressStore } from '../../curriculum/types';
import type { Finding, Lang, LintResult, RuleMeta } from '../../language/types';
import type { ToWebview } from '../../shared/protocol';
import type { Conversation } from '../../teacher/conversation';
import type { LearnerMemory } from '../../teacher/memory';
import type { TeacherGateway } from '../../teacher/types';

/** What the panel's controller asks of the editor; the provider implements it, tests fake it. */

/** The document the Review section follows. */
export interface ActiveFile {
  readonly uri: string;
  /** Display name (file name). */
  readonly name: string;
  /** Workspace-relative path, given to the teacher. */
  readonly path: string;
  readonly languageId: string;
  readonly text: string;
  /** The latest lint result, when the document was linted. */
  readonly result?: LintResult;
}

export interface PanelLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface PanelHost {
  lang(): Lang;
  activeFile(): ActiveFile | undefined;
  /** Lints the active document now (when it has no result yet). */
  lintActive(): Promise<LintResult | undefined>;
  rule(id: string): Promise<RuleMeta | undefined>;
  curriculum(): Promise<Curriculum>;
  readonly progress: ProgressStore;
  /** For the footer: which backend answers. */
  readonly teacher: TeacherGateway;
  /** The conversation core every turn goes through (shared with the chat participant). */
  readonly conversation: Conversation;
  /** What the teacher remembers (attempts unlock the cards' hints). */
  memory(): LearnerMemory;
  insertScaffold(uri: string, finding: Finding): Promise<void>;
  /** A code block from the panel: onto the clipboard, or into the editor as TODO comments. */
  copyText(text: string): Promise<void>;
  insertCode(text: string): Promise<void>;
  goToLine(uri: string, finding: Finding): Promise<void>;
  startWeek(track: string, week: number): Promise<void>;
  continueWeek(): Promise<void>;
  selectBackend(): Promise<void>;
  /** Tells the learner that an action from the panel failed (a notification). */
  showError(message: string): void;
  /** Delivers a message to the webview (dropped when no view is resolved). */
  post(message: ToWebview): void;
  readonly log: PanelLog;
}
