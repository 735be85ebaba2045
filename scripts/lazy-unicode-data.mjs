// fontkit and unicode-properties decode their Unicode tables from base64 the moment they are imported, before the
// tables are wrapped (src/core/fonts/lazy-unicode-trie.ts defers the inflating only): about 40 ms of start-up for
// tables Chinese text mostly never reads. The renderer and CLI bundles pass the decoding to the table as a function
// instead, run on its first lookup. The pattern is checked: a package upgrade that changes it fails the build.

const FILES = /node_modules[\\/](fontkit|unicode-properties)[\\/]dist[\\/][\w-]+\.mjs$/;
const TABLE = /new \(0, (\$\w+\$unicodetrie)\)\(((?:\(0, [\w$]+\))(?:\.toByteArray)?)\("([A-Za-z0-9+/=]+)"\)\)/g;

/** The module's code with its Unicode tables decoded on first use; null for any other module. */
export function deferUnicodeData(code, id) {
  if (!FILES.test(id)) return null;
  let n = 0;
  const out = code.replace(TABLE, (_, trie, decode, data) => {
    n++;
    return `new (0, ${trie})(() => ${decode}("${data}"))`;
  });
  if (n === 0 && code.includes('unicodetrie)(')) throw new Error(`${id}: its Unicode tables are built in a way scripts/lazy-unicode-data.mjs does not know`);
  return n === 0 ? null : out;
}
