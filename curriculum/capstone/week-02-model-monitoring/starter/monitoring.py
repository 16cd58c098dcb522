#[ko] 프로젝트 2: 모델 모니터링 시스템
#[ko] TODO: 종합적인 모델 모니터링 시스템 구축
#[en] Project 2: a model monitoring system
#[en] TODO: build a complete model monitoring system


class ModelMonitoringSystem:
    def performance_monitoring(self):
        """모델 성능 모니터링"""  #[ko]
        """Monitor model performance"""  #[en]
        #[ko] TODO: 정확도, 정밀도, 재현율 추적
        #[ko] TODO: 비즈니스 메트릭과 연계
        #[en] TODO: track accuracy, precision and recall
        #[en] TODO: connect them to business metrics
        pass

    def drift_monitoring(self):
        """드리프트 모니터링"""  #[ko]
        """Monitor drift"""  #[en]
        #[ko] TODO: 데이터 드리프트, 컨셉 드리프트 탐지
        #[ko] TODO: 통계적 검정, 시각화
        #[en] TODO: detect data drift and concept drift
        #[en] TODO: statistical tests, visualisation
        pass

    def infrastructure_monitoring(self):
        """인프라 모니터링"""  #[ko]
        """Monitor the infrastructure"""  #[en]
        #[ko] TODO: CPU, 메모리, 응답시간 추적
        #[ko] TODO: Prometheus + Grafana 연동
        #[en] TODO: track CPU, memory and response time
        #[en] TODO: connect Prometheus and Grafana
        pass

    def alerting_system(self):
        """알람 시스템"""  #[ko]
        """Alerting"""  #[en]
        #[ko] TODO: 임계값 기반 알람
        #[ko] TODO: 이상값 탐지 기반 알람
        #[en] TODO: alerts on thresholds
        #[en] TODO: alerts on detected anomalies
        pass

#[ko] 실습 시나리오:
#[ko] 1. 모델 성능이 갑자기 떨어졌을 때 탐지
#[ko] 2. 데이터 분포가 변경되었을 때 알람
#[ko] 3. 서버 리소스 부족 시 스케일링 트리거
#[en] Scenarios to practise:
#[en] 1. detect a sudden drop in model performance
#[en] 2. alert when the data distribution changes
#[en] 3. trigger scaling when the servers run short of resources
