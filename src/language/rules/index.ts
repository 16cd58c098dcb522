import type { Rule } from '../rule';
import { PROJECT_RULES } from './project';
import { PYTHON_RULES } from './python';
import { YAML_RULES } from './yaml';

export const ALL_RULES: readonly Rule[] = [...PYTHON_RULES, ...YAML_RULES, ...PROJECT_RULES];

const BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((rule) => [rule.id, rule]));

/** The registered rule with this id: the one lookup the teacher and the editor share. */
export function ruleById(id: string | undefined): Rule | undefined {
  return id === undefined ? undefined : BY_ID.get(id);
}
