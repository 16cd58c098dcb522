import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintResult } from '../../src/language/types';
import { TeacherCore } from '../../src/teacher/backends/gateway';
import { answerMessages, askFromMessages, fencedCode, languageOfText, mentionedRule } from '../../src/teacher/model-messages';
import { AGENT_CONTRACT, explainToolResult, findingLines, reviewToolResult, weekToolResult } from '../../src/teacher/tool-results';
import type { AskOptions, TeacherRequest, TeacherResponse } from '../../src/teacher/types';
import { PARTICIPANT_NAME, TEACHER_MODEL, Tools } from '../../src/vscode/ids';
import { isTeacherModel, partsText } from '../../src/vscode/lm/answer';
import { COURSE } from '../helpers/course';
import { engine, ROOT } from '../helpers/engine';

const FLASK =
  "from flask import Flask, request\nimport pickle\napp = Flask(__name__)\nmodel = pickle.load(open('m.pkl', 'rb'))\n\n@app.route('/predict', methods=['POST'])\ndef predict():\n    return str(model.predict([request.json['x']]))\n\nif __name__ == '__main__':\n    app.run(debug=True)\n";

async function lintFlask(): Promise<LintResult> {
  return (await engine()).lintText('app.py', FLASK, { lang: 'en', language: 'python' });
}

