# frontend/streamlit_app.py

import streamlit as st
import requests

API_URL = "https://diabetes-prediction-fastapi-mlops.onrender.com"

st.title("Diabetes Prediction App")

pregnancies = st.number_input("Pregnancies", min_value=0, step=1, value=0)
glucose = st.number_input("Glucose", min_value=0, step=1, value=0)
blood_pressure = st.number_input("Blood Pressure", min_value=0, step=1, value=0)
skin_thickness = st.number_input("Skin Thickness (mm)", min_value=0, step=1, value=0)
insulin = st.number_input("Insulin Level (IU/mL)", min_value=0, step=1, value=0)
bmi = st.number_input("BMI", min_value=0.0, step=0.1, value=0.0, format="%.1f")
dpf = st.number_input("Diabetes Pedigree Function", min_value=0.0, step=0.01, value=0.0, format="%.2f")
age = st.number_input("Age", min_value=0, step=1, value=0)

if st.button("Predict"):
    data = {
        "Pregnancies": int(pregnancies),
        "Glucose": float(glucose),
        "BloodPressure": float(blood_pressure),
        "SkinThickness": float(skin_thickness),
        "Insulin": float(insulin),
        "BMI": float(bmi),
        "DiabetesPedigreeFunction": float(dpf),
        "Age": int(age)
    }
    with st.spinner("Making prediction..."):
        try:
            response = requests.post(f"{API_URL}/predict", json=data, timeout=5)
        except Exception as e:
            st.error(f"Error connecting to API: {e}")
        else:
            if response.status_code == 200:
                result = response.json()
                st.success(f"**Prediction:** {result['result']} (Confidence: {result['confidence'] * 100:.2f}%)")
            else:
                st.error(f"API error: {response.status_code} - {response.text}")
