import streamlit as st

st.title("Car price prediction")
st.write("Log in on the Start page to request a prediction.")
