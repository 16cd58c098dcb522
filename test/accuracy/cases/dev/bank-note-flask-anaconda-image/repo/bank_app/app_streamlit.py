import numpy as np
import pickle
import streamlit as st

model = pickle.load(open('bank_auth.pkl', 'rb'))


def prediction(variance, skewness, curtosis, entropy):
    pred = model.predict(np.array([[variance, skewness, curtosis, entropy]], dtype=np.float32))
    return 'The predicted value is ' + str(pred[0])


def main():
    st.title("Bank Authenticator")
    variance = st.text_input("Variance", "Type Here")
    skewness = st.text_input("skewness", "Type Here")
    curtosis = st.text_input("curtosis", "Type Here")
    entropy = st.text_input("entropy", "Type Here")
    result = ""
    if st.button("Predict"):
        result = prediction(variance, skewness, curtosis, entropy)
    st.success('The output is {}'.format(result))


if __name__ == '__main__':
    main()
