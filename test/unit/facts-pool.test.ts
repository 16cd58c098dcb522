import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FactsPool, moduleTails, withoutUnresolvableCalls } from '../../src/language/project/compact';
import type { FileFacts, PythonFacts } from '../../src/language/project/facts';
import { ProjectIndex } from '../../src/language/project/index';
import { packFacts, PACKED_FIELDS } from '../../src/language/project/packed';
import { closest, ModuleMap, Nearest } from '../../src/language/project/modules';
import { lintProject, runProjectRules } from '../../src/language/project/run';
import { engine, ROOT } from '../helpers/engine';

const range = (line: number) => ({ start: { line, column: 4 }, end: { line, column: 20 } });

function pythonFacts(route: string): PythonFacts {
  return {
    kind: 'python',
    imports: [{ local: 'FastAPI', module: 'fastapi', name: 'FastAPI' }],
    objects: [{ name: 'app', factory: 'fastapi.FastAPI', role: 'app', framework: 'fastapi', range: range(3) }],
    routes: [{ owner: 'app', path: route, methods: ['GET'], handler: 'health', range: range(6) }],
    mounts: [],
    errorHandlers: [],
    listeners: [],
    metrics: false,
    healthLibrary: false,
    grpcServicers: [],
    grpcHealth: false,
    hasMainGuard: false,
    suppressions: { file: [], lines: [] },
    handlerCalls: [],
  } as unknown as PythonFacts;
}

describe('facts pool', () => {
  it('leaves the facts reading the same after a JSON round trip', () => {
    const pool = new FactsPool();
    const original = pythonFacts('/health');
    const compacted = pool.compact(JSON.parse(JSON.stringify(original)) as PythonFacts);
    assert.deepEqual(JSON.parse(JSON.stringify(compacted)), JSON.parse(JSON.stringify(original)));
  });

  it('keeps one copy of what the files repeat: positions, strings and empty lists', () => {
    const pool = new FactsPool();
    const a = pool.compact(JSON.parse(JSON.stringify(pythonFacts('/health'))) as PythonFacts);
    const b = pool.compact(JSON.parse(JSON.stringify(pythonFacts('/ready'))) as PythonFacts);
    assert.equal(a.routes[0].range.start, b.routes[0].range.start, 'the same position is one object');
    assert.notEqual(a.routes[0].range.start, a.routes[0].range.end, 'different positions stay apart');
    assert.equal(a.mounts, b.listeners, 'empty lists are one frozen list');
    assert.equal(a.suppressions, b.suppressions, 'a record of empty lists is one frozen record');
    assert.ok(Object.isFrozen(a.mounts) && Object.isFrozen(a.routes[0].range.start));
    assert.notEqual(a.routes[0].path, b.routes[0].path);
    assert.equal(b.objects[0].factory, 'fastapi.FastAPI');
  });

  it('keeps one frozen copy of equal records of plain values, never of records that hold others', () => {
    const pool = new FactsPool();
    const a = pool.compact(JSON.parse(JSON.stringify(pythonFacts('/health'))) as PythonFacts);
    const b = pool.compact(JSON.parse(JSON.stringify(pythonFacts('/ready'))) as PythonFacts);
    assert.equal(a.imports[0], b.imports[0], 'the same import is one object');
    assert.ok(Object.isFrozen(a.imports[0]));
    assert.notEqual(a.objects[0], b.objects[0], "a record with a range stays its file's own");
    const c = pool.compact({ ...pythonFacts('/x'), imports: [{ local: 'FastAPI', module: 'fastapi' }] } as PythonFacts);
    assert.notEqual(c.imports[0], a.imports[0], 'a record with a field less is another record');
    const d = pool.compact({ ...pythonFacts('/x'), imports: [{ local: 'FastAPI', module: 'fastapi', name: '#FastAPI' }] } as PythonFacts);
    assert.notEqual(d.imports[0], a.imports[0]);
  });
});

