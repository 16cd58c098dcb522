#[ko] 3주차: 모델 로딩
#[en] Week 3: loading the model
import mlflow.pyfunc
from transformers import AutoModelForSequenceClassification

#[ko] TODO: 모델 버전 고정
#[ko] 고려사항:
#[ko] - "latest"는 언제 바뀌나요? 바뀌었다는 걸 누가 알까요?
#[ko] - 레지스트리의 버전 번호, 커밋 해시(revision) 중 무엇을 기록할까요?
#[ko] - 롤백하려면 어떤 정보가 필요할까요?
#[en] TODO: pin the model version
#[en] Consider:
#[en] - when does "latest" change, and who would notice?
#[en] - will you record the registry's version number or a commit hash (revision)?
#[en] - what information does a rollback need?
model = mlflow.pyfunc.load_model('models:/churn-model/latest')

tokenizer_model = AutoModelForSequenceClassification.from_pretrained(
    'distilbert/distilbert-base-uncased-finetuned-sst-2-english'
)


def predict(rows):
    #[ko] TODO: 응답에 모델 버전을 함께 돌려주면 어떤 점이 좋을까요?
    #[en] TODO: what would you gain by returning the model version with each response?
    return model.predict(rows)
