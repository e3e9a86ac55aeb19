//! The command line users see: commands, flags and the environment variables behind them.
//! Nothing here acts; `config` turns these into settings and `cmd` carries them out.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::{http, units};

/// `--version`: the version, and the git commit when built from a checkout (see build.rs).
const VERSION_TEXT: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    env!("INFISICAL_OIDC_VERSION_SUFFIX")
);

#[derive(Parser, Debug)]
#[command(
    name = "infisical-oidc",
    version = VERSION_TEXT,
    about = "Infisical secrets for CI jobs and shells, with no stored credentials",
    long_about = "Proves who you are with a short-lived OIDC token (GitHub Actions, or one you hand in), \
trades it for a short-lived Infisical access token, and hands the secrets that identity may read \
to a command or an env file.",
    after_help = "Exit codes: 0 ok, 1 error, 2 usage, 3 authentication, 4 not found or not permitted, \
5 network; `run` exits with its command's own code."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub network: NetworkArgs,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Log in to Infisical and keep a short-lived session for later commands
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Without a method, `login` uses the one identity source it finds: the CI provider's OIDC token, \
else a Kubernetes pod's service-account token (the token file and KUBERNETES_SERVICE_HOST); with --method auto it \
also asks the AWS, GCP and Azure metadata services (about a second, at most once each). Two sources: it names both.\n\n\
Examples:\n  infisical-oidc login --identity-id \"$IDENTITY_ID\"\n  infisical-oidc login --method auto --identity-id \"$IDENTITY_ID\"   # on a cloud VM\n  \
INFISICAL_AUTH_METHOD=aws-iam infisical-oidc login --identity-id \"$IDENTITY_ID\""
    )]
    Login(LoginCommand),
    /// Read secrets
    #[command(subcommand)]
    Secrets(Secrets),
    /// Run a command with the secrets in its environment (and nowhere else)
    #[command(
        after_help = "Examples:\n  infisical-oidc run --env prod -- ./deploy.sh\n  infisical-oidc run --command 'npm run build && npm test'\n  infisical-oidc run --watch --watch-interval 30s -- node server.js"
    )]
    Run(RunArgs),
    /// Show the saved session: server, identity, where it lives, and how long it lasts
    #[command(visible_alias = "whoami")]
    #[command(after_help = "Examples:\n  infisical-oidc status\n  infisical-oidc status --json")]
    Status(StatusArgs),
    /// Revoke the session's access token and delete the session (safe to repeat)
    #[command(
        after_help = "Examples:\n  infisical-oidc logout\n  infisical-oidc logout --identity-id \"$IDENTITY_ID\""
    )]
    Logout(LogoutArgs),
    /// Print a completion script for your shell on standard output
    #[command(
        after_help = "Examples:\n  infisical-oidc completions bash > ~/.local/share/bash-completion/completions/infisical-oidc\n  infisical-oidc completions zsh > ~/.zfunc/_infisical-oidc"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff) on standard output, or write one page per command to a directory
    #[command(
        after_help = "Examples:\n  infisical-oidc man | man -l -\n  infisical-oidc man --out-dir /usr/local/share/man/man1"
    )]
    Man(ManArgs),
    /// Replace this binary with the latest release (or --version X), after checking its sha256
    #[command(
        after_help = "Examples:\n  infisical-oidc self-update --check\n  infisical-oidc self-update --version 0.3.1"
    )]
    SelfUpdate(SelfUpdateArgs),
}

/// `login` with a method's subcommand, or alone: the method is named by `--method` or detected.
#[derive(Args, Debug)]
pub struct LoginCommand {
    #[command(subcommand)]
    pub method: Option<Login>,
    #[command(flatten)]
    pub detect: LoginDetectArgs,
}

/// `login` without a subcommand.
#[derive(Args, Debug, Clone, Default)]
pub struct LoginDetectArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub identity: IdentityArgs,

    /// The login method, by this CLI's or the official CLI's name; `auto` also probes the cloud
    /// metadata services [default: the one identity source found, without probing]
    #[arg(
        long,
        env = "INFISICAL_AUTH_METHOD",
        value_enum,
        ignore_case = true,
        value_name = "METHOD",
        help_heading = "Authentication"
    )]
    pub method: Option<MethodArg>,
}

