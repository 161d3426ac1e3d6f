//! Re-assessment rounds: a facilitator opens a new round on the same framework, and the
//! rounds' results are compared side by side.
