import type { MistakeLog } from '../../src/curriculum/progress';
import type { Curriculum, WeekStatus } from '../../src/curriculum/types';
import type { Lang, WeekRef } from '../../src/language/types';
import { TeacherCore } from '../../src/teacher/backends/gateway';
import { Conversation, type ConversationDeps } from '../../src/teacher/conversation';
import { emptyMemory, type LearnerMemory } from '../../src/teacher/memory';
import type { LearnerProfile, TeacherGateway } from '../../src/teacher/types';
import { COURSE } from './course';

/** A conversation core over in-memory stores, for the participant, panel and core tests. */
export function testConversation(
  extra: { teacher?: TeacherGateway; lang?: 'auto' | Lang; display?: Lang; curriculum?: Curriculum; current?: WeekRef; profile?: LearnerProfile } = {},
) {
  const statuses = new Map<WeekRef, WeekStatus>();
  const saved: LearnerProfile[] = [];
  let memory: LearnerMemory = emptyMemory();
  let mistakes: MistakeLog = {};
  const deps: ConversationDeps = {
    teacher: extra.teacher ?? new TeacherCore({ mode: () => 'auto', sources: [] }),
    langSetting: () => extra.lang ?? 'auto',
    displayLang: () => extra.display ?? 'ko',
    curriculum: async () => extra.curriculum ?? COURSE,
    progress: {
      status: (w) => statuses.get(w) ?? 'not-started',
      setStatus: async (w, s) => void statuses.set(w, s),
      current: () => ('current' in extra ? extra.current : 'beginner/1'),
      mistakes: () => mistakes,
      setMistakes: async (log) => void (mistakes = log),
    },
    profile: () => extra.profile ?? {},
    saveProfile: async (p) => void saved.push(p),
    memory: { get: () => memory, set: async (m) => void (memory = m) },
    now: () => 1_700_000_000_000,
  };
  return { conversation: new Conversation(deps), deps, statuses, saved, memory: () => memory, mistakes: () => mistakes };
}
