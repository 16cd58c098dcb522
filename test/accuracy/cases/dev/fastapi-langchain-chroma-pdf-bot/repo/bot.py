import streamlit as st
import requests
from dotenv import load_dotenv

if "chat_history" not in st.session_state:
    st.session_state.chat_history = []

st.title("LearnPrompting Assistant")

user_input = st.text_input("Ask me anything about LearnPrompting:", placeholder="Type your question here...")


def get_chatbot_response(query):
    api_url = "http://localhost:8000/query"
    payload = {"question": query}
    try:
        response = requests.post(api_url, json=payload)
        if response.status_code == 200:
            data = response.json()
            return data.get("response", "No response from chatbot."), data.get("source_documents", [])
        else:
            return f"Error: {response.status_code} - {response.text}", []
    except Exception as e:
        return f"Error: {e}", []


if st.button("Send") and user_input.strip():
    chatbot_response, source_docs = get_chatbot_response(user_input)
    st.session_state.chat_history.append({"user": user_input, "bot": chatbot_response})
    for doc in source_docs:
        st.session_state.chat_history.append({"source": doc})

for chat in st.session_state.chat_history:
    if "user" in chat:
        st.markdown(f"**You:** {chat['user']}")
    if "bot" in chat:
        st.markdown(f"**Chatbot:** {chat['bot']}")

st.markdown("---")
st.markdown("Powered by RAG and GPT-4o-mini")
