# 프로젝트 1: 모델 서빙 시스템 (Project 1: the model-serving system)
# TODO: 확장 가능한 모델 서빙 API
import asyncio
import logging

from fastapi import FastAPI
from prometheus_client import Counter, Histogram
from pydantic import BaseModel, Field

logger = logging.getLogger(__name__)
app = FastAPI()

# TODO: 메트릭 추가 - /metrics는 어떻게 노출할까요? 레이블에 무엇을 넣을까요?
REQUEST_COUNT = Counter('model_predictions_total', 'Total predictions')
REQUEST_LATENCY = Histogram('model_prediction_duration_seconds', 'Prediction latency')


class PredictRequest(BaseModel):
    features: list[float] = Field(max_length=64)


class ModelServingSystem:
    def __init__(self):
        self.model_cache = {}
        self.fallback_model = None

    async def predict(self, features, model_version='latest'):
        """비동기 예측 API"""
        # TODO: 모델 로딩, 캐싱, fallback 처리
        pass

    def health_check(self):
        """헬스 체크"""
        # TODO: 모델 상태, 메모리 사용량 등 확인
        pass

    def graceful_shutdown(self):
        """우아한 종료"""
        # TODO: 진행 중인 요청 완료 대기
        pass

# 고려사항: 오토스케일링, 로드밸런싱, 서킷브레이커


system = ModelServingSystem()


@app.post('/predict')
async def predict(body: PredictRequest):
    return {'prediction': await system.predict(body.features)}

# TODO: 오케스트레이터는 어떤 경로로 이 서비스의 상태를 물어볼까요?
