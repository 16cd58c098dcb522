from sqlalchemy import create_engine, MetaData, Table, Column, Integer, insert, URL, Text
from car_data import rows

url_object = URL.create(
    "mysql+mysqlconnector",
    username="root",
    password="Vk7)pQ2wRtZe4;",  # plain (unescaped) text
    host="127.0.0.1",
    database="dealer_stats",
)

engine = create_engine(url_object)
metadata_obj = MetaData()

table_name = "car_info"
stats_table = Table(
    table_name,
    metadata_obj,
    Column("id", Integer, primary_key=True),
    Column("make", Text),
    Column("model", Text),
    Column("year", Integer),
    Column("trim", Text),
    Column("msrp", Integer),
    Column("horsepower", Text),
)
metadata_obj.create_all(engine)

index = 0

for row in rows:
    info = row.copy()
    info["id"] = index
    index += 1
    stmt = insert(stats_table).values(**info)
    with engine.connect() as connection:
        cursor = connection.execute(stmt)
        connection.commit()
