import uvicorn
import pickle
import pandas as pd
import io
from fastapi import FastAPI, File, UploadFile, HTTPException
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ValidationError
from typing import List

app = FastAPI()

with open("models.pkl", "rb") as f:
    targetenc = pickle.load(f)
    oheenc = pickle.load(f)
    ridgemodel = pickle.load(f)

class Item(BaseModel):
    name: str
    year: int
    selling_price: int
    km_driven: int
    fuel: str
    seller_type: str
    transmission: str
    owner: str
    mileage: str
    engine: str
    max_power: str
    torque: str
    seats: float


class Items(BaseModel):
    objects: List[Item]


def preprocessing(df):
    # strip units and fill gaps
    df = df.drop(['torque', 'selling_price'], axis=1)
    df['mileage'] = pd.to_numeric(df['mileage'].str.replace(" kmpl", ""), errors='coerce').astype(float)
    df['engine'] = pd.to_numeric(df['engine'].str.replace(" CC", ""), errors='coerce').astype(float)
    df[['mileage', 'engine', 'seats']] = df[['mileage', 'engine', 'seats']].fillna(0)
    df['name'] = targetenc.transform(df[['name']])
    categorical_columns = df.select_dtypes(include=['object']).columns.tolist()
    one_hot = oheenc.transform(df[categorical_columns])
    one_hot_df = pd.DataFrame(one_hot, columns=oheenc.get_feature_names_out(categorical_columns))
    return pd.concat([df, one_hot_df], axis=1).drop(categorical_columns, axis=1)

@app.get('/')
def index():
    return {'message': 'Car price prediction ML API'}


@app.post("/predict_item")
def predict_item(item: Item) -> float:
    df = pd.DataFrame([item.model_dump()])
    df = preprocessing(df)
    prediction = ridgemodel.predict(df)

    return prediction


@app.post("/predict_items")
def predict_items(items: UploadFile = File(...)) -> StreamingResponse:
    try:
        df = pd.read_csv(items.file)
    except Exception:
        raise HTTPException(status_code=500, detail='Something went wrong')
    finally:
        items.file.close()

    # validate every row
    try:
        Items(objects=df.to_dict(orient="records"))
    except ValidationError as exc:
        print(repr(exc.errors()[0]['type']))

    df_output = df.copy()
    df = preprocessing(df)
    prediction = ridgemodel.predict(df)
    df_output['selling_price'] = prediction

    stream = io.StringIO()
    df_output.to_csv(stream, index=False)
    response = StreamingResponse(iter([stream.getvalue()]), media_type="text/csv")
    response.headers["Content-Disposition"] = "attachment; filename=result.csv"

    return response


if __name__ == '__main__':
    uvicorn.run(app, host='127.0.0.1', port=8000)
