import streamlit as st
import requests
import subprocess
import time

# Start FastAPI backend in the background
backend_process = subprocess.Popen(["uvicorn", "api:app", "--host", "0.0.0.0", "--port", "8000"])

# Wait for FastAPI to start
time.sleep(3)

st.title("News Sentiment Analyzer")

company_name = st.text_input("Enter a company name:", "")

if st.button("Analyze News Sentiment"):
    if company_name:
        response = requests.get(f"http://0.0.0.0:8000/sentiment/?company={company_name}")
        if response.status_code == 200:
            news_data = response.json()
            if "error" in news_data:
                st.error(news_data["error"])
            else:
                for article in news_data["news"]:
                    st.write(f"**Title:** {article['title']}")
                    st.markdown(f"[Read more]({article['url']})", unsafe_allow_html=True)
                st.write(news_data["final_summary"])
        else:
            st.error("Failed to fetch news. Please try again.")
    else:
        st.warning("Please enter a company name.")

import atexit
atexit.register(lambda: backend_process.terminate())
