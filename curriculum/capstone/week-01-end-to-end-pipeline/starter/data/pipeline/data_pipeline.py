#[ko] 프로젝트 1: 데이터 파이프라인
#[ko] TODO: 데이터 검증 및 전처리 파이프라인
#[en] Project 1: the data pipeline
#[en] TODO: a data validation and preprocessing pipeline


class DataPipeline:
    def validate_schema(self, data):
        """데이터 스키마 검증"""  #[ko]
        """Validate the data schema"""  #[en]
        #[ko] TODO: 스키마 불일치 감지
        #[en] TODO: detect schema mismatches
        pass

    def detect_drift(self, new_data, reference_data):
        """데이터 드리프트 탐지"""  #[ko]
        """Detect data drift"""  #[en]
        #[ko] TODO: 통계적 드리프트 검사
        #[en] TODO: a statistical drift check
        pass

    def preprocess(self, raw_data):
        """데이터 전처리"""  #[ko]
        """Preprocess the data"""  #[en]
        #[ko] TODO: 재현 가능한 전처리 파이프라인
        #[en] TODO: a reproducible preprocessing pipeline
        pass

#[ko] 고려사항: 데이터 버전 관리, 병렬 처리, 에러 복구
#[en] Consider: data versioning, parallelism, error recovery
