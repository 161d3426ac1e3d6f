//! Typed identifiers, so a team id can never be passed where a workshop id is expected.

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "ssr", derive(sqlx::Type), sqlx(transparent))]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }
    )*};
}

id_type! {
    /// A workshop.
    WorkshopId,
    /// A team of a workshop (a prefecture, or a department of one).
    TeamId,
    /// A person taking part in a workshop.
    ParticipantId,
    /// A framework owned by a workshop.
    FrameworkId,
    /// A pillar of a framework.
    PillarId,
    /// An indicator of a pillar.
    IndicatorId,
    /// A facilitator's account.
    FacilitatorId,
    /// An action a team proposed.
    ActionId,
    /// An action scheduled on a team's roadmap.
    RoadmapItemId,
    /// A milestone of a roadmap item.
    MilestoneId,
    /// A read-only observer link to a workshop or one of its teams.
    ShareLinkId,
    /// A facilitator's token for the JSON API.
    ApiTokenId,
    /// An implementation need a team recorded.
    NeedId,
}

id_type! {
    /// A session of a workshop's programme (a panel, a talk, a working block).
    ProgrammeSessionId,
    /// An experience a workshop's facilitator added to its library.
    CaseId,
}
