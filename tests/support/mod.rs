//! Test-support fakes for `infisical-oidc`: a fake Infisical server, a fake
//! GitHub Actions ID-token endpoint, and fake JWTs shared by both. Include
//! with `mod support;` from a test crate.
#![allow(dead_code)] // every test binary uses a different subset

pub mod github;
#[path = "../../src/oidc/glob.rs"]
pub mod glob;
pub mod http;
pub mod infisical;
pub mod jwt;
pub mod runner;
mod util;
pub mod values;
