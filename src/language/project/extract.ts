import { PythonModel } from '../python/model';
import type { YamlModel } from '../yaml/model';
import type { PythonFacts, YamlFacts } from './facts';
import { pythonFacts } from './python-facts';
import { withConflictMarkers } from './text-facts';
import { yamlFacts } from './yaml-facts';

/** The project facts of a parsed file, from the model the lint built. */
export function projectFacts(model: PythonModel | YamlModel): PythonFacts | YamlFacts {
  return model instanceof PythonModel ? withConflictMarkers(pythonFacts(model), model.source) : withConflictMarkers(yamlFacts(model), model.source);
}
