//! Server functions of prioritisation: thin shells over [`ssr`], which checks who may do
//! what, in which phase, on which team.

// A server function takes each field of its form as an argument, so a form of eight fields
// is a function of eight arguments (the lint fires inside the generated client code too).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{RankedAction, Settings};
use crate::error::AppError;
use crate::framework::Text;
use crate::ids::{ActionId, IndicatorId, TeamId, WorkshopId};
use crate::participant::Me;
use crate::workshop::WorkshopSummary;

/// A suggested action of the framework, as a starting point for a proposal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// Title.
    pub title: Text,
    /// What it is about.
    pub description: Text,
}

/// An indicator as the proposal form offers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorChoice {
    /// The indicator.
    pub id: IndicatorId,
    /// Code, e.g. `T1`.
    pub code: String,
    /// Name.
    pub name: Text,
    /// The team's level (settled, else the median), if known.
    pub level: Option<f64>,
    /// Members who marked it a weakness.
    pub weakness_marks: u32,
    /// The framework's suggested actions for it.
    pub suggestions: Vec<Suggestion>,
}

impl IndicatorChoice {
    /// Whether the team sees it as a weakness: marked so by a member, or below level 3.
    pub fn is_weakness(&self) -> bool {
        self.weakness_marks > 0 || self.level.is_some_and(|l| l < 3.0)
    }
}

/// The participant's prioritisation page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamActions {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// The reader.
    pub me: Me,
    /// The team's indicators, weaknesses first (most weakness marks, then lowest level).
    pub indicators: Vec<IndicatorChoice>,
    /// The team's actions in priority order.
    pub actions: Vec<RankedAction>,
    /// The reader's dots per action.
    pub my_dots: Vec<(ActionId, u32)>,
    /// The reader's dots not yet placed.
    pub remaining: u32,
    /// Dots and weights.
    pub settings: Settings,
    /// Whether the reader may propose, edit and delete now (prioritisation phase).
    pub can_edit: bool,
    /// Whether the reader may vote now.
    pub can_vote: bool,
    /// Whether the reader may set MoSCoW tags now (the lead, in prioritisation or roadmap).
    pub can_tag: bool,
}

impl TeamActions {
    /// The reader's dots on an action.
    pub fn dots_on(&self, action: ActionId) -> u32 {
        self.my_dots
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(0, |(_, d)| *d)
    }
}

/// One team's actions, for the facilitator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TeamSection {
    /// The team.
    pub team: TeamId,
    /// Its name.
    pub name: String,
    /// Its actions in priority order.
    pub actions: Vec<RankedAction>,
}

/// The facilitator's prioritisation page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WorkshopActions {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// Dots and weights.
    pub settings: Settings,
    /// Every team, in display order.
    pub teams: Vec<TeamSection>,
    /// Whether the settings may be changed (any phase but closed).
    pub can_configure: bool,
    /// Whether actions may be merged now (prioritisation or roadmap).
    pub can_merge: bool,
}

/// The reader's team's actions, weaknesses and votes.
#[server(name = MyTeamActions, endpoint = "my_team_actions")]
pub async fn my_team_actions(workshop: WorkshopId) -> Result<TeamActions, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::team_actions(&state.db, workshop).await
}

/// Every team's actions and the settings, for the workshop's facilitators.
#[server(name = GetWorkshopActions, endpoint = "workshop_actions")]
pub async fn workshop_actions(workshop: WorkshopId) -> Result<WorkshopActions, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::workshop_actions(&state.db, workshop).await
}

/// Proposes an action. Participants propose for their own team (`team` is ignored for
/// them); facilitators name the team.
#[server(name = ProposeAction, endpoint = "propose_action")]
pub async fn propose_action(
    workshop: WorkshopId,
    #[server(default)] team: Option<TeamId>,
    title: String,
    #[server(default)] description: String,
    unit: String,
    impact: String,
    effort: String,
    cost: String,
    #[server(default)] indicators: Vec<IndicatorId>,
    #[server(default)] depends_on: Vec<ActionId>,
) -> Result<ActionId, AppError> {
    let state = crate::state::AppState::from_context()?;
    let form = ssr::Form {
        title,
        description,
        unit,
        impact,
        effort,
        cost,
        indicators,
        depends_on,
    };
    let id = ssr::propose(&state.db, workshop, team, form).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(id)
}

