/**
 * A test module: pytest or unittest code, found by its name (`test_*.py`, `*_test.py`, `tests.py`,
 * `conftest.py`, or any file in a `tests/` folder) and confirmed by what it holds (a `def test_...`,
 * a `class Test...`, a pytest fixture, an `import pytest` or `unittest`). The name alone is not
 * enough: a lesson script called `iris_test.py` or a DAG called `pipeline_test.py` is the code that
 * runs. A Flask app built inside a fixture, a model fitted on a toy split to check a shape, or a
 * `try: ... except: pass` around a call the test expects to fail are the test's scaffolding, not the
 * service or the training run; reviewers leave them alone, and the rules about how a service
 * answers or how a run is recorded stay silent in them (the module gets the role `test`).
 */

/** The file name or its own folder says test (only the nearest folder: a project under `test/` is not all tests). */
export function isTestFileName(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const file = parts[parts.length - 1] ?? '';
  const folder = parts[parts.length - 2] ?? '';
  return /^test_.*\.py$|_test\.py$|^tests?\.py$|^conftest\.py$/.test(file) || /^(tests?|testing)$/.test(folder);
}

/** What a test framework's module holds, on a line of its own (`m` flag, no `g`: `test` keeps no state). */
export const TEST_CODE = /^[ \t]*(?:async[ \t]+)?def[ \t]+test_?\w*[ \t]*\(|^[ \t]*class[ \t]+Test\w*|^[ \t]*@pytest\.|^[ \t]*(?:import|from)[ \t]+(?:pytest|unittest)\b/m;
