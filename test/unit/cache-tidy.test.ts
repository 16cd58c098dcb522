import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tidyCacheFolder } from '../../src/language/cache';

describe('cache folder tidying', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-teacher-tidy-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, ageMs = 0) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, 'x');
    const at = new Date(Date.now() - ageMs);
    fs.utimesSync(file, at, at);
    return file;
  };
  const names = () => fs.readdirSync(dir).sort();

  it("removes what a killed run left before its rename, never a live run's file", () => {
    // No process has pid 2^22 + 1 (above Linux's pid_max): its writer is gone.
    write(`a.jsonl.${2 ** 22 + 1}.0badc0de.tmp`);
    write(`b.out.${process.pid}.0badc0de.tmp`);
    write(`c.jsonl.${process.ppid}.0badc0de.tmp`);
    write(`d.jsonl.${process.ppid}.0badc0de.tmp`, 2 * 60 * 60 * 1000);
    const written = write('e.jsonl');
    tidyCacheFolder(written);
    assert.deepEqual(names(), [`b.out.${process.pid}.0badc0de.tmp`, `c.jsonl.${process.ppid}.0badc0de.tmp`, 'e.jsonl']);
  });

  it('keeps the most recently written files of the kind written, and the others of other kinds', () => {
    for (let i = 0; i < 5; i++) write(`r${i}.jsonl`, (i + 1) * 1000);
    write('project-1.json', 9000);
    write('project-2.json', 8000);
    write('CACHEDIR.TAG', 9000);
    const written = write('new.jsonl');
    tidyCacheFolder(written, 3);
    assert.deepEqual(names(), ['CACHEDIR.TAG', 'new.jsonl', 'project-1.json', 'project-2.json', 'r0.jsonl', 'r1.jsonl']);
  });
});
