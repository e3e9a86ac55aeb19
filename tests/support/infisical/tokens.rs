//! Identity access tokens: minting (login, renew, `issue_token`), checking
//! them on authenticated routes, renew and revoke (docs/infisical-api.md §3.1, §5).
//!
//! Like the real server, a token is an HS256-style JWT bound to a database
//! row: revocation is per row (all JWTs renewed from it die together), expiry
//! is per JWT (its `exp`).

use std::collections::HashMap;

use serde_json::{Value, json};

use super::super::http::{Recorded, Reply};
use super::super::{jwt, util};
use super::{State, error, required_fields};

const MALFORMED: &str = "The provided access token is malformed. Please use a valid token or generate a new one and try again.";
const EXPIRED: &str = "Your token has expired. Please re-authenticate.";

pub(super) struct TokenTable {
    /// The server's AUTH_SECRET: tokens of another fake do not verify here.
    secret: String,
    issued: HashMap<String, Issued>,
    rows: HashMap<String, Row>,
    /// JWTs in issue order, for `FakeInfisical::issued_tokens`.
    order: Vec<String>,
}

struct Issued {
    row: String,
    /// `None` for TTL 0 (no `exp` claim).
    exp: Option<u64>,
}

struct Row {
    identity_id: String,
    revoked: bool,
    ttl: u64,
    created: u64,
}

impl TokenTable {
    pub(super) fn new() -> TokenTable {
        TokenTable {
            secret: util::random_alnum(32),
            issued: HashMap::new(),
            rows: HashMap::new(),
            order: Vec::new(),
        }
    }

    /// A new row and its first JWT, as of `now`.
    pub(super) fn issue(&mut self, identity_id: &str, ttl: u64, now: u64) -> String {
        let row_id = util::random_uuid();
        self.rows.insert(
            row_id.clone(),
            Row {
                identity_id: identity_id.into(),
                revoked: false,
                ttl,
                created: now,
            },
        );
        self.mint(&row_id, now)
    }

    /// A JWT for an existing row, valid from `now` for the row's TTL.
    fn mint(&mut self, row_id: &str, now: u64) -> String {
        let row = &self.rows[row_id];
        let exp = (row.ttl > 0).then(|| now + row.ttl);
        let mut claims = json!({
            "identityId": row.identity_id,
            "identityAccessTokenId": row_id,
            "authTokenType": "identityAccessToken",
            "identityAuth": {"oidc": {"claims": {}}},
            "iat": now,
        });
        if let (Some(exp), Some(map)) = (exp, claims.as_object_mut()) {
            map.insert("exp".into(), json!(exp));
        }
        let header = json!({"alg": "HS256", "typ": "JWT"});
        let token = jwt::sign_with_header(&header, &claims, &self.secret);
        self.issued.insert(
            token.clone(),
            Issued {
                row: row_id.into(),
                exp,
            },
        );
        self.order.push(token.clone());
        token
    }

    pub(super) fn issued(&self) -> Vec<String> {
        self.order.clone()
    }

    pub(super) fn revoke_all(&mut self) {
        self.rows.values_mut().for_each(|row| row.revoked = true);
    }

    /// Server-side expiry only: the JWTs' own `exp` claims are unchanged.
    pub(super) fn expire_all(&mut self, now: u64) {
        self.issued
            .values_mut()
            .for_each(|issued| issued.exp = Some(now.saturating_sub(1)));
    }

    /// The identity behind `token` on an authenticated route. Order as in
    /// the real server: JWT verification (signature, then `exp`) before the
    /// database lookup that notices revocation.
    pub(super) fn authenticate(&self, token: &str, now: u64) -> Result<String, Reply> {
        let (_, row) = self.verify(token, now)?;
        Ok(row.identity_id.clone())
    }

    /// `jwt.verify` + row lookup: 403 TokenError / 401 like the real server.
    fn verify(&self, token: &str, now: u64) -> Result<(&Issued, &Row), Reply> {
        let issued = self
            .issued
            .get(token)
            .ok_or_else(|| unknown_token_error(token))?;
        if issued.exp.is_some_and(|exp| now >= exp) {
            return Err(error(403, "TokenError", EXPIRED));
        }
        let row = &self.rows[&issued.row];
        if row.revoked {
            return Err(no_token_found());
        }
        Ok((issued, row))
    }

    /// POST /api/v1/auth/token/renew semantics (docs/infisical-api.md §5.1).
    fn renew(&mut self, token: &str, now: u64) -> Result<Value, Reply> {
        let issued = self
            .issued
            .get(token)
            .ok_or_else(|| unknown_token_error(token))?;
        let row = &self.rows[&issued.row];
        if row.revoked {
            return Err(no_token_found());
        }
        let renew_error = |why: &str| {
            error(
                401,
                "UnauthorizedError",
                format!("Failed to renew MI access token {why}"),
            )
        };
        if issued.exp.is_some_and(|exp| now >= exp) {
            return Err(renew_error("due to TTL expiration"));
        }
        let max_ttl = 2 * row.ttl;
        if row.ttl > 0 && now >= row.created + max_ttl {
            return Err(renew_error("due to Max TTL expiration"));
        }
        if row.ttl > 0 && now + row.ttl > row.created + max_ttl {
            return Err(renew_error("past its Max TTL expiration"));
        }
        let (row_id, ttl) = (issued.row.clone(), row.ttl);
        let new_token = self.mint(&row_id, now);
        Ok(token_response(&new_token, ttl))
    }

    fn revoke(&mut self, token: &str, now: u64) -> Result<(), Reply> {
        let row_id = self.verify(token, now)?.0.row.clone();
        if let Some(row) = self.rows.get_mut(&row_id) {
            row.revoked = true;
        }
        Ok(())
    }
}

/// The login/renew 200 body (docs/infisical-api.md §4.1); max TTL is twice the TTL.
pub(super) fn token_response(token: &str, ttl: u64) -> Value {
    json!({
        "accessToken": token,
        "expiresIn": ttl,
        "accessTokenMaxTTL": 2 * ttl,
        "tokenType": "Bearer",
    })
}

/// POST /api/v1/auth/token/renew `{accessToken}`.
pub(super) fn renew(state: &mut State, request: &Recorded) -> Reply {
    let result = required_fields(request, &["accessToken"])
        .and_then(|fields| state.tokens.renew(&fields[0], util::now()));
    match result {
        Ok(body) => Reply::ok(body),
        Err(reply) => reply,
    }
}

/// POST /api/v1/auth/token/revoke `{accessToken}`.
pub(super) fn revoke(state: &mut State, request: &Recorded) -> Reply {
    let result = required_fields(request, &["accessToken"])
        .and_then(|fields| state.tokens.revoke(&fields[0], util::now()));
    match result {
        Ok(()) => Reply::ok(json!({"message": "Successfully revoked access token"})),
        Err(reply) => reply,
    }
}

fn no_token_found() -> Reply {
    error(401, "UnauthorizedError", "No identity access token found")
}

/// What jsonwebtoken says about a token this server never issued, as the
/// error handler renders it (fixtures secrets-v3-bad-token.json and
/// secrets-v3-bad-signature-token.json).
fn unknown_token_error(token: &str) -> Reply {
    let message = if token.is_empty() {
        "jwt must be provided"
    } else if token.split('.').count() != 3 {
        MALFORMED
    } else if jwt::decode_header(token).is_none() {
        "invalid token"
    } else {
        "invalid signature"
    };
    error(403, "TokenError", message)
}
