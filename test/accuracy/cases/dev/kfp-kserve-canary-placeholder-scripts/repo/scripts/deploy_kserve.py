# KServe InferenceService deploy script
