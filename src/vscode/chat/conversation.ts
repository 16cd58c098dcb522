import * as vscode from 'vscode';
import { normaliseMistakes, type MistakeLog } from '../../curriculum/progress';
import { weekOfPath } from '../../curriculum/scaffold';
import type { Finding, Lang } from '../../language/types';
import { Conversation, observeEdit, type MemoryStore } from '../../teacher/conversation';
import { normaliseMemory, type LearnerMemory } from '../../teacher/memory';
import type { LearnerProfile } from '../../teacher/types';
import { CONFIG_SECTION } from '../ids';
import { toEnum } from '../pure/settings';
import type { Services } from '../services';

const PROFILE_KEY = 'aiTeacher.learnerProfile';
const MEMORY_KEY = 'aiTeacher.learnerMemory.v1';
const MISTAKES_KEY = 'aiTeacher.mistakes.v1';

/**
 * The editor's side of the conversation core, shared by the chat participant and the panel so
 * both remember the same things: the learner's memory (attempts, hint focus, last reviews) and
 * the mistake log in global state, and a listener that turns each save into attempts and fixes.
 */
export interface TeacherConversation {
  readonly conversation: Conversation;
  readonly memory: MemoryStore;
  mistakes(): MistakeLog;
  /** Fires after a save or a turn changed the memory (the panel re-draws its hint locks). */
  readonly onDidChangeMemory: vscode.Event<void>;
}

/** The path the teacher remembers a file by (workspace-relative, the same on every surface). */
export function conversationPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

const shared = new WeakMap<vscode.ExtensionContext, TeacherConversation>();

export function teacherConversation(context: vscode.ExtensionContext, services: Services): TeacherConversation {
  const existing = shared.get(context);
  if (existing) return existing;
  const changed = new vscode.EventEmitter<void>();
  let memory = normaliseMemory(context.globalState.get(MEMORY_KEY));
  const store: MemoryStore = {
    get: () => memory,
    async set(next: LearnerMemory) {
      memory = next;
      await context.globalState.update(MEMORY_KEY, next);
      changed.fire();
    },
  };
  const progress = services.progress;
  // The mistake log lives with the progress; a store without one keeps it here.
  const mistakes = (): MistakeLog => progress.mistakes?.() ?? normaliseMistakes(context.globalState.get(MISTAKES_KEY));
  const setMistakes = async (log: MistakeLog) => (progress.setMistakes ? progress.setMistakes(log) : context.globalState.update(MISTAKES_KEY, log));
  const conversation = new Conversation({
    teacher: services.teacher,
    langSetting: () => toEnum(vscode.workspace.getConfiguration(CONFIG_SECTION).get('teacher.language'), ['auto', 'ko', 'en'] as const, 'auto'),
    displayLang: (): Lang => services.lang(),
    curriculum: () => services.curriculum(),
    progress: { status: (w) => progress.status(w), setStatus: (w, s) => progress.setStatus(w, s), current: () => progress.current(), mistakes, setMistakes },
    profile: () => context.globalState.get<LearnerProfile>(PROFILE_KEY) ?? {},
    saveProfile: (profile) => Promise.resolve(context.globalState.update(PROFILE_KEY, profile)),
    memory: store,
    log: (message) => services.output.warn(message),
  });

  // What each saved file looked like when it was last linted, to see which findings an edit touched.
  const saved = new Map<string, { text: string; findings: readonly Finding[] }>();
  context.subscriptions.push(
    changed,
    services.onDidChangeFindings((uri) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const result = services.latest(uri);
      if (!document || document.isDirty || !result) return;
      const key = uri.toString();
      const before = saved.get(key);
      const text = document.getText();
      saved.set(key, { text, findings: result.findings });
      if (!before || before.text === text) return;
      const week = weekOfPath(uri.fsPath)?.week ?? progress.current();
      const next = observeEdit(memory, mistakes(), {
        path: conversationPath(uri),
        before: before.text,
        after: text,
        previous: before.findings,
        current: result.findings,
        week,
        at: Date.now(),
      });
      void Promise.all([store.set(next.memory), setMistakes(next.log)]).catch((error: unknown) => services.output.warn(`teacher memory: ${String(error)}`));
    }),
    vscode.workspace.onDidCloseTextDocument((document) => saved.delete(document.uri.toString())),
  );
  const value: TeacherConversation = { conversation, memory: store, mistakes, onDidChangeMemory: changed.event };
  shared.set(context, value);
  return value;
}
