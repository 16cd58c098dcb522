import { l, yamlRule } from '../../rule';
import type { Range } from '../../types';
import { actionName } from '../../yaml/ci-steps';
import { jobSteps, workflowJobs } from '../../yaml/actions';
import { azurePipelineJobs, isAzurePipelines, taskInput } from '../../yaml/azure-pipelines';
import { gitlabJobs, isGitLabCi } from '../../yaml/gitlab-ci';
import { at, entries, entry, items, rangeWithin, scalar, type YamlDocument, type YNode, type YScalar } from '../../yaml/model';

/**
 * Commands that change or wait on a cluster. A client-side dry run or a render (`kubectl
 * kustomize`, `helm template`) needs no cluster, so it is not here.
 */
const CLUSTER_COMMAND =
  /\b(kubectl\s+(?:apply|create|replace|set\s+image|rollout\s+(?:restart|status|undo)|patch|delete|scale|wait)|helm\s+(?:upgrade|install|uninstall|rollback))\b/;
const CLIENT_ONLY = /--dry-run(=client)?\b(?!=server)/;

/**
 * What gives kubectl a cluster: a kubeconfig or its variable, a cloud's get-credentials, a context
 * set by hand, a local cluster started on the runner (kind, minikube, k3d), an OpenShift login.
 */
const ACCESS_COMMAND =
  /get-credentials|update-kubeconfig|kubeconfig|KUBE_?CONFIG|\.kube\/config|\bkind\s+create\b|\bminikube\s+start\b|\bk3d\s+cluster\b|\bk3s\b|\bmicrok8s\b|\bkubectl\s+config\s+(?:set-cluster|set-credentials|set-context|use-context)\b|\boc\s+login\b|\bdoctl\s+kubernetes\b|--server[=\s]|--token[=\s]/i;
/**
 * Actions that set a context or start a cluster (azure/aks-set-context, google-github-actions/get-gke-credentials,
 * aws-actions/amazon-eks-*, helm/kind-action, medyagh/setup-minikube, actions-hub/kubectl with KUBE_CONFIG ...).
 */
const ACCESS_ACTION = /(kube|k8s|kind|minikube|k3d|k3s|microk8s|eks|gke|aks|openshift|oc-login|doctl|tailscale|teleport|okteto)/i;
/** Actions that only install the client (azure/setup-kubectl, azure/setup-helm): a kubectl binary is not a cluster. */
const CLIENT_INSTALL = /\/(setup|install)-(kubectl|helm|kustomize)$/i;

interface Found {
  readonly job: string;
  readonly command: string;
  readonly range: Range;
  /** Where an earlier step of the job exported a kubeconfig that its later steps no longer see. */
  readonly exported?: Range;
}

/**
 * A line that points kubectl at a kubeconfig for this script only: `export KUBECONFIG=...`, or the
 * file written somewhere kubectl does not look by itself (`... | base64 -d > kubeconfig`). Written
 * to ~/.kube/config, or handed on through $GITHUB_ENV, it lasts for the steps after.
 */
