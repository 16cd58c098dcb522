import logging
import os

import requests
import streamlit as st
from dotenv import load_dotenv

logging.basicConfig(level=logging.INFO, filename="app.log")
logger = logging.getLogger(__name__)

load_dotenv()
API_URL = os.getenv("API_URL")

st.title("Iris prediction")

sepal_length = st.slider("Sepal Length", min_value=0.0, max_value=100.0, step=0.1)
sepal_width = st.slider("Sepal Width", min_value=0.0, max_value=100.0, step=0.1)
petal_length = st.slider("Petal Length", min_value=0.0, max_value=100.0, step=0.1)
petal_width = st.slider("Petal Width", min_value=0.0, max_value=100.0, step=0.1)

if st.button("Predict"):
    try:
        input_data = {"features": [sepal_length, sepal_width, petal_length, petal_width]}
        response = requests.post(url=API_URL, json=input_data)
        response.raise_for_status()
        predictions = response.json().get("predictions")
        st.success(f"Predicted class: {predictions}")
    except requests.exceptions.RequestException as e:
        st.error(f"Cannot reach API: {e}")
        logger.error(f"can not reach api {e}")
