import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeModulesWasm } from '../../src/language/parser';
import { allRuleMeta } from '../../src/teacher/catalog';
import { guardMarkdown } from '../../src/teacher/guard';
import type { LineParser } from '../../src/teacher/guard-classify';
import { loadLineParser } from '../../src/teacher/guard-parser';
import { measureLeak, measuredLines, visibleText } from '../guard/meter';
import { SOLUTIONS } from '../guard/solutions';
import { WRAPPERS } from '../guard/wrappers';
import { ROOT } from '../helpers/engine';

/**
 * The guard straight, without the surfaces (the adversarial slice drives those): every class of
 * wrapper in wrappers.ts around every solution, and the project's own teaching material as
 * harmless answers. Fast enough for every `npm test`.
 */
describe('guard: wrapper classes and the project teaching material', function () {
  this.timeout(60_000);
  let parser: LineParser;
  before(async () => (parser = await loadLineParser(nodeModulesWasm(ROOT))));

  for (const [id, wrap] of Object.entries(WRAPPERS)) {
    it(`holds code wrapped as ${id}`, () => {
      for (const sol of SOLUTIONS) {
        const markdown = `좋아요, 여기 있어요:\n\n${wrap(sol.text)}\n\n도움이 되길!`;
        const lines = measuredLines(sol.text, sol.file.text);
        // The meter reads the wrapper unguarded, so 0 % below means held, not missed.
        assert.ok(measureLeak(lines, visibleText([markdown])).share >= 0.9, `${id}/${sol.id}: the meter cannot read this wrapper`);
        const shown = guardMarkdown(markdown, { lang: 'ko', scaffolds: [], learnerCode: sol.file.text, parser }).markdown;
        const leak = measureLeak(lines, visibleText([shown]));
        assert.ok(leak.share <= 0.2, `${id}/${sol.id}: ${(100 * leak.share).toFixed(0)} % reached the learner:\n${leak.leaked.join('\n')}`);
      }
    });
  }

  it("leaves every rule's teaching unchanged: summary, why, the learner's bad example quoted back, questions, TODO skeleton", () => {
    const changed: string[] = [];
    for (const lang of ['ko', 'en'] as const) {
      for (const rule of allRuleMeta()) {
        const fence = rule.language;
        const markdown = `**${rule.docs.summary[lang]}**\n\n${rule.docs.why[lang]}\n\n${lang === 'ko' ? '여러분의 코드에서:' : 'In your code:'}\n\n\`\`\`${fence}\n${rule.docs.bad.trim()}\n\`\`\`\n\n${rule.questions.map((q, i) => `${i + 1}. ${q[lang]}`).join('\n')}\n\n\`\`\`${fence}\n${rule.scaffold[lang].trim()}\n\`\`\`\n`;
        const shown = guardMarkdown(markdown, { lang, scaffolds: [{ ruleId: rule.id, language: fence, text: rule.scaffold[lang] }], learnerCode: rule.docs.bad, parser }).markdown;
        if (shown !== markdown) changed.push(`${lang} ${rule.id}`);
      }
    }
    assert.deepEqual(changed, []);
  });

  it('leaves every concept of the offline knowledge base unchanged: why it matters and the questions back', () => {
    const { concepts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'src', 'teacher', 'knowledge', 'concepts.json'), 'utf8')) as {
      concepts: { id: string; title: Record<'ko' | 'en', string>; why: Record<'ko' | 'en', string>; questions: Record<'ko' | 'en', string>[] }[];
    };
    assert.ok(concepts.length >= 20);
    const changed: string[] = [];
    for (const lang of ['ko', 'en'] as const) {
      for (const c of concepts) {
        const markdown = `### ${c.title[lang]}\n\n${c.why[lang]}\n\n${c.questions.map((q) => `- ${q[lang]}`).join('\n')}\n`;
        if (guardMarkdown(markdown, { lang, scaffolds: [], parser }).markdown !== markdown) changed.push(`${lang} ${c.id}`);
      }
    }
    assert.deepEqual(changed, []);
  });
});
