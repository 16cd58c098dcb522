import type { PortValue } from './facts';
import { basename } from './modules';

/**
 * How a service is started, read from command lines (Dockerfile CMD/ENTRYPOINT, compose
 * `command:`, Kubernetes `command`/`args`, Procfiles and start scripts): which server runs
 * which module, on which port, and whether it is a development server.
 */

export type Server = 'gunicorn' | 'uvicorn' | 'hypercorn' | 'waitress' | 'daphne' | 'flask-run' | 'django-runserver' | 'fastapi-run' | 'fastapi-dev' | 'python' | 'script';

export interface Launch {
  readonly server: Server;
  /** `app.main` of `app.main:app`, or the module of `python -m pkg.mod`. */
  readonly module?: string;
  /** `api.py` of `python api.py`, or the script a `sh start.sh` runs. */
  readonly file?: string;
  /** The port from the command line (`--port`, `--bind`, `runserver 0.0.0.0:8000`), or the server's default. */
  readonly port?: PortValue;
  /** Flask's `flask run`, Django's `runserver`, `fastapi dev`: development servers. */
  readonly dev: boolean;
  /** The port is the server's default: nothing on the command line set it. */
  readonly portDefaulted?: boolean;
  /** Auto-reload (`--reload`) is on. */
  readonly reload: boolean;
  /** The words as written, for messages. */
  readonly text: string;
  /** The server listens on 127.0.0.1 only (its default, no `--host`/`--bind` and no host variable): nothing outside the container reaches it. */
  readonly loopback?: true;
  /** The command line starts another program beside this one (`python api.py & streamlit run ui.py`). */
  readonly shared?: true;
  /** The command line changes directory (`cd app && ...`) or sets PYTHONPATH before it: where imports resolve from is not the launch's own. */
  readonly movesPath?: true;
}

/** Split a command line into words: quotes and backslash escapes honoured, nothing expanded. */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i] === '\n' ? '' : text[i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else if (c === '&' || c === '|' || c === ';') {
      // Operators become words of their own so that simpleCommands can split at them.
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      const op = c !== ';' && text[i + 1] === c ? c + c : c;
      words.push(op);
      i += op.length - 1;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

const OPERATORS = new Set(['&&', '||', ';', '|', '&']);
const WRAPPERS = new Set(['exec', 'env', 'nohup', 'dumb-init', 'tini', '--', 'opentelemetry-instrument', 'ddtrace-run', 'newrelic-admin', 'run-program', 'gosu', 'su-exec']);

/** The simple commands of a command line: split at `&&`, `;` and pipes, `sh -c "..."` unwrapped, wrappers dropped. */
/** A shell option cluster that takes the script from the next word: `-c`, `-lc`, `-ec`, `-euxc`. */
const SHELL_COMMAND_FLAG = /^-[a-z]*c[a-z]*$/;

export function simpleCommands(words: readonly string[], depth = 0): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    const command = unwrap(current, depth);
    if (command) result.push(...command);
    current = [];
  };
  for (const word of words) {
    if (OPERATORS.has(word)) flush();
    else current.push(word);
  }
  flush();
  return result;
}

function unwrap(words: string[], depth: number): string[][] | undefined {
  let i = 0;
  for (;;) {
    const word = words[i];
    if (word === undefined) return undefined;
    if (/^\w+=/.test(word) || WRAPPERS.has(basename(word))) i++;
    else if (basename(word) === 'newrelic-admin' || (basename(word) === 'tini' && words[i + 1] === '--')) i++;
    else if ((word === 'pipenv' || word === 'poetry' || word === 'uv' || word === 'hatch' || word === 'pdm') && words[i + 1] === 'run') i += 2;
    else if (word === 'conda' && words[i + 1] === 'run') {
      i += 2;
      while (words[i]?.startsWith('-')) i += words[i] === '-n' || words[i] === '--name' || words[i] === '-p' ? 2 : 1;
    } else if (/^(ba|da|z)?sh$/.test(basename(word)) && SHELL_COMMAND_FLAG.test(words[i + 1] ?? '') && words[i + 2] !== undefined) {
      // `sh -c`, and its clusters with other options: `-lc` (a login shell), `-ec`, `-euxc`.
      return depth < 3 ? simpleCommands(splitCommand(words[i + 2]), depth + 1) : undefined;
    } else break;
  }
  const rest = words.slice(i);
  return rest.length ? [rest] : undefined;
}

