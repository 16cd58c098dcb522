#[ko] 2주차: 하이퍼파라미터 실험
#[ko] 실행할 때마다 결과가 달라지고, 어떤 실험이 이겼는지 기록이 남지 않아요.
#[en] Week 2: a hyper-parameter experiment
#[en] Every run gives different results, and nothing records which experiment won.
import itertools

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
import joblib

#[ko] TODO: 재현성
#[ko] 고려사항:
#[ko] - numpy, random, 모델 라이브러리의 난수는 각각 어디서 시작하나요?
#[ko] - 시드 값 자체도 기록해야 할까요?
#[en] TODO: reproducibility
#[en] Consider:
#[en] - where do the random numbers of numpy, random and the model library each start?
#[en] - should the seed itself be recorded too?


def load_data(path):
    #[ko] TODO: 데이터 버전은 어떻게 기록할까요? (DVC, 해시)
    #[en] TODO: how will you record the data version? (DVC, a hash)
    df = pd.read_csv(path)
    return df.drop(columns=['label']), df['label']


def main():
    X, y = load_data('data/train.csv')
    #[ko] TODO: 이 셔플은 실행할 때마다 같은 순서일까요?
    #[en] TODO: does this shuffle give the same order on every run?
    order = np.random.permutation(len(X))
    X, y = X.iloc[order], y.iloc[order]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)

    #[ko] TODO: 실험 추적
    #[ko] 고려사항:
    #[ko] - 각 실험의 파라미터, 메트릭, 모델 파일을 어디에 남길까요?
    #[ko] - 팀원이 결과를 비교하려면 무엇이 필요할까요?
    #[en] TODO: experiment tracking
    #[en] Consider:
    #[en] - where will each experiment's parameters, metrics and model file be kept?
    #[en] - what would a teammate need to compare the results?
    best_score, best_model = 0.0, None
    for n_estimators, max_depth in itertools.product([50, 100, 200], [4, 8, None]):
        clf = RandomForestClassifier(n_estimators=n_estimators, max_depth=max_depth)
        clf.fit(X_train, y_train)
        score = accuracy_score(y_test, clf.predict(X_test))
        #[ko] TODO: 모델 선택
        #[ko] 고려사항:
        #[ko] - 테스트 세트로 고른 모델의 테스트 점수는 믿을 수 있을까요?
        #[ko] - 검증 세트(또는 교차 검증)는 어디서 나와야 할까요?
        #[en] TODO: model selection
        #[en] Consider:
        #[en] - can you trust the test score of a model chosen on the test set?
        #[en] - where should a validation set (or cross-validation) come from?
        if score > best_score:
            best_score, best_model = score, clf

    print('best', best_score)
    joblib.dump(best_model, 'model.joblib')


if __name__ == '__main__':
    main()
