/**
 * A test module: pytest or unittest code, found by its name (`test_*.py`, `*_test.py`, `tests.py`,
 * `conftest.py`, or any file in a `tests/` folder) and confirmed by what it holds (a `def test_...`,
 * a `class Test...` or a `TestCase` subclass (unittest, Django, DRF), a pytest fixture, an import of
 * pytest, unittest or Django's test tools). The name alone is not enough: a lesson script called
 * `iris_test.py` or a DAG called `pipeline_test.py` is the code that runs. A Flask app built inside a
 * fixture or a model fitted on a toy split to check a shape is the test's scaffolding, not the service
 * or the training run; reviewers leave it alone (dev controls: "a test module", "a random sample in a
 * shape test needs no seed"), so the module gets the role `test`: no handlers, no app facts for the
 * project pass, and not a training script.
 */

/**
 * A test file by its name and its own folder (`test_*.py`, `*_test.py`, `conftest.py`, a file in
 * `tests/`): test code may hold fake credentials, toy models and stub apps on purpose. Only the
 * nearest folder is looked at, so a project living under some `test/` directory is not all tests.
 */
export function isTestPath(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const file = parts[parts.length - 1] ?? '';
  const folder = parts[parts.length - 2] ?? '';
  return /^test_.*\.py$|_test\.py$|^conftest\.py$/.test(file) || /^(tests?|testing)$/.test(folder);
}

/** A test module's possible name: a test path, or Django's and unittest's bare `tests.py`/`test.py`. */
export function isTestFileName(path: string): boolean {
  return isTestPath(path) || /(^|[\\/])tests?\.py$/.test(path);
}

/** What a test framework's module holds, on a line of its own (`m` flag, no `g`: `test` keeps no state). */
export const TEST_CODE =
  /^[ \t]*(?:async[ \t]+)?def[ \t]+test_?\w*[ \t]*\(|^[ \t]*class[ \t]+(?:Test\w*|\w+\([^)\n]*TestCase\b)|^[ \t]*@pytest\.|^[ \t]*(?:import|from)[ \t]+(?:pytest|unittest|django\.test|rest_framework\.test)\b/m;