/** The server a simple command starts, if it is one we know. */
export function launchOf(words: readonly string[], env: Readonly<Record<string, string>> = {}): Launch | undefined {
  const text = words.join(' ');
  let program = basename(words[0] ?? '');
  let args = words.slice(1);
  if (/^python(\d(\.\d+)?)?$/.test(program)) {
    while (args[0]?.startsWith('-') && args[0] !== '-m' && args[0] !== '-c') args = args.slice(1);
    if (args[0] === '-c') return undefined;
    if (args[0] === '-m') {
      program = args[1] ?? '';
      args = args.slice(2);
      if (!['gunicorn', 'uvicorn', 'hypercorn', 'flask', 'waitress', 'daphne', 'fastapi'].includes(program)) {
        return program ? { server: 'python', module: program, dev: false, reload: false, text } : undefined;
      }
    } else if (args[0] && /\.py$/.test(args[0])) {
      if (basename(args[0]) === 'manage.py' && args[1] === 'runserver') {
        return {
          server: 'django-runserver',
          file: args[0],
          port: portFromAddress(
            args.slice(2).find((a) => !a.startsWith('-')),
            env,
          ) ?? { value: 8000 },
          dev: true,
          reload: !args.includes('--noreload'),
          text,
        };
      }
      return { server: 'python', file: args[0], dev: false, reload: false, text };
    } else return undefined;
  }
  const options = parseOptions(args);
  const target = options.positional.find((p) => p.includes(':')) ?? options.positional[0];
  const module = target?.split(':')[0];
  const reload = options.flags.has('--reload');
  switch (program) {
    case 'gunicorn': {
      const bind = options.values.get('--bind') ?? options.values.get('-b');
      const config = options.values.get('--config') ?? options.values.get('-c');
      const port = portFromAddress(bind, env);
      if (port) return { server: 'gunicorn', module, port, dev: false, reload, text, ...(bind !== undefined && loopbackHost(bind) && { loopback: true as const }) };
      const unset = !config && !env.GUNICORN_CMD_ARGS && bind === undefined;
      return { server: 'gunicorn', module, port: unset ? { value: 8000 } : undefined, portDefaulted: true, dev: false, reload, text, ...(unset && { loopback: true as const }) };
    }
    case 'uvicorn': {
      const socket = options.values.has('--uds') || options.values.has('--fd');
      const host = options.values.get('--host');
      return {
        server: 'uvicorn',
        module,
        port: portOption(options.values.get('--port'), env) ?? (socket ? undefined : { value: 8000 }),
        dev: false,
        reload,
        text,
        ...(!socket && (host === undefined ? env.UVICORN_HOST === undefined : loopbackHost(host)) && { loopback: true as const }),
      };
    }
    case 'hypercorn':
      return { server: 'hypercorn', module, port: portFromAddress(options.values.get('--bind') ?? options.values.get('-b'), env) ?? { value: 8000 }, dev: false, reload, text };
    case 'daphne':
      return { server: 'daphne', module, port: portOption(options.values.get('--port') ?? options.values.get('-p'), env) ?? { value: 8000 }, dev: false, reload: false, text };
    case 'waitress-serve':
    case 'waitress': {
      const listen = options.values.get('--listen');
      return {
        server: 'waitress',
        module,
        port: portOption(options.values.get('--port'), env) ?? portFromAddress(listen, env) ?? { value: 8080 },
        dev: false,
        reload: false,
        text,
      };
    }
    case 'flask': {
      if (options.positional[0] !== 'run') return undefined;
      const app = options.values.get('--app') ?? options.values.get('-A') ?? env.FLASK_APP;
      const port = portOption(options.values.get('--port') ?? options.values.get('-p'), env) ?? portOption(env.FLASK_RUN_PORT, env) ?? { value: 5000 };
      const file = app && /\.py$/.test(app.split(':')[0]) ? app.split(':')[0] : undefined;
      const host = options.values.get('--host') ?? options.values.get('-h') ?? env.FLASK_RUN_HOST;
      return {
        server: 'flask-run',
        module: app && !file ? app.split(':')[0] : undefined,
        file: app ? file : 'app.py',
        port,
        dev: true,
        reload: reload || options.flags.has('--debug'),
        text,
        ...((host === undefined || loopbackHost(host)) && { loopback: true as const }),
      };
    }
    case 'fastapi': {
      const mode = options.positional[0];
      if (mode !== 'run' && mode !== 'dev') return undefined;
      return {
        server: mode === 'dev' ? 'fastapi-dev' : 'fastapi-run',
        file: options.positional[1],
        port: portOption(options.values.get('--port'), env) ?? { value: 8000 },
        dev: mode === 'dev',
        reload: mode === 'dev' || reload,
        text,
      };
    }
    default:
      if (/\.sh$/.test(program) || ((program === 'sh' || program === 'bash') && /\.sh$/.test(args[0] ?? ''))) {
        return { server: 'script', file: program.endsWith('.sh') ? words[0] : args[0], dev: false, reload: false, text };
      }
      return undefined;
  }
}

