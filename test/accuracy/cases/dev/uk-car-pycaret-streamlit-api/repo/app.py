import streamlit as st
import pandas as pd
import requests
import os
from dotenv import load_dotenv
from monitoring import ProjectMonitor
load_dotenv()

ORG_ID = os.getenv("evidently_org_id")
API_KEY = os.getenv("evidently_ai_key")
PROJECT_NAME = "Uk-car-price-Live"


def makeRequest(data):
    url = "http://127.0.0.1:8000/predStream/"
    json_data = {"data": data.to_dict(orient="list")}
    response = requests.post(url, json=json_data)
    return response.json()['prediction']


def makeBatchRequest(dataframe):
    url = "http://127.0.0.1:8000/predBatch/"
    json_data = {"data": dataframe.to_dict(orient="list")}
    response = requests.post(url, json=json_data)
    return response.json()['prediction']


df = pd.read_csv("data/Cleaned_used_cars_data.csv")

predictionType = st.sidebar.selectbox(label="Select Prediction Type", options=['None', 'Single Prediction', 'Batch Prediction'])

if predictionType == 'Single Prediction':
    mileage = st.sidebar.text_input(label="Enter Mileage in Miles", value='0')
    mileage = int(mileage)
    engine = float(st.sidebar.slider(label="Select Engine Volume", min_value=df['Engine'].min(), max_value=df['Engine'].max()))
    data = pd.DataFrame({"Mileage(miles)": [mileage], "Engine": [engine]})
    st.write(data)
    if st.button("Predict Car Price"):
        price = makeRequest(data)
        st.markdown(f"The estimated car price is: ${price:,.2f}")

if predictionType == 'Batch Prediction':
    file_uploader = st.file_uploader(label="Upload CSV file", accept_multiple_files=False, type=['csv'])

    def main(newPath):
        monitor = ProjectMonitor(PROJECT_NAME, ORG_ID, API_KEY)
        monitor.createNewProject(description="Monitoring UK Car Prices")
        project = monitor.getProject()
        if project == "Project not found":
            print("Project does not exist, please check your settings.")
        report = monitor.getReport(newPath=newPath)
        return report

    if file_uploader:
        newData = pd.read_csv(file_uploader)
        # save the upload for data monitoring
        newData.to_csv('data/new_data.csv', index=False)
        if st.button("Download Batch Prediction Result"):
            predictions = makeBatchRequest(newData)
            newData['Predictions'] = predictions
            st.download_button(label='Download Batch Result', data=newData.to_csv(index=False), file_name='output.csv', mime='text/csv')
        if st.sidebar.button("Push Data Monitoring Report to Evidently Cloud"):
            main("data/new_data.csv")
