#[ko] 고급 10주차: 실험 라우터
#[ko] TODO: A/B 테스트를 위한 멀티 모델 서빙 시스템
#[ko] 고려사항:
#[ko] - 실험 간 상호작용 효과
#[ko] - 장기적 효과 측정
#[ko] - 비즈니스 메트릭 임팩트
#[en] Advanced week 10: the experiment router
#[en] TODO: a multi-model serving system for A/B tests
#[en] Consider:
#[en] - how experiments interact with each other
#[en] - measuring long-term effects
#[en] - the impact on business metrics
import hashlib
import logging

import httpx
from fastapi import FastAPI
from pydantic import BaseModel, Field

logger = logging.getLogger(__name__)
app = FastAPI()
MODELS = {'A': 'http://model-a:8000/predict', 'B': 'http://model-b:8000/predict'}


class PredictRequest(BaseModel):
    user_id: str = Field(max_length=64)
    features: list[float] = Field(max_length=64)


def assign_variant(user_id, experiment_id):
    """트래픽 라우팅 - 실험군 할당 로직"""  #[ko]
    """Traffic routing - assigning users to variants"""  #[en]
    #[ko] TODO: 일관된 사용자 경험 보장 - 같은 사용자는 항상 같은 모델로?
    #[en] TODO: a consistent experience - does the same user always reach the same model?
    digest = hashlib.sha256(f'{experiment_id}:{user_id}'.encode()).hexdigest()
    return 'A' if int(digest, 16) % 100 < 90 else 'B'


@app.get('/healthz')
def healthz():
    return {'status': 'ok'}


@app.post('/predict')
async def predict(body: PredictRequest):
    variant = assign_variant(body.user_id, 'ranker-v2')
    try:
        async with httpx.AsyncClient(timeout=2.0) as client:
            response = await client.post(MODELS[variant], json={'features': body.features})
        #[ko] TODO: 모델별 요청 수, 지연 시간, 에러를 어떻게 비교할 수 있을까요?
        #[en] TODO: how can you compare request counts, latency and errors per model?
        return {'variant': variant, **response.json()}
    except Exception as e:
        logger.exception('variant %s failed', variant)
        return {'variant': variant, 'error': str(e)}


def result_analysis(experiment_id):
    """실험 결과 분석"""  #[ko]
    """Analyse the experiment's results"""  #[en]
    #[ko] TODO: 통계적 유의성 검정, 실질적 유의성 평가
    #[en] TODO: test statistical significance, judge practical significance
    pass


def automated_rollout(winning_model):
    """자동 롤아웃"""  #[ko]
    """Automated rollout"""  #[en]
    #[ko] TODO: 점진적 배포 전략, 롤백 조건 설정
    #[en] TODO: a progressive rollout, the conditions for rolling back
    pass
