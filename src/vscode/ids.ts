/** Every id the extension contributes, declared once (a unit test checks them against package.json). */
export const EXTENSION_ID = 'ai-engineering-teacher.ai-engineering-teacher';

export const Commands = {
  reviewWorkspace: 'aiTeacher.reviewWorkspace',
  openTeacher: 'aiTeacher.openTeacher',
  askTeacher: 'aiTeacher.askTeacher',
  insertScaffold: 'aiTeacher.insertScaffold',
  explainRule: 'aiTeacher.explainRule',
  ignoreOnLine: 'aiTeacher.ignoreOnLine',
  disableRule: 'aiTeacher.disableRule',
  startWeek: 'aiTeacher.startWeek',
  continueWeek: 'aiTeacher.continueWeek',
  showCurriculum: 'aiTeacher.showCurriculum',
  setApiKey: 'aiTeacher.setApiKey',
  clearApiKey: 'aiTeacher.clearApiKey',
  selectBackend: 'aiTeacher.selectBackend',
  toggleFocusMode: 'aiTeacher.toggleFocusMode',
  openChat: 'aiTeacher.openChat',
} as const;

export const Views = {
  container: 'aiTeacher',
  panel: 'aiTeacher.panel',
} as const;

export const PARTICIPANT_ID = 'ai-engineering-teacher.teacher';
/** The participant's name as typed in the Chat view (`@ai-engineer-teacher`). */
export const PARTICIPANT_NAME = 'ai-engineer-teacher';
export const DIAGNOSTIC_SOURCE = 'AI Teacher';
export const CONFIG_SECTION = 'aiTeacher';
export const SECRET_OPENAI_KEY = 'aiTeacher.openai.apiKey';

/** Language-model tools for agent mode (`languageModelTools` in package.json). */
export const Tools = {
  review: 'aiTeacher_review',
  explainRule: 'aiTeacher_explainRule',
  weekContext: 'aiTeacher_weekContext',
} as const;

/** The extension's own language model (`languageModelChatProviders`): vendor and model id. */
export const TEACHER_MODEL = { vendor: 'ai-teacher', id: 'teacher' } as const;
