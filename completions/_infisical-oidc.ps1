
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to Infisical and keep a short-lived session for later commands')
            [CompletionResult]::new('secrets', 'secrets', [CompletionResultType]::ParameterValue, 'Read secrets')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command with the secrets in its environment (and nowhere else)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a completion script for your shell on standard output')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff) on standard output, or write one page per command to a directory')
            [CompletionResult]::new('self-update', 'self-update', [CompletionResultType]::ParameterValue, 'Replace this binary with the latest release (or --version X), after checking its sha256')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'infisical-oidc;login' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('oidc', 'oidc', [CompletionResultType]::ParameterValue, 'Trade an OIDC token (GitHub Actions'' own, or one you hand in) for an Infisical session')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'infisical-oidc;login;oidc' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose OIDC auth method accepts the token')
            [CompletionResult]::new('--jwt', '--jwt', [CompletionResultType]::ParameterName, 'The OIDC token itself, or `-` to read it from standard input [default: the GitHub Actions runner''s, when the job has `id-token: write`]')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'Read the OIDC token from this file')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Audience to request from GitHub Actions [default: GitHub''s, the repository owner''s URL]')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;login;help' {
            [CompletionResult]::new('oidc', 'oidc', [CompletionResultType]::ParameterValue, 'Trade an OIDC token (GitHub Actions'' own, or one you hand in) for an Infisical session')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'infisical-oidc;login;help;oidc' {
            break
        }
        'infisical-oidc;login;help;help' {
            break
        }
        'infisical-oidc;secrets' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the secrets as dotenv or JSON, or write them to a file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'infisical-oidc;secrets;export' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (created with mode 0600) instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (created with mode 0600) instead of standard output')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Infisical URL, with or without `/api` [default: https://app.infisical.com] (legacy variable: INFISICAL_API_URL)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project id or slug [default: workspaceId from .infisical.json] (also read from INFISICAL_PROJECT_ID)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment slug [default: defaultEnvironment from .infisical.json, else dev]')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Folder to read [default: /]')
            [CompletionResult]::new('--include-imports', '--include-imports', [CompletionResultType]::ParameterName, 'Include secrets imported into the folder (`--include-imports=false` to leave them out)')
            [CompletionResult]::new('--expand', '--expand', [CompletionResultType]::ParameterName, 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose OIDC auth method accepts the token')
            [CompletionResult]::new('--jwt', '--jwt', [CompletionResultType]::ParameterName, 'The OIDC token itself, or `-` to read it from standard input [default: the GitHub Actions runner''s, when the job has `id-token: write`]')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'Read the OIDC token from this file')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Audience to request from GitHub Actions [default: GitHub''s, the repository owner''s URL]')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Also read every folder below --path')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'infisical-oidc;secrets;help' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the secrets as dotenv or JSON, or write them to a file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
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
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Folder to read [default: /]')
            [CompletionResult]::new('--include-imports', '--include-imports', [CompletionResultType]::ParameterName, 'Include secrets imported into the folder (`--include-imports=false` to leave them out)')
            [CompletionResult]::new('--expand', '--expand', [CompletionResultType]::ParameterName, 'Expand `${...}` secret references on the server (`--expand=false` for the raw values)')
            [CompletionResult]::new('--identity-id', '--identity-id', [CompletionResultType]::ParameterName, 'The machine identity (UUID) whose OIDC auth method accepts the token')
            [CompletionResult]::new('--jwt', '--jwt', [CompletionResultType]::ParameterName, 'The OIDC token itself, or `-` to read it from standard input [default: the GitHub Actions runner''s, when the job has `id-token: write`]')
            [CompletionResult]::new('--jwt-file', '--jwt-file', [CompletionResultType]::ParameterName, 'Read the OIDC token from this file')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Audience to request from GitHub Actions [default: GitHub''s, the repository owner''s URL]')
            [CompletionResult]::new('--organization-slug', '--organization-slug', [CompletionResultType]::ParameterName, 'Sub-organization to scope the access token to')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Also read every folder below --path')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write every page (this one and one per command) into this directory instead')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;self-update' {
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Install this release (0.3.1 or v0.3.1) instead of the latest, even an older one')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only say whether another release is available; change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Update even in CI, where the install step should pin the version instead')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'infisical-oidc;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to Infisical and keep a short-lived session for later commands')
            [CompletionResult]::new('secrets', 'secrets', [CompletionResultType]::ParameterValue, 'Read secrets')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command with the secrets in its environment (and nowhere else)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a completion script for your shell on standard output')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff) on standard output, or write one page per command to a directory')
            [CompletionResult]::new('self-update', 'self-update', [CompletionResultType]::ParameterValue, 'Replace this binary with the latest release (or --version X), after checking its sha256')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'infisical-oidc;help;login' {
            [CompletionResult]::new('oidc', 'oidc', [CompletionResultType]::ParameterValue, 'Trade an OIDC token (GitHub Actions'' own, or one you hand in) for an Infisical session')
            break
        }
        'infisical-oidc;help;login;oidc' {
            break
        }
        'infisical-oidc;help;secrets' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the secrets as dotenv or JSON, or write them to a file')
            break
        }
        'infisical-oidc;help;secrets;export' {
            break
        }
        'infisical-oidc;help;run' {
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