/// `--method` / `INFISICAL_AUTH_METHOD`: a method by name, or `auto`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodArg {
    /// Detect, and probe the AWS, GCP and Azure metadata services (about a second) when nothing else is found
    Auto,
    /// OIDC Auth (alias oidc-auth)
    #[value(alias = "oidc-auth")]
    Oidc,
    /// Universal Auth (alias universal-auth)
    #[value(alias = "universal-auth")]
    Universal,
    /// JWT Auth (alias jwt-auth)
    #[value(alias = "jwt-auth")]
    Jwt,
    /// Kubernetes Auth
    Kubernetes,
    /// AWS Auth
    AwsIam,
    /// GCP Auth with the metadata server's ID token (alias gcp-id-token)
    #[value(alias = "gcp-id-token")]
    Gcp,
    /// GCP Auth of type IAM: a JWT the service account signs (never detected, only named)
    GcpIam,
    /// Azure Auth
    Azure,
}

#[derive(Subcommand, Debug)]
pub enum Login {
    /// Trade an OIDC token (GitHub Actions' own, or one you hand in) for an Infisical session
    #[command(
        visible_alias = "oidc-auth",
        after_help = "Examples:\n  infisical-oidc login oidc --identity-id \"$IDENTITY_ID\"   # in GitHub Actions, or paste a token\n  infisical-oidc login oidc --identity-id \"$IDENTITY_ID\" --jwt-file /var/run/secrets/tokens/infisical\n  infisical-oidc login oidc --dry-run --expect-subject 'repo:octo-org/app:ref:refs/heads/main'"
    )]
    Oidc(Box<LoginOidcArgs>),
    /// Log in with a Universal Auth client id and secret, where no OIDC token is to be had
    #[command(
        visible_alias = "universal-auth",
        after_help = "Examples:\n  infisical-oidc login universal --client-id ID --client-secret \"$SECRET\"\n  INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET=\"$SECRET\" infisical-oidc login universal --client-id ID"
    )]
    Universal(LoginUniversalArgs),
    /// Log in with Infisical's JWT Auth: any JWT you hold, checked against the identity's keys
    #[command(
        visible_alias = "jwt-auth",
        after_help = "Examples:\n  infisical-oidc login jwt --identity-id \"$IDENTITY_ID\" --jwt-file token.jwt\n  infisical-oidc login jwt --identity-id \"$IDENTITY_ID\" --jwt \"$(my-issuer mint)\""
    )]
    Jwt(LoginJwtArgs),
    /// Log in from a Kubernetes pod with its service-account token (Infisical's Kubernetes Auth)
    #[command(
        after_help = "Examples:\n  infisical-oidc login kubernetes --identity-id \"$IDENTITY_ID\"\n  infisical-oidc login kubernetes --identity-id \"$IDENTITY_ID\" --jwt-file /var/run/secrets/tokens/infisical"
    )]
    Kubernetes(LoginKubernetesArgs),
    /// Log in with the job's AWS credentials: a signed STS GetCallerIdentity (Infisical's AWS Auth)
    #[command(
        name = "aws-iam",
        after_help = "Credentials, as the AWS CLI finds them: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / \
AWS_SESSION_TOKEN; AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN [+ AWS_ROLE_SESSION_NAME]; \
AWS_CONTAINER_CREDENTIALS_FULL_URI / _RELATIVE_URI [+ AWS_CONTAINER_AUTHORIZATION_TOKEN[_FILE]]; \
EC2 instance metadata (IMDSv2, 1 s budget; AWS_EC2_METADATA_SERVICE_ENDPOINT, AWS_EC2_METADATA_DISABLED). \
Region: AWS_REGION, AWS_DEFAULT_REGION, else the instance's. STS: AWS_ENDPOINT_URL_STS.\n\n\
Examples:\n  infisical-oidc login aws-iam --identity-id \"$IDENTITY_ID\"\n  AWS_REGION=eu-west-1 infisical-oidc login aws-iam --identity-id \"$IDENTITY_ID\""
    )]
    AwsIam(LoginAwsIamArgs),
    /// Log in on GCP with the service account's ID token from the metadata server (Infisical's GCP Auth)
    #[command(
        visible_alias = "gcp-id-token",
        after_help = "The metadata server is metadata.google.internal, or GCE_METADATA_HOST (host[:port]) as \
Google's libraries read it. The token's audience is the identity id.\n\n\
Examples:\n  infisical-oidc login gcp --identity-id \"$IDENTITY_ID\"\n  infisical-oidc login gcp-id-token --identity-id \"$IDENTITY_ID\""
    )]
    Gcp(LoginPlatformArgs),
    /// Log in on Azure with the managed identity's token from IMDS (Infisical's Azure Auth)
    #[command(
        after_help = "IMDS is http://169.254.169.254, or INFISICAL_AZURE_IMDS_ENDPOINT. \
The resource asked for is https://management.azure.com/ unless INFISICAL_AZURE_AUTH_RESOURCE names the \
identity's Resource / Audience; AZURE_CLIENT_ID picks a user-assigned identity.\n\n\
Examples:\n  infisical-oidc login azure --identity-id \"$IDENTITY_ID\"\n  AZURE_CLIENT_ID=\"$CLIENT_ID\" infisical-oidc login azure --identity-id \"$IDENTITY_ID\""
    )]
    Azure(LoginPlatformArgs),
    /// Log in on GCP with a JWT the service account signs (Infisical's GCP Auth, type IAM)
    #[command(
        name = "gcp-iam",
        after_help = "The JWT ({sub: <service account email>, aud: <identity id>, exp: 15 minutes}) is signed with \
the key file from --service-account-key-file-path, INFISICAL_GCP_IAM_SERVICE_ACCOUNT_KEY_FILE_PATH or \
GOOGLE_APPLICATION_CREDENTIALS (locally, RS256); without one, the metadata server's service account asks the \
IAM Credentials API to sign it (the account needs Service Account Token Creator on itself). \
Overrides: GCE_METADATA_HOST, INFISICAL_GCP_IAM_CREDENTIALS_ENDPOINT. Never chosen by detection: name it.\n\n\
Examples:\n  infisical-oidc login gcp-iam --identity-id \"$IDENTITY_ID\"   # on GCE/GKE/Cloud Run\n  \
infisical-oidc login gcp-iam --identity-id \"$IDENTITY_ID\" --service-account-key-file-path key.json"
    )]
    GcpIam(LoginGcpIamArgs),
}

