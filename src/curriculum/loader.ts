import type { Curriculum } from './types';

/**
 * Loads and validates the course data under `root` (the repository's or the extension's
 * `curriculum/` folder). Never throws: problems come back as an error list.
 * The curriculum issue replaces this placeholder with the real loader.
 */
export function loadCurriculum(root: string): { curriculum: Curriculum; errors: string[] } {
  return { curriculum: { tracks: [], weeks: [] }, errors: [`curriculum loader not built yet (${root})`] };
}
