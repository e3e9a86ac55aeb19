#!/usr/bin/env bash
# The install step of this repository's GitHub Action (action.yml): puts the infisical-oidc
# release archive for the runner's OS and CPU into the runner's tool cache, after checking its
# SHA-256 against the sums committed in this repository (action/checksums/<version>.sha256), so
# the binary is checked against what the pinned action commit says, not against the host that
# served it. A cached copy is used without a download, but only once its own SHA-256 matches the
# binary's sum in that same file: on a self-hosted runner the tool cache outlives the job (and
# may be shared by other repositories' jobs), so a binary planted there must never run. A cached
# binary that does not match is removed and replaced by a fresh, verified download.
#
# Run by scripts/action-export.sh, which sources it (one bash process for the action's one step:
# act and the runner charge per step and per process) and calls `install`; run on its own, it
# installs. bash 3.2 or later (Linux, macOS's own bash, and Git Bash on Windows runners). Reads
# its settings from the environment:
#   ACTION_VERSION       the release, 0.3.1 or v0.3.1 [default: the version in this commit's Cargo.toml]
#   ACTION_DOWNLOAD_URL  a directory holding that release's archives (a mirror, GHES)
#                        [default: https://github.com/infisical-oidc/infisical-oidc/releases/download/v<version>]
# and the runner's RUNNER_OS, RUNNER_ARCH, RUNNER_TOOL_CACHE, RUNNER_TEMP, GITHUB_PATH and
# GITHUB_OUTPUT. Writes the output `version`, and sets BIN to the binary's path.
#
# Archive names are the ones dist publishes (tests/integration/release_config.rs checks them).

set -euo pipefail

