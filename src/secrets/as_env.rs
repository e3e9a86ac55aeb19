//! Whether every secret can become an environment variable (for `run` and the formats that set
//! variables): a name `names` accepts and a value without NUL.

use super::SecretSet;
use crate::error::Failure;

/// Checks, before anything is written, that every secret can become an environment variable:
/// its name passes `names::check` and its value holds no NUL. Names every offender, never a value.
pub fn check_env_names(secrets: &SecretSet, allowed: &[String]) -> Result<(), Failure> {
    crate::names::check(secrets.iter().map(|(k, _)| k), allowed, "export")?;
    let with_nul: Vec<&str> = secrets
        .iter()
        .filter(|(_, v)| v.contains('\0'))
        .map(|(k, _)| k)
        .collect();
    if !with_nul.is_empty() {
        return Err(Failure::usage(format!(
            "the value of {} contains a NUL byte, which no environment variable can hold",
            with_nul.join(", ")
        ))
        .hint("use --format json for an exact copy"));
    }
    Ok(())
}
