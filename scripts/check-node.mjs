// `preinstall`: stop `npm ci` / `npm install` on a Node older than package.json's engines (22.12)
// with a message that says what to do, instead of an obscure failure later (docs/node.md).
// Runs before any dependency exists: plain Node, no imports beyond node:, old-Node-safe syntax.
import { readFileSync } from "node:fs";

const MIN = [22, 12, 0];
const current = process.versions.node.split(".").map(Number);

function atLeast(v, min) {
  for (let i = 0; i < 3; i++) {
    if (v[i] !== min[i]) return v[i] > min[i];
  }
  return true;
}

if (!atLeast(current, MIN) && process.env.ONWARD_SKIP_NODE_CHECK !== "1") {
  let pinned = "24";
  try {
    pinned = readFileSync(new URL("../.nvmrc", import.meta.url), "utf8").trim() || pinned;
  } catch {
    // no .nvmrc: keep "24"
  }
  process.stderr.write(
    [
      "",
      "Onward needs Node " + MIN.join(".") + " or newer (it is developed on Node " + pinned + ", see .nvmrc);",
      "this is Node " + process.versions.node + " (" + process.execPath + ").",
      "",
      "Switch, then run the same npm command again:",
      "  source scripts/use-node24.sh      # fetches Node " +
        pinned +
        " from the npm registry into ~/.cache/onward-node",
      "  nvm install && nvm use            # or: fnm use --install-if-missing · volta install node@" + pinned,
      "",
      "Details: docs/node.md",
      "",
    ].join("\n"),
  );
  process.exit(1);
}
