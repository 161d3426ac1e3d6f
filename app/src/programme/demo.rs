//! The demo workshop's programme: the two days of the CONGOPE / CIFAL Ecuador workshop it is
//! modelled on, starting on the day the demo is loaded, so "now" and "next" show at once.

use super::input::parse;
use super::model::{SessionForm, DEFAULT_TIME_ZONE};
use super::repo;
use crate::error::{AppError, AppResult};
use crate::ids::WorkshopId;

/// (day offset, start, end, title, phase, material title, material link)
type Slot = (
    i8,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const OGP: &str = "https://www.opengovpartnership.org/";
const OGP_LOCAL: &str = "https://www.opengovpartnership.org/ogp-local/";

/// The original agenda: the ABC and the experiences first, then the self-assessment,
/// prioritisation, needs and roadmap.
const SLOTS: [Slot; 8] = [
    (
        0,
        "08:30",
        "09:00",
        "Bienvenida y objetivos del taller",
        "",
        "",
        "",
    ),
    (
        0,
        "09:00",
        "10:30",
        "El ABC del gobierno abierto",
        "",
        "Open Government Partnership",
        OGP,
    ),
    (
        0,
        "10:45",
        "12:30",
        "Experiencias de implementación: casos internacionales y situación del Ecuador",
        "",
        "OGP Local",
        OGP_LOCAL,
    ),
    (
        0,
        "14:00",
        "17:00",
        "Autoevaluación por prefectura: fortalezas y debilidades",
        "assessment",
        "",
        "",
    ),
    (
        1,
        "08:30",
        "10:00",
        "Resultados del taller y diferencias de criterio",
        "review",
        "",
        "",
    ),
    (
        1,
        "10:15",
        "12:30",
        "Acciones y priorización",
        "prioritisation",
        "",
        "",
    ),
    (
        1,
        "14:00",
        "16:00",
        "Necesidades de implementación y hoja de ruta",
        "roadmap",
        "",
        "",
    ),
    (1, "16:00", "16:30", "Cierre y próximos pasos", "", "", ""),
];

/// Adds the demo's sessions to `workshop`, the first day being today in mainland Ecuador.
pub async fn add(conn: &mut sqlx::AnyConnection, workshop: WorkshopId) -> AppResult<()> {
    let zone = super::input::zone(DEFAULT_TIME_ZONE)
        .ok_or_else(|| AppError::internal("demo programme", "time zone missing"))?;
    let today = zone.to_datetime(jiff::Timestamp::now()).date();
    for (offset, starts, ends, title, phase, m1_title, m1_url) in SLOTS {
        let day = today
            .checked_add(jiff::Span::new().days(offset))
            .map_err(|e| AppError::internal("demo programme", e))?;
        let form = SessionForm {
            title: title.to_owned(),
            day: day.to_string(),
            starts: starts.to_owned(),
            ends: ends.to_owned(),
            time_zone: DEFAULT_TIME_ZONE.to_owned(),
            panelists: "Equipo facilitador (demostración)".to_owned(),
            phase: phase.to_owned(),
            call_link: "https://meet.example.org/rumbo-demo".to_owned(),
            m1_title: m1_title.to_owned(),
            m1_url: m1_url.to_owned(),
            ..SessionForm::default()
        };
        repo::insert(conn, workshop, &parse(&form)?).await?;
    }
    Ok(())
}