const STEP_ONLY_ACCESS = /^\s*export\s+KUBECONFIG=|(?:>|\btee\s+(?:-a\s+)?)\s*["']?[^\s"']*kube_?config\b/i;

/** The first line of a step's script that gives kubectl a cluster for that step only, when nothing in it lasts beyond the step. */
function stepOnlyAccess(script: YScalar): Range | undefined {
  let offset = 0;
  let first: Range | undefined;
  for (const line of script.raw.split('\n')) {
    if (!/^\s*#/.test(line) && ACCESS_COMMAND.test(line)) {
      if (!STEP_ONLY_ACCESS.test(line) || /\.kube\/config|GITHUB_ENV/.test(line)) return undefined;
      first ??= rangeWithin(script, offset + line.search(/\S/), offset + line.length);
    }
    offset += line.length + 1;
  }
  return first;
}

/** The first cluster command of a script that is not a client-side dry run, unless the script gets credentials before it. */
function clusterCommand(script: YScalar): { command: string; range: Range } | undefined {
  let offset = 0;
  for (const line of script.raw.split('\n')) {
    // Credentials fetched earlier in the same script (`get-credentials ...` then `kubectl apply`).
    if (ACCESS_COMMAND.test(line) && !/^\s*#/.test(line)) return undefined;
    const match = CLUSTER_COMMAND.exec(line);
    if (match && !/^\s*#/.test(line) && !CLIENT_ONLY.test(line)) {
      const start = offset + match.index;
      return { command: match[1].replace(/\s+/g, ' '), range: rangeWithin(script, start, start + match[0].length) };
    }
    offset += line.length + 1;
  }
  return undefined;
}

function envGivesAccess(node: YNode | undefined): boolean {
  return entries(at(node, 'env')).some((e) => /KUBE/i.test(e.key));
}

/** A self-hosted runner may carry its own kubeconfig: nothing in the file says it does not. */
function selfHosted(runsOn: YNode | undefined): boolean {
  const labels = runsOn?.kind === 'seq' ? items(runsOn).flatMap((item) => scalar(item) ?? []) : [scalar(runsOn) ?? scalar(at(runsOn, 'group')) ?? ''];
  return runsOn?.kind === 'map' || labels.some((label) => !/^(ubuntu|windows|macos)-/.test(label) && label !== '');
}

function checkWorkflow(document: YamlDocument, found: Found[]): void {
  if (envGivesAccess(document.root)) return;
  for (const job of workflowJobs(document)) {
    if (job.reusable || selfHosted(at(job.spec, 'runs-on')) || envGivesAccess(job.spec)) continue;
    let access = false;
    // A step that only exports KUBECONFIG (or writes the file beside the workspace) gives the steps after it nothing.
    let exported: Range | undefined;
    for (const step of jobSteps(job)) {
      const uses = actionName(step);
      const run = at(step, 'run');
      if (uses && ACCESS_ACTION.test(uses) && !CLIENT_INSTALL.test(uses)) access = true;
      if (run?.kind !== 'scalar') continue;
      // A step's own `env:` (KUBECONFIG, the secret it decodes) lasts for that step.
      const command = access || envGivesAccess(step) ? undefined : clusterCommand(run);
      if (command) {
        found.push({ job: job.id, ...command, exported });
        break;
      }
      if (ACCESS_COMMAND.test(run.value)) {
        const onlyHere = stepOnlyAccess(run);
        if (onlyHere) exported ??= onlyHere;
        else access = true;
      }
    }
  }
}

function checkGitLab(document: YamlDocument, found: Found[]): void {
  for (const job of gitlabJobs(document.root)) {
    // The certificate-based cluster integration hands a KUBECONFIG to jobs with a kubernetes environment.
    if (entry(at(job.spec, 'environment'), 'kubernetes') || [...job.variables.keys()].some((name) => /KUBE/i.test(name))) continue;
    for (const line of job.scripts) {
      if (ACCESS_COMMAND.test(line.value)) break;
      const command = clusterCommand(line);
      if (command) {
        found.push({ job: job.id, ...command });
        break;
      }
    }
  }
}

/** Azure's Kubernetes tasks and the input that says what they do to the cluster. */
const CLUSTER_TASK: Record<string, { input: string; changes: RegExp }> = {
  KubernetesManifest: { input: 'action', changes: /^(deploy|patch|scale|promote|reject|delete)$/i },
  Kubernetes: { input: 'command', changes: /^(apply|create|replace|set|patch|rollout|delete|scale|expose)$/i },
  HelmDeploy: { input: 'command', changes: /^(upgrade|install|rollback|uninstall)$/i },
};
/** The inputs that name a cluster: a Kubernetes service connection, or an Azure subscription and its AKS cluster. */
const CONNECTION_INPUT =
  /^(kubernetesServiceConnection|kubernetesServiceEndpoint|azureSubscriptionConnection|azureSubscriptionEndpoint|azureSubscription|kubernetesCluster|kubeconfig)$/i;

/**
 * An Azure pipeline's Kubernetes task (`KubernetesManifest` deploy, `Kubernetes` apply, `HelmDeploy`
 * upgrade) that names no service connection, or a script that runs kubectl or helm before anything
 * gets credentials (`az aks get-credentials`, a `Kubernetes` login). A deployment job whose
 * `environment:` is a Kubernetes resource gets its connection from there; a self-hosted pool
 * (`pool: name`) may carry its own kubeconfig: both are left alone.
 */
function checkAzure(document: YamlDocument, found: Found[]): void {
  for (const job of azurePipelineJobs(document.root)) {
    const pool = job.pool;
    const selfHostedPool = pool?.kind === 'scalar' || (entry(pool, 'name') !== undefined && entry(pool, 'vmImage') === undefined);
    if (selfHostedPool || (job.deployment && job.environment)) continue;
    for (const step of job.steps) {
      const task = CLUSTER_TASK[step.task ?? ''];
      if (task) {
        const inputs = entries(at(step.spec, 'inputs'));
        if (inputs.some((input) => CONNECTION_INPUT.test(input.key))) break;
        const change = entry(at(step.spec, 'inputs'), task.input);
        if (change && task.changes.test(taskInput(step, task.input) ?? '')) {
          // The task as written (`KubernetesManifest@1`), so a message or question quotes what the file says; the finding sits on the input that changes the cluster.
          const written = scalar(at(step.spec, 'task'))?.trim() || (step.task ?? '');
          found.push({ job: job.implicit ? step.label : job.id, command: written, range: change.keyRange });
          break;
        }
        continue;
      }
      if (!step.script) continue;
      if (ACCESS_COMMAND.test(step.script.value)) break;
      const command = clusterCommand(step.script);
      if (command) {
        found.push({ job: job.implicit ? step.label : job.id, ...command });
        break;
      }
    }
  }
}

export default yamlRule({
  id: 'kubectl-without-cluster-credentials',
  language: 'yaml',
  documentKinds: ['github-actions', 'other'],
  category: 'delivery',
  severity: 'warning',
  anchors: ['gap:kubectl-without-cluster-credentials'],
  messages: {
    exportLost: l(
      '"{job}" job이 kubeconfig를 앞 단계에서만 지정했습니다: export는 그 단계가 끝나면 사라지므로, 이 단계의 `{command}`는 러너에 없는 ~/.kube/config를 찾다가 실패합니다',
      'Job "{job}" points kubectl at its kubeconfig in an earlier step only: an export ends with its step, so `{command}` here looks for a ~/.kube/config the runner does not have and fails',
    ),
    noAccess: l(
      '"{job}" job이 클러스터 접속 정보 없이 `{command}`를 실행합니다 (kubeconfig, 클라우드의 get-credentials, 러너에서 띄운 클러스터 어느 것도 없습니다): 이 단계는 실패할 수밖에 없습니다',
      'Job "{job}" runs `{command}` with no way into a cluster (no kubeconfig, no cloud get-credentials, no cluster started on the runner): the step can only fail',
    ),
  },
  docs: {
    summary: l(
      'CI job(GitHub Actions, GitLab CI)이 kubectl apply/set image/rollout이나 helm upgrade/install을 실행하는데, 그 앞에 kubeconfig(파일·변수·시크릿), 클라우드의 자격 증명 가져오기(gcloud get-credentials, aws eks update-kubeconfig, az aks get-credentials, 관련 액션), 직접 설정한 context, 러너 위의 로컬 클러스터(kind, minikube, k3d)가 하나도 없는 경우를 찾습니다. 앞 단계에서 KUBECONFIG 변수를 내보내기만 하거나 kubeconfig를 작업 폴더에 써 두고 다음 단계에서 kubectl을 실행하는 경우도 찾습니다(내보낸 변수는 단계가 끝나면 사라집니다; 홈 폴더의 kube 설정에 쓰거나 GitHub의 환경 파일로 넘기면 남습니다). self-hosted 러너, 클라이언트 쪽 dry run, 렌더링(kubectl kustomize, helm template)은 제외합니다. Azure Pipelines에서는 서비스 연결(kubernetesServiceConnection, azureSubscription 등)을 지정하지 않은 KubernetesManifest·Kubernetes·HelmDeploy 태스크와, 자격 증명(az aks get-credentials 등) 없이 kubectl·helm을 실행하는 스크립트를 찾습니다. 쿠버네티스 리소스 environment를 쓰는 deployment job과 self-hosted 풀(pool: name)은 제외합니다.',
      'Flags CI jobs (GitHub Actions, GitLab CI) that run kubectl apply/set image/rollout or helm upgrade/install with nothing before them that gives kubectl a cluster: no kubeconfig (file, variable or secret), no cloud credential fetch (gcloud get-credentials, aws eks update-kubeconfig, az aks get-credentials, or their actions), no context set by hand, no local cluster started on the runner (kind, minikube, k3d). A step that only exports the KUBECONFIG variable (or writes the kubeconfig into the workspace) gives the steps after it nothing, since an export ends with its step: a kubectl in a later step is flagged (a file written to the kube config in the home folder, or a variable passed on through the GitHub environment file, lasts). Self-hosted runners, client-side dry runs and renders (kubectl kustomize, helm template) are left alone. In Azure Pipelines a KubernetesManifest, Kubernetes or HelmDeploy task that names no service connection (kubernetesServiceConnection, azureSubscription...) is flagged, and so is a script that runs kubectl or helm before anything gets credentials (az aks get-credentials...); a deployment job whose environment is a Kubernetes resource, and a self-hosted pool (pool: name), are left alone.',
    ),
    why: l(
      '호스팅 러너는 빈 가상 머신입니다. kubectl이 가리킬 클러스터가 없으니 "배포" 단계는 매번 연결 오류로 끝나고, 배포 파이프라인은 한 번도 실제로 배포하지 않습니다. 로컬에서 잘 되던 명령은 내 노트북의 ~/.kube/config 덕분이었습니다.',
      'A hosted runner is an empty virtual machine: kubectl has no cluster to talk to, so the "deploy" step ends in a connection error on every run and the pipeline never deploys anything. The command worked on your laptop only because of your own ~/.kube/config.',
    ),
    bad: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: kubectl apply -f k8s/deployment.yaml\n',
    good: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n      id-token: write\n    steps:\n      - uses: actions/checkout@v4\n      # TODO: 이 job은 어느 클러스터에, 어떤 신원으로 접속해야 하나요? (OIDC로 클라우드 로그인 후 get-credentials)\n      - run: gcloud container clusters get-credentials my-cluster --region europe-west1\n      - run: kubectl apply -f k8s/deployment.yaml\n',
  },
  weeks: ['intermediate/7'],
  questions: [
    l(
      '"{job}" job이 실행되는 {unit|러너}에서 `{command}`는 어느 클러스터에 연결될까요? 그 주소와 자격 증명은 어디에서 오나요?',
      'On the {unit|runner} where "{job}" runs, which cluster does `{command}` connect to, and where do its address and credentials come from?',
    ),
    l(
      '내 노트북에서는 이 명령이 성공했습니다. 노트북에는 있고 {unit|러너}에는 없는 파일은 무엇인가요?',
      'The command works on your laptop. Which file does your laptop have that the {unit|runner} does not?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 배포 job에 클러스터 접속 정보 주기\n# 고려사항:\n# - 어느 클러스터인가요? (GKE, EKS, AKS, 러너 위의 kind)\n# - 장기 키 대신 OIDC로 클라우드에 로그인할 수 있나요?\n# - get-credentials 단계는 kubectl보다 먼저 와야 합니다\n# - run: # TODO: 클러스터 자격 증명 가져오기\n',
    en: '# TODO: give the deploy job a way into the cluster\n# Consider:\n# - which cluster is it? (GKE, EKS, AKS, kind on the runner)\n# - can the job log in to the cloud with OIDC instead of a stored key?\n# - the get-credentials step has to come before kubectl\n# - run: # TODO: fetch the cluster credentials\n',
  },
  check(context, document) {
    const found: Found[] = [];
    if (document.kind === 'github-actions') checkWorkflow(document, found);
    else if (isGitLabCi(document.root)) checkGitLab(document, found);
    else if (isAzurePipelines(document.root)) checkAzure(document, found);
    for (const f of found) {
      if (f.exported) {
        const related = [{ range: f.exported, message: l('이 단계에서만 유효한 kubeconfig', 'the kubeconfig that lasts for this step only') }];
        context.report({ range: f.range, messageId: 'exportLost', data: { job: f.job, command: f.command }, related });
      } else context.report({ range: f.range, messageId: 'noAccess', data: { job: f.job, command: f.command } });
    }
  },
});
