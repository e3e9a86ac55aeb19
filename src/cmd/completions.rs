//! `completions SHELL`: a completion script generated from the same clap definition users run,
//! so it can never offer a flag the binary does not have. `completions/` holds the checked-in copies.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub fn completions(args: &CompletionsArgs) -> Result<()> {
    let mut cmd = Cli::command();
    let name = cmd.get_name().to_string();
    // clap_complete panics when its writer fails, so render into memory and let a closed pipe
    // (`| head`) surface as an ordinary error that main treats as success.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, name, &mut script);
    std::io::stdout().lock().write_all(&script)?;
    Ok(())
}
