# app.py
import streamlit as st
from agent import Agent

st.set_page_config(page_title="Claude-3 Chat Agent", page_icon="🤖")

if "agent" not in st.session_state:
    st.session_state.agent = Agent()

if prompt := st.chat_input("Type your message here..."):
    response = st.session_state.agent(prompt)

for message in st.session_state.agent.messages:
    with st.chat_message(message["role"]):
        st.markdown(message["content"][0]["text"])
