from langchain_community.utilities import SQLDatabase
from services.llm_client import get_openai_llm
from sqlalchemy import create_engine
from langchain.chains import create_sql_query_chain
import os


def create_langchain_sql_query():
    llm = get_openai_llm()
    db_url = os.getenv("DATABASE_URL", "sqlite:///./demo.db")
    engine = create_engine(db_url)
    db = SQLDatabase(engine)
    sql_chain = create_sql_query_chain(llm, db)
    return sql_chain
