//! The roadmap's server functions: generation, the hand edits, follow-up, and the reads of
//! the participant's and the facilitator's pages.
//!
//! Who may do what (see the phase rules in `PRODUCT.md`): facilitators generate in the
//! prioritisation and roadmap phases, a team lead generates their own team's roadmap in the
//! roadmap phase; the lead and facilitators edit dates, owners and milestones in the
//! roadmap phase, and follow items up (status, progress) in the roadmap and closed phases.
//! A participant asking about another team's roadmap gets "not found".

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{PillarTarget, TeamRoadmap};
use crate::error::AppError;
use crate::ids::{MilestoneId, RoadmapItemId, TeamId, WorkshopId};
use crate::participant::Me;
use crate::workshop::{TeamSummary, WorkshopSummary};

/// What the reader may do with the roadmap shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Permissions {
    /// Generate it (again).
    pub generate: bool,
    /// Edit items' dates, owners and milestones.
    pub edit: bool,
    /// Set items' status and progress.
    pub follow_up: bool,
}

/// The participant's roadmap page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipantRoadmap {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// The reader.
    pub me: Me,
    /// Their team's roadmap.
    pub roadmap: TeamRoadmap,
    /// What they may do.
    pub may: Permissions,
    /// The start date a generation uses when none is typed, ISO.
    pub default_start: String,
}

/// The facilitator's view of one team's roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StaffRoadmap {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// The roadmap.
    pub roadmap: TeamRoadmap,
    /// What the facilitator may do now.
    pub may: Permissions,
    /// The start date a generation uses when none is typed, ISO.
    pub default_start: String,
}

/// Every team's roadmap of a workshop, for the facilitator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WorkshopRoadmaps {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// Its teams, in display order.
    pub teams: Vec<TeamSummary>,
    /// Each team's roadmap, in the same order.
    pub roadmaps: Vec<TeamRoadmap>,
    /// The workshop's current versus target per pillar: the mean over teams.
    pub pillars: Vec<PillarTarget>,
    /// Whether the facilitator may generate now.
    pub may_generate: bool,
    /// The start date a generation uses when none is typed, ISO.
    pub default_start: String,
}

/// The current participant's team roadmap.
#[server(name = GetTeamRoadmap, endpoint = "team_roadmap")]
pub async fn team_roadmap(workshop: WorkshopId) -> Result<ParticipantRoadmap, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::participant_view(&state.db, workshop).await
}

/// One team's roadmap, for the workshop's facilitators.
#[server(name = GetStaffRoadmap, endpoint = "staff_roadmap")]
pub async fn staff_roadmap(workshop: WorkshopId, team: TeamId) -> Result<StaffRoadmap, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::staff_view(&state.db, workshop, team).await
}

/// Every team's roadmap and the workshop's current versus target, for its facilitators.
#[server(name = GetWorkshopRoadmaps, endpoint = "workshop_roadmaps")]
pub async fn workshop_roadmaps(workshop: WorkshopId) -> Result<WorkshopRoadmaps, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::workshop_view(&state.db, workshop).await
}

/// Whether a submitted checkbox is ticked (`on`, `true`, `1`).
#[cfg(feature = "ssr")]
fn ticked(value: Option<&str>) -> bool {
    matches!(value.map(str::trim), Some("on" | "true" | "1"))
}

/// Generates (again) a team's roadmap from its prioritised actions, from `starts_on` (ISO;
/// empty: the workshop's first day, else today). Items edited by hand keep their dates
/// unless `reset_pinned` is ticked. Returns how many items the roadmap has.
#[server(name = GenerateRoadmap, endpoint = "generate_roadmap")]
pub async fn generate_roadmap(
    workshop: WorkshopId,
    team: TeamId,
    starts_on: String,
    reset_pinned: Option<String>,
) -> Result<usize, AppError> {
    let state = crate::state::AppState::from_context()?;
    let count = ssr::generate(
        &state.db,
        workshop,
        team,
        &starts_on,
        ticked(reset_pinned.as_deref()),
    )
    .await?;
    state.live.publish(&state.db, workshop).await;
    Ok(count)
}

