import { memoKey } from './memo-key';

/** `text` as a regular expression that matches it literally (a name, a path, a service key). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular expression whose `test` remembers its answers: for a long pattern tested on every
 * call's dotted name of a file by several rules (`MODEL_LOADER`), where the same few names come
 * back again and again. Only for a pattern without the `g` or `y` flag, whose `test` depends on the
 * text alone; the other methods are a plain `RegExp`'s.
 */
export class RememberingRegExp extends RegExp {
  private readonly answers = new Map<string, boolean>();

  /** `split` and `matchAll` build their own copy with other flags: a plain one. */
  static override get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }

  constructor(pattern: RegExp) {
    if (pattern.global || pattern.sticky) throw new Error('RememberingRegExp: a pattern with the g or y flag keeps state between tests');
    super(pattern.source, pattern.flags);
  }

  override test(text: string): boolean {
    let answer = this.answers.get(text);
    if (answer === undefined) {
      // Bounded: an editor session reads many files.
      if (this.answers.size >= 4096) this.answers.clear();
      this.answers.set(memoKey(text), (answer = super.test(text)));
    }
    return answer;
  }
}
