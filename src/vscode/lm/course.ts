import { courseContext } from '../../teacher/course';
import type { CurriculumContext } from '../../teacher/types';
import type { Services } from '../services';

/** The course of the learner using this editor, as the teacher reads it. */
export function learnerCourse(services: Pick<Services, 'curriculum' | 'progress'>): Promise<CurriculumContext> {
  return courseContext(() => services.curriculum(), services.progress);
}
