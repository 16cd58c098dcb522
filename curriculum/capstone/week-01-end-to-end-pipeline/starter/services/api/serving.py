#[ko] 프로젝트 1: 모델 서빙 시스템
#[ko] TODO: 확장 가능한 모델 서빙 API
#[en] Project 1: the model-serving system
#[en] TODO: a scalable model-serving API
import asyncio
import logging

from fastapi import FastAPI
from prometheus_client import Counter, Histogram
from pydantic import BaseModel, Field

logger = logging.getLogger(__name__)
app = FastAPI()

#[ko] TODO: 메트릭 추가 - /metrics는 어떻게 노출할까요? 레이블에 무엇을 넣을까요?
#[en] TODO: add metrics - how will you expose /metrics? What goes into the labels?
REQUEST_COUNT = Counter('model_predictions_total', 'Total predictions')
REQUEST_LATENCY = Histogram('model_prediction_duration_seconds', 'Prediction latency')


class PredictRequest(BaseModel):
    features: list[float] = Field(max_length=64)


class ModelServingSystem:
    def __init__(self):
        self.model_cache = {}
        self.fallback_model = None

    async def predict(self, features, model_version='latest'):
        """비동기 예측 API"""  #[ko]
        """Asynchronous prediction API"""  #[en]
        #[ko] TODO: 모델 로딩, 캐싱, fallback 처리
        #[en] TODO: model loading, caching, a fallback
        pass

    def health_check(self):
        """헬스 체크"""  #[ko]
        """Health check"""  #[en]
        #[ko] TODO: 모델 상태, 메모리 사용량 등 확인
        #[en] TODO: check the model's state, memory use and so on
        pass

    def graceful_shutdown(self):
        """우아한 종료"""  #[ko]
        """Graceful shutdown"""  #[en]
        #[ko] TODO: 진행 중인 요청 완료 대기
        #[en] TODO: wait for the requests in flight to finish
        pass

#[ko] 고려사항: 오토스케일링, 로드밸런싱, 서킷브레이커
#[en] Consider: autoscaling, load balancing, circuit breakers


system = ModelServingSystem()


@app.post('/predict')
async def predict(body: PredictRequest):
    return {'prediction': await system.predict(body.features)}

#[ko] TODO: 오케스트레이터는 어떤 경로로 이 서비스의 상태를 물어볼까요?
#[en] TODO: which path will the orchestrator use to ask this service how it is?
