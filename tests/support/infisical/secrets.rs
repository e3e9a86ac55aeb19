//! Secret listing: GET /api/v3/secrets/raw and GET /api/v4/secrets
//! (docs/infisical-api.md §6, §7). Items are shaped exactly like
//! fixtures/secrets-v3-dev-root-all-flags.json.

use serde_json::{Value, json};

use super::super::http::{Recorded, Reply};
use super::super::util;
use super::world::normalize_path;
use super::{Project, State, authenticate, check_member, error, validation_failure};

/// Reference expansion gives up (leaving `${...}` as is) past this depth.
const MAX_REFERENCE_DEPTH: usize = 10;

/// What to list, after parameter parsing.
struct Listing {
    env: String,
    path: String,
    view_value: bool,
    expand: bool,
    recursive: bool,
    include_imports: bool,
    /// `tagSlugs`: only secrets with any of these tags (empty = all).
    tag_slugs: Vec<String>,
}

fn tag_slugs(request: &Recorded) -> Vec<String> {
    request
        .query("tagSlugs")
        .map(|t| {
            t.split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

pub(super) fn list_v3(state: &State, request: &Recorded) -> Reply {
    into_reply(v3(state, request))
}

pub(super) fn list_v4(state: &State, request: &Recorded) -> Reply {
    into_reply(v4(state, request))
}

fn into_reply(result: Result<Value, Reply>) -> Reply {
    result.map(Reply::ok).unwrap_or_else(|reply| reply)
}

/// v3 defaults: nothing expanded, no imports (legacy BE router).
fn v3(state: &State, request: &Recorded) -> Result<Value, Reply> {
    let identity = authenticate(state, request)?;
    let [view_value, expand, recursive, include_imports] = flags(
        request,
        [
            ("viewSecretValue", true),
            ("expandSecretReferences", false),
            ("recursive", false),
            ("include_imports", false),
        ],
    )?;
    let query = |name: &str| request.query(name).filter(|v| !v.is_empty());
    // The slug is resolved before the presence check, as in the BE router.
    let project_id = match query("workspaceSlug") {
        Some(slug) => Some(project_by_slug(state, slug)?.id.clone()),
        None => query("workspaceId").map(str::to_string),
    };
    let (Some(project_id), Some(env)) = (project_id, query("environment")) else {
        return Err(error(
            400,
            "BadRequest",
            "Missing workspace id or environment",
        ));
    };
    let project = project_by_id(state, &project_id)?;
    check_member(state, &identity, project)?;
    let listing = Listing {
        env: env.to_string(),
        path: request.query("secretPath").unwrap_or("/").to_string(),
        view_value,
        expand,
        recursive,
        include_imports,
        tag_slugs: tag_slugs(request),
    };
    list(state, project, &listing)
}

/// v4 defaults of the 2026 server: expanded, with imports. The legacy
/// `include_imports` is an unknown key there and stripped.
fn v4(state: &State, request: &Recorded) -> Result<Value, Reply> {
    let identity = authenticate(state, request)?;
    let [
        view_value,
        expand,
        recursive,
        include_imports,
        _personal_overrides,
    ] = flags(
        request,
        [
            ("viewSecretValue", true),
            ("expandSecretReferences", true),
            ("recursive", false),
            ("includeImports", true),
            ("includePersonalOverrides", false),
        ],
    )?;
    let query = |name: &str| request.query(name).filter(|v| !v.is_empty());
    let (Some(project_id), Some(env)) = (query("projectId"), query("environment")) else {
        return Err(error(
            400,
            "BadRequest",
            "Missing project id or environment",
        ));
    };
    let project = project_by_id(state, project_id)?;
    check_member(state, &identity, project)?;
    let listing = Listing {
        env: env.to_string(),
        path: request.query("secretPath").unwrap_or("/").to_string(),
        view_value,
        expand,
        recursive,
        include_imports,
        tag_slugs: tag_slugs(request),
    };
    list(state, project, &listing)
}

/// Boolean query parameters: absent = default, else exactly `true`/`false`
/// (zod enum); every bad one is reported in one 422, in schema order.
fn flags<const N: usize>(request: &Recorded, spec: [(&str, bool); N]) -> Result<[bool; N], Reply> {
    let mut values = [false; N];
    let mut issues = Vec::new();
    for (slot, (name, default)) in values.iter_mut().zip(spec) {
        *slot = match request.query(name) {
            None => default,
            Some("true") => true,
            Some("false") => false,
            Some(other) => {
                issues.push(enum_issue(name, other));
                default
            }
        };
    }
    if issues.is_empty() {
        Ok(values)
    } else {
        Err(validation_failure(issues))
    }
}

fn enum_issue(name: &str, received: &str) -> Value {
    json!({
        "received": received,
        "code": "invalid_enum_value",
        "options": ["true", "false"],
        "path": [name],
        "message": format!("Invalid enum value. Expected 'true' | 'false', received '{received}'"),
    })
}

fn project_by_slug<'a>(state: &'a State, slug: &str) -> Result<&'a Project, Reply> {
    state.world.project_by_slug(slug).ok_or_else(|| {
        error(
            404,
            "NotFound",
            format!("Project with slug '{slug}' not found"),
        )
    })
}

/// fixtures/secrets-v3-unknown-project-id.json.
fn project_by_id<'a>(state: &'a State, id: &str) -> Result<&'a Project, Reply> {
    state.world.project_by_id(id).ok_or_else(|| {
        let message = format!(
            "Project with ID '{id}' not found during bot lookup. Are you sure you are using the correct project ID?"
        );
        error(404, "NotFound", message)
    })
}

