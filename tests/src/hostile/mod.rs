//! Support for the hostile-input test (`tests/tests/hostile.rs`): what the server offers
//! (server functions' parameters read from the app's source), the ids a caller could aim
//! at, and snapshots of the data a caller may not change.
//!
//! Random generation itself lives in the test, which has the seeded generator.

pub mod signatures;
pub mod snapshot;

pub use signatures::{server_fn_signatures, struct_fields, Param};
pub use snapshot::{ids_of, snapshot, unclassified_tables, Scope, Snapshot};
