import '../helpers/fake-vscode';
import * as assert from 'node:assert/strict';
import { fake, type FakeModel } from '../helpers/fake-vscode';
import { startChatServer, type ChatServer } from '../helpers/chat-server';
import { Commands, SECRET_OPENAI_KEY } from '../../src/vscode/ids';
import type { TeacherRequest } from '../../src/teacher/types';
// Loaded after the fake is installed: the service imports `vscode` at runtime.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TeacherService, registerTeacherCommands } = require('../../src/vscode/teacher/service') as typeof import('../../src/vscode/teacher/service');

function fakeContext() {
  const secrets = new Map<string, string>();
  const state = new Map<string, unknown>();
  return {
    secrets: { get: async (k: string) => secrets.get(k), store: async (k: string, v: string) => void secrets.set(k, v), delete: async (k: string) => void secrets.delete(k) },
    globalState: { get: (k: string) => state.get(k), update: async (k: string, v: unknown) => void state.set(k, v) },
    subscriptions: [] as { dispose(): void }[],
    secretMap: secrets,
  };
}

function fakeOutput() {
  const lines: string[] = [];
  const log = (m: string) => void lines.push(m);
  return { lines, info: log, warn: log, error: log, debug: log, trace: log };
}

const ask: TeacherRequest = { intent: 'design', lang: 'ko', message: '배치 추론 파이프라인을 설계하고 싶어요', profile: {}, history: [] };