APP="infisical-oidc"
REPO="infisical-oidc/infisical-oidc"
# The action's root, from this script's own path (no subshells: the warm path is timed).
case "${BASH_SOURCE[0]}" in
    */*) HERE="${BASH_SOURCE[0]%/*}/.." ;;
    *) HERE=".." ;;
esac

# An annotation on the step; the runner reads %, CR and LF escaped in command data.
fail() {
    local text="$1"
    if [ -n "${2:-}" ]; then
        text="$text (hint: $2)"
    fi
    text="${text//'%'/%25}"
    text="${text//$'\r'/%0D}"
    text="${text//$'\n'/%0A}"
    printf '::error title=infisical-oidc action::%s\n' "$text"
    exit 1
}

# The version this commit of the action was released with: the [package] version of Cargo.toml.
default_version() {
    local line
    while IFS= read -r line || [ -n "$line" ]; do
        if [[ "$line" =~ ^version\ =\ \"([^\"]*)\"[[:space:]]*$ ]]; then
            VERSION="${BASH_REMATCH[1]}"
            return
        fi
    done <"$HERE/Cargo.toml"
}

# Sets TARGET, ARCH (the tool cache's name: x64, arm64) and EXE.
pick_target() {
    local os="${RUNNER_OS:-}" cpu="${RUNNER_ARCH:-}"
    case "$cpu" in
        X64 | x64 | amd64) ARCH="x64" ;;
        ARM64 | arm64 | aarch64) ARCH="arm64" ;;
        *) ARCH="" ;;
    esac
    EXE="$APP"
    case "$os/$ARCH" in
        # musl builds are static: they run in any container, whatever its libc.
        Linux/x64) TARGET="x86_64-unknown-linux-musl" ;;
        Linux/arm64) TARGET="aarch64-unknown-linux-musl" ;;
        macOS/x64) TARGET="x86_64-apple-darwin" ;;
        macOS/arm64) TARGET="aarch64-apple-darwin" ;;
        Windows/x64)
            TARGET="x86_64-pc-windows-msvc"
            EXE="$APP.exe"
            ;;
        *)
            fail "there is no $APP build for runners with RUNNER_OS=$os and RUNNER_ARCH=$cpu" \
                "builds exist for Linux X64/ARM64, macOS X64/ARM64 and Windows X64"
            ;;
    esac
}

# Plain http only to this machine (a test or a local mirror), as install.sh and the CLI allow.
check_url() {
    local url="$1" rest hostport host
    case "$url" in
        https://*) return 0 ;;
        http://*) ;;
        *) fail "download-url must be an https:// URL, not $url" ;;
    esac
    rest="${url#http://}"
    hostport="${rest%%[/?#]*}"
    hostport="${hostport##*@}"
    case "$hostport" in
        \[*) host="${hostport%%]*}]" ;;
        *) host="${hostport%%:*}" ;;
    esac
    host="$(printf '%s' "$host" | tr '[:upper:]' '[:lower:]')"
    case "$host" in
        localhost | *.localhost | "[::1]") return 0 ;;
    esac
    if [[ "$host" =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]]; then
        return 0
    fi
    fail "download-url uses plain http:// to $host: the archive would cross the network unprotected" \
        "use https://; plain http is accepted only for this machine (localhost, 127.0.0.0/8, [::1])"
}

# Sets SUM to the SHA-256 of a file, in lower-case hex (one fork: the warm path hashes the
# cached binary on every run). openssl first: it uses the CPU's SHA instructions, 6 MB in ~4 ms
# where coreutils' sha256sum takes ~20 ms and macOS's shasum (Perl) far more.
sha256_of() {
    local sum
    if command -v openssl >/dev/null 2>&1; then
        sum="$(openssl dgst -sha256 -r "$1")"
    elif command -v sha256sum >/dev/null 2>&1; then
        sum="$(sha256sum "$1")"
    elif command -v shasum >/dev/null 2>&1; then
        sum="$(shasum -a 256 "$1")"
    else
        fail "no sha256 tool found (openssl, sha256sum or shasum), so $APP cannot be verified"
    fi
    # All three print lower-case hex first.
    SUM="${sum%% *}"
}

# download URL FILE: the body, following redirects; the failure named in an annotation.
download() {
    local url="$1" out="$2" code protocols="=https"
    case "$url" in
        http://*) protocols="=http,https" ;;
    esac
    if command -v curl >/dev/null 2>&1; then
        code="$(curl --silent --show-error --location --proto "$protocols" --proto-redir "$protocols" \
            --connect-timeout 20 --retry 3 --output "$out" --write-out '%{http_code}' "$url" 2>"$out.log")" || code="000"
        case "$code" in
            2??) return 0 ;;
            000) fail "cannot download $url: $(sed -n '$p' "$out.log")" \
                "check the runner's network and proxy settings (HTTPS_PROXY), or point download-url at a mirror" ;;
            *) fail "downloading $url failed: HTTP $code" \
                "check that version $VERSION is released, and that download-url is the directory holding that release's archives" ;;
        esac
    elif command -v wget >/dev/null 2>&1; then
        wget -q -O "$out" "$url" 2>"$out.log" ||
            fail "downloading $url failed: $(sed -n '$p' "$out.log")" \
                "check the version, the network, and download-url"
    else
        fail "neither curl nor wget is installed on this runner" "install one of them before this step"
    fi
}

# Unpacks the binary from ARCHIVE into DIR (as DIR/$EXE); WORK is scratch space.
unpack() {
    local archive="$1" dir="$2" work="$3" name
    name="${archive##*/}"
    case "$archive" in
        *.zip)
            mkdir -p "$work/unpacked"
            if command -v unzip >/dev/null 2>&1; then
                unzip -q "$archive" -d "$work/unpacked" || fail "cannot unpack $name"
            else
                # Windows runners without unzip: PowerShell's own, with Windows paths.
                powershell -NoProfile -NonInteractive -Command \
                    "Expand-Archive -LiteralPath '$(cygpath -w "$archive")' -DestinationPath '$(cygpath -w "$work/unpacked")'" ||
                    fail "cannot unpack $name"
            fi
            local found
            found="$(find "$work/unpacked" -type f -name "$EXE" | sed -n 1p)"
            [ -n "$found" ] || fail "$name holds no $EXE"
            cp "$found" "$dir/$EXE"
            ;;
        *)
            # dist's layout (tests/integration/release_config.rs): the binary alone in
            # <app>-<target>/; only that member is unpacked, straight into place, mode kept.
            tar -xzf "$archive" -C "$dir" --strip-components=1 "$APP-$TARGET/$EXE" ||
                fail "cannot unpack $APP-$TARGET/$EXE from $name"
            ;;
    esac
}

