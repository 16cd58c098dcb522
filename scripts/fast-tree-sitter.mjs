// An esbuild plugin for the bundles (esbuild.config.mjs); test/unit/fast-tree-sitter.test.ts checks it.
import * as fs from 'node:fs';

/**
 * web-tree-sitter crosses into WASM by writing and reading a transfer buffer through
 * emscripten's generic `setValue(ptr, value, "i32")` / `getValue(ptr, "i32")`, which test the
 * type string on every call: five of each per node marshalled, and the lint marshals millions
 * of nodes. The same little-endian reads and writes go straight to the module's DataView here.
 * Its `Node` class declares its fields and then assigns them in the constructor; the
 * declarations (one define per field, the first an indexed element) cost a sixth of a node's
 * creation, so the constructor assigns them alone, and keeps the node's WASM address in a named
 * field rather than as element 0. Nothing else changes;
 * when the library's text is not what this expects, the build says so and leaves it as it is.
 */
export const fastTreeSitter = {
  name: 'fast-tree-sitter',
  setup(build) {
    build.onLoad({ filter: /web-tree-sitter[\\/]web-tree-sitter\.js$/ }, (args) => {
      const original = fs.readFileSync(args.path, 'utf8');
      const patched = patchTreeSitter(original);
      if (!patched) console.warn('fast-tree-sitter: web-tree-sitter.js is not the text this build patches; bundled unchanged');
      return { contents: patched ?? original, loader: 'js' };
    });
  },
};

/** The arguments of the call whose `(` is at `open`, split at top-level commas, and the index after its `)`. */
function callArguments(text, open) {
  const args = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) {
        args.push(text.slice(start, i).trim());
        return { args, end: i + 1 };
      }
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return undefined;
}

export function patchTreeSitter(text) {
  const views = { '"i32"': 'Int32', '"i16"': 'Int16' };
  let out = '';
  let at = 0;
  let count = 0;
  for (const match of text.matchAll(/\bC\.(getValue|setValue)\(/g)) {
    if (match.index < at) return undefined;
    const call = callArguments(text, match.index + match[0].length - 1);
    const get = match[1] === 'getValue';
    const view = call && views[call.args[get ? 1 : 2]];
    if (!call || !view || call.args.length !== (get ? 2 : 3)) return undefined;
    out += text.slice(at, match.index);
    out += get ? `C.HEAP_DATA_VIEW.get${view}(${call.args[0]}, true)` : `C.HEAP_DATA_VIEW.set${view}(${call.args[0]}, ${call.args[1]}, true)`;
    at = call.end;
    count++;
  }
  out += text.slice(at);
  const fields =
    /(var Node = class \{\n  static \{\n    __name\(this, "Node"\);\n  \}\n)([\s\S]*?)(  constructor\(internal, \{\n    id,\n    tree,\n    startIndex,\n    startPosition,\n    other\n  \}\) \{\n    assertInternal\(internal\);\n    this\[0\] = other;\n)/;
  const declared = /\n  \[0\] = 0;\n[\s\S]*\n  _children;\n[\s\S]*\n  _namedChildren;\n/;
  const node = fields.exec(out);
  if (count < 80 || !node || !declared.test(node[2])) return undefined;
  out = out.replace(
    fields,
    (_, head, between, constructor) => head + between.replace(declared, '\n') + constructor + '    this._children = undefined;\n    this._namedChildren = undefined;\n',
  );
  const after =
    /\n  id;\n  \/\*\* The byte index where this node starts. \*\/\n  startIndex;\n  \/\*\* The position where this node starts. \*\/\n  startPosition;\n  \/\*\* The tree that this node belongs to. \*\/\n  tree;\n/;
  if (!after.test(out)) return undefined;
  out = out.replace(after, '\n');
  // A node keeps its WASM address as element 0 (`this[0]`): the first indexed element gives every
  // node object an elements store of its own, a second allocation per node. A named field instead.
  const element = '    this[0] = other;\n    this._children = undefined;';
  const marshal = 'C.HEAP_DATA_VIEW.setInt32(address, node[0], true);';
  if (out.split(element).length !== 2 || out.split(marshal).length !== 2) return undefined;
  return out.replace(element, '    this.address = other;\n    this._children = undefined;').replace(marshal, 'C.HEAP_DATA_VIEW.setInt32(address, node.address, true);');
}
