#[ko] 고급 6주차: 비용 최적화 전략
#[ko] TODO: 클라우드 비용 최적화 전략
#[en] Advanced week 6: a cost strategy
#[en] TODO: a cloud cost-optimisation strategy


class CostOptimization:
    def spot_instance_strategy(self):
        """스팟 인스턴스 활용"""  #[ko]
        """Use spot instances"""  #[en]
        #[ko] TODO: 배치 작업에 스팟 인스턴스 사용 - 내결함성 설계 (체크포인트)
        #[en] TODO: spot instances for batch jobs - design for interruption (checkpoints)
        pass

    def resource_right_sizing(self, workload_metrics):
        """리소스 적정 크기 조정"""  #[ko]
        """Right-size the resources"""  #[en]
        #[ko] TODO: 실제 사용량 기반 크기 조정, 예약 인스턴스 활용
        #[en] TODO: size by measured usage, use reserved instances
        pass

    def cold_storage_strategy(self, data_access_pattern):
        """콜드 스토리지 전략"""  #[ko]
        """Cold-storage strategy"""  #[en]
        #[ko] TODO: 데이터 생명주기 관리, 자동 아카이빙
        #[en] TODO: data life-cycle management, automatic archiving
        pass
