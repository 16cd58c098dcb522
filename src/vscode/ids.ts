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
} as const;

export const Views = {
  container: 'aiTeacher',
  panel: 'aiTeacher.panel',
} as const;

export const PARTICIPANT_ID = 'ai-engineering-teacher.teacher';
export const DIAGNOSTIC_SOURCE = 'AI Teacher';
export const CONFIG_SECTION = 'aiTeacher';
export const SECRET_OPENAI_KEY = 'aiTeacher.openai.apiKey';
