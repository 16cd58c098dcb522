#[ko] 중급 4주차: 캐싱과 비동기
#[ko] TODO: 캐싱 전략
#[ko] 고려사항:
#[ko] - 모델 예측 결과 캐시, 피처 캐시, 모델 캐시 중 무엇이 가장 효과가 클까요?
#[ko] - 캐시 키는 무엇으로 만들고, TTL은 얼마로 할까요?
#[en] Intermediate week 4: caching and async
#[en] TODO: a caching strategy
#[en] Consider:
#[en] - which pays off most: caching predictions, features or the model?
#[en] - what makes the cache key, and what TTL will you choose?
import time

import numpy as np
import onnxruntime
import requests
from fastapi import FastAPI
from pydantic import BaseModel, Field
from prometheus_client import Counter

app = FastAPI()
PREDICTIONS = Counter('model_predictions_total', 'Predictions served')


class Query(BaseModel):
    user_id: str = Field(max_length=64)


@app.get('/healthz')
def healthz():
    return {'status': 'ok'}


@app.post('/recommend')
async def recommend(query: Query):
    #[ko] TODO: 이 세션을 만드는 데 얼마나 걸리나요? 요청마다 만들어야 할까요?
    #[en] TODO: how long does creating this session take? Must every request create one?
    session = onnxruntime.InferenceSession('model.onnx')
    #[ko] TODO: 이 호출이 2초 걸리면, 그동안 이 워커의 다른 요청은?
    #[en] TODO: if this call takes 2 seconds, what happens to this worker's other requests meanwhile?
    features = requests.get(f'http://feature-store:8080/users/{query.user_id}').json()
    #[ko] TODO: 속도 제한을 이렇게 구현해도 될까요?
    #[en] TODO: is this a good way to implement rate limiting?
    time.sleep(0.05)
    scores = session.run(None, {'input': np.array([features['vector']], dtype=np.float32)})
    return {'items': scores[0].argsort()[-10:].tolist()}
