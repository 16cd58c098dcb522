import streamlit as st
import os
import requests
from dotenv import load_dotenv
from litellm import completion

#URL to FastAPI server
url = "http://localhost:8000/query"

st.set_page_config(page_title="EcoValid")

load_dotenv()


def model_4o(enquire, memory):
    if memory:
        messages = st.session_state.conversation_memory
    else:
        messages = [{"role": "user", "content": enquire}]

    response = completion(
        api_key=os.getenv("API_KEY"),# your api key
        base_url="http://18.216.253.243:4000/",
        model="gpt-4o", #could be changed to any model you want
        custom_llm_provider="openai",
        messages=messages
    )
    return response


def recordInput(userInput):
    messages = st.session_state.conversation_memory
    messages.append({"role": "user", "content": userInput})


def recordOutput(chatbotOutput):
    messages = st.session_state.conversation_memory
    messages.append({"role": "assistant", "content": chatbotOutput})


def checkForLocation(query):
    instruction = "Does this query specify a single region? Answer \"yes\" or \"no\". \nQuery:"
    query_text = instruction + query
    response = model_4o(query_text, False)["choices"][0]["message"]["content"]
    if "yes" in response.lower():
        return True
    else:
        return False


st.title("EcoValid")

if "role" not in st.session_state:
    st.session_state.role = "Select an option"

if "conversation_memory" not in st.session_state:
    st.session_state.conversation_memory = []

for message in st.session_state.conversation_memory:
    if message["role"] == "user":
        with st.chat_message("user"):
            st.markdown(f"<p style='margin:0; padding:10px;'>{message['content']}</p>", unsafe_allow_html=True)
    else:
        with st.chat_message("assistant"):
            st.markdown(f"<div class='assistant-message'>Eco: {message['content']}</div>", unsafe_allow_html=True)

if st.session_state.role != "Select an option":
    thinkTrej = "<br><br>Thinking Trejectory:<br>"
    if prompt := st.chat_input("Chat with Eco..."):
        recordInput(prompt)
        with st.chat_message("user"):
            st.markdown(f"<p style='margin:0; padding:10px;'>{prompt}</p>", unsafe_allow_html=True)

        with st.chat_message("assistant"):
            response_placeholder = st.empty()
            instruction = "Classify the user's intent as \"query\", \"validate\" or \"neither\".\nInput:"
            classification = model_4o(instruction + prompt, False)
            classification_text = classification["choices"][0]["message"]["content"].strip().lower()
            thinkTrej = thinkTrej + "LLM input: " + instruction + prompt + "<br>" + "LLM response: " + classification_text
            if classification_text.startswith("query"):
                if (checkForLocation(prompt)):
                    query = {"query": prompt + ". Also return the process name."}
                    response = requests.post(url, json=query)
                    str = response.json()["response"]
                else:
                    query = {"query": "Provide just the name of the process relevant to my query. \nQuery:" + prompt}
                    response = requests.post(url, json=query)
                    processName = response.json()["response"]
                    locations = requests.post(url, json={"query": "Provide all the locations relevant to this process name: " + processName}).json()["response"].split(",")
                    str = ""
                    for location in locations:
                        query = {"query": "Answer this query: " + prompt + " Using the location: " + location}
                        response = requests.post(url, json=query)
                        str = str + response.json()["response"] + "\n"
                response = f"Eco(RAG): {str + thinkTrej}"
                recordOutput(response)
            elif classification_text.startswith("validate"):
                hasLocation = checkForLocation(prompt)
                thinkTrej = thinkTrej + "<br>LLM output: " + str(hasLocation)
                response = "Eco(RAG): " + thinkTrej
                recordOutput(response)
            else:
                answer = model_4o(prompt, True)
                response = f"Eco(GPT): {answer['choices'][0]['message']['content'] + thinkTrej}"
                recordOutput(answer['choices'][0]['message']['content'])

            response_placeholder.markdown(f"<div class='assistant-message'>{response}</div>", unsafe_allow_html=True)
