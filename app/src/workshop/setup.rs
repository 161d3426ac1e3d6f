//! The facilitator's set-up of a workshop: its settings, teams, join code, people and phase.
//! Every server function here starts by checking that the caller runs the workshop.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::settings::{SettingsForm, WorkshopSettings};
use super::{Phase, WorkshopSummary};
use crate::error::AppError;
use crate::facilitator::Role;
use crate::ids::{ParticipantId, TeamId, WorkshopId};

/// A workshop in the facilitator's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyWorkshop {
    /// Id.
    pub id: WorkshopId,
    /// Title.
    pub title: String,
    /// Phase.
    pub phase: Phase,
    /// The facilitator's role in it.
    pub role: Role,
    /// First day, if set.
    pub starts_on: Option<String>,
    /// Number of teams.
    pub teams: u32,
    /// Number of participants who joined.
    pub participants: u32,
}

/// A team as the set-up page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupTeam {
    /// Id.
    pub id: TeamId,
    /// Name.
    pub name: String,
    /// People who joined it; a team with members cannot be removed.
    pub members: u32,
}

/// A participant as the set-up page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupParticipant {
    /// Id.
    pub id: ParticipantId,
    /// The name they gave.
    pub name: String,
    /// Their team.
    pub team: TeamId,
    /// Whether they lead the team.
    pub is_lead: bool,
    /// How many indicators they answered.
    pub answers: u32,
}

/// Everything the set-up page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetupView {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// Its settings.
    pub settings: WorkshopSettings,
    /// The caller's role.
    pub role: Role,
    /// The join code as people read it.
    pub join_code: String,
    /// The link that opens the join form with the code filled in.
    pub join_url: String,
    /// That link as a QR code (SVG made on the server).
    pub qr_svg: String,
    /// Teams, in order.
    pub teams: Vec<SetupTeam>,
    /// Participants, by team.
    pub participants: Vec<SetupParticipant>,
}

/// What adding teams did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamsAdded {
    /// How many teams were added.
    pub added: u32,
    /// Names left out because the workshop already has them.
    pub already_present: Vec<String>,
}

/// The workshops the signed-in facilitator runs.
#[server(name = MyWorkshops, endpoint = "my_workshops")]
pub async fn my_workshops() -> Result<Vec<MyWorkshop>, AppError> {
    let state = crate::state::AppState::from_context()?;
    let staff = crate::facilitator::session::current(&state.db).await?;
    workshops_for_staff(&state.db, &staff).await
}

/// The workshops an identified facilitator (a session or an API token) runs, newest first.
#[cfg(feature = "ssr")]
pub async fn workshops_for_staff(
    db: &crate::db::Db,
    staff: &crate::facilitator::Staff,
) -> Result<Vec<MyWorkshop>, AppError> {
    super::setup_repo::list_for(db.pool(), staff.id).await
}

/// Creates a workshop owned by the signed-in facilitator, with a copy of the default
/// framework and a fresh join code, and opens its set-up page.
#[server(name = CreateWorkshop, endpoint = "create_workshop")]
pub async fn create_workshop(settings: SettingsForm) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    let staff = crate::facilitator::session::current(&state.db).await?;
    let settings = settings.parse()?;
    let id = ssr::create(&state.db, &staff, &settings).await?;
    leptos_axum::redirect(&format!("/facilitate/workshops/{id}"));
    Ok(())
}

/// The set-up page's data.
#[server(name = GetWorkshopSetup, endpoint = "workshop_setup")]
pub async fn workshop_setup(workshop: WorkshopId) -> Result<SetupView, AppError> {
    let state = crate::state::AppState::from_context()?;
    let (_, role) = crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    ssr::view(&state.db, workshop, role).await
}

/// Saves the workshop's settings.
#[server(name = UpdateWorkshop, endpoint = "update_workshop")]
pub async fn update_workshop(workshop: WorkshopId, settings: SettingsForm) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::open_for_edits(&state.db, workshop).await?;
    let settings = settings.parse()?;
    super::setup_repo::update_settings(state.db.pool(), workshop, &settings).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

