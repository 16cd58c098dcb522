import type { YamlRule } from '../../rule';
import missingReadinessProbe from './missing-readiness-probe';

/** Every YAML rule, sorted by id. */
export const YAML_RULES: readonly YamlRule[] = [missingReadinessProbe];
