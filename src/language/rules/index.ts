import type { Rule } from '../rule';
import { PYTHON_RULES } from './python';
import { YAML_RULES } from './yaml';

export const ALL_RULES: readonly Rule[] = [...PYTHON_RULES, ...YAML_RULES];
