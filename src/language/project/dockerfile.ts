import { suppressionList } from '../suppress';
import type { Range } from '../types';
import type { DockerfileFacts, InstructionFact, StageFact } from './facts';

/**
 * A small line-based Dockerfile reader: logical lines (continuations, comments inside them,
 * heredocs skipped, the `escape` parser directive), the instructions the project rules need
 * per build stage, and exec-form arguments read as JSON. Anything it does not understand is
 * ignored; it never throws.
 */

interface Instruction {
  readonly keyword: string;
  /** The keyword as written (`FFROM`, `git`), for messages. */
  readonly word: string;
  readonly args: string;
  readonly range: Range;
}

/** Every instruction Docker knows; any other word at the start of an instruction fails the build. */
const KNOWN_INSTRUCTIONS = new Set([
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
]);

/** Base images that already run as an unprivileged user. */
// AWS Lambda base images: the Lambda service runs the function as its own unprivileged user,
// whatever the image declares.
// Dev container images (mcr.microsoft.com/devcontainers): VS Code connects as their `vscode` user.
// Official images that switch to their own user: Airflow (airflow), Spark (185), Superset, Kafka
// (appuser), Ray (ray), Jenkins, Grafana (472), Prometheus and its exporters (nobody), Elastic.
// Model servers that end on their own user: the KServe predictor images (USER 1000), MLServer
// (USER 1000) and TorchServe (model-server).
export const NON_ROOT_BASE =
  /^(docker\.io\/)?kserve\/\w+server([:@]|$)|^(docker\.io\/)?(seldonio\/mlserver|pytorch\/torchserve)([:@]|$)|^(docker\.io\/)?apache\/(airflow|spark|superset|kafka)([:@]|$)|^(docker\.io\/)?(rayproject\/ray(-[a-z]+)?|jenkins\/jenkins|grafana\/grafana(-oss|-enterprise)?|prom\/[\w-]+|quay\.io\/prometheus\/[\w-]+)([:@]|$)|^docker\.elastic\.co\/|^mcr\.microsoft\.com\/(vscode\/)?devcontainers\/|(^|[/:@-])(nonroot|rootless|unprivileged)([:@-]|$)|^(cgr\.dev|chainguard)\/|^(docker\.io\/)?bitnami\/|^(quay\.io\/)?jupyter\/|^scratch$|^public\.ecr\.aws\/lambda\/|^(docker\.io\/)?amazon\/aws-lambda-/i;

export function dockerfileFacts(text: string): DockerfileFacts {
  const stages: MutableStage[] = [];
  const args: Record<string, string> = {};
  const unknown: { keyword: string; range: Range }[] = [];
  for (const instruction of instructions(text)) {
    const stage = stages[stages.length - 1];
    if (!KNOWN_INSTRUCTIONS.has(instruction.keyword)) unknown.push({ keyword: instruction.word, range: instruction.range });
    switch (instruction.keyword) {
      case 'FROM': {
        const words = instruction.args.split(/\s+/).filter((w) => !w.startsWith('--'));
        const image = substitute(words[0] ?? '', args);
        const alias = words[1]?.toUpperCase() === 'AS' ? words[2] : undefined;
        stages.push({ image, alias, range: instruction.range, expose: [], env: {}, runs: [], copies: [], envs: [] });
        break;
      }
      case 'ARG':
        if (!stage) {
          const [name, value] = splitAssignment(instruction.args);
          if (name && value !== undefined) args[name] = value;
        }
        break;
      case 'ENV':
        if (stage) {
          const pairs = envPairs(instruction.args);
          Object.assign(stage.env, pairs);
          for (const [name, value] of Object.entries(pairs)) stage.envs.push({ name, value, range: instruction.range });
        }
        break;
      case 'USER':
        if (stage) stage.user = fact(instruction);
        break;
      case 'CMD':
        if (stage) stage.cmd = fact(instruction);
        break;
      case 'ENTRYPOINT':
        if (stage) stage.entrypoint = fact(instruction);
        break;
      case 'HEALTHCHECK':
        if (stage) stage.healthcheck = healthcheck(instruction);
        break;
      case 'WORKDIR':
        if (stage) stage.workdir = instruction.args.trim();
        break;
      case 'EXPOSE':
        if (stage) {
          for (const port of instruction.args.split(/\s+/)) {
            const number = /^(\d{1,5})(\/(tcp|udp))?$/i.exec(port)?.[1];
            if (number) stage.expose.push({ port: Number(number), range: instruction.range });
          }
        }
        break;
      case 'RUN':
        if (stage) stage.runs.push(fact(instruction));
        break;
      case 'COPY':
      case 'ADD':
        if (stage) stage.copies.push(fact(instruction));
        break;
    }
  }
  return { kind: 'dockerfile', stages, args, unknown, suppressions: suppressionList(text) };
}

