import type { PythonRule } from '../../rule';
import assertAsRuntimeCheck from './assert-as-runtime-check';
import bashTaskRelativeScript from './bash-task-relative-script';
import blockingCallInAsyncHandler from './blocking-call-in-async-handler';
import bodyReadOnGet from './body-read-on-get';
import boolArgumentType from './bool-argument-type';
import cacheEntryWithoutTtl from './cache-entry-without-ttl';
import checkpointLoadedNonStrict from './checkpoint-loaded-non-strict';
import clientCreatedPerRequest from './client-created-per-request';
import clientWithoutTimeout from './client-without-timeout';
import commandFailureIgnored from './command-failure-ignored';
import consumerAutoCommit from './consumer-auto-commit';
import conversationSharedAcrossUsers from './conversation-shared-across-users';
import corsAllowsAnyOrigin from './cors-allows-any-origin';
import csrfProtectionDisabled from './csrf-protection-disabled';
import dagCatchupNotDisabled from './dag-catchup-not-disabled';
import dataframeResultDiscarded from './dataframe-result-discarded';
import debugModeEnabled from './debug-mode-enabled';
import debuggerLeftInCode from './debugger-left-in-code';
import defaultEvaluatedOnce from './default-evaluated-once';
import duplicateRoute from './duplicate-route';
import dynamicCodeExecution from './dynamic-code-execution';
import dynamicDagStartDate from './dynamic-dag-start-date';
import evaluateUnpackedOutOfOrder from './evaluate-unpacked-out-of-order';
import exceptionCauseDropped from './exception-cause-dropped';
import exceptionLeakedToClient from './exception-leaked-to-client';
import exceptionLoggedWithoutTraceback from './exception-logged-without-traceback';
import exceptionReraisedUnchanged from './exception-reraised-unchanged';
import failureExitsWithSuccess from './failure-exits-with-success';
import failureReturnedAsResult from './failure-returned-as-result';
import fastPasswordHash from './fast-password-hash';
import fittedArtifactNotSaved from './fitted-artifact-not-saved';
import fixedSleepAtStartup from './fixed-sleep-at-startup';
import flushPerMessage from './flush-per-message';
import gradientsNeverZeroed from './gradients-never-zeroed';
import grpcPlaintextPort from './grpc-plaintext-port';
import grpcServerWithoutGracefulShutdown from './grpc-server-without-graceful-shutdown';
import handlerWithoutErrorHandling from './handler-without-error-handling';
import hardCodedGpu from './hard-coded-gpu';
import hardcodedSecret from './hardcoded-secret';
import hardcodedServiceAddress from './hardcoded-service-address';
import healthCheckAlwaysOk from './health-check-always-ok';
import httpCallWithoutTimeout from './http-call-without-timeout';
import httpExceptionInMiddleware from './http-exception-in-middleware';
import hyperparametersNotLogged from './hyperparameters-not-logged';
import ineffectiveDagDefaults from './ineffective-dag-defaults';
import inferenceTracksGradients from './inference-tracks-gradients';
import interactivePromptInTraining from './interactive-prompt-in-training';
import jobWithoutErrorHandling from './job-without-error-handling';
import lightgbmBaggingWithoutFrequency from './lightgbm-bagging-without-frequency';
import logArgumentWithoutPlaceholder from './log-argument-without-placeholder';
import logsOnlyToFile from './logs-only-to-file';
import machineSpecificPath from './machine-specific-path';
import metricArgumentsSwapped from './metric-arguments-swapped';
import metricLabelsMismatch from './metric-labels-mismatch';
import missingExperimentTracking from './missing-experiment-tracking';
import missingHealthEndpoint from './missing-health-endpoint';
import missingHeldOutEvaluation from './missing-held-out-evaluation';
import missingMetrics from './missing-metrics';
import missingRandomSeed from './missing-random-seed';
import missingRandomState from './missing-random-state';
import modelDownloadedAtStartup from './model-downloaded-at-startup';
import modelLoadFailureIgnored from './model-load-failure-ignored';
import modelLoadedPerRequest from './model-loaded-per-request';
import modelOutputExecuted from './model-output-executed';
import modelPromotedWithoutGate from './model-promoted-without-gate';
import modelSelectedOnTestSet from './model-selected-on-test-set';
import modelTrainedAtImport from './model-trained-at-import';
import mutableImageInCode from './mutable-image-in-code';
import perProcessSecretKey from './per-process-secret-key';
import permissiveRequestSchema from './permissive-request-schema';
import pipelineTaskWithoutRetries from './pipeline-task-without-retries';
import pollingWithoutWait from './polling-without-wait';
import possiblyUnboundVariable from './possibly-unbound-variable';
import predictionsWrittenWithoutIds from './predictions-written-without-ids';
import preprocessingFitBeforeSplit from './preprocessing-fit-before-split';
import printInsteadOfLogging from './print-instead-of-logging';
import producerNeverFlushed from './producer-never-flushed';
import publicShareLink from './public-share-link';
import rankingMetricOnPredictedLabels from './ranking-metric-on-predicted-labels';
import requestControlledPathOrUrl from './request-controlled-path-or-url';
import responseStatusUnchecked from './response-status-unchecked';
import retryWithoutBackoff from './retry-without-backoff';
import runSpecificCheckpointPath from './run-specific-checkpoint-path';
import sensitiveDataLogged from './sensitive-data-logged';
import serverStartedAtImport from './server-started-at-import';
import serviceWithoutLogging from './service-without-logging';
import setupOnlyInMainGuard from './setup-only-in-main-guard';
import sharedScratchFile from './shared-scratch-file';
import shuffledTimeSeriesSplit from './shuffled-time-series-split';
import sqlBuiltFromStrings from './sql-built-from-strings';
import stateDictNotCopied from './state-dict-not-copied';
import subprocessShellTrue from './subprocess-shell-true';
import swallowedException from './swallowed-exception';
import tablesCreatedAtImport from './tables-created-at-import';
import taskResultAwaitedInRequest from './task-result-awaited-in-request';
import taskResultWithoutTimeout from './task-result-without-timeout';
import taskWithoutTimeLimit from './task-without-time-limit';
import timingUnsafeSecretComparison from './timing-unsafe-secret-comparison';
import tlsVerificationDisabled from './tls-verification-disabled';
import trainingInRequestHandler from './training-in-request-handler';
import trainingLoaderNotShuffled from './training-loader-not-shuffled';
import unauthenticatedStateChange from './unauthenticated-state-change';
import unbatchedPrediction from './unbatched-prediction';
import unboundedChatHistory from './unbounded-chat-history';
import unboundedInMemoryCache from './unbounded-in-memory-cache';
import unboundedMetricLabel from './unbounded-metric-label';
import unboundedQueryInHandler from './unbounded-query-in-handler';
import unboundedRequestInput from './unbounded-request-input';
import uncheckedEnvironmentVariable from './unchecked-environment-variable';
import uncheckedLlmInput from './unchecked-llm-input';
import undefinedName from './undefined-name';
import unescapedHtmlResponse from './unescaped-html-response';
import unguardedRequestConversion from './unguarded-request-conversion';
import unpinnedModelReference from './unpinned-model-reference';
import unsafeDeserialization from './unsafe-deserialization';
import unsafeYamlLoad from './unsafe-yaml-load';
import unsortedFileListing from './unsorted-file-listing';
import untypedNumericArgument from './untyped-numeric-argument';
import unvalidatedRequestPayload from './unvalidated-request-payload';
import unversionedModelArtifact from './unversioned-model-artifact';
import unversionedTrainingData from './unversioned-training-data';
import unwatchedBackgroundThread from './unwatched-background-thread';
import validationErrorIgnored from './validation-error-ignored';
import viewReturnsNone from './view-returns-none';
import workerLoopWithoutErrorHandling from './worker-loop-without-error-handling';
import wrongErrorStatus from './wrong-error-status';

