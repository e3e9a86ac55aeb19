//! The GitHub Actions runner's reader for `$GITHUB_ENV` / `$GITHUB_OUTPUT` (actions/runner
//! `FileCommandManager.cs`, Linux), as a test oracle: per line, whichever of `=` or `<<` comes
//! first decides the form; `NAME=value` is taken literally; a heredoc value is the text up to the
//! LF before the first line exactly equal to the delimiter.

pub fn runner_reads(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut index = 0;
    while let Some((s, e)) = next_line(text, &mut index) {
        let line = &text[s..e];
        if line.is_empty() {
            continue;
        }
        let eq = line.find('=');
        let heredoc = line.find("<<");
        match (eq, heredoc) {
            (Some(q), h) if h.is_none_or(|h| q < h) => {
                if q == 0 {
                    return Err(format!("empty name in {line:?}"));
                }
                out.push((line[..q].to_string(), line[q + 1..].to_string()));
            }
            (_, Some(h)) => {
                let (name, delim) = (&line[..h], &line[h + 2..]);
                if name.is_empty() || delim.is_empty() {
                    return Err(format!("invalid line {line:?}"));
                }
                let start = index;
                let mut end = index;
                loop {
                    let (ls, le) = next_line(text, &mut index)
                        .ok_or_else(|| format!("Matching delimiter not found '{delim}'"))?;
                    if &text[ls..le] == delim {
                        break;
                    }
                    end = if index > le { index - 1 } else { index };
                }
                out.push((name.to_string(), text[start..end.max(start)].to_string()));
            }
            _ => return Err(format!("invalid line {line:?}")),
        }
    }
    Ok(out)
}

/// The next line's bounds (without its LF), advancing `index` past the LF.
fn next_line(text: &str, index: &mut usize) -> Option<(usize, usize)> {
    if *index >= text.len() {
        return None;
    }
    let start = *index;
    match text[start..].find('\n') {
        Some(lf) => {
            *index = start + lf + 1;
            Some((start, start + lf))
        }
        None => {
            *index = text.len();
            Some((start, text.len()))
        }
    }
}
