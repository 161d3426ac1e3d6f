//! Reading a workshop's framework back as a document, and changing it in place.
//!
//! Every change keeps the ids of the indicators it keeps, so answers and team consensus rows
//! stay attached. Indicators are deleted only with a guard in the statement itself (no answer,
//! no consensus), so an answer saved between a check and a delete is never lost with it: the
//! delete then touches nothing and the change is refused.

mod edits;
mod import;
mod read;

pub use edits::{
    add_indicator, add_pillar, move_indicator, move_pillar, remove_indicator, remove_pillar,
    update_indicator, update_pillar,
};
pub use import::replace;
pub use read::{load, load_doc, usage, Placed, Stored};
