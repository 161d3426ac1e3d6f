//! The OpenAPI document, generated from the handlers' `#[utoipa::path]` annotations and the
//! domain types' `ToSchema`.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{answers, problem, results, workshops};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Rumbo API",
        description = "Workshops, teams, framework, answers, aggregates, actions and roadmaps of the workshops a facilitator runs. Authenticate with a token made on the account page (`Authorization: Bearer rumbo_…`). Errors are RFC 9457 problem details in the language of `Accept-Language` (es, en).",
    ),
    servers((url = "/api/v1")),
    paths(
        workshops::list,
        workshops::one,
        workshops::teams,
        workshops::framework,
        workshops::import_framework,
        answers::list,
        answers::record,
        results::aggregates,
        results::actions,
        results::propose,
        results::roadmaps,
        results::team_roadmap,
        results::generate,
    ),
    components(schemas(problem::Problem)),
    modifiers(&BearerToken),
    tags(
        (name = "workshops", description = "Workshops and their teams"),
        (name = "framework", description = "The workshop's assessment framework"),
        (name = "answers", description = "Answers, anonymised or collected outside Rumbo"),
        (name = "results", description = "The dashboard's aggregates"),
        (name = "actions", description = "Proposed and prioritised actions"),
        (name = "roadmap", description = "Roadmaps"),
    )
)]
struct ApiDoc;

/// Declares the `token` security scheme the operations require.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("rumbo_<64 hex digits>")
                    .description(Some("A facilitator's API token, made on the account page"))
                    .build(),
            ),
        );
    }
}

/// The document, with the running version of Rumbo.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    doc
}
