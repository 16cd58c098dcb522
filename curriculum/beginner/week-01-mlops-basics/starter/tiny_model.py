#[ko] 1주차를 바로 실행해 볼 수 있도록 만든 아주 작은 "모델"입니다 (scikit-learn 없이 동작).
#[ko] 주차를 시작할 때 이 클래스의 객체를 pickle로 저장한 model.pkl을 함께 만들어 드렸어요.
#[ko] TODO: 실제 서비스라면 모델 파일에 무엇을 함께 기록해 둘까요? (버전, 학습 데이터, 해시)
#[en] A very small stand-in "model" so week 1 runs as written (no scikit-learn needed).
#[en] When the week started, an instance of this class was pickled into model.pkl for you.
#[en] TODO: in a real service, what would you record next to the model file? (version, training data, hash)


class TinyLinearModel:
    """A linear score: the weighted sum of the features plus a bias."""  #[en]
    """선형 점수: 특성의 가중합에 편향을 더합니다."""  #[ko]

    def __init__(self, weights, bias):
        self.weights = weights
        self.bias = bias

    def predict(self, rows):
        return [sum(w * x for w, x in zip(self.weights, row)) + self.bias for row in rows]
