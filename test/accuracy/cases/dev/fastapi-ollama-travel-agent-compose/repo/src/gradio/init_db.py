import sqlite3


def init_db():
    conn = sqlite3.connect("/data/data.db")
    conn.execute("CREATE TABLE IF NOT EXISTS booking (booking_id TEXT, hotel TEXT, check_in TEXT, check_out TEXT, adults INT, children INT)")
    conn.commit()
    conn.close()
