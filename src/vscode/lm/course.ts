import type { WeekRef } from '../../language/types';
import type { CurriculumContext } from '../../teacher/types';
import type { Services } from '../services';

/** The course as the teacher reads it: the curriculum, every week's status and the current week (empty when the data cannot load). */
export async function courseContext(services: Pick<Services, 'curriculum' | 'progress'>): Promise<CurriculumContext> {
  const curriculum = await services.curriculum().catch(() => undefined);
  const statuses: CurriculumContext['statuses'] = Object.fromEntries((curriculum?.weeks ?? []).map((w) => [w.id, services.progress.status(w.id)]));
  const current: WeekRef | undefined = services.progress.current();
  return { curriculum, statuses, ...(current ? { current } : {}) };
}
