#!/bin/sh
# Installs infisical-oidc from its GitHub releases: picks the archive built for this machine,
# refuses it unless its sha256 matches the published one, and puts the binary in ~/.local/bin
# (no sudo). POSIX sh: runs under dash, bash, zsh's sh mode and busybox ash, with curl or wget.
#
#   curl -LsSf https://github.com/infisical-oidc/infisical-oidc/releases/latest/download/install.sh | sh
#   curl -LsSf .../install.sh | sh -s -- --version 0.3.1 --to /opt/bin
#
# Archive names and variable names are the ones dist (dist-workspace.toml) publishes and its own
# installers read; tests/install.rs and tests/release_config.rs keep them in step.
#
# Everything runs from `main` on the last line, so a download cut short runs nothing.

set -u

APP="infisical-oidc"
# The release location, as Cargo.toml's `repository` names it.
REPO="infisical-oidc/infisical-oidc"
ARCHIVE_EXT=".tar.gz"
# The gnu builds come from Ubuntu 22.04 runners (glibc 2.35): an older glibc gets the static musl
# build, which runs on any Linux.
GNU_MIN_GLIBC="2.35"

usage() {
    cat <<EOF
install.sh: install $APP from its GitHub releases, checking the archive's sha256

usage: curl -LsSf https://github.com/$REPO/releases/latest/download/install.sh | sh -s -- [options]

options:
  --version X               the release to install, 0.3.1 or v0.3.1 [default: the latest]
                            (env INFISICAL_OIDC_VERSION)
  --to DIR                  where to put the binary [default: ~/.local/bin]
                            (env INFISICAL_OIDC_INSTALL_DIR)
  --insecure-skip-checksum  install even without checking the sha256 (not recommended)
  --allow-insecure-http     allow plain http:// to a host other than this machine
                            (env INFISICAL_ALLOW_INSECURE_HTTP=true)
  -h, --help                print this help

environment:
  INFISICAL_OIDC_DOWNLOAD_URL   a mirror: the URL of a directory holding one release's
                                $APP-<target>$ARCHIVE_EXT and .sha256 files
  INFISICAL_OIDC_GITHUB_TOKEN   a GitHub token for finding the latest release (GitHub's API
                                allows 60 anonymous requests an hour per IP address)
  INFISICAL_OIDC_INSTALLER_GITHUB_BASE_URL   another GitHub (Enterprise) [default: https://github.com]

exit codes: 0 installed, 1 error, 2 bad option or no such version, 5 network
EOF
}

say() {
    printf '%s\n' "install.sh: $*" >&2
}

# fail CODE MESSAGE [HINT]: one line saying what went wrong, one saying what to do.
fail() {
    printf '%s\n' "install.sh: error: $2" >&2
    if [ -n "${3:-}" ]; then
        printf '%s\n' "  hint: $3" >&2
    fi
    exit "$1"
}

has() {
    command -v "$1" >/dev/null 2>&1
}

cleanup() {
    if [ -n "${STAGED:-}" ]; then
        rm -f "$STAGED"
    fi
    if [ -n "${WORK:-}" ]; then
        rm -rf "$WORK"
    fi
}

parse_args() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --version)
                [ $# -ge 2 ] || fail 2 "--version needs a value" "for example --version 0.3.1"
                VERSION="$2"
                shift 2
                ;;
            --version=*)
                VERSION="${1#*=}"
                shift
                ;;
            --to)
                [ $# -ge 2 ] || fail 2 "--to needs a directory" "for example --to \"\$HOME/bin\""
                INSTALL_DIR="$2"
                shift 2
                ;;
            --to=*)
                INSTALL_DIR="${1#*=}"
                shift
                ;;
            --insecure-skip-checksum)
                SKIP_CHECKSUM=1
                shift
                ;;
            --allow-insecure-http)
                ALLOW_HTTP=1
                shift
                ;;
            -h | --help)
                usage
                exit 0
                ;;
            *)
                fail 2 "unknown option: $1" "see --help"
                ;;
        esac
    done
}

