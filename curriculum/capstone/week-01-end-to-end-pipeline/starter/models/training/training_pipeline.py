#[ko] 프로젝트 1: 모델 훈련 파이프라인
#[ko] TODO: 자동화된 모델 훈련 시스템
#[en] Project 1: the training pipeline
#[en] TODO: an automated model-training system
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

np.random.seed(13)


class ModelTrainingPipeline:
    def trigger_training(self, trigger_type):
        """훈련 트리거 조건 확인"""  #[ko]
        """Check what triggers training"""  #[en]
        #[ko] TODO: 스케줄, 성능 저하, 데이터 드리프트 등
        #[en] TODO: a schedule, a drop in performance, data drift ...
        pass

    def hyperparameter_optimization(self):
        """하이퍼파라미터 최적화"""  #[ko]
        """Optimise the hyper-parameters"""  #[en]
        #[ko] TODO: Optuna, Ray Tune 등 활용
        #[en] TODO: with Optuna, Ray Tune or similar
        pass

    def model_validation(self, model, validation_data):
        """모델 검증"""  #[ko]
        """Validate the model"""  #[en]
        #[ko] TODO: 성능 기준, A/B 테스트 설계
        #[en] TODO: performance bars, an A/B test design
        pass

#[ko] 고려사항: 리소스 관리, 실험 추적, 재현성
#[en] Consider: resource management, experiment tracking, reproducibility


def train(X, y):
    X_train, X_val, y_train, y_val = train_test_split(X, y, random_state=13)
    model = RandomForestClassifier(n_estimators=200, random_state=13)
    model.fit(X_train, y_train)
    #[ko] TODO: 이 실행의 파라미터와 지표는 어디에 남나요?
    #[en] TODO: where are this run's parameters and metrics kept?
    return model, model.score(X_val, y_val)


if __name__ == '__main__':
    data = np.load('data/processed/train.npz')
    train(data['X'], data['y'])
