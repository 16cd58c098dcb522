import streamlit as st
import requests
import json

st.set_page_config(layout="wide")
st.title("Instrument classifier")

wavfile = st.file_uploader(label=" ", type=("wav", "wave"))

instruments_name = {"cel": "Cello", "cla": "Clarinet", "flu": "Flute", "gac": "Acoustic guitar", "gel": "Electric guitar", "org": "Organ", "pia": "Piano", "sax": "Saxophone", "tru": "Trumpet", "vio": "Violin", "voi": "Voice"}
headers = {"accept": "application/json",}

if wavfile is not None:
    clicked = st.button("Predict", use_container_width=True)
    if clicked:
        with st.spinner("Predicting..."):
            response = requests.post("http://backend:8000/predict-instruments", headers=headers, files={"file": (wavfile.name, wavfile.read(), wavfile.type)})

        data = json.loads(response.json())
        counts = {'0': 0, '1': 0}
        for key in data:
            counts[str(data[key])] += 1
        if counts['0'] == 11:
            st.markdown("No instruments detected")
        else:
            st.write("Detected instruments:")
            for instrument in data:
                if data[instrument] == 0:
                    continue
                st.image(f"images/{instrument}.png", caption=f"{instruments_name[instrument]}", width=280)
