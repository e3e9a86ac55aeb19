# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_infisical_oidc_global_optspecs
    string join \n timeout= retries= rate-limit-wait= max-response-size= ca-cert= allow-insecure-http H/header= v/verbose q/quiet retry-base-ms= h/help V/version
end

function __fish_infisical_oidc_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_infisical_oidc_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_infisical_oidc_using_subcommand
    set -l cmd (__fish_infisical_oidc_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -s V -l version -d 'Print version'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "login" -d 'Log in to Infisical and keep a short-lived session for later commands'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "secrets" -d 'Read secrets'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "run" -d 'Run a command with the secrets in its environment (and nowhere else)'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "status" -d 'Show the saved session: server, identity, where it lives, and how long it lasts'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "whoami" -d 'Show the saved session: server, identity, where it lives, and how long it lasts'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "logout" -d 'Revoke the session\'s access token and delete the session (safe to repeat)'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "completions" -d 'Print a completion script for your shell on standard output'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "man" -d 'Print the manual page (roff) on standard output, or write one page per command to a directory'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "self-update" -d 'Replace this binary with the latest release (or --version X), after checking its sha256'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -f -a "oidc" -d 'Trade an OIDC token (GitHub Actions\' own, or one you hand in) for an Infisical session'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -f -a "universal" -d 'Log in with a Universal Auth client id and secret, where no OIDC token is to be had'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -f -a "jwt" -d 'Log in with Infisical\'s JWT Auth: any JWT you hold, checked against the identity\'s keys'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -f -a "jwt-auth" -d 'Log in with Infisical\'s JWT Auth: any JWT you hold, checked against the identity\'s keys'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -f -a "kubernetes" -d 'Log in from a Kubernetes pod with its service-account token (Infisical\'s Kubernetes Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -f -a "aws-iam" -d 'Log in with the job\'s AWS credentials: a signed STS GetCallerIdentity (Infisical\'s AWS Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -f -a "gcp" -d 'Log in on GCP with the service account\'s ID token from the metadata server (Infisical\'s GCP Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -f -a "gcp-id-token" -d 'Log in on GCP with the service account\'s ID token from the metadata server (Infisical\'s GCP Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -f -a "azure" -d 'Log in on Azure with the managed identity\'s token from IMDS (Infisical\'s Azure Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc universal jwt jwt-auth kubernetes aws-iam gcp gcp-id-token azure help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l identity-id -d 'The machine identity (UUID) whose OIDC auth method accepts the token' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l jwt -d 'The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT) [default: the CI provider\'s own token, else a prompt on a terminal]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l jwt-file -d 'Read the OIDC token from this file (Kubernetes: a projected service-account token)' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l jwt-env -d 'Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l provider -d 'Where to get the OIDC token [default: detected from the CI environment]' -r -f -a "github\t'GitHub Actions\' token service (needs `permissions: id-token: write`)'
gitlab\t'GitLab CI `id_tokens:` (the variable INFISICAL_ID_TOKEN, or --jwt-env)'
circleci\t'CircleCI\'s CIRCLE_OIDC_TOKEN_V2, or `circleci run oidc get` with --audience'
buildkite\t'`buildkite-agent oidc request-token`'
kubernetes\t'The pod\'s projected service-account token file'"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l audience -d 'Audience to request from the CI provider [default: the provider\'s own, e.g. GitHub\'s is the repository owner\'s URL]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l client-id -d 'Universal Auth client id, for places without OIDC (used when no --identity-id is given)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l client-secret -d 'Universal Auth client secret' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l expect-subject -d 'With --dry-run: would the identity\'s OIDC Subject (exact or glob) accept the token?' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l expect-audience -d 'With --dry-run: would the identity\'s OIDC Audiences (comma-separated) accept it?' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l expect-issuer -d 'With --dry-run: would the identity\'s OIDC Issuer accept it?' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l expect-claim -d 'With --dry-run: would this OIDC Claim (NAME=VALUES, comma-separated values or globs) accept it? Repeatable' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l dry-run -d 'Get the token and show what it claims, without sending it to Infisical'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -l client-id -d 'Universal Auth client id' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -l client-secret -d 'Universal Auth client secret' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from universal" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l identity-id -d 'The machine identity (UUID) whose auth method accepts the proof' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l jwt -d 'The JWT itself, or `-` to read it from standard input (also read from INFISICAL_JWT)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l jwt-file -d 'Read the JWT from this file' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l jwt-env -d 'Read the JWT from this environment variable' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l identity-id -d 'The machine identity (UUID) whose auth method accepts the proof' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l jwt -d 'The JWT itself, or `-` to read it from standard input (also read from INFISICAL_JWT)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l jwt-file -d 'Read the JWT from this file' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l jwt-env -d 'Read the JWT from this environment variable' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from jwt-auth" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -l identity-id -d 'The machine identity (UUID) whose auth method accepts the proof' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -l jwt-file -d 'The service-account token file [default: /var/run/secrets/kubernetes.io/serviceaccount/token]' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from kubernetes" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -l identity-id -d 'The machine identity (UUID) whose auth method accepts the proof' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from aws-iam" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -l identity-id -d 'The machine identity (UUID) whose auth method accepts the proof' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -l identity-id -d 'The machine identity (UUID) whose auth method accepts the proof' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from gcp-id-token" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -l identity-id -d 'The machine identity (UUID) whose auth method accepts the proof' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from azure" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "oidc" -d 'Trade an OIDC token (GitHub Actions\' own, or one you hand in) for an Infisical session'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "universal" -d 'Log in with a Universal Auth client id and secret, where no OIDC token is to be had'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "jwt" -d 'Log in with Infisical\'s JWT Auth: any JWT you hold, checked against the identity\'s keys'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "kubernetes" -d 'Log in from a Kubernetes pod with its service-account token (Infisical\'s Kubernetes Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "aws-iam" -d 'Log in with the job\'s AWS credentials: a signed STS GetCallerIdentity (Infisical\'s AWS Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "gcp" -d 'Log in on GCP with the service account\'s ID token from the metadata server (Infisical\'s GCP Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "azure" -d 'Log in on Azure with the managed identity\'s token from IMDS (Infisical\'s Azure Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -f -a "get" -d 'Print the value of a secret (or several, with --format json)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -f -a "list" -d 'List secret names and where each comes from, never values (`what would run inject?`)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -f -a "export" -d 'Print the secrets in a format of your choice, write them to a file, or hand them to later GitHub Actions steps'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from get list export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -s f -l format -d 'Output format' -r -f -a "text\t'For people'
json\t'For programs'"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l token -d 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l project -d 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -s e -l env -d 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l path -d 'Folder to read; repeat to read several in order, later ones winning [default: /]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l include-imports -d 'Include secrets imported into the folder (`--include-imports=false` to leave them out)' -r -f -a "true\t''
false\t''"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l expand -d 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)' -r -f -a "true\t''
false\t''"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -s t -l tags -d 'Only secrets with one of these tags (slugs, filtered by the server)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l only -d 'Only these keys (exact names or globs such as `APP_*`)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l exclude -d 'Leave out these keys (exact names or globs)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l strip-prefix -d 'Remove this prefix from the keys that have it' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l prefix -d 'Add this prefix to every key' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l require -d 'Fail before anything runs or is written unless these keys are present and non-empty' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l identity-id -d 'The machine identity (UUID) whose OIDC auth method accepts the token' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l jwt -d 'The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT) [default: the CI provider\'s own token, else a prompt on a terminal]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l jwt-file -d 'Read the OIDC token from this file (Kubernetes: a projected service-account token)' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l jwt-env -d 'Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l provider -d 'Where to get the OIDC token [default: detected from the CI environment]' -r -f -a "github\t'GitHub Actions\' token service (needs `permissions: id-token: write`)'
gitlab\t'GitLab CI `id_tokens:` (the variable INFISICAL_ID_TOKEN, or --jwt-env)'
circleci\t'CircleCI\'s CIRCLE_OIDC_TOKEN_V2, or `circleci run oidc get` with --audience'
buildkite\t'`buildkite-agent oidc request-token`'
kubernetes\t'The pod\'s projected service-account token file'"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l audience -d 'Audience to request from the CI provider [default: the provider\'s own, e.g. GitHub\'s is the repository owner\'s URL]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l client-id -d 'Universal Auth client id, for places without OIDC (used when no --identity-id is given)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l client-secret -d 'Universal Auth client secret' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l plain -d 'Print the value exactly, without a trailing newline'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l recursive -d 'Also read every folder below --path'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l require-all-nonempty -d 'Fail before anything runs or is written if any selected secret is empty'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -s f -l format -d 'Output format' -r -f -a "text\t'For people'
json\t'For programs'"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l token -d 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l project -d 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -s e -l env -d 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l path -d 'Folder to read; repeat to read several in order, later ones winning [default: /]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l include-imports -d 'Include secrets imported into the folder (`--include-imports=false` to leave them out)' -r -f -a "true\t''
false\t''"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l expand -d 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)' -r -f -a "true\t''
false\t''"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -s t -l tags -d 'Only secrets with one of these tags (slugs, filtered by the server)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l only -d 'Only these keys (exact names or globs such as `APP_*`)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l exclude -d 'Leave out these keys (exact names or globs)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l strip-prefix -d 'Remove this prefix from the keys that have it' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l prefix -d 'Add this prefix to every key' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l require -d 'Fail before anything runs or is written unless these keys are present and non-empty' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l identity-id -d 'The machine identity (UUID) whose OIDC auth method accepts the token' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l jwt -d 'The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT) [default: the CI provider\'s own token, else a prompt on a terminal]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l jwt-file -d 'Read the OIDC token from this file (Kubernetes: a projected service-account token)' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l jwt-env -d 'Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l provider -d 'Where to get the OIDC token [default: detected from the CI environment]' -r -f -a "github\t'GitHub Actions\' token service (needs `permissions: id-token: write`)'
gitlab\t'GitLab CI `id_tokens:` (the variable INFISICAL_ID_TOKEN, or --jwt-env)'
circleci\t'CircleCI\'s CIRCLE_OIDC_TOKEN_V2, or `circleci run oidc get` with --audience'
buildkite\t'`buildkite-agent oidc request-token`'
kubernetes\t'The pod\'s projected service-account token file'"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l audience -d 'Audience to request from the CI provider [default: the provider\'s own, e.g. GitHub\'s is the repository owner\'s URL]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l client-id -d 'Universal Auth client id, for places without OIDC (used when no --identity-id is given)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l client-secret -d 'Universal Auth client secret' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l show-values -d 'Also print values (only when standard output is a terminal)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l recursive -d 'Also read every folder below --path'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l require-all-nonempty -d 'Fail before anything runs or is written if any selected secret is empty'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -s f -l format -d 'Output format' -r -f -a "dotenv\t'KEY=value lines, quoted only where a value needs it'
shell\t'`export KEY=\'value\'` lines, safe to `eval` in sh, dash, bash and zsh'
json\t'One JSON object, key to value'
yaml\t'A YAML mapping with double-quoted values'
csv\t'RFC 4180 CSV with a `key,value` header'
github-env\t'GitHub\'s `KEY<<DELIMITER` form for $GITHUB_ENV and $GITHUB_OUTPUT'
docker\t'`docker run --env-file`: KEY=value taken literally (values with line breaks are refused)'"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file (created with mode 0600) instead of standard output' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l template -d 'Render this template file (or `-` for standard input) instead of a format: `{{ KEY }}`, `{{ KEY | json|shell|base64 }}`, `{{ range }}{{ .Key }}={{ .Value }}{{ end }}`' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l allow-name -d 'Export this name although it loads or runs code, changes how shells parse, redirects trust or steers the runner (BASH_ENV, GIT_CONFIG_*, LD_*, PS4, IFS, SSL_CERT_FILE, RUNNER_*, …; the README lists them all). Any case; repeat or separate with commas' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l token -d 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l project -d 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -s e -l env -d 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l path -d 'Folder to read; repeat to read several in order, later ones winning [default: /]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l include-imports -d 'Include secrets imported into the folder (`--include-imports=false` to leave them out)' -r -f -a "true\t''
false\t''"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l expand -d 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)' -r -f -a "true\t''
false\t''"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -s t -l tags -d 'Only secrets with one of these tags (slugs, filtered by the server)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l only -d 'Only these keys (exact names or globs such as `APP_*`)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l exclude -d 'Leave out these keys (exact names or globs)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l strip-prefix -d 'Remove this prefix from the keys that have it' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l prefix -d 'Add this prefix to every key' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l require -d 'Fail before anything runs or is written unless these keys are present and non-empty' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l identity-id -d 'The machine identity (UUID) whose OIDC auth method accepts the token' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l jwt -d 'The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT) [default: the CI provider\'s own token, else a prompt on a terminal]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l jwt-file -d 'Read the OIDC token from this file (Kubernetes: a projected service-account token)' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l jwt-env -d 'Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l provider -d 'Where to get the OIDC token [default: detected from the CI environment]' -r -f -a "github\t'GitHub Actions\' token service (needs `permissions: id-token: write`)'
gitlab\t'GitLab CI `id_tokens:` (the variable INFISICAL_ID_TOKEN, or --jwt-env)'
circleci\t'CircleCI\'s CIRCLE_OIDC_TOKEN_V2, or `circleci run oidc get` with --audience'
buildkite\t'`buildkite-agent oidc request-token`'
kubernetes\t'The pod\'s projected service-account token file'"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l audience -d 'Audience to request from the CI provider [default: the provider\'s own, e.g. GitHub\'s is the repository owner\'s URL]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l client-id -d 'Universal Auth client id, for places without OIDC (used when no --identity-id is given)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l client-secret -d 'Universal Auth client secret' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l with-metadata -d 'With --format json: each value with where it came from (environment, path, imported)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l github-env -d 'Append the secrets to $GITHUB_ENV, so later steps of the job see them'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l github-output -d 'Append the secrets to $GITHUB_OUTPUT, as outputs of this step'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l recursive -d 'Also read every folder below --path'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l require-all-nonempty -d 'Fail before anything runs or is written if any selected secret is empty'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print the value of a secret (or several, with --format json)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from help" -f -a "list" -d 'List secret names and where each comes from, never values (`what would run inject?`)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print the secrets in a format of your choice, write them to a file, or hand them to later GitHub Actions steps'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l token -d 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l project -d 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -s e -l env -d 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l path -d 'Folder to read; repeat to read several in order, later ones winning [default: /]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l include-imports -d 'Include secrets imported into the folder (`--include-imports=false` to leave them out)' -r -f -a "true\t''
false\t''"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l expand -d 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)' -r -f -a "true\t''
false\t''"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -s t -l tags -d 'Only secrets with one of these tags (slugs, filtered by the server)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l only -d 'Only these keys (exact names or globs such as `APP_*`)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l exclude -d 'Leave out these keys (exact names or globs)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l strip-prefix -d 'Remove this prefix from the keys that have it' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l prefix -d 'Add this prefix to every key' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l require -d 'Fail before anything runs or is written unless these keys are present and non-empty' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l identity-id -d 'The machine identity (UUID) whose OIDC auth method accepts the token' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l jwt -d 'The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT) [default: the CI provider\'s own token, else a prompt on a terminal]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l jwt-file -d 'Read the OIDC token from this file (Kubernetes: a projected service-account token)' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l jwt-env -d 'Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l provider -d 'Where to get the OIDC token [default: detected from the CI environment]' -r -f -a "github\t'GitHub Actions\' token service (needs `permissions: id-token: write`)'
gitlab\t'GitLab CI `id_tokens:` (the variable INFISICAL_ID_TOKEN, or --jwt-env)'
circleci\t'CircleCI\'s CIRCLE_OIDC_TOKEN_V2, or `circleci run oidc get` with --audience'
buildkite\t'`buildkite-agent oidc request-token`'
kubernetes\t'The pod\'s projected service-account token file'"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l audience -d 'Audience to request from the CI provider [default: the provider\'s own, e.g. GitHub\'s is the repository owner\'s URL]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l client-id -d 'Universal Auth client id, for places without OIDC (used when no --identity-id is given)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l client-secret -d 'Universal Auth client secret' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l watch-interval -d 'How often --watch fetches (e.g. 10s, 2.5, 500ms, 2m)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l watch-grace -d 'How long --watch waits after SIGTERM before SIGKILL' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -s c -l command -d 'Run this command line through the shell ($SHELL -c, else sh -c; cmd /C on Windows)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l allow-name -d 'Pass this name to the command although it loads or runs code, changes how shells parse, redirects trust or steers the runner (see `secrets export --allow-name`)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l recursive -d 'Also read every folder below --path'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l require-all-nonempty -d 'Fail before anything runs or is written if any selected secret is empty'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l watch -d 'Fetch the secrets again every --watch-interval and restart the command when they change'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -l identity-id -d 'Only this machine identity\'s session [default: every session]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -l json -d 'Print JSON instead of text'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand status" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -l identity-id -d 'Only this machine identity\'s session [default: every session]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -l json -d 'Print JSON instead of text'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand whoami" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -l identity-id -d 'The machine identity whose session to end [default: every session for the domain]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -l no-mask -d 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand logout" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand completions" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand completions" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand completions" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand completions" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand completions" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand completions" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand completions" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand completions" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand completions" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand completions" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand completions" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -l out-dir -d 'Write every page (this one and one per command) into this directory instead' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l version -d 'Install this release (0.3.1 or v0.3.1) instead of the latest, even an older one' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l timeout -d 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l retries -d 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l rate-limit-wait -d 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l max-response-size -d 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l ca-cert -d 'Also trust the CA certificates in this PEM file (a self-hosted server\'s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system\'s own list, as in OpenSSL and curl' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -s H -l header -d 'Send this header to Infisical (a gateway\'s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l retry-base-ms -d 'First retry delay in milliseconds, doubled each retry (tests set it tiny)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l check -d 'Only say whether another release is available; change nothing'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l force -d 'Update even in CI, where the install step should pin the version instead'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l allow-insecure-http -d 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -s v -l verbose -d 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -s q -l quiet -d 'Print only errors and warnings: no retry notices, no summaries'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run status logout completions man self-update help" -f -a "login" -d 'Log in to Infisical and keep a short-lived session for later commands'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run status logout completions man self-update help" -f -a "secrets" -d 'Read secrets'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run status logout completions man self-update help" -f -a "run" -d 'Run a command with the secrets in its environment (and nowhere else)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run status logout completions man self-update help" -f -a "status" -d 'Show the saved session: server, identity, where it lives, and how long it lasts'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run status logout completions man self-update help" -f -a "logout" -d 'Revoke the session\'s access token and delete the session (safe to repeat)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run status logout completions man self-update help" -f -a "completions" -d 'Print a completion script for your shell on standard output'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run status logout completions man self-update help" -f -a "man" -d 'Print the manual page (roff) on standard output, or write one page per command to a directory'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run status logout completions man self-update help" -f -a "self-update" -d 'Replace this binary with the latest release (or --version X), after checking its sha256'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run status logout completions man self-update help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "oidc" -d 'Trade an OIDC token (GitHub Actions\' own, or one you hand in) for an Infisical session'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "universal" -d 'Log in with a Universal Auth client id and secret, where no OIDC token is to be had'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "jwt" -d 'Log in with Infisical\'s JWT Auth: any JWT you hold, checked against the identity\'s keys'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "kubernetes" -d 'Log in from a Kubernetes pod with its service-account token (Infisical\'s Kubernetes Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "aws-iam" -d 'Log in with the job\'s AWS credentials: a signed STS GetCallerIdentity (Infisical\'s AWS Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "gcp" -d 'Log in on GCP with the service account\'s ID token from the metadata server (Infisical\'s GCP Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "azure" -d 'Log in on Azure with the managed identity\'s token from IMDS (Infisical\'s Azure Auth)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and __fish_seen_subcommand_from secrets" -f -a "get" -d 'Print the value of a secret (or several, with --format json)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and __fish_seen_subcommand_from secrets" -f -a "list" -d 'List secret names and where each comes from, never values (`what would run inject?`)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and __fish_seen_subcommand_from secrets" -f -a "export" -d 'Print the secrets in a format of your choice, write them to a file, or hand them to later GitHub Actions steps'
