//! `{"KEY":"value",...}` on one line, keys sorted: what `jq` and every JSON parser read exactly.

use crate::secrets::SecretSet;

pub fn render(secrets: &SecretSet) -> String {
    // Serialised straight from the set: no copy of 100k keys and values into a JSON tree.
    struct Object<'a>(&'a SecretSet);
    impl serde::Serialize for Object<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_map(self.0.iter())
        }
    }
    // Sized up front ("key":"value", per entry): growing by doubling would copy 10 MB repeatedly.
    let mut bytes = Vec::with_capacity(secrets.text_size(6) + 3);
    serde_json::to_writer(&mut bytes, &Object(secrets)).expect("a map of strings serialises");
    bytes.push(b'\n');
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// `{"KEY":{"value":"…","environment":"dev","path":"/","imported":false},…}`.
pub fn render_with_metadata(secrets: &SecretSet) -> String {
    let map: serde_json::Map<String, serde_json::Value> = secrets
        .entries()
        .map(|(k, s)| {
            (
                k.to_string(),
                serde_json::json!({
                    "value": s.value,
                    "environment": &*s.from.environment,
                    "path": &*s.from.path,
                    "imported": s.from.imported,
                }),
            )
        })
        .collect();
    let mut text = serde_json::Value::Object(map).to_string();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_comes_back_from_json() {
        let secrets: SecretSet = [
            (
                "B".to_string(),
                "line1\nline2\r\n\"q\" \\ $X 🚀".to_string(),
            ),
            ("A".to_string(), String::new()),
        ]
        .into_iter()
        .collect();
        let text = render(&secrets);
        assert!(text.starts_with(r#"{"A":"","B":"#));
        let back: std::collections::BTreeMap<String, String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back["B"], "line1\nline2\r\n\"q\" \\ $X 🚀");
        assert_eq!(back.len(), 2);
    }
}