/// `login gcp-iam`: the identity, and optionally the key file that signs.
#[derive(Args, Debug, Clone, Default)]
pub struct LoginGcpIamArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub identity: MachineIdentityArgs,

    /// A service-account key file (JSON) to sign with, instead of the metadata server's account
    /// (also INFISICAL_GCP_IAM_SERVICE_ACCOUNT_KEY_FILE_PATH, then GOOGLE_APPLICATION_CREDENTIALS)
    #[arg(long, value_name = "PATH", help_heading = "Authentication")]
    pub service_account_key_file_path: Option<PathBuf>,
}

/// `login gcp` and `login azure`: the identity; the platform gives the proof.
#[derive(Args, Debug, Clone, Default)]
pub struct LoginPlatformArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub identity: MachineIdentityArgs,
}

#[derive(Args, Debug, Clone, Default)]
pub struct LoginAwsIamArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub identity: MachineIdentityArgs,
}

/// The identity every platform login names.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Authentication")]
pub struct MachineIdentityArgs {
    /// The machine identity (UUID) whose auth method accepts the proof
    #[arg(long, env = "INFISICAL_MACHINE_IDENTITY_ID", value_name = "UUID")]
    pub identity_id: Option<String>,

    /// Sub-organization to scope the access token to
    #[arg(long, env = "INFISICAL_AUTH_ORGANIZATION_SLUG", value_name = "SLUG")]
    pub organization_slug: Option<String>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct LoginJwtArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub identity: MachineIdentityArgs,

    /// The JWT itself, or `-` to read it from standard input (also read from INFISICAL_JWT)
    #[arg(long, value_name = "TOKEN", conflicts_with_all = ["jwt_file", "jwt_env"])]
    pub jwt: Option<String>,

    /// Read the JWT from this file
    #[arg(long, value_name = "PATH", conflicts_with = "jwt_env")]
    pub jwt_file: Option<PathBuf>,

    /// Read the JWT from this environment variable
    #[arg(long, value_name = "VAR")]
    pub jwt_env: Option<String>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct LoginKubernetesArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub identity: MachineIdentityArgs,

