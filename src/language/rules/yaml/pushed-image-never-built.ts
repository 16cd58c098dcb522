import { l, yamlRule } from '../../rule';
import type { Range } from '../../types';
import { jobSteps, workflowJobs } from '../../yaml/actions';
import { at, entries, rangeWithin, scalar, type YMap, type YScalar } from '../../yaml/model';
import { scriptPushes, type ImageRef, type ScriptPushes } from '../../yaml/pushes';

/** A reference as the local image store names it: no `docker.io/library/`, the implicit `:latest` written out. */
function local(reference: string): string {
  const name = reference
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/^(index\.)?docker\.io\//i, '')
    .replace(/^library\//i, '')
    .toLowerCase();
  const last = name.slice(name.lastIndexOf('/') + 1);
  return last.includes(':') || name.includes('@') ? name : `${name}:latest`;
}

/** A part only the run knows (`$VAR`, a masked `${{ }}`, `$(...)`). */
const UNKNOWN = /\$|x{4,}|`/i;
/** Actions that build images into the runner's local store (or may): their tags cannot be listed here. */
const BUILDER_ACTION = /(^|\/)(bake-action|buildah-build|kaniko|jib|docker-build|setup-minikube|kind-action)/i;

/**
 * What a set of scripts makes locally, or undefined when something else may make images too, or
 * when they build nothing at all (a push whose image comes from a step not read here).
 */
function madeBy(all: readonly { pushes: ScriptPushes }[]): Set<string> | undefined {
  if (all.some(({ pushes }) => pushes.obtainsOpaque || pushes.opaque)) return undefined;
  const made = new Set(all.flatMap(({ pushes }) => [...pushes.tagged, ...(pushes.obtained ?? []), ...pushes.pushed.filter((p) => p.built)].map((r) => local(r.reference))));
  return made.size > 0 || all.some(({ pushes }) => pushes.untaggedBuild) ? made : undefined;
}

/**
 * The local images a script needs but the scripts never make: a `docker tag` source or a `docker
 * push` target that no `docker build -t`, `docker tag`, `docker pull` of them produced. Nothing is
 * said when something else may have made images (`made` undefined: a compose build, `docker load`,
 * make) or when a reference holds a part only the run knows.
 */
function wanted(pushes: ScriptPushes, made: ReadonlySet<string>): { ref: ImageRef; kind: 'tag' | 'push' }[] {
  return [
    ...(pushes.tagSources ?? []).map((ref) => ({ ref, kind: 'tag' as const })),
    ...pushes.pushed.filter((p) => !p.built).map((ref) => ({ ref, kind: 'push' as const })),
  ].filter(({ ref }) => {
    const name = local(ref.reference);
    return !made.has(name) && !UNKNOWN.test(name);
  });
}

export default yamlRule({
  id: 'pushed-image-never-built',
  language: 'yaml',
  documentKinds: ['github-actions'],
  category: 'delivery',
  severity: 'warning',
  anchors: ['gap:pushed-image-never-built'],
  messages: {
    push: l(
      '"{image}"을 push하지만 이 job(스크립트)은 그 이름으로 이미지를 빌드하거나 태그한 적이 없습니다({made}). push는 실패하거나, 러너에 남아 있던 다른 이미지를 올립니다',
      'This pushes "{image}", but the job (script) never built or tagged an image of that name ({made}): the push fails, or ships whatever old image the machine still holds',
    ),
    tag: l(
      '"{image}"에 태그를 붙이지만 이 job(스크립트)은 그 이미지를 빌드하거나 받아 온 적이 없습니다({made}). 이 단계는 "No such image"로 실패합니다',
      'This tags "{image}", but the job (script) never built or pulled that image ({made}): the step fails with "No such image"',
    ),
  },
  docs: {
    summary: l(
      '워크플로 job이나 배포 스크립트가 `docker push`하거나 `docker tag`의 원본으로 쓰는 이미지 이름이, 같은 job(스크립트들)의 `docker build -t`, `docker tag`, `docker pull` 어디에서도 만들어지지 않은 경우를 찾습니다 (태그 없이 push하면 :latest). compose build, docker load, make나 빌드 액션처럼 다른 것이 이미지를 만들 수 있거나, 이름에 실행 때만 정해지는 부분(변수, 식)이 있으면 판단하지 않습니다.',
      'Flags a workflow job or deploy script that pushes, or tags from, an image name that no `docker build -t`, `docker tag` or `docker pull` of the same job (or scripts) produced (a push with no tag means :latest). Nothing is said when something else may have made images (a compose build, docker load, make, a build action) or when the name holds a part only the run knows (a variable, an expression).',
    ),
    why: l(
      '`docker build -t app:latest .` 다음 `docker push me/app:latest`는 계정 이름이 붙은 이미지가 없으므로 실패합니다. 로컬 러너나 개발 PC에서는 예전에 만든 이미지가 남아 있어 성공하기도 하는데, 그러면 방금 빌드한 코드가 아니라 지난 빌드가 레지스트리로 갑니다. 어느 쪽이든 배포되는 것은 이번 커밋이 아닙니다.',
      '`docker build -t app:latest .` followed by `docker push me/app:latest` fails: no image carries the account name. On a self-hosted runner or a laptop it may succeed, because an image from an earlier build is still there; then the registry gets that old build, not the code just built. Either way, what ships is not this commit.',
    ),
    bad: 'on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t model-api:latest .\n      - run: docker push acme/model-api:latest\n',
    good: 'on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      # TODO: 빌드할 때 붙인 이름과 push하는 이름이 같은가요? 태그는 무엇으로 할까요?\n      - run: docker build -t acme/model-api:${{ github.sha }} .\n      - run: docker push acme/model-api:${{ github.sha }}\n',
  },
  weeks: ['intermediate/2', 'advanced/7'],
  questions: [
    l(
      '"{written}"가 가리키는 이미지는 이 job의 어느 명령이 만드나요? 빌드할 때 붙인 이름은 무엇이었나요?',
      'Which command of this job makes the image "{written}" names? What name did the build give its image?',
    ),
    l(
      '개발 PC에서는 이 push가 성공했다면, 그때 레지스트리로 간 것은 어느 빌드의 이미지였을까요?',
      'If this push worked on your laptop, which build was the image it sent to the registry?',
    ),
  ],
  scaffold: {
    ko: '# TODO: 빌드, 태그, push가 같은 이름을 쓰게 하기\n# 고려사항:\n# - 이미지 이름(레지스트리/계정/저장소)을 변수 하나로 두고 세 명령이 함께 쓰나요?\n# - 태그는 커밋 SHA처럼 빌드마다 달라지나요?\n# docker build -t # TODO .\n# docker push # TODO\n',
    en: '# TODO: make build, tag and push use the same name\n# Consider:\n# - is the image name (registry/account/repository) one variable all three commands use?\n# - does the tag change with every build (the commit SHA)?\n# docker build -t # TODO .\n# docker push # TODO\n',
  },
  check(context, document) {
    for (const job of workflowJobs(document)) {
      const steps = jobSteps(job);
      // A build action may load images into the runner: its tags are not read here.
      if (steps.some((step) => BUILDER_ACTION.test(scalar(at(step, 'uses')) ?? '') || /build-push-action/.test(scalar(at(step, 'uses')) ?? ''))) continue;
      const scripts: { pushes: ScriptPushes; node: YScalar }[] = [];
      for (const step of steps) {
        const run = at(step, 'run');
        if (run?.kind === 'scalar') scripts.push({ pushes: scriptPushes(run.raw, plainEnv(job.spec, step)), node: run });
      }
      const made = madeBy(scripts);
      if (!made) continue;
      for (const { pushes, node } of scripts)
        for (const { ref, kind } of wanted(pushes, made))
          context.report({
            range: rangeWithin(node, ref.index, ref.index + ref.length),
            messageId: kind,
            data: { image: local(ref.reference), written: node.raw.slice(ref.index, ref.index + ref.length), made: madeList(made) },
          });
    }
  },
  // Deploy scripts (`upload_docker.sh` after `run_docker.sh`) run on one machine: their images are shared.
  project(context) {
    const scripts: { path: string; text: string; pushes: ScriptPushes; ranges: Range[]; starts: number[] }[] = [];
    for (const [path, facts] of context.view.files) {
      if (facts.kind !== 'script' || facts.commands.length === 0) continue;
      const starts: number[] = [];
      let text = '';
      for (const command of facts.commands) {
        starts.push(text.length);
        text += command.text + '\n';
      }
      scripts.push({ path, text, pushes: scriptPushes(text), ranges: facts.commands.map((c) => c.range), starts });
    }
    const made = madeBy(scripts);
    if (!made) return;
    for (const { path, text, pushes, ranges, starts } of scripts)
      for (const { ref, kind } of wanted(pushes, made)) {
        let index = 0;
        while (index + 1 < starts.length && starts[index + 1] <= ref.index) index++;
        const written = text.slice(ref.index, ref.index + ref.length);
        context.report({ path, range: ranges[index], messageId: kind, data: { image: local(ref.reference), written, made: madeList(made) } });
      }
  },
});

/** The names the scripts did make, for the message. */
function madeList(made: ReadonlySet<string>): string {
  const names = [...made].slice(0, 3);
  return names.length === 0 ? 'none' : names.join(', ');
}

/** The plain-text `env:` of a job and a step (a step's wins), which `$NAME` in its script reads. */
function plainEnv(job: YMap | undefined, step: YMap): Map<string, string> {
  const env = new Map<string, string>();
  for (const node of [job, step])
    for (const e of entries(at(node, 'env'))) {
      const value = scalar(e.value);
      if (value !== undefined) env.set(e.key, value);
    }
  return env;
}
