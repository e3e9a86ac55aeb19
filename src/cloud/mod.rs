//! Machine-identity logins other than OIDC and Universal Auth: the proof a platform already
//! holds (any JWT, a Kubernetes service-account token), the Infisical route that takes it, and
//! what Infisical's refusal of each means, naming the setting to change on the identity.

pub mod aws;
pub mod gcp_iam;
pub mod metadata;
pub mod sigv4;

use crate::http::ApiError;
use crate::session::LoginMethod;

/// The login route of each method, below `<domain>/api` (read from Infisical's routers:
/// tests/fixtures/cloud-auth/routes.json).
pub fn login_route(method: LoginMethod) -> &'static str {
    match method {
        LoginMethod::Oidc => "/v1/auth/oidc-auth/login",
        LoginMethod::Universal => "/v1/auth/universal-auth/login",
        LoginMethod::Jwt => "/v1/auth/jwt-auth/login",
        LoginMethod::Kubernetes => "/v1/auth/kubernetes-auth/login",
        LoginMethod::AwsIam => "/v1/auth/aws-auth/login",
        LoginMethod::Gcp | LoginMethod::GcpIam => "/v1/auth/gcp-auth/login",
        LoginMethod::Azure => "/v1/auth/azure-auth/login",
    }
}

/// What the caller knows about the proof it sent, to name it in a refusal (never a token).
#[derive(Debug, Default, Clone)]
pub struct Presented {
    /// Kubernetes: `system:serviceaccount:<namespace>:<name>`; JWT: the token's `sub`; AWS: the
    /// ARN STS returned for the credentials.
    pub subject: Option<String>,
}

/// Infisical's refusal of a login by `method`, as (message, hint). The server's answers are
/// described in docs/infisical-api.md §4.5 and listed in tests/fixtures/cloud-auth/*.json, with
/// the source files and commits they come from.
pub fn explain_refusal(
    method: LoginMethod,
    api: &ApiError,
    identity_id: &str,
    presented: &Presented,
) -> (String, String) {
    let m = api.message.to_ascii_lowercase();
    let auth = method.auth_name();
    let who = presented
        .subject
        .as_deref()
        .map(|s| format!(" ({})", crate::oidc::printable(s)))
        .unwrap_or_default();
    if m.contains("auth method not found") {
        return (
            format!("machine identity {identity_id} has no {auth} method"),
            format!(
                "check --identity-id, and add {auth} to that identity in Infisical (Access Control > Identities)"
            ),
        );
    }
    match method {
        LoginMethod::Kubernetes => kubernetes_refusal(&m, &who),
        LoginMethod::Jwt => jwt_refusal(&m, &who),
        LoginMethod::AwsIam => aws_refusal(&m, presented.subject.as_deref()),
        LoginMethod::Gcp => gcp_refusal(&m, &who),
        LoginMethod::GcpIam => gcp_iam_refusal(&m, &who),
        LoginMethod::Azure => azure_refusal(&m, &api.message, &who),
        _ => (
            format!("Infisical refused the {auth} login"),
            format!("check the identity's {auth} settings"),
        ),
    }
}

fn kubernetes_refusal(m: &str, who: &str) -> (String, String) {
    if m.contains("namespace not allowed") {
        (
            format!("Infisical refused the pod's namespace{who}"),
            "add the namespace to the identity's Kubernetes Auth Allowed Namespaces".into(),
        )
    } else if m.contains("name not allowed") {
        (
            format!("Infisical refused the pod's service account{who}"),
            "add the service account name to the identity's Kubernetes Auth Allowed Service Account Names".into(),
        )
    } else if m.contains("audience not allowed") || m.contains("target audiences") {
        // Infisical asks the cluster's TokenReview for the identity's Allowed Audience: a token
        // for another audience fails the review itself, in the API server's words.
        (
            "Infisical refused the service-account token's audience".into(),
            "clear the identity's Kubernetes Auth Allowed Audience, or mount a projected token with that audience and pass it with --jwt-file".into(),
        )
    } else if m.contains("failed to connect to")
        || m.contains("failed to resolve")
        || m.contains("failed to communicate with")
        || m.contains("timed out")
        || m.contains("certificate verification failed")
    {
        (
            "Infisical could not reach the cluster's API server to review the token".into(),
            "check the identity's Kubernetes Auth Kubernetes Host URL and CA certificate: Infisical's \
             server must reach that address (a private cluster needs an Infisical Gateway)"
                .into(),
        )
    } else {
        // TokenReview failed: the cluster did not vouch for the token.
        (
            format!("the Kubernetes API did not accept the service-account token{who}"),
            "check the identity's Kubernetes Auth Kubernetes Host URL, CA certificate and Token Reviewer JWT \
             (its service account needs the system:auth-delegator role), and that the token is this cluster's"
                .into(),
        )
    }
}

