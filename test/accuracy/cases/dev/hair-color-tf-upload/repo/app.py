from fastapi import FastAPI
from fastapi import UploadFile, File
import uvicorn

from prediction import predict, preprocess, read_image

app = FastAPI()



@app.post('/api/predict')
async def predict_image(file: bytes = File(...)):
    # read the uploaded bytes
    image = read_image(file)
    # resize and batch
    image = preprocess(image)
    # run the classifier
    score = predict(image)
    print(score)
    return score
if __name__ == "__main__":
    uvicorn.run(app, port="8080", host='0.0.0.0')
