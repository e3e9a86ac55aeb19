//! The secret model: what a listing means once imports and folders are merged, as the official
//! clients merge them. Pure: no I/O.

use std::rc::Rc;

mod as_env;
mod merge;
mod selection;

pub use as_env::check_env_names;
pub use merge::merge;
pub use selection::Selection;

/// Where a secret's value came from: a folder of the environment asked for, or an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// Shared: a listing has a handful of folders and 100k secrets.
    pub environment: Rc<str>,
    pub path: Rc<str>,
    pub imported: bool,
}

impl std::fmt::Display for Provenance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if self.imported { "import" } else { "folder" };
        write!(f, "{kind} {}:{}", self.environment, self.path)
    }
}

/// One secret: its value, where it came from, and the same-named ones it won over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secret {
    pub value: String,
    pub from: Provenance,
    pub shadows: Vec<Provenance>,
}

/// Secrets by name, sorted by key (byte order) so every output is stable. A sorted vector, not a
/// map: a set is built once by one sort, then walked in order and searched now and then.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SecretSet(Vec<(String, Secret)>);

impl SecretSet {
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, s)| (k.as_str(), s.value.as_str()))
    }

    pub fn entries(&self) -> impl Iterator<Item = (&str, &Secret)> {
        self.0.iter().map(|(k, s)| (k.as_str(), s))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Bytes of every key and value plus `per_entry` each: what an output buffer is sized from,
    /// so writing 100k secrets does not copy the text over again as it grows.
    pub fn text_size(&self, per_entry: usize) -> usize {
        self.iter()
            .map(|(k, v)| k.len() + v.len() + per_entry)
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        let i = self.find(key).ok()?;
        Some(self.0[i].1.value.as_str())
    }

    /// Lays `later` over this set: its secrets win, as with several `--path`s, and remember what
    /// they won over.
    pub fn overlay(&mut self, later: SecretSet) {
        if self.0.is_empty() {
            // The common case (one --path): nothing to collate.
            *self = later;
            return;
        }
        let both: Vec<(String, Secret)> = std::mem::take(&mut self.0)
            .into_iter()
            .chain(later.0)
            .collect();
        *self = collate(
            both,
            |(k, _)| k,
            |entry| entry,
            |same| {
                let mut shadows = Vec::new();
                let mut winner = None;
                for (key, secret) in same {
                    if let Some((_, earlier)) = winner.replace((key, secret)) {
                        let earlier: Secret = earlier;
                        shadows.extend(earlier.shadows);
                        shadows.push(earlier.from);
                    }
                }
                let (key, mut secret) = winner.expect("a run has entries");
                shadows.append(&mut secret.shadows);
                secret.shadows = shadows;
                (key, secret)
            },
        );
    }

    /// Keeps the secrets `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.0.retain(|(k, _)| keep(k));
    }

    /// Renames every key with `rename`; a later key that lands on an earlier name wins.
    pub fn rename(self, rename: impl Fn(&str) -> String) -> SecretSet {
        let renamed: Vec<(String, Secret)> =
            self.0.into_iter().map(|(k, s)| (rename(&k), s)).collect();
        collate(
            renamed,
            |(k, _)| k,
            |entry| entry,
            |same| same.into_iter().last().expect("a run has entries"),
        )
    }
}

impl FromIterator<(String, String)> for SecretSet {
    /// The last of equal keys wins and shadows the others.
    fn from_iter<T: IntoIterator<Item = (String, String)>>(iter: T) -> Self {
        let from = Provenance {
            environment: "".into(),
            path: "/".into(),
            imported: false,
        };
        let secret = |value| Secret {
            value,
            from: from.clone(),
            shadows: Vec::new(),
        };
        collate(
            iter.into_iter().collect(),
            |(k, _)| k,
            |(k, v)| (k, secret(v)),
            |same| {
                let shadows = vec![from.clone(); same.len() - 1];
                let (k, v) = same.into_iter().last().expect("a run has entries");
                (
                    k,
                    Secret {
                        shadows,
                        ..secret(v)
                    },
                )
            },
        )
    }
}

