import joblib
import streamlit as st

st.title("Salary and maintenance predictions")

model = joblib.load("darren/models/final_salary_catboost_pipeline.pkl")

years = st.number_input("Years of experience", min_value=0, max_value=50)
if st.button("Predict"):
    st.write(model.predict([[years]]))
