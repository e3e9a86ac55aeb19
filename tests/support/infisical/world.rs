//! What the fake Infisical knows: identities and their OIDC policies,
//! projects, environments, folders, secrets and imports.

use super::super::jwt::SigningKey;

/// Which server release the fake behaves like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generation {
    /// Like the captured 2025 server: no `/api/v4/secrets` and no
    /// `/api/v1/projects/slug/..` (fastify route 404); an unknown environment
    /// or folder answers 200 with empty lists.
    V3Only,
    /// A server between the two (upstream late 2025): also serves those
    /// routes, an unknown environment or folder answers 404
    /// `SecretPathNotFound` (on v3 and v4 alike), boolean and number claims
    /// compare as values, but globs still use picomatch's defaults.
    V4,
    /// Like the captured 2026-07 server (fixtures/server-2026-07/): as `V4`,
    /// and OIDC globs use picomatch `{ bash: true }`, where `*` crosses `/`.
    V2026,
}

impl Generation {
    /// The three generations, oldest first, for tests that must hold on each.
    pub const ALL: [Generation; 3] = [Generation::V3Only, Generation::V4, Generation::V2026];

    /// Serves `/api/v4/secrets` and answers 404 for an unknown folder.
    pub fn has_v4(self) -> bool {
        self != Generation::V3Only
    }
}

#[derive(Clone, Debug)]
pub struct World {
    pub generation: Generation,
    /// Default `bound_issuer` for helpers; each identity carries its own.
    pub issuer: String,
    /// The IdP's JWKS: keys OIDC logins are verified against.
    pub keys: Vec<SigningKey>,
    pub identities: Vec<Identity>,
    pub projects: Vec<Project>,
    /// Access token TTL in seconds (0 = no expiry); max TTL is twice this.
    pub access_token_ttl: u64,
}

#[derive(Clone, Debug)]
pub struct Identity {
    pub id: String,
    /// `None` = the identity has no OIDC auth (only e.g. universal auth).
    pub oidc: Option<OidcConfig>,
    /// Ids of the projects it may read.
    pub projects: Vec<String>,
    /// Universal Auth client id and secret, when that method is attached.
    pub universal: Option<(String, String)>,
    /// JWT Auth with static keys, when attached.
    pub jwt_auth: Option<JwtAuthConfig>,
    /// Kubernetes Auth, when attached.
    pub kubernetes: Option<KubernetesAuthConfig>,
    /// AWS Auth, when attached.
    pub aws: Option<AwsAuthConfig>,
    /// GCP Auth (ID token), when attached.
    pub gcp: Option<GcpAuthConfig>,
    /// Azure Auth, when attached.
    pub azure: Option<AzureAuthConfig>,
}

/// GCP Auth: type GCE (ID tokens, Google's signing keys, here a test key) or type IAM (JWTs a
/// service account signed, checked with the certificates Google publishes for it), and the
/// allowed emails.
#[derive(Clone, Debug, Default)]
pub struct GcpAuthConfig {
    pub google_keys: Vec<SigningKey>,
    /// Type IAM: the public certificates Google publishes for service accounts (by `kid`).
    /// Empty = type GCE.
    pub iam_certs: Vec<super::super::gcp_iam::PublicCert>,
    /// Comma-separated, exact; "" = any.
    pub allowed_service_account_emails: String,
    /// Type GCE: comma-separated project ids, exact; "" = any. Checked only when the ID token
    /// carries `google.compute_engine` (the metadata server's `format=full`).
    pub allowed_projects: String,
    /// Type GCE: comma-separated zones, exact; "" = any; as `allowed_projects`.
    pub allowed_zones: String,
}

/// Azure Auth: Entra ID's signing keys for the tenant (here test keys, found by `kid` as in the
/// tenant's JWKS), tenant, resource (the audience), allowed principals.
#[derive(Clone, Debug, Default)]
pub struct AzureAuthConfig {
    pub entra_keys: Vec<SigningKey>,
    pub tenant_id: String,
    pub resource: String,
    /// Comma-separated object ids, exact; "" = any.
    pub allowed_service_principal_ids: String,
}

