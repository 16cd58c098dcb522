export { registerTeacherPanel, TeacherPanelProvider } from './provider';
