/**
 * A string to keep as a key of a memo that outlives the file it came from (a verdict by name, a
 * pattern by name). A name the engine cuts out of a file's text is, in V8, a view into that
 * text (a sliced string, from 13 characters on): kept as a key, it keeps the whole text alive
 * for as long as the memo holds it, thousands of files' texts in a long `check` run. The copy
 * costs a few characters and happens only when a key is stored, not when it is looked up.
 */
export function memoKey(text: string): string {
  // A slice of a concatenation copies the characters into a new flat string first: the result
  // points into that copy (one character longer than `text`), no longer into the file's text.
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
