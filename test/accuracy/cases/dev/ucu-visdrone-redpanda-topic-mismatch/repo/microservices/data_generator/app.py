from flask import Flask, jsonify
import os
import sys
import time
import json
import logging
from datetime import datetime, timezone
from kafka import KafkaProducer
from kafka.errors import NoBrokersAvailable
from sqlalchemy import create_engine, text
import cv2

logging.basicConfig(
    level=logging.INFO,
    format='[%(asctime)s] %(levelname)s in %(module)s: %(message)s'
)

logger = logging.getLogger(__name__)

app = Flask(__name__)

SERVICE_NAME = os.environ.get('SERVICE_NAME', 'Unknown Service')
KAFKA_BROKER = os.environ.get('KAFKA_BROKER', 'localhost:9092')
DATASET_ROOT_DIR = os.environ.get('DATASET_ROOT_DIR')
CAR_TOPIC = os.environ.get('CAR_TOPIC')
PERSON_TOPIC = os.environ.get('PERSON_TOPIC')

POSTGRES_DB = os.environ.get('POSTGRES_DB')
POSTGRES_USER = os.environ.get('POSTGRES_USER')
POSTGRES_PASSWORD = os.environ.get('POSTGRES_PASSWORD')

engine = create_engine(f"postgresql://{POSTGRES_USER}:{POSTGRES_PASSWORD}@postgres:5432/{POSTGRES_DB}")


def create_kafka_producer(bootstrap_servers, retries=10, delay=3):
    for attempt in range(retries):
        try:
            return KafkaProducer(
                bootstrap_servers=bootstrap_servers,
                value_serializer=lambda v: json.dumps(v).encode('utf-8')
            )
        except NoBrokersAvailable:
            print(f"[Kafka] Broker not ready yet, retrying ({attempt+1}/{retries})...")
            time.sleep(delay)
    raise RuntimeError("Kafka broker not available after retries.")


producer = create_kafka_producer(KAFKA_BROKER)


def send_to_kafka(frame_id, video_id, car_topic, person_topic, timestamp):
    message = {
        'frame_id': frame_id,
        'timestamp': timestamp,
        'video_id': video_id
    }
    producer.send(car_topic, message)
    producer.send(person_topic, message)
    logger.info(f"[{SERVICE_NAME}] Sent frame {frame_id}")


def save_frame_and_record(frame_bytes, frame_id, video_id, timestamp):
    path = f"/app/frame_store/{video_id}_{frame_id}.jpg"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(frame_bytes)

    with engine.begin() as conn:
        conn.execute(text("""
            INSERT INTO frames (frame_id, video_id, timestamp, path)
            VALUES (:frame_id, :video_id, :timestamp, :path)
            ON CONFLICT (frame_id) DO NOTHING
        """), {
            "frame_id": frame_id,
            "video_id": video_id,
            "timestamp": timestamp,
            "path": path
        })

    return frame_id


@app.route('/')
def hello_world():
    return f'{SERVICE_NAME} is running!'


@app.route('/status')
def status():
    status_info = {
        'service_name': SERVICE_NAME,
        'python_version': sys.version,
        'kafka_broker_env': KAFKA_BROKER,
    }
    status_info['dataset_path_configured'] = DATASET_ROOT_DIR is not None
    status_info['dataset_path_exists'] = bool(DATASET_ROOT_DIR) and os.path.exists(DATASET_ROOT_DIR)
    return jsonify(status_info)


@app.route('/start/<input_id>', methods=['POST'])
def start_sequence_stream(input_id):
    input_path_seq = os.path.join(DATASET_ROOT_DIR, 'sequences', input_id)
    input_path_video = os.path.join(DATASET_ROOT_DIR, input_id)

    frame_count = 0

    if os.path.isdir(input_path_seq):
        frames = sorted(f for f in os.listdir(input_path_seq) if f.lower().endswith(('.jpg', '.png')))
        for frame_file in frames:
            frame_path = os.path.join(input_path_seq, frame_file)
            frame_id = f'frame_{frame_count:05d}'
            with open(frame_path, 'rb') as f:
                frame_bytes = f.read()

            timestamp = datetime.now(timezone.utc).isoformat()
            save_frame_and_record(frame_bytes, frame_id, input_id, timestamp)
            time.sleep(0.1)
            send_to_kafka(frame_id, input_id, CAR_TOPIC, PERSON_TOPIC, timestamp)
            frame_count += 1
    elif os.path.isfile(input_path_video) and input_id.endswith(('.mp4', '.avi', '.mov')):
        cap = cv2.VideoCapture(input_path_video)
        while True:
            ret, frame = cap.read()
            if not ret:
                break
            _, buffer = cv2.imencode('.jpg', frame)
            frame_id = f'frame_{frame_count:05d}'
            timestamp = datetime.now(timezone.utc).isoformat()
            save_frame_and_record(buffer.tobytes(), frame_id, input_id, timestamp)
            time.sleep(0.1)
            send_to_kafka(frame_id, input_id, CAR_TOPIC, PERSON_TOPIC, timestamp)
            frame_count += 1
        cap.release()
    else:
        return jsonify({'error': f'{input_id} is not a valid folder or video file.'}), 400

    return jsonify({'status': f'Sent {frame_count} frames from {input_id}.'})


if __name__ == '__main__':
    logger.info("Starting Flask app...")
    app.run(debug=True, host='0.0.0.0', port=5000)
