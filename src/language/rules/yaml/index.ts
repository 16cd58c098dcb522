import type { YamlRule } from '../../rule';
import identicalLivenessReadinessProbes from './identical-liveness-readiness-probes';
import literalSecretInEnv from './literal-secret-in-env';
import missingLivenessProbe from './missing-liveness-probe';
import missingReadinessProbe from './missing-readiness-probe';
import missingResourceRequirements from './missing-resource-requirements';
import missingSecurityContext from './missing-security-context';
import mutableImageTag from './mutable-image-tag';
import singleReplicaDeployment from './single-replica-deployment';

/** Every YAML rule, sorted by id. */
export const YAML_RULES: readonly YamlRule[] = [
  identicalLivenessReadinessProbes,
  literalSecretInEnv,
  missingLivenessProbe,
  missingReadinessProbe,
  missingResourceRequirements,
  missingSecurityContext,
  mutableImageTag,
  singleReplicaDeployment,
];
