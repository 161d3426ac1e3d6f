//! Reading a session form on the server: local day and times in an IANA time zone become
//! UTC instants, links must be http(s). Server only: the time-zone database stays out of
//! the browser's bundle.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::model::{Material, SessionForm, SessionView, LINK_MAX_CHARS};
use super::rules;
use crate::error::{AppError, AppResult};
use crate::i18n::Key;
use crate::ids::ProgrammeSessionId;
use crate::workshop::Phase;

/// A session, checked and ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    /// Title.
    pub title: String,
    /// Start, seconds since the epoch.
    pub starts_at: i64,
    /// End, seconds since the epoch (after the start).
    pub ends_at: i64,
    /// IANA time zone name, as the database spells it.
    pub time_zone: String,
    /// Panelists.
    pub panelists: Vec<String>,
    /// Linked phase.
    pub phase: Option<Phase>,
    /// Video-call link.
    pub call_link: Option<String>,
    /// Materials.
    pub materials: Vec<Material>,
}

/// The time zone of that name, from the database compiled into the server.
pub fn zone(name: &str) -> Option<TimeZone> {
    let name = name.trim();
    // Only names from the database: `TimeZone::get` would also accept nothing else, but
    // checking the shape first keeps odd input away from it.
    if name.is_empty() || name.len() > 64 || !name.chars().all(|c| c.is_ascii_graphic()) {
        return None;
    }
    TimeZone::get(name).ok()
}

/// The zone's canonical name as stored (the database's spelling, whatever case was typed).
fn zone_name(name: &str, tz: &TimeZone) -> String {
    tz.iana_name().unwrap_or(name.trim()).to_owned()
}

/// An http(s) link with a host, of reasonable length; `None` for an empty field.
pub fn link(field: &str, typed: &str) -> AppResult<Option<String>> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    if typed.chars().count() > LINK_MAX_CHARS {
        return Err(AppError::invalid(field, Key::PrgErrTextLong));
    }
    match url::Url::parse(typed) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host_str().is_some() => {
            Ok(Some(url.to_string()))
        }
        _ => Err(AppError::invalid(field, Key::PrgErrLink)),
    }
}

fn day(typed: &str) -> AppResult<Date> {
    typed
        .trim()
        .parse::<Date>()
        .ok()
        // Workshops happen in this century; other years are typing slips.
        .filter(|d| (2000..=2100).contains(&d.year()))
        .ok_or_else(|| AppError::invalid("day", Key::PrgErrDay))
}

fn time(field: &str, typed: &str) -> AppResult<Time> {
    let typed = typed.trim();
    // `hh:mm` as time inputs send it, or `hh:mm:ss`.
    if !(typed.len() == 5 || typed.len() == 8) {
        return Err(AppError::invalid(field, Key::PrgErrTime));
    }
    typed
        .parse::<Time>()
        .map_err(|_| AppError::invalid(field, Key::PrgErrTime))
}

