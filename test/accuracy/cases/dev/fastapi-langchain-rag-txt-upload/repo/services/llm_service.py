from langchain_openai import ChatOpenAI
from langchain.chains import create_retrieval_chain
from langchain.chains.combine_documents import create_stuff_documents_chain
from langchain.chains import create_history_aware_retriever
from langchain_core.prompts import ChatPromptTemplate, MessagesPlaceholder
from langchain.vectorstores.base import VectorStoreRetriever
from config.constants import OPENAI_API_KEY, OPENAI_LLM


class LlmService:
    def __init__(self):
        self.llm = None
        self.chain = None
        self.chat_history = []

    def _create_chain(self, retriever: VectorStoreRetriever):
        contextualized_prompt = ChatPromptTemplate.from_messages([
            ("system", "Based on chat history and user question, make the question understandable without history."),
            MessagesPlaceholder(variable_name="chat_history"),
            ("user", "{input}"),
        ])
        contextualized_retriever = create_history_aware_retriever(self.llm, retriever, contextualized_prompt)
        qa_prompt = ChatPromptTemplate.from_messages([
            ("system", "Answer the user question based on the below context:\n\n{context}"),
            MessagesPlaceholder(variable_name="chat_history"),
            ("user", "{input}"),
        ])
        document_chain = create_stuff_documents_chain(self.llm, qa_prompt)
        self.chain = create_retrieval_chain(contextualized_retriever, document_chain)

    def configure_llm(self, retriever: VectorStoreRetriever):
        self.llm = ChatOpenAI(
            model=OPENAI_LLM,
            openai_api_key=OPENAI_API_KEY
        )
        self.chain = self._create_chain(retriever)

    def generate_response(self, user_input):
        response = self.chain.ainvoke(
            {
                "chat_history": self.chat_history,
                "input": user_input
            }
        )
        answer = response['answer']
        self.chat_history.append("user", f"{user_input}")
        self.chat_history.append("ai", f"{answer}")
        return answer
