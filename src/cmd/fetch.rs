//! The fetch that `secrets export`, `get`, `list` and `run` share: log in when needed, read each
//! `--path` in order (later ones winning), confirm an empty or missing place with the project's
//! own description, mask, select, and say what was fetched; `run --watch` polls through it too.

use std::collections::HashMap;

use anyhow::{Result, bail};

use crate::api::{Api, SecretsQuery, errors};
use crate::auth::{Auth, LoginSettings, TokenOrigin};
use crate::config::FetchSettings;
use crate::env::Env;
use crate::error::{Failure, Kind};
use crate::github;
use crate::http::{Conditional, Http, HttpError, Peer};
use crate::messages::{self, Spinner};
use crate::secrets::{self, SecretSet};
use crate::session::SessionStore;

/// A committed `.infisical.json` can send our OIDC token to another server: say so every time.
pub(super) fn warn_about_domain(login: &LoginSettings) {
    if login.domain_from_project_file {
        messages::warn(&format!(
            "using the Infisical domain {} from .infisical.json; pass --domain to override",
            login.domain.origin
        ));
    }
}

/// Reads the secrets the settings name (each `--path` in order, later ones winning), logging in
/// when needed; masks them, applies the selection and requirements, and says what it fetched.
pub(super) fn fetch(settings: &FetchSettings, http: &Http, env: Env) -> Result<SecretSet> {
    fetch_with(settings, http, env, None)
}

/// What `run --watch` keeps between polls: per `--path`, the server's `ETag` and the listing it
/// stands for, so an unchanged folder is answered 304 and not sent, parsed and merged again.
#[derive(Default)]
pub(super) struct PollCache(HashMap<String, (String, SecretSet)>);

/// The same fetch without a word on stderr (no masks either): `run --watch` polls with it and
/// masks only what changed.
pub(super) fn fetch_quietly(
    settings: &FetchSettings,
    http: &Http,
    env: Env,
    cache: &mut PollCache,
) -> Result<SecretSet> {
    fetch_with(settings, http, env, Some(cache))
}

/// A fetch reports (warnings, masks, a summary line) unless it is a poll, which has a cache.
fn fetch_with(
    settings: &FetchSettings,
    http: &Http,
    env: Env,
    mut cache: Option<&mut PollCache>,
) -> Result<SecretSet> {
    let report = cache.is_none();
    if report {
        warn_about_domain(&settings.login);
    }
    let auth = Auth::new(&settings.login, http, SessionStore::locate(env));
    let mut token = auth.access_token(settings.token.as_deref())?;
    let api = Api::new(http, &settings.login.domain.api_base);
    let tag_slugs = settings.tags.join(",");

    let spinner = report.then(|| Spinner::start("Fetching secrets"));
    let mut all = SecretSet::default();
    for path in &settings.secret_paths {
        let query = SecretsQuery {
            project: &settings.project,
            environment: &settings.environment,
            secret_path: path,
            recursive: settings.recursive,
            include_imports: settings.include_imports,
            expand: settings.expand,
            tag_slugs: &tag_slugs,
            if_none_match: cache
                .as_deref()
                .and_then(|c| c.0.get(path))
                .map(|(etag, _)| etag.as_str()),
        };
        let mut result = api.list_secrets(&token.value, &query, token.generation);
        if let Err(HttpError::Status(e)) = &result
            && token.origin == TokenOrigin::Session
            && errors::is_token_refused(e)
        {
            // A cached token can be revoked or cut short on the server: log in once more.
            auth.discard_session();
            let session = auth.login()?;
            token.value = session.access_token;
            token.origin = TokenOrigin::Login;
            result = api.list_secrets(&token.value, &query, None);
        }
        if let Err(HttpError::Status(e)) = &result
            && e.error.as_deref() == Some("SecretPathNotFound")
        {
            // Newer servers say "environment or folder": find out which, and name what exists.
            check_place_exists(&api, &token.value, settings, path)?;
        }
        let (listing, generation) =
            result.map_err(|e| explain_fetch_error(e, settings, path, token.origin))?;
        if token.origin != TokenOrigin::Given && token.generation != Some(generation) {
            auth.remember_generation(generation);
            token.generation = Some(generation);
        }
        if let Some(cache) = cache.as_deref_mut() {
            let secrets = match listing {
                Conditional::Unchanged => match cache.0.get(path) {
                    Some((_, secrets)) => secrets.clone(),
                    None => bail!("Infisical answered 304 Not Modified to a first request"),
                },
                Conditional::Changed { value, etag } => {
                    let merged = secrets::merge(value, &settings.environment, path);
                    if let Some(etag) = etag {
                        cache.0.insert(path.clone(), (etag, merged.secrets.clone()));
                    }
                    merged.secrets
                }
            };
            all.overlay(secrets);
            continue;
        }
        let Conditional::Changed { value, .. } = listing else {
            bail!("Infisical answered 304 Not Modified to a request that asked for no condition");
        };
        let merged = secrets::merge(value, &settings.environment, path);
        if settings.login.mask {
            // Before any value can reach stdout, stderr, a file or a child's output.
            github::add_masks(merged.secrets.iter().map(|(_, v)| v));
        }
        let place = place(settings, path);
        if !merged.hidden.is_empty() {
            messages::warn(&format!(
                "left out {} whose value this identity may not read: {}",
                plural(merged.hidden.len(), "secret"),
                merged.hidden.join(", ")
            ));
        }
        if merged.secrets.is_empty() && merged.hidden.is_empty() {
            // Servers from before 2026 answer an unknown environment or folder with an empty
            // list: ask the project what exists (one more request, only in this case).
            if check_place_exists(&api, &token.value, settings, path)? {
                messages::warn(&format!(
                    "{place} exists but holds no secrets; pass --require KEY or --require-all-nonempty to fail instead"
                ));
            } else {
                messages::warn(&format!(
                    "no secrets found in {place}; check that --env is the environment's slug and --path exists"
                ));
            }
        }
        all.overlay(merged.secrets);
    }
    drop(spinner);

    let selected = settings.selection.apply(all);
    let place = place(settings, &settings.secret_paths.join(","));
    settings.selection.check_required(&selected, &place)?;
    if report {
        messages::note(&format!(
            "Fetched {} from {place}",
            plural(selected.len(), "secret")
        ));
    }
    Ok(selected)
}

