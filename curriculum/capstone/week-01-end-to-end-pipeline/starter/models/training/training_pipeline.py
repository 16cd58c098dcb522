# 프로젝트 1: 모델 훈련 파이프라인 (Project 1: the training pipeline)
# TODO: 자동화된 모델 훈련 시스템
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

np.random.seed(13)


class ModelTrainingPipeline:
    def trigger_training(self, trigger_type):
        """훈련 트리거 조건 확인"""
        # TODO: 스케줄, 성능 저하, 데이터 드리프트 등
        pass

    def hyperparameter_optimization(self):
        """하이퍼파라미터 최적화"""
        # TODO: Optuna, Ray Tune 등 활용
        pass

    def model_validation(self, model, validation_data):
        """모델 검증"""
        # TODO: 성능 기준, A/B 테스트 설계
        pass

# 고려사항: 리소스 관리, 실험 추적, 재현성


def train(X, y):
    X_train, X_val, y_train, y_val = train_test_split(X, y, random_state=13)
    model = RandomForestClassifier(n_estimators=200, random_state=13)
    model.fit(X_train, y_train)
    # TODO: 이 실행의 파라미터와 지표는 어디에 남나요?
    return model, model.score(X_val, y_val)


if __name__ == '__main__':
    data = np.load('data/processed/train.npz')
    train(data['X'], data['y'])