    /// The service-account token file
    /// [default: /var/run/secrets/kubernetes.io/serviceaccount/token]
    #[arg(
        long,
        env = "INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH",
        value_name = "PATH"
    )]
    pub jwt_file: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Secrets {
    /// Print the value of a secret (or several, with --format json)
    #[command(
        after_help = "Examples:\n  infisical-oidc secrets get DATABASE_URL --plain\n  infisical-oidc secrets get API_KEY DB_HOST --format json --env staging"
    )]
    Get(GetArgs),
    /// List secret names and where each comes from, never values (`what would run inject?`)
    #[command(
        after_help = "Examples:\n  infisical-oidc secrets list --env prod\n  infisical-oidc secrets list --recursive --format json"
    )]
    List(ListArgs),
    /// Print the secrets in a format of your choice, write them to a file, or hand them to later
    /// GitHub Actions steps
    #[command(
        after_help = "Examples:\n  infisical-oidc secrets export --env prod > .env\n  infisical-oidc secrets export --format json --output secrets.json\n  infisical-oidc secrets export --github-env   # in GitHub Actions"
    )]
    Export(ExportArgs),
}

/// Flags every command takes.
#[derive(Args, Debug, Clone, Default)]
pub struct CommonArgs {
    /// Infisical URL, with or without `/api` [default: https://app.infisical.com]
    /// (legacy variable: INFISICAL_API_URL)
    #[arg(long, env = "INFISICAL_DOMAIN", value_name = "URL")]
    pub domain: Option<String>,

    /// In GitHub Actions, do not emit `::add-mask::` for secret values and tokens
    #[arg(long)]
    pub no_mask: bool,
}

/// How to become the machine identity.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Authentication")]
pub struct IdentityArgs {
    /// The machine identity (UUID) whose OIDC auth method accepts the token
    #[arg(long, env = "INFISICAL_MACHINE_IDENTITY_ID", value_name = "UUID")]
    pub identity_id: Option<String>,

    /// The OIDC token itself, or `-` to read it from standard input (also read from INFISICAL_JWT)
    /// [default: the CI provider's own token, else a prompt on a terminal]
    #[arg(long, value_name = "TOKEN", conflicts_with_all = ["jwt_file", "jwt_env"])]
    pub jwt: Option<String>,

    /// Read the OIDC token from this file (Kubernetes: a projected service-account token)
    #[arg(long, value_name = "PATH", conflicts_with = "jwt_env")]
    pub jwt_file: Option<PathBuf>,

    /// Read the OIDC token from this environment variable (GitLab CI: the name under `id_tokens:`)
    #[arg(long, value_name = "VAR")]
    pub jwt_env: Option<String>,

    /// Where to get the OIDC token [default: detected from the CI environment]
    #[arg(long, value_enum, ignore_case = true, value_name = "PROVIDER")]
    pub provider: Option<ProviderArg>,

    /// Audience to request from the CI provider [default: the provider's own, e.g. GitHub's is the
    /// repository owner's URL]
    #[arg(long, env = "INFISICAL_OIDC_AUDIENCE", value_name = "AUD")]
    pub audience: Option<String>,

    /// Sub-organization to scope the access token to
    #[arg(long, env = "INFISICAL_AUTH_ORGANIZATION_SLUG", value_name = "SLUG")]
    pub organization_slug: Option<String>,

    /// Universal Auth client id, for places without OIDC (used when no --identity-id is given)
    #[arg(long, env = "INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", value_name = "ID")]
    pub client_id: Option<String>,

    /// Universal Auth client secret
    #[arg(
        long,
        env = "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET",
        hide_env_values = true,
        value_name = "SECRET"
    )]
    pub client_secret: Option<String>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderArg {
    /// GitHub Actions' token service (needs `permissions: id-token: write`)
    Github,
    /// GitLab CI `id_tokens:` (the variable INFISICAL_ID_TOKEN, or --jwt-env)
    Gitlab,
    /// CircleCI's CIRCLE_OIDC_TOKEN_V2, or `circleci run oidc get` with --audience
    Circleci,
    /// `buildkite-agent oidc request-token`
    Buildkite,
    /// The pod's projected service-account token file
    Kubernetes,
}

