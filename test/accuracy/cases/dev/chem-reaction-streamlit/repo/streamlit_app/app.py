import streamlit as st
import requests
import re

def preprocessing_complition(chem_reaction: str) -> str:
    return re.findall('[A-Za-z0-9]+', chem_reaction)

st.title("Chem Reaction Helper")
col1, col2 = st.columns([1, 1])

with col1:
    complition_task = st.checkbox("Complete the reaction")
with col2:
    coefficients_task = st.checkbox("Balance the coefficients")

left, middle, right = st.columns([20, 2, 20], vertical_alignment="bottom")
reagents = left.text_input('Reagents')
products = right.text_input('Products')
coefficient = None

reaction = {
    'reagents': preprocessing_complition(reagents),
    'products': preprocessing_complition(products),
    'coefficient': coefficient,
}

api_url = 'http://backend:8000/predict'

if complition_task:
    products_result = requests.post(api_url, json={
        'task': 'complition',
        'reagents': reagents
        })
    reaction.update({'products': products_result})

if coefficients_task:
    coefficient_result = requests.post(api_url, json={
        'task': 'coefficient',
        'reagents': reagents,
        'products': products
        })
    reaction.update({'coefficient': coefficient_result})

if reagents:
    st.write('Answer')
    st.write(' + '.join(reaction['reagents']) + ' = ' + ' + '.join(reaction['products']))
