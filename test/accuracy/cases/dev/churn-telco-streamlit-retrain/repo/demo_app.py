"""Streamlit demo: streamlit run demo_app.py"""
from __future__ import annotations

import json

import joblib
import pandas as pd
import streamlit as st

from app.config import DATA_PATH, METRICS_PATH, MODEL_PATH, RISK_THRESHOLD
from app.data_loader import load_data
from app.pipeline import run_training


@st.cache_resource(show_spinner="loading model")
def load_trained_model():
    if MODEL_PATH.exists():
        return joblib.load(MODEL_PATH)
    return None


@st.cache_data(show_spinner="loading data")
def load_full_dataset():
    return load_data(DATA_PATH)


def train_and_refresh():
    with st.spinner("training (10-30 s)"):
        run_training()
    load_trained_model.clear()
    load_full_dataset.clear()
    st.rerun()


with st.sidebar:
    model = load_trained_model()
    if model is None:
        st.button("Train model", type="primary", on_click=train_and_refresh)
    elif st.button("Retrain"):
        train_and_refresh()

tab_predict, tab_list, tab_report = st.tabs(["Predict", "High risk", "Report"])

with tab_predict:
    if model is not None:
        with st.form("customer_form"):
            tenure = st.slider("tenure (months)", 0, 72, 12)
            contract = st.selectbox("contract", ["Month-to-month", "One year", "Two year"])
            monthly = st.slider("monthly charges", 18.25, 118.95, 65.0, 0.5)
            submitted = st.form_submit_button("Score")
        if submitted:
            row = {"tenure": tenure, "Contract": contract, "MonthlyCharges": float(monthly)}
            prob = float(model.predict_proba(pd.DataFrame([row]))[0, 1])
            st.metric("churn probability", f"{prob:.1%}")

with tab_list:
    if model is not None:
        df_all = load_full_dataset()
        scored = df_all.copy()
        scored["churn_prob"] = model.predict_proba(df_all.drop(columns=["Churn"]))[:, 1]
        high = scored[scored["churn_prob"] >= RISK_THRESHOLD].sort_values("churn_prob", ascending=False)
        st.dataframe(high)

with tab_report:
    if METRICS_PATH.exists():
        report = json.loads(METRICS_PATH.read_text(encoding="utf-8"))
        st.metric("best model", report["best_model"])
        st.dataframe(pd.DataFrame(report["models"]).T)
