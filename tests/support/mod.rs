//! Test-support fakes for `infisical-oidc`: a fake Infisical server, a fake
//! GitHub Actions ID-token endpoint, and fake JWTs shared by both. Include
//! with `mod support;` from a test crate.
#![allow(dead_code)] // every test binary uses a different subset

pub mod github;
pub mod glob;
pub mod http;
pub mod infisical;
pub mod jwt;
pub mod releases;
mod util;
