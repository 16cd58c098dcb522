import * as vscode from 'vscode';
import type { LintResult, Range } from '../../language/types';
import { PARTICIPANT_ID } from '../ids';
import type { Services } from '../services';
import { isTeacherModel } from '../lm/answer';
import { lmClient, vscodeLmApi, type LanguageModelLike } from '../teacher/lm-client';
import { conversationPath, teacherConversation } from './conversation';
import { followupsFor, handleChatRequest, type ChatDeps, type ChatReferenceLike, type ReviewSource } from './handler';

function toRange(range: vscode.Range): Range {
  return { start: { line: range.start.line, column: range.start.character }, end: { line: range.end.line, column: range.end.character } };
}

export async function reviewSource(services: Services, document: vscode.TextDocument, selection?: vscode.Range): Promise<ReviewSource | undefined> {
  const language =
    document.languageId === 'python' ? 'python' : /ya?ml|dockercompose|github-actions/.test(document.languageId) || /\.ya?ml$/i.test(document.fileName) ? 'yaml' : undefined;
  if (!language) return undefined;
  // A saved document's latest result is current; only unsaved text needs a lint now.
  let result: LintResult | undefined = (!document.isDirty && services.latest(document.uri)) || (await services.lint(document).catch(() => undefined));
  if (!result) result = (await services.engine()).lintText(document.uri.toString(), document.getText(), { lang: services.lang(), language });
  const path = conversationPath(document.uri);
  return {
    uri: document.uri,
    target: { path, text: document.getText(), result: { ...result, path }, ...(selection && !selection.isEmpty ? { selection: toRange(selection) } : {}) },
  };
}

/** The editor side of ChatDeps: `#file` references, the active editor, locations and the request's model. */
export function chatDeps(context: vscode.ExtensionContext, services: Services): ChatDeps {
  return {
    conversation: teacherConversation(context, services).conversation,
    lang: () => services.lang(),
    async reviewSources(references: readonly ChatReferenceLike[]) {
      const sources: ReviewSource[] = [];
      for (const ref of references) {
        const value = ref.value;
        const uri = value instanceof vscode.Uri ? value : value instanceof vscode.Location ? value.uri : undefined;
        if (!uri) continue;
        const document = await vscode.workspace.openTextDocument(uri).then(
          (d) => d,
          () => undefined,
        );
        const source = document && (await reviewSource(services, document, value instanceof vscode.Location ? value.range : undefined));
        if (source) sources.push(source);
      }
      if (sources.length) return sources;
      const editor = vscode.window.activeTextEditor;
      const source = editor && (await reviewSource(services, editor.document, editor.selection));
      return source ? [source] : [];
    },
    location: (uri, range) => new vscode.Location(uri as vscode.Uri, new vscode.Range(range.start.line, range.start.column, range.end.line, range.end.column)),
    // The extension's own model means "the teacher as configured": ask it directly rather than through the model API.
    modelClient: (model) => (isTeacherModel(model) ? undefined : lmClient(model as LanguageModelLike, vscodeLmApi(vscode), () => services.lang())),
    log: (message) => services.output.warn(message),
  };
}

/**
 * Registers `@ai-engineer-teacher`. Call once from `extension.ts`; the participant is owned by
 * `context.subscriptions`.
 */
export function registerTeacherParticipant(context: vscode.ExtensionContext, services: Services): vscode.ChatParticipant {
  const deps = chatDeps(context, services);
  const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, (request, chatContext, stream, token) => handleChatRequest(deps, request, chatContext, stream, token));
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'teacher.svg');
  participant.followupProvider = { provideFollowups: (result) => followupsFor(result) };
  context.subscriptions.push(participant);
  return participant;
}
