#!/usr/bin/env bash
# The secrets step of this repository's GitHub Action (action.yml): turns the inputs of
# Infisical/secrets-action (same names, defaults and meanings) and ours into infisical-oidc flags,
# runs `infisical-oidc secrets export`, and reports failures as an ::error:: annotation.
#
#   action-export.sh check         validate the inputs (runs before anything is downloaded)
#   action-export.sh run BINARY    export the secrets with BINARY
#
# bash 3.2 or later. Inputs arrive as ACTION_<INPUT> variables (action.yml's `env:`), never
# interpolated into script text.

set -euo pipefail

fail() {
    local text="$1"
    text="${text//'%'/%25}"
    text="${text//$'\r'/%0D}"
    text="${text//$'\n'/%0A}"
    printf '::error title=infisical-oidc action::%s\n' "$text"
    exit 1
}

# @actions/core's getBooleanInput: only the YAML 1.2 core schema's spellings.
boolean() {
    case "$2" in
        true | True | TRUE) echo true ;;
        false | False | FALSE) echo false ;;
        *) fail "Input does not meet YAML 1.2 \"Core Schema\" specification: $1 (Support boolean input list: \`true | True | TRUE | false | False | FALSE\`)" ;;
    esac
}

check() {
    case "${ACTION_METHOD:-}" in
        universal)
            [ -n "${ACTION_CLIENT_ID:-}" ] && [ -n "${ACTION_CLIENT_SECRET:-}" ] ||
                fail "Missing universal auth credentials (set client-id and client-secret, or use method: oidc)"
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
    boolean include-imports "${ACTION_INCLUDE_IMPORTS:-}" >/dev/null
    boolean recursive "${ACTION_RECURSIVE:-}" >/dev/null
    boolean expand "${ACTION_EXPAND:-}" >/dev/null
    boolean mask "${ACTION_MASK:-}" >/dev/null
    parse_headers
}

# Fills HEADERS with "Name: value" for --header, as secrets-action's parseHeadersInput reads
# extra-headers: one header a line, blank lines skipped, split at the first colon, both sides
# trimmed.
parse_headers() {
    HEADERS=()
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
        name="$(trim "${line%%:*}")"
        value="$(trim "${line#*:}")"
        [ -n "$name" ] || fail "extra-headers line $n has no header name before the colon"
        HEADERS+=("$name: $value")
    done <<<"${ACTION_EXTRA_HEADERS:-}"
}

trim() {
    local text="$1"
    text="${text#"${text%%[![:space:]]*}"}"
    text="${text%"${text##*[![:space:]]}"}"
    printf '%s' "$text"
}

# How many secrets a heredoc-form file holds from byte OFFSET on: NAME<<DELIMITER ... DELIMITER.
count_heredocs() {
    tail -c "+$(($2 + 1))" "$1" | awk '
        d == "" { i = index($0, "<<"); if (i > 0) { d = substr($0, i + 2); n++ } else if (index($0, "=") > 0) n++; next }
        $0 == d { d = "" }
        END { print n + 0 }'
}

# Runs the CLI with stderr in a file, so its error and hint can become the annotation (and no
# spinner is drawn on act's terminal); stdout (the masks) goes straight to the runner.
call() {
    local errors="${RUNNER_TEMP:-/tmp}/infisical-oidc-action.$$.stderr" status=0
    "$@" 2>"$errors" || status=$?
    cat "$errors" >&2
    if [ "$status" -ne 0 ]; then
        local error hint
        error="$(sed -n 's/^infisical-oidc: error: //p' "$errors" | sed -n 1p)"
        hint="$(sed -n 's/^  hint: //p' "$errors" | sed -n 1p)"
        rm -f "$errors"
        [ -n "$error" ] || error="infisical-oidc exited with status $status"
        [ -z "$hint" ] || error="$error (hint: $hint)"
        fail "$error"
    fi
    rm -f "$errors"
}

run() {
    local bin="$1"
    check
    local args=(secrets export --domain "${ACTION_DOMAIN:-}" --env "${ACTION_ENV_SLUG:-}"
        --path "${ACTION_SECRET_PATH:-}"
        "--include-imports=$(boolean include-imports "${ACTION_INCLUDE_IMPORTS:-}")"
        "--expand=$(boolean expand "${ACTION_EXPAND:-}")")
    local project="${ACTION_PROJECT_ID:-${ACTION_PROJECT_SLUG:-}}"
    args+=(--project "$project")
    [ "$(boolean recursive "${ACTION_RECURSIVE:-}")" = false ] || args+=(--recursive)
    [ "$(boolean mask "${ACTION_MASK:-}")" = true ] || args+=(--no-mask)
    [ -z "${ACTION_TAGS:-}" ] || args+=(--tags "$ACTION_TAGS")
    [ -z "${ACTION_ONLY:-}" ] || args+=(--only "$ACTION_ONLY")
    [ -z "${ACTION_CA_CERT:-}" ] || args+=(--ca-cert "$ACTION_CA_CERT")
    local names name header
    read -r -a names <<<"$(printf '%s' "${ACTION_ALLOW_NAMES:-}" | tr ',\n\r' '   ')"
    for name in ${names[@]+"${names[@]}"}; do
        args+=(--allow-name "$name")
    done
    for header in ${HEADERS[@]+"${HEADERS[@]}"}; do
        args+=(--header "$header")
    done

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
            [ "$(boolean mask "${ACTION_MASK:-}")" = true ] || login+=(--no-mask)
            [ -z "${ACTION_CA_CERT:-}" ] || login+=(--ca-cert "$ACTION_CA_CERT")
            for header in ${HEADERS[@]+"${HEADERS[@]}"}; do
                login+=(--header "$header")
            done
            call "$bin" "${login[@]}"
            args+=(--identity-id "$ACTION_IDENTITY_ID")
            ;;
    esac

    local target offset=0
    if [ "$ACTION_EXPORT_TYPE" = env ]; then
        args+=(--github-env)
        target="${GITHUB_ENV:?GITHUB_ENV is not set}"
        [ ! -f "$target" ] || offset="$(wc -c <"$target" | tr -d ' ')"
    else
        # secrets-action's rule: the workspace and the path joined as text, so /.env is
        # <workspace>/.env.
        target="${GITHUB_WORKSPACE:-}${ACTION_FILE_OUTPUT_PATH:-}"
        args+=(--format dotenv --output "$target")
    fi

    call "$bin" "${args[@]}"

    local count
    if [ "$ACTION_EXPORT_TYPE" = env ]; then
        count="$(count_heredocs "$target" "$offset")"
    else
        # dotenv: one line per secret (line breaks inside values are escaped).
        count="$(wc -l <"$target" | tr -d ' ')"
    fi
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
        printf 'secrets-count=%s\n' "$count" >>"$GITHUB_OUTPUT"
    fi
}

case "${1:-}" in
    check) check ;;
    run) run "${2:?usage: action-export.sh run BINARY}" ;;
    *) fail "usage: action-export.sh check | run BINARY" ;;
esac
