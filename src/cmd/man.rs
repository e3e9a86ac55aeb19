//! `man`: manual pages generated from the clap definition, so they say what `--help` says.
//! `completions/man/` holds the checked-in copies that packagers and the README's install steps use.

use std::io::Write;

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};

pub fn man(args: &ManArgs) -> Result<()> {
    let cmd = documented_command();
    match &args.out_dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            clap_mangen::generate_to(cmd, dir)
                .with_context(|| format!("cannot write the manual pages to {}", dir.display()))?;
            crate::messages::say(&format!("Wrote the manual pages to {}", dir.display()));
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut page)?;
            std::io::stdout().lock().write_all(&page)?;
        }
    }
    Ok(())
}

/// The command as the pages describe it: the plain release version (the commit would make every
/// commit's pages differ from the checked-in ones) and no `help` subcommand, as `generate_to` does.
fn documented_command() -> clap::Command {
    Cli::command()
        .version(env!("CARGO_PKG_VERSION"))
        .disable_help_subcommand(true)
}
