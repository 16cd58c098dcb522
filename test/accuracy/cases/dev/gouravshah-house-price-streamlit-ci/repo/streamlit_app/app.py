import os
import time

import requests
import streamlit as st

st.set_page_config(page_title="House Price Predictor", layout="wide")
st.title("House Price Prediction - v2.0")

sqft = st.slider("Square footage", 500, 5000, 1500, 50)
bedrooms = st.selectbox("Bedrooms", options=[1, 2, 3, 4, 5, 6], index=2)
location = st.selectbox("Location", options=["Urban", "Suburban", "Rural", "Waterfront"], index=1)
predict_button = st.button("Predict Price")

if predict_button:
    api_data = {"sqft": sqft, "bedrooms": bedrooms, "location": location.lower()}
    try:
        api_endpoint = os.getenv("API_URL", "http://model:8000")
        predict_url = f"{api_endpoint.rstrip('/')}/predict"
        response = requests.post(predict_url, json=api_data)
        response.raise_for_status()
        st.session_state.prediction = response.json()
        st.session_state.prediction_time = time.time()
    except requests.exceptions.RequestException as e:
        st.error(f"Error connecting to API: {e}")
        # For demo purposes, use mock data if API fails
        st.session_state.prediction = {
            "predicted_price": 467145,
            "confidence_interval": [420430.5, 513859.5],
        }

if "prediction" in st.session_state:
    pred = st.session_state.prediction
    st.markdown("${:,.0f}".format(pred["predicted_price"]))
    st.markdown('<p class="info-value">92%</p>', unsafe_allow_html=True)
