#[ko] 고급 9주차: 연합 학습 클라이언트
#[ko] TODO: 연합 학습 클라이언트를 설계하세요
#[ko] 고려사항:
#[ko] - 라운드마다 같은 조건으로 학습했다는 걸 어떻게 증명하나요? (시드, 데이터 스냅샷)
#[ko] - 가중치 업데이트만으로도 개인정보가 새어 나갈 수 있나요?
#[en] Advanced week 9: a federated-learning client
#[en] TODO: design the federated-learning client
#[en] Consider:
#[en] - how do you show that every round trained under the same conditions? (seeds, data snapshots)
#[en] - can weight updates alone leak personal data?
import numpy as np
import requests
from sklearn.linear_model import SGDClassifier

SERVER_URL = 'https://fl-server.example.org'
SERVER_TOKEN = 'fl_tok_7c1e9a5b3d2f8e6a4c0b'


def clip_and_noise(weights):
    """차분 프라이버시"""  #[ko]
    """Differential privacy"""  #[en]
    #[ko] TODO: 개인정보 보호 - 업데이트 클리핑과 노이즈 추가
    #[ko] TODO: 프라이버시 예산(엡실론)은 라운드마다 얼마나 소모되나요?
    #[en] TODO: privacy - clip the update and add noise
    #[en] TODO: how much of the privacy budget (epsilon) does each round spend?
    return weights


def train_round(X, y, global_weights):
    model = SGDClassifier(loss='log_loss', random_state=0)
    #[ko] 라운드는 서버가 보낸 전역 가중치에서 출발합니다 (fit은 미리 넣은 coef_를 무시하므로 coef_init으로 넘깁니다).
    #[en] A round starts from the server's global weights (fit ignores a coef_ set beforehand, so pass coef_init).
    model.fit(X, y, coef_init=global_weights)
    update = clip_and_noise(model.coef_ - global_weights)
    requests.post(
        f'{SERVER_URL}/updates',
        json={'update': update.tolist()},
        headers={'Authorization': f'Bearer {SERVER_TOKEN}'},
        timeout=30,
    )


if __name__ == '__main__':
    X = np.load('local_features.npy')
    y = np.load('local_labels.npy')
    order = np.random.permutation(len(X))
    train_round(X[order], y[order], np.zeros((1, X.shape[1])))
