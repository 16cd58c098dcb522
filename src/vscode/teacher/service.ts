import * as path from 'node:path';
import * as vscode from 'vscode';
import { bundledWasm } from '../../language/parser';
import type { Lang } from '../../language/types';
import { TeacherCore, type BackendSource } from '../../teacher/backends/gateway';
import { createOpenAIClient, probeOpenAI, remoteBlocked } from '../../teacher/backends/openai';
import { normaliseTeacherSettings, type TeacherSettings } from '../../teacher/backends/settings';
import { ModelError, type ModelClient } from '../../teacher/backends/types';
import type { LineParser } from '../../teacher/guard-classify';
import { loadLineParser } from '../../teacher/guard-parser';
import type { AskOptions, TeacherGateway, TeacherRequest, TeacherResponse } from '../../teacher/types';
import { CONFIG_SECTION, Commands, SECRET_OPENAI_KEY } from '../ids';
import { isTeacherModel } from '../lm/answer';
import { lmClient, vscodeLmApi } from './lm-client';

/** The model the learner picked with "Select Backend" (a user action), remembered across sessions. */
const SELECTED_MODEL_KEY = 'aiTeacher.vscodeModelId';
const PROBE_TTL_MS = 30_000;

/**
 * The teacher for the participant and the panel: the pure TeacherCore plus the editor's
 * sources (a VS Code model the learner chose, the OpenAI-compatible endpoint with its key
 * from SecretStorage). The key is read per request and never logged.
 */