/// AWS Auth as the server stores it (tests/fixtures/cloud-auth/routes.json `aws-iam`).
#[derive(Clone, Debug, Default)]
pub struct AwsAuthConfig {
    /// Where the fake replays the signed request instead of `https://sts.<region>.amazonaws.com`
    /// (a `FakeSts` URL); the signed Host must still name that real host.
    pub sts_url: String,
    /// Comma-separated ARNs, `*` a wildcard; "" = any.
    pub allowed_principal_arns: String,
    /// Comma-separated, exact; "" = any.
    pub allowed_account_ids: String,
}

/// JWT Auth as the server stores it (tests/fixtures/cloud-auth/refusals.json `jwt`).
#[derive(Clone, Debug, Default)]
pub struct JwtAuthConfig {
    /// "Static" configuration: the keys a token may be signed with.
    pub keys: Vec<SigningKey>,
    /// Exact `iss`; "" = any.
    pub bound_issuer: String,
    /// Exact `sub`; "" = any.
    pub bound_subject: String,
}

/// Kubernetes Auth as the server stores it (tests/fixtures/cloud-auth/routes.json).
#[derive(Clone, Debug, Default)]
pub struct KubernetesAuthConfig {
    /// The cluster's API server that reviews tokens (a `FakeKubernetes` URL).
    pub kubernetes_host: String,
    /// Comma-separated, exact or picomatch globs (default options); "" = any.
    pub allowed_namespaces: String,
    /// Comma-separated service-account names, exact or picomatch globs; "" = any.
    pub allowed_names: String,
    /// One audience; "" = none. When set, the TokenReview asks for it (`spec.audiences`) and
    /// the review's `status.audiences` must hold it.
    pub allowed_audience: String,
}

#[derive(Clone, Debug)]
pub struct OidcConfig {
    /// Compared exactly with `iss`.
    pub bound_issuer: String,
    /// One pattern; "" = any subject.
    pub bound_subject: String,
    /// Any entry may match any `aud` entry; empty = any audience.
    pub bound_audiences: Vec<String>,
    /// Claim (dot path) and the patterns its value may match.
    pub bound_claims: Vec<(String, Vec<String>)>,
}

#[derive(Clone, Debug)]
pub struct Project {
    pub id: String,
    pub slug: String,
    pub environments: Vec<Environment>,
}

#[derive(Clone, Debug)]
pub struct Environment {
    pub slug: String,
    /// Only folders with secrets or imports need listing: the root and the
    /// parents of listed folders exist implicitly.
    pub folders: Vec<Folder>,
}

#[derive(Clone, Debug)]
pub struct Folder {
    pub path: String,
    /// Key and raw value (references like `${KEY}` stored unexpanded).
    pub secrets: Vec<(String, String)>,
    /// Source environment and folder of each import, in configured order.
    pub imports: Vec<(String, String)>,
    /// Tags attached to secrets of this folder: (key, tag slug).
    pub tags: Vec<(String, String)>,
}