/// Orders `items` by key, stably (equal keys keep their order), and makes each key one entry:
/// `single` when it occurs once, `fold` over its items in order when more than once.
///
/// 100k keys live in as many scattered heap strings, so comparing them directly is mostly cache
/// misses. The sort runs over small inline records instead: the key's first 16 bytes, its length
/// and its index, and reads a key's text only to break a tie between long keys.
pub(super) fn collate<T>(
    items: Vec<T>,
    key: impl Fn(&T) -> &str,
    mut single: impl FnMut(T) -> (String, Secret),
    mut fold: impl FnMut(Vec<T>) -> (String, Secret),
) -> SecretSet {
    #[derive(Clone, Copy)]
    struct Slot {
        head: u128,
        len: usize,
        index: usize,
    }
    const HEAD: usize = 16;
    let slot = |(index, item): (usize, &T)| {
        let bytes = key(item).as_bytes();
        let mut head = [0u8; HEAD];
        let n = bytes.len().min(HEAD);
        head[..n].copy_from_slice(&bytes[..n]);
        Slot {
            // Big-endian with zero padding orders as the bytes do; a tie may still hide a
            // difference (a NUL byte, or beyond the 16th), which the full comparison settles.
            head: u128::from_be_bytes(head),
            len: bytes.len(),
            index,
        }
    };
    let mut order: Vec<Slot> = items.iter().enumerate().map(slot).collect();
    let same_key = |a: &Slot, b: &Slot| {
        a.head == b.head
            && a.len == b.len
            && (a.len <= HEAD || key(&items[a.index]) == key(&items[b.index]))
    };
    let compare = |a: &Slot, b: &Slot| {
        a.head
            .cmp(&b.head)
            .then_with(|| {
                if a.len <= HEAD && b.len <= HEAD {
                    a.len.cmp(&b.len)
                } else {
                    key(&items[a.index]).cmp(key(&items[b.index]))
                }
            })
            .then(a.index.cmp(&b.index))
    };
    order.sort_unstable_by(compare);
    let runs: Vec<(usize, usize)> = {
        let mut runs = Vec::new();
        let mut start = 0;
        for i in 1..=order.len() {
            if i == order.len() || !same_key(&order[start], &order[i]) {
                runs.push((start, i));
                start = i;
            }
        }
        runs
    };

    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    let mut take = |slot: &Slot| slots[slot.index].take().expect("each item is taken once");
    let mut entries = Vec::with_capacity(runs.len());
    for (start, end) in runs {
        let entry = if end - start == 1 {
            single(take(&order[start]))
        } else {
            fold(order[start..end].iter().map(&mut take).collect())
        };
        entries.push(entry);
    }
    SecretSet(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ImportedFolder;
    use crate::api::{RawSecret, SecretsResponse};
    use crate::error::Kind;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn raw(key: &str, value: &str) -> RawSecret {
        RawSecret {
            secret_key: key.into(),
            secret_value: value.into(),
            secret_path: None,
            secret_value_hidden: Some(false),
        }
    }

    fn import(environment: &str, secrets: Vec<RawSecret>) -> ImportedFolder {
        ImportedFolder {
            environment: environment.into(),
            secret_path: "/".into(),
            secrets,
        }
    }

    #[test]
    fn own_secrets_win_then_the_later_import() {
        let merged = merge(
            SecretsResponse {
                secrets: vec![raw("API_KEY", "own")],
                imports: vec![
                    import(
                        "prod",
                        vec![
                            raw("API_KEY", "first"),
                            raw("LOG", "first"),
                            raw("ONLY1", "1"),
                        ],
                    ),
                    import(
                        "staging",
                        vec![raw("API_KEY", "second"), raw("LOG", "second")],
                    ),
                ],
            },
            "dev",
            "/",
        );
        let s = merged.secrets;
        assert_eq!(s.get("API_KEY"), Some("own"));
        assert_eq!(s.get("LOG"), Some("second"));
        assert_eq!(s.get("ONLY1"), Some("1"));
        assert_eq!(s.len(), 3);
        let (_, api_key) = s.entries().find(|(k, _)| *k == "API_KEY").unwrap();
        assert_eq!(api_key.from.to_string(), "folder dev:/");
        let shadowed: Vec<String> = api_key.shadows.iter().map(|p| p.to_string()).collect();
        assert_eq!(shadowed, ["import staging:/", "import prod:/"]);
    }

    #[test]
    fn the_last_occurrence_wins_within_a_recursive_listing() {
        let merged = merge(
            SecretsResponse {
                secrets: vec![raw("K", "root"), raw("K", "nested")],
                imports: vec![],
            },
            "dev",
            "/",
        );
        assert_eq!(merged.secrets.get("K"), Some("nested"));
    }

    #[test]
    fn selection_filters_renames_and_requires() {
        let set: SecretSet = [
            ("APP_DB", "x"),
            ("APP_KEY", ""),
            ("OTHER", "y"),
            ("APP_TMP", "z"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let selection = Selection {
            only: vec!["APP_*".into()],
            exclude: vec!["*_TMP".into()],
            strip_prefix: Some("APP_".into()),
            prefix: Some("MY_".into()),
            require: vec!["MY_DB".into(), "MY_KEY".into(), "MY_GONE".into()],
            require_all_nonempty: false,
        };
        let picked = selection.apply(set);
        let keys: Vec<&str> = picked.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["MY_DB", "MY_KEY"]);
        let e = selection.check_required(&picked, "p/dev:/").unwrap_err();
        assert_eq!(
            e.message,
            "required secrets not usable in p/dev:/: missing MY_GONE; empty MY_KEY"
        );
        assert_eq!(e.kind, Kind::Access);
    }

    #[test]
    fn names_are_checked_before_anything_is_written() {
        let set = |k: &str, v: &str| -> SecretSet {
            [(k.to_string(), v.to_string())].into_iter().collect()
        };
        assert!(check_env_names(&set("API_KEY", "v"), &[]).is_ok());
        for bad in ["1ABC", "A-B", "A B", "A=B", "", "Ä"] {
            let e = check_env_names(&set(bad, "v"), &[]).unwrap_err();
            assert!(e.message.starts_with("cannot export"), "{bad}");
        }
        let e = check_env_names(&set("BASH_ENV", "v"), &[]).unwrap_err();
        assert!(e.message.starts_with("refusing to export"));
        let e = check_env_names(&set("K", "a\0b"), &[]).unwrap_err();
        assert!(e.message.contains("NUL") && !e.message.contains("a\0b"));
    }

    #[test]
    fn hidden_values_are_left_out_and_reported() {
        let mut hidden = raw("HIDDEN", "<hidden-by-infisical>");
        hidden.secret_value_hidden = Some(true);
        let merged = merge(
            SecretsResponse {
                secrets: vec![hidden, raw("SHOWN", "v")],
                imports: vec![],
            },
            "dev",
            "/",
        );
        assert_eq!(merged.secrets.get("HIDDEN"), None);
        assert_eq!(merged.hidden, vec!["HIDDEN".to_string()]);
    }

    /// The rule as plainly stated, one map update per candidate: what `merge` must agree with.
    /// Per key: (value, where from, what it shadows).
    type Plain = BTreeMap<String, (String, String, Vec<String>)>;

    fn merge_by_map(response: SecretsResponse) -> Plain {
        let mut map = Plain::new();
        for s in response.secrets {
            let from = format!("folder dev:{}", s.secret_path.as_deref().unwrap_or("/"));
            match map.get_mut(&s.secret_key) {
                Some(e) => {
                    e.2.push(std::mem::replace(&mut e.1, from));
                    e.0 = s.secret_value;
                }
                None => {
                    map.insert(s.secret_key, (s.secret_value, from, Vec::new()));
                }
            }
        }
        for import in response.imports.into_iter().rev() {
            let from = format!("import {}:{}", import.environment, import.secret_path);
            for s in import.secrets {
                match map.get_mut(&s.secret_key) {
                    Some(e) => e.2.push(from.clone()),
                    None => {
                        map.insert(s.secret_key, (s.secret_value, from.clone(), Vec::new()));
                    }
                }
            }
        }
        map
    }

    fn listing() -> impl Strategy<Value = SecretsResponse> {
        let key = proptest::sample::select(vec![
            "A",
            "B",
            "A\0",
            "A_KEY_LONGER_THAN_16_BYTES_1",
            "A_KEY_LONGER_THAN_16_BYTES_2",
        ]);
        let own = proptest::collection::vec(
            (
                key.clone(),
                "[a-z]{0,2}",
                proptest::option::of(proptest::sample::select(vec!["/", "/x"])),
            ),
            0..8,
        );
        let imports = proptest::collection::vec(
            (
                proptest::sample::select(vec!["prod", "staging"]),
                proptest::sample::select(vec!["/", "/b"]),
                proptest::collection::vec((key, "[a-z]{0,2}"), 0..5),
            ),
            0..4,
        );
        (own, imports).prop_map(|(own, imports)| SecretsResponse {
            secrets: own
                .into_iter()
                .map(|(k, v, path)| RawSecret {
                    secret_path: path.map(Into::into),
                    ..raw(k, &v)
                })
                .collect(),
            imports: imports
                .into_iter()
                .map(|(environment, path, secrets)| ImportedFolder {
                    secret_path: path.into(),
                    ..import(
                        environment,
                        secrets.into_iter().map(|(k, v)| raw(k, &v)).collect(),
                    )
                })
                .collect(),
        })
    }

    proptest! {
        #[test]
        fn merge_agrees_with_the_plain_rule(response in listing()) {
            let expected = merge_by_map(response.clone());
            let merged = merge(response, "dev", "/");
            let got: Plain = merged
                .secrets
                .entries()
                .map(|(k, s)| {
                    let shadows = s.shadows.iter().map(ToString::to_string).collect();
                    (k.to_string(), (s.value.clone(), s.from.to_string(), shadows))
                })
                .collect();
            prop_assert_eq!(got, expected);
        }
    }

    proptest! {
        /// Keys sharing 16-byte heads, NUL bytes and prefixes of each other sort and collapse
        /// exactly as an ordered map does.
        #[test]
        fn collation_orders_as_a_map_does(
            pairs in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["", "SAME_16_BYTES_XX", "SAME_16_BYTES_X", "K\0"]),
                    "[a\x00b]{0,3}",
                    "[xyz]{0,2}",
                ),
                0..40,
            )
        ) {
            let pairs: Vec<(String, String)> =
                pairs.into_iter().map(|(head, tail, v)| (format!("{head}{tail}"), v)).collect();
            let expected: BTreeMap<String, String> = pairs.iter().cloned().collect();
            let set: SecretSet = pairs.into_iter().collect();
            let got: Vec<(String, String)> =
                set.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            prop_assert_eq!(got, expected.into_iter().collect::<Vec<_>>());
            for (k, v) in set.iter() {
                prop_assert_eq!(set.get(k), Some(v));
            }
        }
    }
}
