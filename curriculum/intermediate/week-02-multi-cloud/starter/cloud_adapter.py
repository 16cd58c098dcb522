# 중급 2주차: 클라우드 추상화 계층 (Intermediate week 2: a cloud abstraction layer)
# TODO: 클라우드마다 다른 부분과 공통 부분을 나누세요
from abc import ABC, abstractmethod


class CloudAdapter(ABC):
    @abstractmethod
    def deploy_model(self, model_uri, version):
        """모델 배포"""
        # TODO: 어떤 정보가 모든 클라우드에 공통일까요?
        raise NotImplementedError

    @abstractmethod
    def rollback(self, version):
        """롤백"""
        # TODO: 한 클라우드만 롤백되면 사용자는 어떤 경험을 할까요?
        raise NotImplementedError


# 고려사항: 데이터 위치(egress 비용), 클라우드별 IAM, 장애 시 트래픽 전환