describe('module resolution: the dotted names a file is imported under', () => {
  const facts = (imports: { local: string; module: string; name?: string }[]) => ({ ...pythonFacts('/'), imports }) as unknown as PythonFacts;
  const map = new ModuleMap(
    new Map([
      ['/r/svc/app/routers/v1.py', facts([])],
      ['/r/svc/app/routers/__init__.py', facts([])],
      ['/r/other/routers/v1.py', facts([])],
      ['/r/svc/app/main.py', facts([{ local: 'v1', module: 'app.routers', name: 'v1' }])],
      ['/r/a/b/c/d/e/f/g/h/i.py', facts([])],
    ]),
  );

  it('finds a module by the tail of its path, a package by its folder, the nearest first', () => {
    assert.equal(map.module('/r/svc/app/main.py', 'app.routers.v1'), '/r/svc/app/routers/v1.py');
    assert.equal(map.module('/r/svc/app/main.py', 'routers.v1'), '/r/svc/app/routers/v1.py');
    assert.equal(map.module('/r/other/x.py', 'routers.v1'), '/r/other/routers/v1.py');
    assert.equal(map.module('/r/svc/app/main.py', 'app.routers'), '/r/svc/app/routers/__init__.py');
    assert.equal(map.module('/r/svc/app/main.py', 'pp.routers.v1'), undefined, 'a part matches whole, not by its end');
    assert.equal(map.module('/r/svc/app/main.py', 'os'), undefined);
    assert.equal(map.resolve('/r/svc/app/main.py', 'v1.router'), '/r/svc/app/routers/v1.py#router');
  });

  it('reads eight parts of a name at most', () => {
    assert.equal(map.module('/r/x.py', 'b.c.d.e.f.g.h.i'), '/r/a/b/c/d/e/f/g/h/i.py');
    assert.equal(map.module('/r/x.py', 'a.b.c.d.e.f.g.h.i'), undefined);
  });
});

describe('module resolution: the closest candidate', () => {
  it('counts shared folders, never the file name', () => {
    assert.equal(closest('/repo/svc_a/api/main.py', ['/repo/svc_b/api/model.py', '/repo/svc_a/api/model.py', '/repo/model.py']), '/repo/svc_a/api/model.py');
    assert.equal(closest('/repo/svc_a/main.py', ['/repo/svc_ab/model.py', '/repo/svc_a/x/model.py']), '/repo/svc_a/x/model.py');
    // A file named like the other's folder is not a shared folder: the shorter candidate wins the tie.
    assert.equal(closest('/repo/app/main.py', ['/repo/app.py/x.py', '/repo/z.py']), '/repo/z.py');
    assert.equal(closest('main.py', ['a/model.py', 'model.py']), 'model.py');
  });

  it('answers from a Nearest index as closest does, ties to the shortest, then the first', () => {
    // Folders and file names drawn from a few, so that candidates share prefixes, tie and nest.
    const names = ['a', 'b', 'ab', 'a.py', 'x', ''];
    let seed = 7;
    const pick = () => names[(seed = (seed * 48271) % 2147483647) % names.length];
    const path = () => {
      const parts = Array.from({ length: 1 + (seed % 4) }, pick);
      return `${seed % 3 === 0 ? '/' : ''}${parts.join('/')}/m.py`;
    };
    for (let round = 0; round < 300; round++) {
      const candidates = Array.from({ length: 1 + (round % 20) }, path);
      const index = new Nearest(candidates);
      for (let i = 0; i < 10; i++) {
        const from = i === 0 ? 'main.py' : path();
        assert.equal(index.to(from), closest(from, candidates), `${from} among ${candidates.join(' ')}`);
      }
    }
  });

  it('resolves a module many files are named like to the closest one', () => {
    const files = Array.from({ length: 40 }, (_, i) => [`/r/copy_${i}/svc/utils.py`, { ...pythonFacts('/'), imports: [] } as unknown as PythonFacts] as const);
    const map = new ModuleMap(new Map(files));
    assert.equal(map.module('/r/copy_7/svc/app/main.py', 'utils'), '/r/copy_7/svc/utils.py');
    assert.equal(map.module('/r/copy_12/other/main.py', 'utils'), '/r/copy_12/svc/utils.py');
    assert.equal(map.module('/elsewhere/main.py', 'utils'), '/r/copy_0/svc/utils.py');
  });
});

