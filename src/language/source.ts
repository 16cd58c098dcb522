import * as fs from 'node:fs';
import type { EngineNotice, Lang } from './types';

/**
 * Turns a path or raw bytes into text the parser can take, or a clear reason to skip. Nothing
 * here throws: binary data, invalid UTF-8, a BOM, huge files, FIFOs, devices and unreadable
 * paths are all ordinary inputs, each answered with a notice in the reader's language.
 */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** Bytes looked at for NUL to tell a binary file. */
const BINARY_PROBE = 8192;

export type Prepared = { readonly ok: true; readonly text: string; readonly notices: readonly EngineNotice[] } | { readonly ok: false; readonly notice: EngineNotice };

export function prepareSource(input: Uint8Array | string, maxBytes = DEFAULT_MAX_BYTES, lang: Lang = 'en'): Prepared {
  const notices: EngineNotice[] = [];
  let text: string;
  if (typeof input === 'string') {
    if (input.length > maxBytes) return { ok: false, notice: tooLarge(input.length, maxBytes, lang) };
    if (input.slice(0, BINARY_PROBE).includes('\0')) return { ok: false, notice: binary(lang) };
    text = input;
  } else {
    if (input.byteLength > maxBytes) return { ok: false, notice: tooLarge(input.byteLength, maxBytes, lang) };
    if (input.subarray(0, BINARY_PROBE).includes(0)) return { ok: false, notice: binary(lang) };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      text = new TextDecoder('utf-8').decode(input);
      notices.push({
        kind: 'encoding',
        code: 'invalid-utf8',
        message: say(lang, 'UTF-8이 아닌 바이트를 U+FFFD로 바꾼 뒤 검사했습니다', 'invalid UTF-8: undecodable bytes were replaced with U+FFFD before linting'),
      });
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text, notices };
}

export type ReadOutcome = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly notice: EngineNotice };

/**
 * Reads a source file with a bound: only a regular file is opened (a FIFO would block the open,
 * a device never ends), its size is checked with `stat` before a byte is read, and the read stops
 * one byte past `maxBytes` even if the file grows meanwhile. A sparse 1.5 GB file costs a `stat`.
 */
export function readSourceFile(file: string, maxBytes = DEFAULT_MAX_BYTES, lang: Lang = 'en'): ReadOutcome {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch (error) {
    return { ok: false, notice: accessNotice(error, lang) };
  }
  if (!stats.isFile()) return { ok: false, notice: notRegularNotice(stats, lang) };
  if (stats.size > maxBytes) return { ok: false, notice: tooLarge(stats.size, maxBytes, lang) };
  let fd: number | undefined;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the stat, the open still returns.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return { ok: false, notice: notRegularNotice(opened, lang) };
    // The binary check needs only the head: a huge file of NULs (a sparse file, a model dump
    // renamed .py) is told after 8 KB, however high maxFileSize was set.
    const probe = Buffer.allocUnsafe(BINARY_PROBE);
    const head = fs.readSync(fd, probe, 0, BINARY_PROBE, null);
    if (probe.subarray(0, head).includes(0)) return { ok: false, notice: binary(lang) };
    const buffer = Buffer.allocUnsafe(Math.max(Math.min(opened.size, maxBytes), head) + 1);
    probe.copy(buffer, 0, 0, head);
    let length = head;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { ok: false, notice: tooLarge(length, maxBytes, lang, true) };
        // The file grew after the stat: keep reading, still bounded by maxBytes + 1.
        return readGrown(fd, buffer, length, maxBytes, lang);
      }
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, notice: accessNotice(error, lang) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function readGrown(fd: number, head: Buffer, length: number, maxBytes: number, lang: Lang): ReadOutcome {
  const buffer = Buffer.allocUnsafe(maxBytes + 1);
  head.copy(buffer, 0, 0, length);
  for (;;) {
    const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return { ok: true, bytes: buffer.subarray(0, length) };
    length += read;
    if (length > maxBytes) return { ok: false, notice: tooLarge(length, maxBytes, lang, true) };
  }
}

