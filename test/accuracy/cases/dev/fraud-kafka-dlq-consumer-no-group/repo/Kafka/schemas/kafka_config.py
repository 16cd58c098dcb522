KAFKA_BROKER = "localhost:9092"

TOPICS = {
    "build": "build_metadata",
    "deployment": "model_deployment",
    "fraud_version": "fraud_model_versions",
    "dlq": "dead_letter_queue"
}
