import type { PythonRule } from '../../rule';
import debugModeEnabled from './debug-mode-enabled';

/** Every Python rule, sorted by id. The bundler sees them all through this one list. */
export const PYTHON_RULES: readonly PythonRule[] = [debugModeEnabled];
