import pickle

import psycopg2
from psycopg2.extras import RealDictCursor
from fastapi import APIRouter


def memoryview_to_bytes(mv):
    try:
        data = pickle.loads(mv.tobytes())
    except Exception:
        data = mv.tobytes().decode("unicode_escape").encode("latin1").decode("utf-8")

    return str(data)


def convert_to_json(data):
    converted = []
    for item in data:
        converted.append(
            {
                "task_id": item["task_id"],
                "date_done": item["date_done"].isoformat(),
                "result": memoryview_to_bytes(item["result"]),
                "status": item["status"],
                "args": memoryview_to_bytes(item["args"]),
                "kwargs": memoryview_to_bytes(item["kwargs"]),
            }
        )
    return converted


router = APIRouter()


@router.get("/model/history")
async def read_history():

    conn = psycopg2.connect(
        dbname="mydatabase",
        user="myuser",
        password="mypassword",
        host="localhost",
        port="5432",
    )

    cursor = conn.cursor(cursor_factory=RealDictCursor)

    try:
        cursor.execute("select * from celery_taskmeta")
        json_result = convert_to_json(cursor.fetchall())
        return json_result

    finally:
        cursor.close()
        conn.close()
