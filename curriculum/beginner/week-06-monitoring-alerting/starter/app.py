# 6주차: 모니터링할 예측 서비스 (Week 6: a prediction service to monitor)
# 이 서비스가 느려지거나 틀리기 시작하면, 여러분은 언제 알게 될까요?
from fastapi import FastAPI
from pydantic import BaseModel, Field
import joblib

app = FastAPI()
model = joblib.load('model.joblib')

# TODO: 메트릭
# 고려사항:
# - 예측 수, 지연 시간, 에러 수는 각각 Counter/Histogram 중 무엇이 맞을까요?
# - 모델 버전을 레이블로 붙이면 어떤 비교가 가능해질까요?
# - /metrics 엔드포인트는 어떻게 노출할까요?


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
        # TODO: 여기서 무슨 일이 있었는지 나중에 어떻게 알 수 있을까요?
        pass
    return {'prediction': None}