type MutableStage = { -readonly [K in keyof StageFact]: StageFact[K] } & {
  env: Record<string, string>;
  expose: { port: number; range: Range }[];
  runs: InstructionFact[];
  copies: InstructionFact[];
  envs: { name: string; value: string; range: Range }[];
};

function fact(instruction: Instruction): InstructionFact {
  return { text: instruction.args, words: execForm(instruction.args), range: instruction.range };
}

function healthcheck(instruction: Instruction): InstructionFact {
  const cmd = /^(?:--\S+\s+)*CMD\s+([\s\S]*)$/i.exec(instruction.args.trim());
  if (!cmd) return { text: instruction.args.trim(), range: instruction.range };
  return { text: cmd[1], words: execForm(cmd[1]), range: instruction.range };
}

/** `["gunicorn", "-b", ":8000"]` as words; undefined for the shell form. */
function execForm(args: string): string[] | undefined {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return Array.isArray(parsed) && parsed.every((w) => typeof w === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function splitAssignment(text: string): [string | undefined, string | undefined] {
  const match = /^\s*(\w+)(?:=(?:"([^"]*)"|'([^']*)'|(\S*)))?/.exec(text);
  return match ? [match[1], match[2] ?? match[3] ?? match[4]] : [undefined, undefined];
}

/** `ENV A=1 B="two words"` and the legacy `ENV A 1`. */
function envPairs(text: string): Record<string, string> {
  const trimmed = text.trim();
  const legacy = /^(\w+)\s+([^=]*)$/.exec(trimmed);
  if (legacy) return { [legacy[1]]: legacy[2].trim() };
  const result: Record<string, string> = {};
  for (const match of trimmed.matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S*))/g)) result[match[1]] = match[2] ?? match[3] ?? match[4] ?? '';
  return result;
}

/** `${NAME}`, `$NAME` and `${NAME:-default}` replaced by the ARG defaults known before FROM. */
export function substitute(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g, (whole, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    return values[name] ?? fallback ?? whole;
  });
}

const DIRECTIVE = /^#\s*(\w+)\s*=\s*(\S+)\s*$/;
const HEREDOC = /<<(-?)\s*["']?([A-Za-z_]\w*)["']?/g;

/** The logical instructions of a Dockerfile. */
export function instructions(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  let directives = true;
  const result: Instruction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (directives) {
      const directive = DIRECTIVE.exec(trimmed);
      if (directive && directive[1].toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) escape = directive[2];
      if (directive) continue;
      directives = false;
    }
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const startLine = i;
    const startColumn = line.length - line.trimStart().length;
    let logical = trimmed;
    while (logical.endsWith(escape) && i + 1 < lines.length) {
      logical = logical.slice(0, -1);
      i++;
      // Comment lines inside a continuation are dropped, as Docker does, and so are empty ones
      // (deprecated, a warning in BuildKit, but the build goes on).
      while (i < lines.length && /^\s*(#|$)/.test(lines[i])) i++;
      if (i >= lines.length) break;
      logical += ' ' + lines[i].trim();
    }
    // A heredoc's body belongs to the instruction and is skipped.
    const delimiters = [...logical.matchAll(HEREDOC)].map((m) => ({ strip: m[1] === '-', word: m[2] }));
    for (const { strip, word } of delimiters) {
      while (i + 1 < lines.length) {
        i++;
        if ((strip ? lines[i].trim() : lines[i]) === word) break;
      }
    }
    // A shell fragment cut off its RUN (`&& rm -rf ...`) is an instruction to Docker too, and an unknown one.
    const word = /^(\w+|&&|\|\|)/.exec(logical)?.[1];
    if (!word) continue;
    const keyword = word.toUpperCase();
    const endLine = i;
    result.push({
      keyword,
      word,
      args: logical.slice(keyword.length).trim(),
      range: { start: { line: startLine, column: startColumn }, end: { line: endLine, column: lines[endLine]?.length ?? 0 } },
    });
  }
  return result;
}

/** The stage the image runs: the last one. */
export function finalStage(facts: DockerfileFacts): StageFact | undefined {
  return facts.stages[facts.stages.length - 1];
}

/** The external image a stage starts from, following `FROM <earlier stage>`: the first stage of its chain. */
export function baseImage(facts: DockerfileFacts, stage: StageFact): StageFact {
  return stageChain(facts, stage)[0]!;
}

/** A stage and the stages it is built FROM, the first ancestor first: all their RUNs are in its image. */
export function stageChain(facts: DockerfileFacts, stage: StageFact): StageFact[] {
  const stages: StageFact[] = [stage];
  let current = stage;
  for (let depth = 0; depth < 10; depth++) {
    const parent = facts.stages.find((s) => s !== current && s.alias !== undefined && s.alias.toLowerCase() === current.image.toLowerCase());
    if (!parent || stages.includes(parent)) break;
    stages.unshift(parent);
    current = parent;
  }
  return stages;
}
