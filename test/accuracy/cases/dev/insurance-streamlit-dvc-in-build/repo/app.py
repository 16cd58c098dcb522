import streamlit as st
import numpy as np
import pickle
from sklearn.preprocessing import StandardScaler


model = pickle.load(open("./artifacts/model.pkl", "rb"))
scaler = pickle.load(open("./artifacts/scaler.pkl", "rb"))
######################################## Streamlit ##############################################

st.header("Health Insurance")

Gender = st.radio("Gender ", ["Male", "Female"])
Age = st.number_input("Age")
Driving_License = st.radio("Driving_License", ["Yes", "No"])
Region_Code = st.number_input("Region_Code")
Previously_Insured = st.radio("Previously_Insured ", ["Yes", "No"])
Vehicle_Age = st.selectbox("Vehicle_Age: ", ["> 2 Years", "1-2 Year", "< 1 Year"])
Vehicle_Damage = st.radio("Vehicle_Damage ", ["Yes", "No"])
Annual_Premium = st.number_input("Annual_Premium")
Policy_Sales_Channel = st.selectbox("Policy_Sales_Channel", [26., 152., 160., 124., 14., 13.])
Vintage = st.number_input("Vintage ")

if Gender == "Male":
    Gender = 1
else:
    Gender = 0

if Driving_License == 'Yes':
    Driving_License = 1
else:
    Driving_License = 0

if Previously_Insured == 'Yes':
    Previously_Insured = 1
else:
    Previously_Insured = 0

if Vehicle_Age == "> 2 Years":
    Vehicle_Age = 2
elif Vehicle_Age == "1-2 Year":
    Vehicle_Age = 0
else:
    Vehicle_Age = 1

if Vehicle_Damage == 'Yes':
    Vehicle_Damage = 1
else:
    Vehicle_Damage = 0

data_1 = [Gender, Age, Driving_License, Region_Code, Previously_Insured, Vehicle_Age, Vehicle_Damage, Policy_Sales_Channel, Vintage]
data_2 = [Annual_Premium]
data_2 = np.reshape(data_2, (1, -1))
data_2 = scaler.transform(data_2)

for i in data_2:
    for j in i:
        data_1.insert(7, j)

data = data_1
data = np.reshape(data, (1, -1))
prediction = model.predict(data)

submit = st.button('Predict')
if submit:
    st.write('Response from company', prediction[0])