pub const DEMO_PROJECT_ID: &str = "99a6239c-6f03-463e-a876-2567bf26ce7c";
pub const DEMO_PROJECT_SLUG: &str = "cli-e2e";
/// The project the demo identities are not members of (id from
/// fixtures/secrets-v3-other-project-not-member.json).
pub const OTHER_PROJECT_ID: &str = "c198fba6-a3bf-47a4-b6a8-80ec3fb3af4e";
pub const OTHER_PROJECT_SLUG: &str = "other-project";
pub const DEMO_ISSUER: &str = "https://token.actions.githubusercontent.com";
pub const DEMO_KID: &str = "fake-gha-key-1";
pub const DEMO_KEY_SECRET: &str = "fake-gha-signing-secret-1";
/// OIDC identity bound to `repo:octocat/example-repo:ref:refs/heads/*`.
pub const DEMO_IDENTITY_ID: &str = "a03445a1-9967-4531-98fc-c553498843a1";
pub const DEMO_BOUND_SUBJECT: &str = "repo:octocat/example-repo:ref:refs/heads/*";
pub const DEMO_AUDIENCE: &str = "https://github.com/octocat";
/// A subject the demo identity accepts.
pub const DEMO_SUBJECT: &str = "repo:octocat/example-repo:ref:refs/heads/main";
/// Identity with universal auth only (OIDC login answers 404).
pub const DEMO_UA_IDENTITY_ID: &str = "1fa57f4f-05fd-431a-8472-ae3e292145bc";
/// Its Universal Auth credentials (from fixtures/ua-login-success.json).
pub const DEMO_UA_CLIENT_ID: &str = "0724f16b-5c1c-4f12-be2d-3e5864d1fd8c";
pub const DEMO_UA_CLIENT_SECRET: &str =
    "c572b170007330156bcc73e22b236ed581749a7048be831c66d8e540ab5befa7";
/// OIDC identity bound to `repo:octocat/example-repo:*` (the picomatch
/// gotcha of fixtures/oidc-login-star-subject-*.json).
pub const DEMO_STAR_IDENTITY_ID: &str = "2144c106-f7e5-4a0c-b81e-17203af925af";
pub const DEMO_TTL: u64 = 3600;

/// The key the demo issuer signs with.
pub fn demo_key() -> SigningKey {
    SigningKey::new(DEMO_KID, DEMO_KEY_SECRET)
}

impl World {
    /// The project captured in fixtures/ (`cli-e2e`): same environments,
    /// folders, keys, raw values and import order; plus `other-project`,
    /// which no demo identity may read.
    pub fn demo() -> World {
        let oidc = |subject: &str| OidcConfig {
            bound_issuer: DEMO_ISSUER.into(),
            bound_subject: subject.into(),
            bound_audiences: vec![DEMO_AUDIENCE.into()],
            bound_claims: Vec::new(),
        };
        let readers = vec![DEMO_PROJECT_ID.to_string()];
        World {
            generation: Generation::V3Only,
            issuer: DEMO_ISSUER.into(),
            keys: vec![demo_key()],
            identities: vec![
                Identity::new(DEMO_IDENTITY_ID, Some(oidc(DEMO_BOUND_SUBJECT)), &readers),
                Identity {
                    universal: Some((DEMO_UA_CLIENT_ID.into(), DEMO_UA_CLIENT_SECRET.into())),
                    ..Identity::new(DEMO_UA_IDENTITY_ID, None, &readers)
                },
                Identity::new(
                    DEMO_STAR_IDENTITY_ID,
                    Some(oidc("repo:octocat/example-repo:*")),
                    &readers,
                ),
            ],
            projects: vec![demo_project(), other_project()],
            access_token_ttl: DEMO_TTL,
        }
    }

    /// The demo world with exactly `values` in `dev`'s root folder and no imports: the scenario
    /// most tests start from.
    pub fn with_secrets<K: AsRef<str>, V: AsRef<str>>(values: &[(K, V)]) -> World {
        let mut world = World::demo();
        let root = world.dev_root_mut();
        root.secrets = values
            .iter()
            .map(|(k, v)| (k.as_ref().to_string(), v.as_ref().to_string()))
            .collect();
        root.imports.clear();
        world
    }

    /// The demo project's `dev` environment, where most tests put their secrets.
    pub fn dev_mut(&mut self) -> &mut Environment {
        self.project_mut(DEMO_PROJECT_SLUG)
            .and_then(|p| p.environment_mut("dev"))
            .expect("the demo world has the dev environment")
    }

    /// The root folder of [`World::dev_mut`].
    pub fn dev_root_mut(&mut self) -> &mut Folder {
        self.dev_mut().folder_mut("/")
    }

    pub fn identity(&self, id: &str) -> Option<&Identity> {
        self.identities.iter().find(|i| i.id == id)
    }

