#!/usr/bin/env bash
# Subscribes the blob trigger to the storage account's Event Grid topic: step 4 of docs/DEPLOY.md,
# after infra/main.bicep is deployed and the image is pushed. Run it again any time; it only waits,
# then (re)deploys infra/subscription.bicep, which is idempotent.
#   infra/subscribe.sh <resource-group> [main-deployment-name]   (default name: main)
#
# Why it waits: creating the subscription reads the app's blobs_extension key, which the Functions
# host creates on its first start, and Event Grid validates the webhook against the live host, which
# answers 503 while it starts or restarts (azure-functions-host #5722). So: wait until /api/health
# answers 200 and the key exists, then deploy, retrying a refused validation.
#
# Environment: MINEFUNCTIONS_SUBSCRIBE_TIMEOUT (seconds to wait for the app, default 900),
# MINEFUNCTIONS_SUBSCRIBE_POLL (seconds between checks, default 15), MINEFUNCTIONS_SUBSCRIBE_ATTEMPTS
# (deployments tried, default 5).
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 <resource-group> [main-deployment-name]" >&2
  exit 2
fi
RG="$1"
DEPLOYMENT="${2:-main}"
TIMEOUT="${MINEFUNCTIONS_SUBSCRIBE_TIMEOUT:-900}"
POLL="${MINEFUNCTIONS_SUBSCRIBE_POLL:-15}"
ATTEMPTS="${MINEFUNCTIONS_SUBSCRIBE_ATTEMPTS:-5}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { printf 'subscribe: %s\n' "$*" >&2; }

output() {
  local value
  value="$(az deployment group show -g "$RG" -n "$DEPLOYMENT" --query "properties.outputs.$1.value" -o tsv)"
  [[ -n "$value" ]] || { log "deployment '$DEPLOYMENT' in '$RG' has no output $1: deploy infra/main.bicep first"; exit 1; }
  printf '%s' "$value"
}

APP="$(output functionAppName)"
TOPIC="$(output eventGridTopicName)"
INPUT="$(output inputContainer)"
API="$(output apiBaseUrl)"
deadline=$((SECONDS + TIMEOUT))

waiting() {
  if (( SECONDS >= deadline )); then
    log "gave up after ${TIMEOUT}s waiting for $1 (is the image pushed and the app restarted? see docs/DEPLOY.md)"
    exit 1
  fi
  log "waiting for $1"
  sleep "$POLL"
}

# The host's keys: listing them fails while the host has never started or is restarting.
key() { az functionapp keys list -g "$RG" -n "$APP" --query "$1" -o tsv 2>/dev/null || true; }

code=""
until [[ -n "$code" ]]; do
  code="$(key functionKeys.default)"
  [[ -n "$code" ]] || waiting "the host keys of $APP"
done

until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$API/health?code=$code" || true)" == 200 ]]; do
  waiting "$API/health to answer 200"
done
log "$API/health answers 200"

until [[ -n "$(key systemKeys.blobs_extension)" ]]; do
  waiting "the blobs_extension key of $APP"
done

for ((attempt = 1; ; attempt++)); do
  if az deployment group create -g "$RG" -n blob-subscription -f "$HERE/subscription.bicep" \
      -p functionAppName="$APP" topicName="$TOPIC" inputContainer="$INPUT" -o none; then
    log "Event Grid subscription of $APP's InputBlobTrigger is in place"
    exit 0
  fi
  if (( attempt >= ATTEMPTS )); then
    log "the subscription deployment failed $attempt times; see the deployment 'blob-subscription' in '$RG'"
    exit 1
  fi
  log "subscription deployment failed (attempt $attempt of $ATTEMPTS; the host may be restarting); retrying"
  sleep $((POLL * attempt))
done
