import type { YamlRule } from '../../rule';
import adminApiPublished from './admin-api-published';
import airflowSecretsUnprotected from './airflow-secrets-unprotected';
import alertMissingForDuration from './alert-missing-for-duration';
import alertMissingSeverityOrSummary from './alert-missing-severity-or-summary';
import alertsWithoutAlertmanager from './alerts-without-alertmanager';
import brokenWorkflowStep from './broken-workflow-step';
import checkAfterRelease from './check-after-release';
import ciWithoutChecks from './ci-without-checks';
import composeHostPortConflict from './compose-host-port-conflict';
import composeMissingHealthcheck from './compose-missing-healthcheck';
import composeMissingRestartPolicy from './compose-missing-restart-policy';
import constantIfCondition from './constant-if-condition';
import constantRewriteTarget from './constant-rewrite-target';
import containerRedeployedInPlace from './container-redeployed-in-place';
import counterWithoutRate from './counter-without-rate';
import credentialsInUrl from './credentials-in-url';
import cronjobAllowsOverlap from './cronjob-allows-overlap';
import dataStoreWithoutVolume from './data-store-without-volume';
import databasePortPublished from './database-port-published';
import dependsOnWithoutHealthCondition from './depends-on-without-health-condition';
import deployWithoutTestGate from './deploy-without-test-gate';
import deprecatedKubernetesApi from './deprecated-kubernetes-api';
import deprecatedKustomizeField from './deprecated-kustomize-field';
import deprecatedWorkflowCommand from './deprecated-workflow-command';
import dockerSocketMounted from './docker-socket-mounted';
import dvcPipelineUntrackedExperiment from './dvc-pipeline-untracked-experiment';
import elevatedContainerPrivileges from './elevated-container-privileges';
import fixedSleepBeforeCheck from './fixed-sleep-before-check';
import floatingVersionInWorkflow from './floating-version-in-workflow';
import healthConditionWithoutHealthcheck from './health-condition-without-healthcheck';
import healthcheckAlwaysPasses from './healthcheck-always-passes';
import histogramQuantileWithoutLe from './histogram-quantile-without-le';
import hollowCiStep from './hollow-ci-step';
import hostPathVolume from './host-path-volume';
import identicalLivenessReadinessProbes from './identical-liveness-readiness-probes';
import imagePushedOnlyAsLatest from './image-pushed-only-as-latest';
import ingressWithoutTls from './ingress-without-tls';
import jobWithoutDeadline from './job-without-deadline';
import kubectlWithoutClusterCredentials from './kubectl-without-cluster-credentials';
import literalSecretInEnv from './literal-secret-in-env';
import loadTestAgainstLiveEndpoint from './load-test-against-live-endpoint';
import longLivedCloudCredentials from './long-lived-cloud-credentials';
import memoryBasedAutoscaling from './memory-based-autoscaling';
import mismatchedRatioLabels from './mismatched-ratio-labels';
import missingJobTimeout from './missing-job-timeout';
import missingLivenessProbe from './missing-liveness-probe';
import missingReadinessProbe from './missing-readiness-probe';
import missingResourceRequirements from './missing-resource-requirements';
import missingSecurityContext from './missing-security-context';
import modelPublishedWithoutEvaluation from './model-published-without-evaluation';
import mutableImageTag from './mutable-image-tag';
import neuteredQualityGate from './neutered-quality-gate';
import outdatedActionVersion from './outdated-action-version';
import productionTracksBranchHead from './production-tracks-branch-head';
import publicLoadBalancer from './public-load-balancer';
import publishOnPullRequest from './publish-on-pull-request';
import pushedImageNeverBuilt from './pushed-image-never-built';
import rateWindowTooShort from './rate-window-too-short';
import secretPrintedInCiLog from './secret-printed-in-ci-log';
import singleReplicaDeployment from './single-replica-deployment';
import sourceMountedOverImage from './source-mounted-over-image';
import sshHostKeyCheckDisabled from './ssh-host-key-check-disabled';
import stepEnvOutOfScope from './step-env-out-of-scope';
import undeclaredComposeReference from './undeclared-compose-reference';
import undeclaredNeedsReference from './undeclared-needs-reference';
import undefinedStepReference from './undefined-step-reference';
import unfilledTemplatePlaceholder from './unfilled-template-placeholder';
import unguardedDeployJob from './unguarded-deploy-job';
import unpinnedAction from './unpinned-action';
import unrestrictedTokenPermissions from './unrestricted-token-permissions';
import untrustedExpressionInRun from './untrusted-expression-in-run';
import workflowRunDefaultContext from './workflow-run-default-context';

/** Every YAML rule, sorted by id. */
export const YAML_RULES: readonly YamlRule[] = [
  adminApiPublished,
  airflowSecretsUnprotected,
  alertMissingForDuration,
  alertMissingSeverityOrSummary,
  alertsWithoutAlertmanager,
  brokenWorkflowStep,
  checkAfterRelease,
  ciWithoutChecks,
  composeHostPortConflict,
  composeMissingHealthcheck,
  composeMissingRestartPolicy,
  constantIfCondition,
  constantRewriteTarget,
  containerRedeployedInPlace,
  counterWithoutRate,
  credentialsInUrl,
  cronjobAllowsOverlap,
  dataStoreWithoutVolume,
  databasePortPublished,
  dependsOnWithoutHealthCondition,
  deployWithoutTestGate,
  deprecatedKubernetesApi,
  deprecatedKustomizeField,
  deprecatedWorkflowCommand,
  dockerSocketMounted,
  dvcPipelineUntrackedExperiment,
  elevatedContainerPrivileges,
  fixedSleepBeforeCheck,
  floatingVersionInWorkflow,
  healthConditionWithoutHealthcheck,
  healthcheckAlwaysPasses,
  histogramQuantileWithoutLe,
  hollowCiStep,
  hostPathVolume,
  identicalLivenessReadinessProbes,
  imagePushedOnlyAsLatest,
  ingressWithoutTls,
  jobWithoutDeadline,
  kubectlWithoutClusterCredentials,
  literalSecretInEnv,
  loadTestAgainstLiveEndpoint,
  longLivedCloudCredentials,
  memoryBasedAutoscaling,
  mismatchedRatioLabels,
  missingJobTimeout,
  missingLivenessProbe,
  missingReadinessProbe,
  missingResourceRequirements,
  missingSecurityContext,
  modelPublishedWithoutEvaluation,
  mutableImageTag,
  neuteredQualityGate,
  outdatedActionVersion,
  productionTracksBranchHead,
  publicLoadBalancer,
  publishOnPullRequest,
  pushedImageNeverBuilt,
  rateWindowTooShort,
  secretPrintedInCiLog,
  singleReplicaDeployment,
  sourceMountedOverImage,
  sshHostKeyCheckDisabled,
  stepEnvOutOfScope,
  undeclaredComposeReference,
  undeclaredNeedsReference,
  undefinedStepReference,
  unfilledTemplatePlaceholder,
  unguardedDeployJob,
  unpinnedAction,
  unrestrictedTokenPermissions,
  untrustedExpressionInRun,
  workflowRunDefaultContext,
];
