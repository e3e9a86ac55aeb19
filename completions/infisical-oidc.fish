# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_infisical_oidc_global_optspecs
    string join \n h/help V/version
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

complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -s V -l version -d 'Print version'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "login" -d 'Log in to Infisical and keep a short-lived session for later commands'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "secrets" -d 'Read secrets'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "run" -d 'Run a command with the secrets in its environment (and nowhere else)'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "completions" -d 'Print a completion script for your shell on standard output'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "man" -d 'Print the manual page (roff) on standard output, or write one page per command to a directory'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "self-update" -d 'Replace this binary with the latest release (or --version X), after checking its sha256'
complete -c infisical-oidc -n "__fish_infisical_oidc_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc help" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc help" -f -a "oidc" -d 'Trade an OIDC token (GitHub Actions\' own, or one you hand in) for an Infisical session'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and not __fish_seen_subcommand_from oidc help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l identity-id -d 'The machine identity (UUID) whose OIDC auth method accepts the token' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l jwt -d 'The OIDC token itself, or `-` to read it from standard input [default: the GitHub Actions runner\'s, when the job has `id-token: write`]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l jwt-file -d 'Read the OIDC token from this file' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l audience -d 'Audience to request from GitHub Actions [default: GitHub\'s, the repository owner\'s URL]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from oidc" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "oidc" -d 'Trade an OIDC token (GitHub Actions\' own, or one you hand in) for an Infisical session'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand login; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from export help" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from export help" -f -a "export" -d 'Print the secrets as dotenv or JSON, or write them to a file'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and not __fish_seen_subcommand_from export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -s f -l format -d 'Output format' -r -f -a "dotenv\t'KEY=value lines, quoted only where a value needs it'
json\t'One JSON object, key to value'"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file (created with mode 0600) instead of standard output' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l token -d 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l project -d 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -s e -l env -d 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l path -d 'Folder to read [default: /]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l include-imports -d 'Include secrets imported into the folder (`--include-imports=false` to leave them out)' -r -f -a "true\t''
false\t''"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l expand -d 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)' -r -f -a "true\t''
false\t''"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l identity-id -d 'The machine identity (UUID) whose OIDC auth method accepts the token' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l jwt -d 'The OIDC token itself, or `-` to read it from standard input [default: the GitHub Actions runner\'s, when the job has `id-token: write`]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l jwt-file -d 'Read the OIDC token from this file' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l audience -d 'Audience to request from GitHub Actions [default: GitHub\'s, the repository owner\'s URL]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -l recursive -d 'Also read every folder below --path'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print the secrets as dotenv or JSON, or write them to a file'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand secrets; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l domain -d 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l token -d 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l project -d 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -s e -l env -d 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l path -d 'Folder to read [default: /]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l include-imports -d 'Include secrets imported into the folder (`--include-imports=false` to leave them out)' -r -f -a "true\t''
false\t''"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l expand -d 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)' -r -f -a "true\t''
false\t''"
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l identity-id -d 'The machine identity (UUID) whose OIDC auth method accepts the token' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l jwt -d 'The OIDC token itself, or `-` to read it from standard input [default: the GitHub Actions runner\'s, when the job has `id-token: write`]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l jwt-file -d 'Read the OIDC token from this file' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l audience -d 'Audience to request from GitHub Actions [default: GitHub\'s, the repository owner\'s URL]' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l organization-slug -d 'Sub-organization to scope the access token to' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -l recursive -d 'Also read every folder below --path'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand run" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand completions" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -l out-dir -d 'Write every page (this one and one per command) into this directory instead' -r -F
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand man" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l version -d 'Install this release (0.3.1 or v0.3.1) instead of the latest, even an older one' -r
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l check -d 'Only say whether another release is available; change nothing'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -l force -d 'Update even in CI, where the install step should pin the version instead'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand self-update" -s h -l help -d 'Print help'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run completions man self-update help" -f -a "login" -d 'Log in to Infisical and keep a short-lived session for later commands'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run completions man self-update help" -f -a "secrets" -d 'Read secrets'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run completions man self-update help" -f -a "run" -d 'Run a command with the secrets in its environment (and nowhere else)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run completions man self-update help" -f -a "completions" -d 'Print a completion script for your shell on standard output'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run completions man self-update help" -f -a "man" -d 'Print the manual page (roff) on standard output, or write one page per command to a directory'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run completions man self-update help" -f -a "self-update" -d 'Replace this binary with the latest release (or --version X), after checking its sha256'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and not __fish_seen_subcommand_from login secrets run completions man self-update help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and __fish_seen_subcommand_from login" -f -a "oidc" -d 'Trade an OIDC token (GitHub Actions\' own, or one you hand in) for an Infisical session'
complete -c infisical-oidc -n "__fish_infisical_oidc_using_subcommand help; and __fish_seen_subcommand_from secrets" -f -a "export" -d 'Print the secrets as dotenv or JSON, or write them to a file'
