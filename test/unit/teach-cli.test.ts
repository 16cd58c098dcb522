import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CliIo } from '../../src/cli/command';
import { runCli } from '../../src/cli/cli';
import { ROOT } from '../helpers/engine';

describe('ai-teacher teach', () => {
  const fixture = path.join(ROOT, 'test/fixtures/teacher/seed-flask.py');

  async function run(args: string[], env: Record<string, string> = {}) {
    let out = '';
    let err = '';
    const io: CliIo = { cwd: process.cwd(), env, stderrIsTTY: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
    const code = await runCli(['teach', ...args], io);
    return { code, out, err };
  }

  it('prints the offline review as Markdown, in Korean under a Korean locale', async () => {
    const { code, out } = await run([fixture], { LANG: 'ko_KR.UTF-8' });
    assert.equal(code, 0);
    assert.match(out, /^Flask로 모델 서빙을 구현하셨네요!/);
    assert.match(out, /개선된 버전을 보여주시면 함께 리뷰해볼게요!\n$/);
  });

  it('speaks English with --lang en and --lang=en, whatever the locale', async () => {
    for (const args of [
      [fixture, '--lang', 'en'],
      ['--lang=en', fixture],
    ]) {
      const { out } = await run(args, { LANG: 'ko_KR.UTF-8' });
      assert.match(out, /^You've built model serving with Flask!/);
    }
  });

  it('follows the locale like check does: English under a non-Korean locale', async () => {
    const { out } = await run([fixture], { LANG: 'C.UTF-8' });
    assert.match(out, /^You've built model serving with Flask!/);
  });

  it('rejects bad arguments with usage and exit code 2', async () => {
    assert.equal((await run([])).code, 2);
    assert.equal((await run([fixture, '--lang', 'fr'])).code, 2);
    assert.equal((await run(['/nonexistent/file.py'])).code, 2);
    const two = await run([fixture, fixture]);
    assert.equal(two.code, 2);
    assert.equal(two.err, 'ai-teacher teach: teach reviews one file at a time\n');
  });
});
