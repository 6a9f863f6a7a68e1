#!/usr/bin/env bash
# MineFunctions developer entry point. Every command installs what is missing first and is idempotent.
#   ./build.sh demo [--out DIR]   run the main job: `mine demo` (simulated mines → workflow → maps, CSVs)
#   ./build.sh test               run every test project (starts Azurite on free ports, stops it after)
#   ./build.sh bench [WHAT]       run the benchmarks (`mine bench WHAT`, default: all)
#   ./build.sh deps               only install dependencies (GDAL, Azurite, NuGet packages)
#   ./build.sh build              deps + Release build of MineFunctions.sln
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
CONFIG="${CONFIG:-Release}"
APT_PACKAGES=(libgdal32 gdal-bin python3-numpy python3-scipy python3-gdal chromium)
MINE_DLL="$ROOT/functions/MineFunctions.Cli/bin/$CONFIG/net10.0/mine.dll"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

need_apt() {
  local missing=()
  ldconfig -p 2>/dev/null | grep -q 'libgdal\.so\.32' || missing+=(libgdal32)
  command -v gdal_rasterize >/dev/null || missing+=(gdal-bin)
  /usr/bin/python3 -c 'import numpy, scipy; from osgeo import gdal' >/dev/null 2>&1 || missing+=(python3-numpy python3-scipy python3-gdal)
  # Headless Chromium for the results page's browser tests (docs/RESULTS-PAGE.md); never downloaded at run time.
  command -v chromium >/dev/null || missing+=(chromium)
  printf '%s\n' "${missing[@]}"
}

deps() {
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dot.net" >&2; exit 1; }
  command -v npm >/dev/null || { echo "Node.js and npm are required (Debian: apt-get install -y nodejs npm)." >&2; exit 1; }
  local missing
  missing="$(need_apt | xargs)"
  if [[ -n "$missing" ]]; then
    if [[ "$(id -u)" == 0 ]]; then
      log "Installing Debian packages: ${APT_PACKAGES[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${APT_PACKAGES[@]}" >/dev/null
    else
      echo "Missing system packages ($missing). Run:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y ${APT_PACKAGES[*]}" >&2
      exit 1
    fi
  fi
  if [[ ! -x node_modules/.bin/azurite ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
    log "Installing Azurite (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  # Locked mode: restore exactly the graph in the committed packages.lock.json files, whatever else
  # the registry serves today; a missing or changed version fails here, not later in a test.
  log "Restoring NuGet packages (locked to packages.lock.json)"
  dotnet restore MineFunctions.sln --locked-mode --verbosity quiet
  # The Bicep CLI (NuGet package) for `bicep build infra/main.bicep` in the App tests.
  dotnet restore infra/tools/bicep.proj --locked-mode --verbosity quiet
}

build() {
  deps
  log "Building MineFunctions.sln ($CONFIG)"
  dotnet build MineFunctions.sln -c "$CONFIG" --no-restore --nologo --verbosity quiet
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

AZURITE_PID=""
AZURITE_DIR=""
start_azurite() {
  AZURITE_DIR="$(mktemp -d -t minefunctions-azurite.XXXXXX)"
  local bp qp tp
  bp="$(free_port)"; qp="$(free_port)"; tp="$(free_port)"
  while [[ "$qp" == "$bp" ]]; do qp="$(free_port)"; done
  while [[ "$tp" == "$bp" || "$tp" == "$qp" ]]; do tp="$(free_port)"; done
  node node_modules/azurite/dist/src/azurite.js --silent --disableTelemetry --skipApiVersionCheck --loose \
    --location "$AZURITE_DIR" --blobHost 127.0.0.1 --blobPort "$bp" --queueHost 127.0.0.1 --queuePort "$qp" \
    --tableHost 127.0.0.1 --tablePort "$tp" >"$AZURITE_DIR/azurite.log" 2>&1 &
  AZURITE_PID=$!
  trap stop_azurite EXIT
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$bp") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$tp") 2>/dev/null \
      && (exec 3<>"/dev/tcp/127.0.0.1/$qp") 2>/dev/null; then break; fi
    kill -0 "$AZURITE_PID" 2>/dev/null || { cat "$AZURITE_DIR/azurite.log" >&2; echo "Azurite failed to start" >&2; exit 1; }
    sleep 0.1
  done
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  export MINEFUNCTIONS_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$bp/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$qp/devstoreaccount1;TableEndpoint=http://127.0.0.1:$tp/devstoreaccount1;"
  log "Azurite (pid $AZURITE_PID) on 127.0.0.1 blob:$bp queue:$qp table:$tp, data in $AZURITE_DIR"
}

stop_azurite() {
  # Stop only the process this script started; SIGTERM first (Azurite flushes), then SIGKILL.
  if [[ -n "$AZURITE_PID" ]] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill -TERM "$AZURITE_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$AZURITE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  AZURITE_PID=""
  [[ -n "$AZURITE_DIR" ]] && rm -rf "$AZURITE_DIR"
  AZURITE_DIR=""
}

run_tests() {
  build
  start_azurite
  local results rc=0
  results="$(mktemp -d -t minefunctions-tests.XXXXXX)"
  log "Running every test project"
  dotnet test MineFunctions.sln -c "$CONFIG" --no-build --nologo --logger "trx" --results-directory "$results" || rc=$?
  stop_azurite
  trap - EXIT
  summarize_tests "$results" || rc=1
  rm -rf "$results"
  return "$rc"
}

# Prints one line per test project from its TRX file and fails when a project ran no test.
summarize_tests() {
  local dir="$1" ok=0 total=0 passed=0 failed=0 skipped=0
  local projects
  projects="$(for p in tests/*/*.csproj; do basename "$p" .csproj; done)"
  echo
  echo "Test summary"
  printf '  %-36s %7s %7s %7s %7s\n' project total passed failed skipped
  for p in $projects; do
    local trx t=0 pa=0 f=0 s=0
    trx="$(grep -l "$p.dll" "$dir"/*.trx 2>/dev/null | head -1 || true)"
    if [[ -n "$trx" ]]; then
      local counters
      counters="$(grep -o '<Counters [^>]*>' "$trx")"
      t="$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")"
      pa="$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")"
      f="$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")"
      s="$(sed -E 's/.* notExecuted="([0-9]+)".*/\1/' <<<"$counters")"
    fi
    printf '  %-36s %7s %7s %7s %7s\n' "$p" "$t" "$pa" "$f" "$s"
    [[ "$pa" -gt 0 ]] || { echo "  ^ $p executed no passing test" >&2; ok=1; }
    total=$((total + t)); passed=$((passed + pa)); failed=$((failed + f)); skipped=$((skipped + s))
  done
  printf '  %-36s %7s %7s %7s %7s\n' TOTAL "$total" "$passed" "$failed" "$skipped"
  [[ "$failed" -eq 0 && "$ok" -eq 0 ]] && echo "RESULT: PASSED" || { echo "RESULT: FAILED"; return 1; }
}

mine() { dotnet "$MINE_DLL" "$@"; }

cmd="${1:-help}"
shift || true
case "$cmd" in
  deps) deps ;;
  build) build ;;
  test) run_tests ;;
  demo) build; mine demo "$@" ;;
  bench) build; mine bench "${@:-all}" ;;
  mine) build; mine "$@" ;;
  help|-h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) echo "unknown command '$cmd'" >&2; sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
