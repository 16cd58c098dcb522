# 3주차: 모델 로딩 (Week 3: loading the model)
import mlflow.pyfunc
from transformers import AutoModelForSequenceClassification

# TODO: 모델 버전 고정
# 고려사항:
# - "latest"는 언제 바뀌나요? 바뀌었다는 걸 누가 알까요?
# - 레지스트리의 버전 번호, 커밋 해시(revision) 중 무엇을 기록할까요?
# - 롤백하려면 어떤 정보가 필요할까요?
model = mlflow.pyfunc.load_model('models:/churn-model/latest')

tokenizer_model = AutoModelForSequenceClassification.from_pretrained(
    'distilbert/distilbert-base-uncased-finetuned-sst-2-english'
)


def predict(rows):
    # TODO: 응답에 모델 버전을 함께 돌려주면 어떤 점이 좋을까요?
    return model.predict(rows)
