import { resolveString } from '../../python/references';
import { l, pythonRule } from '../../rule';
import { imagePin } from '../../yaml/images';

/** Keyword arguments that name the container image a job, task or operator runs. */
const IMAGE_KEYWORD = /^(image|image_uri|image_name|docker_image|container_image)$/;
/** Libraries that start containers from Python: orchestrators, training services, the Docker and Kubernetes clients. */
const CONTAINER_LIBRARIES = [
  'prefect',
  'airflow',
  'sagemaker',
  'docker',
  'kfp',
  'kubernetes',
  'dagster',
  'zenml',
  'flytekit',
  'metaflow',
  'modal',
  'google.cloud.aiplatform',
  'azure.ai.ml',
];
/** An image reference: lower-case path segments and an optional tag; not a file (`cat.png`), a URL or a sentence. */
const IMAGE_REFERENCE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/;
const FILE_EXTENSION = /\.(png|jpe?g|gif|bmp|webp|tiff?|svg|npy|pt|pkl|json|ya?ml|txt|csv)$/i;

/** A call that starts a container: a class (`DockerOperator`, `Estimator`, `DockerRun`, `V1Container`) or a Docker client's `containers.run`/`create`. */
function startsContainer(callee: string | undefined): boolean {
  if (!callee) return false;
  const last = callee.slice(callee.lastIndexOf('.') + 1);
  return /^[A-Z]/.test(last) || /\bcontainers\.(run|create)$|\bcreate_container$/.test(callee);
}

export default pythonRule({
  id: 'mutable-image-in-code',
  language: 'python',
  category: 'reproducibility',
  severity: 'warning',
  anchors: ['kube-linter:latest-tag', 'gap:mutable-image-in-code'],
  messages: {
    latest: l(
      '작업이 실행할 이미지 "{image}"가 latest 태그입니다 — 누가 언제 푸시했느냐에 따라 다른 코드로 학습·실행됩니다',
      'The job runs the image "{image}" on the latest tag — which code trains or runs depends on who pushed last',
    ),
    untagged: l(
      '작업이 실행할 이미지 "{image}"에 태그가 없어 latest로 받아집니다 — 어느 코드가 이 실행을 만들었는지 알 수 없습니다',
      'The job runs the image "{image}" with no tag, so latest is pulled — nobody can tell which code produced this run',
    ),
  },
  docs: {
    summary: l(
      '파이썬 코드가 작업을 띄울 때 넘기는 컨테이너 이미지(Airflow DockerOperator·KubernetesPodOperator의 image=, Prefect DockerRun, SageMaker Estimator의 image_uri= 등, 모듈 상수로 적은 값 포함)가 latest이거나 태그가 없는 경우를 찾습니다. 오케스트레이터나 컨테이너 라이브러리를 import하는 파일만 봅니다.',
      'Flags container images that Python code hands to a job with the latest tag or no tag (the image= of an Airflow DockerOperator or KubernetesPodOperator, a Prefect DockerRun, the image_uri= of a SageMaker Estimator and the like, a module constant included). Only files that import an orchestrator or a container library are read.',
    ),
    why: l(
      '학습이나 배치 작업은 매니페스트가 아니라 코드 안에서 이미지를 고르는 일이 많습니다. 그 이미지가 latest면 같은 DAG, 같은 flow가 푸시할 때마다 다른 코드로 모델을 만들고, 어떤 코드가 어떤 모델을 만들었는지 되짚을 수 없습니다.',
      'Training and batch jobs often pick their image in code rather than in a manifest. On latest, the same DAG or flow builds models with different code after every push, and nobody can trace which code made which model.',
    ),
    bad: 'from airflow.providers.docker.operators.docker import DockerOperator\n\ntrain = DockerOperator(task_id="train", image="team/trainer:latest", command="python train.py")\n',
    good: 'import os\n\nfrom airflow.providers.docker.operators.docker import DockerOperator\n\n# TODO: 어떤 태그(git SHA, 버전)를 쓰고, 그 값을 어디서 받을까요?\ntrain = DockerOperator(task_id="train", image=f"team/trainer:{os.environ[\'TRAINER_TAG\']}", command="python train.py")\n',
  },
  weeks: ['intermediate/2', 'beginner/3'],
  questions: [
    l(
      '지난주 이 작업이 만든 모델을 똑같이 다시 만들려면, {image|이 이미지}의 어느 버전이 돌았는지 어떻게 알 수 있을까요?',
      'To rebuild exactly the model this job made last week, how would you find out which version of {image|the image} ran?',
    ),
    l(
      '작업이 도는 중에 누군가 {image|이 이미지}를 새로 푸시하면, 다음 실행은 어떤 코드로 돌게 될까요?',
      'If someone pushes {image|the image} again while the job is scheduled, which code does the next run use?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 작업 이미지 버전 고정\n# 고려사항:\n# - 태그를 무엇과 연결할까요? (git SHA, 모델 코드 버전)\n# - 태그를 코드에 적을까요, 설정(환경 변수, 변수 저장소)에서 받을까요?\n# - 실행 기록에 이미지 태그도 남기나요?\n# image="<이름>:# TODO"\n',
    en: '# TODO: pin the job image\n# Consider:\n# - what should the tag be tied to (git SHA, the training code version)?\n# - is the tag written in code or read from configuration (environment, a variable store)?\n# - does the run record keep the image tag too?\n# image="<name>:# TODO"\n',
  },
  check(context) {
    const { model } = context;
    if (!model.source.includes('image') || !CONTAINER_LIBRARIES.some((m) => model.importsModule(m))) return;
    const reported = new Set<number>();
    for (const argument of model.keywordArguments) {
      const name = argument.childForFieldName('name');
      if (name?.type !== 'identifier' || !IMAGE_KEYWORD.test(name.text) || !startsContainer(argument.parent?.parent?.childForFieldName('function')?.text)) continue;
      const resolved = resolveString(model, argument.childForFieldName('value') ?? undefined);
      const image = resolved?.value.trim();
      // An environment default is the fallback of configuration; the value itself is read from outside.
      if (!resolved || !image || resolved.via === 'env-default' || !IMAGE_REFERENCE.test(image) || FILE_EXTENSION.test(image)) continue;
      const { pin } = imagePin(image);
      // A constant handed to two jobs is one tag to fix, where it is written.
      if ((pin === 'latest' || pin === 'none') && !reported.has(resolved.node.startIndex)) {
        reported.add(resolved.node.startIndex);
        context.report({ node: resolved.node, messageId: pin === 'latest' ? 'latest' : 'untagged', data: { image } });
      }
    }
  },
});
