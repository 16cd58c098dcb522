import os
import logging
from typing import List, Dict, Any
from dotenv import load_dotenv
from anthropic import Anthropic
from langchain_anthropic import ChatAnthropic
from langchain.schema import Document
from langchain.prompts import PromptTemplate
from services.clickhouse.clickhouse_dao import ClickhouseDao
from pydantic import SecretStr
from langgraph.graph import StateGraph, START
from typing_extensions import TypedDict

load_dotenv()


class State(TypedDict):
    question: str
    context: List[Document]
    answer: str


def retrieve(state: State) -> Dict[str, Any]:
    docs = state_app.clickhouse_dao.related_articles(state["question"], limit=state_app.max_articles)
    documents = [
        Document(page_content=body, metadata={"url": url, "title": title, "score": score})
        for url, title, body, score in docs
    ]
    return {"context": documents}


def generate(state: State) -> Dict[str, Any]:
    ctx = "\n\n".join(doc.page_content for doc in state["context"])
    prompt_str = state_app.rag_prompt.format(question=state["question"], context=ctx)
    response = state_app.llm.invoke(prompt_str)
    return {"answer": response.content}


class RAGApplication:
    def __init__(self, max_articles: int = 5):
        self.max_articles = max_articles
        self.anthropic = Anthropic(api_key=os.getenv("ANTHROPIC_API_KEY"))
        api_key = os.getenv("ANTHROPIC_API_KEY")
        if not api_key:
            raise ValueError("ANTHROPIC_API_KEY is required")

        self.llm = ChatAnthropic(
            model_name="claude-3-5-sonnet-latest",
            api_key=SecretStr(api_key),
            temperature=0.1,
            timeout=60,
            stop=[],
        )
        self.clickhouse_dao = ClickhouseDao()
        self.rag_prompt = PromptTemplate(
            input_variables=["question", "context"],
            template="Context:\n{context}\n\nQuestion: {question}\n\nAnswer:",
        )
        builder = StateGraph(State).add_sequence([retrieve, generate])
        builder.add_edge(START, "retrieve")
        self.graph = builder.compile()

    def answer_question(self, question: str) -> Dict[str, Any]:
        try:
            result_state = self.graph.invoke({"question": question})
            answer = result_state["answer"]
            docs: List[Document] = result_state["context"]
            return {"question": question, "answer": answer, "articles_used": len(docs)}
        except Exception as e:
            logging.error(f"RAG pipeline failed: {e}")
            return {
                "question": question,
                "answer": f"Error: {e}",
                "context": [],
                "articles_used": 0,
            }


if __name__ == "__main__":
    state_app = RAGApplication(max_articles=5)
    res = state_app.answer_question("What is the latest news?")
    print(f"Answer: {res['answer']}")
