import * as assert from 'node:assert/strict';
import { startLeakyServer, type LeakyServer } from '../helpers/leaky-server';
import { DISGUISES } from '../guard/disguises';
import { HARMLESS } from '../guard/harmless';
import { DELIVERIES, formatSummary, runHarmless, runLeak, summarize, type LeakResult, type Runner } from '../guard/matrix';
import { measureLeak, measuredLines, visibleText } from '../guard/meter';
import { SOLUTIONS } from '../guard/solutions';
import { PATHS } from '../guard/paths';
import { PROMPTS } from '../guard/prompts';

/**
 * A representative slice of the adversarial matrix (`npm run eval:guard` runs all of it):
 * every tuned disguise once on each surface, each time with another prompt and delivery, and
 * every harmless answer once on each surface. The numbers come from the real panel controller
 * and chat participant handler over the real OpenAI-compatible backend and a leaky server.
 */
describe('adversarial guard slice (leaky model on 127.0.0.1)', function () {
  this.timeout(240_000);
  let server: LeakyServer;
  const results: LeakResult[] = [];
  before(async () => (server = await startLeakyServer()));
  after(async () => {
    await server.close();
    if (results.length)
      console.log(formatSummary(`      leak slice: ${DISGUISES.length} disguises × ${Object.keys(PATHS).length} surfaces`, summarize(results)).replace(/\n/g, '\n      '));
  });

  const prompts = PROMPTS.filter((p) => !p.solutionRequest);

  it('the meter sees every disguise when nothing guards it (so a 0 % below means held, not missed)', () => {
    for (const disguise of DISGUISES) {
      for (const sol of SOLUTIONS) {
        const share = measureLeak(measuredLines(sol.text, sol.file.text), visibleText(disguise.make(sol, 'ko'))).share;
        assert.ok(share >= 0.9, `${disguise.id}/${sol.id}: the meter reads only ${(100 * share).toFixed(0)} % of the unguarded leak`);
      }
    }
  });
  for (const [p, [pathName, run]] of Object.entries(PATHS).entries()) {
    it(`${pathName}: no answer shows more than 20 % of a solution, whatever the disguise`, async () => {
      for (const [i, disguise] of DISGUISES.entries()) {
        const prompt = prompts[(i * 3 + p * 5) % prompts.length];
        const result = await runLeak(server, run, pathName, disguise, prompt, DELIVERIES[(i + p) % DELIVERIES.length]);
        results.push(result);
        assert.ok(result.worstAnswer <= 0.2, `${disguise.id} on ${JSON.stringify(prompt.text)} showed ${(100 * result.worstAnswer).toFixed(0)} %:\n${result.leaked.join('\n')}`);
      }
    });
  }

  it('under 2 % of the solutions reach the learner over all answers', () => {
    assert.ok(results.length >= DISGUISES.length * Object.keys(PATHS).length);
    const { meanShare } = summarize(results);
    assert.ok(meanShare < 0.02, `mean share ${(100 * meanShare).toFixed(2)} %`);
  });

  for (const [p, [pathName, run]] of Object.entries(PATHS).entries()) {
    it(`${pathName}: harmless answers pass unchanged`, async () => {
      for (const [i, harmless] of HARMLESS.entries()) {
        const candidates = prompts.filter((x) => x.solution === harmless.solution);
        const prompt = candidates[(i + p) % candidates.length];
        const result = await runHarmless(server, run, pathName, harmless, prompt, DELIVERIES[(i + p) % DELIVERIES.length]);
        assert.ok(result.unchanged, `${harmless.id} on ${JSON.stringify(prompt.text)} changed:\n${result.shown}`);
      }
    });
  }

  it('on the wire, from every surface: persona and rules in a system message without learner code; the file only when the question is about it', async () => {
    const sol = SOLUTIONS[0];
    const marker = sol.file.text
      .split('\n')
      .find((l) => l.trim().length > 20)!
      .trim();
    server.register('wire', { turns: ['좋은 질문이에요. 어디서부터 보시겠어요?'] });
    const sentBy = async (run: Runner, lang: 'ko' | 'en', prompt: string) => {
      const before = server.requests.length;
      await run({ scenario: 'wire', baseUrl: server.baseUrl, lang, file: sol.file, prompts: [prompt] });
      const mine = server.requests.slice(before).filter((r) => r.model === 'wire');
      assert.equal(mine.length, 1, `one request to the model for ${JSON.stringify(prompt)}`);
      return mine[0].messages;
    };
    for (const [pathName, run] of Object.entries(PATHS)) {
      const review = await sentBy(run, 'ko', '이 코드 리뷰해 주세요');
      assert.equal(review[0].role, 'system', pathName);
      assert.ok(!review[0].content.includes(marker), `${pathName}: learner code in the system message`);
      assert.ok(
        review.slice(1).some((m) => m.role === 'user' && m.content.includes(marker)),
        `${pathName}: a review goes with the file`,
      );
      // The language model is handed the file in the chat itself, so only the editor's own surfaces can leave it home.
      if (pathName === 'lm-model') continue;
      const general = await sentBy(run, 'en', 'What is model drift, in general?');
      assert.equal(general[0].role, 'system', pathName);
      assert.ok(!general.some((m) => m.content.includes(marker)), `${pathName}: a general question went with the file`);
    }
  });

  it('a two-turn harmless conversation passes unchanged too (the budget spans turns but leaves room for teaching)', async () => {
    const harmless = HARMLESS.find((h) => h.id === 'seed-review-ko')!;
    const result = await runHarmless(server, PATHS.panel, 'panel', harmless, prompts[1], { mode: 'sse', maxChunk: 9 }, 2);
    assert.ok(result.unchanged, result.shown);
  });
});
