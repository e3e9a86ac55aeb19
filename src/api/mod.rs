//! Typed messages of the Infisical routes we use, one function per route, and the choice between
//! the current (`/api/v4/secrets`) and the older (`/api/v3/secrets/raw`) secret listing.

pub mod errors;

use serde::{Deserialize, Serialize};

use crate::error::Failure;
use crate::http::{ApiError, Conditional, Http, HttpError, percent_encode};

pub const DEFAULT_DOMAIN: &str = "https://app.infisical.com";

/// The Infisical server: what users typed, and the API base every route hangs off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    /// `https://app.infisical.com` (no `/api`, no trailing slash): shown to users and keys sessions.
    pub origin: String,
    /// `https://app.infisical.com/api`.
    pub api_base: String,
}

impl Domain {
    pub fn parse(text: &str) -> Result<Domain, Failure> {
        let trimmed = text.trim().trim_end_matches('/');
        if !(trimmed.starts_with("https://") || trimmed.starts_with("http://")) {
            return Err(Failure::usage(format!(
                "the Infisical domain must be an http(s) URL, got `{trimmed}`"
            ))
            .hint(format!("for example --domain {DEFAULT_DOMAIN}")));
        }
        let origin = trimmed.strip_suffix("/api").unwrap_or(trimmed).to_string();
        Ok(Domain {
            api_base: format!("{origin}/api"),
            origin,
        })
    }
}

/// `<domain>/api` plus the shared client.
pub struct Api<'a> {
    http: &'a Http,
    base: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OidcLoginRequest<'a> {
    pub identity_id: &'a str,
    pub jwt: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_slug: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UniversalLoginRequest<'a> {
    pub client_id: &'a str,
    pub client_secret: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_slug: Option<&'a str>,
}

/// The body of the renew and revoke routes.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRequest<'a> {
    pub access_token: &'a str,
}

/// The answer of every machine-identity login (and of token renewal).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessTokenResponse {
    pub access_token: String,
    /// Seconds; 0 means the token does not expire.
    #[serde(default)]
    pub expires_in: u64,
}

/// Which secret-listing route a server has. Servers from before 2026 answer 404 on v4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Generation {
    V4,
    V3,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProjectRef {
    Id(String),
    Slug(String),
}

impl ProjectRef {
    /// Project ids are UUIDs; anything else is taken as a slug, as users type them.
    pub fn parse(text: &str) -> ProjectRef {
        if is_uuid(text) {
            ProjectRef::Id(text.to_string())
        } else {
            ProjectRef::Slug(text.to_string())
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            ProjectRef::Id(s) | ProjectRef::Slug(s) => s,
        }
    }
}

pub fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, len)| g.len() == len && g.chars().all(|c| c.is_ascii_hexdigit()))
}

pub struct SecretsQuery<'a> {
    pub project: &'a ProjectRef,
    pub environment: &'a str,
    pub secret_path: &'a str,
    pub recursive: bool,
    pub include_imports: bool,
    pub expand: bool,
    /// Comma-separated tag slugs, empty for all.
    pub tag_slugs: &'a str,
    /// The `ETag` of the last listing seen, for a poll that only wants to hear of changes.
    pub if_none_match: Option<&'a str>,
}

#[derive(Deserialize, Debug, Clone)]
pub struct SecretsResponse {
    pub secrets: Vec<RawSecret>,
    /// Absent on some older servers, `[]` when imports are off.
    #[serde(default)]
    pub imports: Vec<ImportedFolder>,
}

/// One secret as listed. Every field but the key and value is optional across server versions.
#[derive(Deserialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct RawSecret {
    pub secret_key: String,
    #[serde(default)]
    pub secret_value: String,
    /// The folder it lives in (recursive listings); absent on imported items of older servers.
    #[serde(default)]
    pub secret_path: Option<String>,
    /// True when the identity may see the key but not the value (`<hidden-by-infisical>`).
    #[serde(default)]
    pub secret_value_hidden: Option<bool>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ImportedFolder {
    /// The source folder and environment of the import.
    #[serde(default)]
    pub secret_path: String,
    #[serde(default)]
    pub environment: String,
    #[serde(default)]
    pub secrets: Vec<RawSecret>,
}

#[derive(Deserialize)]
struct ProjectResponse {
    id: String,
}

/// A project as `GET /api/v1/workspace[/{id}]` describes it: enough to say which environments
/// exist when a listing comes back empty.
#[derive(Deserialize, Debug, Clone)]
pub struct ProjectSummary {
    pub id: String,
    pub slug: String,
    pub environments: Vec<EnvironmentSummary>,
}

