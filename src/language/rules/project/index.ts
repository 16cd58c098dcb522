import type { ProjectRule } from '../../rule';
import alertRulesNeverLoaded from './alert-rules-never-loaded';
import applyResetsDeployedImage from './apply-resets-deployed-image';
import autoscalerTargetMismatch from './autoscaler-target-mismatch';
import backgroundProcessInContainer from './background-process-in-container';
import buildToolsInRuntimeImage from './build-tools-in-runtime-image';
import callArgumentMismatch from './call-argument-mismatch';
import committedCredentialFile from './committed-credential-file';
import conflictingRequirementPins from './conflicting-requirement-pins';
import containerRunsAsRoot from './container-runs-as-root';
import copyChownUnknownUser from './copy-chown-unknown-user';
import copyOutsideBuildContext from './copy-outside-build-context';
import credentialInEnvFile from './credential-in-env-file';
import deployedImageNotPushed from './deployed-image-not-pushed';
import developmentServerInContainer from './development-server-in-container';
import disruptionBudgetBlocksEviction from './disruption-budget-blocks-eviction';
import dvcStageMissingDependency from './dvc-stage-missing-dependency';
import endOfLifeBaseImage from './end-of-life-base-image';
import exposePortMismatch from './expose-port-mismatch';
import healthcheckToolMissing from './healthcheck-tool-missing';
import helmValueUndefined from './helm-value-undefined';
import importNameMissing from './import-name-missing';
import importNotOnStartPath from './import-not-on-start-path';
import localPathRequirement from './local-path-requirement';
import mergeConflictMarkers from './merge-conflict-markers';
import missingPodDisruptionBudget from './missing-pod-disruption-budget';
import mlflowNameMismatch from './mlflow-name-mismatch';
import modelTrainedInImageBuild from './model-trained-in-image-build';
import moduleNotInImage from './module-not-in-image';
import monitorSelectsNothing from './monitor-selects-nothing';
import nodePortBehindIngress from './node-port-behind-ingress';
import probeBypassesHealthRoute from './probe-bypasses-health-route';
import probePathNotServed from './probe-path-not-served';
import probePortMismatch from './probe-port-mismatch';
import readWriteOnceVolumeShared from './read-write-once-volume-shared';
import referencedPathMissing from './referenced-path-missing';
import removedLibraryApi from './removed-library-api';
import replicasSetUnderAutoscaler from './replicas-set-under-autoscaler';
import routerNeverMounted from './router-never-mounted';
import scrapeTargetNotInStack from './scrape-target-not-in-stack';
import secretBakedIntoImage from './secret-baked-into-image';
import servedModelBypassesRegistry from './served-model-bypasses-registry';
import servedModelWithoutRevision from './served-model-without-revision';
import serverBoundToLoopback from './server-bound-to-loopback';
import servicePortMismatch from './service-port-mismatch';
import setupAtContainerStart from './setup-at-container-start';
import sourceCopiedBeforeDependencies from './source-copied-before-dependencies';
import tabIndentedYaml from './tab-indented-yaml';
import unbalancedTupleUnpacking from './unbalanced-tuple-unpacking';
import undeclaredDependencies from './undeclared-dependencies';
import undefinedWorkflowReference from './undefined-workflow-reference';
import unknownDockerfileInstruction from './unknown-dockerfile-instruction';
import unparseableCiDefinition from './unparseable-ci-definition';
import unpinnedDependencies from './unpinned-dependencies';
import userSitePackagesUnderRoot from './user-site-packages-under-root';
import windowsOnlyRequirement from './windows-only-requirement';
import workflowOutsideWorkflowsFolder from './workflow-outside-workflows-folder';

/** Every project rule (how the files of a project fit together), sorted by id. */
export const PROJECT_RULES: readonly ProjectRule[] = [
  alertRulesNeverLoaded,
  applyResetsDeployedImage,
  autoscalerTargetMismatch,
  backgroundProcessInContainer,
  buildToolsInRuntimeImage,
  callArgumentMismatch,
  committedCredentialFile,
  conflictingRequirementPins,
  containerRunsAsRoot,
  copyChownUnknownUser,
  copyOutsideBuildContext,
  credentialInEnvFile,
  deployedImageNotPushed,
  developmentServerInContainer,
  disruptionBudgetBlocksEviction,
  dvcStageMissingDependency,
  endOfLifeBaseImage,
  exposePortMismatch,
  healthcheckToolMissing,
  helmValueUndefined,
  importNameMissing,
  importNotOnStartPath,
  localPathRequirement,
  mergeConflictMarkers,
  missingPodDisruptionBudget,
  mlflowNameMismatch,
  modelTrainedInImageBuild,
  moduleNotInImage,
  monitorSelectsNothing,
  nodePortBehindIngress,
  probeBypassesHealthRoute,
  probePathNotServed,
  probePortMismatch,
  readWriteOnceVolumeShared,
  referencedPathMissing,
  removedLibraryApi,
  replicasSetUnderAutoscaler,
  routerNeverMounted,
  scrapeTargetNotInStack,
  secretBakedIntoImage,
  servedModelBypassesRegistry,
  servedModelWithoutRevision,
  serverBoundToLoopback,
  servicePortMismatch,
  setupAtContainerStart,
  sourceCopiedBeforeDependencies,
  tabIndentedYaml,
  unbalancedTupleUnpacking,
  undeclaredDependencies,
  undefinedWorkflowReference,
  unknownDockerfileInstruction,
  unparseableCiDefinition,
  unpinnedDependencies,
  userSitePackagesUnderRoot,
  windowsOnlyRequirement,
  workflowOutsideWorkflowsFolder,
];
