# 5주차: 확장 가능한 모델 서빙 (Week 5: scalable model serving)
# 요청 한 건은 잘 처리하지만, 동시에 100건이 오면 어떻게 될까요?
import joblib
import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()


class PredictRequest(BaseModel):
    # TODO: 입력 크기
    # 고려사항: 누군가 features에 백만 개의 숫자를 보내면 서버는 어떻게 될까요?
    features: list[float]


@app.get('/health')
def health():
    # TODO: 모델이 로드되지 않았다면 여기서 무엇을 반환해야 할까요?
    return {'status': 'ok'}


@app.post('/predict')
async def predict(body: PredictRequest):
    # TODO: 모델 로딩 위치
    # 고려사항:
    # - 이 줄은 요청마다 몇 ms가 걸리고, 메모리는 얼마나 쓸까요?
    # - 시작 시 한 번 로드하려면 어디가 좋을까요? (lifespan, app.state)
    model = joblib.load('model.joblib')
    try:
        # TODO: 이 호출이 느리면 이벤트 루프의 다른 요청들은 어떻게 될까요?
        features = requests.get('http://feature-store:8080/features').json()
        prediction = model.predict([body.features + features['extra']])
        return {'prediction': float(prediction[0])}
    except Exception as e:
        # TODO: 이 메시지를 받은 클라이언트는 서버에 대해 무엇을 알게 될까요?
        raise HTTPException(status_code=500, detail=str(e))
