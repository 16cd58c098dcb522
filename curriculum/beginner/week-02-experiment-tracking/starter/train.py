# 2주차: 하이퍼파라미터 실험 (Week 2: a hyper-parameter experiment)
# 실행할 때마다 결과가 달라지고, 어떤 실험이 이겼는지 기록이 남지 않아요.
import itertools

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
import joblib

# TODO: 재현성
# 고려사항:
# - numpy, random, 모델 라이브러리의 난수는 각각 어디서 시작하나요?
# - 시드 값 자체도 기록해야 할까요?


def load_data(path):
    # TODO: 데이터 버전은 어떻게 기록할까요? (DVC, 해시)
    df = pd.read_csv(path)
    return df.drop(columns=['label']), df['label']


def main():
    X, y = load_data('data/train.csv')
    # TODO: 이 셔플은 실행할 때마다 같은 순서일까요?
    order = np.random.permutation(len(X))
    X, y = X.iloc[order], y.iloc[order]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)

    # TODO: 실험 추적
    # 고려사항:
    # - 각 실험의 파라미터, 메트릭, 모델 파일을 어디에 남길까요?
    # - 팀원이 결과를 비교하려면 무엇이 필요할까요?
    best_score, best_model = 0.0, None
    for n_estimators, max_depth in itertools.product([50, 100, 200], [4, 8, None]):
        clf = RandomForestClassifier(n_estimators=n_estimators, max_depth=max_depth)
        clf.fit(X_train, y_train)
        score = accuracy_score(y_test, clf.predict(X_test))
        # TODO: 모델 선택
        # 고려사항:
        # - 테스트 세트로 고른 모델의 테스트 점수는 믿을 수 있을까요?
        # - 검증 세트(또는 교차 검증)는 어디서 나와야 할까요?
        if score > best_score:
            best_score, best_model = score, clf

    print('best', best_score)
    joblib.dump(best_model, 'model.joblib')


if __name__ == '__main__':
    main()
