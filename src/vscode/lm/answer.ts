import { TEACHER_MODEL } from '../ids';

/** The text of a request message's parts: text parts and the text inside tool results; data parts are skipped. */
export function partsText(content: readonly unknown[]): string {
  const pieces: string[] = [];
  for (const part of content) {
    const value = (part as { value?: unknown }).value;
    if (typeof value === 'string') pieces.push(value);
    const inner = (part as { content?: unknown }).content;
    if (Array.isArray(inner)) pieces.push(partsText(inner));
  }
  return pieces.filter(Boolean).join('\n');
}

/** Whether a model handed to the participant is this one (then the participant asks the teacher directly instead). */
export function isTeacherModel(model: unknown): boolean {
  return (model as { vendor?: unknown } | undefined)?.vendor === TEACHER_MODEL.vendor;
}
