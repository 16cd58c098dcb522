import { at, scalar, type YMap } from './model';

/** A command that only prints or waits, with nothing piped or redirected into a real effect. */
export const PRINT_ONLY = /^(echo|printf|:|true|sleep)(\s[^|>]*)?$/;

/** The commands of a shell script, one per line or `&&`/`;` part, without comments and `set -e`. */
export function shellCommands(run: string): string[] {
  return run
    .split('\n')
    .flatMap((line) => line.split(/&&|;/))
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith('#') && part !== 'set -e' && part !== 'set -euo pipefail');
}

/** A script that only prints or waits (`echo "tests go here"`): whatever its step or job is called, it runs nothing. */
export function printsOnly(run: string): boolean {
  const parts = shellCommands(run);
  return parts.length > 0 && parts.every((part) => PRINT_ONLY.test(part));
}

/** Commands that test, lint, type-check or scan: a failure here should stop the pipeline. */
export const GATE_COMMAND =
  /\b(pytest|py\.test|unittest|tox|nox|ruff|flake8|pylint|mypy|pyright|bandit|safety|pip-audit|black\s+--check|isort\s+--check|eslint|jest|vitest|mocha|go\s+(test|vet)|cargo\s+(test|clippy)|trivy|grype|semgrep|hadolint|kube-linter|checkov|great_expectations|make\s+(test|lint|check)|npm\s+(test|run\s+(test|lint|check))|coverage\s+report)\b/;
/**
 * Commands whose failure the rest of the job depends on: installs, image builds and pushes, model
 * validation or evaluation scripts, deploys, git pushes and state-changing API calls. Teardown and
 * diagnostics (`docker rm`, `kubectl delete`, `docker logs`) are not here: ignoring them is fine.
 * The look-ahead from `docker compose` or `curl` to its verb is bounded, so a line of many such words
 * is read in one pass rather than once from each.
 */
export const STEP_COMMAND =
  /\b(pip3?\s+install|poetry\s+install|uv\s+(?:sync|pip\s+install)|npm\s+(?:ci|install)|conda\s+(?:env\s+)?(?:create|install|update)|docker\s+(?:build|push)|docker[\s-]compose\b[^\n|]{0,400}\s(?:up|build|push)\b|kubectl\s+(?:apply|set\s+image|rollout\s+(?:restart|status))|helm\s+(?:upgrade|install)|argocd\s+app\s+(?:sync|wait)|gcloud\s+run\s+deploy|aws\s+ecs\s+update-service|git\s+push|dvc\s+(?:repro|push|pull)|python3?\s+(?:-m\s+)?\S*(?:validat|evaluat|eval_|check_)\S*|curl\b[^\n|]{0,400}\s-X\s*(?:POST|PUT|PATCH))/;
/** How a step command is named in a message: `docker compose ... up` becomes "stack up". */
export function stepCommandLabel(command: string): string {
  return command.replace(/^docker[\s-]compose\b.*\s(up|build|push)$/s, 'stack $1').replace(/\s+/g, ' ');
}

const GATE_ACTION = /(ruff|lint|test|codeql|trivy|pip-audit|bandit|semgrep|snyk|grype|anchore\/scan-action|checkov)/i;

/** The test, lint or scan tool a step runs (a command in `run:` or an action), if any. */
/** A command that installs packages (`pip install pytest`, `npm ci`, `apt-get install shellcheck`): it names tools, it runs none. */
const INSTALL_COMMAND =
  /^\s*(?:sudo\s+)?(?:(?:python3?(?:\.\d+)?|py)\s+-m\s+)?(?:pip3?\s+install|uv\s+(?:pip\s+install|add|tool\s+install)|poetry\s+add|pipx\s+install|pipenv\s+install|(?:micro)?(?:conda|mamba)\s+install|npm\s+(?:i|install|ci)|yarn\s+add|pnpm\s+(?:add|install)|apt(?:-get)?\s+(?:-\S+\s+)*install|apk\s+add|brew\s+install|go\s+install|cargo\s+install)\b/;

/**
 * The first test, lint or scan command a script runs, as `GATE_COMMAND.exec` would find it (same
 * indices), with the commands that only install the tools blanked out first.
 */
export function gateCommand(script: string): RegExpExecArray | null {
  const runs = script.replace(/[^\n;&|]+/g, (segment) => (INSTALL_COMMAND.test(segment) ? ' '.repeat(segment.length) : segment));
  return GATE_COMMAND.exec(runs);
}

export function gateTool(step: YMap): string | undefined {
  const run = scalar(at(step, 'run'));
  const command = run ? gateCommand(run) : undefined;
  if (command) return command[1];
  const uses = actionName(step);
  return uses && GATE_ACTION.test(uses) ? uses : undefined;
}

/** `owner/repo[/path]` of a step's `uses:`, without the ref. */
export function actionName(step: YMap): string | undefined {
  const uses = scalar(at(step, 'uses'));
  return uses?.split('@')[0];
}