# version_at_least 2.36 2.35: compares major.minor numerically.
version_at_least() {
    have_major="${1%%.*}"
    have_minor="${1#*.}"
    have_minor="${have_minor%%.*}"
    want_major="${2%%.*}"
    want_minor="${2#*.}"
    want_minor="${want_minor%%.*}"
    case "$have_major$have_minor" in
        "" | *[!0-9]*) return 1 ;;
    esac
    [ "$have_major" -gt "$want_major" ] ||
        { [ "$have_major" -eq "$want_major" ] && [ "$have_minor" -ge "$want_minor" ]; }
}

# The glibc version (2.36), or nothing on musl and other libcs.
glibc_version() {
    reply="$(getconf GNU_LIBC_VERSION 2>/dev/null)" || reply=""
    case "$reply" in
        "glibc "*)
            printf '%s\n' "${reply#glibc }"
            return 0
            ;;
    esac
    reply="$(ldd --version 2>&1)" || reply=""
    case "$reply" in
        *GLIBC* | *"GNU libc"*)
            printf '%s\n' "$reply" | sed -n '1s/.* \([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p'
            ;;
    esac
}

unsupported() {
    fail 1 "there is no build of $APP for $1 on $2" \
        "builds exist for Linux x86_64/aarch64, macOS x86_64/arm64 and Windows x86_64; elsewhere build from source: cargo install --locked --git https://github.com/$REPO"
}

# Sets TARGET to the Rust target triple whose archive runs here.
detect_target() {
    os="$(uname -s)" || fail 1 "uname failed"
    arch="$(uname -m)" || fail 1 "uname failed"
    case "$arch" in
        x86_64 | amd64) cpu="x86_64" ;;
        aarch64 | arm64) cpu="aarch64" ;;
        *) cpu="" ;;
    esac
    case "$os" in
        Linux)
            [ -n "$cpu" ] || unsupported "$os" "$arch"
            glibc="$(glibc_version)"
            if [ -n "$glibc" ] && version_at_least "$glibc" "$GNU_MIN_GLIBC"; then
                TARGET="$cpu-unknown-linux-gnu"
            else
                TARGET="$cpu-unknown-linux-musl"
            fi
            ;;
        Darwin)
            [ -n "$cpu" ] || unsupported "$os" "$arch"
            # An x86_64 shell under Rosetta on Apple silicon: install the native build.
            if [ "$cpu" = "x86_64" ] && [ "$(sysctl -n sysctl.proc_translated 2>/dev/null)" = "1" ]; then
                cpu="aarch64"
            fi
            TARGET="$cpu-apple-darwin"
            ;;
        MINGW* | MSYS* | CYGWIN* | Windows_NT)
            fail 1 "this installer is for Linux and macOS; on Windows use the PowerShell installer" \
                "powershell -ExecutionPolicy Bypass -c \"irm $GITHUB_BASE/$REPO/releases/latest/download/$APP-installer.ps1 | iex\""
            ;;
        *)
            unsupported "$os" "$arch"
            ;;
    esac
}

pick_downloader() {
    if has curl; then
        DOWNLOADER="curl"
    elif has wget; then
        DOWNLOADER="wget"
        case "$(wget --help 2>&1)" in
            *BusyBox*) WGET_IS_BUSYBOX=1 ;;
        esac
    else
        fail 1 "neither curl nor wget is installed" "install one of them, for example: apt-get install -y curl"
    fi
}

