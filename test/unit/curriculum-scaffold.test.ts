import type { CliIo } from '../../src/cli/command';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/cli';
import { findWeek, loadCurriculum } from '../../src/curriculum/loader';
import { findCurriculumRoot } from '../../src/curriculum/location';
import { checkDone, isWeekDone, MemoryProgressStore, nextStatus, parseWeekArgs, recordProgress, weekContextKeys } from '../../src/curriculum/progress';
import { generateFile } from '../../src/curriculum/generated';
import { renderStarter } from '../../src/curriculum/render';
import { freshCopyDirSync, mainStarterPath, renderReadme, scaffoldFiles, scaffoldWeek, weekOfPath, weekRelativeDir, writeFilesExclusive } from '../../src/curriculum/scaffold';
import type { Week } from '../../src/curriculum/types';
import type { Finding, LintResult } from '../../src/language/types';
import { engine, ROOT } from '../helpers/engine';

const { curriculum } = loadCurriculum(path.join(ROOT, 'curriculum'));
const week1 = findWeek(curriculum, 'beginner/1') as Week;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ai-teacher-'));
}

const startCommand = (args: string[], io: CliIo) => runCli(['start', ...args], io);
const weeksCommand = (args: string[], io: CliIo) => runCli(['weeks', ...args], io);

