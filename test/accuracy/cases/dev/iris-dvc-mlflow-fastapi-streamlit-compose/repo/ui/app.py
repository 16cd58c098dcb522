import os

import requests
import streamlit as st

API_URL = os.getenv("API_URL", "http://localhost:8000")

st.title("Iris Species Classifier")
sl = st.slider("Sepal length (cm)", 4.0, 8.0, 5.1)
sw = st.slider("Sepal width (cm)", 2.0, 5.0, 3.5)
pl = st.slider("Petal length (cm)", 1.0, 7.0, 1.4)
pw = st.slider("Petal width (cm)", 0.1, 3.0, 0.2)

species_map = {0: "setosa", 1: "versicolor", 2: "virginica"}

if st.button("Predict"):
    try:
        resp = requests.post(f"{API_URL}/predict", json={"data": [[sl, sw, pl, pw]]}, timeout=10)
        resp.raise_for_status()
        pred_num = resp.json()["predictions"][0]
        st.success(f"Model predicts species: {pred_num} ({species_map.get(pred_num, 'Unknown')})")
    except requests.exceptions.Timeout:
        st.error("Request timed out. Please try again.")
    except requests.exceptions.RequestException as e:
        st.error(f"Error connecting to API: {e}")
    except Exception as e:
        st.error(f"Prediction error: {e}")

if st.sidebar.checkbox("Show API Status"):
    try:
        health_resp = requests.get(f"{API_URL}/health", timeout=5)
        if health_resp.status_code == 200 and health_resp.json().get("model_loaded", False):
            st.sidebar.success("API is healthy (Model loaded)")
        else:
            st.sidebar.warning("API is running but model not loaded")
    except Exception:
        st.sidebar.error("Cannot connect to API")
