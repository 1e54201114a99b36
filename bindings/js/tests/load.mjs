// The built module (bindings/js/dist, made by scripts/build-js.sh), loaded
// synchronously from its bytes as Node has no fetch of file: URLs.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
export const VECTORS = fileURLToPath(new URL("../../../tests/vectors/", import.meta.url));

const cookieprefs = await import(new URL("../dist/cookieprefs.js", import.meta.url));
cookieprefs.initSync(readFileSync(DIST + "cookieprefs_wasm_bg.wasm"));
export default cookieprefs;

export function vectors(file) {
  return JSON.parse(readFileSync(VECTORS + file, "utf8"));
}
