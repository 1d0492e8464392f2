#!/usr/bin/env bash
# Runs the date-sensitive tests at fixed moments of one week, Beijing time, under libfaketime, so that
# a test or demo datum that depends on the day or hour fails here instead of in CI on a Saturday night.
#
#   scripts/clock-sweep.sh                 # the default moments of the current week, portal e2e + integration
#   scripts/clock-sweep.sh "2026-12-05 00:40" "2026-12-06 10:00"   # given moments (Beijing time)
#   SWEEP_VITEST="packages/api/src/allocation" SWEEP_E2E="e2e/portal.e2e.ts" scripts/clock-sweep.sh
#
# Needs: faketime (Debian: apt-get install -y faketime), built apps (npm run test:e2e builds them; the
# sweep reuses that build), and no embedded PostgreSQL already running on EMBEDDED_PG_PORT: a server
# started outside faketime keeps the real clock, so the sweep refuses to run then.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install -y faketime" >&2; exit 2; }

PORT="${EMBEDDED_PG_PORT:-54329}"
if [ -z "${DATABASE_URL:-}" ] && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "PostgreSQL already answers on port $PORT: stop it first, so the sweep's server runs on the faked clock." >&2
  exit 2
fi

if [ "$#" -gt 0 ]; then
  MOMENTS=("$@")
else
  # This week's Monday in Beijing, then: Saturday 00:40 (window closed, next policy not due), 11:59,
  # 12:30 (just published), Sunday 10:00, Wednesday 23:59.
  MONDAY=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%F) -$(( $(TZ=Asia/Shanghai date +%u) - 1 )) days" +%F)
  MOMENTS=("$(date -d "$MONDAY +5 days" +%F) 00:40" "$(date -d "$MONDAY +5 days" +%F) 11:59" "$(date -d "$MONDAY +5 days" +%F) 12:30" "$(date -d "$MONDAY +6 days" +%F) 10:00" "$(date -d "$MONDAY +2 days" +%F) 23:59")
fi
VITEST_PATHS=${SWEEP_VITEST-"packages/api/src/allocation packages/api/src/home packages/api/src/schedule"}
E2E_SPECS=${SWEEP_E2E-"e2e/portal.e2e.ts"}
# A long spec on a busy shared machine can outlast Playwright's 60 s per test; this sweep is about dates.
E2E_TIMEOUT=${SWEEP_E2E_TIMEOUT-180000}

status=0
summary=()
for moment in "${MOMENTS[@]}"; do
  utc=$(date -u -d "$moment +0800" '+%Y-%m-%d %H:%M:%S')
  echo "=== $moment Beijing ($utc UTC) ==="
  # One clock shared by every process started below (Node, next start, PostgreSQL, Chromium), started at
  # the moment and running on. (--exclude-monotonic would break Chromium's zygote, so it is not used.)
  fake=(env TZ=UTC FAKETIME_DONT_RESET=1 faketime -f "@$utc")
  "${fake[@]}" node --import tsx scripts/clock-check.ts
  result="$moment:"
  if [ -n "$VITEST_PATHS" ]; then
    # The JSON report decides, as in `npm test`: vitest's exit status alone has let a failed test through.
    report=$(mktemp)
    # shellcheck disable=SC2086
    "${fake[@]}" npx vitest run $VITEST_PATHS --reporter=default --reporter=json --outputFile.json="$report" || true
    if node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.exit(r.numTotalTests > 0 && r.numFailedTests === 0 ? 0 : 1)' "$report"; then
      result="$result vitest ok"
    else
      result="$result vitest FAILED"; status=1
    fi
    rm -f "$report"
  fi
  if [ -n "$E2E_SPECS" ]; then
    # shellcheck disable=SC2086
    if "${fake[@]}" node scripts/bootstrap.mjs e2e --no-build $E2E_SPECS --no-deps --timeout="$E2E_TIMEOUT"; then result="$result e2e ok"; else result="$result e2e FAILED"; status=1; fi
  fi
  summary+=("$result")
done
printf '\nSweep summary\n'
printf '  %s\n' "${summary[@]}"
exit $status
