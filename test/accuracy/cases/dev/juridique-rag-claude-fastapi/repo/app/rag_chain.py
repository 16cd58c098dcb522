import anthropic
from dotenv import load_dotenv
from langchain_text_splitters import RecursiveCharacterTextSplitter
from langchain_chroma import Chroma
from langchain_community.document_loaders import PyPDFLoader
from langchain_huggingface import HuggingFaceEmbeddings

from . import jev

load_dotenv()

PDF_PATH = "Burundi_Code_2017_penal.pdf"
PERSIST_DIR = "rag"
EMBEDDING_MODEL = "sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2"
CLAUDE_MODEL = "claude-opus-5-5"
MAX_TOKENS = 16000

IN_SCOPE_THRESHOLD = 0.5
GROUNDED_THRESHOLD = 0.7

REFUSAL_ANSWER = "Je ne peux pas répondre à cette question."

SYSTEM_PROMPT = "Vous êtes un assistant juridique spécialisé dans le Code pénal du Burundi."

embeddings = HuggingFaceEmbeddings(model_name=EMBEDDING_MODEL)
vectorstore = Chroma(persist_directory=PERSIST_DIR, embedding_function=embeddings)
if not vectorstore.get(limit=1)["ids"]:
    data = PyPDFLoader(PDF_PATH).load()
    text_splitter = RecursiveCharacterTextSplitter(chunk_size=600, chunk_overlap=100)
    vectorstore.add_documents(text_splitter.split_documents(data))

retriever = vectorstore.as_retriever(search_type="similarity", search_kwargs={"k": 10})

_claude = None


def get_claude():
    global _claude
    if _claude is None:
        _claude = anthropic.Anthropic()
    return _claude


def format_context(docs) -> str:
    extraits = "\n\n".join(
        f"[page {d.metadata.get('page')}]\n{d.page_content}" for d in docs
    )
    return f"<extraits>\n{extraits}\n</extraits>"


def generate(question: str, docs: list) -> str:
    response = get_claude().messages.create(
        model=CLAUDE_MODEL,
        max_tokens=MAX_TOKENS,
        system=SYSTEM_PROMPT,
        messages=[
            {
                "role": "user",
                "content": f"{format_context(docs)}\n\nQuestion : {question}",
            }
        ],
    )
    if response.stop_reason == "refusal":
        return REFUSAL_ANSWER
    text = "".join(b.text for b in response.content if b.type == "text")
    return text or REFUSAL_ANSWER


def answer_question(question: str) -> dict:
    in_scope, sensitivity = jev.triage(question)
    if in_scope < IN_SCOPE_THRESHOLD:
        return {"answer": "Hors sujet.", "in_scope": in_scope, "sources": []}

    docs = retriever.invoke(question)
    docs = jev.rerank(question, docs)
    if not docs:
        return {"answer": "Introuvable.", "in_scope": in_scope, "sources": []}
    answer = generate(question, docs)
    score = jev.grounded(question, docs, answer)

    if score < GROUNDED_THRESHOLD:
        answer += "\n\nRéponse partiellement vérifiée."

    return {
        "answer": answer,
        "in_scope": in_scope,
        "grounded": score,
        "sources": [d.metadata.get("page") for d in docs],
    }
