#[ko] 중급 1주차: 클라우드 학습 작업
#[ko] TODO: 클라우드 네이티브 ML 파이프라인을 설계하세요
#[ko] 고려사항:
#[ko] - 이 자격 증명은 누가 볼 수 있나요? git 기록에서도 지워질까요?
#[ko] - 로컬, CI, 클라우드 각각에서 자격 증명은 어디서 와야 할까요? (환경 변수, Secret Manager, OIDC)
#[en] Intermediate week 1: a cloud training job
#[en] TODO: design a cloud-native ML pipeline
#[en] Consider:
#[en] - who can see these credentials? Will they ever leave the git history?
#[en] - where should credentials come from locally, in CI and in the cloud? (environment, Secret Manager, OIDC)
import boto3

AWS_ACCESS_KEY_ID = 'AKIA4MLOPSTEACHER7Q2Z'
AWS_SECRET_ACCESS_KEY = 'mlops-teacher-s3cr3t-2026'
DB_PASSWORD = 'mlops-prod-2024!'


class CloudTrainingPipeline:
    def __init__(self):
        self.client = boto3.client(
            'sagemaker',
            aws_access_key_id=AWS_ACCESS_KEY_ID,
            aws_secret_access_key=AWS_SECRET_ACCESS_KEY,
        )

    def launch_training(self, job_name, image_uri, data_uri):
        """학습 작업 실행"""  #[ko]
        """Launch a training job"""  #[en]
        #[ko] TODO: 인스턴스 타입, 스팟 사용 여부, 최대 실행 시간
        #[ko] TODO: 실패 시 재시도와 알림
        #[en] TODO: instance type, spot or not, maximum run time
        #[en] TODO: retries and notifications on failure
        pass

    def register_model(self, job_name):
        """모델 등록"""  #[ko]
        """Register the model"""  #[en]
        #[ko] TODO: 어떤 평가 기준을 통과해야 등록할까요?
        #[en] TODO: which evaluation bar must a model clear to be registered?
        pass
