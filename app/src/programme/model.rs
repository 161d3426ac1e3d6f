//! What the programme pages read and post: sessions as the facilitator types them, and as
//! every page shows them (times already written out in the session's own time zone).

use serde::{Deserialize, Serialize};

use crate::ids::ProgrammeSessionId;
use crate::workshop::{Phase, WorkshopSummary};

/// The time zone a new session is entered in when the workshop has no session yet: mainland
/// Ecuador, where Rumbo's workshops come from.
pub const DEFAULT_TIME_ZONE: &str = "America/Guayaquil";
/// The longest session title accepted.
pub const TITLE_MAX_CHARS: usize = 200;
/// The most panelists a session lists.
pub const MAX_PANELISTS: usize = 12;
/// The longest panelist line accepted (a name and an affiliation).
pub const PANELIST_MAX_CHARS: usize = 120;
/// How many materials (title and link) a session carries.
pub const MAX_MATERIALS: usize = 3;
/// The longest material title accepted.
pub const MATERIAL_TITLE_MAX_CHARS: usize = 120;
/// The longest link accepted (video call or material).
pub const LINK_MAX_CHARS: usize = 500;
/// The most sessions a workshop's programme holds.
pub const MAX_SESSIONS: usize = 200;

/// The session form as posted: every field as typed. Materials are three fixed pairs of
/// fields, which a phone shows as plain inputs without any script.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionForm {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// The day, `yyyy-mm-dd`, in the session's time zone.
    #[serde(default)]
    pub day: String,
    /// Start, `hh:mm`, local time.
    #[serde(default)]
    pub starts: String,
    /// End, `hh:mm`, local time, the same day.
    #[serde(default)]
    pub ends: String,
    /// IANA time zone, e.g. `America/Guayaquil`.
    #[serde(default)]
    pub time_zone: String,
    /// Panelists, one per line.
    #[serde(default)]
    pub panelists: String,
    /// A workshop phase (`review`, `prioritisation`…), or empty.
    #[serde(default)]
    pub phase: String,
    /// The video-call link, or empty.
    #[serde(default)]
    pub call_link: String,
    /// First material's title.
    #[serde(default)]
    pub m1_title: String,
    /// First material's link.
    #[serde(default)]
    pub m1_url: String,
    /// Second material's title.
    #[serde(default)]
    pub m2_title: String,
    /// Second material's link.
    #[serde(default)]
    pub m2_url: String,
    /// Third material's title.
    #[serde(default)]
    pub m3_title: String,
    /// Third material's link.
    #[serde(default)]
    pub m3_url: String,
}

impl SessionForm {
    /// The materials' fields in order, each as `(title, url)`, with their form names.
    pub fn materials(&self) -> [(&str, &str); MAX_MATERIALS] {
        [
            (&self.m1_title, &self.m1_url),
            (&self.m2_title, &self.m2_url),
            (&self.m3_title, &self.m3_url),
        ]
        .map(|(t, u)| (t.as_str(), u.as_str()))
    }
}

/// A document or page for a session: a title and an http(s) link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    /// What it is.
    pub title: String,
    /// Where it is (http or https).
    pub url: String,
}

/// A session as every page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// Id.
    pub id: ProgrammeSessionId,
    /// Title.
    pub title: String,
    /// Start, seconds since the epoch (UTC).
    pub starts_at: i64,
    /// End, seconds since the epoch (UTC).
    pub ends_at: i64,
    /// The time zone it was entered in (IANA name).
    pub time_zone: String,
    /// The local day, `yyyy-mm-dd`; sessions are grouped by it.
    pub day: String,
    /// The local day of the week, 0 = Monday.
    pub weekday: u8,
    /// Local start, `hh:mm`.
    pub starts: String,
    /// Local end, `hh:mm`.
    pub ends: String,
    /// The zone's offset from UTC at the start, e.g. `UTC−5` or `UTC+5:30`.
    pub offset: String,
    /// Panelists, in order.
    pub panelists: Vec<String>,
    /// The workshop phase it belongs to, if any.
    pub phase: Option<Phase>,
    /// The video-call link, if any.
    pub call_link: Option<String>,
    /// Materials, in order.
    pub materials: Vec<Material>,
}

impl SessionView {
    /// "09:00–10:30".
    pub fn time_range(&self) -> String {
        format!("{}–{}", self.starts, self.ends)
    }

    /// "America/Guayaquil, UTC−5".
    pub fn zone_label(&self) -> String {
        format!("{}, {}", self.time_zone, self.offset)
    }

    /// The form filled with this session, for editing it.
    pub fn to_form(&self) -> SessionForm {
        let material = |i: usize| self.materials.get(i).cloned();
        let title = |i: usize| material(i).map(|m| m.title).unwrap_or_default();
        let url = |i: usize| material(i).map(|m| m.url).unwrap_or_default();
        SessionForm {
            title: self.title.clone(),
            day: self.day.clone(),
            starts: self.starts.clone(),
            ends: self.ends.clone(),
            time_zone: self.time_zone.clone(),
            panelists: self.panelists.join("\n"),
            phase: self
                .phase
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default(),
            call_link: self.call_link.clone().unwrap_or_default(),
            m1_title: title(0),
            m1_url: url(0),
            m2_title: title(1),
            m2_url: url(1),
            m3_title: title(2),
            m3_url: url(2),
        }
    }
}

/// A workshop's programme, as its pages show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeView {
    /// The workshop (its phase included).
    pub workshop: WorkshopSummary,
    /// Whether the caller runs the workshop (and may edit the programme).
    pub staff: bool,
    /// Sessions, by start.
    pub sessions: Vec<SessionView>,
    /// The session on now (an index into `sessions`), when the page was made.
    pub now: Option<usize>,
    /// The next session to start (an index into `sessions`).
    pub next: Option<usize>,
    /// The phase the programme says the workshop should be in, when it differs from the
    /// workshop's phase (shown to facilitators only).
    pub follow: Option<Phase>,
    /// The zone a new session is entered in: the last session's, else the default.
    pub default_zone: String,
}

impl ProgrammeView {
    /// The sessions grouped by local day, in order.
    pub fn days(&self) -> Vec<(String, u8, Vec<SessionView>)> {
        let mut days: Vec<(String, u8, Vec<SessionView>)> = Vec::new();
        for session in &self.sessions {
            match days.last_mut() {
                Some((day, _, list)) if *day == session.day => list.push(session.clone()),
                _ => days.push((session.day.clone(), session.weekday, vec![session.clone()])),
            }
        }
        days
    }
}
