import type * as vscode from 'vscode';
import type { TeacherGateway } from '../../teacher/types';
import type { Services } from '../services';
import { registerOpenChat } from './open-chat';
import { registerTeacherModel } from './provider';
import { registerTeacherTools } from './tools';

/**
 * The teacher where learners already are: its own language model for the Chat view without an
 * account, tools for agent mode, and "Ask in Chat". `standaloneTeacher` is the teacher without the
 * editor's own models (see `TeacherService.withoutEditorModels`).
 */
export function registerLanguageModelFeatures(context: vscode.ExtensionContext, services: Services, standaloneTeacher: TeacherGateway): void {
  registerTeacherModel(context, services, standaloneTeacher);
  registerTeacherTools(context, services);
  registerOpenChat(context, services);
}
