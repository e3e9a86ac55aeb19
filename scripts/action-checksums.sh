#!/usr/bin/env bash
# Prints action/checksums/<version>.sha256 for the release archives in DIR, as the release
# workflow (.github/workflows/action-checksums.yml) commits it: one `<hex>  <name>` line (the
# format of sha256sum) per archive, and one per binary inside it, named by its path in the
# archive (`infisical-oidc-<target>/infisical-oidc`, `.exe` on Windows), sorted by name.
# scripts/action-install.sh checks a download against the archive's line, and the binary in the
# runner's tool cache against the binary's line on every run (the tool cache of a self-hosted
# runner outlives the job, so what it holds is checked, not trusted).
#
#   action-checksums.sh DIR > action/checksums/<version>.sha256
#
# Needs bash, sha256sum, tar, and unzip for the Windows archive.

set -euo pipefail

APP="infisical-oidc"
cd "${1:?usage: action-checksums.sh DIR}"
shopt -s nullglob
archives=("$APP"-*.tar.gz "$APP"-*.zip)
if [ "${#archives[@]}" -eq 0 ]; then
    echo "action-checksums.sh: no $APP-*.tar.gz or $APP-*.zip in $PWD" >&2
    exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for archive in "${archives[@]}"; do
    sha256sum "$archive"
    case "$archive" in
        *.zip)
            name="${archive%.zip}"
            exe="$APP.exe"
            mkdir -p "$work/$name"
            unzip -q "$archive" -d "$work/$name"
            # The action takes the one $exe anywhere in the zip (action-install.sh's unpack).
            found="$(find "$work/$name" -type f -name "$exe")"
            if [ -z "$found" ] || [ "$(printf '%s\n' "$found" | wc -l)" -ne 1 ]; then
                echo "action-checksums.sh: $archive holds no single $exe" >&2
                exit 1
            fi
            ;;
        *)
            name="${archive%.tar.gz}"
            exe="$APP"
            mkdir -p "$work/$name"
            # The member the action unpacks: dist's layout, the binary in <app>-<target>/.
            tar -xzf "$archive" -C "$work/$name" "$name/$exe"
            found="$work/$name/$name/$exe"
            ;;
    esac
    sum="$(sha256sum <"$found")"
    printf '%s  %s\n' "${sum%% *}" "$name/$exe"
done | LC_ALL=C sort -k 2
