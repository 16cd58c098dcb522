from langchain.text_splitter import RecursiveCharacterTextSplitter
from langchain_community.document_loaders import DirectoryLoader, PyPDFLoader
from langchain_community.embeddings import HuggingFaceEmbeddings


def load_pdf_file(pdf_filepath):
    loader = DirectoryLoader(pdf_filepath, glob="*.pdf", loader_cls=PyPDFLoader)
    return loader.load()


def create_doc_chunks(docs):
    text_splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=20)
    return text_splitter.split_documents(docs)


def download_hugging_face_embedding_model():
    embed_model = HuggingFaceEmbeddings(model_name="sentence-transformers/all-MiniLM-L6-v2")
    return embed_model