/** Runs a CLI command in-process with its output captured. */
async function capture(run: (io: CliIo) => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { cwd: process.cwd(), env: {}, stderrIsTTY: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await run(io);
  return { code, out, err };
}

describe('scaffolding', () => {
  it('names the week folder after track, number and slug', () => {
    assert.equal(weekRelativeDir(week1), 'ai-teacher/beginner/week-01-mlops-basics');
    assert.equal(mainStarterPath(week1), 'app.py');
  });

  it('creates the README and every starter file', () => {
    const root = tempDir();
    const result = scaffoldWeek(root, findWeek(curriculum, 'beginner/4') as Week, { lang: 'en' });
    assert.equal(result.status, 'created');
    const dir = path.join(root, 'ai-teacher', 'beginner', 'week-04-automated-pipeline');
    assert.equal(result.dir, dir);
    assert.deepEqual(result.status === 'created' && [...result.files].sort(), ['README.md', 'ci/train-pipeline.yaml', 'train.py']);
    assert.match(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), /## Learning objectives/);
    const source = (findWeek(curriculum, 'beginner/4') as Week).starterFiles.find((f) => f.path === 'train.py')?.content ?? '';
    assert.equal(fs.readFileSync(path.join(dir, 'train.py'), 'utf8'), renderStarter(source, 'en'));
  });

  it('writes every file of a week in one language: no Korean in an English week, no language tags in either', () => {
    for (const lang of ['en', 'ko'] as const) {
      const root = tempDir();
      for (const week of curriculum.weeks) {
        const result = scaffoldWeek(root, week, { lang });
        assert.equal(result.status, 'created', week.id);
        for (const file of result.status === 'created' ? result.files : []) {
          if (file.endsWith('.pkl')) continue;
          const text = fs.readFileSync(path.join(result.dir, file), 'utf8');
          assert.doesNotMatch(text, /#\[(ko|en)\]/, `${week.id}/${file} (${lang})`);
          if (lang === 'en') assert.doesNotMatch(text, /[\uac00-\ud7a3]/, `${week.id}/${file} is not all English`);
        }
      }
    }
  });

  it('makes beginner/1 runnable: a tiny model file the starter can unpickle, never overwritten', () => {
    const root = tempDir();
    const result = scaffoldWeek(root, week1, { lang: 'en' });
    assert.ok(result.status === 'created' && result.files.includes('model.pkl') && result.files.includes('tiny_model.py'));
    const model = path.join(result.dir, 'model.pkl');
    assert.deepEqual(new Uint8Array(fs.readFileSync(model)), generateFile('tiny-linear-model'));
    // The starter's own code path: unpickle model.pkl next to tiny_model.py and predict, with Python when it is here.
    const python = spawnSync('python3', ['-c', "import pickle; m = pickle.load(open('model.pkl', 'rb')); print(type(m).__name__, m.predict([[1, 2, 3, 4]]))"], {
      cwd: result.dir,
      encoding: 'utf8',
    });
    if (python.error) console.log('      (python3 not found: the pickle was checked byte for byte only)');
    else assert.equal(python.stdout.trim(), 'TinyLinearModel [1.45]', python.stderr);
    fs.writeFileSync(model, 'mine');
    const copy = freshCopyDirSync(result.dir);
    fs.mkdirSync(copy);
    fs.writeFileSync(path.join(copy, 'model.pkl'), 'mine too');
    assert.ok(!writeFilesExclusive(copy, scaffoldFiles(week1, 'en')).includes('model.pkl'));
    assert.equal(fs.readFileSync(path.join(copy, 'model.pkl'), 'utf8'), 'mine too');
    assert.equal(fs.readFileSync(model, 'utf8'), 'mine');
  });

  it('never overwrites: a second run reports the existing folder and leaves edits alone', () => {
    const root = tempDir();
    scaffoldWeek(root, week1);
    const app = path.join(root, 'ai-teacher', 'beginner', 'week-01-mlops-basics', 'app.py');
    fs.writeFileSync(app, '# my work\n');
    const again = scaffoldWeek(root, week1);
    assert.deepEqual(again, { status: 'exists', dir: path.dirname(app) });
    assert.equal(fs.readFileSync(app, 'utf8'), '# my work\n');
  });

  it('creates a fresh copy beside an existing folder', () => {
    const root = tempDir();
    const first = scaffoldWeek(root, week1);
    const fresh = freshCopyDirSync(first.dir);
    assert.equal(path.basename(fresh), 'week-01-mlops-basics-2');
    const second = scaffoldWeek(root, week1, { dir: fresh });
    assert.equal(second.status, 'created');
    assert.equal(path.basename(freshCopyDirSync(first.dir)), 'week-01-mlops-basics-3');
  });

  it('keeps a file that appeared in the folder meanwhile (exclusive create)', () => {
    // A race: the folder is ours, but another process wrote app.py before we got to it.
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'app.py'), 'theirs\n');
    const written = writeFilesExclusive(dir, scaffoldFiles(week1, 'ko'));
    assert.deepEqual(written, ['README.md', 'requirements.txt', 'tiny_model.py', 'model.pkl']);
    assert.equal(fs.readFileSync(path.join(dir, 'app.py'), 'utf8'), 'theirs\n');
  });

  it('finds the week of an exercise file, fresh copies included', () => {
    assert.deepEqual(weekOfPath('/w/ai-teacher/beginner/week-01-mlops-basics/app.py'), { week: 'beginner/1', dir: '/w/ai-teacher/beginner/week-01-mlops-basics' });
    assert.equal(weekOfPath('C:\\w\\ai-teacher\\advanced\\week-10-multi-model-platform-2\\x.py')?.week, 'advanced/10');
    assert.equal(weekOfPath('/w/src/app.py'), undefined);
  });

  it('writes the README in the learner language with the checkpoint and resources', () => {
    const ko = renderReadme(week1, 'ko');
    assert.match(ko, /## 학습 목표/);
    assert.match(ko, /모델 드리프트가 무엇이고 왜 중요한가요\?/);
    assert.match(ko, /Designing Machine Learning Systems/);
    assert.match(ko, /`unsafe-deserialization`/);
    assert.match(renderReadme(week1, 'en'), /What is model drift and why does it matter\?/);
  });
});

describe('progress model', () => {
  it('moves not-started -> in-progress -> checkpoint-passed -> done', () => {
    assert.equal(nextStatus('not-started', { kind: 'started' }), 'in-progress');
    assert.equal(nextStatus('in-progress', { kind: 'evaluated', clean: true }), 'in-progress');
    assert.equal(nextStatus('in-progress', { kind: 'checkpoint-passed', clean: false }), 'checkpoint-passed');
    assert.equal(nextStatus('checkpoint-passed', { kind: 'evaluated', clean: false }), 'checkpoint-passed');
    assert.equal(nextStatus('checkpoint-passed', { kind: 'evaluated', clean: true }), 'done');
    assert.equal(nextStatus('in-progress', { kind: 'checkpoint-passed', clean: true }), 'done');
    assert.equal(nextStatus('done', { kind: 'started' }), 'done');
  });

  it('checks the definition of done with the engine on the exercise files', async () => {
    const lint = await engine();
    const starter = week1.starterFiles.map((f) => lint.lintText(f.path, renderStarter(f.content, 'en')));
    const before = checkDone(week1, starter);
    assert.equal(before.clean, false);
    assert.ok(before.remaining.some((f) => f.ruleId === 'debug-mode-enabled'));
    assert.equal(isWeekDone(week1, starter, true), false);
    // Only the done rules count: other findings (or none at all) leave the week clean.
    const other: Finding = { ...before.remaining[0], ruleId: 'some-other-rule' };
    const fixed: LintResult = { path: 'app.py', findings: [other], notices: [] };
    assert.equal(checkDone(week1, [fixed]).clean, true);
    assert.deepEqual(checkDone(week1, [fixed]).cleared, week1.definitionOfDone.clearRules);
    assert.equal(isWeekDone(week1, [fixed], false), false, 'the checkpoint must be answered too');
    assert.equal(isWeekDone(week1, [fixed], true), true);
  });

  it('keeps progress in a store and publishes context keys', async () => {
    const store = new MemoryProgressStore();
    assert.equal(await recordProgress(store, 'beginner/1', { kind: 'started' }), 'in-progress');
    await store.setCurrent('beginner/1');
    assert.equal(store.status('beginner/1'), 'in-progress');
    assert.equal(store.current(), 'beginner/1');
    assert.deepEqual(weekContextKeys('beginner/1', 'checkpoint-passed'), {
      'aiTeacher.week.beginner.1.started': true,
      'aiTeacher.week.beginner.1.checkpointPassed': true,
      'aiTeacher.week.beginner.1.done': false,
    });
  });

  it('reads week arguments from links, buttons and walkthrough steps', () => {
    assert.equal(parseWeekArgs(['beginner', 1]), 'beginner/1');
    assert.equal(parseWeekArgs([['intermediate', 7]]), 'intermediate/7');
    assert.equal(parseWeekArgs([{ track: 'advanced', week: '10' }]), 'advanced/10');
    assert.equal(parseWeekArgs([{ week: 'capstone/2' }]), 'capstone/2');
    assert.equal(parseWeekArgs(['beginner/3']), 'beginner/3');
    assert.equal(parseWeekArgs(['expert', 1]), undefined);
    assert.equal(parseWeekArgs(['beginner', 0]), undefined);
    assert.equal(parseWeekArgs([]), undefined);
  });
});

describe('CLI weeks and start', () => {
  it('finds the curriculum from source', () => {
    assert.equal(findCurriculumRoot(path.join(ROOT, 'src', 'cli', 'commands')), path.join(ROOT, 'curriculum'));
  });

  it('lists tracks and weeks, as text and as JSON', async () => {
    const text = await capture((io) => weeksCommand(['--lang', 'en'], io));
    assert.equal(text.code, 0);
    assert.match(text.out, /beginner\/1\s+MLOps basics/);
    const json = await capture((io) => weeksCommand(['--json'], io));
    const parsed = JSON.parse(json.out) as { tracks: { id: string; weeks: unknown[] }[] };
    assert.deepEqual(
      parsed.tracks.map((t) => [t.id, t.weeks.length]),
      [
        ['beginner', 6],
        ['intermediate', 8],
        ['advanced', 10],
        ['capstone', 3],
      ],
    );
    assert.equal((await capture((io) => weeksCommand(['--bogus'], io))).code, 2);
    assert.equal((await capture((io) => weeksCommand(['--lang', 'fr'], io))).code, 2);
  });

  it('starts a week, then refuses to overwrite it, then makes a fresh copy', async () => {
    const root = tempDir();
    const first = await capture((io) => startCommand(['beginner', '1', root], io));
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /week-01-mlops-basics/);
    const app = path.join(root, 'ai-teacher', 'beginner', 'week-01-mlops-basics', 'app.py');
    assert.ok(fs.existsSync(app));
    fs.writeFileSync(app, '# mine\n');
    const second = await capture((io) => startCommand(['beginner/1', root, '--lang', 'en'], io));
    assert.equal(second.code, 1);
    assert.match(second.out, /Already exists/);
    assert.equal(fs.readFileSync(app, 'utf8'), '# mine\n');
    const third = await capture((io) => startCommand(['beginner', '1', root, '--fresh'], io));
    assert.equal(third.code, 0);
    assert.ok(fs.existsSync(path.join(root, 'ai-teacher', 'beginner', 'week-01-mlops-basics-2', 'app.py')));
  });

  it('rejects unknown weeks and bad usage', async () => {
    assert.equal((await capture((io) => startCommand(['beginner', '9', tempDir()], io))).code, 2);
    assert.equal((await capture((io) => startCommand([], io))).code, 2);
    assert.equal((await capture((io) => startCommand(['beginner', '1', '--force'], io))).code, 2);
  });
});

