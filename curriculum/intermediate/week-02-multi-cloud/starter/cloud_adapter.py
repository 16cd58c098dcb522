#[ko] 중급 2주차: 클라우드 추상화 계층
#[ko] TODO: 클라우드마다 다른 부분과 공통 부분을 나누세요
#[en] Intermediate week 2: a cloud abstraction layer
#[en] TODO: separate what differs per cloud from what they share
from abc import ABC, abstractmethod


class CloudAdapter(ABC):
    @abstractmethod
    def deploy_model(self, model_uri, version):
        """모델 배포"""  #[ko]
        """Deploy the model"""  #[en]
        #[ko] TODO: 어떤 정보가 모든 클라우드에 공통일까요?
        #[en] TODO: which information is common to every cloud?
        raise NotImplementedError

    @abstractmethod
    def rollback(self, version):
        """롤백"""  #[ko]
        """Roll back"""  #[en]
        #[ko] TODO: 한 클라우드만 롤백되면 사용자는 어떤 경험을 할까요?
        #[en] TODO: what do users experience when only one cloud rolls back?
        raise NotImplementedError


#[ko] 고려사항: 데이터 위치(egress 비용), 클라우드별 IAM, 장애 시 트래픽 전환
#[en] Consider: where the data lives (egress cost), per-cloud IAM, shifting traffic during an outage
