#[ko] 프로젝트 3: 멀티 모델 실험 플랫폼
#[ko] TODO: A/B 테스트를 위한 멀티 모델 서빙 시스템
#[en] Project 3: a multi-model experiment platform
#[en] TODO: a multi-model serving system for A/B tests
import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI()


class PredictRequest(BaseModel):
    user_id: str = Field(max_length=64)
    features: list[float] = Field(max_length=64)


class MultiModelExperimentPlatform:
    def experiment_design(self, experiment_config):
        """실험 설계"""  #[ko]
        """Design the experiment"""  #[en]
        #[ko] TODO: 트래픽 분할 전략
        #[ko] TODO: 통계적 유의성 검정 설계
        #[en] TODO: a traffic-splitting strategy
        #[en] TODO: design the statistical significance test
        pass

    def traffic_routing(self, user_id, experiment_id):
        """트래픽 라우팅"""  #[ko]
        """Route the traffic"""  #[en]
        #[ko] TODO: 일관된 사용자 경험 보장
        #[ko] TODO: 실험군 할당 로직
        #[en] TODO: a consistent experience for each user
        #[en] TODO: the logic that assigns users to variants
        return 'model-a'

    def result_analysis(self, experiment_id):
        """실험 결과 분석"""  #[ko]
        """Analyse the results"""  #[en]
        #[ko] TODO: 통계적 유의성 검정
        #[ko] TODO: 실질적 유의성 평가
        #[en] TODO: test statistical significance
        #[en] TODO: judge practical significance
        pass

    def automated_rollout(self, winning_model):
        """자동 롤아웃"""  #[ko]
        """Automated rollout"""  #[en]
        #[ko] TODO: 점진적 배포 전략
        #[ko] TODO: 롤백 조건 설정
        #[en] TODO: a progressive rollout strategy
        #[en] TODO: the conditions for rolling back
        pass

#[ko] 고려사항:
#[ko] - 실험 간 상호작용 효과
#[ko] - 장기적 효과 측정
#[ko] - 비즈니스 메트릭 임팩트
#[en] Consider:
#[en] - how experiments interact with each other
#[en] - measuring long-term effects
#[en] - the impact on business metrics


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
