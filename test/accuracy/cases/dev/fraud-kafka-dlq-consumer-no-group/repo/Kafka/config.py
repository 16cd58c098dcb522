KAFKA_BROKER = "localhost:9092"
TOPIC_NAME = "build_metadata"

SERVICE_NAME = "AI-FraudProtection-Service"
ENVIRONMENT = "production"
