# 고급 6주차: 비용 최적화 전략 (Advanced week 6: cost strategy)
# TODO: 클라우드 비용 최적화 전략


class CostOptimization:
    def spot_instance_strategy(self):
        """스팟 인스턴스 활용"""
        # TODO: 배치 작업에 스팟 인스턴스 사용 - 내결함성 설계 (체크포인트)
        pass

    def resource_right_sizing(self, workload_metrics):
        """리소스 적정 크기 조정"""
        # TODO: 실제 사용량 기반 크기 조정, 예약 인스턴스 활용
        pass

    def cold_storage_strategy(self, data_access_pattern):
        """콜드 스토리지 전략"""
        # TODO: 데이터 생명주기 관리, 자동 아카이빙
        pass
