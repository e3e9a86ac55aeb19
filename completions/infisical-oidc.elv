
use builtin;
use str;

set edit:completion:arg-completer[infisical-oidc] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'infisical-oidc'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'infisical-oidc'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Log in to Infisical and keep a short-lived session for later commands'
            cand secrets 'Read secrets'
            cand run 'Run a command with the secrets in its environment (and nowhere else)'
            cand completions 'Print a completion script for your shell on standard output'
            cand man 'Print the manual page (roff) on standard output, or write one page per command to a directory'
            cand self-update 'Replace this binary with the latest release (or --version X), after checking its sha256'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'infisical-oidc;login'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand oidc 'Trade an OIDC token (GitHub Actions'' own, or one you hand in) for an Infisical session'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'infisical-oidc;login;oidc'= {
            cand --domain 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)'
            cand --identity-id 'The machine identity (UUID) whose OIDC auth method accepts the token'
            cand --jwt 'The OIDC token itself, or `-` to read it from standard input [default: the GitHub Actions runner''s, when the job has `id-token: write`]'
            cand --jwt-file 'Read the OIDC token from this file'
            cand --audience 'Audience to request from GitHub Actions [default: GitHub''s, the repository owner''s URL]'
            cand --organization-slug 'Sub-organization to scope the access token to'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'infisical-oidc;login;help'= {
            cand oidc 'Trade an OIDC token (GitHub Actions'' own, or one you hand in) for an Infisical session'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'infisical-oidc;login;help;oidc'= {
        }
        &'infisical-oidc;login;help;help'= {
        }
        &'infisical-oidc;secrets'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand export 'Print the secrets as dotenv or JSON, or write them to a file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'infisical-oidc;secrets;export'= {
            cand -f 'Output format'
            cand --format 'Output format'
            cand -o 'Write to this file (created with mode 0600) instead of standard output'
            cand --output 'Write to this file (created with mode 0600) instead of standard output'
            cand --domain 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)'
            cand --token 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)'
            cand --project 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)'
            cand -e 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]'
            cand --env 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]'
            cand --path 'Folder to read [default: /]'
            cand --include-imports 'Include secrets imported into the folder (`--include-imports=false` to leave them out)'
            cand --expand 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)'
            cand --identity-id 'The machine identity (UUID) whose OIDC auth method accepts the token'
            cand --jwt 'The OIDC token itself, or `-` to read it from standard input [default: the GitHub Actions runner''s, when the job has `id-token: write`]'
            cand --jwt-file 'Read the OIDC token from this file'
            cand --audience 'Audience to request from GitHub Actions [default: GitHub''s, the repository owner''s URL]'
            cand --organization-slug 'Sub-organization to scope the access token to'
            cand --recursive 'Also read every folder below --path'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'infisical-oidc;secrets;help'= {
            cand export 'Print the secrets as dotenv or JSON, or write them to a file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'infisical-oidc;secrets;help;export'= {
        }
        &'infisical-oidc;secrets;help;help'= {
        }
        &'infisical-oidc;run'= {
            cand --domain 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)'
            cand --token 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)'
            cand --project 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)'
            cand -e 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]'
            cand --env 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]'
            cand --path 'Folder to read [default: /]'
            cand --include-imports 'Include secrets imported into the folder (`--include-imports=false` to leave them out)'
            cand --expand 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)'
            cand --identity-id 'The machine identity (UUID) whose OIDC auth method accepts the token'
            cand --jwt 'The OIDC token itself, or `-` to read it from standard input [default: the GitHub Actions runner''s, when the job has `id-token: write`]'
            cand --jwt-file 'Read the OIDC token from this file'
            cand --audience 'Audience to request from GitHub Actions [default: GitHub''s, the repository owner''s URL]'
            cand --organization-slug 'Sub-organization to scope the access token to'
            cand --recursive 'Also read every folder below --path'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'infisical-oidc;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'infisical-oidc;man'= {
            cand --out-dir 'Write every page (this one and one per command) into this directory instead'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'infisical-oidc;self-update'= {
            cand --version 'Install this release (0.3.1 or v0.3.1) instead of the latest, even an older one'
            cand --check 'Only say whether another release is available; change nothing'
            cand --force 'Update even in CI, where the install step should pin the version instead'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'infisical-oidc;help'= {
            cand login 'Log in to Infisical and keep a short-lived session for later commands'
            cand secrets 'Read secrets'
            cand run 'Run a command with the secrets in its environment (and nowhere else)'
            cand completions 'Print a completion script for your shell on standard output'
            cand man 'Print the manual page (roff) on standard output, or write one page per command to a directory'
            cand self-update 'Replace this binary with the latest release (or --version X), after checking its sha256'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'infisical-oidc;help;login'= {
            cand oidc 'Trade an OIDC token (GitHub Actions'' own, or one you hand in) for an Infisical session'
        }
        &'infisical-oidc;help;login;oidc'= {
        }
        &'infisical-oidc;help;secrets'= {
            cand export 'Print the secrets as dotenv or JSON, or write them to a file'
        }
        &'infisical-oidc;help;secrets;export'= {
        }
        &'infisical-oidc;help;run'= {
        }
        &'infisical-oidc;help;completions'= {
        }
        &'infisical-oidc;help;man'= {
        }
        &'infisical-oidc;help;self-update'= {
        }
        &'infisical-oidc;help;help'= {
        }
    ]
    $completions[$command]
}
