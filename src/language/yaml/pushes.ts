import { workflowJobs, jobSteps } from './actions';
import { cloudBuildSteps, isCloudBuild } from './cloud-build';
import { gitlabJobs, isGitLabCi } from './gitlab-ci';
import { repository } from './images';
import { at, entries, items, scalar, type YamlDocument, type YMap, type YScalar } from './model';

/**
 * Which image references a script pushes to a registry, and under which tags. A release that
 * goes out only as `:latest` cannot be traced to a commit or rolled back; deciding that needs
 * every push of the workflow or script, with tags held in variables resolved where the text
 * says what they hold, and "cannot tell" kept apart from "latest".
 */

/** One image reference a script pushes (or tags locally), resolved as far as the text allows. */
export interface ImageRef {
  /** The reference with the variables the script or its `env:` define substituted. */
  readonly reference: string;
  /** `latest` (also an implicit one: a push with no tag), `other`, or `unknown` (a tag only the run knows). */
  readonly tag: 'latest' | 'other' | 'unknown';
  /** Offset and length of the word in the script text, for the finding's range. */
  readonly index: number;
  readonly length: number;
  /** The variable the tag came from (`:$IMAGE_TAG`, `:${{ env.TAG }}`), to point at where it is set. */
  readonly tagVariable?: string;
  /** Pushed by the build that made it (`docker buildx build --push`, `gcloud builds submit --tag`). */
  readonly built?: boolean;
}

export interface ScriptPushes {
  readonly pushed: readonly ImageRef[];
  /** Local tags (`docker build -t`, `docker tag`): an untagged `docker push name` may push them too on old clients. */
  readonly tagged: readonly ImageRef[];
  /** A push whose targets cannot be listed (`--all-tags`, `docker compose push`, `$IMAGE`). */
  readonly opaque: boolean;
  /** The sources of `docker tag SOURCE TARGET`: local images the script expects to exist. */
  readonly tagSources?: readonly ImageRef[];
  /**
   * Images the script gets from elsewhere (`docker pull`, `docker load`, `docker commit`, a build
   * with no `-t`, `docker compose build`): `opaque` when which ones cannot be told.
   */
  readonly obtained?: readonly ImageRef[];
  readonly obtainsOpaque?: boolean;
  /** A `docker build` with no `-t`: it made an image only its ID names. */
  readonly untaggedBuild?: boolean;
}