describe('the teacher model: chat messages to a teacher request', () => {
  it('takes the last user message, the turns before it, and the language of the words', () => {
    const ask = askFromMessages(
      [
        { role: 'user', text: 'hello' },
        { role: 'assistant', text: 'Hi! What do you deploy?' },
        { role: 'user', text: '쿠버네티스 배포를 어떻게 설계해야 하나요?' },
      ],
      'en',
    );
    assert.equal(ask.lang, 'ko');
    assert.equal(ask.message, '쿠버네티스 배포를 어떻게 설계해야 하나요?');
    assert.deepEqual(ask.history, [
      { role: 'learner', text: 'hello' },
      { role: 'teacher', text: 'Hi! What do you deploy?' },
    ]);
    assert.equal(ask.intent, 'chat');
  });

  it('reads a slash command and a rule id', () => {
    const hint = askFromMessages([{ role: 'user', text: '/hint debug-mode-enabled' }], 'en');
    assert.equal(hint.intent, 'hint');
    assert.equal(hint.ruleId, 'debug-mode-enabled');
    const explain = askFromMessages([{ role: 'user', text: 'why does missing-readiness-probe matter?' }], 'ko');
    assert.equal(explain.intent, 'explain');
    assert.equal(explain.message, 'missing-readiness-probe');
    assert.equal(explain.lang, 'en');
    // A made-up id is not a rule.
    assert.equal(mentionedRule('what is make-it-fast?'), undefined);
    // An unknown slash word stays part of the message.
    assert.equal(askFromMessages([{ role: 'user', text: '/deploy now' }], 'en').message, '/deploy now');
  });

  it('finds a Python or YAML block by its info string or its look, and turns it into a review', () => {
    assert.equal(fencedCode('```py\nimport os\n```')?.language, 'python');
    assert.equal(fencedCode('~~~yaml\nkind: Pod\n~~~')?.language, 'yaml');
    assert.equal(fencedCode('```\napiVersion: v1\nkind: Service\n```')?.language, 'yaml');
    assert.equal(fencedCode('```\ndef f():\n    pass\n```')?.text, 'def f():\n    pass\n');
    assert.equal(fencedCode('```js\nconsole.log(1)\n```'), undefined);
    assert.equal(fencedCode('no code here'), undefined);
    const ask = askFromMessages([{ role: 'user', text: `Is this ready?\n\n\`\`\`python\n${FLASK}\`\`\`` }], 'ko');
    assert.equal(ask.intent, 'review');
    assert.equal(ask.code?.path, 'snippet.py');
    assert.equal(ask.code?.text, FLASK);
    assert.equal(ask.message, 'Is this ready?');
    assert.equal(ask.lang, 'en', 'code is not counted as English words, the question is');
  });

  it('uses the fallback language when the words say nothing', () => {
    assert.equal(languageOfText('```python\nimport os\n```', 'ko'), 'ko');
    assert.equal(languageOfText('?!', 'en'), 'en');
  });

  it('reads text from request parts, including tool results, and skips data', () => {
    assert.equal(partsText([{ value: 'a' }, { callId: 'x', content: [{ value: 'b' }] }, { mimeType: 'image/png', data: new Uint8Array(1) }]), 'a\nb');
  });

  it('lints the pasted code and asks the teacher with the review, streaming what it says', async () => {
    const asked: TeacherRequest[] = [];
    const teacher = {
      ask: async (request: TeacherRequest, options?: AskOptions): Promise<TeacherResponse> => {
        asked.push(request);
        options?.onChunk?.('first ');
        options?.onChunk?.('second');
        return { intent: request.intent, markdown: 'first second', sections: [], followups: [], backend: 'offline' };
      },
      describeBackend: async () => ({ id: 'offline' as const, label: 'Offline teacher' }),
    };
    let courseLoads = 0;
    const deps = {
      teacher,
      lang: () => 'en' as const,
      lint: async () => lintFlask(),
      course: async () => (courseLoads++, { curriculum: COURSE, statuses: {}, current: 'beginner/1' as const }),
    };
    const pieces: string[] = [];
    await answerMessages(deps, [{ role: 'user', text: `\`\`\`python\n${FLASK}\`\`\`` }], (p) => pieces.push(p));
    assert.deepEqual(pieces, ['first ', 'second']);
    assert.equal(asked[0].intent, 'review');
    assert.ok(asked[0].review?.result.findings.some((f) => f.ruleId === 'debug-mode-enabled'));
    assert.equal(courseLoads, 0, 'a review does not need the course');

    await answerMessages(deps, [{ role: 'user', text: '/checkpoint Drift is when the data distribution changes and accuracy drops' }], () => {});
    assert.equal(asked[1].intent, 'checkpoint');
    assert.equal(asked[1].curriculum?.current, 'beginner/1', 'a checkpoint answer carries the course');
  });

  it("grades a checkpoint answer against the current week's checkpoint, even when the answer names another week's number", async () => {
    const [first, second] = COURSE.weeks;
    const probes = { ...second.checkpoints[0], id: 'b2-probes', question: { ko: '프로브는 왜 두 가지인가요?', en: 'Why are there two kinds of probe?' } };
    const course = { ...COURSE, weeks: [first, { ...second, checkpoints: [probes] }] };
    const teacher = new TeacherCore({ mode: () => 'offline', sources: [] });
    const deps = { teacher, lang: () => 'en' as const, lint: lintFlask, course: async () => ({ curriculum: course, statuses: {}, current: second.id }) };
    let said = '';
    await answerMessages(deps, [{ role: 'user', text: '/checkpoint One probe restarts, the other holds traffic, as in week 1' }], (p) => void (said += p));
    assert.ok(said.includes(probes.question.en), said);
    assert.ok(!said.includes(first.checkpoints[0].question.en), said);
  });
});

