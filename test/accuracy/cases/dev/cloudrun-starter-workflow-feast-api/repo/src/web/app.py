import os

import requests
import streamlit as st

API_URL = os.getenv("API_URL", "http://localhost:8000")

st.title("Student risk")
uploaded = st.file_uploader("CSV")
if uploaded is not None:
    resp = requests.post(f"{API_URL}/predict/1", files={"file": uploaded}, timeout=30)
    st.write(resp.json())