/** Every server started by a command line (`cd app && gunicorn ...`, `sh -c "..."`). */
export function launchesIn(words: readonly string[], env: Readonly<Record<string, string>> = {}): Launch[] {
  const commands = simpleCommands(words);
  const launches = commands.flatMap((command) => launchOf(command, env) ?? []);
  if (launches.length === 0) return launches;
  // `cd src && python -m app`, `sh -c "export PYTHONPATH=/app; ..."`, `PYTHONPATH=. python app.py`.
  const movesPath = words.some((word) => MOVES_PATH.test(word));
  // `python api.py & streamlit run ui.py`: another program shares the container (set-up steps do not count).
  const shared = commands.filter((command) => !SETUP_PROGRAMS.has(basename(command[0] ?? ''))).length > launches.length;
  if (!movesPath && !shared) return launches;
  return launches.map((launch) => ({ ...launch, ...(movesPath && { movesPath: true as const }), ...(shared && { shared: true as const }) }));
}

const SETUP_PROGRAMS = new Set(['cd', 'pushd', 'export', 'set', 'echo', 'printf', 'sleep', 'true', 'mkdir', 'chmod', 'chown', 'source', '.', 'ls', 'cat', 'wait']);

const MOVES_PATH = /(?:^|[\s;&|(])(?:cd|pushd)(?:\s|$)|\bPYTHONPATH=|^--(?:app-dir|chdir|pythonpath)\b/;

interface Options {
  readonly positional: string[];
  readonly values: Map<string, string>;
  readonly flags: Set<string>;
}

const VALUE_OPTIONS = new Set([
  '--bind',
  '-b',
  '--port',
  '-p',
  '--config',
  '-c',
  '--workers',
  '-w',
  '--worker-class',
  '-k',
  '--host',
  '-h',
  '--app',
  '-A',
  '--listen',
  '--timeout',
  '-t',
  '--log-level',
  '--uds',
  '--fd',
  '--threads',
  '--root-path',
  '--env-file',
  '--log-config',
  '--chdir',
  '--app-dir',
  '--name',
  '--access-logfile',
  '--error-logfile',
  '--certfile',
  '--keyfile',
  '--backlog',
  '--workers-per-core',
  '--limit-concurrency',
  '--graceful-timeout',
  '--keep-alive',
  '--max-requests',
  '-e',
  '--env',
  '--pythonpath',
]);

function parseOptions(args: readonly string[]): Options {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    // One exec-form word may hold an option and its value: `"-b 0.0.0.0:9999"`, `"--port 80"`, `-w4`.
    const joined = /^(-[A-Za-z]|--[\w-]+)(?:\s+|(?<=^-[A-Za-z]))(\S.*)$/.exec(arg);
    if (arg.startsWith('--') && eq > 0 && !/\s/.test(arg.slice(0, eq))) values.set(arg.slice(0, eq), arg.slice(eq + 1));
    else if (joined && VALUE_OPTIONS.has(joined[1])) values.set(joined[1], joined[2].trim());
    else if (VALUE_OPTIONS.has(arg) && i + 1 < args.length) values.set(arg, args[++i]);
    else if (arg.startsWith('-')) flags.add(arg);
    else positional.push(arg);
  }
  return { positional, values, flags };
}

