from config.constants import FILES_DIR, DB_DIR, OPENAI_API_KEY
from langchain_community.document_loaders import DirectoryLoader
from langchain_community.document_loaders import TextLoader
from langchain_text_splitters import CharacterTextSplitter
from chromadb import PersistentClient
from chromadb.utils.embedding_functions import OpenAIEmbeddingFunction
from langchain_chroma import Chroma
from langchain.vectorstores.base import VectorStoreRetriever
from langchain_openai import OpenAIEmbeddings
from log import logger
from fastapi import HTTPException
import os


class RagService:
    def __init__(self):
        self.db = None

    def configure_db(self):
        clname = "doc"
        client = PersistentClient(path=DB_DIR)
        try:
            embedding_func = OpenAIEmbeddingFunction(api_key=OPENAI_API_KEY)
            collection = client.get_or_create_collection(
                name=clname,
                embedding_function=embedding_func
            )
        except Exception as e:
            err = f"Error occured while creating or loading collection: {str(e)}"
            logger.error(err)
            raise HTTPException(
                status_code=500,
                detail=err,
            )
        embeddings = OpenAIEmbeddings(openai_api_key=OPENAI_API_KEY)
        self.db = Chroma(
            client=client,
            collection_name=clname,
            embedding_function=embeddings,
            persist_directory=DB_DIR,
        )

    async def add_docs(self):
        try:
            loader = DirectoryLoader(
                FILES_DIR,
                glob='**/*.txt',
                loader_cls=TextLoader
            )
            raw_documents = await loader.aload()
            logger.info(f"{len(raw_documents)} documents loaded by DirectoryLoader.")
            text_splitter = CharacterTextSplitter(
                separator=".",
                chunk_size=1000,
                chunk_overlap=50
            )
            chunks = await text_splitter.atransform_documents(raw_documents)
            v_ids = await self.db.aadd_documents(chunks)
            logger.info(f"{len(v_ids)} vectors added successfully to Chroma DB.")
        except Exception as e:
            err = f"Error occured while adding documents to database: {str(e)}"
            logger.error(err)
            raise HTTPException(
                status_code=500,
                detail=err,
            )
        finally:
            for f in os.listdir(FILES_DIR):
                file = os.path.join(FILES_DIR, f)
                if os.path.exists(file):
                    os.remove(file)

    def get_retriever(self) -> VectorStoreRetriever:
        return self.db.as_retriever(search_type="similarity", search_kwargs={"k": 3})