describe('language-model tool results', () => {
  it('open with the teaching contract, list every finding with its line, and carry questions and a TODO skeleton', async () => {
    const result = await lintFlask();
    const text = reviewToolResult({ path: 'app.py', text: FLASK, result }, 'en');
    assert.ok(text.startsWith(AGENT_CONTRACT));
    assert.match(text, /do not write, apply or suggest the finished fix/);
    assert.match(text, new RegExp(`Findings in app\\.py: ${result.findings.length}\\n`));
    assert.match(text, /^- app\.py:11 \[\w+, \w+\] debug-mode-enabled: /m);
    assert.match(text, /🤔/);
    assert.match(text, /TODO/);
    assert.doesNotMatch(text, /debug\s*=\s*False/);
  });

  it('keep to the selected lines', async () => {
    const result = await lintFlask();
    const target = { path: 'app.py', text: FLASK, result, selection: { start: { line: 9, column: 0 }, end: { line: 10, column: 0 } } };
    const lines = findingLines(target);
    assert.ok(lines.length >= 1 && lines.every((l) => /app\.py:1[01] /.test(l)), lines.join('\n'));
    assert.match(reviewToolResult(target, 'ko'), /Findings in app\.py \(lines 10-11\): /);
  });

  it('say so when nothing is flagged, and speak the teacher language', async () => {
    const clean = (await engine()).lintText('lib.py', 'def add(a, b):\n    return a + b\n', { lang: 'ko', language: 'python' });
    const text = reviewToolResult({ path: 'lib.py', text: 'def add(a, b):\n    return a + b\n', result: clean }, 'ko');
    assert.match(text, /Findings in lib\.py: 0 \(the rule checks flagged nothing\)/);
    assert.match(text, /[\uac00-\ud7a3]/);
  });

  it('explain a known rule and return nothing for an unknown one', () => {
    const text = explainToolResult('debug-mode-enabled', 'en');
    assert.ok(text?.startsWith(AGENT_CONTRACT));
    assert.match(text ?? '', /Rule debug-mode-enabled \(python, security/);
    assert.equal(explainToolResult('make-it-fast', 'en'), undefined);
  });

  it('describe the asked week, or the current one, without the checkpoint rubric', () => {
    const course = { curriculum: COURSE, statuses: {}, current: 'beginner/2' as const };
    const asked = weekToolResult(course, 'beginner/1', 'en');
    assert.match(asked, /^Week beginner\/1; its rules: /m);
    const current = weekToolResult(course, undefined, 'en');
    assert.match(current, /^Week beginner\/2 \(the learner is working on it now\)/m);
    assert.doesNotMatch(asked, /data changes|accuracy drops/, 'a rubric phrasing leaked into the tool result');
  });
});

describe('package.json: the model provider and the tools', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: {
      chatParticipants: { name: string }[];
      languageModelChatProviders: { vendor: string; displayName: string }[];
      languageModelTools: {
        name: string;
        displayName: string;
        modelDescription: string;
        toolReferenceName?: string;
        canBeReferencedInPrompt?: boolean;
        inputSchema?: { type: string; required?: string[]; properties: Record<string, unknown> };
      }[];
    };
  };
  const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const nlsKo = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.ko.json'), 'utf8')) as Record<string, string>;

  it('declares the vendor ids.ts registers, and "Ask in Chat" types the contributed participant name', () => {
    assert.deepEqual(
      manifest.contributes.languageModelChatProviders.map((p) => p.vendor),
      [TEACHER_MODEL.vendor],
    );
    assert.equal(manifest.contributes.chatParticipants[0].name, PARTICIPANT_NAME);
  });

  it('declares exactly the tools ids.ts registers, each valid for VS Code (name pattern, # reference, object schema, bilingual names)', () => {
    const tools = manifest.contributes.languageModelTools;
    assert.deepEqual(tools.map((t) => t.name).sort(), Object.values(Tools).sort());
    for (const tool of tools) {
      assert.match(tool.name, /^(?!copilot_|vscode_)[\w-]+$/);
      if (tool.canBeReferencedInPrompt) assert.match(tool.toolReferenceName ?? '', /^[\w-]+$/, `${tool.name} needs a toolReferenceName`);
      assert.equal(tool.inputSchema?.type, 'object');
      for (const required of tool.inputSchema?.required ?? []) assert.ok(required in tool.inputSchema!.properties, `${tool.name}: ${required}`);
      assert.ok(
        tool.modelDescription.length > 80 && /never a fix|not a solution|never.*fix/i.test(tool.modelDescription),
        `${tool.name}: the model description must say what it returns and that it is no fix`,
      );
      const key = /^%(.+)%$/.exec(tool.displayName)?.[1];
      assert.ok(key && nls[key] && nlsKo[key], `${tool.name}: displayName must be localized in package.nls.json and package.nls.ko.json`);
    }
  });

  it('recognises its own model, and only that one, as the teacher model', () => {
    assert.equal(isTeacherModel({ vendor: TEACHER_MODEL.vendor, id: TEACHER_MODEL.id }), true);
    assert.equal(isTeacherModel({ vendor: 'copilot', id: 'gpt-4o' }), false);
    assert.equal(isTeacherModel(undefined), false);
  });
});
