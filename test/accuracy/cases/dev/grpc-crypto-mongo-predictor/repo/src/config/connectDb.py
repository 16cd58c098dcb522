import os

from pymongo import MongoClient


def connect_to_mongodb():
    try:
        client = MongoClient(os.getenv("MONGO_URL"))
        db = client["symbols_predict"]
        print("Databases:", client.list_database_names())
        return db
    except Exception as e:
        print(f"An error occurred: {e}")
        return None