/// Whether the environment and folder of an empty or refused listing exist, from the project's
/// own description: `Ok(true)` they do, `Ok(false)` we could not tell (the check itself failed),
/// an error naming what does exist when they do not.
fn check_place_exists(
    api: &Api,
    token: &str,
    settings: &FetchSettings,
    path: &str,
) -> Result<bool, Failure> {
    let Ok(Some(project)) = api.project(token, &settings.project) else {
        return Ok(false);
    };
    let env = &settings.environment;
    if !project.environments.iter().any(|e| &e.slug == env) {
        let slugs: Vec<&str> = project
            .environments
            .iter()
            .map(|e| e.slug.as_str())
            .collect();
        let described: Vec<String> = project
            .environments
            .iter()
            .map(|e| format!("{} ({})", e.slug, e.name))
            .collect();
        return Err(Failure::new(
            Kind::Access,
            format!(
                "environment `{env}` not found in project {}; it has {}",
                settings.project.as_str(),
                if described.is_empty() {
                    "none".to_string()
                } else {
                    described.join(", ")
                }
            ),
        )
        .hint(format!(
            "pass --env with an environment's slug: {}",
            slugs.join(", ")
        )));
    }
    let trimmed = path.trim_end_matches('/');
    let Some((parent, name)) = trimmed.rsplit_once('/') else {
        return Ok(true);
    };
    if name.is_empty() {
        return Ok(true);
    }
    let parent = if parent.is_empty() { "/" } else { parent };
    let Ok(names) = api.folder_names(token, &project.id, env, parent) else {
        return Ok(false);
    };
    if names.iter().any(|n| n == name) {
        return Ok(true);
    }
    let there = if names.is_empty() {
        format!("{parent} has no folders")
    } else {
        format!("folders in {parent}: {}", names.join(", "))
    };
    Err(Failure::new(
        Kind::Access,
        format!(
            "folder `{path}` not found in {}/{env}",
            settings.project.as_str()
        ),
    )
    .hint(format!("check --path; {there}")))
}

/// `project/env:/path` as users type it.
pub(super) fn place(settings: &FetchSettings, path: &str) -> String {
    format!(
        "{}/{}:{path}",
        settings.project.as_str(),
        settings.environment
    )
}

pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A failed listing, as the user should hear it: transport failures and foreign answers as
/// `http` words them, Infisical's refusals as `api::errors` does.
fn explain_fetch_error(
    e: HttpError,
    s: &FetchSettings,
    path: &str,
    origin: TokenOrigin,
) -> anyhow::Error {
    let peer = Peer::infisical(&s.login.domain.origin);
    let api = match e {
        HttpError::Status(api) => api,
        HttpError::Transport(t) => return t.failure(&peer).into(),
    };
    if let Some(failure) = api.foreign_failure(&peer) {
        return failure.into();
    }
    let context = errors::Context::Listing {
        project: s.project.as_str(),
        environment: &s.environment,
        path,
        token_given: origin == TokenOrigin::Given,
    };
    match errors::failure(errors::Route::Listing, &api, &context) {
        Some(failure) => failure.into(),
        None => Failure::new(Kind::Usage, api.server_says()).into(),
    }
}
