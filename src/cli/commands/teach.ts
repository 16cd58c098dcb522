import * as fs from 'node:fs';
import * as path from 'node:path';
import { LintEngine } from '../../language/engine';
import { bundledWasm, nodeModulesWasm, type WasmLocations } from '../../language/parser';
import type { Lang } from '../../language/types';
import { offlineTeacher } from '../../teacher/offline';

/**
 * `ai-teacher teach <file> [--lang ko|en]`: the offline teacher's review as Markdown on stdout,
 * so a class can post it on a pull request from CI. Deterministic; no network, no model.
 */

const USAGE = 'usage: ai-teacher teach <file> [--lang ko|en]\n';

/** Next to the bundle (dist/cli.js) the grammars sit beside us; from source they come from node_modules. */
function wasm(): WasmLocations {
  if (fs.existsSync(path.join(__dirname, 'tree-sitter-python.wasm'))) return bundledWasm(__dirname);
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'node_modules', 'web-tree-sitter')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return nodeModulesWasm(dir);
}

export function parseTeachArgs(args: readonly string[]): { file?: string; lang: Lang; error?: string } {
  let lang: Lang = 'ko';
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = arg === '--lang' ? args[++i] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined || arg === '--lang') {
      if (value !== 'ko' && value !== 'en') return { lang, error: `--lang must be ko or en (got ${value ?? 'nothing'})` };
      lang = value;
    } else if (arg.startsWith('-')) return { lang, error: `unknown option ${arg}` };
    else if (file) return { lang, error: 'teach reviews one file at a time' };
    else file = arg;
  }
  return file ? { file, lang } : { lang, error: 'missing <file>' };
}

export const teachCommand = {
  name: 'teach',
  summary: "Print the offline teacher's review of a file as Markdown",
  async run(args: readonly string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
    const parsed = parseTeachArgs(args);
    if (parsed.error || !parsed.file) {
      err(`ai-teacher teach: ${parsed.error}\n${USAGE}`);
      return 2;
    }
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(parsed.file);
    } catch (error) {
      err(`ai-teacher teach: cannot read ${parsed.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return 2;
    }
    const engine = await LintEngine.create(wasm());
    const result = engine.lintBytes(parsed.file, bytes, { lang: parsed.lang });
    const text = bytes.toString('utf8');
    const displayPath = path.relative(process.cwd(), parsed.file) || parsed.file;
    const response = offlineTeacher({ intent: 'review', lang: parsed.lang, message: '', review: { path: displayPath.split(path.sep).join('/'), text, result }, profile: {}, history: [] });
    out(response.markdown);
    return 0;
  },
};
