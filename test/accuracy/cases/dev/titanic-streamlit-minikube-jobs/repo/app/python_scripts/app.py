import streamlit as st
import joblib
import pandas as pd
import os
import yaml

current_dir = os.path.dirname(os.path.abspath(__file__))

config_path = os.path.join(current_dir, 'config.yaml')
with open(config_path, 'r') as file:
    config = yaml.safe_load(file)

MODEL_PATH = os.path.join(current_dir, '..', 'saved_model', 'optimized_model.pkl')

try:
    model = joblib.load(MODEL_PATH)
    st.success("Model loaded successfully!")
except FileNotFoundError:
    st.error(f"Error: Model file not found at {MODEL_PATH}")
    st.stop()

st.title('Titanic Survival Prediction')
st.write('Input passenger details to get a survival prediction.')

pclass = st.selectbox('Passenger Class (1 = 1st; 2 = 2nd; 3 = 3rd)', [1, 2, 3])
sex = st.selectbox('Sex', ['male', 'female'])
age = st.number_input('Age', min_value=0, max_value=100, value=30)
sibsp = st.number_input('Number of Siblings/Spouses Aboard', min_value=0, max_value=10, value=0)
parch = st.number_input('Number of Parents/Children Aboard', min_value=0, max_value=10, value=0)
fare = st.number_input('Fare Paid', min_value=0.0, value=0.0)
embarked = st.selectbox('Embarked Port', ['S', 'C', 'Q'])


def preprocess_input_data(user_input):
    """Ensure all required features are included and encoded properly."""
    input_data = pd.DataFrame([user_input])

    input_data["Family Size"] = input_data["SibSp"] + input_data["Parch"]

    input_data["Sex"] = input_data["Sex"].map({"male": 1, "female": 0})
    input_data["Embarked"] = input_data["Embarked"].map({"S": 0, "C": 1, "Q": 2})

    input_data["Title"] = 4  # Default to "Others" since names are not provided

    age_bins = [0, 5, 13, 20, 40, 60, 100]
    age_labels = [0, 1, 2, 3, 4, 5]
    input_data["Age Group"] = pd.cut(input_data["Age"], bins=age_bins, labels=age_labels).astype(float)

    fare_bins = [-1, 10, 20, 50, 100, 1000]
    fare_labels = [0, 1, 2, 3, 4]
    input_data["Fare Group"] = pd.cut(input_data["Fare"], bins=fare_bins, labels=fare_labels).astype(float)

    required_features = list(model.feature_names_in_)
    input_data = input_data.reindex(columns=required_features, fill_value=0)

    return input_data


if st.button('Predict'):
    user_input = {
        "Pclass": pclass,
        "Sex": sex,
        "Age": age,
        "SibSp": sibsp,
        "Parch": parch,
        "Fare": fare,
        "Embarked": embarked
    }

    input_data = preprocess_input_data(user_input)

    print(f"Model trained with features: {model.feature_names_in_}")
    print(f"Input features provided (in correct order): {list(input_data.columns)}")

    prediction = model.predict(input_data)
    result = "Survived" if prediction[0] == 1 else "Did Not Survive"
    st.success(f'The model predicts: {result}')
