from app.services.predictor import mock_model_predict
from app.utils.redis_client import redis_stream
from app.utils.constants import STREAM_KEY, RESULT_PREFIX

print("Consumer is now listening for new messages...")

last_id = "0"

while True:
    messages = redis_stream.xread({STREAM_KEY: last_id}, block=0, count=1)
    for stream, entries in messages:
        for message_id, message_data in entries:
            last_id = message_id
            prediction_id = message_data.get("prediction_id")
            input_text = message_data.get("input")
            if not prediction_id or not input_text:
                print(f"Invalid message format: {message_data}")
                continue

            print(f"Processing: {prediction_id}")
            redis_stream.hset(RESULT_PREFIX + prediction_id, mapping={"status": "processing", "input": input_text, "result": ""})
            try:
                result = mock_model_predict(input_text)
            except Exception as e:
                redis_stream.hset(RESULT_PREFIX + prediction_id, mapping={"status": "error", "input": input_text, "result": str(e)})
                print(f"Error processing prediction {prediction_id}: {e}")
                continue

            redis_stream.hset(RESULT_PREFIX + prediction_id, mapping={"status": "done", "input": result["input"], "result": result["result"]})
            print(f"Processed: {prediction_id}")