/// Generates the roadmap of every team of the workshop that has actions (facilitators).
/// Items edited by hand keep their dates. Returns how many teams got a roadmap. If one
/// team's actions depend on each other in a circle, nothing is generated for any team.
#[server(name = GenerateAllRoadmaps, endpoint = "generate_all_roadmaps")]
pub async fn generate_all_roadmaps(
    workshop: WorkshopId,
    starts_on: String,
) -> Result<usize, AppError> {
    let state = crate::state::AppState::from_context()?;
    let count = ssr::generate_all(&state.db, workshop, &starts_on).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(count)
}

/// Moves an item or sets its dates. With `ends_on` empty the item moves to `starts_on` and
/// keeps its length; milestones move with the start and stay within the item. Pins it.
/// Returns the item's new version.
#[server(name = EditItemDates, endpoint = "edit_item_dates")]
pub async fn edit_item_dates(
    workshop: WorkshopId,
    item: RoadmapItemId,
    starts_on: String,
    ends_on: String,
    version: i64,
) -> Result<i64, AppError> {
    let state = crate::state::AppState::from_context()?;
    let version = ssr::edit_dates(&state.db, workshop, item, &starts_on, &ends_on, version).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(version)
}

/// Gives an item to another responsible unit. Pins it. Returns the new version.
#[server(name = SetItemOwner, endpoint = "set_item_owner")]
pub async fn set_item_owner(
    workshop: WorkshopId,
    item: RoadmapItemId,
    owner: String,
    version: i64,
) -> Result<i64, AppError> {
    let state = crate::state::AppState::from_context()?;
    let version = ssr::set_owner(&state.db, workshop, item, &owner, version).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(version)
}

/// Adds a milestone within the item's dates. Pins the item. Returns its new version.
#[server(name = AddMilestone, endpoint = "add_milestone")]
pub async fn add_milestone(
    workshop: WorkshopId,
    item: RoadmapItemId,
    title: String,
    due_on: String,
    version: i64,
) -> Result<i64, AppError> {
    let state = crate::state::AppState::from_context()?;
    let version = ssr::milestone(
        &state.db,
        workshop,
        ssr::MilestoneChange::Add { item },
        Some((&title, &due_on)),
        version,
    )
    .await?;
    state.live.publish(&state.db, workshop).await;
    Ok(version)
}

/// Renames and re-dates a milestone (within its item's dates). Pins the item. `version` is
/// the item's. Returns the item's new version.
#[server(name = EditMilestone, endpoint = "edit_milestone")]
pub async fn edit_milestone(
    workshop: WorkshopId,
    milestone: MilestoneId,
    title: String,
    due_on: String,
    version: i64,
) -> Result<i64, AppError> {
    let state = crate::state::AppState::from_context()?;
    let version = ssr::milestone(
        &state.db,
        workshop,
        ssr::MilestoneChange::Edit { milestone },
        Some((&title, &due_on)),
        version,
    )
    .await?;
    state.live.publish(&state.db, workshop).await;
    Ok(version)
}

/// Removes a milestone. Pins the item. `version` is the item's. Returns its new version.
#[server(name = RemoveMilestone, endpoint = "remove_milestone")]
pub async fn remove_milestone(
    workshop: WorkshopId,
    milestone: MilestoneId,
    version: i64,
) -> Result<i64, AppError> {
    let state = crate::state::AppState::from_context()?;
    let version = ssr::milestone(
        &state.db,
        workshop,
        ssr::MilestoneChange::Remove { milestone },
        None,
        version,
    )
    .await?;
    state.live.publish(&state.db, workshop).await;
    Ok(version)
}

/// Lets the generator place an item again the next time the roadmap is generated. Returns
/// the item's new version.
#[server(name = UnpinItem, endpoint = "unpin_item")]
pub async fn unpin_item(
    workshop: WorkshopId,
    item: RoadmapItemId,
    version: i64,
) -> Result<i64, AppError> {
    let state = crate::state::AppState::from_context()?;
    let version = ssr::unpin(&state.db, workshop, item, version).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(version)
}