/// Adds teams from a pasted list, one name per line. Names the workshop already has are
/// left out and reported.
#[server(name = AddTeams, endpoint = "add_teams")]
pub async fn add_teams(workshop: WorkshopId, names: String) -> Result<TeamsAdded, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::open_for_edits(&state.db, workshop).await?;
    let names = super::teams::team_names(&names)?;
    ssr::add(&state, workshop, names).await
}

/// Adds Ecuador's 23 provincial governments and the Galápagos council (those not there yet).
#[server(name = AddPresetTeams, endpoint = "add_preset_teams")]
pub async fn add_preset_teams(workshop: WorkshopId) -> Result<TeamsAdded, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::open_for_edits(&state.db, workshop).await?;
    let names = super::teams::ECUADOR_PRESET.map(str::to_owned).to_vec();
    ssr::add(&state, workshop, names).await
}

/// Renames a team.
#[server(name = RenameTeam, endpoint = "rename_team")]
pub async fn rename_team(workshop: WorkshopId, team: TeamId, name: String) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::open_for_edits(&state.db, workshop).await?;
    let name = super::teams::team_name(&name)?;
    super::setup_repo::rename_team(state.db.pool(), workshop, team, &name).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

/// Removes a team that nobody has joined.
#[server(name = RemoveTeam, endpoint = "remove_team")]
pub async fn remove_team(workshop: WorkshopId, team: TeamId) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::open_for_edits(&state.db, workshop).await?;
    super::setup_repo::remove_empty_team(state.db.pool(), workshop, team).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

/// Gives the workshop a new join code; the old one stops working. People who joined stay in.
#[server(name = RegenerateJoinCode, endpoint = "regenerate_join_code")]
pub async fn regenerate_join_code(workshop: WorkshopId) -> Result<String, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::open_for_edits(&state.db, workshop).await?;
    ssr::new_code(&state.db, workshop).await
}

/// Moves the workshop to the next phase, or back to the previous one. `from` is the phase
/// the facilitator saw, so a stale page cannot skip a step.
#[server(name = MovePhase, endpoint = "move_phase")]
pub async fn move_phase(workshop: WorkshopId, from: Phase, to: Phase) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    ssr::move_phase(&state.db, workshop, from, to).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

