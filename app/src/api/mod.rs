//! The JSON API's side in the app: facilitators' API tokens (created and revoked on the
//! account page) and the token check the API's handlers start with.

mod views;

pub use views::ApiTokensPanel;
