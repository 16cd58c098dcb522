#[ko] 프로젝트 2: 모니터링 대상 서비스
#[en] Project 2: the service being monitored
import logging

import joblib
from fastapi import FastAPI
from pydantic import BaseModel, Field

logger = logging.getLogger(__name__)
app = FastAPI()
model = joblib.load('model.joblib')

#[ko] TODO: 어떤 메트릭을 노출할까요? (예측 수, 지연 시간, 에러, 예측값 분포, 모델 버전 레이블)
#[en] TODO: which metrics will you expose? (prediction count, latency, errors, the prediction distribution, a model-version label)


class PredictRequest(BaseModel):
    features: list[float] = Field(max_length=64)


@app.get('/healthz')
def healthz():
    return {'status': 'ok'}


@app.post('/predict')
def predict(body: PredictRequest):
    try:
        return {'prediction': float(model.predict([body.features])[0])}
    except Exception:
        #[ko] TODO: 이 실패는 어떤 메트릭과 로그에 남아야 하나요?
        #[en] TODO: which metric and which log should record this failure?
        pass
    return {'prediction': None}
