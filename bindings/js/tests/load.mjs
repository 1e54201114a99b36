// The built modules (bindings/js/dist, made by scripts/build-js.sh), loaded
// synchronously from their bytes as Node has no fetch of file: URLs: the
// full build (the default export) and the page build (`page`: the API of
// cookieprefs-page.js on cookieprefs_page_bg.wasm).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
export const VECTORS = fileURLToPath(new URL("../../../tests/vectors/", import.meta.url));

const cookieprefs = await import(new URL("../dist/cookieprefs.js", import.meta.url));
cookieprefs.initSync(readFileSync(DIST + "cookieprefs_wasm_bg.wasm"));
export default cookieprefs;

export const page = await import(new URL("../dist/cookieprefs-page.js", import.meta.url));
page.initSync(readFileSync(DIST + "cookieprefs_page_bg.wasm"));

export function vectors(file) {
  return JSON.parse(readFileSync(VECTORS + file, "utf8"));
}
