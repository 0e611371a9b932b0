#!/usr/bin/env bash
# The one test command. Works on a fresh Debian 12 machine that has the .NET SDK, as root or with sudo:
# installs what the tests need when it is missing, runs every test project of Portal.sln and ends with
# one line "N passed, M failed, K skipped". Exit code: that of dotnet test.
#
# npm installs axe-core (tests/Portal.Tests/package-lock.json) for the accessibility tests.
# The tests start their own PostgreSQL (or use PORTAL_TEST_POSTGRES), Redis and SMTP servers; no system service is
# started here.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# fonts-noto-cjk: without it Chromium draws Japanese text as boxes in screenshots.
packages=(postgresql chromium fonts-noto-cjk python3-aiosmtpd redis-server)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
# npm installs axe-core for the accessibility tests; any Node.js with npm will do.
if ! command -v npm >/dev/null; then
    packages+=(nodejs npm)
    missing+=(nodejs npm)
fi

if ((${#missing[@]} > 0)); then
    echo "Installing test dependencies: ${missing[*]}"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi
    # Keep the postgresql and redis-server packages from starting their services: the tests run private servers of their own.
    policy_created=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
        "${sudo[@]}" chmod +x /usr/sbin/policy-rc.d
        policy_created=1
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update \
        && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
    apt_status=$?
    if [ "$policy_created" -eq 1 ]; then "${sudo[@]}" rm -f /usr/sbin/policy-rc.d; fi
    if [ "$apt_status" -ne 0 ]; then
        echo "apt-get could not install ${missing[*]}" >&2
        echo "0 passed, 0 failed, 0 skipped"
        exit "$apt_status"
    fi
fi

# axe-core, pinned by tests/Portal.Tests/package-lock.json.
if ! npm ci --prefix tests/Portal.Tests --no-audit --no-fund --loglevel=error; then
    echo "npm could not install axe-core for the accessibility tests" >&2
    echo "0 passed, 0 failed, 0 skipped"
    exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet test Portal.sln 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    57, Skipped:     0, Total: ..."
read -r passed failed skipped < <(
    grep -E 'Failed: *[0-9]+, *Passed: *[0-9]+, *Skipped: *[0-9]+' "$log" \
    | sed -E 's/.*Failed: *([0-9]+), *Passed: *([0-9]+), *Skipped: *([0-9]+).*/\2 \1 \3/' \
    | awk '{ p += $1; f += $2; s += $3 } END { printf "%d %d %d\n", p, f, s }'
)
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
