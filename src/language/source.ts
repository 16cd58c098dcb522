/**
 * Turns raw bytes into text the parser can take, or a clear reason to skip. Nothing here
 * throws: binary data, invalid UTF-8, a BOM and huge files are all ordinary inputs.
 */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export type Prepared =
  | { readonly ok: true; readonly text: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string };

export function prepareSource(input: Uint8Array | string, maxBytes = DEFAULT_MAX_BYTES): Prepared {
  const warnings: string[] = [];
  let text: string;
  if (typeof input === 'string') {
    if (input.length > maxBytes) return tooLarge(input.length, maxBytes);
    if (input.slice(0, 8192).includes('\0')) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    text = input;
  } else {
    if (input.byteLength > maxBytes) return tooLarge(input.byteLength, maxBytes);
    if (input.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      text = new TextDecoder('utf-8').decode(input);
      warnings.push('invalid UTF-8: undecodable bytes were replaced with U+FFFD before linting');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text, warnings };
}

function tooLarge(size: number, max: number): Prepared {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return { ok: false, reason: `file is ${mb(size)} MB, over the ${mb(max)} MB limit (maxFileSize in the config)` };
}

export function languageOf(filePath: string): 'python' | 'yaml' | undefined {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.py') || lower.endsWith('.pyi')) return 'python';
  if (lower.endsWith('.yml') || lower.endsWith('.yaml')) return 'yaml';
  return undefined;
}