/**
 * Commands that ship something: push an image, roll out to a cluster, publish a package or a
 * release, deploy to a cloud service, upload a model. Matched per line of a `run:` script.
 */
const DEPLOY_COMMAND = [
  /\bdocker\s+(image\s+)?push\b/,
  /\bdocker\s+buildx\s+build\b[^\n]*--push\b/,
  /\b(podman|buildah)\s+push\b/,
  /\bkubectl\s+(apply|create|replace|set\s+image|rollout\s+restart|patch)\b/,
  /\bkustomize\s+build\b[^\n]*\|\s*kubectl\s+apply\b/,
  /\bhelm\s+(upgrade|install)\b/,
  /\bgke-deploy\s+run\b/,
  /\b(twine|flit)\s+upload\b/,
  /\b(poetry|uv|hatch|pdm)\s+publish\b/,
  /\bnpm\s+publish\b/,
  /\bgh\s+release\s+(create|upload)\b/,
  /\bgcloud\s+(run\s+(deploy|services\s+update)|app\s+deploy|functions\s+deploy|builds\s+submit)\b/,
  /\baz\s+(webapp|containerapp|functionapp)\b[^\n]*\b(deploy|up|update|create)\b/,
  // An Azure ML model deployment, or an endpoint's traffic switched to one; `az acr build` builds and pushes an image.
  /\baz\s+ml\s+(?:(?:online|batch)-deployment\s+(?:create|update)|(?:online|batch)-endpoint\s+update)\b/,
  /\baz\s+acr\s+build\b/,
  /\baws\s+(ecs\s+update-service|lambda\s+update-function-code|sagemaker\s+(create|update)-endpoint)\b/,
  /\b(eb|serverless|sls|flyctl|fly|railway|vercel)\s+(deploy|up)\b/,
  /\bterraform\s+apply\b/,
  // A playbook run changes the hosts it targets; `--check` and `--syntax-check` only look.
  /\bansible-playbook\b(?![^\n]*\s--(?:check|syntax-check)\b)/,
  /\bheroku\s+container:release\b/,
  /\bgit\s+push\s+(?:-\S+\s+)*(heroku|dokku|space|hf)\b/,
  // A push to a Hugging Face Space by URL (`git push --force https://user:$HF_TOKEN@huggingface.co/spaces/user/app main`) rebuilds the app.
  /\bgit\s+push\s+(?:-\S+\s+)*\S*huggingface\.co\/spaces\//,
  /\b(huggingface-cli|hf)\s+upload\b/,
  // A platform's deploy hook (Render, Railway, Netlify, Vercel): one POST starts the rollout.
  /\bcurl\b[^\n]*(deploy[_-]?hook|api\.render\.com\/deploy|api\.netlify\.com\/build_hooks|api\.vercel\.com\/v\d+\/integrations\/deploy)/i,
  // The project's own deploy script or target (`python pipelines/deploy_to_sagemaker.py`, `make deploy`). A test of it
  // is not one, nor a script named for the check it runs first (`evaluate_and_deploy`): that is a gate and a deploy in one.
  /\bpython3?\s+(?:-m\s+)?(?![\w./-]*(?:test|eval|valid|check))[\w./-]*deploy[\w./-]*/i,
  /\bmake\s+(?:-\S+\s+)*(?:deploy|release|publish)\b/,
  // Commands sent to the server over ssh that replace what runs there.
  /(?<![\w./-])ssh(?![\w-])(?=[^\n]*\b(?:docker[\s-]compose\b[^\n]*\sup\b|docker\s+run\b|kubectl\s+apply\b|systemctl\s+restart\b|git\s+pull\b))/,
];

/**
 * The commands of a script as the shell reads them: a command continued with trailing backslashes
 * (`docker buildx build \` ... `--push`) is one line, and so is a quoted string or a heredoc that
 * spans lines (`ssh host "` / `cd app && git pull && docker compose up -d"`, `ssh host <<'EOF'`):
 * the commands it holds belong to the line that opens it. One pass over the characters.
 */
export function logicalLines(script: string): string[] {
  const lines: string[] = [];
  let open: string | undefined;
  let quote: '"' | "'" | undefined;
  let heredoc: string | undefined;
  // A generated or minified line is read only as far as a command runs: the deploy patterns look ahead
  // along the line from every command word, so an unbounded line costs the square of its length.
  const physicals = script.split(/(?<!\\[ \t]*)\n/).map((part) => part.replace(/\\[ \t]*\n/g, ' ').slice(0, MAX_LINE));
  for (const physical of physicals) {
    if (heredoc !== undefined) {
      if (physical.trim() === heredoc) {
        heredoc = undefined;
        lines.push(open ?? '');
        open = undefined;
      } else if ((open ?? '').length + physical.length > MAX_JOINED) {
        lines.push(open ?? '', physical);
        heredoc = undefined;
        open = undefined;
      } else open = `${open ?? ''} ${physical}`;
      continue;
    }
    quote = quoteAfter(physical, quote);
    const line = open === undefined ? physical : `${open} ${physical}`;
    const doc = quote === undefined ? HEREDOC.exec(physical) : null;
    if (doc) heredoc = doc[2];
    // A quote or heredoc left open for longer than a remote script runs (a stray apostrophe) is not
    // followed further: each line stands alone again, and no line grows past what the patterns scan quickly.
    if ((quote !== undefined || heredoc !== undefined) && line.length <= MAX_JOINED) open = line;
    else {
      quote = undefined;
      heredoc = undefined;
      lines.push(line);
      open = undefined;
    }
  }
  if (open !== undefined) lines.push(open);
  return lines;
}

