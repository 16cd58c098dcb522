import { parseAllDocuments } from 'yaml';

/** Where a YAML file stops parsing: a 0-based line and the first sentence of the parser's message. */
export interface YamlSyntaxError {
  readonly line: number;
  readonly reason: string;
}

/**
 * The first error the YAML parser reports (tree-sitter recovers and says little about where:
 * its first ERROR node often starts at the top of the file). Asked only for files tree-sitter
 * could not parse, so valid files cost nothing.
 */
export function firstSyntaxError(text: string): YamlSyntaxError | undefined {
  try {
    for (const document of parseAllDocuments(text)) {
      const error = document.errors[0];
      if (error) return { line: Math.max(0, (error.linePos?.[0].line ?? 1) - 1), reason: error.message.split(/ at line \d+/)[0].trim() };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
