import * as vscode from 'vscode';
import { Commands, PARTICIPANT_NAME, Views, TEACHER_MODEL } from '../ids';
import type { Services } from '../services';

/** VS Code's own command; `modelSelector` picks a model for the chat it opens (1.10x+, not in the d.ts). */
const CHAT_OPEN = 'workbench.action.chat.open';

/**
 * "AI Teacher: Ask in Chat": opens the Chat view with `@ai-engineer-teacher ` typed and the
 * extension's own model picked, so the participant runs without a Copilot account. Where the
 * Chat view is unavailable (`chat.disableAIFeatures`, an editor without chat) it says why and
 * offers the teacher panel, which needs no model.
 */
export function registerOpenChat(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openChat, async (prompt?: unknown) => {
      const query = `@${PARTICIPANT_NAME} ${typeof prompt === 'string' ? prompt : ''}`;
      const open = (withModel: boolean) =>
        vscode.commands.executeCommand(CHAT_OPEN, {
          query,
          isPartialQuery: true,
          ...(withModel ? { modelSelector: { vendor: TEACHER_MODEL.vendor, id: TEACHER_MODEL.id } } : {}),
        });
      try {
        await open(true);
        return;
      } catch (error) {
        services.output.info(`opening chat with the teacher's model failed (${(error as Error)?.message ?? error}); trying without a model choice`);
      }
      try {
        await open(false);
        return;
      } catch (error) {
        services.output.warn(`the Chat view is not available: ${(error as Error)?.message ?? error}`);
      }
      const ko = services.lang() === 'ko';
      const panel = ko ? '선생님 패널 열기' : 'Open the Teacher Panel';
      const choice = await vscode.window.showInformationMessage(
        ko
          ? '이 편집기에서는 채팅 보기를 쓸 수 없어요 (AI 기능이 꺼져 있거나 chat.disableAIFeatures 설정). 선생님 패널에서는 모델 없이도 같은 리뷰와 대화를 할 수 있어요.'
          : 'The Chat view is not available in this editor (AI features are off, or chat.disableAIFeatures is set). The teacher panel gives the same reviews and conversation without any model.',
        panel,
      );
      if (choice === panel) await vscode.commands.executeCommand(`${Views.panel}.focus`);
    }),
  );
}
