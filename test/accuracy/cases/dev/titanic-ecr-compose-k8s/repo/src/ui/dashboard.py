import streamlit as st
import requests

st.set_page_config(page_title="Titanic Survival Prediction", layout="centered")
st.title("Titanic Survival Prediction")

with st.form("prediction_form"):
    name = st.text_input("Name Surname", value="Enes Guler")
    pclass = st.selectbox("Class", [1, 2, 3], index=2)
    sex = st.selectbox("Sex", ["male", "female"])
    age = st.number_input("Age", min_value=0.0, max_value=100.0, value=25.0)
    fare = st.number_input("Ticket Price", min_value=0.0, value=50.0)
    submit_val = st.form_submit_button("Predict")

if submit_val:
    data = {"PassengerId": 1, "Name": name, "Pclass": pclass, "Sex": sex, "Age": age, "Fare": fare}

    API_URL = "http://localhost:8080/predict"

    try:
        response = requests.post(API_URL, json=data)
        if response.status_code == 200:
            result = response.json()
            prediction = result["prediction"]

            if prediction == 1:
                st.success(f" {name} survived!")
                st.balloons

            else:
                st.error(f" {name} couldn't survive.")
        else:
            st.error(f"ERROR: {response.text}")

    except Exception as e:
        st.error(f"Connection Error: {str(e)}")
