//! Sharing's server functions: the facilitator's links and publish switch, and the reads of
//! the observer's and the public pages.
//!
//! Who may do what: the workshop's facilitators (owner and co-facilitators, who run it
//! together) make, list and revoke links and publish; participants and other facilitators
//! are refused. Observers need only the link; the public needs nothing, and sees only
//! published workshops (anything else is "not found").

use leptos::prelude::*;

use super::model::*;
use crate::error::AppError;
use crate::ids::{ShareLinkId, WorkshopId};

/// The sharing panel: teams, links and the publish state.
#[server(name = GetSharingSettings, endpoint = "sharing_settings")]
pub async fn sharing_settings(workshop: WorkshopId) -> Result<SharingSettings, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::settings(&state.db, workshop).await
}

/// Makes an observer link to the workshop (`team` empty) or one team, with an optional label
/// and last day (`expires_on`, `YYYY-MM-DD`). Its secret is in the answer, and only there.
#[server(name = CreateShareLink, endpoint = "create_share_link")]
pub async fn create_share_link(
    workshop: WorkshopId,
    team: String,
    label: String,
    expires_on: String,
) -> Result<NewShareLink, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::create(&state.db, workshop, &team, &label, &expires_on).await
}

/// Revokes an observer link for good.
#[server(name = RevokeShareLink, endpoint = "revoke_share_link")]
pub async fn revoke_share_link(workshop: WorkshopId, link: ShareLinkId) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    super::repo::revoke(state.db.pool(), workshop, link).await
}

/// Publishes the workshop's anonymised aggregates and roadmaps under `licence` (an SPDX id
/// offered by [`Licence::ALL`]); on a published workshop, changes the licence only.
#[server(name = PublishWorkshop, endpoint = "publish_workshop")]
pub async fn publish_workshop(workshop: WorkshopId, licence: String) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::publish(&state.db, workshop, &licence).await
}

/// Takes the workshop off the public pages and the open data.
#[server(name = UnpublishWorkshop, endpoint = "unpublish_workshop")]
pub async fn unpublish_workshop(workshop: WorkshopId) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    let db = state.db.pool();
    let (_, licence) = super::repo::publication(db, workshop).await?;
    super::repo::set_publication(db, workshop, None, licence).await
}

/// What an observer link shows. Unknown secrets are "not found"; revoked or expired links
/// say so and show nothing else.
#[server(name = ObserveLink, endpoint = "observe")]
pub async fn observe(token: String) -> Result<Observed, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::observe(&state.db, &token, crate::i18n::detect_lang()).await
}

/// The published workshops.
#[server(name = GetPublishedWorkshops, endpoint = "published_workshops")]
pub async fn published_workshops() -> Result<Vec<PublishedWorkshop>, AppError> {
    let state = crate::state::AppState::from_context()?;
    super::repo::published(state.db.pool()).await
}

/// A published workshop's public page; "not found" when it is not published.
#[server(name = GetPublicWorkshop, endpoint = "public_workshop")]
pub async fn public_workshop(workshop: WorkshopId) -> Result<PublicPageData, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::public_page(&state.db, workshop, crate::i18n::detect_lang()).await
}

