import datetime as dt

import pandas as pd
import quixstreams as qx
from tensorflow import keras
import tensorflow_text as text

model = keras.models.load_model('model')

client = qx.KafkaStreamingClient('127.0.0.1:9092')

print("Initializing consumer...")
commit_settings = qx.CommitOptions()
commit_settings.auto_commit_enabled = False  # read the same messages again (for testing)
topic_consumer = client.get_topic_consumer("emails", commit_settings=commit_settings, auto_offset_reset=qx.AutoOffsetReset.Earliest)

print("Initializing producer...")
topic_producer = client.get_topic_producer('predictions')
output_stream = topic_producer.create_stream()

print(f"Initialized Kafka producer at {dt.datetime.utcnow()}")


def on_dataframe_received_handler(stream_consumer: qx.StreamConsumer, df: pd.DataFrame):
    print("Processing Message: \n", df.to_markdown(), "\n")

    dff = pd.Series(df['Message'])

    inference = (model.predict(dff) > 0.5).astype(int)

    df["Spamflag"] = inference
    df_m = df[['ID', 'Spamflag']]

    output_stream.timeseries.publish(df_m)
    print("Prediction sent: \n", df_m.to_markdown(), "\n\n\n")


def on_stream_received_handler(stream_consumer: qx.StreamConsumer):
    stream_consumer.timeseries.on_dataframe_received = on_dataframe_received_handler


topic_consumer.on_stream_received = on_stream_received_handler

print("Listening to streams. Press CTRL-C to exit.")

qx.App.run()