/** The longest command a quoted string or heredoc is joined into (a remote script of a few dozen lines). */
const MAX_JOINED = 1500;

/** How much of one line of a script is read for what it ships: far more than any command a person writes. */
const MAX_LINE = 4000;

/** `<<EOF`, `<<-'EOF'`, `<< "EOF"`: a heredoc whose body runs until a line holding only the word. */
const HEREDOC = /(?<!<)<<-?(?!<)\s*(['"]?)([A-Za-z_]\w*)\1/;

/** The quote still open at the end of a line, given the one open at its start (a `#` outside quotes ends the line). */
function quoteAfter(line: string, open: '"' | "'" | undefined): '"' | "'" | undefined {
  let quote = open;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (c === '\\') i++;
    else if (quote === '"') {
      if (c === '"') quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
  }
  return quote;
}

/** What only publishes an artefact (an image, a package, a release): no running environment changes. */
const PUBLISH_ONLY = /\b(push|upload|publish|release|builds?)\b|build-push-action|pypi|huggingface_hub/;

/**
 * What a step rolls out to a running environment (a cluster, a cloud service, a server), if
 * anything: `kubectl apply`, `helm upgrade`, `gcloud run deploy`, `git push heroku`, a deploy action.
 */
export function rolloutAction(step: YMap): string | undefined {
  const action = deployAction(step);
  if (!action) return undefined;
  return /\bgit push\b/.test(action) || !PUBLISH_ONLY.test(action) ? action : undefined;
}

/** What a script rolls out to a running environment (see `rolloutAction`), if anything. */
export function rolloutCommand(script: string): string | undefined {
  const action = deployCommand(script);
  return action && (/\bgit push\b/.test(action) || !PUBLISH_ONLY.test(action)) ? action : undefined;
}

/** Actions that ship something (by `owner/repo` prefix). `docker/build-push-action` counts only with `push`. */
const DEPLOY_ACTION =
  /^(pypa\/gh-action-pypi-publish|azure\/(webapps-deploy|k8s-deploy|container-apps-deploy-action|functions-action|aci-deploy)|google-github-actions\/(deploy-cloudrun|deploy-appengine|deploy-cloud-functions)|aws-actions\/(amazon-ecs-deploy-task-definition|aws-cloudformation-github-deploy)|akhileshns\/heroku-deploy|superfly\/flyctl-actions|amondnet\/vercel-action|appleboy\/ssh-action|huggingface\/huggingface_hub)/i;

/**
 * A third-party action whose own name says it deploys (`gonuit/heroku-docker-deploy`,
 * `johnbeynon/render-deploy-action`, `some-org/deploy-to-railway`), except a static site's
 * publishing (GitHub Pages), which is not a service rollout.
 */
const NAMED_DEPLOY_ACTION = /^(?![^/]*\/[^/]*pages)[\w.-]+\/[\w.-]*\bdeploy\b[\w.-]*$/i;

/** What a step ships, for a message: the command or the action; undefined if it ships nothing. */
export function deployAction(step: YMap): string | undefined {
  const uses = actionName(step);
  if (uses) {
    if (/^docker\/build-push-action$/i.test(uses)) {
      const push = scalar(at(step, 'with.push'));
      return push !== undefined && push !== 'false' ? `${uses} (push)` : undefined;
    }
    return DEPLOY_ACTION.test(uses) || NAMED_DEPLOY_ACTION.test(uses) ? uses : undefined;
  }
  const run = scalar(at(step, 'run'));
  return run ? deployCommand(run) : undefined;
}

/**
 * The first command of a script that ships something (see `DEPLOY_COMMAND`), as a message names it.
 * A URL that carries a user and token (`https://user:$HF_TOKEN@huggingface.co/...`) is left out: a
 * message quoted in the chat, the editor and the CLI's output never repeats a credential.
 */
export function deployCommand(script: string): string | undefined {
  for (const line of logicalLines(script)) {
    if (/^\s*#/.test(line)) continue;
    for (const pattern of DEPLOY_COMMAND) {
      const match = pattern.exec(line);
      if (match) return match[0].replace(/\s+/g, ' ').replace(/\s+\S*:\/\/[^\s/@]+@\S*/g, '');
    }
  }
  return undefined;
}