fn jwt_refusal(m: &str, who: &str) -> (String, String) {
    if m.contains("expired") {
        ("the JWT has expired".into(), "hand in a fresh token".into())
    } else if m.contains("issuer") {
        (
            format!("Infisical refused the JWT's issuer{who}"),
            "set the identity's JWT Auth Issuer to the token's iss".into(),
        )
    } else if m.contains("subject") {
        (
            format!("Infisical refused the JWT's subject{who}"),
            "set the identity's JWT Auth Subject to the token's sub (or a glob matching it)".into(),
        )
    } else if m.contains("audience") {
        (
            "Infisical refused the JWT's audience".into(),
            "add the token's aud to the identity's JWT Auth Audiences".into(),
        )
    } else if m.contains("claim") {
        (
            "Infisical refused one of the JWT's claims".into(),
            "compare the token's claims with the identity's JWT Auth Claims".into(),
        )
    } else {
        (
            format!("Infisical could not verify the JWT{who}"),
            "check the identity's JWT Auth configuration: Static public keys or the JWKS URL (and its CA) must hold the key that signed the token".into(),
        )
    }
}

/// AWS Auth compares the ARN STS returned (an assumed role as `arn:aws:sts::<acct>:assumed-role/<role>`
/// or `arn:aws:iam::<acct>:role/<role>`) and its account with the identity's lists.
fn aws_refusal(m: &str, arn: Option<&str>) -> (String, String) {
    let arn_text = arn.map(crate::oidc::printable);
    let says = arn_text
        .as_deref()
        .map(|a| format!(" (STS says these credentials are {a})"))
        .unwrap_or_default();
    let account = arn
        .and_then(|a| a.split(':').nth(4))
        .map(crate::oidc::printable);
    if m.contains("invalid aws region") {
        (
            "Infisical could not read a valid AWS region from the signed request".into(),
            "set AWS_REGION to the region to sign for, e.g. us-east-1".into(),
        )
    } else if m.contains("account id not allowed") {
        (
            format!("Infisical refused the AWS account{says}"),
            format!(
                "add the account id {} to the identity's AWS Auth Allowed Account IDs",
                account.as_deref().unwrap_or("of these credentials")
            ),
        )
    } else if m.contains("principal arn not allowed") {
        (
            format!("Infisical refused the AWS principal{says}"),
            "add this ARN (or a pattern with * that matches it) to the identity's AWS Auth Allowed \
             Principal ARNs; an assumed role matches as arn:aws:iam::<account>:role/<role> or \
             arn:aws:sts::<account>:assumed-role/<role>, without the session name"
                .into(),
        )
    } else if let Some(arn) = arn_text
        .as_deref()
        .filter(|_| m.contains("something went wrong"))
    {
        // Infisical says no more of a failed replay than this, nor of any other failure of its
        // own (a database down, say); STS answered us for the same credentials, so the fault is
        // on Infisical's side: the way from it to STS, or the server itself.
        (
            format!(
                "Infisical failed to check the signed request (\"Something went wrong\"), though \
                 STS accepts these credentials from here ({arn})"
            ),
            "the fault is on Infisical's side: its server must reach \
             https://sts.<region>.amazonaws.com for the region signed for (AWS_REGION), so for a \
             self-hosted server allow that egress; or the server itself is failing: retry later, \
             and quote the reqId to Infisical support if it persists"
                .into(),
        )
    } else {
        (
            format!("AWS STS did not accept the signed request Infisical forwarded{says}"),
            "check the credentials are current (`aws sts get-caller-identity`), this machine's clock, \
             and that AWS_REGION is a region STS serves"
                .into(),
        )
    }
}

