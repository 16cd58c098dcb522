import * as assert from 'node:assert/strict';
import { EMPTY_CONFIG } from '../../../src/language/config';
import { reviewFilter } from '../../../src/vscode/pure/review-filter';

describe('review workspace filter', () => {
  it('skips dependency folders, .gitignore entries (nested too) and config ignores', () => {
    const skip = reviewFilter(
      [
        { dir: '', text: '# build output\nbuild/\n*.generated.py\n!keep.generated.py\n' },
        { dir: 'services/api', text: 'local.yaml\n' },
      ],
      { ...EMPTY_CONFIG, ignore: ['legacy/**'] },
    );
    const skipped = ['node_modules/x/a.py', '.venv/lib/site.py', 'build/app.py', 'src/a.generated.py', 'services/api/local.yaml', 'legacy/old.py'];
    const kept = ['app.py', 'k8s/deployment.yaml', 'src/keep.generated.py', 'services/other/local.yaml', 'services/api/app.py'];
    for (const path of skipped) assert.equal(skip(path), true, path);
    for (const path of kept) assert.equal(skip(path), false, path);
  });
});
