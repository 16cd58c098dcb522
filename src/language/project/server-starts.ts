import { splitCommand } from './commands';
import { runtimeStages } from './deploy';
import type { ProjectView } from './index';
import type { Range } from '../types';

/** gunicorn's log destinations; `-` (and /dev/stdout, /dev/stderr) is the process's own stream. */
const GUNICORN_LOG_OPTIONS = new Set(['--log-file', '--access-logfile', '--error-logfile']);

/** The file a gunicorn command line sends its access or error log to, if any. */
export function gunicornLogFile(words: readonly string[]): string | undefined {
  const at = words.findIndex((w) => /(^|\/)gunicorn$/.test(w));
  if (at < 0) return undefined;
  for (let i = at + 1; i < words.length; i++) {
    const word = words[i];
    if (/^(&&|;|\|\|?|&)$/.test(word)) break;
    const eq = word.indexOf('=');
    const option = eq > 0 ? word.slice(0, eq) : word;
    if (!GUNICORN_LOG_OPTIONS.has(option)) continue;
    const value = eq > 0 ? word.slice(eq + 1) : words[i + 1];
    if (value !== undefined && value !== '' && value !== '-' && !/^\/dev\/(stdout|stderr)$/.test(value)) return value;
  }
  return undefined;
}

/** Where the tree starts processes: the final Dockerfile stage, compose and Kubernetes commands, Procfiles and start scripts. */
export function serverStarts(view: ProjectView): { path: string; range: Range; words: readonly string[] }[] {
  const starts: { path: string; range: Range; words: readonly string[] }[] = [];
  for (const { path, stage } of runtimeStages(view.files)) {
    const words = [...(stage.entrypoint?.words ?? []), ...(stage.cmd?.words ?? [])];
    const range = (stage.cmd ?? stage.entrypoint)?.range;
    if (range) starts.push({ path, range, words });
  }
  for (const [path, facts] of view.files) {
    if (facts.kind === 'script') for (const command of facts.commands) starts.push({ path, range: command.range, words: command.words ?? splitCommand(command.text) });
    if (facts.kind !== 'yaml') continue;
    for (const service of facts.compose) if (service.command && service.commandRange) starts.push({ path, range: service.commandRange, words: service.command });
    for (const workload of facts.workloads)
      for (const container of workload.containers)
        if (container.command && container.commandRange) starts.push({ path, range: container.commandRange, words: [...container.command, ...(container.args ?? [])] });
  }
  return starts;
}
