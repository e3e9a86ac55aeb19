//! `run -- <cmd>`: the secrets exist only in the command's environment.

use anyhow::Result;

use crate::cli::RunArgs;
use crate::config;
use crate::env::Env;
use crate::github;
use crate::http::Http;
use crate::watch::{self, Watch};

pub fn run(args: &RunArgs, http: &Http, env: Env) -> Result<()> {
    let file = super::project_file()?;
    let settings = config::resolve_fetch(
        &args.common,
        &args.fetch,
        &args.identity,
        file.as_ref(),
        env,
        super::interactive(),
    )?;
    let mut secrets = super::fetch(&settings, http, env)?;
    let left_out = crate::run::keep_for_child(&mut secrets, &args.allow_name)?;
    for name in &left_out.reserved {
        crate::messages::warn(&format!(
            "secret {name} not injected: the command keeps its own {name}, as with the official CLI"
        ));
    }
    if !left_out.invalid.is_empty() {
        crate::messages::warn(&format!(
            "not injected, as no environment variable can have these names (letters, digits and `_`, not starting with a digit): {}",
            left_out.invalid.join(", ")
        ));
    }
    let (program, rest) = match &args.shell_command {
        Some(line) => crate::run::through_shell(line, env),
        None => {
            let (program, rest) = args
                .command
                .split_first()
                .expect("clap requires a command after -- unless --command is given");
            (program.clone(), rest.to_vec())
        }
    };
    if !args.watch {
        return Err(crate::run::exec(&program, &rest, &secrets));
    }
    let watch = Watch {
        interval: args.watch_interval,
        grace: args.watch_grace,
    };
    let poll = http.for_polling();
    let mut cache = super::PollCache::default();
    watch::supervise(
        &program,
        &rest,
        secrets,
        &watch,
        || {
            let mut fresh = super::fetch_quietly(&settings, &poll, env, &mut cache)?;
            // A dangerous name that appears later stops the restart; the command keeps running.
            crate::run::keep_for_child(&mut fresh, &args.allow_name)?;
            Ok(fresh)
        },
        |fresh, changed| {
            if settings.login.mask {
                // New values are hidden in the log before the new child can print them.
                github::add_masks(changed.iter().filter_map(|k| fresh.get(k)));
            }
        },
    )
}
