#!/usr/bin/env bash
# The one step of this repository's GitHub Action (action.yml): checks the inputs of
# Infisical/secrets-action (same names, defaults and meanings) and ours, installs the CLI
# (action-install.sh, sourced: no download before the inputs are known good), turns the inputs
# into infisical-oidc flags, runs `infisical-oidc secrets export`, and reports failures as an
# ::error:: annotation.
#
#   action-export.sh run    check, install, export
#
# One step and one bash process: under a runner each step costs far more than the CLI itself
# (benches/action.rs), and each fork a millisecond or more, so the warm path forks little.
# bash 3.2 or later. Inputs arrive as ACTION_<INPUT> variables (action.yml's `env:`), never
# interpolated into script text.

set -euo pipefail

case "${BASH_SOURCE[0]}" in
    */*) SCRIPTS="${BASH_SOURCE[0]%/*}" ;;
    *) SCRIPTS="." ;;
esac
# Its functions (fail, install, ...): sourced, it installs nothing until `install` is called.
# shellcheck source=scripts/action-install.sh
. "$SCRIPTS/action-install.sh"

# @actions/core's getBooleanInput: only the YAML 1.2 core schema's spellings. Sets BOOL.
boolean() {
    case "$2" in
        true | True | TRUE) BOOL=true ;;
        false | False | FALSE) BOOL=false ;;
        *) fail "Input does not meet YAML 1.2 \"Core Schema\" specification: $1 (Support boolean input list: \`true | True | TRUE | false | False | FALSE\`)" ;;
    esac
}

check() {
    case "${ACTION_METHOD:-}" in
        universal)
            if [ -z "${ACTION_CLIENT_ID:-}" ] || [ -z "${ACTION_CLIENT_SECRET:-}" ]; then
                fail "Missing universal auth credentials (set client-id and client-secret, or use method: oidc)"
            fi
            ;;
        oidc)
            [ -n "${ACTION_IDENTITY_ID:-}" ] || fail "Missing identity ID for OIDC auth (set identity-id)"
            ;;
        aws-iam)
            [ -n "${ACTION_IDENTITY_ID:-}" ] || fail "Missing identity ID for AWS IAM auth (set identity-id)"
            ;;
        *) fail "Invalid authentication method: ${ACTION_METHOD:-}" ;;
    esac
    case "${ACTION_EXPORT_TYPE:-}" in
        env | file) ;;
        *) fail "export-type must be env or file, not '${ACTION_EXPORT_TYPE:-}'" ;;
    esac
    if [ -n "${ACTION_PROJECT_ID:-}" ] && [ -n "${ACTION_PROJECT_SLUG:-}" ]; then
        fail "give project-slug or project-id, not both"
    fi
    boolean include-imports "${ACTION_INCLUDE_IMPORTS:-}"
    boolean recursive "${ACTION_RECURSIVE:-}"
    boolean expand "${ACTION_EXPAND:-}"
    boolean mask "${ACTION_MASK:-}"
    parse_headers
}

# Fills HEADERS with the extra-headers in INFISICAL_CUSTOM_HEADERS' syntax (`Name="value" ...`,
# the official CLI's, src/config.rs parse_custom_headers), read as secrets-action's
# parseHeadersInput reads them: one header a line, blank lines skipped, split at the first colon,
# both sides trimmed. They reach the CLI through its environment, not --header: a header is often
# a gateway credential, and other processes can read a command line.
parse_headers() {
    HEADERS=""
    local line name value n=0
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        line="${line%$'\r'}"
        [ -n "${line//[[:space:]]/}" ] || continue
        case "$line" in
            *:*) ;;
            # The line may hold a credential: name its number, never its text.
            *) fail "extra-headers line $n is not 'Name: value'" ;;
        esac
        trim "${line%%:*}"
        name="$TRIMMED"
        trim "${line#*:}"
        value="$TRIMMED"
        [ -n "$name" ] || fail "extra-headers line $n has no header name before the colon"
        case "$name" in
            *[!A-Za-z0-9\!\#\$%\&\'*+.^_\`\|~-]*)
                fail "extra-headers line $n: the header name is not letters, digits and - (for example CF-Access-Client-Id)" ;;
        esac
        # INFISICAL_CUSTOM_HEADERS drops these silently (as the official CLI does); --header refused them.
        case "$name" in
            [Uu][Ss][Ee][Rr]-[Aa][Gg][Ee][Nn][Tt] | [Aa][Cc][Cc][Ee][Pp][Tt])
                fail "extra-headers line $n: infisical-oidc sets the $name header itself" ;;
        esac
        # Quoted with a quote the value does not hold; a backslash just before the closing quote
        # would keep it open.
        case "$value" in
            *\\) fail "extra-headers line $n: a header value ending in a backslash cannot be passed to infisical-oidc" ;;
            *\"*\'* | *\'*\"*) fail "extra-headers line $n: a header value holding both ' and \" cannot be passed to infisical-oidc" ;;
            *\"*) HEADERS="$HEADERS $name='$value'" ;;
            *) HEADERS="$HEADERS $name=\"$value\"" ;;
        esac
    done <<<"${ACTION_EXTRA_HEADERS:-}"
}

# Sets TRIMMED to $1 without leading and trailing white space.
trim() {
    local text="$1"
    text="${text#"${text%%[![:space:]]*}"}"
    TRIMMED="${text%"${text##*[![:space:]]}"}"
}

# Runs the CLI with its stderr captured (not a terminal: no spinner on act's PTY), so its error
# and hint can become the annotation; stdout (the masks) goes straight to the runner. A command
# substitution forks no program: the warm path is timed (benches/action.rs).
# On Windows runners `shell: bash` is Git Bash, whose MSYS2 runtime rewrites every argument that
# starts with / into a Windows path before starting a native program: `--path /` would reach the
# CLI as `--path C:/Program Files/Git/`. Both switches (Git for Windows', MSYS2's) turn that off;
# elsewhere they are inert variables.
call() {
    local errors status=0
    { errors="$(MSYS_NO_PATHCONV=1 MSYS2_ARG_CONV_EXCL='*' "$@" 2>&1 1>&3 3>&-)" || status=$?; } 3>&1
    STDERR="$errors"
    if [ -n "$errors" ]; then
        printf '%s\n' "$errors" >&2
    fi
    if [ "$status" -ne 0 ]; then
        local line error="" hint=""
        while IFS= read -r line; do
            case "$line" in
                "infisical-oidc: error: "*) [ -n "$error" ] || error="${line#infisical-oidc: error: }" ;;
                "  hint: "*) [ -n "$hint" ] || hint="${line#  hint: }" ;;
            esac
        done <<<"$errors"
        [ -n "$error" ] || error="infisical-oidc exited with status $status"
        [ -z "$hint" ] || error="$error (hint: $hint)"
        fail "$error"
    fi
}

run() {
    check
    install
    local bin="$BIN"
    local args=(secrets export --domain "${ACTION_DOMAIN:-}" --env "${ACTION_ENV_SLUG:-}"
        --path "${ACTION_SECRET_PATH:-}")
    boolean include-imports "${ACTION_INCLUDE_IMPORTS:-}"
    args+=("--include-imports=$BOOL")
    boolean expand "${ACTION_EXPAND:-}"
    args+=("--expand=$BOOL")
    local project="${ACTION_PROJECT_ID:-${ACTION_PROJECT_SLUG:-}}"
    args+=(--project "$project")
    boolean recursive "${ACTION_RECURSIVE:-}"
    [ "$BOOL" = false ] || args+=(--recursive)
    boolean mask "${ACTION_MASK:-}"
    local mask="$BOOL"
    [ "$mask" = true ] || args+=(--no-mask)
    [ -z "${ACTION_TAGS:-}" ] || args+=(--tags "$ACTION_TAGS")
    [ -z "${ACTION_ONLY:-}" ] || args+=(--only "$ACTION_ONLY")
    if [ -n "${ACTION_CA_CERT:-}" ]; then
        # With the rewriting off, a Git Bash path (/d/a/repo/ca.pem) is made a Windows one here.
        if [ "${RUNNER_OS:-}" = Windows ] && [ "${ACTION_CA_CERT#/}" != "$ACTION_CA_CERT" ] &&
            command -v cygpath >/dev/null; then
            ACTION_CA_CERT="$(cygpath -w "$ACTION_CA_CERT")"
        fi
        args+=(--ca-cert "$ACTION_CA_CERT")
    fi
    local names=() name list="${ACTION_ALLOW_NAMES:-}"
    list="${list//[,$'\r\n']/ }"
    [ -z "${list// /}" ] || read -r -a names <<<"$list"
    for name in ${names[@]+"${names[@]}"}; do
        args+=(--allow-name "$name")
    done
    if [ -n "$HEADERS" ]; then
        # After any the workflow set itself: a later header of the same name wins.
        export INFISICAL_CUSTOM_HEADERS="${INFISICAL_CUSTOM_HEADERS:-}$HEADERS"
    fi

    case "$ACTION_METHOD" in
        universal)
            # In the environment, not argv: other processes can read a command line.
            export INFISICAL_UNIVERSAL_AUTH_CLIENT_ID="$ACTION_CLIENT_ID"
            export INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET="$ACTION_CLIENT_SECRET"
            unset INFISICAL_MACHINE_IDENTITY_ID
            ;;
        oidc)
            args+=(--identity-id "$ACTION_IDENTITY_ID")
            [ -z "${ACTION_OIDC_AUDIENCE:-}" ] || args+=(--audience "$ACTION_OIDC_AUDIENCE")
            ;;
        aws-iam)
            # The CLI reads the AWS credential chain (configure-aws-credentials' variables, or the
            # runner's role); the export then reuses the session this login saves.
            local login=(login aws-iam --domain "${ACTION_DOMAIN:-}" --identity-id "$ACTION_IDENTITY_ID")
            [ "$mask" = true ] || login+=(--no-mask)
            [ -z "${ACTION_CA_CERT:-}" ] || login+=(--ca-cert "$ACTION_CA_CERT")
            call "$bin" "${login[@]}"
            args+=(--identity-id "$ACTION_IDENTITY_ID")
            ;;
    esac

    if [ "$ACTION_EXPORT_TYPE" = env ]; then
        args+=(--github-env)
    else
        # secrets-action's rule: the workspace and the path joined as text, so /.env is
        # <workspace>/.env.
        args+=(--format dotenv --output "${GITHUB_WORKSPACE:-}${ACTION_FILE_OUTPUT_PATH:-}")
    fi

    call "$bin" "${args[@]}"

    # The count is the CLI's own summary line (`Fetched N secrets from ...`; an export writes all
    # of them or fails), not lines of the file: a value can span lines, or look like a heredoc.
    local line count=""
    while IFS= read -r line; do
        if [[ "$line" =~ ^Fetched\ ([0-9]+)\ secrets?\ from\  ]]; then
            count="${BASH_REMATCH[1]}"
        fi
    done <<<"$STDERR"
    if [ -z "$count" ]; then
        printf '::warning title=infisical-oidc action::%s\n' "$APP $VERSION printed no \"Fetched N secrets\" line, so the output secrets-count is empty"
    fi
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
        printf 'secrets-count=%s\n' "$count" >>"$GITHUB_OUTPUT"
    fi
}

case "${1:-}" in
    run) run ;;
    *) fail "usage: action-export.sh run" ;;
esac