/// GCP Auth with a metadata-server ID token (identity-gcp-auth-service.ts): Google's checks of
/// the token (a bare 500 when any fails), then the email, project and zone lists.
fn gcp_refusal(m: &str, who: &str) -> (String, String) {
    if m.contains("project not allowed") {
        (
            format!("Infisical refused the VM's GCP project{who}"),
            "add the project id to the identity's GCP Auth Allowed Projects".into(),
        )
    } else if m.contains("zone not allowed") {
        (
            format!("Infisical refused the VM's zone{who}"),
            "add the zone to the identity's GCP Auth Allowed Zones".into(),
        )
    } else if m.contains("service account identifier") {
        // An IAM-type identity read the ID token as a signed JWT.
        (
            format!("Infisical wants a signed JWT for this identity, not an ID token{who}"),
            "use `login gcp-iam`, or set the identity's GCP Auth Type to GCE".into(),
        )
    } else if m.contains("not allowed to access this resource") {
        // UnauthorizedError's default words: the verified token has no `email` claim, so no
        // service account for the allowed list to name.
        (
            format!("Infisical found no email claim in the metadata server's ID token{who}"),
            "GCP Auth names the machine by its service account's email: attach a service account \
             to the VM (on GKE, bind the pod's Kubernetes service account to a Google service \
             account), or use another login method"
                .into(),
        )
    } else if m.contains("something went wrong") {
        (
            format!(
                "Infisical failed to verify the ID token from the metadata server (\"Something \
                 went wrong\"){who}"
            ),
            "Infisical answers this for an ID token Google's checks refuse, and for any failure of \
             its own: check --identity-id (the token's audience) and this machine's clock; an \
             identity of GCP Auth Type IAM wants `login gcp-iam`; if those are right, the server \
             may be failing: retry later, and quote the reqId to Infisical support if it persists"
                .into(),
        )
    } else {
        (
            format!("Infisical refused the GCP service account{who}"),
            "add the service account's email to the identity's GCP Auth Allowed Service Account Emails"
                .into(),
        )
    }
}

/// Azure Auth (identity-azure-auth-fns.ts `validateAzureIdentity`): the tenant's signing keys,
/// jsonwebtoken's audience (the identity's Resource) and issuer (its tenant) checks, then the
/// tenant id and the allowed principals. `message` is the server's, as sent.
fn azure_refusal(m: &str, message: &str, who: &str) -> (String, String) {
    if m.contains("service principal") {
        (
            format!("Infisical refused the Azure managed identity{who}"),
            "add the managed identity's object (principal) id to the identity's Azure Auth Allowed \
             Service Principal IDs"
                .into(),
        )
    } else if m.contains("audience invalid") {
        let expected = message
            .split_once("expected: ")
            .map(|(_, rest)| crate::oidc::printable(rest.trim()));
        (
            "Infisical refused the managed identity token's audience (the resource asked of IMDS)"
                .into(),
            match expected {
                Some(resource) => format!(
                    "set INFISICAL_AZURE_AUTH_RESOURCE={resource} to ask IMDS for the identity's Azure \
                     Auth Resource / Audience, or change that setting to the resource asked for"
                ),
                None => "set INFISICAL_AZURE_AUTH_RESOURCE to the identity's Azure Auth Resource / Audience"
                    .into(),
            },
        )
    } else if m.contains("issuer invalid") || m.contains("tenant id mismatch") {
        (
            format!("the managed identity is from another tenant than the identity's{who}"),
            "set the identity's Azure Auth Tenant ID to the managed identity's tenant".into(),
        )
    } else if m.contains("expired") || m.contains("not active") {
        (
            "Infisical found the managed identity token out of date".into(),
            "Azure issued the token with its own clock, so check the Infisical server's clock (a \
             self-hosted server's NTP); retry, as a token about to expire is replaced"
                .into(),
        )
    } else {
        // The tenant's keys do not hold the one named (`Invalid signing key`), or it did not sign.
        (
            format!(
                "Infisical could not verify the managed identity token with Entra ID's keys{who}"
            ),
            "check the identity's Azure Auth Tenant ID, and that the token comes from Azure IMDS \
             (INFISICAL_AZURE_IMDS_ENDPOINT points elsewhere only in tests)"
                .into(),
        )
    }
}

/// GCP Auth of type IAM (identity-gcp-auth-fns.ts `validateIamIdentity`): `sub` must look like a
/// service account, Google's published keys for it must verify the signature, `aud` must be the
/// identity id; then `sub` against the allowed emails.
fn gcp_iam_refusal(m: &str, who: &str) -> (String, String) {
    if m.contains("service account not allowed") {
        (
            format!("Infisical refused the GCP service account{who}"),
            "add the service account's email to the identity's GCP Auth Allowed Service Account Emails".into(),
        )
    } else if m.contains("service account identifier") {
        (
            format!("Infisical does not take this as a service account{who}"),
            "GCP Auth (IAM) wants a user-managed service account (<name>@<project>.iam.gserviceaccount.com)".into(),
        )
    } else if m.contains("audience") {
        (
            "Infisical refused the signed JWT's audience".into(),
            "check --identity-id: the JWT is signed for that identity".into(),
        )
    } else {
        (
            format!("Infisical could not verify the service account's signed JWT{who}"),
            "set the identity's GCP Auth Type to IAM (a GCE-type identity wants `login gcp`), and check \
             this machine's clock"
                .into(),
        )
    }
}
