import pandas as pd
import pytest
import skops.io as sio

pipeline = sio.load("../model/loan_pipeline.skops", trusted=True)


def test_predict_loan():
    input_features = {"Gender": "Male", "Married": "Yes", "Dependents": "1", "Education": "Graduate",
                      "Self_Employed": "No", "ApplicantIncome": 6875, "CoapplicantIncome": 0.0, "LoanAmount": 200,
                      "Loan_Amount_Term": 360, "Credit_History": 1, "Property_Area": "Semiurban"}
    total_income = input_features["ApplicantIncome"] + input_features["CoapplicantIncome"]
    emi = input_features["LoanAmount"] / input_features["Loan_Amount_Term"]
    features = pd.DataFrame([list(input_features.values()) + [total_income, emi]],
                            columns=list(input_features.keys()) + ["TotalIncome", "EMI"])
    try:
        predicted_decision = pipeline.predict(features)[0]
        assert predicted_decision == 1
    except Exception as e:
        pytest.fail(f"Test failed with error: {e}")
