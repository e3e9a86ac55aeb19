//! One writer per output format, each a pure function of the secret set: adding a format is one
//! small module and one match arm here.

mod dotenv;
mod json;

use crate::secrets::SecretSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dotenv,
    Json,
}

/// The bytes to write, and anything the user should know about them (never a value).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub warnings: Vec<String>,
}

pub fn render(format: Format, secrets: &SecretSet) -> Rendered {
    match format {
        Format::Dotenv => dotenv::render(secrets),
        Format::Json => Rendered {
            text: json::render(secrets),
            warnings: Vec::new(),
        },
    }
}