#[derive(Args, Debug, Clone, Default)]
pub struct LoginOidcArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub identity: IdentityArgs,

    /// Get the token and show what it claims, without sending it to Infisical
    #[arg(long)]
    pub dry_run: bool,

    /// With --dry-run: would the identity's OIDC Subject (exact or glob) accept the token?
    #[arg(long, value_name = "PATTERN", requires = "dry_run")]
    pub expect_subject: Option<String>,

    /// With --dry-run: would the identity's OIDC Audiences (comma-separated) accept it?
    #[arg(long, value_name = "AUD", requires = "dry_run")]
    pub expect_audience: Option<String>,

    /// With --dry-run: would the identity's OIDC Issuer accept it?
    #[arg(long, value_name = "URL", requires = "dry_run")]
    pub expect_issuer: Option<String>,

    /// With --dry-run: would this OIDC Claim (NAME=VALUES, comma-separated values or globs) accept it? Repeatable
    #[arg(long, value_name = "NAME=VALUES", requires = "dry_run", value_parser = parse_claim)]
    pub expect_claim: Vec<(String, String)>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct LoginUniversalArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Universal Auth client id
    #[arg(
        long,
        env = "INFISICAL_UNIVERSAL_AUTH_CLIENT_ID",
        value_name = "ID",
        required = true
    )]
    pub client_id: Option<String>,

    /// Universal Auth client secret
    #[arg(
        long,
        env = "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET",
        hide_env_values = true,
        value_name = "SECRET",
        required = true
    )]
    pub client_secret: Option<String>,

    /// Sub-organization to scope the access token to
    #[arg(long, env = "INFISICAL_AUTH_ORGANIZATION_SLUG", value_name = "SLUG")]
    pub organization_slug: Option<String>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct StatusArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Only this machine identity's session [default: every session]
    #[arg(long, env = "INFISICAL_MACHINE_IDENTITY_ID", value_name = "UUID")]
    pub identity_id: Option<String>,

    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Clone, Default)]
pub struct LogoutArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// The machine identity whose session to end [default: every session for the domain]
    #[arg(long, env = "INFISICAL_MACHINE_IDENTITY_ID", value_name = "UUID")]
    pub identity_id: Option<String>,
}

/// Which secrets to read.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Secrets")]
pub struct FetchArgs {
    /// An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)
    #[arg(
        long,
        env = "INFISICAL_TOKEN",
        hide_env_values = true,
        value_name = "TOKEN"
    )]
    pub token: Option<String>,

    /// Project id or slug [default: workspaceId from .infisical.json]
    /// (also read from INFISICAL_PROJECT_ID)
    #[arg(
        long,
        alias = "projectId",
        env = "INFISICAL_PROJECT",
        value_name = "ID|SLUG"
    )]
    pub project: Option<String>,

    /// Environment slug [default: defaultEnvironment from .infisical.json, else dev]
    #[arg(long = "env", short = 'e', env = "INFISICAL_ENV", value_name = "SLUG")]
    pub environment: Option<String>,

    /// Folder to read; repeat to read several in order, later ones winning [default: /]
    #[arg(long, value_name = "PATH")]
    pub path: Vec<String>,

    /// Also read every folder below --path
    #[arg(long)]
    pub recursive: bool,

    /// Include secrets imported into the folder (`--include-imports=false` to leave them out)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub include_imports: Option<bool>,

    /// Expand `${...}` secret references on the server (`--expand=false` for the raw values)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub expand: Option<bool>,

    /// Only secrets with one of these tags (slugs, filtered by the server)
    #[arg(long, short = 't', value_name = "SLUG,...", value_delimiter = ',')]
    pub tags: Vec<String>,

    /// Only these keys (exact names or globs such as `APP_*`)
    #[arg(long, value_name = "KEY,...", value_delimiter = ',')]
    pub only: Vec<String>,

    /// Leave out these keys (exact names or globs)
    #[arg(long, value_name = "KEY,...", value_delimiter = ',')]
    pub exclude: Vec<String>,

    /// Remove this prefix from the keys that have it
    #[arg(long, value_name = "PREFIX")]
    pub strip_prefix: Option<String>,

    /// Add this prefix to every key
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Option<String>,

    /// Fail before anything runs or is written unless these keys are present and non-empty
    #[arg(long, value_name = "KEY,...", value_delimiter = ',')]
    pub require: Vec<String>,

    /// Fail before anything runs or is written if any selected secret is empty
    #[arg(long)]
    pub require_all_nonempty: bool,
}

#[derive(Args, Debug, Clone)]
pub struct ExportArgs {
    /// Output format
    #[arg(long, short = 'f', value_enum, ignore_case = true, default_value_t = FormatArg::Dotenv)]
    pub format: FormatArg,

    /// Write to this file (created with mode 0600) instead of standard output
    #[arg(long, short = 'o', alias = "output-file", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Render this template file (or `-` for standard input) instead of a format:
    /// `{{ KEY }}`, `{{ KEY | json|shell|base64 }}`, `{{ range }}{{ .Key }}={{ .Value }}{{ end }}`
    #[arg(long, value_name = "FILE", conflicts_with_all = ["format", "github_env", "github_output"])]
    pub template: Option<PathBuf>,

