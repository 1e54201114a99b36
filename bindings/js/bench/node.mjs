// node bench/node.mjs (after scripts/build-js.sh): the timings in Node,
// each build in a process of its own (bench.mjs says why).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import full, { page } from "../tests/load.mjs";
import { format, run } from "./bench.mjs";

const build = process.argv[2];
if (build) {
  const compact = full.Policy.fromJson({ revision: 3 }).toCompact();
  console.log(JSON.stringify(run(build === "page" ? page : full, compact)));
} else {
  const one = (b) =>
    JSON.parse(spawnSync(process.execPath, [fileURLToPath(import.meta.url), b], { encoding: "utf8" }).stdout);
  const p = one("page");
  console.log(`Node ${process.version}`);
  console.log(format(one("full"), p));
}