/// Follows an item up: its OGP completion level and progress (0–100; a completed item is
/// 100 %). Does not pin it. Returns the new version.
#[server(name = SetItemStatus, endpoint = "set_item_status")]
pub async fn set_item_status(
    workshop: WorkshopId,
    item: RoadmapItemId,
    status: String,
    progress: String,
    version: i64,
) -> Result<i64, AppError> {
    let state = crate::state::AppState::from_context()?;
    let version = ssr::follow_up(&state.db, workshop, item, &status, &progress, version).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(version)
}

#[cfg(feature = "ssr")]
pub use ssr::{
    generate_for_staff, generate_for_team, load_team, staff_roadmap_for_staff,
    workshop_roadmaps_for_staff,
};

#[cfg(feature = "ssr")]
mod ssr {
    use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

    use sqlx::AnyConnection;
    use time::Date;

    use super::*;
    use crate::action::model::Moscow;
    use crate::action::rules::Quadrant;
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::i18n::{Key, Lang};
    use crate::ids::ActionId;
    use crate::participant::session;
    use crate::roadmap::edit;
    use crate::roadmap::model::{ItemView, MilestoneView};
    use crate::roadmap::repo::{self, iso, EditKind, Pin, Placed, StoredItem};
    use crate::roadmap::rules;
    use crate::roadmap::schedule::{schedule, ScheduleError, Task};
    use crate::workshop::repo as workshops;
    use crate::workshop::Phase;

    /// Who is asking.
    enum Actor {
        /// A facilitator of the workshop.
        Staff,
        /// A participant of the workshop.
        Participant(Me),
    }

    impl Actor {
        /// Refuses a participant acting on another team's roadmap ("not found": other teams'
        /// ids are not revealed) or on their own without being its lead.
        fn require_team(&self, team: TeamId) -> AppResult<()> {
            match self {
                Actor::Staff => Ok(()),
                Actor::Participant(me) if me.team != team => Err(AppError::NotFound),
                Actor::Participant(me) if !me.is_lead => Err(AppError::Forbidden),
                Actor::Participant(_) => Ok(()),
            }
        }
    }

    /// A facilitator of the workshop if the request carries a facilitator session, else a
    /// participant of it.
    async fn actor(db: &Db, workshop: WorkshopId) -> AppResult<Actor> {
        match crate::facilitator::access::require_workshop(db, workshop).await {
            Ok(_) => Ok(Actor::Staff),
            Err(AppError::Unauthorized) => {
                let me = session::current(db).await?;
                me.require_workshop(workshop)?;
                Ok(Actor::Participant(me))
            }
            Err(other) => Err(other),
        }
    }

    fn today() -> Date {
        time::OffsetDateTime::now_utc().date()
    }

    /// The first day a generation uses when none is typed: the workshop's, else today.
    async fn default_start(db: &Db, workshop: WorkshopId) -> AppResult<Date> {
        Ok(repo::workshop_start(db.pool(), workshop)
            .await?
            .unwrap_or_else(today))
    }

    /// Reads the typed start date of a generation; empty means the default.
    async fn start_date(db: &Db, workshop: WorkshopId, typed: &str) -> AppResult<Date> {
        if typed.trim().is_empty() {
            default_start(db, workshop).await
        } else {
            rules::parse_date(typed, "starts_on")
        }
    }

    fn may_generate(actor: &Actor, phase: Phase) -> bool {
        match actor {
            Actor::Staff => matches!(phase, Phase::Prioritisation | Phase::Roadmap),
            Actor::Participant(me) => me.is_lead && phase == Phase::Roadmap,
        }
    }

    fn permissions(actor: &Actor, phase: Phase) -> Permissions {
        let entitled = match actor {
            Actor::Staff => true,
            Actor::Participant(me) => me.is_lead,
        };
        Permissions {
            generate: may_generate(actor, phase),
            edit: entitled && EditKind::Plan.allowed_in(phase),
            follow_up: entitled && EditKind::FollowUp.allowed_in(phase),
        }
    }

