import bentoml
from bentoml.io import JSON
from pydantic import BaseModel

model_name = "my-model"
# Load the model (the newest saved one)
model_ref = bentoml.sklearn.get(f"{model_name}:latest")
model_runner = model_ref.to_runner()

svc = bentoml.Service(model_name, runners=[model_runner])


class TweetAnalysis(BaseModel):
    text: str


@svc.api(input=JSON(pydantic_model=TweetAnalysis), output=JSON())
async def analyse_tweet(data: TweetAnalysis):
    prediction = await model_runner.predict.async_run([data.text])
    return {"analysed_tweet": prediction[0], "model_tag": str(model_ref.tag)}
