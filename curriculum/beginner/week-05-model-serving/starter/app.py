#[ko] 5주차: 확장 가능한 모델 서빙
#[ko] 요청 한 건은 잘 처리하지만, 동시에 100건이 오면 어떻게 될까요?
#[en] Week 5: scalable model serving
#[en] One request at a time works fine; what happens when 100 arrive at once?
import joblib
import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()


class PredictRequest(BaseModel):
    #[ko] TODO: 입력 크기
    #[ko] 고려사항: 누군가 features에 백만 개의 숫자를 보내면 서버는 어떻게 될까요?
    #[en] TODO: input size
    #[en] Consider: what happens to the server when someone sends a million numbers as features?
    features: list[float]


@app.get('/health')
def health():
    #[ko] TODO: 모델이 로드되지 않았다면 여기서 무엇을 반환해야 할까요?
    #[en] TODO: what should this return when the model is not loaded?
    return {'status': 'ok'}


@app.post('/predict')
async def predict(body: PredictRequest):
    #[ko] TODO: 모델 로딩 위치
    #[ko] 고려사항:
    #[ko] - 이 줄은 요청마다 몇 ms가 걸리고, 메모리는 얼마나 쓸까요?
    #[ko] - 시작 시 한 번 로드하려면 어디가 좋을까요? (lifespan, app.state)
    #[en] TODO: where the model is loaded
    #[en] Consider:
    #[en] - how many ms and how much memory does this line cost on every request?
    #[en] - where would you load it once at start-up? (lifespan, app.state)
    model = joblib.load('model.joblib')
    try:
        #[ko] TODO: 이 호출이 느리면 이벤트 루프의 다른 요청들은 어떻게 될까요?
        #[en] TODO: when this call is slow, what happens to the other requests on the event loop?
        features = requests.get('http://feature-store:8080/features').json()
        prediction = model.predict([body.features + features['extra']])
        return {'prediction': float(prediction[0])}
    except Exception as e:
        #[ko] TODO: 이 메시지를 받은 클라이언트는 서버에 대해 무엇을 알게 될까요?
        #[en] TODO: what does a client learn about the server from this message?
        raise HTTPException(status_code=500, detail=str(e))