/// Edits an action from the version the editor saw; a stale version is a conflict.
#[server(name = UpdateAction, endpoint = "update_action")]
pub async fn update_action(
    workshop: WorkshopId,
    action: ActionId,
    version: i64,
    title: String,
    #[server(default)] description: String,
    unit: String,
    impact: String,
    effort: String,
    cost: String,
    #[server(default)] indicators: Vec<IndicatorId>,
    #[server(default)] depends_on: Vec<ActionId>,
) -> Result<i64, AppError> {
    let state = crate::state::AppState::from_context()?;
    let form = ssr::Form {
        title,
        description,
        unit,
        impact,
        effort,
        cost,
        indicators,
        depends_on,
    };
    let version = ssr::update(&state.db, workshop, action, version, form).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(version)
}

/// Deletes an action, with its votes.
#[server(name = DeleteAction, endpoint = "delete_action")]
pub async fn delete_action(workshop: WorkshopId, action: ActionId) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::delete(&state.db, workshop, action).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

/// Replaces an action's dependencies on other actions of its team.
#[server(name = SetDependencies, endpoint = "set_dependencies")]
pub async fn set_dependencies(
    workshop: WorkshopId,
    action: ActionId,
    #[server(default)] depends_on: Vec<ActionId>,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::set_dependencies(&state.db, workshop, action, depends_on).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

/// Puts one of the reader's dots on an action of their team; returns their dots on it.
#[server(name = Vote, endpoint = "vote")]
pub async fn vote(workshop: WorkshopId, action: ActionId) -> Result<u32, AppError> {
    let state = crate::state::AppState::from_context()?;
    let dots = ssr::vote(&state.db, workshop, action, true).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(dots)
}

/// Takes one of the reader's dots back; returns their dots left on the action.
#[server(name = Unvote, endpoint = "unvote")]
pub async fn unvote(workshop: WorkshopId, action: ActionId) -> Result<u32, AppError> {
    let state = crate::state::AppState::from_context()?;
    let dots = ssr::vote(&state.db, workshop, action, false).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(dots)
}

/// The team lead tags an action must/should/could/won't, or clears the tag (`""`).
#[server(name = SetMoscow, endpoint = "set_moscow")]
pub async fn set_moscow(
    workshop: WorkshopId,
    action: ActionId,
    #[server(default)] moscow: String,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::set_moscow(&state.db, workshop, action, &moscow).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

/// The workshop's dots and weights, for its facilitators.
#[server(name = PrioritisationSettings, endpoint = "prioritisation_settings")]
pub async fn prioritisation_settings(workshop: WorkshopId) -> Result<Settings, AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    super::repo::settings(state.db.pool(), workshop).await
}

/// A facilitator sets the dots per participant (1–30), stacking, and the five weights (0–5).
#[server(name = UpdatePrioritisationSettings, endpoint = "update_prioritisation_settings")]
pub async fn update_prioritisation_settings(
    workshop: WorkshopId,
    dots: String,
    #[server(default)] stack: Option<String>,
    relevance: String,
    ambition: String,
    feasibility: String,
    resources: String,
    gap: String,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    let stack = stack.is_some_and(|s| matches!(s.as_str(), "on" | "true" | "1"));
    let settings = super::rules::parse_settings(
        &dots,
        stack,
        [&relevance, &ambition, &feasibility, &resources, &gap],
    )?;
    if !super::repo::save_settings(state.db.pool(), workshop, &settings).await? {
        return Err(AppError::Conflict {
            reason: crate::i18n::Key::ActErrWorkshopClosed,
        });
    }
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

/// A facilitator merges a duplicate into another action of the same team.
#[server(name = MergeActions, endpoint = "merge_actions")]
pub async fn merge_actions(
    workshop: WorkshopId,
    duplicate: ActionId,
    keep: ActionId,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    ssr::merge(&state.db, workshop, duplicate, keep).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

#[cfg(feature = "ssr")]
pub use ssr::{propose_for_staff, workshop_actions_for_staff, Form as ActionForm};

#[cfg(feature = "ssr")]
mod ssr {
    use std::collections::BTreeSet;

    use super::*;
    use crate::action::model::Moscow;
    use crate::action::repo::{self, Editor, VoteRefusal};
    use crate::action::rules::{dependency_cycle, parse_proposal};
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::i18n::Key;
    use crate::participant::session;
    use crate::workshop::repo as workshops;

    /// A proposal or edit form, as typed.
    pub struct Form {
        /// Title.
        pub title: String,
        /// Description (may be empty).
        pub description: String,
        /// The unit that would lead it.
        pub unit: String,
        /// Impact, `1`–`5` as typed.
        pub impact: String,
        /// Effort, `1`–`5` as typed.
        pub effort: String,
        /// Cost, `1`–`5` as typed.
        pub cost: String,
        /// Indicators it improves.
        pub indicators: Vec<IndicatorId>,
        /// Actions of the same team it depends on.
        pub depends_on: Vec<ActionId>,
    }

    /// Who is asking: a member of a team of this workshop, or one of its facilitators.
    enum Actor {
        Member(Me),
        Facilitator,
    }

    impl Actor {
        fn editor(&self) -> Editor {
            match self {
                Actor::Member(_) => Editor::Member,
                Actor::Facilitator => Editor::Facilitator,
            }
        }
    }

    /// A participant of this workshop first; otherwise a facilitator of it; otherwise the
    /// participant's refusal (a participant of another workshop is told so, an anonymous
    /// caller is asked to join or sign in).
    async fn actor(db: &Db, workshop: WorkshopId) -> AppResult<Actor> {
        let member = session::current(db).await;
        if let Ok(me) = &member {
            if me.workshop == workshop {
                return Ok(Actor::Member(me.clone()));
            }
        }
        match crate::facilitator::access::require_workshop(db, workshop).await {
            Ok(_) => Ok(Actor::Facilitator),
            Err(AppError::Unauthorized) => match member {
                Ok(me) => {
                    me.require_workshop(workshop)?;
                    Err(AppError::Forbidden)
                }
                Err(err) => Err(err),
            },
            Err(err) => Err(err),
        }
    }

    /// The team an action belongs to, if the actor may touch it; another team's or another
    /// workshop's action is "not found" to a participant.
    async fn team_of(
        db: &Db,
        workshop: WorkshopId,
        actor: &Actor,
        action: ActionId,
    ) -> AppResult<(TeamId, String, i64)> {
        let facts = repo::action_facts(db.pool(), workshop, action)
            .await?
            .ok_or(AppError::NotFound)?;
        match actor {
            Actor::Member(me) if me.team != facts.0 => Err(AppError::NotFound),
            _ => Ok(facts),
        }
    }

    fn closed(editor: Editor) -> AppError {
        AppError::Conflict {
            reason: match editor {
                Editor::Member => Key::ActErrNotPrioritisation,
                Editor::Facilitator => Key::ActErrNotPrioritisationOrRoadmap,
            },
        }
    }

    /// Checks the indicators (of the workshop's framework) and the dependencies (actions of
    /// the team, not the action itself, no cycle with the team's other dependencies).
    async fn check_links(
        db: &Db,
        workshop: WorkshopId,
        team: TeamId,
        action: Option<ActionId>,
        indicators: &[IndicatorId],
        depends_on: &[ActionId],
    ) -> AppResult<()> {
        let facts = workshops::facts(db.pool(), workshop).await?;
        for indicator in indicators {
            if !crate::assessment::repo::indicator_in_framework(
                db.pool(),
                *indicator,
                facts.framework,
            )
            .await?
            {
                return Err(AppError::invalid("indicators", Key::ActErrUnknownIndicator));
            }
        }
        check_dependencies(db, team, action, depends_on).await
    }

    async fn check_dependencies(
        db: &Db,
        team: TeamId,
        action: Option<ActionId>,
        depends_on: &[ActionId],
    ) -> AppResult<()> {
        if action.is_some_and(|a| depends_on.contains(&a)) {
            return Err(AppError::invalid("depends_on", Key::ActErrDependsOnItself));
        }
        let titles = repo::titles(db.pool(), team).await?;
        if depends_on.iter().any(|d| !titles.contains_key(d)) {
            return Err(AppError::invalid(
                "depends_on",
                Key::ActErrDependencyOtherTeam,
            ));
        }
        if let Some(action) = action {
            let mut edges: Vec<(ActionId, ActionId)> = repo::team_edges(db.pool(), team)
                .await?
                .into_iter()
                .filter(|(from, _)| *from != action)
                .collect();
            edges.extend(depends_on.iter().map(|d| (action, *d)));
            if let Some(cycle) = dependency_cycle(&edges) {
                return Err(AppError::Refused {
                    reason: Key::ErrDependencyCycle,
                    names: cycle
                        .iter()
                        .map(|a| titles.get(a).cloned().unwrap_or_default())
                        .collect(),
                });
            }
        }
        Ok(())
    }

    fn unique<T: Ord + Copy>(items: &[T]) -> Vec<T> {
        items
            .iter()
            .copied()
            .collect::<BTreeSet<T>>()
            .into_iter()
            .collect()
    }

    pub(super) async fn propose(
        db: &Db,
        workshop: WorkshopId,
        team: Option<TeamId>,
        form: Form,
    ) -> AppResult<ActionId> {
        let actor = actor(db, workshop).await?;
        propose_by(db, workshop, &actor, team, form).await
    }

    /// Proposes an action for a team, for an identified facilitator of the workshop (a
    /// session or an API token): the same checks as the pages' proposal.
    pub async fn propose_for_staff(
        db: &Db,
        staff: &crate::facilitator::Staff,
        workshop: WorkshopId,
        team: Option<TeamId>,
        form: Form,
    ) -> AppResult<ActionId> {
        crate::facilitator::access::require_workshop_as(db, staff, workshop).await?;
        propose_by(db, workshop, &Actor::Facilitator, team, form).await
    }

    async fn propose_by(
        db: &Db,
        workshop: WorkshopId,
        actor: &Actor,
        team: Option<TeamId>,
        form: Form,
    ) -> AppResult<ActionId> {
        let (team, proposed_by) = match actor {
            Actor::Member(me) => (me.team, Some(me.participant)),
            Actor::Facilitator => {
                let team = team.ok_or_else(|| AppError::invalid("team", Key::ActErrTeam))?;
                let teams = workshops::teams(db.pool(), workshop).await?;
                if !teams.iter().any(|t| t.id == team) {
                    return Err(AppError::invalid("team", Key::ActErrTeam));
                }
                (team, None)
            }
        };
        if !repo::phase_allows(db.pool(), workshop, actor.editor()).await? {
            return Err(closed(actor.editor()));
        }
        let proposal = parse_proposal(
            &form.title,
            &form.description,
            &form.unit,
            &form.impact,
            &form.effort,
            &form.cost,
        )?;
        let indicators = unique(&form.indicators);
        let depends_on = unique(&form.depends_on);
        check_links(db, workshop, team, None, &indicators, &depends_on).await?;
        let mut tx = db.pool().begin().await?;
        // The phase again, in the transaction: a facilitator may have moved on meanwhile.
        if !repo::phase_allows(&mut *tx, workshop, actor.editor()).await? {
            return Err(closed(actor.editor()));
        }
        let id = repo::create(
            &mut tx,
            &repo::NewAction {
                workshop,
                team,
                title: &proposal.title,
                description: &proposal.description,
                unit: &proposal.unit,
                impact: proposal.impact,
                effort: proposal.effort,
                cost: proposal.cost,
                indicators: &indicators,
                depends_on: &depends_on,
                proposed_by,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub(super) async fn update(
        db: &Db,
        workshop: WorkshopId,
        action: ActionId,
        version: i64,
        form: Form,
    ) -> AppResult<i64> {
        let actor = actor(db, workshop).await?;
        let (team, _, current) = team_of(db, workshop, &actor, action).await?;
        if !repo::phase_allows(db.pool(), workshop, actor.editor()).await? {
            return Err(closed(actor.editor()));
        }
        let proposal = parse_proposal(
            &form.title,
            &form.description,
            &form.unit,
            &form.impact,
            &form.effort,
            &form.cost,
        )?;
        if version != current {
            return Err(AppError::Conflict {
                reason: Key::ActErrStale,
            });
        }
        let indicators = unique(&form.indicators);
        let depends_on = unique(&form.depends_on);
        check_links(db, workshop, team, Some(action), &indicators, &depends_on).await?;
        let mut tx = db.pool().begin().await?;
        let written = repo::update(
            &mut tx,
            workshop,
            actor.editor(),
            &repo::Edit {
                action,
                team,
                version,
                title: &proposal.title,
                description: &proposal.description,
                unit: &proposal.unit,
                impact: proposal.impact,
                effort: proposal.effort,
                cost: proposal.cost,
                indicators: &indicators,
                depends_on: &depends_on,
            },
        )
        .await?;
        let Some(version) = written else {
            return Err(
                if repo::phase_allows(&mut *tx, workshop, actor.editor()).await? {
                    AppError::Conflict {
                        reason: Key::ActErrStale,
                    }
                } else {
                    closed(actor.editor())
                },
            );
        };
        // Another edit of the team's dependencies may have landed meanwhile.
        let edges = repo::team_edges(&mut *tx, team).await?;
        if let Some(cycle) = dependency_cycle(&edges) {
            let titles = repo::titles(&mut *tx, team).await?;
            return Err(AppError::Refused {
                reason: Key::ErrDependencyCycle,
                names: cycle
                    .iter()
                    .map(|a| titles.get(a).cloned().unwrap_or_default())
                    .collect(),
            });
        }
        tx.commit().await?;
        Ok(version)
    }

    pub(super) async fn delete(db: &Db, workshop: WorkshopId, action: ActionId) -> AppResult<()> {
        let actor = actor(db, workshop).await?;
        let (team, _, _) = team_of(db, workshop, &actor, action).await?;
        if repo::delete(db.pool(), workshop, actor.editor(), team, action).await? {
            Ok(())
        } else if repo::phase_allows(db.pool(), workshop, actor.editor()).await? {
            // Deleted by someone else meanwhile.
            Err(AppError::NotFound)
        } else {
            Err(closed(actor.editor()))
        }
    }

    pub(super) async fn set_dependencies(
        db: &Db,
        workshop: WorkshopId,
        action: ActionId,
        depends_on: Vec<ActionId>,
    ) -> AppResult<()> {
        let actor = actor(db, workshop).await?;
        let (team, _, _) = team_of(db, workshop, &actor, action).await?;
        if !repo::phase_allows(db.pool(), workshop, actor.editor()).await? {
            return Err(closed(actor.editor()));
        }
        let depends_on = unique(&depends_on);
        check_dependencies(db, team, Some(action), &depends_on).await?;
        let mut tx = db.pool().begin().await?;
        if !repo::touch(&mut tx, workshop, actor.editor(), action).await? {
            return Err(closed(actor.editor()));
        }
        repo::replace_dependencies(&mut tx, team, action, &depends_on).await?;
        let edges = repo::team_edges(&mut *tx, team).await?;
        if let Some(cycle) = dependency_cycle(&edges) {
            let titles = repo::titles(&mut *tx, team).await?;
            return Err(AppError::Refused {
                reason: Key::ErrDependencyCycle,
                names: cycle
                    .iter()
                    .map(|a| titles.get(a).cloned().unwrap_or_default())
                    .collect(),
            });
        }
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn vote(
        db: &Db,
        workshop: WorkshopId,
        action: ActionId,
        add: bool,
    ) -> AppResult<u32> {
        let me = session::current(db).await?;
        me.require_workshop(workshop)?;
        let (team, _, _) = repo::action_facts(db.pool(), workshop, action)
            .await?
            .ok_or(AppError::NotFound)?;
        if team != me.team {
            return Err(AppError::NotFound);
        }
        let mut tx = db.pool().begin().await?;
        let outcome = if add {
            repo::vote(&mut tx, me.participant, action).await?
        } else {
            repo::unvote(&mut tx, me.participant, action).await?
        };
        match outcome {
            Ok(dots) => {
                tx.commit().await?;
                Ok(dots)
            }
            Err(refusal) => Err(AppError::Conflict {
                reason: match refusal {
                    VoteRefusal::Closed => Key::ActErrVotingClosed,
                    VoteRefusal::NoDotsLeft => Key::ActErrNoDotsLeft,
                    VoteRefusal::NoStacking => Key::ActErrNoStacking,
                    VoteRefusal::NoDot => Key::ActErrNoDotToTake,
                },
            }),
        }
    }

    pub(super) async fn set_moscow(
        db: &Db,
        workshop: WorkshopId,
        action: ActionId,
        tag: &str,
    ) -> AppResult<()> {
        let me = session::current(db).await?;
        me.require_workshop(workshop)?;
        let (team, _, _) = repo::action_facts(db.pool(), workshop, action)
            .await?
            .ok_or(AppError::NotFound)?;
        if team != me.team {
            return Err(AppError::NotFound);
        }
        if !me.is_lead {
            return Err(AppError::Forbidden);
        }
        let tag = match tag.trim() {
            "" => None,
            other => Some(
                Moscow::parse(other)
                    .ok_or_else(|| AppError::invalid("moscow", Key::ActErrMoscow))?,
            ),
        };
        if repo::set_moscow(db.pool(), workshop, team, action, tag).await? {
            Ok(())
        } else {
            Err(AppError::Conflict {
                reason: Key::ActErrMoscowClosed,
            })
        }
    }

    pub(super) async fn merge(
        db: &Db,
        workshop: WorkshopId,
        duplicate: ActionId,
        keep: ActionId,
    ) -> AppResult<()> {
        if duplicate == keep {
            return Err(AppError::invalid("keep", Key::ActErrMergeSame));
        }
        let (team, _, _) = repo::action_facts(db.pool(), workshop, duplicate)
            .await?
            .ok_or(AppError::NotFound)?;
        let (kept_team, _, _) = repo::action_facts(db.pool(), workshop, keep)
            .await?
            .ok_or(AppError::NotFound)?;
        if team != kept_team {
            return Err(AppError::invalid("keep", Key::ActErrMergeOtherTeam));
        }
        let settings = repo::settings(db.pool(), workshop).await?;
        let mut tx = db.pool().begin().await?;
        if !repo::phase_allows(&mut *tx, workshop, Editor::Facilitator).await? {
            return Err(closed(Editor::Facilitator));
        }
        repo::merge(&mut tx, team, duplicate, keep, settings.dots.stack).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn team_actions(db: &Db, workshop: WorkshopId) -> AppResult<TeamActions> {
        let me = session::current(db).await?;
        me.require_workshop(workshop)?;
        let pool = db.pool();
        let facts = workshops::facts(pool, workshop).await?;
        let settings = repo::settings(pool, workshop).await?;
        let outline = crate::framework::repo::outline(pool, facts.framework).await?;
        let answers = crate::team::repo::member_answers(pool, me.team).await?;
        let settled = crate::team::repo::settled(pool, me.team).await?;
        let ids: Vec<IndicatorId> = outline
            .iter()
            .flat_map(|p| p.indicators.iter().map(|i| i.id))
            .collect();
        let consensus = crate::team::rules::team_consensus(&ids, &answers, &settled);
        let suggestions = repo::suggestions(pool, workshop).await?;
        let mut indicators: Vec<IndicatorChoice> = outline
            .into_iter()
            .flat_map(|p| p.indicators)
            .map(|i| {
                let c = consensus.iter().find(|c| c.indicator == i.id);
                IndicatorChoice {
                    id: i.id,
                    code: i.code,
                    name: i.name,
                    level: c.and_then(|c| c.consensus()),
                    weakness_marks: c.map_or(0, |c| u32::try_from(c.weaknesses).unwrap_or(0)),
                    suggestions: suggestions
                        .iter()
                        .filter(|(id, _, _)| *id == i.id)
                        .map(|(_, title, description)| Suggestion {
                            title: title.clone(),
                            description: description.clone(),
                        })
                        .collect(),
                }
            })
            .collect();
        // Weaknesses first: marked ones (most marks first), then the lowest level; the sort
        // is stable, so ties keep the framework's order.
        indicators.sort_by(|a, b| {
            b.is_weakness()
                .cmp(&a.is_weakness())
                .then(b.weakness_marks.cmp(&a.weakness_marks))
                .then(a.level.unwrap_or(6.0).total_cmp(&b.level.unwrap_or(6.0)))
        });
        let actions = repo::ranked(db, workshop, me.team).await?;
        let mine = repo::my_dots(pool, me.participant).await?;
        let used: u32 = mine.values().sum();
        let mut my_dots: Vec<(ActionId, u32)> = mine.into_iter().collect();
        my_dots.sort_unstable();
        let phase = facts.summary.phase;
        Ok(TeamActions {
            can_edit: phase == crate::workshop::Phase::Prioritisation,
            can_vote: phase == crate::workshop::Phase::Prioritisation,
            can_tag: me.is_lead
                && matches!(
                    phase,
                    crate::workshop::Phase::Prioritisation | crate::workshop::Phase::Roadmap
                ),
            remaining: u32::from(settings.dots.per_participant).saturating_sub(used),
            workshop: facts.summary,
            me,
            indicators,
            actions,
            my_dots,
            settings,
        })
    }

    pub(super) async fn workshop_actions(
        db: &Db,
        workshop: WorkshopId,
    ) -> AppResult<WorkshopActions> {
        let (staff, _) = crate::facilitator::access::require_workshop(db, workshop).await?;
        workshop_actions_for_staff(db, &staff, workshop).await
    }

    /// Every team's ranked actions and the settings, for an identified facilitator of the
    /// workshop (a session or an API token).
    pub async fn workshop_actions_for_staff(
        db: &Db,
        staff: &crate::facilitator::Staff,
        workshop: WorkshopId,
    ) -> AppResult<WorkshopActions> {
        crate::facilitator::access::require_workshop_as(db, staff, workshop).await?;
        let pool = db.pool();
        let facts = workshops::facts(pool, workshop).await?;
        let settings = repo::settings(pool, workshop).await?;
        let mut teams = Vec::new();
        for team in workshops::teams(pool, workshop).await? {
            teams.push(TeamSection {
                actions: repo::ranked(db, workshop, team.id).await?,
                team: team.id,
                name: team.name,
            });
        }
        let phase = facts.summary.phase;
        Ok(WorkshopActions {
            can_configure: phase != crate::workshop::Phase::Closed,
            can_merge: matches!(
                phase,
                crate::workshop::Phase::Prioritisation | crate::workshop::Phase::Roadmap
            ),
            workshop: facts.summary,
            settings,
            teams,
        })
    }
}
