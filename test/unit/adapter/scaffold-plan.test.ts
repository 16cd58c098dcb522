import * as assert from 'node:assert/strict';
import { ALL_RULES } from '../../../src/language/rules';
import { applyInsertions } from '../../../src/vscode/pure/insertion';
import { planScaffoldInsertion, scaffoldComment } from '../../../src/vscode/pure/scaffold-plan';
import { commentLanguage, type SourceLanguage } from '../../../src/language/types';
import { engine } from '../../helpers/engine';

const FLASK = `from flask import Flask, request
import pickle

app = Flask(__name__)
model = pickle.load(open('model.pkl', 'rb'))

@app.route('/predict', methods=['POST'])
def predict():
    data = request.json
    return str(model.predict([data['features']]))

if __name__ == '__main__':
    app.run(debug=True)
`;

/** Every original line is still there, in order, unchanged. */
function assertOriginalIntact(before: string, after: string): void {
  const original = before.split('\n');
  const result = after.split('\n');
  let cursor = 0;
  for (const line of result) if (cursor < original.length && line === original[cursor]) cursor += 1;
  assert.equal(cursor, original.length, 'an original line was changed or lost');
}

function plan(text: string, line: number, scaffold: string, language: SourceLanguage) {
  const insertion = planScaffoldInsertion(text.split('\n'), line, scaffold, language);
  return { insertion, after: applyInsertions(text, [insertion]) };
}

describe('scaffold insertion planning', () => {
  it('inserts the scaffold as comments above the line, indented like it', () => {
    const { insertion, after } = plan(FLASK, 12, '# TODO: a\n# - b\n', 'python');
    assert.equal(insertion.line, 12);
    assert.equal(insertion.column, 0);
    assert.equal(insertion.text, '    # TODO: a\n    # - b\n');
    assertOriginalIntact(FLASK, after);
  });

  it('turns every scaffold line into a comment', () => {
    assert.deepEqual(scaffoldComment('TODO: x\n\n  # y\n'), ['# TODO: x', '#', '  # y']);
  });

  it('moves out of a Python triple-quoted string and a backslash continuation', () => {
    const text = 'def f():\n    doc = """\n    text\n    """\n    total = 1 + \\\n        2\n';
    assert.equal(plan(text, 2, '# TODO', 'python').insertion.line, 1);
    assert.equal(plan(text, 3, '# TODO', 'python').insertion.line, 1);
    assert.equal(plan(text, 5, '# TODO', 'python').insertion.line, 4);
  });

  it('moves out of a YAML block scalar to its key', () => {
    const text = 'jobs:\n  build:\n    steps:\n      - run: |\n          echo ${{ github.event.issue.title }}\n          make\n      - name: after\n';
    assert.equal(plan(text, 4, '# TODO', 'yaml').insertion.line, 3);
    assert.equal(plan(text, 4, '# TODO', 'yaml').insertion.text, '      # TODO\n');
    assert.equal(plan(text, 6, '# TODO', 'yaml').insertion.line, 6);
  });

  it('leaves the code meaning unchanged for every rule on its own bad example', async () => {
    const lint = await engine();
    for (const rule of ALL_RULES) {
      const path = rule.language === 'python' ? 'bad.py' : 'bad.yaml';
      const before = lint.lintText(path, rule.docs.bad, { lang: 'en' });
      for (const finding of before.findings) {
        for (const lang of ['ko', 'en'] as const) {
          const { after } = plan(rule.docs.bad, finding.range.start.line, rule.scaffold[lang], commentLanguage(rule.language));
          assertOriginalIntact(rule.docs.bad, after);
          // Comments only: the same findings fire after the insertion, and no new syntax error appears.
          const again = lint.lintText(path, after, { lang: 'en' });
          assert.deepEqual(again.findings.map((f) => f.ruleId).sort(), before.findings.map((f) => f.ruleId).sort(), `${rule.id} (${lang})`);
          assert.equal(
            again.notices.some((n) => n.kind === 'syntax'),
            before.notices.some((n) => n.kind === 'syntax'),
          );
        }
      }
    }
  });
});