export class TeacherService implements TeacherGateway, vscode.Disposable {
  private readonly core: TeacherCore;
  private standalone: TeacherCore | undefined;
  private probe: { url: string; at: number; ok: boolean } | undefined;
  private lineParser: Promise<LineParser> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly lang: () => Lang,
  ) {
    this.core = new TeacherCore({
      mode: () => this.mode(),
      sources: [this.vscodeSource(), this.openaiSource()],
      log: (message) => this.output.warn(message),
      parser: () => this.parser(),
    });
  }

  /** The guard's Python grammar, loaded with the first model answer from the bundle's dist/ and shared by both cores. */
  private parser(): Promise<LineParser> {
    return (this.lineParser ??= Promise.resolve().then(() => loadLineParser(bundledWasm(path.join(this.context.extensionPath, 'dist')))));
  }

  /** Restricted Mode: no learner code leaves the machine, whatever the settings say. */
  private mode(): TeacherSettings['backend'] {
    return vscode.workspace.isTrusted ? this.settings().backend : 'offline';
  }

  /**
   * The same teacher without the editor's language models, for the extension's own contributed
   * model ("AI Teacher (offline)"): the OpenAI-compatible endpoint when configured, else offline.
   * A learner who chose "a VS Code model" as backend gets the offline teacher here.
   */
  withoutEditorModels(): TeacherGateway {
    this.standalone ??= new TeacherCore({
      mode: () => (this.mode() === 'vscode' ? 'offline' : this.mode()),
      sources: [this.openaiSource()],
      log: (message) => this.output.warn(message),
      parser: () => this.parser(),
    });
    return this.standalone;
  }

  settings(): TeacherSettings {
    const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
    return normaliseTeacherSettings((key) => config.get(key));
  }

  ask(request: TeacherRequest, options?: AskOptions): Promise<TeacherResponse> {
    return this.core.ask(request, options);
  }

  describeBackend(): Promise<{ readonly id: TeacherResponse['backend']; readonly label: string }> {
    return this.core.describeBackend();
  }

  modelFor(preferred?: ModelClient): Promise<ModelClient | undefined> {
    return this.core.modelFor(preferred);
  }

  /** Wraps a model handed to us by the editor (the participant's `request.model`). */
  wrapModel(model: vscode.LanguageModelChat) {
    return lmClient(model, vscodeLmApi(vscode), this.lang);
  }

  private vscodeSource(): BackendSource {
    return {
      id: 'vscode',
      resolve: async () => {
        const id = this.context.globalState.get<string>(SELECTED_MODEL_KEY);
        if (!id)
          return {
            reason: new ModelError(
              'unavailable',
              this.lang() === 'ko' ? 'VS Code 언어 모델이 선택되지 않았어요 ("AI Teacher: Select Backend")' : 'no VS Code language model selected ("AI Teacher: Select Backend")',
            ),
          };
        const [model] = await vscode.lm.selectChatModels({ id });
        return model
          ? { client: this.wrapModel(model) }
          : { reason: new ModelError('unavailable', this.lang() === 'ko' ? '선택한 VS Code 언어 모델을 찾을 수 없어요' : 'the selected VS Code language model is gone') };
      },
    };
  }

  private openaiSource(): BackendSource {
    return {
      id: 'openai',
      resolve: async () => {
        const settings = this.settings();
        if (remoteBlocked({ baseUrl: settings.baseUrl, allowRemote: settings.allowRemoteModel })) {
          return { reason: new ModelError('not-allowed', 'remote endpoint without opt-in') };
        }
        const apiKey = await this.context.secrets.get(SECRET_OPENAI_KEY);
        if (settings.backend === 'auto' && !(await this.reachable(settings.baseUrl, apiKey))) {
          return { reason: new ModelError('network', 'endpoint not reachable') };
        }
        return { client: createOpenAIClient({ baseUrl: settings.baseUrl, model: settings.model, apiKey, allowRemote: settings.allowRemoteModel }) };
      },
    };
  }

  private async reachable(url: string, apiKey: string | undefined): Promise<boolean> {
    const now = Date.now();
    if (this.probe && this.probe.url === url && now - this.probe.at < PROBE_TTL_MS) return this.probe.ok;
    const ok = await probeOpenAI(url, apiKey);
    this.probe = { url, at: now, ok };
    return ok;
  }

  async setApiKey(): Promise<void> {
    const ko = this.lang() === 'ko';
    const key = await vscode.window.showInputBox({
      password: true,
      ignoreFocusOut: true,
      title: ko ? 'OpenAI 호환 엔드포인트 API 키' : 'API key for the OpenAI-compatible endpoint',
      prompt: ko ? '키는 VS Code SecretStorage에만 저장되고 설정이나 로그에는 남지 않아요.' : 'The key is kept in VS Code SecretStorage only, never in settings or logs.',
    });
    if (key === undefined) return;
    if (!key.trim()) return this.clearApiKey();
    await this.context.secrets.store(SECRET_OPENAI_KEY, key.trim());
    this.probe = undefined;
    this.output.info('OpenAI-compatible API key stored in SecretStorage');
    void vscode.window.showInformationMessage(ko ? 'API 키를 저장했어요.' : 'API key saved.');
  }

  async clearApiKey(): Promise<void> {
    await this.context.secrets.delete(SECRET_OPENAI_KEY);
    this.probe = undefined;
    this.output.info('OpenAI-compatible API key removed from SecretStorage');
    void vscode.window.showInformationMessage(this.lang() === 'ko' ? 'API 키를 삭제했어요.' : 'API key removed.');
  }

  /** A user action, so this is where `vscode.lm.selectChatModels` may be asked. */
  async selectBackend(): Promise<void> {
    const ko = this.lang() === 'ko';
    type Item = vscode.QuickPickItem & { mode: TeacherSettings['backend']; modelId?: string };
    const models = await vscode.lm.selectChatModels().then(
      // The extension's own model is the teacher itself, not a backend for it.
      (list) => list.filter((m) => !isTeacherModel(m)),
      () => [] as vscode.LanguageModelChat[],
    );
    const items: Item[] = [
      {
        label: ko ? '자동' : 'Automatic',
        description: ko ? '쓸 수 있는 첫 번째 (VS Code 모델 → OpenAI 호환 → 오프라인)' : 'first that works (VS Code model → OpenAI-compatible → offline)',
        mode: 'auto',
      },
      ...models.map((m): Item => ({ label: `$(sparkle) ${m.name}`, description: `${m.vendor} · ${m.family}`, mode: 'vscode', modelId: m.id })),
      { label: ko ? 'OpenAI 호환 엔드포인트' : 'OpenAI-compatible endpoint', description: this.settings().baseUrl, mode: 'openai' },
      { label: ko ? '오프라인 선생님' : 'Offline teacher', description: ko ? '모델 없이, 항상 같은 답' : 'no model, always the same answer', mode: 'offline' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: ko ? '선생님 백엔드 선택' : 'Select the teacher backend' });
    if (!picked) return;
    if (picked.modelId) await this.context.globalState.update(SELECTED_MODEL_KEY, picked.modelId);
    await vscode.workspace.getConfiguration(CONFIG_SECTION).update('teacher.backend', picked.mode, vscode.ConfigurationTarget.Global);
    this.output.info(`teacher backend: ${picked.mode}${picked.modelId ? ` (${picked.modelId})` : ''}`);
  }

  dispose(): void {
    this.probe = undefined;
  }
}

/** The three backend commands. Call once from `extension.ts` with the service it created. */
export function registerTeacherCommands(context: vscode.ExtensionContext, service: TeacherService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.setApiKey, () => service.setApiKey()),
    vscode.commands.registerCommand(Commands.clearApiKey, () => service.clearApiKey()),
    vscode.commands.registerCommand(Commands.selectBackend, () => service.selectBackend()),
  );
}
