import * as assert from 'node:assert/strict';
import { parseSuppressions } from '../../../src/language/suppress';
import { applyInsertions } from '../../../src/vscode/pure/insertion';
import { planIgnoreComment } from '../../../src/vscode/pure/ignore-plan';
import type { SourceLanguage } from '../../../src/language/types';

function apply(text: string, line: number, rule: string, language: SourceLanguage) {
  const plan = planIgnoreComment(text.split('\n'), line, rule, language);
  assert.equal(plan.kind, 'insert');
  if (plan.kind !== 'insert') throw new Error('unreachable');
  return { plan, after: applyInsertions(text, [plan.insertion]) };
}

describe('ignore comment planning', () => {
  it('appends the comment at the end of a Python line', () => {
    const { plan, after } = apply('app.run(debug=True)   \n', 0, 'debug-mode-enabled', 'python');
    assert.equal(plan.kind === 'insert' && plan.placement, 'end');
    assert.equal(after, 'app.run(debug=True)  # ai-teacher: ignore[debug-mode-enabled]   \n');
    assert.ok(parseSuppressions(after).isSuppressed('debug-mode-enabled', 0));
  });

  it('extends an existing ignore list', () => {
    const { after } = apply('x = 1  # ai-teacher: ignore[a]\n', 0, 'b', 'python');
    assert.equal(after, 'x = 1  # ai-teacher: ignore[a, b]\n');
    const suppressions = parseSuppressions(after);
    assert.ok(suppressions.isSuppressed('a', 0) && suppressions.isSuppressed('b', 0));
  });

  it('puts a comment line above a YAML line that opens a block scalar', () => {
    const text = 'steps:\n  - run: |\n      echo hi\n';
    const { plan, after } = apply(text, 1, 'untrusted-expression-in-run', 'yaml');
    assert.equal(plan.kind === 'insert' && plan.placement, 'above');
    assert.equal(after, 'steps:\n  # ai-teacher: ignore[untrusted-expression-in-run]\n  - run: |\n      echo hi\n');
    assert.ok(parseSuppressions(after).isSuppressed('untrusted-expression-in-run', 2));
  });

  it('appends to an ordinary YAML line', () => {
    const { after } = apply('      image: app:latest\n', 0, 'mutable-image-tag', 'yaml');
    assert.equal(after, '      image: app:latest  # ai-teacher: ignore[mutable-image-tag]\n');
  });

  it('puts the comment above a Python line that continues with a backslash or opens a string', () => {
    assert.equal(apply('x = a + \\\n    b\n', 0, 'r', 'python').after, '# ai-teacher: ignore[r]\nx = a + \\\n    b\n');
    assert.equal(apply('    q = """\n    text"""\n', 0, 'r', 'python').after, '    # ai-teacher: ignore[r]\n    q = """\n    text"""\n');
  });

  it('refuses lines inside strings and block scalars', () => {
    assert.equal(planIgnoreComment(['q = """', 'inside', '"""'], 1, 'r', 'python').kind, 'unsupported');
    assert.equal(planIgnoreComment(['run: |', '  echo', 'next: 1'], 1, 'r', 'yaml').kind, 'unsupported');
  });

  it('handles a hash inside a string', () => {
    const { after } = apply("url = 'http://x/#frag'\n", 0, 'r', 'python');
    assert.equal(after, "url = 'http://x/#frag'  # ai-teacher: ignore[r]\n");
  });
});