/// Reads the whole form, reporting every wrong field at once.
pub fn parse(form: &SessionForm) -> AppResult<NewSession> {
    let title = rules::title(&form.title);
    let panelists = rules::panelists(&form.panelists);
    let phase = rules::phase(&form.phase);
    let call_link = link("call_link", &form.call_link);
    let tz = zone(&form.time_zone).ok_or_else(|| AppError::invalid("time_zone", Key::PrgErrZone));
    let day = day(&form.day);
    let starts = time("starts", &form.starts);
    let ends = time("ends", &form.ends);
    let mut materials = Vec::new();
    let mut material_errors = Vec::new();
    for (i, (title, url)) in form.materials().into_iter().enumerate() {
        if title.trim().is_empty() && url.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        let url_field = format!("m{n}_url");
        let title = rules::material_title(&format!("m{n}_title"), title);
        let url = match link(&url_field, url) {
            Ok(Some(url)) => Ok(url),
            Ok(None) => Err(AppError::invalid(&url_field, Key::PrgErrLink)),
            Err(e) => Err(e),
        };
        match (title, url) {
            (Ok(title), Ok(url)) => materials.push(Material { title, url }),
            (title, url) => {
                material_errors.push(title.err());
                material_errors.push(url.err());
            }
        }
    }
    // The instants, once day, times and zone are known; the end must come after the start.
    let instants = match (&tz, &day, &starts, &ends) {
        (Ok(tz), Ok(day), Ok(starts), Ok(ends)) => {
            let at = |t: Time| {
                tz.to_timestamp(day.to_datetime(t))
                    .map(Timestamp::as_second)
            };
            match (at(*starts), at(*ends)) {
                (Ok(s), Ok(e)) if e > s => Ok((s, e)),
                (Ok(_), Ok(_)) => Err(AppError::invalid("ends", Key::PrgErrEndBeforeStart)),
                _ => Err(AppError::invalid("day", Key::PrgErrDay)),
            }
        }
        _ => Err(AppError::BadRequest),
    };
    let errors = [
        title.as_ref().err().cloned(),
        panelists.as_ref().err().cloned(),
        phase.as_ref().err().cloned(),
        call_link.as_ref().err().cloned(),
        tz.as_ref().err().cloned(),
        day.as_ref().err().cloned(),
        starts.as_ref().err().cloned(),
        ends.as_ref().err().cloned(),
        // Only meaningful when its parts were all right (else they explain it).
        instants
            .as_ref()
            .err()
            .filter(|e| **e != AppError::BadRequest)
            .cloned(),
    ]
    .into_iter()
    .chain(material_errors);
    if let Some(error) = AppError::merge(errors) {
        return Err(error);
    }
    let (starts_at, ends_at) = instants?;
    let tz = tz?;
    Ok(NewSession {
        title: title?,
        starts_at,
        ends_at,
        time_zone: zone_name(&form.time_zone, &tz),
        panelists: panelists?,
        phase: phase?,
        call_link: call_link?,
        materials,
    })
}

