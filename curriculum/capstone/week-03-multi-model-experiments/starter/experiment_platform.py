# 프로젝트 3: 멀티 모델 실험 플랫폼 (Project 3: a multi-model experiment platform)
# TODO: A/B 테스트를 위한 멀티 모델 서빙 시스템
import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI()


class PredictRequest(BaseModel):
    user_id: str = Field(max_length=64)
    features: list[float] = Field(max_length=64)


class MultiModelExperimentPlatform:
    def experiment_design(self, experiment_config):
        """실험 설계"""
        # TODO: 트래픽 분할 전략
        # TODO: 통계적 유의성 검정 설계
        pass

    def traffic_routing(self, user_id, experiment_id):
        """트래픽 라우팅"""
        # TODO: 일관된 사용자 경험 보장
        # TODO: 실험군 할당 로직
        return 'model-a'

    def result_analysis(self, experiment_id):
        """실험 결과 분석"""
        # TODO: 통계적 유의성 검정
        # TODO: 실질적 유의성 평가
        pass

    def automated_rollout(self, winning_model):
        """자동 롤아웃"""
        # TODO: 점진적 배포 전략
        # TODO: 롤백 조건 설정
        pass

# 고려사항:
# - 실험 간 상호작용 효과
# - 장기적 효과 측정
# - 비즈니스 메트릭 임팩트


platform = MultiModelExperimentPlatform()


@app.get('/healthz')
def healthz():
    return {'status': 'ok'}


@app.post('/predict')
async def predict(body: PredictRequest):
    variant = platform.traffic_routing(body.user_id, 'exp-1')
    try:
        async with httpx.AsyncClient(timeout=2.0) as client:
            response = await client.post(f'http://{variant}:8000/predict', json={'features': body.features})
        return {'variant': variant, **response.json()}
    except Exception as e:
        raise HTTPException(status_code=502, detail=str(e))