# fetch URL FILE [HEADER]: returns 0 when saved, 1 when the server answered 404, 2 for another
# HTTP error and 3 when there was no answer at all; FETCH_ERROR says what happened.
fetch() {
    fetch_log="$WORK/fetch.log"
    FETCH_ERROR=""
    if [ "$DOWNLOADER" = "curl" ]; then
        # From https://, curl follows redirects itself, to https:// only. From plain http://
        # (which require_safe_url has judged) it follows none: follow_redirect judges each one
        # before any request, with the same rule as for the URL given, as for wget below.
        fetch_url="$1"
        fetch_file="$2"
        fetch_header="${3:-}"
        redirects=0
        while :; do
            case "$fetch_url" in
                http://*) set -- --proto =http,https --max-redirs 0 ;;
                *) set -- -L --proto =https --proto-redir =https ;;
            esac
            set -- "$@" -sS --connect-timeout 20 --retry 2 -o "$fetch_file" \
                -w '%{http_code} %{redirect_url}'
            if [ -n "$fetch_header" ]; then
                set -- "$@" -H "$fetch_header"
            fi
            answer="$(curl "$@" "$fetch_url" 2>"$fetch_log")" || answer="000"
            code="${answer%% *}"
            location=""
            case "$answer" in
                *" "*) location="${answer#* }" ;;
            esac
            case "$code" in
                3??)
                    [ -n "$location" ] || break
                    redirects=$((redirects + 1))
                    if [ "$redirects" -gt 5 ]; then
                        FETCH_ERROR="more than 5 redirects"
                        return 3
                    fi
                    follow_redirect "$fetch_url" "$location"
                    fetch_url="$NEXT_URL"
                    # A token goes only where it was sent (GitHub's API), never where that redirects.
                    fetch_header=""
                    ;;
                *) break ;;
            esac
        done
        case "$code" in
            2??) return 0 ;;
            404)
                FETCH_ERROR="HTTP 404"
                return 1
                ;;
            000 | "")
                FETCH_ERROR="$(sed -n '$p' "$fetch_log")"
                return 3
                ;;
            *)
                FETCH_ERROR="HTTP $code"
                return 2
                ;;
        esac
    fi
    # GNU wget and busybox wget share only a few options, and differ in exit codes: read the log
    # (in the C locale, whatever the user's). Busybox 1.35's wget crashes on -T, so only GNU wget
    # gets a timeout and retries.
    # GNU wget follows a redirect anywhere, https:// to plain http:// included: its --https-only
    # only filters the links of a recursive download, never the URL given or a redirect (checked
    # with GNU Wget 1.21.3). So it follows none (--max-redirect=0) and follow_redirect judges each
    # one before any request, as for curl above. Busybox wget has no way to stop
    # at a redirect: with it, one from https:// to http:// is followed (prefer curl there).
    fetch_url="$1"
    fetch_file="$2"
    fetch_header="${3:-}"
    redirects=0
    while :; do
        set -- -O "$fetch_file"
        if [ -z "${WGET_IS_BUSYBOX:-}" ]; then
            set -- "$@" -T 30 --tries=3 --max-redirect=0
        fi
        if [ -n "$fetch_header" ]; then
            set -- "$@" --header="$fetch_header"
        fi
        if LC_ALL=C wget "$@" "$fetch_url" 2>"$fetch_log"; then
            return 0
        fi
        [ -z "${WGET_IS_BUSYBOX:-}" ] || break
        location="$(sed -n 's/^Location: \(.*\) \[following\]$/\1/p' "$fetch_log" | sed -n '$p')"
        [ -n "$location" ] || break
        redirects=$((redirects + 1))
        if [ "$redirects" -gt 5 ]; then
            FETCH_ERROR="more than 5 redirects"
            return 3
        fi
        follow_redirect "$fetch_url" "$location"
        fetch_url="$NEXT_URL"
        # A token goes only where it was sent (GitHub's API), never where that redirects.
        fetch_header=""
    done
    log="$(cat "$fetch_log")"
    FETCH_ERROR="$(sed -n '$p' "$fetch_log")"
    case "$log" in
        *" 404 "* | *" 404: "*)
            FETCH_ERROR="HTTP 404"
            return 1
            ;;
        *"ERROR "[0-9][0-9][0-9]* | *"server returned error"*) return 2 ;;
        *) return 3 ;;
    esac
}

