import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverConfig, loadConfigFile, type LoadedConfig } from '../language/config';
import { UsageError } from './command';
import { displayPath } from './format/report';

/**
 * Finds the config for each target: the one given with --config, else the nearest
 * `.ai-teacher.*` at or above the target. Any error in a config stops the run (exit code 2).
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, LoadedConfig>();
  private readonly explicit?: LoadedConfig;

  constructor(
    private readonly cwd: string,
    private readonly knownRules: ReadonlySet<string>,
    configFlag: string | undefined,
  ) {
    if (configFlag !== undefined) this.explicit = this.checked(loadConfigFile(path.resolve(cwd, configFlag), knownRules));
  }

  forTarget(absoluteTarget: string): LoadedConfig {
    if (this.explicit) return this.explicit;
    const dir = isDirectory(absoluteTarget) ? absoluteTarget : path.dirname(absoluteTarget);
    let loaded = this.byDir.get(dir);
    if (!loaded) {
      loaded = this.checked(discoverConfig(dir, this.knownRules));
      this.byDir.set(dir, loaded);
    }
    return loaded;
  }

  private checked(loaded: LoadedConfig): LoadedConfig {
    if (loaded.errors.length === 0) return loaded;
    const where = loaded.file ? displayPath(this.cwd, loaded.file) : 'config';
    throw new UsageError({ ko: `설정 파일이 올바르지 않습니다: ${where}:\n  ${loaded.errors.join('\n  ')}`, en: `invalid config ${where}:\n  ${loaded.errors.join('\n  ')}` });
  }
}

/** A link loop or an unreadable target is not a folder; the walker reports it. */
function isDirectory(absolute: string): boolean {
  try {
    return fs.statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}
