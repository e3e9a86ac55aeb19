//! `completions SHELL`: a completion script generated from the same clap definition users run,
//! so it can never offer a flag the binary does not have. `completions/` holds the checked-in copies.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, CompletionsArgs};

pub fn completions(args: &CompletionsArgs) -> Result<()> {
    let mut cmd = Cli::command();
    let name = cmd.get_name().to_string();
    // clap_complete panics when its writer fails, so render into memory and let a closed pipe
    // (`| head`) surface as an ordinary error that main treats as success.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, name.clone(), &mut script);
    if args.shell == Shell::Bash {
        script = fix_bash_states(&String::from_utf8_lossy(&script), &name).into_bytes();
    }
    std::io::stdout().lock().write_all(&script)?;
    Ok(())
}

/// clap_complete (through 4.6.x, clap-rs/clap#6421, fix not released) spells the state of a
/// subcommand two ways for a binary with a hyphen: the loop that walks the words escapes the name
/// `infisical-oidc` as `infisical__oidc`, the `case` arms as `infisical__subcmd__oidc`. No arm
/// matched, so only the first word completed and `secrets <TAB>` fell back to file names. We
/// rename the arms to the loop's spelling.
fn fix_bash_states(script: &str, name: &str) -> String {
    if !name.contains('-') {
        return script.to_string();
    }
    let walked = name.replace('-', "__");
    let armed = name.replace('-', "__subcmd__");
    script.replace(
        &format!("        {armed}__"),
        &format!("        {walked}__"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_arms_use_the_loops_spelling() {
        let script = "            my__app,run)\n                cmd=\"my__app__subcmd__run\"\n        my__subcmd__app__subcmd__run)\n";
        assert_eq!(
            fix_bash_states(script, "my-app"),
            "            my__app,run)\n                cmd=\"my__app__subcmd__run\"\n        my__app__subcmd__run)\n"
        );
    }
}
