#!/usr/bin/env bash
# Refreshes the vendored GraphiQL assets in assets/vendor from the npm registry.
#
#   internal/graphiql/update.sh            # the versions below
#   GRAPHIQL=3.9.0 REACT=18.3.1 internal/graphiql/update.sh
#
# Needs npm and node. It takes the prebuilt UMD bundles (no build step): graphiql's
# graphiql.min.js and graphiql.min.css, and React's production UMD builds, which graphiql
# v3 expects as the globals React and ReactDOM. graphiql v4 and later ship no UMD bundle:
# moving to them means bundling (esbuild) instead of copying. After a refresh, update the
# versions in the package comment of graphiql.go, then run go test ./internal/graphiql and
# the browser test (go test -run TestGraphiQLBrowser ./server).
set -euo pipefail

GRAPHIQL=${GRAPHIQL:-3.9.0}
REACT=${REACT:-18.3.1}

here=$(cd "$(dirname "$0")" && pwd)
out=$here/assets/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$tmp"
npm pack --silent "graphiql@$GRAPHIQL" "react@$REACT" "react-dom@$REACT" >/dev/null
for tgz in "graphiql-$GRAPHIQL" "react-$REACT" "react-dom-$REACT"; do
	mkdir "${tgz%-*}"
	tar -xzf "$tgz.tgz" -C "${tgz%-*}" --strip-components=1
done

rm -rf "$out"
mkdir -p "$out"
cp graphiql/graphiql.min.js graphiql/graphiql.min.css "$out/"
cp react/umd/react.production.min.js "$out/"
cp react-dom/umd/react-dom.production.min.js "$out/"

# graphiql.min.js bundles its dependencies without their notices: install the same
# tree to read each bundled package's license (the bundle's source map names them).
mkdir tree
(cd tree && echo '{"private":true}' >package.json &&
	npm install --silent --no-audit --no-fund --ignore-scripts \
		"graphiql@$GRAPHIQL" "react@$REACT" "react-dom@$REACT" graphql@16 >/dev/null)

GRAPHIQL=$GRAPHIQL REACT=$REACT node - "$tmp" >"$out/NOTICE" <<'EOF'
const fs = require('fs'), path = require('path'), { execFileSync } = require('child_process');
const tmp = process.argv[2], tree = path.join(tmp, 'tree', 'node_modules');
const { GRAPHIQL, REACT } = process.env;

// find returns the directory of an installed package, nested ones included.
function find(name, dir = tree) {
  const direct = path.join(dir, name);
  if (fs.existsSync(path.join(direct, 'package.json'))) return direct;
  for (const entry of fs.readdirSync(dir)) {
    const sub = entry.startsWith('@')
      ? fs.readdirSync(path.join(dir, entry)).map((e) => path.join(dir, entry, e))
      : [path.join(dir, entry)];
    for (const d of sub) {
      const nested = path.join(d, 'node_modules');
      if (fs.existsSync(nested)) {
        const found = find(name, nested);
        if (found) return found;
      }
    }
  }
  return null;
}

// fetch unpacks the newest release of a package the tree lacks (bundled build tools or
// optional peers such as graphql-ws) to read its license.
function fetch(name) {
  const dir = fs.mkdtempSync(path.join(tmp, 'extra-'));
  const tgz = execFileSync('npm', ['pack', '--silent', name], { cwd: dir, encoding: 'utf8' }).trim();
  execFileSync('tar', ['-xzf', tgz, '-C', dir, '--strip-components=1'], { cwd: dir });
  return dir;
}

function notice(name, dir) {
  const pkg = dir ? JSON.parse(fs.readFileSync(path.join(dir, 'package.json'))) : {};
  const file = dir && fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  const text = file ? fs.readFileSync(path.join(dir, file), 'utf8').trim()
    : `(no license file in the package; package.json says ${pkg.license || 'nothing: see the package on npm'})`;
  return `----- ${name}${pkg.version ? '@' + pkg.version : ''} (${pkg.license || 'see below'})\n\n${text}\n`;
}

const map = JSON.parse(fs.readFileSync(path.join(tmp, 'graphiql', 'graphiql.min.js.map')));
const bundled = new Set();
for (const s of map.sources) {
  const m = [...s.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  if (m.length) bundled.add(m[m.length - 1][1]);
}
const names = [...bundled].filter((n) => n !== 'react').sort();

let out = `Third-party software in this directory, copied unmodified from the npm registry by
../../update.sh:

  graphiql.min.js, graphiql.min.css     graphiql@${GRAPHIQL} (MIT)
  react.production.min.js               react@${REACT} (MIT)
  react-dom.production.min.js           react-dom@${REACT} (MIT)

graphiql.min.js also contains these packages (named by its source map; versions are the
ones npm resolves today, the bundle may hold others):
${names.map((n) => '  ' + n).join('\n')}

Their license notices follow.

`;
out += notice('graphiql', path.join(tmp, 'graphiql')) + '\n';
out += notice('react', path.join(tmp, 'react')) + '\n';
out += notice('react-dom', path.join(tmp, 'react-dom')) + '\n';
for (const n of names) out += notice(n, find(n) || fetch(n)) + '\n';
process.stdout.write(out);
EOF

ls -l "$out"
