import requests
import streamlit as st

API_URL = "http://agnews-api-2912.spaincentral.azurecontainer.io:8000/predict"

st.title("AI News Classifier")

news_text = st.text_area("News Text", height=150)

if st.button("Classify"):
    if news_text:
        try:
            with st.spinner("Analyzing..."):
                payload = {"text": news_text}
                response = requests.post(API_URL, json=payload)

                if response.status_code == 200:
                    result = response.json()
                    st.success(f"**Category:** {result['category']}")
                    st.metric("Confidence", f"{result['confidence']:.2%}")
                else:
                    st.error(f"Error: {response.text}")
        except Exception as e:
            st.error(f"Connection Error: {e}")
    else:
        st.warning("Please enter some text first.")