    /// A team of the workshop by id; "not found" for another workshop's.
    async fn team_of_workshop(
        db: &Db,
        workshop: WorkshopId,
        team: TeamId,
    ) -> AppResult<TeamSummary> {
        workshops::teams(db.pool(), workshop)
            .await?
            .into_iter()
            .find(|t| t.id == team)
            .ok_or(AppError::NotFound)
    }

    pub(super) async fn participant_view(
        db: &Db,
        workshop: WorkshopId,
    ) -> AppResult<ParticipantRoadmap> {
        let me = session::current(db).await?;
        me.require_workshop(workshop)?;
        let lang = crate::i18n::detect_lang();
        let facts = workshops::facts(db.pool(), workshop).await?;
        let mut conn = db.pool().acquire().await?;
        let roadmap = load_team(&mut conn, workshop, me.team, &me.team_name, lang).await?;
        let actor = Actor::Participant(me.clone());
        Ok(ParticipantRoadmap {
            may: permissions(&actor, facts.summary.phase),
            workshop: facts.summary,
            me,
            roadmap,
            default_start: iso(default_start(db, workshop).await?),
        })
    }

    pub(super) async fn staff_view(
        db: &Db,
        workshop: WorkshopId,
        team: TeamId,
    ) -> AppResult<StaffRoadmap> {
        let (staff, _) = crate::facilitator::access::require_workshop(db, workshop).await?;
        staff_roadmap_for_staff(db, &staff, workshop, team, crate::i18n::detect_lang()).await
    }

    /// One team's roadmap as the facilitators' page shows it, for an identified facilitator
    /// of the workshop (a session or an API token); pillar names in `lang`.
    pub async fn staff_roadmap_for_staff(
        db: &Db,
        staff: &crate::facilitator::Staff,
        workshop: WorkshopId,
        team: TeamId,
        lang: Lang,
    ) -> AppResult<StaffRoadmap> {
        crate::facilitator::access::require_workshop_as(db, staff, workshop).await?;
        let facts = workshops::facts(db.pool(), workshop).await?;
        let summary = team_of_workshop(db, workshop, team).await?;
        let mut conn = db.pool().acquire().await?;
        let roadmap = load_team(&mut conn, workshop, team, &summary.name, lang).await?;
        Ok(StaffRoadmap {
            may: permissions(&Actor::Staff, facts.summary.phase),
            workshop: facts.summary,
            roadmap,
            default_start: iso(default_start(db, workshop).await?),
        })
    }

    pub(super) async fn workshop_view(
        db: &Db,
        workshop: WorkshopId,
    ) -> AppResult<WorkshopRoadmaps> {
        let (staff, _) = crate::facilitator::access::require_workshop(db, workshop).await?;
        workshop_roadmaps_for_staff(db, &staff, workshop, crate::i18n::detect_lang()).await
    }

    /// Every team's roadmap, for an identified facilitator of the workshop (a session or an
    /// API token); pillar names in `lang`.
    pub async fn workshop_roadmaps_for_staff(
        db: &Db,
        staff: &crate::facilitator::Staff,
        workshop: WorkshopId,
        lang: Lang,
    ) -> AppResult<WorkshopRoadmaps> {
        crate::facilitator::access::require_workshop_as(db, staff, workshop).await?;
        let facts = workshops::facts(db.pool(), workshop).await?;
        let teams = workshops::teams(db.pool(), workshop).await?;
        let mut conn = db.pool().acquire().await?;
        let mut roadmaps = Vec::with_capacity(teams.len());
        for team in &teams {
            roadmaps.push(load_team(&mut conn, workshop, team.id, &team.name, lang).await?);
        }
        let pillars = rules::workshop_pillar_targets(
            &roadmaps
                .iter()
                .map(|r| r.pillars.clone())
                .collect::<Vec<_>>(),
        );
        Ok(WorkshopRoadmaps {
            may_generate: may_generate(&Actor::Staff, facts.summary.phase),
            workshop: facts.summary,
            teams,
            roadmaps,
            pillars,
            default_start: iso(default_start(db, workshop).await?),
        })
    }

