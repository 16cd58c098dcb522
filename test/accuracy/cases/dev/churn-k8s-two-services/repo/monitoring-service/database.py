import os
import psycopg

DB_HOST = os.getenv("DB_HOST", "localhost")
DB_PORT = int(os.getenv("DB_PORT", "5432"))
DB_NAME = os.getenv("DB_NAME", "churndb")
DB_USER = os.getenv("DB_USER", "clouduser")
DB_PASSWORD = os.getenv("DB_PASSWORD", "cloudpass")


def get_connection():
    return psycopg.connect(host=DB_HOST, port=DB_PORT, dbname=DB_NAME, user=DB_USER, password=DB_PASSWORD, connect_timeout=5)


def create_table():
    connection = get_connection()
    cursor = connection.cursor()
    cursor.execute(
        """
        CREATE TABLE IF NOT EXISTS predictions (
            id SERIAL PRIMARY KEY,
            prediction VARCHAR(20),
            churn_probability FLOAT,
            created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
            tenure INTEGER
        )
        """
    )
    connection.commit()
    cursor.close()
    connection.close()


def save_prediction(customer, prediction, churn_probability):
    connection = get_connection()
    cursor = connection.cursor()
    cursor.execute(
        "INSERT INTO predictions (prediction, churn_probability, tenure) VALUES (%s, %s, %s)",
        (prediction, churn_probability, customer.tenure),
    )
    connection.commit()
    cursor.close()
    connection.close()


def get_predictions():
    connection = get_connection()
    cursor = connection.cursor()
    cursor.execute("SELECT id, prediction, churn_probability, created_at, tenure FROM predictions ORDER BY id DESC")
    rows = cursor.fetchall()
    cursor.close()
    connection.close()
    return [
        {"id": r[0], "prediction": r[1], "churn_probability": r[2], "created_at": r[3], "tenure": r[4]}
        for r in rows
    ]
