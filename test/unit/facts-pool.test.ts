import * as assert from 'node:assert/strict';
import { FactsPool } from '../../src/language/project/compact';
import type { PythonFacts } from '../../src/language/project/facts';
import { closest } from '../../src/language/project/modules';

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
