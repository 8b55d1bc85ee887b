#!/usr/bin/env node
/* Builds builders/assets/plotly-core.min.js, the plotly.js the page inlines, from the npm package plotly.js
   (a dev dependency in package.json, exact version): plotly's own core entry (lib/core.js: the cartesian axes,
   scatter, shapes, annotations, drag zoom; locales en only), without the bar and pie traces, the calendars
   component and its tables, and the maplibre stylesheet the basic bundle carries. The page draws no trace
   (Plotly.react(plot, [], layout)) and registers its own locale's month names, so the basic bundle's extras were
   parsed and run at every page load for nothing.
       npm ci && node tools/build-plotly.js      # then run the page tests and commit the asset with the version bump
       node tools/build-plotly.js OUT.js         # elsewhere (tests/test_build_html.py checks the asset is this build)
   The same package version gives the same bytes (esbuild's output is deterministic). */
"use strict";
const fs = require("fs");
const path = require("path");
const esbuild = require("esbuild");

const ROOT = path.resolve(__dirname, "..");
const OUT = process.argv[2] ? path.resolve(process.argv[2]) : path.join(ROOT, "builders", "assets", "plotly-core.min.js");
const version = require("plotly.js/package.json").version;

function header() {
  const copyright = fs.readFileSync(require.resolve("plotly.js/LICENSE"), "utf8").match(/Copyright .*/)[0];
  return ["/**", `* plotly.js (core - minified) v${version}`, `* ${copyright}`, "* Licensed under the MIT license",
          `* Built by tools/build-plotly.js from plotly.js@${version} lib/core.js with esbuild ${esbuild.version}`,
          "*/", ""].join("\n");
}

const result = esbuild.buildSync({
  entryPoints: [require.resolve("plotly.js/lib/core.js")],
  bundle: true, format: "iife", globalName: "Plotly", minify: true, target: "es2016",
  define: { global: "window", "define.amd": "false" },  /* as plotly's own esbuild-config.js */
  loader: { ".css": "empty" },  /* maplibre's stylesheet, required only when a map subplot registers */
  legalComments: "eof", write: false, logLevel: "warning"
});
/* ASCII only: esbuild leaves a non-ASCII character inside a regular expression literal as it is (one U+FFFD), and
   one such character makes the browser hold the whole 1.1 MB inline script as a two-byte string, which V8 scans
   and compiles more slowly (bench/results/page.md: the CPU time of a page load). \uXXXX means the same
   in a string, a regular expression, an identifier or a comment. */
function ascii(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}
/* Each module's factory (the function esbuild's __commonJS helper wraps, `W((e,t)=>{...})`) runs once, when
   plotly.js loads. Bare, V8 pre-parses it while compiling the script and parses it again at its call; in
   parentheses it is compiled at once (V8's heuristic for a function called immediately), so each is parsed once:
   about 40 ms less CPU at every page load (bench/results/page.md). The rest stays lazy: compiling everything
   eagerly (V8's allFunctionsCalledOnLoad) cost what it saved. esprima 4.0.1 finds the factories; it is in
   package-lock.json (plotly.js's escodegen needs it), so npm ci installs the same one. */
function eagerModules(code) {
  const esprima = require("esprima");
  const helper = code.match(/var ([A-Za-z_$][\w$]*)=\(e,t\)=>\(\)=>\{try\{return t\|\|e\(/);
  if (!helper) throw new Error("esbuild's __commonJS helper not found: check the bundle's shape");
  const edits = [];
  esprima.parseScript(code, { range: true }, (node) => {
    const arg = node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === helper[1]
      && node.arguments.length === 1 && node.arguments[0];
    if (arg && /FunctionExpression$/.test(arg.type)) edits.push([arg.range[0], "("], [arg.range[1], ")"]);
  });
  edits.sort((a, b) => a[0] - b[0]);
  let out = "", at = 0;
  for (const [pos, text] of edits) { out += code.slice(at, pos) + text; at = pos; }
  return out + code.slice(at);
}
const code = ascii(header() + eagerModules(result.outputFiles[0].text));
const tmp = OUT + ".tmp";
fs.writeFileSync(tmp, code);
fs.renameSync(tmp, OUT);
console.log(`${path.relative(ROOT, OUT)}: ${Buffer.byteLength(code).toLocaleString("en")} bytes, plotly.js ${version}`);
