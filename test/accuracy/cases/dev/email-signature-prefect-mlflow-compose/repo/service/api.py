from fastapi import FastAPI
import mlflow
import uvicorn
import pandas as pd
from pydantic import create_model
from kdmt.mlflow import is_model_registered_by_name, get_stage_version

app = FastAPI()

registered = is_model_registered_by_name("email_signature")
print("Model is registered: ", registered)
production = {}
if registered:
    production = get_stage_version("email_signature")
try:
    model_interpreter = mlflow.pyfunc.load_model(model_uri=production["source"], dst_path="/app/model")
except Exception as e:
    pass

input_model = create_model("api_script_input", **{"Text": "300 Example Way, Springfield"})
output_model = create_model("api_script_output", None_prediction="X")


@app.post("/predict", response_model=output_model)
def predict(data: input_model):
    print(data)
    data = pd.DataFrame([data.dict()])
    predictions = model_interpreter.predict(data)
    return {"None_prediction": predictions["Prediction"].iloc[0]}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
