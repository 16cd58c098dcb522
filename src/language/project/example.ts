import type { RuleLanguage } from '../types';
import type { ProjectFileInput } from './run';

const MARKER = /^# --- (\S+) ---$/;

/**
 * A rule's example as files. Examples of cross-file rules are small projects written as one
 * text, each file opened by a `# --- path ---` line; any other example is one file named after
 * the rule's language.
 */
export function exampleFiles(text: string, language: RuleLanguage): ProjectFileInput[] {
  const lines = text.split('\n');
  if (!MARKER.test(lines[0] ?? '')) return [{ path: language === 'python' ? 'example.py' : language === 'yaml' ? 'example.yaml' : 'Dockerfile', text }];
  const files: { path: string; lines: string[] }[] = [];
  for (const line of lines) {
    const marker = MARKER.exec(line);
    if (marker) files.push({ path: marker[1], lines: [] });
    else files[files.length - 1].lines.push(line);
  }
  return files.map((file) => ({ path: file.path, text: file.lines.join('\n').replace(/\n+$/, '\n') }));
}
