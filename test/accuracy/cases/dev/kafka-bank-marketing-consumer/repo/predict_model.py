import pandas as pd
import joblib

model = joblib.load('bank_model.pkl')
scaler = joblib.load('scaler.pkl')

FEATURE_COLUMNS = ['age', 'job', 'marital', 'education', 'default', 'balance',
                   'housing', 'loan', 'contact', 'day', 'month', 'duration',
                   'campaign', 'pdays', 'previous', 'poutcome']

def preprocess_input(data_dict):
    df = pd.DataFrame([data_dict])
    df_encoded = pd.get_dummies(df)
    for col in scaler.feature_names_in_:
        if col not in df_encoded.columns:
            df_encoded[col] = 0
    df_encoded = df_encoded[scaler.feature_names_in_]
    return scaler.transform(df_encoded)

def predict(data_dict):
    processed_data = preprocess_input(data_dict)
    prediction = model.predict(processed_data)[0]
    probability = model.predict_proba(processed_data)[0][1]
    return ("yes (1)" if prediction == 1 else "no (0)", probability)
