import streamlit as st

st.title("GigaFlow predictions")