install() {
    VERSION="${ACTION_VERSION:-}"
    VERSION="${VERSION#v}"
    if [ -z "$VERSION" ]; then
        default_version
    fi
    if [[ ! "$VERSION" =~ ^[0-9A-Za-z.+-]+$ ]]; then
        fail "version must look like 0.3.1, not '$VERSION'"
    fi
    local sums="$HERE/action/checksums/$VERSION.sha256"
    [ -f "$sums" ] || fail "this commit of the action has no checksums for $APP $VERSION (action/checksums/$VERSION.sha256)" \
        "pin the action to a release tag (or its commit), or set version: to a release made before this commit"

    pick_target
    local archive_ext=".tar.gz"
    [ "$EXE" = "$APP" ] || archive_ext=".zip"
    local archive="$APP-$TARGET$archive_ext"

    # The committed sums: the archive's, and the binary's inside it (named `<app>-<target>/<exe>`,
    # its path in the archive), as `<hex>  <name>` (or `<hex> *<name>`) lines, read without a
    # subprocess.
    local member="$APP-$TARGET/$EXE" expected="" expected_bin="" line
    while IFS= read -r line || [ -n "$line" ]; do
        line="${line%$'\r'}"
        case "$line" in
            *"  $archive" | *" *$archive") expected="${line%% *}" ;;
            *"  $member" | *" *$member") expected_bin="${line%% *}" ;;
        esac
    done <"$sums"
    [[ "$expected" =~ ^[0-9a-f]{64}$ ]] || fail "action/checksums/$VERSION.sha256 lists no SHA-256 for $archive"
    [[ "$expected_bin" =~ ^[0-9a-f]{64}$ ]] || fail "action/checksums/$VERSION.sha256 lists no SHA-256 for $member, so a cached binary cannot be verified" \
        "pin the action to a commit whose checksums list the binaries too (the release workflow writes both)"

    # The layout of actions/tool-cache: <cache>/<tool>/<version>/<arch>, complete once
    # <arch>.complete exists (written last), so an image can pre-cache it.
    local cache="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:?RUNNER_TEMP is not set}/tool-cache}"
    local dir="$cache/$APP/$VERSION/$ARCH"

    # The marker says the copy is whole, not that it is ours: whoever can write the tool cache
    # (an earlier job, another repository's, on a self-hosted runner) can write both. So the
    # binary itself is hashed on every run, before anything runs it.
    local cached=false
    if [ -f "$dir.complete" ] && [ -f "$dir/$EXE" ]; then
        sha256_of "$dir/$EXE"
        # $dir goes on PATH ahead of the later steps' own commands (and on Windows the binary
        # loads DLLs from its directory first), and this action puts the binary there alone: a
        # file beside it was planted, and the directory is replaced as a whole. Globs, not ls:
        # no fork on the warm path.
        local entry stray=""
        for entry in "$dir"/* "$dir"/.[!.]* "$dir"/..?*; do
            if [ "$entry" != "$dir/$EXE" ] && { [ -e "$entry" ] || [ -L "$entry" ]; }; then
                stray="${entry##*/}"
                break
            fi
        done
        if [ -n "$stray" ]; then
            printf '::warning title=infisical-oidc action::%s\n' "the tool cache's $dir holds $stray beside $EXE, which this action never puts there: later steps would find it on PATH, so the directory is replaced by a fresh download. Something other than this action wrote the tool cache."
        elif [ "$SUM" = "$expected_bin" ]; then
            cached=true
            echo "$APP $VERSION found in the tool cache (SHA-256 checked): $dir"
        else
            # Never run; replaced below by a verified download. A warning, not an error: a
            # self-hosted runner keeps working, and whoever looks at the run sees it happened.
            printf '::warning title=infisical-oidc action::%s\n' "the $APP in the tool cache ($dir) does not match its SHA-256 in action/checksums/$VERSION.sha256 (got $SUM): it was not run, and is replaced by a fresh download. Something other than this action wrote the tool cache."
        fi
    fi
    if [ "$cached" = false ]; then
        local base="${ACTION_DOWNLOAD_URL:-https://github.com/$REPO/releases/download/v$VERSION}"
        base="${base%/}"
        # A mirror's login in the URL (https://user:token@mirror/...) is masked before anything
        # prints it: the runner masks by itself only values that come from `secrets.*`. Longest
        # first, as act's runner applies masks in the order they came.
        local authority="${base#*://}"
        authority="${authority%%[/?#]*}"
        case "$authority" in
            *@*)
                local login="${authority%@*}"
                printf '::add-mask::%s\n' "$login"
                [ "${login#*:}" = "$login" ] || printf '::add-mask::%s\n' "${login#*:}"
                ;;
        esac
        check_url "$base"
        # Fewest processes: each costs milliseconds in the step (benches/action.rs).
        if [ -e "$dir" ] || [ -e "$dir.complete" ]; then
            rm -rf "$dir" "$dir.complete" 2>/dev/null || true
            if [ -e "$dir" ] || [ -e "$dir.complete" ]; then
                fail "cannot remove $dir (or $dir.complete) from the tool cache, which holds a binary this action did not verify" \
                    "delete it as its owner, or give the runner a tool cache (RUNNER_TOOL_CACHE) only its own jobs can write"
            fi
        fi
        local work
        if [ -n "${RUNNER_TEMP:-}" ]; then
            # The job's own directory, which the runner empties after the job.
            work="$RUNNER_TEMP/$APP-install.$$"
            mkdir -p "$dir" "$work"
        else
            mkdir -p "$dir"
            work="$(mktemp -d "/tmp/$APP-install.XXXXXX")"
            # shellcheck disable=SC2064 # expand now: the trap runs at exit
            trap "rm -rf '$work'" EXIT
        fi
        echo "Downloading $base/$archive"
        download "$base/$archive" "$work/$archive"
        sha256_of "$work/$archive"
        local actual="$SUM"
        if [ "$actual" != "$expected" ]; then
            fail "SHA-256 mismatch for $archive from $base: expected $expected (action/checksums/$VERSION.sha256), got $actual; nothing was installed or run" \
                "the download was altered on the way (a proxy, a mirror) or download-url serves another version"
        fi
        unpack "$work/$archive" "$dir" "$work"
        [ -x "$dir/$EXE" ] || fail "$EXE from $archive is not executable"
        # The archive matched, so this can only fail if the committed file contradicts itself;
        # checked anyway, as the warm path will check it.
        sha256_of "$dir/$EXE"
        if [ "$SUM" != "$expected_bin" ]; then
            rm -rf "$dir"
            fail "SHA-256 mismatch for $member unpacked from $archive: expected $expected_bin (action/checksums/$VERSION.sha256), got $SUM; nothing was run"
        fi
        # Written last: the cache entry is complete once this exists.
        : >"$dir.complete"
        echo "Installed $APP $VERSION ($TARGET, SHA-256 $actual) into $dir"
    fi

    # shellcheck disable=SC2034 # read by action-export.sh, which sources this script
    BIN="$dir/$EXE"
    printf '%s\n' "$dir" >>"${GITHUB_PATH:?GITHUB_PATH is not set}"
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
        printf 'version=%s\n' "$VERSION" >>"$GITHUB_OUTPUT"
    fi
}

# Sourced by action-export.sh, which calls install after checking the inputs.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    install "$@"
fi