describe('TeacherService (editor side, fake vscode module)', () => {
  let server: ChatServer;
  beforeEach(async () => {
    server = await startChatServer();
    fake.config.clear();
    fake.models = [];
    fake.messages = [];
    fake.trusted = true;
  });
  afterEach(() => server.close());

  function service() {
    const context = fakeContext();
    const output = fakeOutput();
    const s = new TeacherService(context as never, output as never, () => 'ko');
    registerTeacherCommands(context as never, s);
    return { s, context, output };
  }

  it('stores the API key in SecretStorage only and never logs it', async () => {
    const { context, output } = service();
    fake.inputBox = '  sk-very-secret  ';
    await fake.commands.get(Commands.setApiKey)!();
    assert.equal(context.secretMap.get(SECRET_OPENAI_KEY), 'sk-very-secret');
    assert.ok(![...output.lines, ...fake.messages, ...fake.config.values()].some((l) => String(l).includes('sk-very-secret')));
    await fake.commands.get(Commands.clearApiKey)!();
    assert.equal(context.secretMap.has(SECRET_OPENAI_KEY), false);
  });

  it('uses the OpenAI-compatible endpoint with the stored key', async () => {
    const { s, context } = service();
    context.secretMap.set(SECRET_OPENAI_KEY, 'sk-local');
    fake.config.set('teacher.backend', 'openai');
    fake.config.set('openai.baseUrl', server.baseUrl);
    fake.config.set('openai.model', 'tiny');
    server.script({ kind: 'stream', chunks: ['먼저 ', '데이터 크기는 얼마인가요?'] });
    const response = await s.ask(ask);
    assert.equal(response.backend, 'openai');
    assert.equal(response.markdown, '먼저 데이터 크기는 얼마인가요?');
    assert.equal(server.requests[0].authorization, 'Bearer sk-local');
    assert.deepEqual(await s.describeBackend(), { id: 'openai', label: `tiny @ ${new URL(server.baseUrl).host}` });
  });

  it('auto: an unreachable endpoint means the offline teacher, quietly', async () => {
    const { s } = service();
    fake.config.set('openai.baseUrl', 'http://127.0.0.1:9/v1');
    const response = await s.ask(ask);
    assert.equal(response.backend, 'offline');
    assert.equal(response.note, undefined);
  });

  it('never sends code to a remote endpoint without the opt-in', async () => {
    const { s } = service();
    fake.config.set('teacher.backend', 'openai');
    fake.config.set('openai.baseUrl', 'https://api.example.com/v1');
    const response = await s.ask(ask);
    assert.equal(response.backend, 'offline');
    assert.match(response.markdown, /allowRemoteModel/);
  });

  it('sends nothing to a non-loopback endpoint without the opt-in, and the question with it', async () => {
    // The network boundary itself: every request the backend makes goes through fetch.
    const calls: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: string | URL | Request) => {
      calls.push(String(input instanceof Request ? input.url : input));
      const body =
        'data: {"id":"r","object":"chat.completion.chunk","created":0,"model":"m","choices":[{"index":0,"delta":{"content":"원격 답변"},"finish_reason":null}]}\n\ndata: [DONE]\n\n';
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    }) as typeof fetch;
    try {
      const { s } = service();
      fake.config.set('teacher.backend', 'openai');
      fake.config.set('openai.baseUrl', 'http://10.1.2.3:8000/v1');
      const refused = await s.ask({ ...ask, intent: 'review', review: { path: 'app.py', text: 'SECRET_CODE = 1\n', result: { path: 'app.py', findings: [], notices: [] } } });
      assert.equal(calls.length, 0, 'nothing may leave the machine');
      assert.equal(refused.backend, 'offline');
      assert.equal(refused.sent, undefined);
      fake.config.set('privacy.allowRemoteModel', true);
      const allowed = await s.ask(ask);
      assert.deepEqual(calls, ['http://10.1.2.3:8000/v1/chat/completions']);
      assert.equal(allowed.markdown, '원격 답변');
      assert.equal(allowed.sent?.to, 'llama3.1 @ 10.1.2.3:8000');
      assert.equal(allowed.sent?.code, undefined, 'a design question goes without the file');
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('never lets the API key into logs, settings or answers, even when the server echoes it back', async () => {
    const { s, context, output } = service();
    context.secretMap.set(SECRET_OPENAI_KEY, 'sk-echo-me-123');
    fake.config.set('teacher.backend', 'openai');
    fake.config.set('openai.baseUrl', server.baseUrl);
    server.script({ kind: 'status', status: 401, headers: { 'x-echo': 'Bearer sk-echo-me-123' } });
    const response = await s.ask(ask);
    assert.equal(server.requests[0].authorization, 'Bearer sk-echo-me-123');
    assert.equal(response.backend, 'offline');
    const everything = [...output.lines, ...fake.messages, ...[...fake.config.values()].map(String), response.markdown, response.note ?? ''];
    assert.ok(
      everything.some((l) => l.includes('401')),
      'the failure itself is reported',
    );
    assert.ok(!everything.some((l) => l.includes('sk-echo-me-123')));
  });

  it('in Restricted Mode only the offline teacher answers, even with a local endpoint configured', async () => {
    const { s } = service();
    fake.trusted = false;
    fake.config.set('teacher.backend', 'openai');
    fake.config.set('openai.baseUrl', server.baseUrl);
    server.script({ kind: 'stream', chunks: ['model answer'] });
    const response = await s.ask(ask);
    assert.equal(response.backend, 'offline');
    assert.equal(server.requests.length, 0);
    assert.equal((await s.describeBackend()).id, 'offline');
  });

  it('Select Backend picks a VS Code model (a user action) and later requests use it', async () => {
    const model: FakeModel = {
      id: 'copilot-gpt',
      name: 'GPT',
      vendor: 'copilot',
      family: 'gpt',
      sendRequest: async () => ({
        text: (async function* () {
          yield '요구사항부터 정리해 볼까요?';
        })(),
      }),
    };
    fake.models = [model];
    fake.quickPick = (items) => items.find((i) => i.label.includes('GPT'));
    const { s } = service();
    await fake.commands.get(Commands.selectBackend)!();
    assert.equal(fake.config.get('teacher.backend'), 'vscode');
    const response = await s.ask(ask);
    assert.equal(response.backend, 'vscode');
    assert.equal(response.markdown, '요구사항부터 정리해 볼까요?');
  });

  it('Select Backend does not offer the extension\'s own model "AI Teacher (offline)" as a backend for itself', async () => {
    const never = async () => assert.fail('the teacher model was asked') as never;
    fake.models = [{ id: 'teacher', name: 'AI Teacher (offline)', vendor: 'ai-teacher', family: 'ai-teacher', sendRequest: never }];
    let offered: string[] = [];
    fake.quickPick = (items) => ((offered = items.map((i) => i.label)), undefined);
    service();
    await fake.commands.get(Commands.selectBackend)!();
    assert.ok(offered.length >= 3, offered.join(', '));
    assert.ok(!offered.some((label) => label.includes('AI Teacher (offline)')), offered.join(', '));
  });

  it('a LanguageModelError from the chosen model becomes a friendly note and the offline answer', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vscode = require('vscode') as { LanguageModelError: new (code: string) => Error };
    fake.models = [{ id: 'm', name: 'M', vendor: 'v', family: 'f', sendRequest: () => Promise.reject(new vscode.LanguageModelError('Blocked')) }];
    fake.quickPick = (items) => items.find((i) => i.label.includes('M'));
    const { s } = service();
    await fake.commands.get(Commands.selectBackend)!();
    const response = await s.ask(ask);
    assert.equal(response.backend, 'offline');
    assert.match(response.markdown, /사용량 한도/);
    assert.match(response.markdown, /먼저 요구사항을 분석해봅시다/);
  });
});
