import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where the course data lives. In the VSIX and the npm package the `curriculum/` folder ships
 * beside `dist/`, so from a bundle it is `<dist>/../curriculum`; from source (tests, tsx) it is at
 * the repository root, a few folders above the module.
 */
export function findCurriculumRoot(fromDir: string): string | undefined {
  const candidates = [
    path.join(fromDir, '..', 'curriculum'),
    path.join(fromDir, '..', '..', 'curriculum'),
    path.join(fromDir, '..', '..', '..', 'curriculum'),
  ];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'tracks.yaml')));
}
