import * as vscode from 'vscode';
import type { Lang } from '../../language/types';
import type { TeacherGateway } from '../../teacher/types';
import { CONFIG_SECTION, TEACHER_MODEL } from '../ids';
import type { Services } from '../services';
import { answerMessages } from '../../teacher/model-messages';
import { partsText } from './answer';
import { learnerCourse } from './course';

/**
 * The extension's own language model, "AI Teacher (offline)", contributed through the language
 * model chat provider API (VS Code 1.104+; `languageModelChatProviders` in package.json). It gives
 * the Chat view a model to pick where no Copilot account is signed in (code-server, VSCodium,
 * offline classrooms), so `@ai-engineer-teacher` can run there.
 *
 * What VS Code 1.139 needs for it to be selectable (read in its workbench source): the vendor is
 * declared in package.json, the provider is registered, and VS Code has *resolved* the vendor's
 * models. It resolves only when asked (`lm.selectChatModels`, the provider's change event, the
 * Manage Models view), never when the picker opens, so the provider fires its change event once
 * after registering. In Agent mode the picker lists only models that accept tools, hence
 * `toolCalling`: this model may be given tools, and it answers in text without calling them.
 */

/** The parts of the provider API (1.104+) used here; `@types/vscode` stays at the engine's 1.99. */
interface ModelInformation {
  readonly id: string;
  readonly name: string;
  readonly family: string;
  readonly version: string;
  readonly tooltip?: string;
  readonly detail?: string;
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
  readonly capabilities: { readonly toolCalling?: boolean; readonly imageInput?: boolean };
}
interface RequestMessage {
  readonly role: vscode.LanguageModelChatMessageRole;
  readonly content: readonly unknown[];
}
interface ChatProvider {
  readonly onDidChangeLanguageModelChatInformation?: vscode.Event<void>;
  provideLanguageModelChatInformation(options: { readonly silent: boolean }, token: vscode.CancellationToken): ModelInformation[];
  provideLanguageModelChatResponse(
    model: ModelInformation,
    messages: readonly RequestMessage[],
    options: { readonly tools?: readonly unknown[]; readonly toolMode?: vscode.LanguageModelChatToolMode },
    progress: vscode.Progress<vscode.LanguageModelTextPart>,
    token: vscode.CancellationToken,
  ): Promise<void>;
  provideTokenCount(model: ModelInformation, text: string | RequestMessage, token: vscode.CancellationToken): Promise<number>;
}
type RegisterProvider = (vendor: string, provider: ChatProvider) => vscode.Disposable;

/** A rough count (about four characters a token) is enough: the teacher never truncates on it. */
const tokens = (text: string) => Math.ceil(text.length / 4);

function information(lang: Lang, version: string): ModelInformation {
  const ko = lang === 'ko';
  return {
    id: TEACHER_MODEL.id,
    name: ko ? 'AI 선생님 (오프라인)' : 'AI Teacher (offline)',
    family: 'ai-teacher',
    version,
    tooltip: ko
      ? '계정 없이 동작하는 AI 엔지니어링 선생님: 규칙과 커리큘럼으로 질문과 TODO 골격을 만들어요. OpenAI 호환 엔드포인트를 설정하면 같은 가드 아래에서 그 모델을 써요.'
      : 'The AI Engineering Teacher without an account: questions and TODO skeletons from its rules and curriculum. With an OpenAI-compatible endpoint configured, it uses that model under the same guard.',
    detail: ko ? '오프라인 · 정답 코드 없음' : 'offline · no finished solutions',
    maxInputTokens: 128_000,
    maxOutputTokens: 8_000,
    capabilities: { toolCalling: true, imageInput: false },
  };
}

/**
 * Registers the provider when the running VS Code has the API (1.104+); a no-op before that.
 * `teacher` must be the gateway without the editor's own models.
 */
export function registerTeacherModel(context: vscode.ExtensionContext, services: Services, teacher: TeacherGateway): void {
  const register = (vscode.lm as unknown as { registerLanguageModelChatProvider?: RegisterProvider }).registerLanguageModelChatProvider;
  if (typeof register !== 'function') return;
  const changed = new vscode.EventEmitter<void>();
  const version = String((context.extension?.packageJSON as { version?: unknown } | undefined)?.version ?? '0');
  const deps = {
    teacher,
    lang: () => services.lang(),
    course: () => learnerCourse(services),
    lint: async (code: { language: 'python' | 'yaml'; text: string; path: string }, lang: Lang) =>
      (await services.engine()).lintText(code.path, code.text, { lang, language: code.language }),
  };
  const provider: ChatProvider = {
    onDidChangeLanguageModelChatInformation: changed.event,
    provideLanguageModelChatInformation: () => [information(services.lang(), version)],
    async provideLanguageModelChatResponse(_model, messages, options, progress, token) {
      if (options.toolMode === vscode.LanguageModelChatToolMode.Required && options.tools?.length) {
        throw new Error('AI Teacher (offline) answers in text and does not call tools; use another model for tool-only requests.');
      }
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        const plain = messages.map((m) => ({ role: m.role === vscode.LanguageModelChatMessageRole.User ? ('user' as const) : ('assistant' as const), text: partsText(m.content) }));
        await answerMessages(deps, plain, (piece) => progress.report(new vscode.LanguageModelTextPart(piece)), controller.signal);
      } finally {
        cancel.dispose();
      }
    },
    provideTokenCount: async (_model, text) => tokens(typeof text === 'string' ? text : partsText(text.content)),
  };
  context.subscriptions.push(
    changed,
    register.call(vscode.lm, TEACHER_MODEL.vendor, provider),
    // The name follows the teacher language; the backend settings change what the tooltip promises.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${CONFIG_SECTION}.teacher`)) changed.fire();
    }),
  );
  // VS Code lists a vendor's models only after resolving them, which nothing else asks for.
  queueMicrotask(() => changed.fire());
}