    /// With --format json: each value with where it came from (environment, path, imported)
    #[arg(long)]
    pub with_metadata: bool,

    /// Append the secrets to $GITHUB_ENV, so later steps of the job see them
    #[arg(long, conflicts_with_all = ["output", "format"])]
    pub github_env: bool,

    /// Append the secrets to $GITHUB_OUTPUT, as outputs of this step
    #[arg(long, conflicts_with_all = ["output", "format"])]
    pub github_output: bool,

    /// Export this name although it loads or runs code, changes how shells parse, redirects trust
    /// or steers the runner (BASH_ENV, GIT_CONFIG_*, LD_*, PS4, IFS, SSL_CERT_FILE, RUNNER_*, …;
    /// the README lists them all). Any case; repeat or separate with commas
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    pub allow_name: Vec<String>,

    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub fetch: FetchArgs,
    #[command(flatten)]
    pub identity: IdentityArgs,
}

#[derive(Args, Debug, Clone)]
pub struct GetArgs {
    /// The secret names
    #[arg(required = true, value_name = "NAME")]
    pub names: Vec<String>,

    /// Print the value exactly, without a trailing newline
    #[arg(long, conflicts_with = "format")]
    pub plain: bool,

    /// Output format
    #[arg(long, short = 'f', value_enum, ignore_case = true, default_value_t = ListFormat::Text)]
    pub format: ListFormat,

    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub fetch: FetchArgs,
    #[command(flatten)]
    pub identity: IdentityArgs,
}

#[derive(Args, Debug, Clone)]
pub struct ListArgs {
    /// Output format
    #[arg(long, short = 'f', value_enum, ignore_case = true, default_value_t = ListFormat::Text)]
    pub format: ListFormat,

    /// Also print values (only when standard output is a terminal)
    #[arg(long)]
    pub show_values: bool,

    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub fetch: FetchArgs,
    #[command(flatten)]
    pub identity: IdentityArgs,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    /// For people
    Text,
    /// For programs
    Json,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatArg {
    /// KEY=value lines, quoted only where a value needs it
    Dotenv,
    /// `export KEY='value'` lines, safe to `eval` in sh, dash, bash and zsh
    #[value(alias = "dotenv-export", alias = "dotenv-eval")]
    Shell,
    /// One JSON object, key to value
    Json,
    /// A YAML mapping with double-quoted values
    Yaml,
    /// RFC 4180 CSV with a `key,value` header
    Csv,
    /// GitHub's `KEY<<DELIMITER` form for $GITHUB_ENV and $GITHUB_OUTPUT
    GithubEnv,
    /// `docker run --env-file`: KEY=value taken literally (values with line breaks are refused)
    Docker,
    /// PowerShell `env:KEY = 'value'` lines, safe to dot-source or pipe to Invoke-Expression (ASCII only)
    #[value(alias = "pwsh")]
    Powershell,
    /// cmd `set` lines for a .cmd/.bat file to `call` (refuses line breaks, double quotes, `!`, non-ASCII)
    #[value(alias = "bat", alias = "batch")]
    Cmd,
}

#[derive(Args, Debug, Clone)]
pub struct RunArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub fetch: FetchArgs,
    #[command(flatten)]
    pub identity: IdentityArgs,

    /// Fetch the secrets again every --watch-interval and restart the command when they change
    #[arg(long, help_heading = "Run")]
    pub watch: bool,

    /// How often --watch fetches (e.g. 10s, 2.5, 500ms, 2m)
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = crate::units::parse_interval, requires = "watch", help_heading = "Run")]
    pub watch_interval: std::time::Duration,

    /// How long --watch waits after SIGTERM before SIGKILL
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = crate::units::parse_interval, requires = "watch", help_heading = "Run")]
    pub watch_grace: std::time::Duration,

    /// Run this command line through the shell ($SHELL -c, else sh -c; cmd /C on Windows)
    #[arg(
        long = "command",
        short = 'c',
        help_heading = "Run",
        value_name = "COMMAND LINE",
        conflicts_with = "command"
    )]
    pub shell_command: Option<String>,

    /// Pass this name to the command although it loads or runs code, changes how shells parse,
    /// redirects trust or steers the runner (see `secrets export --allow-name`)
    #[arg(long, value_name = "NAME", value_delimiter = ',', help_heading = "Run")]
    pub allow_name: Vec<String>,

    /// The command and its arguments, after `--`
    #[arg(
        last = true,
        help_heading = "Run",
        required_unless_present = "shell_command",
        value_name = "COMMAND"
    )]
    pub command: Vec<std::ffi::OsString>,
}

