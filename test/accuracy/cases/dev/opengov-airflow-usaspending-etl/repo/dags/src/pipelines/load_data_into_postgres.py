import logging

logger = logging.getLogger(__name__)


def load_data_into_database(table_name, df, max_retries=3, backoff=2):
    """Insert the DataFrame's rows into a table, retrying transient errors. Returns True on success."""
    import time
    import psycopg2
    import psycopg2.extras as extras

    tuples = [tuple(x) for x in df.to_numpy()]
    cols = ",".join(list(df.columns))
    conn = psycopg2.connect(dbname="usaSpending", user="postgres", password="password", host="host.docker.internal")

    query = f"INSERT INTO {table_name} ({cols}) VALUES %s"
    attempt = 0

    while attempt < max_retries:
        cursor = conn.cursor()
        try:
            extras.execute_values(cursor, query, tuples)
            conn.commit()
            logger.info(f"Data successfully inserted into '{table_name}'.")
            return True
        except (Exception, psycopg2.DatabaseError) as error:
            conn.rollback()
            attempt += 1
            logger.info(f"Attempt {attempt} failed: {error}")
            if attempt < max_retries:
                sleep_time = backoff ** attempt
                logger.info(f"Retrying in {sleep_time} seconds...")
                time.sleep(sleep_time)
            else:
                logger.info("Max retries reached. Insert failed.")
                return False
        finally:
            cursor.close()