/** What kind of non-regular file this is, in words (`FIFO (named pipe)`, `character device`...). */
export function fileTypeName(stats: fs.Stats, lang: Lang): { code: string; name: string } {
  if (stats.isDirectory()) return { code: 'directory', name: say(lang, '폴더', 'folder') };
  if (stats.isFIFO()) return { code: 'fifo', name: say(lang, 'FIFO(이름 있는 파이프)', 'FIFO (named pipe)') };
  if (stats.isSocket()) return { code: 'socket', name: say(lang, '소켓', 'socket') };
  if (stats.isCharacterDevice()) return { code: 'character-device', name: say(lang, '문자 장치', 'character device') };
  if (stats.isBlockDevice()) return { code: 'block-device', name: say(lang, '블록 장치', 'block device') };
  return { code: 'special-file', name: say(lang, '특수 파일', 'special file') };
}

/** Reason codes of the notices for paths that are not regular files (see `fileTypeName`). */
export const NOT_REGULAR_CODES: ReadonlySet<string> = new Set(['directory', 'fifo', 'socket', 'character-device', 'block-device', 'special-file']);

/** A FIFO, socket or device: never opened, never read. */
export function notRegularNotice(stats: fs.Stats, lang: Lang): EngineNotice {
  const { code, name } = fileTypeName(stats, lang);
  return { kind: 'skipped', code, message: say(lang, `일반 파일이 아니라 ${name}이므로 읽지 않았습니다`, `not a regular file but a ${name}, so it was not read`) };
}

/** Why a path could not be read, from the error of `stat`, `open`, `read` or `readdir`. */
export function accessNotice(error: unknown, lang: Lang): EngineNotice {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { kind: 'unreadable', code: 'permission-denied', message: say(lang, '읽을 수 없습니다: 권한이 없습니다', 'cannot read: permission denied') };
    case 'ELOOP':
      return { kind: 'unreadable', code: 'symlink-loop', message: say(lang, '심볼릭 링크가 순환합니다 (자기 자신을 가리킴)', 'symbolic link loop: the link leads back to itself') };
    case 'ENOENT':
    case 'ENOTDIR':
      return {
        kind: 'unreadable',
        code: 'not-found',
        message: say(lang, '읽을 수 없습니다: 경로가 없거나 링크 대상이 없습니다', 'cannot read: the path or the target of its link does not exist'),
      };
    case 'ENXIO':
      return { kind: 'skipped', code: 'socket', message: say(lang, '일반 파일이 아니라 소켓이므로 읽지 않았습니다', 'not a regular file but a socket, so it was not read') };
    default: {
      const detail = code ?? (error as Error)?.message ?? String(error);
      return { kind: 'unreadable', code: 'io-error', message: say(lang, `읽을 수 없습니다: ${detail}`, `cannot read: ${detail}`) };
    }
  }
}

function tooLarge(size: number, max: number, lang: Lang, atLeast = false): EngineNotice {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  const over = atLeast ? '>' : '';
  return {
    kind: 'skipped',
    code: 'too-large',
    message: say(
      lang,
      `파일이 ${over}${mb(size)} MB로 한도 ${mb(max)} MB를 넘습니다 (설정의 maxFileSize)`,
      `file is ${over}${mb(size)} MB, over the ${mb(max)} MB limit (maxFileSize in the config)`,
    ),
  };
}

function binary(lang: Lang): EngineNotice {
  return { kind: 'skipped', code: 'binary', message: say(lang, '바이너리 파일입니다 (NUL 바이트 포함)', 'binary file (contains NUL bytes)') };
}

function say(lang: Lang, ko: string, en: string): string {
  return lang === 'ko' ? ko : en;
}

export function languageOf(filePath: string): 'python' | 'yaml' | undefined {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.py') || lower.endsWith('.pyi')) return 'python';
  if (lower.endsWith('.yml') || lower.endsWith('.yaml')) return 'yaml';
  return undefined;
}
