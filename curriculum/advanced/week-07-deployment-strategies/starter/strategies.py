#[ko] 고급 7주차: 배포 전략
#[ko] TODO: 다양한 배포 전략 구현
#[en] Advanced week 7: deployment strategies
#[en] TODO: implement several deployment strategies


class DeploymentStrategies:
    def blue_green_deployment(self):
        """블루-그린 배포"""  #[ko]
        """Blue-green deployment"""  #[en]
        #[ko] 장점: 빠른 롤백, 무중단 배포
        #[ko] 단점: 2배 리소스 필요
        #[ko] TODO: 언제 이 전략을 쓰시겠어요?
        #[en] Pros: fast rollback, no downtime
        #[en] Cons: needs twice the resources
        #[en] TODO: when would you use this strategy?
        pass

    def canary_deployment(self):
        """카나리 배포"""  #[ko]
        """Canary deployment"""  #[en]
        #[ko] 장점: 점진적 검증, 위험 최소화
        #[ko] 단점: 복잡한 라우팅 로직
        #[ko] TODO: 트래픽 비율과 중단 조건은?
        #[en] Pros: gradual validation, smallest risk
        #[en] Cons: complex routing logic
        #[en] TODO: which traffic share, and which conditions stop it?
        pass

    def rolling_deployment(self):
        """롤링 배포"""  #[ko]
        """Rolling deployment"""  #[en]
        #[ko] 장점: 리소스 효율적
        #[ko] 단점: 혼재 상태 존재
        #[ko] TODO: maxSurge, maxUnavailable은 어떻게 정할까요?
        #[en] Pros: resource-efficient
        #[en] Cons: old and new versions run side by side for a while
        #[en] TODO: how will you choose maxSurge and maxUnavailable?
        pass

#[ko] 어떤 배포 전략을 언제 사용하시겠어요?
#[en] Which deployment strategy would you use, and when?
