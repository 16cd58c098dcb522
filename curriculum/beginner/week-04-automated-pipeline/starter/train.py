#[ko] 4주차: 파이프라인이 실행하는 학습 스크립트
#[en] Week 4: the training script the pipeline runs
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
import mlflow

np.random.seed(42)


def main():
    df = pd.read_csv('data/train.csv')
    X = df.drop(columns=['label'])
    y = df['label']

    #[ko] TODO: 전처리 순서
    #[ko] 고려사항:
    #[ko] - 스케일러가 테스트 데이터의 평균과 분산을 미리 보면 무엇이 문제일까요?
    #[ko] - 운영에서 들어오는 한 건의 요청에도 같은 전처리를 어떻게 적용할까요? (Pipeline)
    #[en] TODO: the order of preprocessing
    #[en] Consider:
    #[en] - what goes wrong when the scaler sees the test data's mean and variance in advance?
    #[en] - how will one request in production get exactly the same preprocessing? (Pipeline)
    scaler = StandardScaler()
    X = scaler.fit_transform(X)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

    with mlflow.start_run():
        clf = LogisticRegression(max_iter=1000, random_state=42)
        clf.fit(X_train, y_train)
        #[ko] TODO: 어떤 기준을 넘어야 이 모델을 등록할까요?
        #[en] TODO: which bar must this model clear before it is registered?
        mlflow.log_metric('test_accuracy', clf.score(X_test, y_test))


if __name__ == '__main__':
    main()
