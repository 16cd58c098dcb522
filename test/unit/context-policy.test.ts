import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contextFor, decideContext, definedNames, type ContextQuestion } from '../../src/teacher/context-policy';
import { buildPrompt } from '../../src/teacher/prompt';
import { offlineTeacher } from '../../src/teacher/offline';
import type { TeacherRequest } from '../../src/teacher/types';
import { ROOT, engine } from '../helpers/engine';

const FLASK = fs.readFileSync(path.join(ROOT, 'test/fixtures/teacher/seed-flask.py'), 'utf8');
const YAML = fs.readFileSync(path.join(ROOT, 'test/fixtures/teacher/deployment.yaml'), 'utf8');
const file = { path: 'app.py', text: FLASK };
const ask = (message: string, extra: Partial<ContextQuestion> = {}) => decideContext({ intent: 'chat', message, file, ...extra });

describe('context policy: what goes with a question', () => {
  const sends: [string, string][] = [
    ['my code crashes when features is missing', 'refers-to-code'],
    ['Can you check this file?', 'refers-to-code'],
    ["what's wrong with my service?", 'refers-to-code'],
    ['이 코드에서 뭐가 문제예요?', 'refers-to-code'],
    ['제 코드 좀 봐 주세요', 'refers-to-code'],
    ['내가 작성한 부분이 맞나요?', 'refers-to-code'],
    ['line 12 looks odd', 'line'],
    ['14번째 줄은 왜 위험한가요?', 'line'],
    ['9행에서 에러가 나요', 'line'],
    ['Is app.py ready for production?', 'file-name'],
    ['why is `predict` slow?', 'symbol'],
    ['what does predict() return when the model fails?', 'symbol'],
  ];
  for (const [message, reason] of sends) it(`sends the file for ${JSON.stringify(message)} (${reason})`, () => assert.deepEqual(ask(message), { send: 'file', reason }));

  const alone = [
    '안녕하세요!',
    'What is model drift?',
    '실시간 추천 시스템을 어떻게 배포해야 하나요?',
    'How do I choose a model registry?',
    'is a model registry worth it for a small team?',
    'What should an app expose for monitoring?',
    '코드를 짜는 좋은 습관이 뭔가요?',
  ];
  for (const message of alone) it(`sends nothing for ${JSON.stringify(message)}`, () => assert.deepEqual(ask(message), { send: 'none' }));

  it('reviews, hints and questions about a finding need the file; course answers never leave the machine', () => {
    assert.deepEqual(ask('', { intent: 'review' }), { send: 'file', reason: 'review' });
    assert.deepEqual(ask('', { intent: 'hint' }), { send: 'file', reason: 'hint' });
    assert.deepEqual(ask('what does this rule mean?', { intent: 'explain', aboutFinding: true }), { send: 'file', reason: 'finding' });
    assert.deepEqual(ask('debug-mode-enabled', { intent: 'explain' }), { send: 'none' });
    for (const intent of ['greeting', 'week', 'progress', 'checkpoint'] as const) assert.deepEqual(ask('my code', { intent }), { send: 'none' });
  });

  it('a selection goes instead of the whole file; no file, nothing to send', () => {
    assert.deepEqual(ask('', { intent: 'review', file: { ...file, selection: 'app.run(debug=True)' } }), { send: 'selection', reason: 'review' });
    assert.deepEqual(decideContext({ intent: 'review', message: '' }), { send: 'none' });
  });

  it('reads the names a file defines, in Python and YAML', () => {
    assert.deepEqual([...definedNames(FLASK)].sort(), ['app', 'model', 'predict']);
    assert.ok(definedNames(YAML).has('model-api'));
    assert.deepEqual(decideContext({ intent: 'chat', message: 'should model-api have more replicas?', file: { path: 'deployment.yaml', text: YAML } }), {
      send: 'file',
      reason: 'symbol',
    });
  });

  it('the prompt carries the file and the findings only when the policy sends them', async () => {
    const result = (await engine()).lintText('app.py', FLASK, { lang: 'ko' });
    const request = (message: string): TeacherRequest => ({ intent: 'chat', lang: 'ko', message, profile: {}, history: [], review: { path: 'app.py', text: FLASK, result } });
    const general = request('모델 드리프트가 뭔가요?');
    const prompt = buildPrompt(general, offlineTeacher(general))
      .map((m) => m.content)
      .join('\n');
    assert.ok(!prompt.includes('pickle.load(open'), 'the file stays home');
    assert.ok(!prompt.includes('debug-mode-enabled'), 'and so do its findings');
    const specific = request('이 코드에서 9번째 줄이 왜 문제예요?');
    assert.deepEqual(contextFor(specific), { send: 'file', reason: 'refers-to-code' });
    const withFile = buildPrompt(specific, offlineTeacher(specific));
    assert.match(withFile.at(-1)!.content, /<learner_code path="app.py">[\s\S]*pickle\.load\(open/);
    assert.match(withFile[0].content, /debug-mode-enabled/);
  });

  it('a selected range sends only its lines', async () => {
    const result = (await engine()).lintText('app.py', FLASK, { lang: 'en' });
    const selection = { start: { line: 12, column: 0 }, end: { line: 13, column: 25 } };
    const review: TeacherRequest = { intent: 'review', lang: 'en', message: '', profile: {}, history: [], review: { path: 'app.py', text: FLASK, result, selection } };
    const last = buildPrompt(review, offlineTeacher(review)).at(-1)!.content;
    assert.match(last, /part="selection"/);
    assert.match(last, /app\.run\(debug=True\)/);
    assert.ok(!last.includes('pickle.load'));
  });
});
