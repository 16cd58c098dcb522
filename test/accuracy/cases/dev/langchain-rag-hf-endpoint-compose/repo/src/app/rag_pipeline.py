from langchain.messages import HumanMessage, SystemMessage
from langchain_huggingface import HuggingFaceEndpoint, HuggingFaceEndpointEmbeddings, ChatHuggingFace
from langchain_community.vectorstores import Chroma
from config import HUGGINGFACEHUB_API_TOKEN
from app.documents import load_documents


def get_embedding():
    hf = HuggingFaceEndpointEmbeddings(
        model="sentence-transformers/all-mpnet-base-v2",
        task="feature-extraction",
        huggingfacehub_api_token=HUGGINGFACEHUB_API_TOKEN,
    )
    return hf


def create_vectorstore(documents, embedding):
    vectorstore = Chroma.from_documents(
        documents=documents,
        embedding=embedding,
        collection_name="my_langchain_collection"
    )
    return vectorstore


def get_chat_model():
    llm = HuggingFaceEndpoint(
        huggingfacehub_api_token=HUGGINGFACEHUB_API_TOKEN,
        repo_id="deepseek-ai/DeepSeek-R1-0528",
        task="text-generation",
        max_new_tokens=512,
        do_sample=False,
        provider="auto",
    )
    chat_model = ChatHuggingFace(llm=llm)
    return chat_model


def get_retrieval(query: str):
    docs = load_documents()
    embedding = get_embedding()
    vectorstore = create_vectorstore(docs, embedding)
    results = vectorstore.similarity_search(query, k=2)
    return results


def ask_with_context(llm, question, retrieved_docs):
    context = "\n\n".join([doc.page_content for doc in retrieved_docs])
    prompt = f"""
    Answer strictly and concisely based ONLY on the context below.

    Context:
    {context}

    Question:
    {question}
    """
    messages = [
        SystemMessage(content="You are a retrieval-augmented assistant that answers only from provided context."),
        HumanMessage(content=prompt.strip()),
    ]
    response = llm.invoke(messages)
    return response.content
