// Every shared vector of tests/vectors/ against the full build of the
// module (vector-suite.mjs).
import cp from "./load.mjs";
import { suite } from "./vector-suite.mjs";

suite("full", cp, (json) => cp.Policy.fromJson(json), true);