# follow_redirect FROM LOCATION: sets NEXT_URL to where the redirect from FROM leads, unless the
# rule for URLs refuses it: from https:// only to https://, from http:// (judged by
# require_safe_url) also to plain http:// that require_safe_url would let through.
follow_redirect() {
    scheme="${2%%:*}"
    case "$scheme" in
        "$2" | "" | *[!A-Za-z0-9+.-]*)
            # A relative reference: against FROM's origin, or its directory.
            origin="${1#*://}"
            origin="${1%%://*}://${origin%%[/?#]*}"
            case "$2" in
                //*) NEXT_URL="${1%%://*}:$2" ;;
                /*) NEXT_URL="$origin$2" ;;
                *)
                    dir="${1%%[?#]*}"
                    case "${dir#*://}" in
                        */*) dir="${dir%/*}" ;;
                    esac
                    NEXT_URL="$dir/$2"
                    ;;
            esac
            ;;
        *) NEXT_URL="$(printf '%s' "$scheme" | tr '[:upper:]' '[:lower:]'):${2#*:}" ;;
    esac
    case "$NEXT_URL" in
        https://*) return 0 ;;
        http://*)
            case "$1" in
                http://*)
                    http_is_safe "$NEXT_URL" && return 0
                    why="plain http:// to $HTTP_HOST lets anyone on the way swap the archive and its checksum"
                    ;;
                *) why="it leaves https:// for plain http://, where anyone on the way could swap the archive and its checksum" ;;
            esac
            ;;
        *) why="only http:// and https:// are followed" ;;
    esac
    fail 5 "refusing the redirect from $1 to $(printf '%s' "$NEXT_URL" | tr -d '\000-\037\177'): $why" \
        "the server, or something on the way, sent it: retry from a network you trust, or point INFISICAL_OIDC_DOWNLOAD_URL at an https:// mirror"
}

no_answer_hint() {
    printf '%s' "check the network and proxy settings (curl and wget read HTTPS_PROXY); without access to GitHub, point INFISICAL_OIDC_DOWNLOAD_URL at a mirror of the release"
}

# Sets VERSION to the latest release's, from GitHub's API.
resolve_latest() {
    api="$API_BASE/repos/$REPO/releases/latest"
    header=""
    if [ -n "${INFISICAL_OIDC_GITHUB_TOKEN:-}" ]; then
        header="Authorization: Bearer $INFISICAL_OIDC_GITHUB_TOKEN"
    fi
    status=0
    fetch "$api" "$WORK/latest.json" "$header" || status=$?
    case "$status" in
        0) ;;
        1) fail 1 "$REPO has no published release ($api answered 404)" "install a version you know exists with --version" ;;
        2) fail 5 "GitHub's API refused to name the latest release: $FETCH_ERROR from $api" \
            "GitHub allows 60 anonymous API requests an hour per IP address: set INFISICAL_OIDC_GITHUB_TOKEN, or pin a version with --version (which needs no API request)" ;;
        *) fail 5 "cannot reach $api: $FETCH_ERROR" "$(no_answer_hint)" ;;
    esac
    tag="$(sed -n 's/.*"tag_name"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$WORK/latest.json" | sed -n 1p)"
    [ -n "$tag" ] || fail 5 "unexpected answer from $api: no tag_name"
    VERSION="${tag#v}"
}

# download NAME: saves BASE_URL/NAME into WORK, or explains why it cannot.
download() {
    url="$BASE_URL/$1"
    status=0
    fetch "$url" "$WORK/$1" || status=$?
    case "$status" in
        0) return 0 ;;
        1)
            if [ -n "$MIRROR" ]; then
                fail 2 "the mirror has no $1 ($url answered 404)" \
                    "INFISICAL_OIDC_DOWNLOAD_URL must be the directory holding one release's files, such as https://mirror.example/$APP/v0.3.1"
            fi
            fail 2 "there is no $APP $VERSION for $TARGET ($url answered 404)" \
                "check the version against https://github.com/$REPO/releases"
            ;;
        2) fail 5 "downloading $url failed: $FETCH_ERROR" "retry in a moment" ;;
        *) fail 5 "cannot download $url: $FETCH_ERROR" "$(no_answer_hint)" ;;
    esac
}

