STREAM_KEY = "prediction_stream"
RESULT_PREFIX = "prediction_result:"