/// The `{secrets, imports}` body. An unknown environment or folder is 200
/// with empty lists on the old server, 404 `SecretPathNotFound` on new ones.
fn list(state: &State, project: &Project, listing: &Listing) -> Result<Value, Reply> {
    let path = normalize_path(&listing.path);
    let environment = project
        .environment(&listing.env)
        .filter(|env| env.folder_exists(&path));
    let Some(environment) = environment else {
        return if state.world.generation.has_v4() {
            Err(path_not_found(&path, &listing.env))
        } else {
            Ok(json!({"secrets": [], "imports": []}))
        };
    };
    let folders = if listing.recursive {
        environment.folders_below(&path)
    } else {
        vec![path]
    };
    let render = Renderer {
        state,
        project,
        listing,
    };
    let mut secrets = Vec::new();
    let mut imports = Vec::new();
    for folder_path in &folders {
        let Some(folder) = environment.folder(folder_path) else {
            continue;
        };
        for (key, raw) in &folder.secrets {
            let tags: Vec<&str> = folder
                .tags
                .iter()
                .filter(|(k, _)| k == key)
                .map(|(_, slug)| slug.as_str())
                .collect();
            if !listing.tag_slugs.is_empty()
                && !tags
                    .iter()
                    .any(|t| listing.tag_slugs.iter().any(|s| s == t))
            {
                continue;
            }
            let mut item = render.secret(&environment.slug, folder_path, key, raw);
            item["tags"] = tags
                .iter()
                .map(|slug| json!({"id": util::stable_uuid(slug), "slug": slug, "name": slug, "color": "#000000"}))
                .collect();
            secrets.push(item);
        }
        if listing.include_imports {
            imports.extend(
                folder
                    .imports
                    .iter()
                    .filter_map(|(env, path)| render.import(env, path)),
            );
        }
    }
    // The real order is arbitrary; clients must not depend on it.
    util::shuffle_stably(&mut secrets);
    Ok(json!({"secrets": secrets, "imports": imports}))
}

fn path_not_found(path: &str, env: &str) -> Reply {
    let message = format!(
        "Folder with path '{path}' in environment '{env}' was not found. Please ensure the environment slug and secret path is correct."
    );
    error(404, "SecretPathNotFound", message)
}

/// Turns stored secrets into response items.
struct Renderer<'a> {
    state: &'a State,
    project: &'a Project,
    listing: &'a Listing,
}