/** `${{ ... }}` expressions, replaced by a run of `X` of the same length so words keep their offsets. */
const EXPRESSION = /\$\{\{[\s\S]*?\}\}/g;
const ASSIGNMENT = /(?:^|[\s;])(?:export\s+)?([A-Za-z_]\w*)=(["']?)([^\s"';&|]*)\2/g;
/** One shell command: up to a newline that is not a continuation, `;`, `&&` or `||`. */
const COMMAND = /(?:\\\n|[^\n;&|])+/g;

/** The tag part of a reference: after the last `:` of the last path segment; a digest is pinned. */
function tagOf(reference: string, implicitLatest: boolean): ImageRef['tag'] {
  if (reference.includes('@')) return 'other';
  const last = reference.slice(reference.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  // A variable or expression where the tag would be may hold one.
  if (colon < 0) return OPAQUE.test(last) || !implicitLatest ? 'unknown' : 'latest';
  const tag = last.slice(colon + 1);
  if (tag === '' || OPAQUE.test(tag)) return 'unknown';
  return tag === 'latest' ? 'latest' : 'other';
}

/** What is left of a variable or expression nobody defined: `$NAME` or the `XXXX` of a masked `${{ }}`. */
const OPAQUE = /\$|X{4,}/;

/**
 * The image references `script` pushes and tags. `env` holds the variables the surrounding
 * configuration defines (a workflow's `env:`); `${{ env.NAME }}` and `$NAME` read it, other
 * expressions are values only the run knows.
 */
export function scriptPushes(script: string, env: ReadonlyMap<string, string> = new Map()): ScriptPushes {
  const variables = new Map(env);
  const masked = script.replace(EXPRESSION, (m) => 'X'.repeat(m.length));
  // A command substitution (`TAG=$(git rev-parse --short HEAD)`) is a value only the run knows.
  for (const match of masked.matchAll(ASSIGNMENT)) if (!/\$\(|`/.test(match[3])) variables.set(match[1], match[3]);
  const resolve = (index: number, length: number): string => {
    let word = script.slice(index, index + length).replace(/^["']|["']$/g, '');
    word = word.replace(/\$\{\{\s*env\.(\w+)\s*\}\}/g, (m, name: string) => variables.get(name) ?? 'XXXX');
    word = word.replace(EXPRESSION, 'XXXX');
    return word.replace(/\$\{?(\w+)\}?/g, (m, name: string) => variables.get(name) ?? m);
  };
  const pushed: ImageRef[] = [];
  const tagged: ImageRef[] = [];
  const tagSources: ImageRef[] = [];
  const obtained: ImageRef[] = [];
  let opaque = false;
  let obtainsOpaque = false;
  let untaggedBuild = false;
  const ref = (index: number, word: string, implicitLatest: boolean): ImageRef => {
    const reference = resolve(index, word.length);
    const tagVariable = /:(?:\$\{\{\s*env\.(\w+)\s*\}\}|\$\{?(\w+)\}?)["']?$/.exec(script.slice(index, index + word.length));
    return { reference, tag: tagOf(reference, implicitLatest), index, length: word.length, tagVariable: tagVariable?.[1] ?? tagVariable?.[2] };
  };
  for (const command of masked.matchAll(COMMAND)) {
    const text = command[0];
    const words = [...text.matchAll(/[^\s\\]+/g)].map((w) => ({ word: w[0], index: command.index + w.index }));
    const names = words.map((w) => w.word);
    const at = (i: number) => words[i];
    const start = names.findIndex((w) => /^(docker|podman|gcloud|docker-compose)$/.test(w));
    // Another builder (make, a build script, buildah, pack, bentoml, mlflow) may leave images behind.
    if (/^(make|buildah|pack|bentoml|mlflow|skaffold|kaniko|bash|sh)$|\.sh$/.test(names[0] ?? '')) obtainsOpaque = true;
    if (start < 0) continue;
    const verbs = names.slice(start + 1, start + 4).filter((w) => !w.startsWith('-'));
    const tool = names[start];
    if ((tool === 'docker' && verbs[0] === 'compose' && verbs[1] === 'push') || (tool === 'docker-compose' && verbs[0] === 'push')) {
      opaque = true;
      continue;
    }
    if (
      (tool === 'docker' && verbs[0] === 'compose') ||
      tool === 'docker-compose' ||
      /^(load|commit|import|buildx)$/.test(verbs[0] ?? '') ||
      (verbs[0] === 'image' && verbs[1] === 'load')
    )
      obtainsOpaque ||= verbs[0] !== 'buildx' || verbs[1] === 'bake';
    if ((tool === 'docker' || tool === 'podman') && (verbs[0] === 'pull' || (verbs[0] === 'image' && verbs[1] === 'pull'))) {
      const target = words.slice(names.indexOf('pull', start) + 1).find((w) => !w.word.startsWith('-'));
      if (target) obtained.push(ref(target.index, target.word, true));
      continue;
    }
    const tagWords = (): number[] => {
      const found: number[] = [];
      for (let i = start + 1; i < words.length; i++) {
        if (/^(-t|--tag)$/.test(names[i]) && words[i + 1]) found.push(i + 1);
        else if (/^--tag=/.test(names[i])) found.push(i);
      }
      return found;
    };
    const fromTagWord = (i: number, implicitLatest: boolean): ImageRef => {
      const { word, index } = at(i);
      const offset = word.startsWith('--tag=') ? 6 : 0;
      return ref(index + offset, word.slice(offset), implicitLatest);
    };
    if ((tool === 'docker' || tool === 'podman') && (verbs[0] === 'push' || (verbs[0] === 'image' && verbs[1] === 'push'))) {
      const verbAt = names.indexOf('push', start);
      const rest = words.slice(verbAt + 1);
      if (rest.some((w) => /^(-a|--all-tags)$/.test(w.word))) opaque = true;
      const target = rest.find((w) => !w.word.startsWith('-'));
      if (target) pushed.push(ref(target.index, target.word, true));
      continue;
    }
    if ((tool === 'docker' || tool === 'podman') && (verbs[0] === 'tag' || (verbs[0] === 'image' && verbs[1] === 'tag'))) {
      const verbAt = names.indexOf('tag', start);
      const operands = words.slice(verbAt + 1).filter((w) => !w.word.startsWith('-'));
      if (operands[1]) tagged.push(ref(operands[1].index, operands[1].word, true));
      if (operands[0]) tagSources.push(ref(operands[0].index, operands[0].word, true));
      continue;
    }
    const build =
      (tool === 'docker' || tool === 'podman') && (verbs[0] === 'build' || (verbs[0] === 'buildx' && verbs[1] === 'build') || (verbs[0] === 'image' && verbs[1] === 'build'));
    if (build) {
      const pushes = names.some((w, i) => i > start && (w === '--push' || /^--output=?.*type=registry|^-o$/.test(w)));
      const tags = tagWords();
      for (const i of tags) (pushes ? pushed : tagged).push(pushes ? { ...fromTagWord(i, true), built: true } : fromTagWord(i, true));
      if (tags.length === 0) untaggedBuild = true;
      continue;
    }
    // `gcloud builds submit --tag gcr.io/p/app`: Cloud Build builds and pushes the tag it is given.
    if (tool === 'gcloud' && verbs[0] === 'builds' && verbs[1] === 'submit') for (const i of tagWords()) pushed.push({ ...fromTagWord(i, true), built: true });
  }
  return { pushed, tagged, opaque, tagSources, obtained, obtainsOpaque, untaggedBuild };
}

/**
 * Is every push of a set of scripts a `:latest` one? An unknown tag, a push of another tag, an
 * opaque push, or a local non-latest tag of a repository pushed untagged clears the set.
 */
export function onlyLatestPushed(all: readonly ScriptPushes[]): boolean {
  const pushed = all.flatMap((s) => s.pushed);
  if (pushed.length === 0 || all.some((s) => s.opaque)) return false;
  if (pushed.some((p) => p.tag !== 'latest')) return false;
  const repositories = new Set(pushed.map((p) => repository(p.reference)));
  return !all.some((s) => s.tagged.some((t) => t.tag !== 'latest' && repositories.has(repository(t.reference))));
}

/** docker/build-push-action: what `tags:` pushes when `push:` is on (an expression counts as on), or tags locally. */
export function buildPushAction(step: YMap, env: ReadonlyMap<string, string> = new Map()): (ScriptPushes & { node: YScalar }) | undefined {
  if (!/(^|\/)build-push-action@/.test(scalar(at(step, 'uses')) ?? '')) return undefined;
  const tags = at(at(step, 'with'), 'tags');
  if (tags?.kind !== 'scalar') return undefined;
  const push = (scalar(at(at(step, 'with'), 'push')) ?? 'false').trim();
  // One tag per line or comma-separated: read as a script of `docker push` lines to share the tag logic.
  const parsed = scriptPushes(
    tags.raw
      .split(/[\n,]/)
      .map((t) => (t.trim() ? `docker push ${t.trim()}` : ''))
      .join('\n'),
    env,
  );
  return push === 'false' ? { pushed: [], tagged: parsed.pushed, opaque: false, node: tags } : { ...parsed, node: tags };
}

/** The plain-text `env:` values of a workflow, job or step, added to `into`. */
function plainEnv(node: YMap | undefined, into: Map<string, string>): Map<string, string> {
  for (const e of entries(at(node, 'env'))) {
    const value = scalar(e.value);
    if (value !== undefined) into.set(e.key, value);
  }
  return into;
}

/**
 * What a workflow, GitLab CI pipeline or Cloud Build config pushes to a registry (`docker push`, build-push-action
 * tags, Cloud Build `images:`), with the variables its `env:` defines substituted, and the text of
 * the commands it runs (to tell whether it rewrites a manifest's image before applying it).
 */
export function pipelinePushes(document: YamlDocument): { pushes: ScriptPushes[]; scripts: string[] } {
  const pushes: ScriptPushes[] = [];
  const scripts: string[] = [];
  if (document.kind === 'github-actions') {
    const workflowEnv = plainEnv(document.root?.kind === 'map' ? document.root : undefined, new Map());
    for (const job of workflowJobs(document)) {
      const jobEnv = plainEnv(job.spec, new Map(workflowEnv));
      for (const step of jobSteps(job)) {
        const run = at(step, 'run');
        const stepEnv = plainEnv(step, new Map(jobEnv));
        if (run?.kind === 'scalar') {
          pushes.push(scriptPushes(run.raw, stepEnv));
          scripts.push(run.value);
        }
        const action = buildPushAction(step, stepEnv);
        if (action) pushes.push(action);
        // An action that deploys with an image input (`azure/k8s-deploy` images:, `kustomize` edits) sets the image itself.
        const images = scalar(at(at(step, 'with'), 'images'));
        if (images) scripts.push(`set image ${images}`);
      }
    }
  } else if (isGitLabCi(document.root)) {
    for (const job of gitlabJobs(document.root)) {
      for (const line of job.scripts) {
        pushes.push(scriptPushes(line.raw, job.variables));
        scripts.push(line.value);
      }
    }
  } else if (isCloudBuild(document.root)) {
    const steps = cloudBuildSteps(document.root);
    for (const step of steps) {
      pushes.push(scriptPushes(step.command));
      scripts.push(step.command);
    }
    const images = items(at(document.root, 'images')).flatMap((image) => scalar(image) ?? []);
    if (images.length) pushes.push(scriptPushes(images.map((image) => `docker push ${image}`).join('\n')));
  }
  return { pushes, scripts };
}