/** Every Python rule, sorted by id. The bundler sees them all through this one list. */
export const PYTHON_RULES: readonly PythonRule[] = [
  assertAsRuntimeCheck,
  bashTaskRelativeScript,
  blockingCallInAsyncHandler,
  bodyReadOnGet,
  boolArgumentType,
  cacheEntryWithoutTtl,
  checkpointLoadedNonStrict,
  clientCreatedPerRequest,
  clientWithoutTimeout,
  commandFailureIgnored,
  consumerAutoCommit,
  conversationSharedAcrossUsers,
  corsAllowsAnyOrigin,
  csrfProtectionDisabled,
  dagCatchupNotDisabled,
  dataframeResultDiscarded,
  debugModeEnabled,
  debuggerLeftInCode,
  defaultEvaluatedOnce,
  duplicateRoute,
  dynamicCodeExecution,
  dynamicDagStartDate,
  evaluateUnpackedOutOfOrder,
  exceptionCauseDropped,
  exceptionLeakedToClient,
  exceptionLoggedWithoutTraceback,
  exceptionReraisedUnchanged,
  failureExitsWithSuccess,
  failureReturnedAsResult,
  fastPasswordHash,
  fittedArtifactNotSaved,
  fixedSleepAtStartup,
  flushPerMessage,
  gradientsNeverZeroed,
  grpcPlaintextPort,
  grpcServerWithoutGracefulShutdown,
  handlerWithoutErrorHandling,
  hardCodedGpu,
  hardcodedSecret,
  hardcodedServiceAddress,
  healthCheckAlwaysOk,
  httpCallWithoutTimeout,
  httpExceptionInMiddleware,
  hyperparametersNotLogged,
  ineffectiveDagDefaults,
  inferenceTracksGradients,
  interactivePromptInTraining,
  jobWithoutErrorHandling,
  lightgbmBaggingWithoutFrequency,
  logArgumentWithoutPlaceholder,
  logsOnlyToFile,
  machineSpecificPath,
  metricArgumentsSwapped,
  metricLabelsMismatch,
  missingExperimentTracking,
  missingHealthEndpoint,
  missingHeldOutEvaluation,
  missingMetrics,
  missingRandomSeed,
  missingRandomState,
  modelDownloadedAtStartup,
  modelLoadFailureIgnored,
  modelLoadedPerRequest,
  modelOutputExecuted,
  modelPromotedWithoutGate,
  modelSelectedOnTestSet,
  modelTrainedAtImport,
  mutableImageInCode,
  perProcessSecretKey,
  permissiveRequestSchema,
  pipelineTaskWithoutRetries,
  pollingWithoutWait,
  possiblyUnboundVariable,
  predictionsWrittenWithoutIds,
  preprocessingFitBeforeSplit,
  printInsteadOfLogging,
  producerNeverFlushed,
  publicShareLink,
  rankingMetricOnPredictedLabels,
  requestControlledPathOrUrl,
  responseStatusUnchecked,
  retryWithoutBackoff,
  runSpecificCheckpointPath,
  sensitiveDataLogged,
  serverStartedAtImport,
  serviceWithoutLogging,
  setupOnlyInMainGuard,
  sharedScratchFile,
  shuffledTimeSeriesSplit,
  sqlBuiltFromStrings,
  stateDictNotCopied,
  subprocessShellTrue,
  swallowedException,
  tablesCreatedAtImport,
  taskResultAwaitedInRequest,
  taskResultWithoutTimeout,
  taskWithoutTimeLimit,
  timingUnsafeSecretComparison,
  tlsVerificationDisabled,
  trainingInRequestHandler,
  trainingLoaderNotShuffled,
  unauthenticatedStateChange,
  unbatchedPrediction,
  unboundedChatHistory,
  unboundedInMemoryCache,
  unboundedMetricLabel,
  unboundedQueryInHandler,
  unboundedRequestInput,
  uncheckedEnvironmentVariable,
  uncheckedLlmInput,
  undefinedName,
  unescapedHtmlResponse,
  unguardedRequestConversion,
  unpinnedModelReference,
  unsafeDeserialization,
  unsafeYamlLoad,
  unsortedFileListing,
  untypedNumericArgument,
  unvalidatedRequestPayload,
  unversionedModelArtifact,
  unversionedTrainingData,
  unwatchedBackgroundThread,
  validationErrorIgnored,
  viewReturnsNone,
  workerLoopWithoutErrorHandling,
  wrongErrorStatus,
];
