import * as assert from 'node:assert/strict';
import { FactsPool } from '../../src/language/project/compact';
import type { PythonFacts } from '../../src/language/project/facts';
import { closest, ModuleMap } from '../../src/language/project/modules';

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
});
