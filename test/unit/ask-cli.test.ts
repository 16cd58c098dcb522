import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/cli';
import type { CliIo } from '../../src/cli/command';
import { startChatServer, type ChatServer } from '../helpers/chat-server';
import { ROOT } from '../helpers/engine';

const FLASK = path.join(ROOT, 'test/fixtures/teacher/seed-flask.py');

async function cli(args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  let out = '';
  let err = '';
  const io: CliIo = { cwd, env, stderrIsTTY: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe('ai-teacher ask', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ask-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("answers in the question's language and prints {answer, lang, topics, source} with --json", async () => {
    const { code, out } = await cli(['ask', '왜 pickle이 위험한가요?', '--json'], { LANG: 'en_US.UTF-8' });
    assert.equal(code, 0);
    const json = JSON.parse(out) as { answer: string; lang: string; topics: string[]; source: string };
    assert.deepEqual([json.lang, json.topics[0], json.source], ['ko', 'unsafe-deserialization', 'offline']);
    assert.match(json.answer, /pickle/);
    const fixed = JSON.parse((await cli(['ask', '왜 pickle이 위험한가요?', '--json', '--lang', 'en'])).out) as { lang: string; answer: string };
    assert.equal(fixed.lang, 'en', '--lang fixes the language');
    assert.doesNotMatch(fixed.answer, /[가-힣]/);
  });

  it("keeps the whole conversation and the learner's memory in --session, so hints are earned across calls", async () => {
    const session = path.join(dir, 's.json');
    const ask = (q: string) => cli(['ask', q, '--file', FLASK, '--session', session, '--lang', 'en']);
    assert.match((await ask('/hint')).out, /Hint level 1/);
    assert.match((await ask('/hint')).out, /🔒 Hint level 2 opens after 1 more attempt/);
    const answered = await ask('I think a user on the error page could run code through the debugger');
    assert.match(answered.out, /counts as an attempt \(1 so far\)[\s\S]*Hint level 2 — the concept/);
    const saved = JSON.parse(fs.readFileSync(session, 'utf8')) as { kind: string; history: { role: string; text: string }[] };
    assert.equal(saved.kind, 'ai-teacher-session');
    assert.deepEqual(
      saved.history.map((t) => t.role),
      ['learner', 'teacher', 'learner', 'teacher', 'learner', 'teacher'],
    );
    assert.match(saved.history[3].text, /🔒/, 'the teacher turns are the Markdown the learner saw');
  });

  it('never overwrites a file that is not a session, and says so', async () => {
    const notes = path.join(dir, 'notes.json');
    fs.writeFileSync(notes, '{"mine": true}');
    const { code, err } = await cli(['ask', 'what is drift?', '--session', notes]);
    assert.equal(code, 2);
    assert.match(err, /not an ai-teacher session file/);
    assert.equal(fs.readFileSync(notes, 'utf8'), '{"mine": true}');
  });

  it('rejects bad usage with exit code 2', async () => {
    assert.equal((await cli(['ask'])).code, 2);
    assert.equal((await cli(['ask', 'x', '--backend', 'gpt'])).code, 2);
    assert.equal((await cli(['ask', 'x', '--file', path.join(dir, 'missing.py')])).code, 2);
    assert.equal((await cli(['ask', 'x', '--wat'])).code, 2);
    assert.match((await cli(['ask', '--help'])).out, /Usage: ai-teacher ask/);
  });

  describe('with an OpenAI-compatible backend', () => {
    let server: ChatServer;
    before(async () => (server = await startChatServer()));
    after(() => server.close());

    it('reads the key from OPENAI_API_KEY only and passes the answer through the guard', async () => {
      const solution = ['Sure!\n', '```python\n', ...Array.from({ length: 16 }, (_, i) => `value_${i} = compute(${i})\n`), '```\n'];
      server.script({ kind: 'stream', chunks: solution });
      const { code, out } = await cli(['ask', 'How do I fix debug mode?', '--backend', 'openai', '--base-url', server.baseUrl, '--model', 'test', '--json'], {
        OPENAI_API_KEY: 'sk-test',
      });
      assert.equal(code, 0);
      const json = JSON.parse(out) as { answer: string; source: string };
      assert.equal(json.source, 'openai');
      assert.doesNotMatch(json.answer, /value_5 = compute/, 'the guard replaced the finished code');
      assert.equal(server.requests.at(-1)?.authorization, 'Bearer sk-test');
    });

    it('sends nothing to a remote endpoint without --allow-remote; the offline teacher answers', async () => {
      const before = server.requests.length;
      const { code, out, err } = await cli(['ask', 'What is model drift?', '--backend', 'openai', '--base-url', 'https://api.example.com/v1', '--json']);
      assert.equal(code, 0);
      assert.equal(server.requests.length, before);
      assert.match(err, /without --allow-remote nothing is sent/);
      assert.equal((JSON.parse(out) as { source: string }).source, 'offline');
    });
  });
});

describe('ai-teacher checkpoint', () => {
  it('exits 0 for a real answer, 1 for a keyword list, 2 for bad usage, and prints {passed, covered, missing, feedback}', async () => {
    const good = await cli([
      'checkpoint',
      'beginner',
      '1',
      '--answer',
      '학습 때와 운영 데이터의 분포가 달라지면 모델 성능이 조용히 떨어지니까, 예측 분포를 모니터링하다가 기준을 넘으면 재훈련해야 해요.',
      '--json',
    ]);
    assert.equal(good.code, 0, good.out);
    const json = JSON.parse(good.out) as { passed: boolean; covered: string[]; missing: string[]; feedback: string };
    assert.equal(json.passed, true);
    assert.ok(json.covered.includes('retraining'));
    const salad = await cli(['checkpoint', 'beginner', '1', '--answer', '데이터 분포 성능 저하 모니터링 재훈련']);
    assert.equal(salad.code, 1);
    assert.match(salad.out, /아직이에요/);
    assert.equal((await cli(['checkpoint', 'beginner'])).code, 2);
    assert.equal((await cli(['checkpoint', 'expert', '1', '--answer', 'x'])).code, 2);
    assert.equal((await cli(['checkpoint', 'beginner', '1'])).code, 2);
  });
});