    /// A team's roadmap as the pages show it: items by start date with their horizons,
    /// dependencies and indicators, and the current-versus-target radar's numbers. Pillar
    /// names come in both languages' stead from the framework, in `lang` where it has one.
    pub async fn load_team(
        conn: &mut AnyConnection,
        workshop: WorkshopId,
        team: TeamId,
        team_name: &str,
        lang: Lang,
    ) -> AppResult<TeamRoadmap> {
        let start = repo::start_of(&mut *conn, team).await?;
        let items = repo::items(conn, team).await?;
        let deps = repo::dependencies(&mut *conn, team).await?;
        let mut codes = repo::indicator_codes(&mut *conn, team).await?;
        let quick = repo::quick_wins(&mut *conn, team).await?;
        let views = items
            .into_iter()
            .map(|item| ItemView {
                horizon: rules::horizon_of(start.unwrap_or(item.starts_on), item.starts_on),
                quick_win: quick.contains(&item.action),
                depends_on: deps
                    .iter()
                    .filter(|(from, _)| *from == item.action)
                    .map(|(_, to)| *to)
                    .collect(),
                indicators: codes.remove(&item.action).unwrap_or_default(),
                milestones: item
                    .milestones
                    .iter()
                    .map(|m| MilestoneView {
                        id: m.id,
                        title: m.title.clone(),
                        due_on: iso(m.due_on),
                    })
                    .collect(),
                id: item.id,
                action: item.action,
                title: item.title,
                owner: item.owner,
                starts_on: iso(item.starts_on),
                ends_on: iso(item.ends_on),
                status: item.status,
                progress: item.progress,
                pinned: item.pinned,
                version: item.version,
            })
            .collect();
        let pillars = pillar_targets(conn, workshop, team, lang).await?;
        Ok(TeamRoadmap {
            team,
            team_name: team_name.to_owned(),
            starts_on: start.map(iso),
            items: views,
            pillars,
        })
    }

    /// The team's current level and target per pillar (see `rules::pillar_targets`): the
    /// consensus on each indicator, the members' targets, and the indicators the roadmap's
    /// items improve.
    async fn pillar_targets(
        conn: &mut AnyConnection,
        workshop: WorkshopId,
        team: TeamId,
        lang: Lang,
    ) -> AppResult<Vec<PillarTarget>> {
        let framework = workshops::framework_of(&mut *conn, workshop).await?;
        let outline = crate::framework::repo::outline(&mut *conn, framework).await?;
        let ids: Vec<_> = outline
            .iter()
            .flat_map(|p| p.indicators.iter().map(|i| i.id))
            .collect();
        let answers = crate::team::repo::member_answers(&mut *conn, team).await?;
        let settled = crate::team::repo::settled(&mut *conn, team).await?;
        let consensus = crate::team::rules::team_consensus(&ids, &answers, &settled);
        let mut targets = crate::team::repo::target_levels(&mut *conn, team).await?;
        let linked: BTreeSet<_> = repo::linked_indicators(&mut *conn, team)
            .await?
            .into_iter()
            .collect();
        let levels: BTreeMap<_, _> = consensus
            .iter()
            .map(|c| {
                (
                    c.indicator,
                    rules::IndicatorLevels {
                        current: c.consensus(),
                        targets: targets.remove(&c.indicator).unwrap_or_default(),
                    },
                )
            })
            .collect();
        let pillars: Vec<_> = outline
            .into_iter()
            .map(|p| rules::PillarIndicators {
                code: p.code,
                name: p.name.get(lang).to_owned(),
                indicators: p.indicators.iter().map(|i| i.id).collect(),
            })
            .collect();
        Ok(rules::pillar_targets(&pillars, &levels, &linked))
    }

