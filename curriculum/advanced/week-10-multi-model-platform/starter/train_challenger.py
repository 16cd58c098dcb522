#[ko] 고급 10주차: 도전자 모델 학습
#[ko] TODO: 이 학습의 파라미터, 데이터 버전, 지표는 어디에 남나요? 챔피언과 어떻게 비교하나요?
#[en] Advanced week 10: training the challenger
#[en] TODO: where are this run's parameters, data version and metrics kept? How is it compared with the champion?
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split
import joblib

np.random.seed(2024)


def main():
    df = pd.read_parquet('data/ranker.parquet')
    X_train, X_val, y_train, y_val = train_test_split(df.drop(columns=['clicked']), df['clicked'], random_state=2024)
    model = GradientBoostingClassifier(n_estimators=300, random_state=2024)
    model.fit(X_train, y_train)
    joblib.dump(model, 'challenger.joblib')


if __name__ == '__main__':
    main()
