KAFKA_BOOTSTRAP_SERVERS = "kafka:9092"

RUNNER_TOPIC = "runner_topic"          # For messages from orchestrator -> runner
INFERENCE_TOPIC = "inference_topic"    # Runner sends frames here
PREDICTION_TOPIC = "prediction_topic"  # Inference -> runner or orchestrator
