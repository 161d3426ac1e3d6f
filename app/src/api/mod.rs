//! The JSON API's side in the app: facilitators' API tokens (created and revoked on the
//! account page) and the token check the API's handlers start with. The API's handlers
//! themselves live in the server crate and call the domains' `*_for_staff` functions, the
//! same the pages' server functions call.

mod model;
#[cfg(feature = "ssr")]
pub mod repo;
mod server;
#[cfg(feature = "ssr")]
pub mod token;
mod views;

pub use model::{
    check_token_name, ApiToken, CreatedToken, MAX_ACTIVE_TOKENS, TOKEN_NAME_MAX_CHARS,
};
pub use server::*;
pub use views::ApiTokensPanel;
