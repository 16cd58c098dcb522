#[ko] 고급 2주차: 모델 최적화
#[en] Advanced week 2: model optimisation
import torch
from transformers import AutoModelForSequenceClassification

#[ko] TODO: 원본 모델 불러오기
#[ko] 고려사항:
#[ko] - 이 이름이 가리키는 가중치는 내일도 같을까요? (revision)
#[ko] - 이 파일을 여는 순간 임의 코드가 실행될 수 있나요? (pickle, weights_only, safetensors)
#[en] TODO: load the original model
#[en] Consider:
#[en] - will this name point to the same weights tomorrow? (revision)
#[en] - can opening this file run arbitrary code? (pickle, weights_only, safetensors)
teacher = AutoModelForSequenceClassification.from_pretrained('cardiffnlp/twitter-roberta-base-sentiment-latest')
student_state = torch.load('student.pt')


class ModelOptimization:
    def model_quantization(self, model):
        """모델 양자화"""  #[ko]
        """Quantise the model"""  #[en]
        # FP32 → FP16 → INT8
        #[ko] TODO: 정확도 vs 속도 트레이드오프를 어떻게 측정할까요?
        #[en] TODO: how will you measure the accuracy vs speed trade-off?
        pass

    def model_pruning(self, model):
        """모델 가지치기"""  #[ko]
        """Prune the model"""  #[en]
        #[ko] TODO: 불필요한 파라미터 제거, 스파스 연산 최적화
        #[en] TODO: remove unneeded parameters, optimise sparse operations
        pass

    def knowledge_distillation(self, teacher_model, student_model):
        """지식 증류"""  #[ko]
        """Knowledge distillation"""  #[en]
        #[ko] TODO: 큰 모델 → 작은 모델 지식 전이. 온도(temperature)는 어떻게 정할까요?
        #[en] TODO: transfer knowledge from the big model to the small one. How will you choose the temperature?
        pass

    def model_compilation(self, model, target_device):
        """모델 컴파일"""  #[ko]
        """Compile the model"""  #[en]
        #[ko] TODO: TensorRT, ONNX Runtime 활용 - 하드웨어 특화 최적화
        #[en] TODO: TensorRT, ONNX Runtime - hardware-specific optimisation
        pass