    pub fn identity_mut(&mut self, id: &str) -> Option<&mut Identity> {
        self.identities.iter_mut().find(|i| i.id == id)
    }

    pub fn project_by_id(&self, id: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    pub fn project_by_slug(&self, slug: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.slug == slug)
    }

    pub fn project_mut(&mut self, slug: &str) -> Option<&mut Project> {
        self.projects.iter_mut().find(|p| p.slug == slug)
    }
}

impl Identity {
    pub fn new(id: &str, oidc: Option<OidcConfig>, projects: &[String]) -> Identity {
        Identity {
            id: id.into(),
            oidc,
            projects: projects.to_vec(),
            universal: None,
            jwt_auth: None,
            kubernetes: None,
            aws: None,
            gcp: None,
            azure: None,
        }
    }

    pub fn may_read(&self, project_id: &str) -> bool {
        self.projects.iter().any(|p| p == project_id)
    }
}

impl Project {
    pub fn environment(&self, slug: &str) -> Option<&Environment> {
        self.environments.iter().find(|e| e.slug == slug)
    }

    pub fn environment_mut(&mut self, slug: &str) -> Option<&mut Environment> {
        self.environments.iter_mut().find(|e| e.slug == slug)
    }

    /// Raw value of `key` in folder `path` of `env`.
    pub fn secret(&self, env: &str, path: &str, key: &str) -> Option<&str> {
        let folder = self.environment(env)?.folder(path)?;
        folder
            .secrets
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

impl Environment {
    pub fn new(slug: &str, folders: Vec<Folder>) -> Environment {
        Environment {
            slug: slug.into(),
            folders,
        }
    }

    /// The configured folder at exactly `path` (normalised).
    pub fn folder(&self, path: &str) -> Option<&Folder> {
        let path = normalize_path(path);
        self.folders
            .iter()
            .find(|f| normalize_path(&f.path) == path)
    }

    /// The configured folder at `path`, created empty if missing.
    pub fn folder_mut(&mut self, path: &str) -> &mut Folder {
        let path = normalize_path(path);
        let index = match self
            .folders
            .iter()
            .position(|f| normalize_path(&f.path) == path)
        {
            Some(index) => index,
            None => {
                self.folders.push(Folder::new(&path));
                self.folders.len() - 1
            }
        };
        &mut self.folders[index]
    }

    /// The root always exists; other folders exist if listed or if a listed
    /// folder lies below them.
    pub fn folder_exists(&self, path: &str) -> bool {
        let path = normalize_path(path);
        path == "/"
            || self
                .folders
                .iter()
                .any(|f| is_same_or_below(&normalize_path(&f.path), &path))
    }

    /// `path` itself, then every listed folder below it, in listed order.
    pub fn folders_below(&self, path: &str) -> Vec<String> {
        let base = normalize_path(path);
        let mut paths = vec![base.clone()];
        for folder in &self.folders {
            let candidate = normalize_path(&folder.path);
            if is_same_or_below(&candidate, &base) && !paths.contains(&candidate) {
                paths.push(candidate);
            }
        }
        paths
    }
}

impl Folder {
    pub fn new(path: &str) -> Folder {
        Folder {
            path: path.into(),
            secrets: Vec::new(),
            imports: Vec::new(),
            tags: Vec::new(),
        }
    }

    /// Tags `key` with `slug`.
    pub fn tag(mut self, key: &str, slug: &str) -> Folder {
        self.tags.push((key.into(), slug.into()));
        self
    }

    pub fn secret(mut self, key: &str, value: &str) -> Folder {
        self.secrets.push((key.into(), value.into()));
        self
    }

    pub fn import(mut self, env: &str, path: &str) -> Folder {
        self.imports.push((env.into(), path.into()));
        self
    }

    /// Sets `key` (replacing an existing value, else appending).
    pub fn set(&mut self, key: &str, value: &str) {
        match self.secrets.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = value.into(),
            None => self.secrets.push((key.into(), value.into())),
        }
    }
}

/// Server-side path normalisation: leading `/`, no trailing `/`, no `//`.
pub fn normalize_path(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    format!("/{}", parts.join("/"))
}

fn is_same_or_below(candidate: &str, base: &str) -> bool {
    candidate == base || base == "/" || candidate.starts_with(&format!("{base}/"))
}

/// fixtures/secrets-v3-dev-root-recursive.json, secrets-v3-staging-root.json,
/// secrets-v3-prod-recursive.json and secrets-v3-dangling-reference-raw.json,
/// secrets in creation order (`createdAt`).
fn demo_project() -> Project {
    let dev = Environment::new(
        "dev",
        vec![
            Folder::new("/")
                .secret(
                    "DATABASE_URL",
                    "postgres://app:devpass@db.dev.internal:5432/app",
                )
                .secret("API_KEY", "dev-api-key-123")
                .secret("MULTILINE_PEM", MULTILINE_PEM)
                .secret("TRICKY_VALUE", TRICKY_VALUE)
                .secret("UNICODE_VALUE", "héllo wörld ✓ 日本語 🚀")
                .secret(
                    "JSON_VALUE",
                    r#"{"key":"value","list":[1,2,3],"nested":{"a":"b c"}}"#,
                )
                .secret("EMPTY_VALUE", "")
                .secret("BASE_URL", "https://api.example.com")
                .secret("REF_LOCAL", "${BASE_URL}/v1")
                .secret("REF_CHAIN", "${REF_LOCAL}/users?chained=1")
                .secret("REF_CROSS_ENV", "db-host=${prod.DB_HOST}")
                .secret("REF_NESTED_PATH", "token=${dev.nested.NESTED_TOKEN}")
                .import("prod", "/shared")
                .import("staging", "/"),
            Folder::new("/nested")
                .secret("NESTED_TOKEN", "nested-dev-token")
                .secret("NESTED_REF_ROOT", "${dev.API_KEY}-nested"),
            Folder::new("/nested/deeper").secret("DEEP_SECRET", "deep-value"),
        ],
    );
    let staging = Environment::new(
        "staging",
        vec![
            Folder::new("/")
                .secret(
                    "DATABASE_URL",
                    "postgres://app:stagingpass@db.staging.internal:5432/app",
                )
                .secret("API_KEY", "staging-api-key-456")
                .secret("STAGING_ONLY", "only-in-staging"),
            Folder::new("/dangling").secret("DANGLING_REF", "x-${GONE}-y"),
        ],
    );
    let prod = Environment::new(
        "prod",
        vec![
            Folder::new("/")
                .secret("DB_HOST", "prod-db.example.com")
                .secret(
                    "DATABASE_URL",
                    "postgres://app:prodpass@prod-db.example.com:5432/app",
                ),
            Folder::new("/shared")
                .secret("SHARED_CONFIG", "shared-from-prod")
                .secret("LOG_LEVEL", "info")
                .secret("API_KEY", "prod-shared-api-key-should-be-shadowed"),
        ],
    );
    Project {
        id: DEMO_PROJECT_ID.into(),
        slug: DEMO_PROJECT_SLUG.into(),
        environments: vec![dev, staging, prod],
    }
}

fn other_project() -> Project {
    Project {
        id: OTHER_PROJECT_ID.into(),
        slug: OTHER_PROJECT_SLUG.into(),
        environments: vec![Environment::new(
            "dev",
            vec![Folder::new("/").secret("OTHER_SECRET", "not-for-you")],
        )],
    }
}

const MULTILINE_PEM: &str = "-----BEGIN PRIVATE KEY-----\n\
MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEAfakefakefake\n\
line-three-of-fake-key+/=\n\
-----END PRIVATE KEY-----";

/// Backslashes are literal: `\back\\slash` and `\n` are not escapes here.
const TRICKY_VALUE: &str = r#"p@ss"word'with$dollar and $HOME and \back\\slash `tick` #hash =eq;semi|pipe&amp %percent% \n(not-a-newline)"#;
