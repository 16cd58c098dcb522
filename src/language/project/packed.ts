import type { FileFacts, PythonFacts } from './facts';

/**
 * The Python facts that one or two project rules read, and nothing else (not the joined view,
 * not another rule): kept as their JSON text while the index holds every file's facts, and
 * parsed afresh each time a rule reads them. On a large tree they were most of the facts' heap
 * (the calls with their arguments alone a third), held for the whole project pass although each
 * is read once, by one rule, for a moment. As text they take a fraction of that: a one-byte
 * string with nothing inside for the garbage collector to walk.
 *
 * A field read twice may give two equal values, not one object: none of these is a key of a
 * memo or compared by identity (effects.ts keys on `functions`, which stays an object).
 */
export const PACKED_FIELDS = [
  'argumentCalls', // call-argument-mismatch
  'signatures', // call-argument-mismatch
  'boundNames', // import-name-missing
  'fromImports', // import-name-missing, import-not-on-start-path
  'tupleReturns', // unbalanced-tuple-unpacking
  'unpackedCalls', // unbalanced-tuple-unpacking
  'mlflowNames', // mlflow-name-mismatch
] as const satisfies readonly (keyof PythonFacts)[];

type PackedField = (typeof PACKED_FIELDS)[number];
const PACKED = new Set<string>(PACKED_FIELDS);

/** Where the packed fields' text sits on a facts object: not enumerable, not a name a fact uses. */
const TEXT = Symbol('packed facts');

type Packed = Partial<Record<PackedField, string>>;

/** The last text parsed and its value (the facts are never changed, so a value can be handed out twice). */
const last: { text: string | undefined; value: unknown } = { text: undefined, value: undefined };

/**
 * The facts of every file packed share one prototype whose getters parse a field's text; a
 * file without a field reads `undefined`, as before.
 */
const PACKED_PROTOTYPE: object = Object.create(
  Object.prototype,
  Object.fromEntries(
    PACKED_FIELDS.map((field): [string, PropertyDescriptor] => [
      field,
      {
        get(this: { [TEXT]: Packed }) {
          const text = this[TEXT][field];
          if (text === undefined) return undefined;
          // A rule that looks up one module's signatures for each of its callers reads the same text many times in a row.
          if (text !== last.text) {
            last.text = text;
            last.value = JSON.parse(text);
          }
          return last.value;
        },
        enumerable: false,
        configurable: false,
      },
    ]),
  ),
);

/**
 * Python facts with the fields above packed as text (other kinds of facts come back as they
 * are). The facts must be freshly parsed, owned by no one else; the result is a new object
 * that reads the same, field by field, as the facts given. `intern` keeps one string for equal
 * texts (`FactsPool.string`): a module copied across services packs to the same text.
 */
export function packFacts<T extends FileFacts>(facts: T, intern: (text: string) => string = (text) => text): T {
  if (facts.kind !== 'python') return facts;
  const text: Packed = {};
  const kept: [string, unknown][] = [];
  for (const entry of Object.entries(facts)) {
    if (!PACKED.has(entry[0])) kept.push(entry);
    else if (entry[1] !== undefined) text[entry[0] as PackedField] = intern(JSON.stringify(entry[1]));
  }
  // Built whole and then given its prototype: an object given some thirty fields one by one
  // under a computed name turns into a dictionary, five times the size of the facts it replaces.
  const packed = Object.fromEntries(kept);
  Object.defineProperty(packed, TEXT, { value: text });
  return Object.setPrototypeOf(packed, PACKED_PROTOTYPE) as T;
}
