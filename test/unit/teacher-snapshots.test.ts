import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../../src/language/types';
import { offlineTeacher } from '../../src/teacher/offline';
import { REVIEW_HEADINGS } from '../../src/teacher/review';
import type { TeacherResponse } from '../../src/teacher/types';
import { ROOT, engine } from '../helpers/engine';

/**
 * Snapshots of what a learner reads. Run with UPDATE_SNAPSHOTS=1 to rewrite them; a missing
 * snapshot is written on first run. They change whenever rules are added (expected); the
 * structure assertions below do not depend on the rule list.
 */
const SNAPSHOTS = path.join(ROOT, 'test/unit/__snapshots__/teacher');
const FIXTURES = path.join(ROOT, 'test/fixtures/teacher');

function matchSnapshot(name: string, actual: string): void {
  const file = path.join(SNAPSHOTS, `${name}.md`);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(file)) {
    fs.mkdirSync(SNAPSHOTS, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `snapshot ${name} differs; run UPDATE_SNAPSHOTS=1 npm run test:unit if the change is intended`);
}

async function review(fixture: string, lang: Lang): Promise<TeacherResponse> {
  const text = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8');
  const result = (await engine()).lintText(fixture, text, { lang });
  return offlineTeacher({ intent: 'review', lang, message: '', review: { path: fixture, text, result }, profile: {}, history: [] });
}

function assertSeedStructure(response: TeacherResponse, lang: Lang): void {
  const kinds = response.sections.map((s) => s.kind);
  assert.equal(kinds[0], 'acknowledge');
  assert.equal(kinds[kinds.length - 1], 'invitation');
  const md = response.markdown;
  const order = [REVIEW_HEADINGS.questions[lang], REVIEW_HEADINGS.nextSteps[lang], REVIEW_HEADINGS.invitation[lang]].map((h) => md.indexOf(h));
  assert.ok(
    order.every((i) => i >= 0),
    `missing a seed heading:\n${md}`,
  );
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
    'headings in the seed order',
  );
  assert.match(md, /```(python|yaml)\n[\s\S]*TODO[\s\S]*```/, 'the next step is a TODO scaffold');
  assert.match(md, lang === 'ko' ? /\d+번째 줄/ : /line \d+/, 'questions reference lines');
}

describe('offline teacher snapshots', () => {
  for (const lang of ['ko', 'en'] as const) {
    it(`seed Flask example (${lang})`, async () => {
      const response = await review('seed-flask.py', lang);
      assertSeedStructure(response, lang);
      assert.match(response.markdown, lang === 'ko' ? /^Flask로 모델 서빙을 구현하셨네요! 기본적인 구조는 좋아요\. 👍/ : /^You've built model serving with Flask!/);
      assert.match(response.markdown, lang === 'ko' ? /\*\*보안\*\*/ : /\*\*Security\*\*/);
      matchSnapshot(`seed-flask.${lang}`, response.markdown);
    });

    it(`Kubernetes manifest (${lang})`, async () => {
      const response = await review('deployment.yaml', lang);
      assertSeedStructure(response, lang);
      assert.match(response.markdown, /Kubernetes/);
      matchSnapshot(`deployment.${lang}`, response.markdown);
    });

    it(`is deterministic (${lang})`, async () => {
      assert.equal((await review('seed-flask.py', lang)).markdown, (await review('seed-flask.py', lang)).markdown);
    });
  }
});
