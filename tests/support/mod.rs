//! Test-support fakes for `infisical-oidc`: a fake Infisical server, a fake
//! GitHub Actions ID-token endpoint, and fake JWTs shared by both; for the network
//! suite, a fault-injecting front (plain or TLS with a test CA) and a loopback proxy.
//! One module for the integration tests (`tests/integration/main.rs`), the benchmark and the
//! sandbox example; each uses a different subset.
#![allow(dead_code)]

pub mod act;
pub mod aws;
pub mod cloud_metadata;
pub mod common;
pub mod front;
pub mod gcp_iam;
pub mod github;
pub mod http;
pub mod infisical;
pub mod jwt;
pub mod kubernetes;
pub mod picomatch;
pub mod proxy;
pub mod releases;
pub mod runner;
pub mod tls;
mod util;
pub mod values;