    /// Generates one team's roadmap on `conn` (a transaction): reads the ranked actions,
    /// leaves out "won't", keeps pinned items unless `reset_pinned`, schedules, and writes.
    /// A dependency cycle is refused naming its actions, before anything is written.
    /// Returns how many items the roadmap has. For the demo and tests as well as the pages.
    pub async fn generate_for_team(
        conn: &mut AnyConnection,
        workshop: WorkshopId,
        team: TeamId,
        start: Date,
        reset_pinned: bool,
    ) -> AppResult<usize> {
        let lang = repo::first_language(&mut *conn, workshop).await?;
        let ranked = crate::action::repo::ranked_on(conn, workshop, team).await?;
        let stored: HashMap<ActionId, StoredItem> = repo::items(conn, team)
            .await?
            .into_iter()
            .map(|i| (i.action, i))
            .collect();
        let included: Vec<_> = ranked
            .into_iter()
            .filter(|a| a.moscow != Some(Moscow::Wont))
            .collect();
        let ids: HashSet<ActionId> = included.iter().map(|a| a.id).collect();
        let pinned_of =
            |action: ActionId| stored.get(&action).filter(|i| i.pinned && !reset_pinned);
        let tasks: Vec<Task> = included
            .iter()
            .enumerate()
            .map(|(rank, a)| {
                let pinned = pinned_of(a.id);
                Task {
                    action: a.id,
                    title: a.title.clone(),
                    unit: pinned.map_or_else(|| a.unit.clone(), |i| i.owner.clone()),
                    effort: a.effort.get(),
                    quick_win: a.quadrant == Quadrant::QuickWin,
                    rank,
                    depends_on: a
                        .depends_on
                        .iter()
                        .copied()
                        .filter(|d| ids.contains(d))
                        .collect(),
                    pinned: pinned.map(|i| (i.starts_on, i.ends_on)),
                }
            })
            .collect();
        let slots =
            schedule(&tasks, start).map_err(|ScheduleError::Cycle(names)| AppError::Refused {
                reason: Key::ErrDependencyCycle,
                names,
            })?;
        let kept: HashSet<ActionId> = included
            .iter()
            .filter(|a| pinned_of(a.id).is_some())
            .map(|a| a.id)
            .collect();
        let unit_of: HashMap<ActionId, &str> =
            included.iter().map(|a| (a.id, a.unit.as_str())).collect();
        let placed: Vec<Placed> = slots
            .iter()
            .filter(|s| !kept.contains(&s.action))
            .map(|s| Placed {
                action: s.action,
                owner: unit_of
                    .get(&s.action)
                    .copied()
                    .unwrap_or_default()
                    .to_owned(),
                starts_on: s.starts_on,
                ends_on: s.ends_on,
                milestones: s
                    .milestones
                    .iter()
                    .map(|(kind, date)| (rules::milestone_title(*kind, lang).to_owned(), *date))
                    .collect(),
            })
            .collect();
        repo::save_generated(conn, team, start, &placed, &kept).await?;
        Ok(slots.len())
    }

    /// Refuses a generation in a phase that does not allow it to this actor.
    async fn require_generation(
        conn: &mut AnyConnection,
        workshop: WorkshopId,
        actor: &Actor,
    ) -> AppResult<()> {
        let phase = repo::phase_of(conn, workshop).await?;
        if may_generate(actor, phase) {
            Ok(())
        } else {
            Err(AppError::Conflict {
                reason: Key::RmErrGenerateClosed,
            })
        }
    }

    pub(super) async fn generate(
        db: &Db,
        workshop: WorkshopId,
        team: TeamId,
        starts_on: &str,
        reset_pinned: bool,
    ) -> AppResult<usize> {
        let actor = actor(db, workshop).await?;
        generate_by(db, workshop, &actor, team, starts_on, reset_pinned).await
    }