has_sha256_tool() {
    has sha256sum || has shasum || has openssl
}

sha256_of() {
    if has sha256sum; then
        sum="$(sha256sum "$1")" || return 1
    elif has shasum; then
        sum="$(shasum -a 256 "$1")" || return 1
    elif has openssl; then
        sum="$(openssl dgst -sha256 -r "$1")" || return 1
    else
        return 1
    fi
    printf '%s\n' "${sum%% *}" | tr 'A-F' 'a-f'
}

verify_checksum() {
    expected="$(sed -n '1s/^\([0-9a-fA-F]\{64\}\)\([[:space:]].*\)\{0,1\}$/\1/p' "$WORK/$ARCHIVE.sha256" | tr 'A-F' 'a-f')"
    [ -n "$expected" ] || fail 1 "$BASE_URL/$ARCHIVE.sha256 does not hold a sha256 checksum" \
        "retry; if it persists, the download is being altered on the way (a proxy, a mirror)"
    actual="$(sha256_of "$WORK/$ARCHIVE")" || fail 1 "cannot compute the sha256 of $ARCHIVE"
    if [ "$actual" != "$expected" ]; then
        fail 1 "checksum mismatch for $ARCHIVE: expected $expected, got $actual; nothing was installed" \
            "retry; if it persists, the download is being altered on the way (a proxy, a mirror) and should not be trusted"
    fi
}

# Unpacks the archive and checks the binary runs; sets NEW_BIN and REPORTED (its --version).
unpack() {
    mkdir "$WORK/unpacked" || fail 1 "cannot create a directory in $WORK"
    if ! tar -xzf "$WORK/$ARCHIVE" -C "$WORK/unpacked" 2>"$WORK/tar.log"; then
        fail 1 "cannot unpack $ARCHIVE: $(sed -n '$p' "$WORK/tar.log"); nothing was installed" \
            "retry; the download may have been cut short"
    fi
    NEW_BIN="$WORK/unpacked/$APP-$TARGET/$APP"
    [ -f "$NEW_BIN" ] || fail 1 "$ARCHIVE holds no $APP-$TARGET/$APP; nothing was installed"
    chmod 755 "$NEW_BIN" || fail 1 "cannot make $NEW_BIN executable"
    if ! REPORTED="$("$NEW_BIN" --version </dev/null 2>&1)"; then
        fail 1 "the downloaded $APP does not run here: $REPORTED; nothing was installed" \
            "report it with the output of \`uname -a\` at https://github.com/$REPO/issues"
    fi
    REPORTED="$(printf '%s\n' "$REPORTED" | sed -n 1p)"
    got="$(printf '%s\n' "$REPORTED" | sed -n 's/^[^ ]* \([^ ]*\).*/\1/p')"
    if [ -n "$VERSION" ] && [ "$got" != "$VERSION" ]; then
        fail 1 "$ARCHIVE holds $APP $got, not $VERSION; nothing was installed" \
            "check that INFISICAL_OIDC_DOWNLOAD_URL points at the $VERSION release"
    fi
}

# is_loopback_ipv4 HOST: 127.a.b.c in digits, nothing else (`127.evil.example` is a name).
is_loopback_ipv4() {
    rest="${1#127.}"
    [ "$rest" != "$1" ] || return 1
    case "$rest" in
        "" | *[!0-9.]* | .* | *. | *..*) return 1 ;;
    esac
    # Exactly two more dots: a.b.c, each part digits (checked above).
    tail="${rest#*.}"
    case "$tail" in
        *.*.* | "$rest") return 1 ;;
        *.*) return 0 ;;
    esac
    return 1
}

