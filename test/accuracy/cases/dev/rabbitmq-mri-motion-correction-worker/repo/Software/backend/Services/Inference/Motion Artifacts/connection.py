import pika
from dotenv import load_dotenv
import os
from src import callback

load_dotenv()


def start_connection():
    try:
        connection = pika.BlockingConnection(
            pika.ConnectionParameters(
                host=os.getenv('RABBITMQ_HOST'),
                port=os.getenv('RABBITMQ_PORT'),
                credentials=pika.PlainCredentials(
                    os.getenv('RABBITMQ_USERNAME'),
                    os.getenv('RABBITMQ_PASSWORD')
                ))
        )

        channel = connection.channel()

        channel.queue_declare(queue='inf_motion_correction', durable=True)

        print(' [Motion Artifacts] Channel to motion correction queue created. Waiting for messages.')

        channel.basic_qos(prefetch_count=1)
        channel.basic_consume(queue='inf_motion_correction', on_message_callback=callback.motion_correction_callback)

        channel.start_consuming()
    except Exception as e:
        print(f'Error: {e}')
        start_connection()


if __name__ == '__main__':
    start_connection()
