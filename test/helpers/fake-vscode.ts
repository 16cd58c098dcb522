import Module from 'node:module';

/**
 * A minimal stand-in for the `vscode` module, installed before the code under test is loaded,
 * so editor-side services can be unit-tested in plain Node. Only what those services call.
 */
export interface FakeModel {
  readonly id: string;
  readonly name: string;
  readonly vendor: string;
  readonly family: string;
  sendRequest(messages: unknown[], options?: unknown, token?: unknown): Promise<{ text: AsyncIterable<string> }>;
}

export const fake = {
  config: new Map<string, unknown>(),
  models: [] as FakeModel[],
  inputBox: undefined as string | undefined,
  quickPick: (items: readonly { label: string }[]) => items[0] as unknown,
  messages: [] as string[],
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  trusted: true,
};

class CancellationTokenSource {
  private listeners: (() => void)[] = [];
  token = { isCancellationRequested: false, onCancellationRequested: (l: () => void) => (this.listeners.push(l), { dispose() {} }) };
  cancel() {
    this.token.isCancellationRequested = true;
    this.listeners.forEach((l) => l());
  }
  dispose() {}
}

class LanguageModelError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const vscodeFake = {
  ConfigurationTarget: { Global: 1, Workspace: 2 },
  CancellationTokenSource,
  LanguageModelError,
  LanguageModelChatMessage: { User: (text: string) => ({ role: 'user', text }), Assistant: (text: string) => ({ role: 'assistant', text }) },
  workspace: {
    get isTrusted() {
      return fake.trusted;
    },
    getConfiguration: () => ({
      get: (key: string) => fake.config.get(key),
      update: async (key: string, value: unknown) => void fake.config.set(key, value),
    }),
  },
  window: {
    showInputBox: async () => fake.inputBox,
    showInformationMessage: async (message: string) => void fake.messages.push(message),
    showQuickPick: async (items: readonly { label: string }[]) => fake.quickPick(items),
  },
  lm: { selectChatModels: async (selector?: { id?: string }) => fake.models.filter((m) => !selector?.id || m.id === selector.id) },
  commands: { registerCommand: (id: string, run: (...args: unknown[]) => unknown) => (fake.commands.set(id, run), { dispose() {} }) },
};

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };
const original = moduleWithLoad._load;
moduleWithLoad._load = function (request: string, parent: unknown, isMain: boolean) {
  if (request === 'vscode') return vscodeFake;
  return original.call(this, request, parent, isMain);
};
