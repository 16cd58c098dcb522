from fastapi import FastAPI, File, UploadFile
from predict import predict

app = FastAPI()

@app.post("/predict-instruments")
async def create_upload_file(file: UploadFile = File(...)):
    """
    Predict the instruments present in an uploaded WAV file.
    """

    if file.content_type[:6] != "audio/":
        return {"error": "File must be a WAV file"}

    prediction = predict(file.file)

    return prediction