#[cfg(feature = "ssr")]
pub use ssr::{load_public, public_page};

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::dashboard::repo as dashboard;
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::facilitator::access::require_workshop;
    use crate::i18n::{Key, Lang};
    use crate::ids::TeamId;
    use crate::participant::session::{hash_token, looks_like_token, new_token};
    use crate::sharing::repo::{self, NewLink};
    use crate::sharing::rules::{anonymise, link_state, parse_expiry, parse_label, shown_teams};
    use crate::workshop::repo as workshops;

    pub(super) async fn settings(db: &Db, workshop: WorkshopId) -> AppResult<SharingSettings> {
        require_workshop(db, workshop).await?;
        let now = crate::db::now();
        let links = repo::of_workshop(db.pool(), workshop)
            .await?
            .into_iter()
            .map(|l| ShareLinkView {
                state: link_state(l.expires_at, l.revoked_at, now),
                id: l.id,
                label: l.label,
                team: l.team_name,
                created_at: l.created_at,
                expires_at: l.expires_at,
            })
            .collect();
        let (published_at, licence) = repo::publication(db.pool(), workshop).await?;
        Ok(SharingSettings {
            workshop,
            teams: workshops::teams(db.pool(), workshop).await?,
            links,
            published_at,
            licence,
        })
    }

    pub(super) async fn create(
        db: &Db,
        workshop: WorkshopId,
        team: &str,
        label: &str,
        expires_on: &str,
    ) -> AppResult<NewShareLink> {
        let (staff, _) = require_workshop(db, workshop).await?;
        let team = match team.trim() {
            "" => None,
            typed => {
                let id: TeamId = typed
                    .parse()
                    .map_err(|_| AppError::invalid("team", Key::ShrErrTeam))?;
                let teams = workshops::teams(db.pool(), workshop).await?;
                if !teams.iter().any(|t| t.id == id) {
                    return Err(AppError::invalid("team", Key::ShrErrTeam));
                }
                Some(id)
            }
        };
        let today = time::OffsetDateTime::now_utc().date();
        let checked = (parse_label(label), parse_expiry(expires_on, today));
        let (label, expires_at) = match checked {
            (Ok(label), Ok(expires)) => (label, expires),
            (label, expires) => {
                return Err(
                    AppError::merge([label.err(), expires.err()]).unwrap_or(AppError::BadRequest)
                )
            }
        };
        let token = new_token();
        let id = repo::insert(
            db.pool(),
            &NewLink {
                workshop,
                team,
                label: &label,
                token_hash: &hash_token(&token),
                created_by: staff.id,
                expires_at,
            },
        )
        .await?;
        Ok(NewShareLink {
            id,
            path: format!("/observe/{token}"),
        })
    }

    pub(super) async fn publish(db: &Db, workshop: WorkshopId, licence: &str) -> AppResult<()> {
        require_workshop(db, workshop).await?;
        let licence = Licence::parse(licence)
            .ok_or_else(|| AppError::invalid("licence", Key::ShrErrLicence))?;
        let (published_at, _) = repo::publication(db.pool(), workshop).await?;
        let at = published_at.unwrap_or_else(crate::db::now);
        repo::set_publication(db.pool(), workshop, Some(at), licence).await
    }

    pub(super) async fn observe(db: &Db, token: &str, lang: Lang) -> AppResult<Observed> {
        let token = token.trim();
        if !looks_like_token(token) {
            return Err(AppError::NotFound);
        }
        let link = repo::by_hash(db.pool(), &hash_token(token))
            .await?
            .ok_or(AppError::NotFound)?;
        match link_state(link.expires_at, link.revoked_at, crate::db::now()) {
            LinkState::Active => Ok(Observed::Shown {
                data: Box::new(load_public(db, link.workshop, link.team, lang).await?),
                team: link.team_name,
            }),
            state => Ok(Observed::Gone { state }),
        }
    }

    /// A published workshop's page data; `NotFound` when it is not published.
    pub async fn public_page(
        db: &Db,
        workshop: WorkshopId,
        lang: Lang,
    ) -> AppResult<PublicPageData> {
        let published = repo::published_one(db.pool(), workshop).await?;
        Ok(PublicPageData {
            publisher: repo::publisher(db.pool(), workshop).await?,
            data: load_public(db, workshop, None, lang).await?,
            published,
        })
    }

    /// The anonymised view of a workshop, or of one of its teams (see `sharing::rules`), with
    /// pillar names of the roadmaps' radars in `lang`. Does not check who asks.
    pub async fn load_public(
        db: &Db,
        workshop: WorkshopId,
        only: Option<TeamId>,
        lang: Lang,
    ) -> AppResult<PublicAggregates> {
        let facts = workshops::facts(db.pool(), workshop).await?;
        let (layout, teams) = dashboard::inputs(db, workshop, &facts).await?;
        let (ids, inputs): (Vec<_>, Vec<_>) = teams.into_iter().unzip();
        let only = match only {
            Some(team) => Some(
                ids.iter()
                    .position(|t| *t == team)
                    .ok_or(AppError::NotFound)?,
            ),
            None => None,
        };
        let shown = shown_teams(&facts.summary, &layout, &inputs);
        let mut conn = db.pool().acquire().await?;
        let mut roadmaps = Vec::with_capacity(ids.len());
        for (index, (id, input)) in ids.iter().zip(&inputs).enumerate() {
            let wanted = shown[index] && only.is_none_or(|o| o == index);
            roadmaps.push(if wanted {
                Some(crate::roadmap::load_team(&mut conn, workshop, *id, &input.name, lang).await?)
            } else {
                None
            });
        }
        Ok(anonymise(facts.summary, layout, &inputs, only, |i| {
            roadmaps.get_mut(i).and_then(Option::take)
        }))
    }
}