describe('call records the project pass cannot follow', () => {
  const call = (name: string) => ({ name, range: range(9) });

  it('names every file by the last part of its module name', () => {
    assert.deepEqual([...moduleTails(['/p/app/main.py', '/p/app/routers/__init__.py', 'C:\\p\\svc\\rag.pyi', '/p/Dockerfile'])].sort(), ['Dockerfile', 'main', 'rag', 'routers']);
  });

  it('drops calls bound to modules no file can be, keeps the rest', () => {
    const facts = {
      ...pythonFacts('/health'),
      imports: [
        { local: 'np', module: 'numpy' },
        { local: 'rag', module: 'rag' },
        { local: 'query', module: 'app.services', name: 'query' },
        { local: 'routers', module: 'app', name: 'routers' },
        { local: 'helper', module: '.util', name: 'helper' },
      ],
      handlerCalls: [call('np.array'), call('rag.answer'), call('query'), call('routers.v1.get'), call('helper'), call('own_function'), call('self.method')],
      loopCalls: [call('np.zeros')],
      // Start-up calls are written as the module makes them: only a library's are certain to lead nowhere.
      importTrainerCalls: [call('np.load'), call('rag.train'), call('trainer.fit'), call('fit_model')],
      functions: [
        { name: 'f', isAsync: false, calls: [call('np.mean'), call('rag.answer')] },
        { name: 'g', isAsync: false, calls: [call('np.mean')] },
        { name: 'h', isAsync: false, calls: [call('np.mean')], prints: { what: 'print', range: range(4) } },
      ],
    } as unknown as PythonFacts;
    const pruned = withoutUnresolvableCalls(JSON.parse(JSON.stringify(facts)) as PythonFacts, new Set(['rag', 'services', 'routers']));
    assert.deepEqual(
      pruned.handlerCalls?.map((c) => c.name),
      ['rag.answer', 'query', 'routers.v1.get', 'helper', 'own_function'],
    );
    assert.deepEqual(pruned.loopCalls, []);
    assert.deepEqual(
      pruned.importTrainerCalls?.map((c) => c.name),
      ['rag.train', 'trainer.fit', 'fit_model'],
    );
    assert.deepEqual(
      pruned.functions?.map((fn) => [fn.name, fn.calls.map((c) => c.name)]),
      [
        ['f', ['rag.answer']],
        ['h', []],
      ],
      'a function left with no effect and no call is dropped',
    );
  });

  it('drops argument calls and from-imports no file can resolve, keeps the rest', () => {
    const argumentCall = (callee: string) => ({ callee, positional: 1, keywords: [], range: range(9) });
    const signature = (name: string, positional: string[]) => ({
      name,
      positional,
      required: positional.length,
      positionalOnly: 0,
      keywordOnly: [],
      keywordRequired: [],
      range: range(2),
    });
    const fromImport = (module: string, name: string) => ({ module, name, range: range(1) });
    const facts = {
      ...pythonFacts('/health'),
      imports: [
        { local: 'np', module: 'numpy' },
        { local: 'rag', module: 'rag' },
        { local: 'train', module: 'model', name: 'train' },
        { local: 'load', module: 'sklearn.utils', name: 'load' },
      ],
      argumentCalls: [
        argumentCall('np.zeros'),
        argumentCall('rag.answer'),
        argumentCall('train'),
        argumentCall('load'),
        argumentCall('own'),
        argumentCall('fits'),
        argumentCall('unknown'),
      ],
      // This module's own functions: `own` takes no argument (the call is wrong, kept), `fits` takes
      // the one it is given (the call is settled here, dropped); `unknown` has no certain signature.
      signatures: [signature('own', []), signature('fits', ['x'])],
      fromImports: [fromImport('model', 'train'), fromImport('sklearn.utils', 'load'), fromImport('.util', 'helper')],
    } as unknown as PythonFacts;
    const pruned = withoutUnresolvableCalls(JSON.parse(JSON.stringify(facts)) as PythonFacts, new Set(['rag', 'model']));
    assert.deepEqual(
      pruned.argumentCalls?.map((c) => c.callee),
      ['rag.answer', 'train', 'own'],
    );
    assert.deepEqual(
      pruned.fromImports?.map((i) => i.module),
      ['model', '.util'],
    );
    const none = withoutUnresolvableCalls(JSON.parse(JSON.stringify(facts)) as PythonFacts, new Set(['other']));
    assert.deepEqual(
      none.argumentCalls?.map((c) => c.callee),
      ['own'],
    );
    assert.deepEqual(
      none.fromImports?.map((i) => i.module),
      ['.util'],
    );
  });

  it('leaves the project pass the same on every project fixture', async () => {
    const lint = await engine();
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'rules');
    let dropped = 0;
    for (const rule of fs.readdirSync(fixtures).sort()) {
      for (const name of fs.readdirSync(path.join(fixtures, rule)).sort()) {
        const dir = path.join(fixtures, rule, name);
        if (!fs.statSync(dir).isDirectory()) continue;
        const files = (fs.readdirSync(dir, { recursive: true }) as string[])
          .sort()
          .filter((file) => fs.statSync(path.join(dir, file)).isFile())
          .map((file) => ({ path: `/p/${file.split(path.sep).join('/')}`, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
        const { index, project } = lintProject(lint, files);
        const tails = moduleTails(files.map((f) => f.path));
        const pruned = new ProjectIndex();
        // As the CLI's project pass holds them: pruned, packed and pooled.
        const packed = new ProjectIndex();
        const pool = new FactsPool();
        for (const file of index.paths()) {
          const facts = JSON.parse(JSON.stringify(index.get(file))) as FileFacts;
          const before = JSON.stringify(facts).length;
          pruned.set(file, withoutUnresolvableCalls(facts, tails));
          if (JSON.stringify(pruned.get(file)).length < before) dropped++;
          packed.set(file, pool.compact(packFacts(withoutUnresolvableCalls(JSON.parse(JSON.stringify(index.get(file))) as FileFacts, tails))));
        }
        for (const again of [runProjectRules(pruned), runProjectRules(packed)]) {
          assert.deepEqual(JSON.parse(JSON.stringify([...again.findings])), JSON.parse(JSON.stringify([...project.findings])), `${rule}/${name}`);
          assert.deepEqual(
            [...again.withdrawn].map(([k, v]) => [k, [...v]]),
            [...project.withdrawn].map(([k, v]) => [k, [...v]]),
            `${rule}/${name}`,
          );
        }
      }
    }
    assert.ok(dropped > 0, 'some fixture calls a library from a handler');
  });
});

describe('packed facts', () => {
  const facts = () =>
    JSON.parse(
      JSON.stringify({
        ...pythonFacts('/health'),
        argumentCalls: [{ callee: 'train', positional: 1, keywords: ['epochs'], range: range(9) }],
        boundNames: { names: ['app', 'health'] },
        fromImports: [{ module: 'model', name: 'train', range: range(1) }],
      }),
    ) as PythonFacts;

  it('keeps the fields one rule reads as text and reads the same, field by field', () => {
    const original = facts();
    const packed = new FactsPool().compact(packFacts(facts()));
    for (const field of PACKED_FIELDS) assert.ok(!Object.keys(packed).includes(field), `${field} is not an own field`);
    assert.deepEqual(packed.argumentCalls, original.argumentCalls);
    assert.deepEqual(packed.boundNames, original.boundNames);
    assert.deepEqual(packed.fromImports, original.fromImports);
    assert.equal(packed.signatures, undefined, 'a field the file has not stays absent');
    assert.equal(packed.mlflowNames, undefined);
    assert.deepEqual(packed.routes, original.routes);
    const { argumentCalls: _a, boundNames: _b, fromImports: _f, ...rest } = original;
    assert.deepEqual({ ...packed }, rest, 'every other field is an own field, as it was');
  });

  it('reads a field anew after another file was read', () => {
    const a = packFacts(facts());
    const b = packFacts({ ...facts(), boundNames: { names: ['other'] } } as PythonFacts);
    assert.deepEqual(a.boundNames?.names, ['app', 'health']);
    assert.deepEqual(b.boundNames?.names, ['other']);
    assert.deepEqual(a.boundNames?.names, ['app', 'health']);
  });

  it('leaves other kinds of facts as they are', () => {
    const yaml = { kind: 'requirements', requirements: [] } as unknown as FileFacts;
    assert.equal(packFacts(yaml), yaml);
  });
});
