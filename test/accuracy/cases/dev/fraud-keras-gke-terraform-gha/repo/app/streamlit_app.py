import streamlit as st
import requests
from dotenv import load_dotenv

load_dotenv()

# Set the FastAPI URL dynamically
FASTAPI_URL = "http://34.93.21.108:80/predict"  # Use Docker service name

st.set_page_config(page_title="Fraud Detection System", layout="wide")
st.title("Fraud Detection System")

transaction_type = st.selectbox("Transaction Type", ["CASH_OUT", "PAYMENT", "CASH_IN", "TRANSFER", "DEBIT"])
amount = st.number_input("Transaction Amount", min_value=0.0, step=0.01, format="%.2f")
name_dest = st.text_input("Destination Account Name", "C123456789")
old_balance_org = st.number_input("Original Account Balance (Before)", min_value=0.0, step=0.01)
new_balance_orig = st.number_input("Original Account Balance (After)", min_value=0.0, step=0.01)
old_balance_dest = st.number_input("Destination Account Balance (Before)", min_value=0.0, step=0.01)
new_balance_dest = st.number_input("Destination Account Balance (After)", min_value=0.0, step=0.01)

if st.button("Predict Fraud"):
    transaction_data = {
        "type": transaction_type,
        "amount": amount,
        "nameDest": name_dest,
        "oldbalanceOrg": old_balance_org,
        "newbalanceOrig": new_balance_orig,
        "oldbalanceDest": old_balance_dest,
        "newbalanceDest": new_balance_dest,
    }
    with st.spinner("Processing..."):
        try:
            response = requests.post(FASTAPI_URL, json=transaction_data)
            if response.status_code == 200:
                result = response.json()
                fraud_probability = result.get("fraud_probability", None)
                st.success(f"Fraud Probability: {fraud_probability * 100:.2f}%")
            else:
                st.error(f"Error: {response.status_code} - {response.text}")
        except Exception as e:
            st.error(f"An error occurred: {str(e)}")
