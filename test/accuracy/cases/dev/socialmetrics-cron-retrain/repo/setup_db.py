import mysql.connector
import time

while True:
    try:
        db = mysql.connector.connect(
            host="mysql",
            user="root",
            password="root"
        )
        break
    except mysql.connector.Error:
        print("Waiting for MySQL to start...")
        time.sleep(5)

cursor = db.cursor()

cursor.execute("CREATE DATABASE IF NOT EXISTS sentiment_analysis;")
cursor.execute("USE sentiment_analysis;")

cursor.execute("""
CREATE TABLE IF NOT EXISTS tweets (
    id INT AUTO_INCREMENT PRIMARY KEY,
    text TEXT NOT NULL,
    positive TINYINT(1),
    negative TINYINT(1)
);
""")

cursor.execute("SELECT COUNT(*) FROM tweets;")
count = cursor.fetchone()[0]

if count == 0:
    sample_data = [
        ("I love this!", 1, 0),
        ("Best service ever!", 1, 0),
        ("This is terrible.", 0, 1),
        ("Worst service ever!", 0, 1),
        ("Not bad, but not great.", 0, 0),
        ("It's okay, not amazing.", 0, 0),
    ]

    cursor.executemany("INSERT INTO tweets (text, positive, negative) VALUES (%s, %s, %s);", sample_data)
    print("Sample data inserted.")

db.commit()
db.close()
print("Database setup complete!")
