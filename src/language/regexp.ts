/** `text` as a regular expression that matches it literally (a name, a path, a service key). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
