import * as assert from 'node:assert/strict';
import { isDocumentationKey, keyFileFacts } from '../../src/language/project/key-facts';
import { projectFileKind } from '../../src/language/project/text-facts';
import { runIn, treesRemovedAfter } from '../helpers/cli';
import { referenceConfig } from '../helpers/reference-engine';

// Fake key bodies only: long enough to look like base64, obviously not a key.
const BODY = 'FAKEKEYBODYFORTESTSONLY'.repeat(3);

describe('credential files (key-facts)', () => {
  const tree = treesRemovedAfter();

  it('opens key-named JSON files, PEM files, SSH keys and AWS credentials, and no data files', () => {
    for (const name of [
      'key.json',
      'gcp-sa-key.json',
      'serviceAccountKey.json',
      'proj-firebase-adminsdk-x1-0123456789.json',
      'yotta-ml3-6bf205da4810.json',
      'tls.key',
      'server.pem',
      'id_ed25519',
      '.aws/credentials',
    ]) {
      assert.equal(projectFileKind(`repo/${name}`), 'keyfile', name);
    }
    for (const name of ['person_keypoints_train2017.json', 'monkey.json', 'annotations.json', 'package.json', 'config.json']) {
      assert.equal(projectFileKind(`repo/${name}`), undefined, name);
    }
  });

  it('reads a service-account key on its private_key line, and leaves placeholders alone', () => {
    const real = `{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${BODY}\\n-----END PRIVATE KEY-----\\n"\n}\n`;
    assert.deepEqual(
      keyFileFacts('key.json', real).keys.map((k) => [k.kind, k.range.start.line]),
      [['service-account', 2]],
    );
    for (const value of ['<your key>', '-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----', '', 'REPLACE_ME']) {
      assert.deepEqual(keyFileFacts('key.json', `{"type": "service_account", "private_key": "${value}"}`).keys, [], value);
    }
  });

  it('tells examples and fixtures from real keys by the path below the root', () => {
    assert.equal(isDocumentationKey('examples/key.json'), true);
    assert.equal(isDocumentationKey('config/dummy-key.pem'), true);
    assert.equal(isDocumentationKey('tests/fixtures/id_rsa'), true);
    assert.equal(isDocumentationKey('infra/config/yotta-ml3-6bf205da4810.json'), false);
    assert.equal(isDocumentationKey('/home/me/examples/proj/key.json'), false, 'an absolute path says nothing about the project');
  });

  it('survives bad input: empty files, a huge one-line file, a truncated PEM, binary bytes', () => {
    assert.deepEqual(keyFileFacts('key.json', '').keys, []);
    assert.deepEqual(keyFileFacts('id_rsa', '-----BEGIN RSA PRIVATE KEY-----').keys, []);
    assert.deepEqual(keyFileFacts('tls.key', '\u0000\u0001\u00ff'.repeat(1000)).keys, []);
    const huge = `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----${' '.repeat(200_000)}", ${'"a": "b", '.repeat(50_000)}}`;
    const started = Date.now();
    assert.deepEqual(keyFileFacts('key.json', huge).keys, []);
    assert.ok(Date.now() - started < 2000, 'linear on a huge line');
  });

  it('reports a committed key through the command line, and passes over a binary key file quietly', async () => {
    const root = tree({
      'infra/sa-key.json': `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${BODY}\\n-----END PRIVATE KEY-----\\n"}\n`,
      '.ai-teacher.yml': referenceConfig().replace('  committed-credential-file: off\n', ''),
      'certs/server.key': new Uint8Array([0x30, 0x82, 0x00, 0x01, 0x00, 0xff]),
    });
    const run = await runIn(root, ['check', '.', '--format', 'json', '--no-cache']);
    const files = (JSON.parse(run.out) as { files: { path: string; findings: { ruleId: string }[]; notices: unknown[] }[] }).files;
    assert.deepEqual(
      files.flatMap((f) => f.findings.map((finding) => `${f.path}: ${finding.ruleId}`)),
      ['infra/sa-key.json: committed-credential-file'],
    );
    assert.deepEqual(
      files.flatMap((f) => f.notices),
      [],
      'a DER key is no source to report as skipped',
    );
  });
});
