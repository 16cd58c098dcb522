/**
 * Files a week needs but cannot ship as text, created when the week is started (never
 * overwriting, like the starter files). Today one: beginner/1's `model.pkl`, so the Flask app of
 * week 1 runs as written without scikit-learn or a training step.
 */
export type GeneratorId = 'tiny-linear-model';
export const GENERATORS: readonly GeneratorId[] = ['tiny-linear-model'];

/** What a generator needs from the week's starter files (the loader checks it). */
export const GENERATOR_NEEDS: Readonly<Record<GeneratorId, { readonly file: string; readonly pattern: RegExp }>> = {
  'tiny-linear-model': { file: 'tiny_model.py', pattern: /^class TinyLinearModel\b/m },
};

export function generateFile(generator: GeneratorId): Uint8Array {
  switch (generator) {
    case 'tiny-linear-model':
      return tinyLinearModelPickle([0.4, -0.25, 0.1, 0.3], 0.05);
  }
}

/**
 * A pickle (protocol 2) of `tiny_model.TinyLinearModel` with `weights` and `bias` as its state,
 * written opcode by opcode: GLOBAL the class, NEWOBJ with no arguments, then BUILD with the state
 * dict (pickle sets it as the instance's `__dict__`). It unpickles only where `tiny_model.py` is
 * importable, which is the week folder `python app.py` runs in.
 */
export function tinyLinearModelPickle(weights: readonly number[], bias: number): Uint8Array {
  const bytes: number[] = [];
  const ascii = (text: string) => bytes.push(...Buffer.from(text, 'ascii'));
  const unicode = (text: string) => {
    const utf8 = Buffer.from(text, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(utf8.length);
    bytes.push(0x58, ...length, ...utf8); // BINUNICODE
  };
  const float = (value: number) => {
    const double = Buffer.alloc(8);
    double.writeDoubleBE(value);
    bytes.push(0x47, ...double); // BINFLOAT
  };
  bytes.push(0x80, 0x02); // PROTO 2
  ascii('ctiny_model\nTinyLinearModel\n'); // GLOBAL
  bytes.push(0x29, 0x81); // EMPTY_TUPLE, NEWOBJ
  bytes.push(0x7d, 0x28); // EMPTY_DICT, MARK
  unicode('weights');
  bytes.push(0x5d, 0x28); // EMPTY_LIST, MARK
  for (const weight of weights) float(weight);
  bytes.push(0x65); // APPENDS
  unicode('bias');
  float(bias);
  bytes.push(0x75, 0x62, 0x2e); // SETITEMS, BUILD, STOP
  return Uint8Array.from(bytes);
}
