#[ko] 고급 3주차: 캐싱 전략
#[en] Advanced week 3: a caching strategy
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
        """캐싱 전략"""  #[ko]
        """Caching strategy"""  #[en]
        #[ko] TODO: 모델 예측 결과 캐시, 피처 캐시, 모델 캐시
        #[en] TODO: caching predictions, features, the model
        pass

    def batch_optimization(self, requests):
        """배치 최적화"""  #[ko]
        """Batch optimisation"""  #[en]
        #[ko] TODO: 동적 배치 크기 조정, GPU 활용률 최적화
        #[en] TODO: dynamic batch sizes, better GPU utilisation
        pass


@app.get('/ready')
def ready():
    return jsonify(status='ok')


@app.post('/rank')
def rank():
    body = RankRequest.model_validate(request.get_json())
    #[ko] TODO: 이 모델은 몇 번 디스크에서 읽히나요? 파드가 10개면요?
    #[en] TODO: how often is this model read from disk? And with 10 pods?
    model = joblib.load('ranker.joblib')
    return jsonify(scores=model.predict([body.candidates]).tolist())
