# 프로젝트 2: 모델 모니터링 시스템 (Project 2: a model monitoring system)
# TODO: 종합적인 모델 모니터링 시스템 구축


class ModelMonitoringSystem:
    def performance_monitoring(self):
        """모델 성능 모니터링"""
        # TODO: 정확도, 정밀도, 재현율 추적
        # TODO: 비즈니스 메트릭과 연계
        pass

    def drift_monitoring(self):
        """드리프트 모니터링"""
        # TODO: 데이터 드리프트, 컨셉 드리프트 탐지
        # TODO: 통계적 검정, 시각화
        pass

    def infrastructure_monitoring(self):
        """인프라 모니터링"""
        # TODO: CPU, 메모리, 응답시간 추적
        # TODO: Prometheus + Grafana 연동
        pass

    def alerting_system(self):
        """알람 시스템"""
        # TODO: 임계값 기반 알람
        # TODO: 이상값 탐지 기반 알람
        pass

# 실습 시나리오:
# 1. 모델 성능이 갑자기 떨어졌을 때 탐지
# 2. 데이터 분포가 변경되었을 때 알람
# 3. 서버 리소스 부족 시 스케일링 트리거