impl Renderer<'_> {
    /// An item of `secrets[]`.
    fn secret(&self, env: &str, path: &str, key: &str, raw: &str) -> Value {
        let id = self.secret_id(env, path, key);
        let (value, hidden) = self.value(env, path, raw);
        json!({
            "id": id,
            "_id": id,
            "workspace": self.project.id,
            "environment": env,
            "version": 1,
            "type": "shared",
            "secretKey": key,
            "secretValue": value,
            "secretComment": self.comment(env, path, key),
            "secretReminderNote": null,
            "secretReminderRepeatDays": null,
            "skipMultilineEncoding": false,
            "createdAt": self.state.created_at,
            "updatedAt": self.state.created_at,
            "isRotatedSecret": false,
            "rotationId": null,
            "secretPath": path,
            "secretValueHidden": hidden,
            "secretMetadata": [],
            "tags": [],
        })
    }

    /// An entry of `imports[]`: the source folder, with the secrets of its
    /// own imports flattened in (docs/infisical-api.md §6.5). `None` if the source is gone.
    fn import(&self, env: &str, path: &str) -> Option<Value> {
        let path = normalize_path(path);
        let environment = self.project.environment(env)?;
        if !environment.folder_exists(&path) {
            return None;
        }
        let mut secrets = Vec::new();
        self.collect_imported(env, &path, &mut vec![format!("{env}:{path}")], &mut secrets);
        util::shuffle_stably(&mut secrets);
        Some(json!({
            "secretPath": path,
            "environment": env,
            "folderId": util::stable_uuid(&format!("folder:{}:{env}:{path}", self.project.id)),
            "secrets": secrets,
        }))
    }

    /// Secrets of `env:path`, then of its imports, depth-first; `seen`
    /// stops import cycles.
    fn collect_imported(
        &self,
        env: &str,
        path: &str,
        seen: &mut Vec<String>,
        out: &mut Vec<Value>,
    ) {
        let Some(folder) = self.project.environment(env).and_then(|e| e.folder(path)) else {
            return;
        };
        for (key, raw) in &folder.secrets {
            out.push(self.imported_secret(env, path, key, raw));
        }
        for (nested_env, nested_path) in &folder.imports {
            let nested_path = normalize_path(nested_path);
            let id = format!("{nested_env}:{nested_path}");
            if seen.len() < MAX_REFERENCE_DEPTH && !seen.contains(&id) {
                seen.push(id);
                self.collect_imported(nested_env, &nested_path, seen, out);
            }
        }
    }

    /// An item of `imports[].secrets`: fewer fields, `workspace` empty.
    fn imported_secret(&self, env: &str, path: &str, key: &str, raw: &str) -> Value {
        let id = self.secret_id(env, path, key);
        let (value, hidden) = self.value(env, path, raw);
        json!({
            "id": id,
            "_id": id,
            "workspace": "",
            "environment": env,
            "version": 1,
            "type": "shared",
            "secretKey": key,
            "secretValue": value,
            "secretComment": self.comment(env, path, key),
            "skipMultilineEncoding": false,
            "isRotatedSecret": false,
            "rotationId": null,
            "secretValueHidden": hidden,
            "secretMetadata": [],
        })
    }

    fn secret_id(&self, env: &str, path: &str, key: &str) -> String {
        util::stable_uuid(&format!("secret:{}:{env}:{path}:{key}", self.project.id))
    }

    fn comment(&self, env: &str, path: &str, key: &str) -> String {
        let id = (
            self.project.id.clone(),
            env.to_string(),
            path.to_string(),
            key.to_string(),
        );
        self.state.comments.get(&id).cloned().unwrap_or_default()
    }

    /// The value as sent, and whether it is hidden.
    fn value(&self, env: &str, path: &str, raw: &str) -> (String, bool) {
        if !self.listing.view_value {
            return ("<hidden-by-infisical>".into(), true);
        }
        if !self.listing.expand {
            return (raw.into(), false);
        }
        (self.expand(raw, env, path, &mut Vec::new()), false)
    }

    /// Replaces every well-formed `${...}` that resolves (docs/infisical-api.md §6.7);
    /// anything else is left as written.
    fn expand(&self, value: &str, env: &str, path: &str, stack: &mut Vec<String>) -> String {
        let mut out = String::new();
        let mut rest = value;
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            match after
                .find('}')
                .map(|end| (&after[..end], &after[end + 1..]))
            {
                Some((name, tail)) if is_reference_name(name) => {
                    let resolved = self.resolve(name, env, path, stack);
                    out.push_str(&resolved.unwrap_or_else(|| format!("${{{name}}}")));
                    rest = tail;
                }
                _ => {
                    out.push_str("${");
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// `KEY` = same env and folder; `env.KEY` = root of env;
    /// `env.a.b.KEY` = folder /a/b of env. Missing, empty, cyclic or too
    /// deep = `None` (left unexpanded).
    fn resolve(
        &self,
        name: &str,
        env: &str,
        path: &str,
        stack: &mut Vec<String>,
    ) -> Option<String> {
        let segments: Vec<&str> = name.split('.').collect();
        let (env, path, key) = match segments.as_slice() {
            [key] => (env.to_string(), path.to_string(), *key),
            [env, folders @ .., key] => (env.to_string(), normalize_path(&folders.join("/")), *key),
            [] => return None,
        };
        let raw = self
            .project
            .secret(&env, &path, key)
            .filter(|v| !v.is_empty())?;
        let id = format!("{env}:{path}:{key}");
        if stack.len() >= MAX_REFERENCE_DEPTH || stack.contains(&id) {
            return None;
        }
        stack.push(id);
        let expanded = self.expand(raw, &env, &path, stack);
        stack.pop();
        Some(expanded)
    }
}

/// `[a-zA-Z0-9-_.]+`, the server's reference-name pattern.
fn is_reference_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