/// A stored session written out in its own time zone, for the pages.
pub fn view(id: ProgrammeSessionId, stored: NewSession) -> SessionView {
    let tz = zone(&stored.time_zone).unwrap_or(TimeZone::UTC);
    let local = |at: i64| {
        Timestamp::from_second(at)
            .map(|ts| tz.to_datetime(ts))
            .unwrap_or_default()
    };
    let (start, end) = (local(stored.starts_at), local(stored.ends_at));
    let offset = Timestamp::from_second(stored.starts_at)
        .map(|ts| tz.to_offset(ts).seconds())
        .unwrap_or_default();
    let hm = |t: jiff::civil::DateTime| format!("{:02}:{:02}", t.hour(), t.minute());
    SessionView {
        id,
        title: stored.title,
        starts_at: stored.starts_at,
        ends_at: stored.ends_at,
        day: start.date().to_string(),
        weekday: u8::try_from(start.weekday().to_monday_zero_offset()).unwrap_or_default(),
        starts: hm(start),
        ends: hm(end),
        offset: rules::offset_label(offset),
        time_zone: stored.time_zone,
        panelists: stored.panelists,
        phase: stored.phase,
        call_link: stored.call_link,
        materials: stored.materials,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SessionForm {
        SessionForm {
            title: "ABC del gobierno abierto".into(),
            day: "2026-11-30".into(),
            starts: "09:00".into(),
            ends: "10:30".into(),
            time_zone: "America/Guayaquil".into(),
            panelists: "Ana Pérez\nLuis Mora".into(),
            phase: "review".into(),
            call_link: "https://meet.example.org/abc".into(),
            m1_title: "Guía".into(),
            m1_url: "https://example.org/guia.pdf".into(),
            ..SessionForm::default()
        }
    }

    fn fields(error: AppError) -> Vec<String> {
        match error {
            AppError::Validation { fields } => fields.into_keys().collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn local_times_become_utc_instants() {
        let s = parse(&form()).unwrap();
        // 09:00 in Guayaquil (UTC−5) is 14:00 UTC.
        assert_eq!(
            Timestamp::from_second(s.starts_at).unwrap().to_string(),
            "2026-11-30T14:00:00Z"
        );
        assert_eq!(s.ends_at - s.starts_at, 90 * 60);
        assert_eq!(s.phase, Some(Phase::Review));
        assert_eq!(s.materials.len(), 1);
        let v = view(ProgrammeSessionId(1), s);
        assert_eq!(v.time_range(), "09:00–10:30");
        assert_eq!(v.zone_label(), "America/Guayaquil, UTC−5");
        assert_eq!(v.day, "2026-11-30");
        assert_eq!(v.weekday, 0, "a Monday");
    }

    #[test]
    fn a_zone_with_summer_time_uses_the_offset_of_the_day() {
        let madrid = |day: &str| {
            let s = parse(&SessionForm {
                day: day.into(),
                time_zone: "Europe/Madrid".into(),
                ..form()
            })
            .unwrap();
            view(ProgrammeSessionId(1), s).offset
        };
        assert_eq!(madrid("2026-07-01"), "UTC+2");
        assert_eq!(madrid("2026-12-01"), "UTC+1");
    }

    #[test]
    fn galapagos_is_an_hour_behind_the_mainland() {
        let s = parse(&SessionForm {
            time_zone: "Pacific/Galapagos".into(),
            ..form()
        })
        .unwrap();
        assert_eq!(view(ProgrammeSessionId(1), s).offset, "UTC−6");
    }

    #[test]
    fn the_end_must_come_after_the_start() {
        for ends in ["09:00", "08:59"] {
            let error = parse(&SessionForm {
                ends: ends.into(),
                ..form()
            })
            .unwrap_err();
            assert_eq!(fields(error), ["ends"]);
        }
    }

    #[test]
    fn malformed_times_days_and_zones_are_named() {
        let error = parse(&SessionForm {
            day: "30/11/2026".into(),
            starts: "9am".into(),
            ends: "25:00".into(),
            time_zone: "Mars/Olympus".into(),
            ..form()
        })
        .unwrap_err();
        assert_eq!(fields(error), ["day", "ends", "starts", "time_zone"]);
        assert!(parse(&SessionForm {
            day: "1850-01-01".into(),
            ..form()
        })
        .is_err());
    }

    #[test]
    fn only_http_links_are_taken() {
        for bad in [
            "javascript:alert(1)",
            "ftp://example.org/x",
            "data:text/html,hola",
            "meet.example.org",
            "https://",
        ] {
            let error = parse(&SessionForm {
                call_link: bad.into(),
                m2_title: "Acta".into(),
                m2_url: bad.into(),
                ..form()
            })
            .unwrap_err();
            assert_eq!(fields(error), ["call_link", "m2_url"], "{bad}");
        }
        let long = format!("https://example.org/{}", "a".repeat(LINK_MAX_CHARS));
        assert!(parse(&SessionForm {
            call_link: long,
            ..form()
        })
        .is_err());
        assert_eq!(
            parse(&SessionForm {
                call_link: " http://example.org/x ".into(),
                ..form()
            })
            .unwrap()
            .call_link
            .as_deref(),
            Some("http://example.org/x")
        );
    }

    #[test]
    fn a_material_needs_both_title_and_link() {
        let error = parse(&SessionForm {
            m2_title: "Sin enlace".into(),
            m3_url: "https://example.org/sin-titulo".into(),
            ..form()
        })
        .unwrap_err();
        assert_eq!(fields(error), ["m2_url", "m3_title"]);
    }

    #[test]
    fn zone_names_are_stored_as_the_database_spells_them() {
        let s = parse(&SessionForm {
            time_zone: " america/guayaquil ".into(),
            ..form()
        })
        .unwrap();
        assert_eq!(s.time_zone, "America/Guayaquil");
    }
}
