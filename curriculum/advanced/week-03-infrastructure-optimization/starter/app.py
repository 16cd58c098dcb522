# 고급 3주차: 캐싱 전략 (Advanced week 3: caching strategy)
import joblib
from flask import Flask, jsonify, request
from pydantic import BaseModel, Field
from prometheus_client import Counter

app = Flask(__name__)
PREDICTIONS = Counter('model_predictions_total', 'Predictions served')


class RankRequest(BaseModel):
    candidates: list[int] = Field(max_length=200)


class InfrastructureOptimization:
    def caching_strategy(self):
        """캐싱 전략"""
        # TODO: 모델 예측 결과 캐시, 피처 캐시, 모델 캐시
        pass

    def batch_optimization(self, requests):
        """배치 최적화"""
        # TODO: 동적 배치 크기 조정, GPU 활용률 최적화
        pass


@app.get('/ready')
def ready():
    return jsonify(status='ok')


@app.post('/rank')
def rank():
    body = RankRequest.model_validate(request.get_json())
    # TODO: 이 모델은 몇 번 디스크에서 읽히나요? 파드가 10개면요?
    model = joblib.load('ranker.joblib')
    return jsonify(scores=model.predict([body.candidates]).tolist())