    /// Generates (again) a team's roadmap, for an identified facilitator of the workshop (a
    /// session or an API token): the same checks and phase rule as the pages' button.
    pub async fn generate_for_staff(
        db: &Db,
        staff: &crate::facilitator::Staff,
        workshop: WorkshopId,
        team: TeamId,
        starts_on: &str,
        reset_pinned: bool,
    ) -> AppResult<usize> {
        crate::facilitator::access::require_workshop_as(db, staff, workshop).await?;
        generate_by(db, workshop, &Actor::Staff, team, starts_on, reset_pinned).await
    }

    async fn generate_by(
        db: &Db,
        workshop: WorkshopId,
        actor: &Actor,
        team: TeamId,
        starts_on: &str,
        reset_pinned: bool,
    ) -> AppResult<usize> {
        team_of_workshop(db, workshop, team).await?;
        actor.require_team(team)?;
        let start = start_date(db, workshop, starts_on).await?;
        let mut tx = db.pool().begin().await?;
        require_generation(&mut tx, workshop, actor).await?;
        let count = generate_for_team(&mut tx, workshop, team, start, reset_pinned).await?;
        tx.commit().await?;
        Ok(count)
    }

    pub(super) async fn generate_all(
        db: &Db,
        workshop: WorkshopId,
        starts_on: &str,
    ) -> AppResult<usize> {
        crate::facilitator::access::require_workshop(db, workshop).await?;
        let start = start_date(db, workshop, starts_on).await?;
        let mut tx = db.pool().begin().await?;
        require_generation(&mut tx, workshop, &Actor::Staff).await?;
        let teams = repo::teams_with_actions(&mut *tx, workshop).await?;
        for team in &teams {
            generate_for_team(&mut tx, workshop, *team, start, false).await?;
        }
        tx.commit().await?;
        Ok(teams.len())
    }

    /// Opens a transaction and reads the item, refusing whoever may not change it.
    async fn editable(
        db: &Db,
        workshop: WorkshopId,
        item: RoadmapItemId,
    ) -> AppResult<(sqlx::Transaction<'static, sqlx::Any>, StoredItem)> {
        let actor = actor(db, workshop).await?;
        let mut tx = db.pool().begin().await?;
        let found = repo::item_of_workshop(&mut tx, workshop, item).await?;
        actor.require_team(found.team)?;
        Ok((tx, found))
    }

    /// The dates the item's dependencies end on and its dependents start on, with titles.
    async fn neighbours(
        conn: &mut AnyConnection,
        item: &StoredItem,
    ) -> AppResult<(Vec<(String, Date)>, Vec<(String, Date)>)> {
        let deps = repo::dependencies(&mut *conn, item.team).await?;
        let others = repo::items(conn, item.team).await?;
        let find = |action: ActionId| others.iter().find(|o| o.action == action);
        let before = deps
            .iter()
            .filter(|(from, _)| *from == item.action)
            .filter_map(|(_, to)| find(*to))
            .map(|o| (o.title.clone(), o.ends_on))
            .collect();
        let after = deps
            .iter()
            .filter(|(_, to)| *to == item.action)
            .filter_map(|(from, _)| find(*from))
            .map(|o| (o.title.clone(), o.starts_on))
            .collect();
        Ok((before, after))
    }

    pub(super) async fn edit_dates(
        db: &Db,
        workshop: WorkshopId,
        item: RoadmapItemId,
        starts_on: &str,
        ends_on: &str,
        version: i64,
    ) -> AppResult<i64> {
        let (mut tx, found) = editable(db, workshop, item).await?;
        let starts = rules::parse_date(starts_on, "starts_on");
        let (starts, ends) = if ends_on.trim().is_empty() {
            edit::moved(found.starts_on, found.ends_on, starts?)
        } else {
            let ends = rules::parse_date(ends_on, "ends_on");
            match (starts, ends) {
                (Ok(starts), Ok(ends)) => (starts, ends),
                (starts, ends) => {
                    return Err(
                        AppError::merge([starts.err(), ends.err()]).unwrap_or(AppError::BadRequest)
                    )
                }
            }
        };
        let (before, after) = neighbours(&mut tx, &found).await?;
        rules::check_item_dates(starts, ends, &before)?;
        edit::check_dependents(ends, &after)?;
        let stones: Vec<_> = found.milestones.iter().map(|m| (m.id, m.due_on)).collect();
        let follow = edit::follow_milestones(&stones, found.starts_on, (starts, ends));
        let version = repo::claim(&mut tx, item, version, EditKind::Plan, Pin::Set).await?;
        repo::write_dates(&mut tx, item, starts, ends, &follow).await?;
        tx.commit().await?;
        Ok(version)
    }