describe('beginner walkthrough', () => {
  it('has a step per beginner week linking to Start Week N and completing on its done key', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { walkthroughs: { steps: { description: string; media: { markdown: string }; completionEvents: string[] }[] }[] };
    };
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const nlsKo = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.ko.json'), 'utf8')) as Record<string, string>;
    const steps = pkg.contributes.walkthroughs[0].steps;
    assert.equal(steps.length, 6);
    steps.forEach((step, index) => {
      const key = step.description.slice(1, -1);
      const link = decodeURIComponent(/\(command:aiTeacher\.startWeek\?([^)]+)\)/.exec(nls[key])?.[1] ?? '');
      assert.deepEqual(JSON.parse(link), ['beginner', index + 1]);
      assert.ok(nlsKo[key], `${key} in Korean`);
      // The media path is a manifest string too, so each display language gets its own file.
      const media = step.media.markdown.slice(1, -1);
      assert.equal(nls[media], `media/walkthrough/en/week-0${index + 1}.md`);
      assert.equal(nlsKo[media], `media/walkthrough/ko/week-0${index + 1}.md`);
      assert.doesNotMatch(fs.readFileSync(path.join(ROOT, nls[media]), 'utf8'), /[\uac00-\ud7a3]/);
      assert.match(fs.readFileSync(path.join(ROOT, nlsKo[media]), 'utf8'), /[\uac00-\ud7a3]/);
      assert.deepEqual(step.completionEvents, [`onContext:aiTeacher.week.beginner.${index + 1}.done`]);
    });
  });
});
