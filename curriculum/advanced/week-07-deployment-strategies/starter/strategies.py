# 고급 7주차: 배포 전략 (Advanced week 7: deployment strategies)
# TODO: 다양한 배포 전략 구현


class DeploymentStrategies:
    def blue_green_deployment(self):
        """블루-그린 배포"""
        # 장점: 빠른 롤백, 무중단 배포
        # 단점: 2배 리소스 필요
        # TODO: 언제 이 전략을 쓰시겠어요?
        pass

    def canary_deployment(self):
        """카나리 배포"""
        # 장점: 점진적 검증, 위험 최소화
        # 단점: 복잡한 라우팅 로직
        # TODO: 트래픽 비율과 중단 조건은?
        pass

    def rolling_deployment(self):
        """롤링 배포"""
        # 장점: 리소스 효율적
        # 단점: 혼재 상태 존재
        # TODO: maxSurge, maxUnavailable은 어떻게 정할까요?
        pass

# 어떤 배포 전략을 언제 사용하시겠어요?