    pub(super) async fn set_owner(
        db: &Db,
        workshop: WorkshopId,
        item: RoadmapItemId,
        owner: &str,
        version: i64,
    ) -> AppResult<i64> {
        let owner = edit::parse_owner(owner)?;
        let (mut tx, _) = editable(db, workshop, item).await?;
        let version = repo::claim(&mut tx, item, version, EditKind::Plan, Pin::Set).await?;
        repo::write_owner(&mut tx, item, &owner).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// A change to an item's milestones.
    pub(super) enum MilestoneChange {
        Add { item: RoadmapItemId },
        Edit { milestone: MilestoneId },
        Remove { milestone: MilestoneId },
    }

    pub(super) async fn milestone(
        db: &Db,
        workshop: WorkshopId,
        change: MilestoneChange,
        typed: Option<(&str, &str)>,
        version: i64,
    ) -> AppResult<i64> {
        let item = match change {
            MilestoneChange::Add { item } => item,
            MilestoneChange::Edit { milestone } | MilestoneChange::Remove { milestone } => {
                repo::item_of_milestone(db.pool(), workshop, milestone).await?
            }
        };
        let (mut tx, found) = editable(db, workshop, item).await?;
        let parsed = match typed {
            Some((title, due_on)) => {
                let title = edit::parse_milestone_title(title);
                let due = rules::parse_date(due_on, "due_on").and_then(|due| {
                    edit::check_milestone_date(due, found.starts_on, found.ends_on).map(|()| due)
                });
                match (title, due) {
                    (Ok(title), Ok(due)) => Some((title, due)),
                    (title, due) => {
                        return Err(AppError::merge([title.err(), due.err()])
                            .unwrap_or(AppError::BadRequest))
                    }
                }
            }
            None => None,
        };
        let version = repo::claim(&mut tx, item, version, EditKind::Plan, Pin::Set).await?;
        match (change, parsed) {
            (MilestoneChange::Add { .. }, Some((title, due))) => {
                repo::add_milestone(&mut tx, item, &title, due).await?;
            }
            (MilestoneChange::Edit { milestone }, Some((title, due))) => {
                repo::write_milestone(&mut tx, item, milestone, &title, due).await?;
            }
            (MilestoneChange::Remove { milestone }, _) => {
                repo::delete_milestone(&mut tx, item, milestone).await?;
            }
            _ => return Err(AppError::BadRequest),
        }
        tx.commit().await?;
        Ok(version)
    }

    pub(super) async fn unpin(
        db: &Db,
        workshop: WorkshopId,
        item: RoadmapItemId,
        version: i64,
    ) -> AppResult<i64> {
        let (mut tx, _) = editable(db, workshop, item).await?;
        let version = repo::claim(&mut tx, item, version, EditKind::Plan, Pin::Clear).await?;
        tx.commit().await?;
        Ok(version)
    }

    pub(super) async fn follow_up(
        db: &Db,
        workshop: WorkshopId,
        item: RoadmapItemId,
        status: &str,
        progress: &str,
        version: i64,
    ) -> AppResult<i64> {
        let (status, progress) = edit::parse_follow_up(status, progress)?;
        let (mut tx, _) = editable(db, workshop, item).await?;
        let version = repo::claim(&mut tx, item, version, EditKind::FollowUp, Pin::Keep).await?;
        repo::write_follow_up(&mut tx, item, status, progress).await?;
        tx.commit().await?;
        Ok(version)
    }
}
