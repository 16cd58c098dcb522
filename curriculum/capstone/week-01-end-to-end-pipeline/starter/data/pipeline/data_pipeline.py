# 프로젝트 1: 데이터 파이프라인 (Project 1: the data pipeline)
# TODO: 데이터 검증 및 전처리 파이프라인


class DataPipeline:
    def validate_schema(self, data):
        """데이터 스키마 검증"""
        # TODO: 스키마 불일치 감지
        pass

    def detect_drift(self, new_data, reference_data):
        """데이터 드리프트 탐지"""
        # TODO: 통계적 드리프트 검사
        pass

    def preprocess(self, raw_data):
        """데이터 전처리"""
        # TODO: 재현 가능한 전처리 파이프라인
        pass

# 고려사항: 데이터 버전 관리, 병렬 처리, 에러 복구
