// node bench/node.mjs (after scripts/build-js.sh): the timings in Node.
import cp from "../tests/load.mjs";
import { run } from "./bench.mjs";

console.log(`Node ${process.version}`);
for (const [name, ns] of Object.entries(run(cp))) console.log(`${name.padEnd(42)} ${ns.toFixed(0).padStart(7)} ns`);