# require_safe_url SETTING URL: plain http:// only to this machine, or with --allow-insecure-http
# (the rule the CLI applies to Infisical): the checksum comes from the same place as the archive,
# so whoever can alter one on the way can alter both.
require_safe_url() {
    case "$2" in
        http://*) ;;
        *) return 0 ;;
    esac
    http_is_safe "$2" && return 0
    fail 2 "refusing $1=$2: plain http:// to $HTTP_HOST lets anyone on the way swap the archive and its checksum" \
        "use https://, or pass --allow-insecure-http (INFISICAL_ALLOW_INSECURE_HTTP=true) on a network you trust"
}

# http_is_safe URL: whether plain http:// may go to URL's host (set in HTTP_HOST).
http_is_safe() {
    # The authority ends at the first / ? or #, and its host follows the last @: as curl reads it
    # (`http://evil.example#@127.0.0.1/` goes to evil.example).
    HTTP_HOST="${1#http://}"
    HTTP_HOST="${HTTP_HOST%%[/?#]*}"
    HTTP_HOST="${HTTP_HOST##*@}"
    case "$HTTP_HOST" in
        \[*) HTTP_HOST="${HTTP_HOST%%]*}]" ;;
        *) HTTP_HOST="${HTTP_HOST%%:*}" ;;
    esac
    [ -z "$ALLOW_HTTP" ] || return 0
    case "$HTTP_HOST" in
        localhost | *.localhost | "[::1]") return 0 ;;
    esac
    is_loopback_ipv4 "$HTTP_HOST"
}

# Copies the binary next to its destination under a fresh name (mktemp: never an existing file
# or a planted link), then renames it into place: the destination is either the old binary or
# the whole new one, never a partial file.
install_binary() {
    mkdir -p "$INSTALL_DIR" 2>/dev/null ||
        fail 1 "cannot create $INSTALL_DIR" "pass --to with a directory you can write (no sudo needed for ~/.local/bin)"
    # In a directory anyone can write without the sticky bit, anyone can also rename our staged
    # file away and put their own in its place before the final rename.
    perms="$(ls -ld "$INSTALL_DIR/" 2>/dev/null)" || perms=""
    case "$perms" in
        d????????[tT]*) ;;
        d???????w?*)
            fail 1 "refusing to install into $INSTALL_DIR: anyone can write in it and it has no sticky bit" \
                "pass --to with a directory only you (or root) can write, or chmod o-w (or +t) it"
            ;;
    esac
    STAGED="$(mktemp "$INSTALL_DIR/.$APP.XXXXXXXX" 2>/dev/null)" || STAGED=""
    if [ -z "$STAGED" ] || ! cp "$NEW_BIN" "$STAGED" 2>/dev/null || ! chmod 755 "$STAGED"; then
        fail 1 "cannot write into $INSTALL_DIR" "pass --to with a directory you can write (no sudo needed for ~/.local/bin)"
    fi
    mv -f "$STAGED" "$INSTALL_DIR/$APP" || fail 1 "cannot replace $INSTALL_DIR/$APP"
    STAGED=""
}

# In GitHub Actions, later steps of the job find the binary on PATH.
add_to_github_path() {
    if [ "${GITHUB_ACTIONS:-}" != "true" ] || [ -z "${GITHUB_PATH:-}" ]; then
        return 1
    fi
    if [ -f "$GITHUB_PATH" ]; then
        while IFS= read -r line; do
            if [ "$line" = "$INSTALL_DIR" ]; then
                return 0
            fi
        done <"$GITHUB_PATH"
    fi
    printf '%s\n' "$INSTALL_DIR" >>"$GITHUB_PATH" || fail 1 "cannot append to GITHUB_PATH ($GITHUB_PATH)"
    say "added $INSTALL_DIR to GITHUB_PATH: the next steps of this job find $APP"
}

