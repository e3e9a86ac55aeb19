//! Whom we trust: the system's CA roots (which honour SSL_CERT_FILE / SSL_CERT_DIR) plus
//! `--ca-cert`, loaded once and shared by every request.

use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

use super::Http;
use crate::error::Failure;

impl Http {
    /// The system's trust store (which honours SSL_CERT_FILE / SSL_CERT_DIR) plus `--ca-cert`.
    /// On a machine with no CA bundle at all, Mozilla's roots built into the binary stand in.
    pub(super) fn tls(&self) -> &TlsConfig {
        self.tls.get_or_init(|| {
            let system = rustls_native_certs::load_native_certs().certs;
            let roots = if system.is_empty() && self.extra_roots.is_empty() {
                RootCerts::WebPki
            } else {
                let mut all: Vec<Certificate<'static>> = system
                    .iter()
                    .map(|der| Certificate::from_der(der.as_ref()).to_owned())
                    .collect();
                all.extend(self.extra_roots.iter().cloned());
                RootCerts::new_with_certs(&all)
            };
            TlsConfig::builder().root_certs(roots).build()
        })
    }
}

/// Reads `--ca-cert`: every certificate in a PEM file (a bundle is fine).
pub(super) fn read_ca_file(path: &std::path::Path) -> Result<Vec<Certificate<'static>>, Failure> {
    let hint =
        "--ca-cert / INFISICAL_CA_CERT names a PEM file with -----BEGIN CERTIFICATE----- blocks";
    let bytes = std::fs::read(path).map_err(|e| {
        Failure::usage(format!(
            "cannot read the CA certificate file {}: {e}",
            path.display()
        ))
        .hint(hint)
    })?;
    let certs: Vec<Certificate<'static>> = ureq::tls::parse_pem(&bytes)
        .filter_map(|item| match item {
            Ok(PemItem::Certificate(cert)) => Some(cert),
            _ => None,
        })
        .collect();
    if certs.is_empty() {
        return Err(
            Failure::usage(format!("{} holds no PEM certificate", path.display())).hint(hint),
        );
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ca_file_must_hold_a_certificate() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        std::fs::write(&path, "not a certificate").unwrap();
        let e = read_ca_file(&path).unwrap_err();
        assert!(
            e.message.ends_with("holds no PEM certificate"),
            "{}",
            e.message
        );
    }
}