/// Makes a participant their team's lead (who may settle the team's consensus), or not.
#[server(name = SetTeamLead, endpoint = "set_team_lead")]
pub async fn set_team_lead(
    workshop: WorkshopId,
    participant: ParticipantId,
    lead: bool,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::open_for_edits(&state.db, workshop).await?;
    super::setup_repo::set_lead(state.db.pool(), workshop, participant, lead).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use http::request::Parts;
    use leptos::prelude::*;

    use super::super::settings::WorkshopSettings;
    use super::super::{qr, repo, setup_repo, teams, JoinCode, Phase};
    use super::{SetupView, TeamsAdded};
    use crate::db::Db;
    use crate::error::{AppError, AppResult};
    use crate::facilitator::{access, repo as facilitators, Role, Staff};
    use crate::framework::default_framework;
    use crate::i18n::Key;
    use crate::ids::WorkshopId;
    use crate::state::AppState;

    /// Checks the caller runs the workshop and that it is not closed.
    pub(super) async fn open_for_edits(db: &Db, workshop: WorkshopId) -> AppResult<()> {
        access::require_workshop(db, workshop).await?;
        if repo::facts(db.pool(), workshop).await?.summary.phase == Phase::Closed {
            return Err(AppError::Conflict {
                reason: Key::ErrWorkshopClosed,
            });
        }
        Ok(())
    }

    pub(super) async fn create(
        db: &Db,
        staff: &Staff,
        settings: &WorkshopSettings,
    ) -> AppResult<WorkshopId> {
        let framework = default_framework()
            .map_err(|issues| AppError::internal("default framework", format!("{issues:?}")))?;
        // A clash with another workshop's random code is unlikely; a few tries make it moot.
        for _ in 0..5 {
            let code = JoinCode::random();
            let mut tx = db.pool().begin().await?;
            let created = repo::create(
                &mut tx,
                &repo::NewWorkshop {
                    title: &settings.title,
                    description: &settings.description,
                    join_code: &code,
                    framework,
                    teams: &[],
                    phase: Phase::Setup,
                    anonymity_threshold: settings.anonymity_threshold,
                    is_demo: false,
                },
            )
            .await;
            let id = match created {
                Ok(id) => id,
                Err(AppError::Conflict { .. }) => continue,
                Err(other) => return Err(other),
            };
            setup_repo::update_settings(&mut *tx, id, settings).await?;
            facilitators::grant(&mut *tx, id, staff.id, Role::Owner).await?;
            tx.commit().await?;
            return Ok(id);
        }
        Err(AppError::internal(
            "create workshop",
            "no free join code in 5 tries",
        ))
    }

    pub(super) async fn view(db: &Db, workshop: WorkshopId, role: Role) -> AppResult<SetupView> {
        let pool = db.pool();
        let facts = repo::facts(pool, workshop).await?;
        let code = setup_repo::join_code(pool, workshop).await?;
        let join_url = format!("{}/join?code={}", origin(), code.as_str());
        Ok(SetupView {
            workshop: facts.summary,
            settings: setup_repo::settings(pool, workshop).await?,
            role,
            join_code: code.display(),
            qr_svg: qr::svg_for(&join_url)?,
            join_url,
            teams: setup_repo::teams(pool, workshop).await?,
            participants: setup_repo::participants(pool, workshop).await?,
        })
    }

    /// `https://host` of the current request, for links people open on another device.
    fn origin() -> String {
        let Some(parts) = use_context::<Parts>() else {
            return String::new();
        };
        let host = parts
            .headers
            .get(http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_graphic()))
            .unwrap_or("localhost");
        let scheme = if crate::participant::session::is_https(&parts) {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://{host}")
    }

    pub(super) async fn add(
        state: &AppState,
        workshop: WorkshopId,
        wanted: Vec<String>,
    ) -> AppResult<TeamsAdded> {
        let mut tx = state.db.pool().begin().await?;
        let existing: Vec<String> = repo::teams(&mut *tx, workshop)
            .await?
            .into_iter()
            .map(|t| t.name)
            .collect();
        let (new, already_present) = teams::plan_additions(&existing, wanted)?;
        setup_repo::add_teams(&mut tx, workshop, &new).await?;
        tx.commit().await?;
        state.live.publish(&state.db, workshop).await;
        Ok(TeamsAdded {
            added: u32::try_from(new.len()).unwrap_or(u32::MAX),
            already_present,
        })
    }

    pub(super) async fn new_code(db: &Db, workshop: WorkshopId) -> AppResult<String> {
        for _ in 0..5 {
            let code = JoinCode::random();
            match setup_repo::set_join_code(db.pool(), workshop, &code).await {
                Ok(()) => return Ok(code.display()),
                Err(AppError::Conflict { .. }) => continue,
                Err(other) => return Err(other),
            }
        }
        Err(AppError::internal(
            "join code",
            "no free join code in 5 tries",
        ))
    }

    pub(super) async fn move_phase(
        db: &Db,
        workshop: WorkshopId,
        from: Phase,
        to: Phase,
    ) -> AppResult<()> {
        let current = repo::facts(db.pool(), workshop).await?.summary.phase;
        let has_teams = !repo::teams(db.pool(), workshop).await?.is_empty();
        if let Some(reason) = current.move_refusal(from, to, has_teams) {
            return Err(AppError::Conflict { reason });
        }
        setup_repo::move_phase(db.pool(), workshop, from, to).await
    }
}