/// How we talk to Infisical and the CI token service. Global: accepted before or after the command.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Network")]
pub struct NetworkArgs {
    // The defaults in these help texts come from the constants the client uses.
    #[arg(long, global = true, env = "INFISICAL_TIMEOUT", value_name = "DURATION", help = format!(
        "The most one request may take, retries and waits included: 60, 2.5, 2m [default: {}]",
        units::show_duration(http::DEFAULT_TIMEOUT)
    ))]
    pub timeout: Option<String>,

    #[arg(long, global = true, env = "INFISICAL_RETRIES", value_name = "N", help = format!(
        "Retries after a connection error, timeout, 429, 502, 503 or 504 [default: {}]",
        http::DEFAULT_RETRIES
    ))]
    pub retries: Option<u32>,

    #[arg(long, global = true, env = "INFISICAL_RATE_LIMIT_WAIT", value_name = "DURATION", help = format!(
        "How long to keep waiting when Infisical answers 429 and says when to come back, on top of \
         --timeout: 30s, 10m [default: {} in CI, {} elsewhere]",
        units::show_duration(http::DEFAULT_RATE_LIMIT_WAIT_IN_CI),
        units::show_duration(http::DEFAULT_RATE_LIMIT_WAIT)
    ))]
    pub rate_limit_wait: Option<String>,

    #[arg(long, global = true, env = "INFISICAL_MAX_RESPONSE_SIZE", value_name = "SIZE", help = format!(
        "Refuse answers larger than this, e.g. 64MiB or 200M [default: {}]",
        units::show_size(http::DEFAULT_MAX_RESPONSE_BYTES)
    ))]
    pub max_response_size: Option<String>,

    /// Also trust the CA certificates in this PEM file (a self-hosted server's private CA);
    /// SSL_CERT_FILE / SSL_CERT_DIR replace the system's own list, as in OpenSSL and curl
    #[arg(long, global = true, env = "INFISICAL_CA_CERT", value_name = "FILE")]
    pub ca_cert: Option<PathBuf>,

    /// Allow plain http:// to hosts other than this machine (tokens then cross the network in clear)
    #[arg(
        long,
        global = true,
        env = "INFISICAL_ALLOW_INSECURE_HTTP",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub allow_insecure_http: bool,

    /// Send this header to Infisical (a gateway's credentials, say); repeatable. Also read from
    /// INFISICAL_CUSTOM_HEADERS as `Name1=value1 Name2="value 2"`, as the official CLI does
    #[arg(
        long = "header",
        short = 'H',
        global = true,
        value_name = "NAME: VALUE"
    )]
    pub headers: Vec<String>,

    /// Log each request (method, URL, status, time, retries) on stderr, credentials redacted,
    /// and where the token and session came from; -vv adds the answers' headers
    #[arg(long, short = 'v', global = true, action = clap::ArgAction::Count, conflicts_with = "quiet")]
    pub verbose: u8,

    /// Print only errors and warnings: no retry notices, no summaries
    #[arg(long, short = 'q', alias = "silent", global = true)]
    pub quiet: bool,
}

#[derive(Args, Debug, Clone)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Args, Debug, Clone)]
pub struct ManArgs {
    /// Write every page (this one and one per command) into this directory instead
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

#[derive(Args, Debug, Clone)]
pub struct SelfUpdateArgs {
    /// Only say whether another release is available; change nothing
    #[arg(long)]
    pub check: bool,

    /// Install this release (0.3.1 or v0.3.1) instead of the latest, even an older one
    #[arg(long, value_name = "X")]
    pub version: Option<String>,

    /// Update even in CI, where the install step should pin the version instead
    #[arg(long)]
    pub force: bool,
}

/// `--expect-claim NAME=VALUES`.
fn parse_claim(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, values)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), values.to_string()))
        }
        _ => Err("expected NAME=VALUES, e.g. repository=octo-org/example-repo".to_string()),
    }
}

/// Parses the command line as `Cli::try_parse_from` does, but never frees clap's command tree:
/// dropping every command and argument one by one cost a sixth of `--version`'s instructions
/// (callgrind). The memory stays the process's until it exits; a job takes ~27 more page faults for
/// it, about what the freeing cost.
pub fn parse(args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let mut command = std::mem::ManuallyDrop::new(Cli::command());
    let mut matches = command.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut command))
}

