import logging
from datetime import date

import joblib
import psycopg2
import tensorflow as tf


def run_model_predict() -> None:
    try:
        logging.info("Connecting to database...")
        conn = psycopg2.connect(dbname="postgres", user="postgres", password="postgres", host="postgres")
        curr = conn.cursor()

        input_scaler = joblib.load("/opt/airflow/dags/python_callable/model/scaler/input_scaler.pkl")

        SELECT = """
            SELECT volume_usd, tx_count, senkou_span_sub, alligator_sub
            FROM ethereum.model_input
            WHERE block_timestamp::date = '2024-02-22'
            LIMIT 1
        """
        logging.info(f"Fetching data for {date.today()} prediction...")
        curr.execute(SELECT)
        model_input = input_scaler.transform(curr.fetchall())

        model = tf.keras.models.load_model("/opt/airflow/dags/python_callable/model/keras_model/predictive_model.keras")
        result = model.predict(model_input).squeeze()

        INSERT = f"""
            INSERT INTO ethereum.model_prediction
                SELECT current_date::timestamptz, {result[0]};
        """
        curr.execute(INSERT)
        conn.commit()
    except (Exception, psycopg2.DatabaseError) as err:
        logging.error("Error in transaction, reverting all changes using rollback ", err)
        conn.rollback()
        raise err
    finally:
        if conn:
            curr.close()
            conn.close()
