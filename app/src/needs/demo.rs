//! The demo workshop's implementation needs: what provincial governments in a workshop like
//! CONGOPE's commonly say they lack (trained staff and a budget line first, then technology,
//! data, rules, backing and allies), so the dashboard's needs chart, the exports and the
//! commitments have something to show. Fictitious, like the demo's answers.

use sqlx::{AnyConnection, Row};

use super::model::NeedKind;
use crate::db::now;
use crate::error::AppResult;
use crate::ids::WorkshopId;

/// One list per demo team, in team order. A team's n-th need unblocks its n-th action and,
/// when there is one, the action two further on (which the demo makes depend on the first
/// ones), so needs sit where the roadmap's chains are.
const NEEDS: [&[(NeedKind, &str)]; 8] = [
    &[
        (
            NeedKind::StaffSkills,
            "Capacitación del equipo técnico en datos abiertos",
        ),
        (
            NeedKind::Budget,
            "Partida presupuestaria para el portal de transparencia",
        ),
        (
            NeedKind::PoliticalSupport,
            "Respaldo del prefecto para publicar la agenda institucional",
        ),
    ],
    &[
        (
            NeedKind::StaffSkills,
            "Un analista de datos a tiempo completo",
        ),
        (
            NeedKind::Technology,
            "Servidor y alojamiento para el catálogo de datos",
        ),
    ],
    &[
        (
            NeedKind::Legal,
            "Ordenanza provincial de participación ciudadana actualizada",
        ),
        (
            NeedKind::Budget,
            "Fondos para asambleas en las parroquias rurales",
        ),
        (
            NeedKind::StaffSkills,
            "Formación en facilitación de procesos participativos",
        ),
    ],
    &[
        (
            NeedKind::Data,
            "Inventario de los datos que ya produce cada dirección",
        ),
        (
            NeedKind::StaffSkills,
            "Capacitación en lenguaje claro para las rendiciones de cuentas",
        ),
    ],
    &[
        (
            NeedKind::Budget,
            "Cofinanciamiento para el sistema de seguimiento de obras",
        ),
        (
            NeedKind::Partnerships,
            "Convenio con una universidad local para el observatorio ciudadano",
        ),
        (
            NeedKind::Technology,
            "Herramienta en línea para recibir y responder solicitudes de información",
        ),
    ],
    &[
        (
            NeedKind::StaffSkills,
            "Personal para atender las solicitudes de acceso a la información",
        ),
        (
            NeedKind::PoliticalSupport,
            "Acuerdo del consejo provincial sobre la silla vacía",
        ),
    ],
    &[
        (
            NeedKind::Legal,
            "Reglamento interno de publicación de datos abiertos",
        ),
        (
            NeedKind::Data,
            "Datos de contratación pública con fechas y montos completos",
        ),
        (
            NeedKind::Budget,
            "Presupuesto para difundir la rendición de cuentas en radio comunitaria",
        ),
    ],
    &[
        (
            NeedKind::StaffSkills,
            "Capacitación en presupuestos participativos",
        ),
        (
            NeedKind::Technology,
            "Conectividad en los puntos de atención cantonales",
        ),
        (
            NeedKind::Budget,
            "Partida para el presupuesto participativo de 2027",
        ),
    ],
];

/// Records the demo's needs, each by the first member of its team. Written directly, like
/// the demo's votes: the demo sits in the assessment phase, where teams do not record needs.
pub async fn add(conn: &mut AnyConnection, workshop: WorkshopId) -> AppResult<()> {
    let teams: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM teams WHERE workshop_id = $1 ORDER BY position, id")
            .bind(workshop.0)
            .fetch_all(&mut *conn)
            .await?;
    let at = now();
    for (team, needs) in teams.into_iter().zip(NEEDS) {
        let actions: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM actions WHERE team_id = $1 ORDER BY id")
                .bind(team)
                .fetch_all(&mut *conn)
                .await?;
        let author: Option<i64> =
            sqlx::query("SELECT id FROM participants WHERE team_id = $1 ORDER BY id LIMIT 1")
                .bind(team)
                .fetch_optional(&mut *conn)
                .await?
                .map(|row| row.try_get("id"))
                .transpose()?;
        for (n, (kind, description)) in needs.iter().enumerate() {
            let need: i64 = sqlx::query_scalar(
                "INSERT INTO needs (workshop_id, team_id, kind, description, created_by, created_at,
                     updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
            )
            .bind(workshop.0)
            .bind(team)
            .bind(kind.as_str())
            .bind(*description)
            .bind(author)
            .bind(at)
            .fetch_one(&mut *conn)
            .await?;
            for action in [n, n + 2].iter().filter_map(|i| actions.get(*i)) {
                sqlx::query(
                    "INSERT INTO need_actions (need_id, action_id, team_id) VALUES ($1, $2, $3)",
                )
                .bind(need)
                .bind(*action)
                .bind(team)
                .execute(&mut *conn)
                .await?;
            }
        }
    }
    Ok(())
}

/// How many demo teams need each kind, in [`NeedKind::ALL`] order: what the dashboard of a
/// freshly loaded demo shows.
pub fn teams_per_kind() -> [usize; 7] {
    NeedKind::ALL.map(|kind| {
        NEEDS
            .iter()
            .filter(|needs| needs.iter().any(|(k, _)| *k == kind))
            .count()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_team_has_needs_and_most_lack_skills_and_money() {
        assert!(NEEDS.iter().all(|needs| !needs.is_empty()));
        // Legal, budget, staff and skills, technology, data, political support, partnerships.
        assert_eq!(teams_per_kind(), [2, 5, 6, 3, 2, 2, 1]);
        for needs in NEEDS {
            for (_, description) in needs {
                let length = description.chars().count();
                assert!((1..=super::super::model::MAX_DESCRIPTION).contains(&length));
            }
        }
    }
}