/// `infisical-oidc export …`, the official CLI's spelling, is `secrets export …`. Rewritten before
/// parsing rather than declared as a hidden command, which completion scripts would still offer.
pub fn official_spellings(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    if args.get(1).is_some_and(|a| a == "export") {
        args.insert(1, "secrets".into());
    }
    args
}

/// A command given without the subcommand it needs (`infisical-oidc secrets`): clap answers with
/// that command's help on stderr and exit 2. This is the mistake in our one form, for the Actions
/// annotation beside the help.
pub fn missing_command(e: &clap::Error) -> Option<crate::error::Failure> {
    if e.kind() != clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return None;
    }
    let text = e.render().to_string();
    let usage = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Usage: "))
        .unwrap_or("infisical-oidc <COMMAND>")
        .to_string();
    let command: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<']))
        .collect();
    let what = if usage.contains("<COMMAND>") {
        "a command"
    } else {
        "arguments"
    };
    Some(
        crate::error::Failure::usage(format!("`{}` needs {what}", command.join(" ")))
            .hint(format!("usage: {usage} (see --help)")),
    )
}

/// Any other mistake clap finds, in our one form (`infisical-oidc: error: …` and a hint) rather than
/// clap's own; `None` for `--help` and `--version`, which clap prints itself.
pub fn usage_failure(e: &clap::Error) -> Option<crate::error::Failure> {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return None;
    }
    let text = e.render().to_string();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("invalid command line");
    let mut message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    let listing = message.ends_with(':');
    let mut notes: Vec<String> = Vec::new();
    let mut usage = None;
    for line in lines {
        if let Some(tip) = line.strip_prefix("tip: ") {
            notes.push(tip.to_string());
        } else if listing && (line.starts_with('<') || line.starts_with('-')) {
            // The arguments a missing-argument error lists belong to its sentence.
            if !message.ends_with(':') {
                message.push(',');
            }
            message.push(' ');
            message.push_str(line);
        } else if line.starts_with('[') {
            // `[possible values: …]`
            notes.push(line.to_string());
        } else if let Some(u) = line.strip_prefix("Usage: ") {
            usage = Some(u.to_string());
        }
    }
    let mut hint = notes.join("; ");
    if let Some(usage) = usage {
        if !hint.is_empty() {
            hint.push_str("; ");
        }
        hint.push_str(&format!("usage: {usage} (see --help)"));
    }
    if hint.is_empty() {
        hint = "see --help".to_string();
    }
    Some(crate::error::Failure::usage(message).hint(hint))
}

/// `run make deploy` and `run` alone: clap's own words do not say what to type instead, so
/// these two get an error that does (the official CLI also wants `--`).
pub fn explain_run_usage(
    e: &clap::Error,
    args: &[std::ffi::OsString],
) -> Option<crate::error::Failure> {
    use crate::error::Failure;
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let run_at = words.iter().skip(1).position(|w| w == "run")? + 1;
    // After `--` every word is the command's: whatever clap refused, it is not that.
    if words[run_at + 1..].iter().any(|w| w == "--") {
        return None;
    }
    match e.kind() {
        ErrorKind::UnknownArgument => {
            let Some(ContextValue::String(bad)) = e.get(ContextKind::InvalidArg) else {
                return None;
            };
            // An unknown flag (`--nope`) is clap's to report; a bare word is a command.
            if bad.starts_with('-') {
                return None;
            }
            let at = run_at + 1 + words[run_at + 1..].iter().position(|w| w == bad)?;
            // Words as typed: messages::error escapes the whole message and hint when it prints.
            let quoted = |ws: &[String]| ws.join(" ");
            let before = quoted(&words[run_at + 1..at]);
            let after = quoted(&words[at..]);
            let options = if before.is_empty() {
                String::new()
            } else {
                format!("{before} ")
            };
            Some(
                Failure::usage(format!(
                    "`{bad}` is not an option of `run`; the command goes after `--`"
                ))
                .hint(format!(
                    "did you mean `infisical-oidc run {options}-- {after}`? (or --command '{after}' for a shell line)"
                )),
            )
        }
        ErrorKind::MissingRequiredArgument => Some(
            Failure::usage("`run` needs a command to run")
                .hint("pass it after `--` (`infisical-oidc run -- ./deploy.sh`) or as a shell line with --command 'make deploy'"),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
