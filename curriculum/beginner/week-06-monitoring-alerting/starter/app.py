#[ko] 6주차: 모니터링할 예측 서비스
#[ko] 이 서비스가 느려지거나 틀리기 시작하면, 여러분은 언제 알게 될까요?
#[en] Week 6: a prediction service to monitor
#[en] If this service got slow or started to be wrong, when would you find out?
from fastapi import FastAPI
from pydantic import BaseModel, Field
import joblib

app = FastAPI()
model = joblib.load('model.joblib')

#[ko] TODO: 메트릭
#[ko] 고려사항:
#[ko] - 예측 수, 지연 시간, 에러 수는 각각 Counter/Histogram 중 무엇이 맞을까요?
#[ko] - 모델 버전을 레이블로 붙이면 어떤 비교가 가능해질까요?
#[ko] - /metrics 엔드포인트는 어떻게 노출할까요?
#[en] TODO: metrics
#[en] Consider:
#[en] - are prediction count, latency and error count each a Counter or a Histogram?
#[en] - which comparisons become possible with the model version as a label?
#[en] - how will you expose a /metrics endpoint?


class PredictRequest(BaseModel):
    features: list[float] = Field(max_length=32)


@app.get('/health')
def health():
    return {'status': 'ok'}


@app.post('/predict')
def predict(body: PredictRequest):
    print('predict called with', len(body.features), 'features')
    try:
        prediction = model.predict([body.features])
        return {'prediction': float(prediction[0])}
    except Exception:
        #[ko] TODO: 여기서 무슨 일이 있었는지 나중에 어떻게 알 수 있을까요?
        #[en] TODO: how will you find out later what happened here?
        pass
    return {'prediction': None}