#[derive(Deserialize, Debug, Clone)]
pub struct EnvironmentSummary {
    pub name: String,
    pub slug: String,
}

#[derive(Deserialize)]
struct WorkspaceResponse {
    workspace: ProjectSummary,
}

#[derive(Deserialize)]
struct WorkspacesResponse {
    workspaces: Vec<ProjectSummary>,
}

#[derive(Deserialize)]
struct FoldersResponse {
    folders: Vec<FolderSummary>,
}

#[derive(Deserialize)]
struct FolderSummary {
    name: String,
}

fn bool_str(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

impl<'a> Api<'a> {
    pub fn new(http: &'a Http, base: &'a str) -> Self {
        http.send_custom_headers_to(base);
        Api { http, base }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// `POST /api/v1/auth/oidc-auth/login`: trade an OIDC token for an Infisical access token.
    pub fn oidc_login(&self, request: &OidcLoginRequest) -> Result<AccessTokenResponse, HttpError> {
        self.http
            .post_json(&self.url("/v1/auth/oidc-auth/login"), request)
    }

    /// A machine-identity login by any other method (JWT, Kubernetes, AWS, GCP, Azure): the route
    /// comes from `cloud::login_route`, the body is that method's typed request.
    pub fn machine_login<B: Serialize>(
        &self,
        route: &str,
        request: &B,
    ) -> Result<AccessTokenResponse, HttpError> {
        self.http.post_json(&self.url(route), request)
    }

    /// `POST /api/v1/auth/universal-auth/login`: a client id and secret for an access token.
    pub fn universal_login(
        &self,
        request: &UniversalLoginRequest,
    ) -> Result<AccessTokenResponse, HttpError> {
        self.http
            .post_json(&self.url("/v1/auth/universal-auth/login"), request)
    }

    /// `POST /api/v1/auth/token/renew`: a fresh expiry for a token that has not run out yet.
    pub fn renew(&self, access_token: &str) -> Result<AccessTokenResponse, HttpError> {
        self.http.post_json(
            &self.url("/v1/auth/token/renew"),
            &TokenRequest { access_token },
        )
    }

    /// `POST /api/v1/auth/token/revoke`: the token stops working everywhere at once.
    pub fn revoke(&self, access_token: &str) -> Result<(), HttpError> {
        let _: serde_json::Value = self.http.post_json(
            &self.url("/v1/auth/token/revoke"),
            &TokenRequest { access_token },
        )?;
        Ok(())
    }

    /// Lists secrets with the fewest round trips the server allows, starting from what we last
    /// learnt about it (`known`), and says which generation answered so the caller can remember it.
    pub fn list_secrets(
        &self,
        token: &str,
        query: &SecretsQuery,
        known: Option<Generation>,
    ) -> Result<(Conditional<SecretsResponse>, Generation), HttpError> {
        // v3 takes a slug in the same request, so with a slug it is one round trip on every server;
        // with an id, v4 is the current route. Each falls back to the other when the route is gone.
        let first = match (known, query.project) {
            (Some(g), _) => g,
            (None, ProjectRef::Slug(_)) => Generation::V3,
            (None, ProjectRef::Id(_)) => Generation::V4,
        };
        match self.list_with(first, token, query) {
            Err(HttpError::Status(e)) if is_gone(&e) => {
                let second = match first {
                    Generation::V4 => Generation::V3,
                    Generation::V3 => Generation::V4,
                };
                self.list_with(second, token, query).map(|r| (r, second))
            }
            other => other.map(|r| (r, first)),
        }
    }

    fn list_with(
        &self,
        generation: Generation,
        token: &str,
        query: &SecretsQuery,
    ) -> Result<Conditional<SecretsResponse>, HttpError> {
        match generation {
            Generation::V4 => {
                let project_id = match query.project {
                    ProjectRef::Id(id) => id.clone(),
                    ProjectRef::Slug(slug) => self.project_id_by_slug(token, slug)?,
                };
                self.list_v4(token, &project_id, query)
            }
            Generation::V3 => self.list_v3(token, query),
        }
    }

    /// `GET /api/v4/secrets`. Every boolean is sent explicitly: their defaults changed in 2026,
    /// and both spellings of the imports flag are sent because each server ignores the other.
    fn list_v4(
        &self,
        token: &str,
        project_id: &str,
        q: &SecretsQuery,
    ) -> Result<Conditional<SecretsResponse>, HttpError> {
        let bearer = format!("Bearer {token}");
        let mut query = vec![
            ("projectId", project_id),
            ("environment", q.environment),
            ("secretPath", q.secret_path),
            ("viewSecretValue", "true"),
            ("expandSecretReferences", bool_str(q.expand)),
            ("recursive", bool_str(q.recursive)),
            ("includeImports", bool_str(q.include_imports)),
            ("include_imports", bool_str(q.include_imports)),
            ("includePersonalOverrides", "false"),
        ];
        if !q.tag_slugs.is_empty() {
            query.push(("tagSlugs", q.tag_slugs));
        }
        self.http.get_json_if_changed(
            &self.url("/v4/secrets"),
            &query,
            &[("Authorization", &bearer)],
            q.if_none_match,
        )
    }

    /// `GET /api/v3/secrets/raw`, the only listing on servers from before 2026.
    fn list_v3(
        &self,
        token: &str,
        q: &SecretsQuery,
    ) -> Result<Conditional<SecretsResponse>, HttpError> {
        let bearer = format!("Bearer {token}");
        let project = match q.project {
            ProjectRef::Id(id) => ("workspaceId", id.as_str()),
            ProjectRef::Slug(slug) => ("workspaceSlug", slug.as_str()),
        };
        let mut query = vec![
            project,
            ("environment", q.environment),
            ("secretPath", q.secret_path),
            ("viewSecretValue", "true"),
            ("expandSecretReferences", bool_str(q.expand)),
            ("recursive", bool_str(q.recursive)),
            ("include_imports", bool_str(q.include_imports)),
        ];
        if !q.tag_slugs.is_empty() {
            query.push(("tagSlugs", q.tag_slugs));
        }
        self.http.get_json_if_changed(
            &self.url("/v3/secrets/raw"),
            &query,
            &[("Authorization", &bearer)],
            q.if_none_match,
        )
    }

    /// The project with its environments: `GET /api/v1/workspace/{id}` for an id, else the list
    /// `GET /api/v1/workspace` searched for the slug (both on every server generation).
    /// `None`: the identity sees no project with that slug.
    pub fn project(
        &self,
        token: &str,
        project: &ProjectRef,
    ) -> Result<Option<ProjectSummary>, HttpError> {
        let bearer = format!("Bearer {token}");
        let auth = [("Authorization", bearer.as_str())];
        match project {
            ProjectRef::Id(id) => {
                let url = self.url(&format!("/v1/workspace/{}", percent_encode(id)));
                let found: WorkspaceResponse = self.http.get_json(&url, &[], &auth)?;
                Ok(Some(found.workspace))
            }
            ProjectRef::Slug(slug) => {
                let list: WorkspacesResponse =
                    self.http.get_json(&self.url("/v1/workspace"), &[], &auth)?;
                Ok(list.workspaces.into_iter().find(|p| &p.slug == slug))
            }
        }
    }

    /// Names of the folders directly inside `path`: `GET /api/v1/folders`.
    pub fn folder_names(
        &self,
        token: &str,
        project_id: &str,
        environment: &str,
        path: &str,
    ) -> Result<Vec<String>, HttpError> {
        let bearer = format!("Bearer {token}");
        let list: FoldersResponse = self.http.get_json(
            &self.url("/v1/folders"),
            &[
                ("workspaceId", project_id),
                ("environment", environment),
                ("path", path),
            ],
            &[("Authorization", &bearer)],
        )?;
        Ok(list.folders.into_iter().map(|f| f.name).collect())
    }

    /// `GET /api/v1/projects/slug/{slug}` → the project's id (v4 only takes ids).
    fn project_id_by_slug(&self, token: &str, slug: &str) -> Result<String, HttpError> {
        let bearer = format!("Bearer {token}");
        let url = self.url(&format!("/v1/projects/slug/{}", percent_encode(slug)));
        let project: ProjectResponse =
            self.http
                .get_json(&url, &[], &[("Authorization", &bearer)])?;
        Ok(project.id)
    }
}

/// The route does not exist on this server (or was retired): try the other generation.
fn is_gone(e: &ApiError) -> bool {
    e.is_missing_route() || e.status == 410
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_ids_from_slugs() {
        assert_eq!(
            ProjectRef::parse("99a6239c-6f03-463e-a876-2567bf26ce7c"),
            ProjectRef::Id("99a6239c-6f03-463e-a876-2567bf26ce7c".into())
        );
        assert_eq!(
            ProjectRef::parse("cli-e2e"),
            ProjectRef::Slug("cli-e2e".into())
        );
        assert_eq!(
            ProjectRef::parse("99a6239c-6f03-463e-a876-2567bf26ce7"),
            ProjectRef::Slug("99a6239c-6f03-463e-a876-2567bf26ce7".into())
        );
    }

    #[test]
    fn encodes_a_slug_for_a_path() {
        assert_eq!(percent_encode("my-proj"), "my-proj");
        assert_eq!(percent_encode("a/b c"), "a%2Fb%20c");
    }
}