/** `127.0.0.1`, `localhost:8000`: an address only the container itself can reach. */
export function loopbackHost(address: string): boolean {
  return /^['"]?(?:127\.0\.0\.1|localhost)(?::|['"]?$)/.test(address.trim());
}

/** `8000`, `$PORT`, `${PORT}`, `${PORT:-8000}`. */
export function portOption(text: string | undefined, env: Readonly<Record<string, string>> = {}): PortValue | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim().replace(/^['"]|['"]$/g, '');
  if (/^\d{1,5}$/.test(trimmed)) return { value: Number(trimmed) };
  const variable = /^\$\{?(\w+)(?::?-(\d{1,5}))?\}?$/.exec(trimmed);
  if (!variable) return undefined;
  const name = variable[1];
  const fromEnv = env[name];
  if (fromEnv !== undefined && /^\d{1,5}$/.test(fromEnv)) return { env: name, value: Number(fromEnv) };
  return { env: name, value: variable[2] ? Number(variable[2]) : undefined };
}

/** `0.0.0.0:8000`, `:8000`, `[::]:8000`, `0.0.0.0:$PORT`; a unix socket has no port. */
function portFromAddress(address: string | undefined, env: Readonly<Record<string, string>>): PortValue | undefined {
  if (address === undefined || address.startsWith('unix:')) return undefined;
  const colon = address.lastIndexOf(':');
  if (colon === -1) return /^\d{1,5}$/.test(address) ? { value: Number(address) } : undefined;
  // `${PORT:-8000}` holds a colon of its own.
  const braced = /\$\{\w+:-\d+\}$/.exec(address)?.[0];
  return portOption(braced ?? address.slice(colon + 1), env);
}

/** pip options that take a value (the value is not a package). */
const PIP_VALUE_OPTIONS = new Set([
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--only-binary',
  '--no-binary',
  '--src',
  '--trusted-host',
  '--cache-dir',
  '--progress-bar',
  '-e',
  '--editable',
  '--python',
  '-p',
]);

/** A simple command that installs system packages: `apt-get install`, `apk add`, `yum install`. */
export function isSystemInstall(command: readonly string[]): boolean {
  const program = command[0]?.slice(command[0].lastIndexOf('/') + 1) ?? '';
  return (
    (/^apt(-get)?$/.test(program) && command.includes('install')) ||
    (program === 'apk' && command[1] === 'add') ||
    (/^(yum|dnf|microdnf)$/.test(program) && command[1] === 'install')
  );
}

/** One package install in a command line: the tool and the requirements it names. */
export interface PackageInstall {
  readonly tool: 'pip' | 'conda';
  /** The requirement words as written (`flask`, `torch==2.3`, `numpy=1.26`), unquoted; options and their values, paths, archives, URLs and variables left out. */
  readonly requirements: readonly string[];
}

/** The package installs of a command line: `pip install`, `python -m pip install`, `uv pip install`, `conda|mamba|micromamba install`. */
export function packageInstalls(words: readonly string[]): PackageInstall[] {
  const installs: PackageInstall[] = [];
  for (const command of simpleCommands(words)) {
    const program = command[0]?.slice(command[0].lastIndexOf('/') + 1) ?? '';
    let args: string[] | undefined;
    if (/^pip3?(\.\d+)?$/.test(program) && command[1] === 'install') args = command.slice(2);
    else if (/^python(\d(\.\d+)?)?$/.test(program) && command[1] === '-m' && command[2] === 'pip' && command[3] === 'install') args = command.slice(4);
    else if (program === 'uv' && command[1] === 'pip' && command[2] === 'install') args = command.slice(3);
    else if (/^(conda|mamba|micromamba)$/.test(program) && command[1] === 'install') {
      installs.push({ tool: 'conda', requirements: command.slice(2).filter((w) => !w.startsWith('-') && !w.includes('/') && !w.startsWith('$')) });
      continue;
    }
    if (!args) continue;
    const requirements: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (PIP_VALUE_OPTIONS.has(arg)) {
        i++;
        continue;
      }
      if (arg.startsWith('-') || arg.startsWith('$') || /^[.~/]|\.(whl|tar\.gz|zip)$|:\/\/|^git\+/.test(arg)) continue;
      requirements.push(arg.replace(/^['"]|['"]$/g, ''));
    }
    installs.push({ tool: 'pip', requirements });
  }
  return installs;
}

export interface KubectlApply {
  /** Where `kubectl` starts in the script text. */
  readonly index: number;
  /** The path as written (`./k8s/`), and cleaned (`k8s`: no `./`, no trailing `/`). */
  readonly written: string;
  readonly path: string;
  /** `-k`/`--kustomize`: a kustomization, which sets its own images. */
  readonly kustomize: boolean;
  /** `apply` (or `create`, `replace`). */
  readonly verb: string;
  /** A fallback after `||` (`kubectl set image ... || kubectl apply -f ...`). */
  readonly fallback: boolean;
}

/** `kubectl apply|create|replace -f <path>` (also `--filename=`, `-k`/`--kustomize`) in a script. */
const KUBECTL_APPLY = /\bkubectl\s+(apply|create|replace)\b[^\n;&|]*?\s(-f|-k|--filename|--kustomize)(?:=|\s+)(["']?)([^\s"';&|#]+)\3/g;

/**
 * The manifests a script rolls out with kubectl, in order. Paths that are computed (`$DIR`, globs,
 * `<file>`), remote (`https://...`), stdin (`-`) or absolute are left out: nothing in the tree answers for them.
 */
export function kubectlApplies(script: string): KubectlApply[] {
  const found: KubectlApply[] = [];
  for (const match of script.matchAll(KUBECTL_APPLY)) {
    const written = match[4];
    const path = written.replace(/^\.\//, '').replace(/\/+$/, '');
    if (!path || path === '-' || /[$*{}<>]|:\/\//.test(path) || path.startsWith('/')) continue;
    const before = script.slice(script.lastIndexOf('\n', match.index) + 1, match.index);
    const kustomize = match[2] === '-k' || match[2] === '--kustomize';
    found.push({ index: match.index, written, path, kustomize, verb: match[1], fallback: /\|\|\s*$/.test(before) });
  }
  return found;
}
