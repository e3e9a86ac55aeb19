
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'infisical-oidc' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'infisical-oidc'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'infisical-oidc' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to Infisical and keep a short-lived session for later commands')
            [CompletionResult]::new('secrets', 'secrets', [CompletionResultType]::ParameterValue, 'Read secrets')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command with the secrets in its environment (and nowhere else)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the saved session: server, identity, where it lives, and how long it lasts')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the saved session: server, identity, where it lives, and how long it lasts')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke the session''s access token and delete the session (safe to repeat)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a completion script for your shell on standard output')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff) on standard output, or write one page per command to a directory')
            [CompletionResult]::new('self-update', 'self-update', [CompletionResultType]::ParameterValue, 'Replace this binary with the latest release (or --version X), after checking its sha256')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'infisical-oidc;login' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose OIDC auth method accepts the token')
            [CompletionResult]::new('--jwt', '--jwt', [CompletionResultType]::ParameterName, 'The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT) [default: the CI provider''s own token, else a prompt on a terminal]')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'Read the OIDC token from this file (Kubernetes: a projected service-account token)')
            [CompletionResult]::new('--jwt-env', '--jwt-env', [CompletionResultType]::ParameterName, 'Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Where to get the OIDC token [default: detected from the CI environment]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Audience to request from the CI provider [default: the provider''s own, e.g. GitHub''s is the repository owner''s URL]')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Universal Auth client id, for places without OIDC (used when no --identity-id is given)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Universal Auth client secret')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The login method, by this CLI''s or the official CLI''s name; `auto` also probes the cloud metadata services [default: the one identity source found, without probing]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('oidc', 'oidc', [CompletionResultType]::ParameterValue, 'Trade an OIDC token (GitHub Actions'' own, or one you hand in) for an Infisical session')
            [CompletionResult]::new('oidc-auth', 'oidc-auth', [CompletionResultType]::ParameterValue, 'Trade an OIDC token (GitHub Actions'' own, or one you hand in) for an Infisical session')
            [CompletionResult]::new('universal', 'universal', [CompletionResultType]::ParameterValue, 'Log in with a Universal Auth client id and secret, where no OIDC token is to be had')
            [CompletionResult]::new('universal-auth', 'universal-auth', [CompletionResultType]::ParameterValue, 'Log in with a Universal Auth client id and secret, where no OIDC token is to be had')
            [CompletionResult]::new('jwt', 'jwt', [CompletionResultType]::ParameterValue, 'Log in with Infisical''s JWT Auth: any JWT you hold, checked against the identity''s keys')
            [CompletionResult]::new('jwt-auth', 'jwt-auth', [CompletionResultType]::ParameterValue, 'Log in with Infisical''s JWT Auth: any JWT you hold, checked against the identity''s keys')
            [CompletionResult]::new('kubernetes', 'kubernetes', [CompletionResultType]::ParameterValue, 'Log in from a Kubernetes pod with its service-account token (Infisical''s Kubernetes Auth)')
            [CompletionResult]::new('aws-iam', 'aws-iam', [CompletionResultType]::ParameterValue, 'Log in with the job''s AWS credentials: a signed STS GetCallerIdentity (Infisical''s AWS Auth)')
            [CompletionResult]::new('gcp', 'gcp', [CompletionResultType]::ParameterValue, 'Log in on GCP with the service account''s ID token from the metadata server (Infisical''s GCP Auth)')
            [CompletionResult]::new('gcp-id-token', 'gcp-id-token', [CompletionResultType]::ParameterValue, 'Log in on GCP with the service account''s ID token from the metadata server (Infisical''s GCP Auth)')
            [CompletionResult]::new('azure', 'azure', [CompletionResultType]::ParameterValue, 'Log in on Azure with the managed identity''s token from IMDS (Infisical''s Azure Auth)')
            [CompletionResult]::new('gcp-iam', 'gcp-iam', [CompletionResultType]::ParameterValue, 'Log in on GCP with a JWT the service account signs (Infisical''s GCP Auth, type IAM)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'infisical-oidc;login;oidc' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose OIDC auth method accepts the token')
            [CompletionResult]::new('--jwt', '--jwt', [CompletionResultType]::ParameterName, 'The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT) [default: the CI provider''s own token, else a prompt on a terminal]')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'Read the OIDC token from this file (Kubernetes: a projected service-account token)')
            [CompletionResult]::new('--jwt-env', '--jwt-env', [CompletionResultType]::ParameterName, 'Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Where to get the OIDC token [default: detected from the CI environment]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Audience to request from the CI provider [default: the provider''s own, e.g. GitHub''s is the repository owner''s URL]')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Universal Auth client id, for places without OIDC (used when no --identity-id is given)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Universal Auth client secret')
            [CompletionResult]::new('--expect-subject', '--expect-subject', [CompletionResultType]::ParameterName, 'With --dry-run: would the identity''s OIDC Subject (exact or glob) accept the token?')
            [CompletionResult]::new('--expect-audience', '--expect-audience', [CompletionResultType]::ParameterName, 'With --dry-run: would the identity''s OIDC Audiences (comma-separated) accept it?')
            [CompletionResult]::new('--expect-issuer', '--expect-issuer', [CompletionResultType]::ParameterName, 'With --dry-run: would the identity''s OIDC Issuer accept it?')
            [CompletionResult]::new('--expect-claim', '--expect-claim', [CompletionResultType]::ParameterName, 'With --dry-run: would this OIDC Claim (NAME=VALUES, comma-separated values or globs) accept it? Repeatable')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Get the token and show what it claims, without sending it to Infisical')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'infisical-oidc;login;oidc-auth' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose OIDC auth method accepts the token')
            [CompletionResult]::new('--jwt', '--jwt', [CompletionResultType]::ParameterName, 'The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT) [default: the CI provider''s own token, else a prompt on a terminal]')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'Read the OIDC token from this file (Kubernetes: a projected service-account token)')
            [CompletionResult]::new('--jwt-env', '--jwt-env', [CompletionResultType]::ParameterName, 'Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Where to get the OIDC token [default: detected from the CI environment]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Audience to request from the CI provider [default: the provider''s own, e.g. GitHub''s is the repository owner''s URL]')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Universal Auth client id, for places without OIDC (used when no --identity-id is given)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Universal Auth client secret')
            [CompletionResult]::new('--expect-subject', '--expect-subject', [CompletionResultType]::ParameterName, 'With --dry-run: would the identity''s OIDC Subject (exact or glob) accept the token?')
            [CompletionResult]::new('--expect-audience', '--expect-audience', [CompletionResultType]::ParameterName, 'With --dry-run: would the identity''s OIDC Audiences (comma-separated) accept it?')
            [CompletionResult]::new('--expect-issuer', '--expect-issuer', [CompletionResultType]::ParameterName, 'With --dry-run: would the identity''s OIDC Issuer accept it?')
            [CompletionResult]::new('--expect-claim', '--expect-claim', [CompletionResultType]::ParameterName, 'With --dry-run: would this OIDC Claim (NAME=VALUES, comma-separated values or globs) accept it? Repeatable')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Get the token and show what it claims, without sending it to Infisical')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'infisical-oidc;login;universal' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Universal Auth client id')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Universal Auth client secret')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;login;universal-auth' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Universal Auth client id')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Universal Auth client secret')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;login;jwt' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose auth method accepts the proof')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--jwt', '--jwt', [CompletionResultType]::ParameterName, 'The JWT itself, or `-` to read it from standard input (also read from INFISICAL_JWT)')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'Read the JWT from this file')
            [CompletionResult]::new('--jwt-env', '--jwt-env', [CompletionResultType]::ParameterName, 'Read the JWT from this environment variable')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;login;jwt-auth' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose auth method accepts the proof')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--jwt', '--jwt', [CompletionResultType]::ParameterName, 'The JWT itself, or `-` to read it from standard input (also read from INFISICAL_JWT)')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'Read the JWT from this file')
            [CompletionResult]::new('--jwt-env', '--jwt-env', [CompletionResultType]::ParameterName, 'Read the JWT from this environment variable')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;login;kubernetes' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose auth method accepts the proof')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'The service-account token file [default: /var/run/secrets/kubernetes.io/serviceaccount/token]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;login;aws-iam' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose auth method accepts the proof')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;login;gcp' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose auth method accepts the proof')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;login;gcp-id-token' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose auth method accepts the proof')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;login;azure' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose auth method accepts the proof')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;login;gcp-iam' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose auth method accepts the proof')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--service-account-key-file-path', '--service-account-key-file-path', [CompletionResultType]::ParameterName, 'A service-account key file (JSON) to sign with, instead of the metadata server''s account (also INFISICAL_GCP_IAM_SERVICE_ACCOUNT_KEY_FILE_PATH, then GOOGLE_APPLICATION_CREDENTIALS)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;login;help' {
            [CompletionResult]::new('oidc', 'oidc', [CompletionResultType]::ParameterValue, 'Trade an OIDC token (GitHub Actions'' own, or one you hand in) for an Infisical session')
            [CompletionResult]::new('universal', 'universal', [CompletionResultType]::ParameterValue, 'Log in with a Universal Auth client id and secret, where no OIDC token is to be had')
            [CompletionResult]::new('jwt', 'jwt', [CompletionResultType]::ParameterValue, 'Log in with Infisical''s JWT Auth: any JWT you hold, checked against the identity''s keys')
            [CompletionResult]::new('kubernetes', 'kubernetes', [CompletionResultType]::ParameterValue, 'Log in from a Kubernetes pod with its service-account token (Infisical''s Kubernetes Auth)')
            [CompletionResult]::new('aws-iam', 'aws-iam', [CompletionResultType]::ParameterValue, 'Log in with the job''s AWS credentials: a signed STS GetCallerIdentity (Infisical''s AWS Auth)')
            [CompletionResult]::new('gcp', 'gcp', [CompletionResultType]::ParameterValue, 'Log in on GCP with the service account''s ID token from the metadata server (Infisical''s GCP Auth)')
            [CompletionResult]::new('azure', 'azure', [CompletionResultType]::ParameterValue, 'Log in on Azure with the managed identity''s token from IMDS (Infisical''s Azure Auth)')
            [CompletionResult]::new('gcp-iam', 'gcp-iam', [CompletionResultType]::ParameterValue, 'Log in on GCP with a JWT the service account signs (Infisical''s GCP Auth, type IAM)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'infisical-oidc;login;help;oidc' {
            break
        }
        'infisical-oidc;login;help;universal' {
            break
        }
        'infisical-oidc;login;help;jwt' {
            break
        }
        'infisical-oidc;login;help;kubernetes' {
            break
        }
        'infisical-oidc;login;help;aws-iam' {
            break
        }
        'infisical-oidc;login;help;gcp' {
            break
        }
        'infisical-oidc;login;help;azure' {
            break
        }
        'infisical-oidc;login;help;gcp-iam' {
            break
        }
        'infisical-oidc;login;help;help' {
            break
        }
        'infisical-oidc;secrets' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the value of a secret (or several, with --format json)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List secret names and where each comes from, never values (`what would run inject?`)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the secrets in a format of your choice, write them to a file, or hand them to later GitHub Actions steps')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'infisical-oidc;secrets;get' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Folder to read; repeat to read several in order, later ones winning [default: /]')
            [CompletionResult]::new('--include-imports', '--include-imports', [CompletionResultType]::ParameterName, 'Include secrets imported into the folder (`--include-imports=false` to leave them out)')
            [CompletionResult]::new('--expand', '--expand', [CompletionResultType]::ParameterName, 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only secrets with one of these tags (slugs, filtered by the server)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Only secrets with one of these tags (slugs, filtered by the server)')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Only these keys (exact names or globs such as `APP_*`)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Leave out these keys (exact names or globs)')
            [CompletionResult]::new('--strip-prefix', '--strip-prefix', [CompletionResultType]::ParameterName, 'Remove this prefix from the keys that have it')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Add this prefix to every key')
            [CompletionResult]::new('--require', '--require', [CompletionResultType]::ParameterName, 'Fail before anything runs or is written unless these keys are present and non-empty')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose OIDC auth method accepts the token')
            [CompletionResult]::new('--jwt', '--jwt', [CompletionResultType]::ParameterName, 'The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT) [default: the CI provider''s own token, else a prompt on a terminal]')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'Read the OIDC token from this file (Kubernetes: a projected service-account token)')
            [CompletionResult]::new('--jwt-env', '--jwt-env', [CompletionResultType]::ParameterName, 'Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Where to get the OIDC token [default: detected from the CI environment]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Audience to request from the CI provider [default: the provider''s own, e.g. GitHub''s is the repository owner''s URL]')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Universal Auth client id, for places without OIDC (used when no --identity-id is given)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Universal Auth client secret')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--plain', '--plain', [CompletionResultType]::ParameterName, 'Print the value exactly, without a trailing newline')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Also read every folder below --path')
            [CompletionResult]::new('--require-all-nonempty', '--require-all-nonempty', [CompletionResultType]::ParameterName, 'Fail before anything runs or is written if any selected secret is empty')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'infisical-oidc;secrets;list' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Folder to read; repeat to read several in order, later ones winning [default: /]')
            [CompletionResult]::new('--include-imports', '--include-imports', [CompletionResultType]::ParameterName, 'Include secrets imported into the folder (`--include-imports=false` to leave them out)')
            [CompletionResult]::new('--expand', '--expand', [CompletionResultType]::ParameterName, 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only secrets with one of these tags (slugs, filtered by the server)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Only secrets with one of these tags (slugs, filtered by the server)')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Only these keys (exact names or globs such as `APP_*`)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Leave out these keys (exact names or globs)')
            [CompletionResult]::new('--strip-prefix', '--strip-prefix', [CompletionResultType]::ParameterName, 'Remove this prefix from the keys that have it')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Add this prefix to every key')
            [CompletionResult]::new('--require', '--require', [CompletionResultType]::ParameterName, 'Fail before anything runs or is written unless these keys are present and non-empty')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose OIDC auth method accepts the token')
            [CompletionResult]::new('--jwt', '--jwt', [CompletionResultType]::ParameterName, 'The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT) [default: the CI provider''s own token, else a prompt on a terminal]')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'Read the OIDC token from this file (Kubernetes: a projected service-account token)')
            [CompletionResult]::new('--jwt-env', '--jwt-env', [CompletionResultType]::ParameterName, 'Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Where to get the OIDC token [default: detected from the CI environment]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Audience to request from the CI provider [default: the provider''s own, e.g. GitHub''s is the repository owner''s URL]')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Universal Auth client id, for places without OIDC (used when no --identity-id is given)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Universal Auth client secret')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--show-values', '--show-values', [CompletionResultType]::ParameterName, 'Also print values (only when standard output is a terminal)')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Also read every folder below --path')
            [CompletionResult]::new('--require-all-nonempty', '--require-all-nonempty', [CompletionResultType]::ParameterName, 'Fail before anything runs or is written if any selected secret is empty')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'infisical-oidc;secrets;export' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (created with mode 0600) instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (created with mode 0600) instead of standard output')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Render this template file (or `-` for standard input) instead of a format: `{{ KEY }}`, `{{ KEY | json|shell|base64 }}`, `{{ range }}{{ .Key }}={{ .Value }}{{ end }}`')
            [CompletionResult]::new('--allow-name', '--allow-name', [CompletionResultType]::ParameterName, 'Export this name although it loads or runs code, changes how shells parse, redirects trust or steers the runner (BASH_ENV, GIT_CONFIG_*, LD_*, PS4, IFS, SSL_CERT_FILE, RUNNER_*, …; the README lists them all). Any case; repeat or separate with commas')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Folder to read; repeat to read several in order, later ones winning [default: /]')
            [CompletionResult]::new('--include-imports', '--include-imports', [CompletionResultType]::ParameterName, 'Include secrets imported into the folder (`--include-imports=false` to leave them out)')
            [CompletionResult]::new('--expand', '--expand', [CompletionResultType]::ParameterName, 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only secrets with one of these tags (slugs, filtered by the server)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Only secrets with one of these tags (slugs, filtered by the server)')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Only these keys (exact names or globs such as `APP_*`)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Leave out these keys (exact names or globs)')
            [CompletionResult]::new('--strip-prefix', '--strip-prefix', [CompletionResultType]::ParameterName, 'Remove this prefix from the keys that have it')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Add this prefix to every key')
            [CompletionResult]::new('--require', '--require', [CompletionResultType]::ParameterName, 'Fail before anything runs or is written unless these keys are present and non-empty')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose OIDC auth method accepts the token')
            [CompletionResult]::new('--jwt', '--jwt', [CompletionResultType]::ParameterName, 'The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT) [default: the CI provider''s own token, else a prompt on a terminal]')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'Read the OIDC token from this file (Kubernetes: a projected service-account token)')
            [CompletionResult]::new('--jwt-env', '--jwt-env', [CompletionResultType]::ParameterName, 'Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Where to get the OIDC token [default: detected from the CI environment]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Audience to request from the CI provider [default: the provider''s own, e.g. GitHub''s is the repository owner''s URL]')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Universal Auth client id, for places without OIDC (used when no --identity-id is given)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Universal Auth client secret')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--with-metadata', '--with-metadata', [CompletionResultType]::ParameterName, 'With --format json: each value with where it came from (environment, path, imported)')
            [CompletionResult]::new('--github-env', '--github-env', [CompletionResultType]::ParameterName, 'Append the secrets to $GITHUB_ENV, so later steps of the job see them')
            [CompletionResult]::new('--github-output', '--github-output', [CompletionResultType]::ParameterName, 'Append the secrets to $GITHUB_OUTPUT, as outputs of this step')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Also read every folder below --path')
            [CompletionResult]::new('--require-all-nonempty', '--require-all-nonempty', [CompletionResultType]::ParameterName, 'Fail before anything runs or is written if any selected secret is empty')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'infisical-oidc;secrets;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the value of a secret (or several, with --format json)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List secret names and where each comes from, never values (`what would run inject?`)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the secrets in a format of your choice, write them to a file, or hand them to later GitHub Actions steps')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'infisical-oidc;secrets;help;get' {
            break
        }
        'infisical-oidc;secrets;help;list' {
            break
        }
        'infisical-oidc;secrets;help;export' {
            break
        }
        'infisical-oidc;secrets;help;help' {
            break
        }
        'infisical-oidc;run' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Folder to read; repeat to read several in order, later ones winning [default: /]')
            [CompletionResult]::new('--include-imports', '--include-imports', [CompletionResultType]::ParameterName, 'Include secrets imported into the folder (`--include-imports=false` to leave them out)')
            [CompletionResult]::new('--expand', '--expand', [CompletionResultType]::ParameterName, 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only secrets with one of these tags (slugs, filtered by the server)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Only secrets with one of these tags (slugs, filtered by the server)')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Only these keys (exact names or globs such as `APP_*`)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Leave out these keys (exact names or globs)')
            [CompletionResult]::new('--strip-prefix', '--strip-prefix', [CompletionResultType]::ParameterName, 'Remove this prefix from the keys that have it')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Add this prefix to every key')
            [CompletionResult]::new('--require', '--require', [CompletionResultType]::ParameterName, 'Fail before anything runs or is written unless these keys are present and non-empty')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose OIDC auth method accepts the token')
            [CompletionResult]::new('--jwt', '--jwt', [CompletionResultType]::ParameterName, 'The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT) [default: the CI provider''s own token, else a prompt on a terminal]')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'Read the OIDC token from this file (Kubernetes: a projected service-account token)')
            [CompletionResult]::new('--jwt-env', '--jwt-env', [CompletionResultType]::ParameterName, 'Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Where to get the OIDC token [default: detected from the CI environment]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Audience to request from the CI provider [default: the provider''s own, e.g. GitHub''s is the repository owner''s URL]')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Universal Auth client id, for places without OIDC (used when no --identity-id is given)')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'Universal Auth client secret')
            [CompletionResult]::new('--watch-interval', '--watch-interval', [CompletionResultType]::ParameterName, 'How often --watch fetches (e.g. 10s, 2.5, 500ms, 2m)')
            [CompletionResult]::new('--watch-grace', '--watch-grace', [CompletionResultType]::ParameterName, 'How long --watch waits after SIGTERM before SIGKILL')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Run this command line through the shell ($SHELL -c, else sh -c; cmd /C on Windows)')
            [CompletionResult]::new('--command', '--command', [CompletionResultType]::ParameterName, 'Run this command line through the shell ($SHELL -c, else sh -c; cmd /C on Windows)')
            [CompletionResult]::new('--allow-name', '--allow-name', [CompletionResultType]::ParameterName, 'Pass this name to the command although it loads or runs code, changes how shells parse, redirects trust or steers the runner (see `secrets export --allow-name`)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Also read every folder below --path')
            [CompletionResult]::new('--require-all-nonempty', '--require-all-nonempty', [CompletionResultType]::ParameterName, 'Fail before anything runs or is written if any selected secret is empty')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Fetch the secrets again every --watch-interval and restart the command when they change')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'infisical-oidc;status' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'Only this machine identity''s session [default: every session]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;whoami' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'Only this machine identity''s session [default: every session]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;logout' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity whose session to end [default: every session for the domain]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'In GitHub Actions, do not emit `::add-mask::` for secret values and tokens')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;completions' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write every page (this one and one per command) into this directory instead')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;self-update' {
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Install this release (0.3.1 or v0.3.1) instead of the latest, even an older one')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The most one request may take, retries and waits included: 60, 2.5, 2m [default: 60s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a connection error, timeout, 429, 502, 503 or 504 [default: 3]')
            [CompletionResult]::new('--rate-limit-wait', '--rate-limit-wait', [CompletionResultType]::ParameterName, 'How long to keep waiting when Infisical answers 429 and says when to come back, on top of --timeout: 30s, 10m [default: 10m in CI, 30s elsewhere]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse answers larger than this, e.g. 64MiB or 200M [default: 64MiB]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust the CA certificates in this PEM file (a self-hosted server''s private CA); SSL_CERT_FILE / SSL_CERT_DIR replace the system''s own list, as in OpenSSL and curl')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Send this header to Infisical (a gateway''s credentials, say); repeatable. Also read from INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only say whether another release is available; change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Update even in CI, where the install step should pin the version instead')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each request (method, URL, status, time, retries) on stderr, credentials redacted, and where the token and session came from; -vv adds the answers'' headers')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings: no retry notices, no summaries')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to Infisical and keep a short-lived session for later commands')
            [CompletionResult]::new('secrets', 'secrets', [CompletionResultType]::ParameterValue, 'Read secrets')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command with the secrets in its environment (and nowhere else)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the saved session: server, identity, where it lives, and how long it lasts')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke the session''s access token and delete the session (safe to repeat)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a completion script for your shell on standard output')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff) on standard output, or write one page per command to a directory')
            [CompletionResult]::new('self-update', 'self-update', [CompletionResultType]::ParameterValue, 'Replace this binary with the latest release (or --version X), after checking its sha256')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'infisical-oidc;help;login' {
            [CompletionResult]::new('oidc', 'oidc', [CompletionResultType]::ParameterValue, 'Trade an OIDC token (GitHub Actions'' own, or one you hand in) for an Infisical session')
            [CompletionResult]::new('universal', 'universal', [CompletionResultType]::ParameterValue, 'Log in with a Universal Auth client id and secret, where no OIDC token is to be had')
            [CompletionResult]::new('jwt', 'jwt', [CompletionResultType]::ParameterValue, 'Log in with Infisical''s JWT Auth: any JWT you hold, checked against the identity''s keys')
            [CompletionResult]::new('kubernetes', 'kubernetes', [CompletionResultType]::ParameterValue, 'Log in from a Kubernetes pod with its service-account token (Infisical''s Kubernetes Auth)')
            [CompletionResult]::new('aws-iam', 'aws-iam', [CompletionResultType]::ParameterValue, 'Log in with the job''s AWS credentials: a signed STS GetCallerIdentity (Infisical''s AWS Auth)')
            [CompletionResult]::new('gcp', 'gcp', [CompletionResultType]::ParameterValue, 'Log in on GCP with the service account''s ID token from the metadata server (Infisical''s GCP Auth)')
            [CompletionResult]::new('azure', 'azure', [CompletionResultType]::ParameterValue, 'Log in on Azure with the managed identity''s token from IMDS (Infisical''s Azure Auth)')
            [CompletionResult]::new('gcp-iam', 'gcp-iam', [CompletionResultType]::ParameterValue, 'Log in on GCP with a JWT the service account signs (Infisical''s GCP Auth, type IAM)')
            break
        }
        'infisical-oidc;help;login;oidc' {
            break
        }
        'infisical-oidc;help;login;universal' {
            break
        }
        'infisical-oidc;help;login;jwt' {
            break
        }
        'infisical-oidc;help;login;kubernetes' {
            break
        }
        'infisical-oidc;help;login;aws-iam' {
            break
        }
        'infisical-oidc;help;login;gcp' {
            break
        }
        'infisical-oidc;help;login;azure' {
            break
        }
        'infisical-oidc;help;login;gcp-iam' {
            break
        }
        'infisical-oidc;help;secrets' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the value of a secret (or several, with --format json)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List secret names and where each comes from, never values (`what would run inject?`)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the secrets in a format of your choice, write them to a file, or hand them to later GitHub Actions steps')
            break
        }
        'infisical-oidc;help;secrets;get' {
            break
        }
        'infisical-oidc;help;secrets;list' {
            break
        }
        'infisical-oidc;help;secrets;export' {
            break
        }
        'infisical-oidc;help;run' {
            break
        }
        'infisical-oidc;help;status' {
            break
        }
        'infisical-oidc;help;logout' {
            break
        }
        'infisical-oidc;help;completions' {
            break
        }
        'infisical-oidc;help;man' {
            break
        }
        'infisical-oidc;help;self-update' {
            break
        }
        'infisical-oidc;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