main() {
    VERSION="${INFISICAL_OIDC_VERSION:-}"
    INSTALL_DIR="${INFISICAL_OIDC_INSTALL_DIR:-}"
    MIRROR="${INFISICAL_OIDC_DOWNLOAD_URL:-}"
    SKIP_CHECKSUM=""
    case "${INFISICAL_ALLOW_INSECURE_HTTP:-}" in
        1 | true | TRUE | True | yes | on) ALLOW_HTTP=1 ;;
        *) ALLOW_HTTP="" ;;
    esac
    STAGED=""
    WORK=""
    parse_args "$@"

    GITHUB_BASE="${INFISICAL_OIDC_INSTALLER_GHE_BASE_URL:-${INFISICAL_OIDC_INSTALLER_GITHUB_BASE_URL:-https://github.com}}"
    GITHUB_BASE="${GITHUB_BASE%/}"
    require_safe_url INFISICAL_OIDC_INSTALLER_GITHUB_BASE_URL "$GITHUB_BASE"
    if [ -n "$MIRROR" ]; then
        require_safe_url INFISICAL_OIDC_DOWNLOAD_URL "$MIRROR"
    fi
    if [ "$GITHUB_BASE" = "https://github.com" ]; then
        API_BASE="https://api.github.com"
    else
        API_BASE="$GITHUB_BASE/api/v3"
    fi

    VERSION="${VERSION#v}"
    case "$VERSION" in
        latest) VERSION="" ;;
        *[!0-9A-Za-z.+-]*) fail 2 "not a version: $VERSION" "for example --version 0.3.1" ;;
    esac
    if [ -z "$INSTALL_DIR" ]; then
        [ -n "${HOME:-}" ] || fail 2 "HOME is not set, so there is no ~/.local/bin" "pass --to DIR"
        INSTALL_DIR="$HOME/.local/bin"
    fi
    case "$INSTALL_DIR" in
        /*) ;;
        *) INSTALL_DIR="$(pwd)/$INSTALL_DIR" ;;
    esac
    INSTALL_DIR="${INSTALL_DIR%/}"

    detect_target
    pick_downloader
    if [ -z "$SKIP_CHECKSUM" ] && ! has_sha256_tool; then
        fail 1 "no sha256 tool found (sha256sum, shasum or openssl), so the download cannot be verified" \
            "install coreutils (or perl's shasum, or openssl), or pass --insecure-skip-checksum to install unverified"
    fi

    trap cleanup EXIT
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 143' TERM
    WORK="$(mktemp -d 2>/dev/null || mktemp -d -t "$APP")" || WORK=""
    if [ -z "$WORK" ] || [ ! -d "$WORK" ]; then
        fail 1 "cannot create a temporary directory" "set TMPDIR to a writable directory"
    fi

    if [ -n "$MIRROR" ]; then
        BASE_URL="${MIRROR%/}"
    else
        if [ -z "$VERSION" ]; then
            resolve_latest
        fi
        BASE_URL="$GITHUB_BASE/$REPO/releases/download/v$VERSION"
    fi
    ARCHIVE="$APP-$TARGET$ARCHIVE_EXT"
    say "installing $APP ${VERSION:-from $BASE_URL} ($TARGET) into $INSTALL_DIR"

    if [ -n "$SKIP_CHECKSUM" ]; then
        say "warning: --insecure-skip-checksum: the archive is NOT verified"
        download "$ARCHIVE"
    else
        download "$ARCHIVE.sha256"
        download "$ARCHIVE"
        verify_checksum
    fi
    unpack
    install_binary
    say "installed $REPORTED to $INSTALL_DIR/$APP"

    if ! add_to_github_path; then
        case ":${PATH:-}:" in
            *":$INSTALL_DIR:"*) ;;
            *) say "$INSTALL_DIR is not on your PATH; add it: echo 'export PATH=\"$INSTALL_DIR:\$PATH\"' >> ~/.profile" ;;
        esac
    fi
}

main "$@"
