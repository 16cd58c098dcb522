import * as assert from 'node:assert/strict';
import { isTestFileName, TEST_CODE } from '../../src/language/python/test-code';

describe('test modules (python/test-code)', () => {
  it('knows test files by their name or their own folder', () => {
    for (const path of ['tests/test_api.py', 'api_test.py', 'conftest.py', 'app/tests.py', 'tests/helpers.py', 'src/testing/fakes.py']) assert.ok(isTestFileName(path), path);
    for (const path of ['test/project/app.py', 'src/latest.py', 'contest.py', 'tests/data/app.py', 'attestation.py']) assert.ok(!isTestFileName(path), path);
  });

  it('confirms a test by what the module holds', () => {
    for (const text of [
      'def test_predict():\n    assert True\n',
      'async def test_stream(client):\n    ...\n',
      'class TestApi:\n    pass\n',
      'class PredictViewTests(TestCase):\n    pass\n',
      'class ApiTests(APITestCase):\n    pass\n',
      '@pytest.fixture\ndef client():\n    ...\n',
      'import pytest\n',
      'from unittest import mock\n',
      'from django.test import SimpleTestCase\n',
    ])
      assert.ok(TEST_CODE.test(text), text);
    for (const text of [
      'from sklearn.model_selection import train_test_split\nX_train, X_test = train_test_split(X)\n',
      'def predict(x):\n    return model.predict(x)\n',
      'latest = "test_set.csv"\n',
      'class Trainer:\n    pass\n',
    ])
      assert.ok(!TEST_CODE.test(text), text);
  });
});
