import streamlit as st
from auth import is_authenticated, show_login_form

st.set_page_config(page_title="Telco Churn Prediction", layout="wide")


def main():
    if not is_authenticated():
        show_login_form()
        return
    st.title("Telco Customer Churn Prediction System")


if __name__ == "__main__":
    main()
