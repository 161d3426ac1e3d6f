//! The demo workshop: real Ecuadorian prefectures, fictitious people and answers.
//!
//! The answers come from a seeded generator, so every machine gets the same demo. Each team
//! has its own profile per pillar, members mostly agree around it, and a few indicators are
//! contested, so strengths, weaknesses and disagreements all show.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::action::{repo as actions, CostBand, DotRules, Moscow, Rating};
use crate::assessment::{repo as answers, Answer, Mark, MaturityLevel, Response};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::facilitator::{password, repo as facilitators, Email};
use crate::framework::{default_framework, repo::outline};
use crate::ids::{ActionId, IndicatorId, ParticipantId, TeamId, WorkshopId};
use crate::workshop::{repo as workshops, JoinCode, Phase};

/// The demo's join code, as printed by `make run` and stated in the README.
pub const DEMO_JOIN_CODE: &str = "DEMO-2026";

/// The demo facilitator's login, as printed by `make run` and stated in the README. For the
/// demo only: anyone who reads the README can sign in with it.
pub const DEMO_FACILITATOR_EMAIL: &str = "demo@rumbo.example";
/// The demo facilitator's password.
pub const DEMO_FACILITATOR_PASSWORD: &str = "demo-rumbo-2026";

const SEED: u64 = 2026;

/// A team of the demo: its name, how many members answer, and its typical level per pillar
/// (transparency, participation, accountability, collaboration).
struct TeamProfile {
    name: &'static str,
    members: usize,
    pillars: [f64; 4],
}

const TEAMS: [TeamProfile; 8] = [
    TeamProfile {
        name: "GAD Provincial de Azuay",
        members: 5,
        pillars: [3.6, 3.4, 3.2, 2.6],
    },
    TeamProfile {
        name: "GAD Provincial de Pichincha",
        members: 6,
        pillars: [4.1, 3.3, 3.7, 3.5],
    },
    TeamProfile {
        name: "GAD Provincial del Guayas",
        members: 4,
        pillars: [3.4, 2.3, 3.0, 2.8],
    },
    TeamProfile {
        name: "GAD Provincial de Manabí",
        members: 4,
        pillars: [2.7, 2.9, 2.6, 1.9],
    },
    TeamProfile {
        name: "GAD Provincial de Loja",
        members: 3,
        pillars: [3.0, 3.8, 3.1, 2.2],
    },
    TeamProfile {
        name: "GAD Provincial de Imbabura",
        members: 5,
        pillars: [3.2, 4.0, 3.3, 2.9],
    },
    TeamProfile {
        name: "GAD Provincial de Napo",
        members: 3,
        pillars: [2.1, 2.6, 2.4, 1.6],
    },
    TeamProfile {
        name: "GAD Provincial de Tungurahua",
        members: 4,
        pillars: [3.3, 3.6, 2.9, 3.1],
    },
];

const FIRST_NAMES: [&str; 16] = [
    "María",
    "José",
    "Verónica",
    "Luis",
    "Gabriela",
    "Carlos",
    "Daniela",
    "Jorge",
    "Paola",
    "Andrés",
    "Fernanda",
    "Diego",
    "Lorena",
    "Marco",
    "Cristina",
    "Santiago",
];
const UNITS: [&str; 6] = [
    "Planificación",
    "Comunicación",
    "Participación Ciudadana",
    "Tecnologías de la Información",
    "Secretaría General",
    "Compras Públicas",
];

/// What `rumbo demo` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOutcome {
    /// The demo workshop.
    pub workshop: WorkshopId,
    /// Its join code.
    pub join_code: JoinCode,
    /// False when it was there already.
    pub created: bool,
}

/// Loads the demo workshop unless it is there already. Safe to run again, and from several
/// instances at once: at most one demo workshop can exist.
pub async fn load(db: &Db) -> AppResult<DemoOutcome> {
    let outcome = load_workshop(db).await?;
    ensure_facilitator(db, outcome.workshop).await?;
    Ok(outcome)
}

/// Creates the demo facilitator unless it exists, and makes it the demo workshop's owner.
async fn ensure_facilitator(db: &Db, workshop: WorkshopId) -> AppResult<()> {
    let email = Email::parse(DEMO_FACILITATOR_EMAIL)?;
    let id = match facilitators::by_email(db.pool(), &email).await? {
        Some((staff, _)) => staff.id,
        None => {
            let phc = password::hash(DEMO_FACILITATOR_PASSWORD.to_owned()).await?;
            match facilitators::create(db.pool(), &email, "Facilitadora demo", &phc, true).await {
                Ok(id) => id,
                // Another instance created it meanwhile.
                Err(AppError::Conflict { .. }) => facilitators::by_email(db.pool(), &email)
                    .await?
                    .map(|(staff, _)| staff.id)
                    .ok_or_else(|| AppError::internal("demo", "facilitator vanished"))?,
                Err(other) => return Err(other),
            }
        }
    };
    sqlx::query(
        "INSERT INTO workshop_facilitators (workshop_id, facilitator_id, role, added_at)
         VALUES ($1, $2, 'owner', $3) ON CONFLICT DO NOTHING",
    )
    .bind(workshop.0)
    .bind(id.0)
    .bind(crate::db::now())
    .execute(db.pool())
    .await?;
    Ok(())
}

async fn load_workshop(db: &Db) -> AppResult<DemoOutcome> {
    if let Some((workshop, _, join_code)) = workshops::demo(db.pool()).await? {
        return Ok(DemoOutcome {
            workshop,
            join_code,
            created: false,
        });
    }
    match create(db).await {
        Ok(outcome) => Ok(outcome),
        // Another instance created it between our check and our insert.
        Err(AppError::Conflict { .. }) => match workshops::demo(db.pool()).await? {
            Some((workshop, _, join_code)) => Ok(DemoOutcome {
                workshop,
                join_code,
                created: false,
            }),
            None => Err(AppError::internal(
                "demo",
                "conflict without a demo workshop",
            )),
        },
        Err(err) => Err(err),
    }
}

async fn create(db: &Db) -> AppResult<DemoOutcome> {
    let framework = default_framework()
        .map_err(|issues| AppError::internal("default framework", format!("{issues:?}")))?;
    let join_code = JoinCode::parse(DEMO_JOIN_CODE)?;
    let names: Vec<&str> = TEAMS.iter().map(|t| t.name).collect();

    let mut tx = db.pool().begin().await?;
    let workshop = workshops::create(
        &mut tx,
        &workshops::NewWorkshop {
            title: "Taller de gobierno abierto — prefecturas del Ecuador (demostración)",
            description: "Taller de demostración con respuestas ficticias, inspirado en el taller en línea de CONGOPE y CIFAL Ecuador.",
            join_code: &join_code,
            framework,
            teams: &names,
            phase: Phase::Assessment,
            anonymity_threshold: 3,
            is_demo: true,
        },
    )
    .await?;
    let framework_id = workshops::framework_of(&mut *tx, workshop).await?;
    let pillars = outline(&mut *tx, framework_id).await?;
    let teams = workshops::teams(&mut *tx, workshop).await?;

    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let mut person = 0_usize;
    let mut plans = Vec::with_capacity(teams.len());
    for (team, profile) in teams.iter().zip(TEAMS.iter()) {
        let mut members = Vec::with_capacity(profile.members);
        // Sum and count of the levels given per indicator, to find the team's weaknesses.
        let mut levels = [(0_u32, 0_u32); 20];
        // Each team has two indicators its members disagree about.
        let contested: Vec<usize> = (0..2).map(|_| rng.random_range(0..20)).collect();
        for _ in 0..profile.members {
            let name = format!(
                "{} ({})",
                FIRST_NAMES[person % FIRST_NAMES.len()],
                UNITS[person % UNITS.len()]
            );
            person += 1;
            let participant =
                workshops::add_participant(&mut *tx, workshop, team.id, &name).await?;
            members.push(participant);
            for (p, pillar) in pillars.iter().enumerate() {
                for (i, indicator) in pillar.indicators.iter().enumerate() {
                    let index = p * 5 + i;
                    let answer = generate_answer(
                        &mut rng,
                        profile.pillars[p % 4],
                        (i as f64 - 2.0) * 0.25,
                        contested.contains(&index),
                    );
                    if let (Response::Level(level), Some(slot)) = (answer.0, levels.get_mut(index))
                    {
                        slot.0 += u32::from(level.get());
                        slot.1 += 1;
                    }
                    answers::upsert(
                        &mut *tx,
                        &Answer {
                            participant,
                            indicator: indicator.id,
                            response: answer.0,
                            target: answer.1,
                            evidence_url: None,
                            note: None,
                            mark: answer.2,
                        },
                    )
                    .await?
                    // The demo is created in the assessment phase, so every answer is taken.
                    .ok_or_else(|| AppError::internal("demo answer refused", "phase"))?;
                }
            }
        }
        plans.push((team.id, members, weakest(&levels)));
    }
    let indicators: Vec<IndicatorId> = pillars
        .iter()
        .flat_map(|p| p.indicators.iter().map(|i| i.id))
        .collect();
    for (team, members, weak) in plans {
        let weak: Vec<IndicatorId> = weak
            .iter()
            .filter_map(|i| indicators.get(*i).copied())
            .collect();
        plan_actions(&mut tx, workshop, team, &members, &weak, &mut rng).await?;
    }
    crate::needs::demo::add(&mut tx, workshop).await?;
    crate::programme::demo::add(&mut tx, workshop).await?;
    // Published, so the public pages and open data have something to show (its answers
    // are fictitious).
    crate::sharing::repo::set_publication(
        &mut *tx,
        workshop,
        Some(crate::db::now()),
        crate::sharing::Licence::CcBy4,
    )
    .await?;
    tx.commit().await?;
    Ok(DemoOutcome {
        workshop,
        join_code,
        created: true,
    })
}

/// The indices (pillar × 5 + indicator) of the team's five lowest indicators by mean level.
fn weakest(levels: &[(u32, u32); 20]) -> Vec<usize> {
    let mut means: Vec<(usize, f64)> = levels
        .iter()
        .enumerate()
        .filter(|(_, (_, n))| *n > 0)
        .map(|(i, (sum, n))| (i, f64::from(*sum) / f64::from(*n)))
        .collect();
    means.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    means
        .into_iter()
        .take(ACTIONS_PER_TEAM)
        .map(|(i, _)| i)
        .collect()
}

/// Actions per demo team, one per weak indicator.
const ACTIONS_PER_TEAM: usize = 5;

/// The demo's roadmaps start on the first Monday of 2027.
const ROADMAP_START: time::Date = time::macros::date!(2027 - 01 - 04);

/// A team's prioritisation and roadmap: one action per weak indicator, taken from the
/// framework's suggestions, with ratings, a chain of dependencies, the members' dots, the
/// lead's MoSCoW tags, and the generated roadmap. Written directly: the demo workshop sits in
/// the assessment phase so visitors can answer, and the pages still show every chart.
async fn plan_actions(
    conn: &mut sqlx::AnyConnection,
    workshop: WorkshopId,
    team: TeamId,
    members: &[ParticipantId],
    weak: &[IndicatorId],
    rng: &mut impl Rng,
) -> AppResult<()> {
    let suggestions = actions::suggestions(&mut *conn, workshop).await?;
    let mut created: Vec<ActionId> = Vec::with_capacity(weak.len());
    for (n, indicator) in weak.iter().enumerate() {
        let Some((_, title, description)) = suggestions
            .iter()
            .filter(|(i, _, _)| i == indicator)
            .nth(n % 2)
            .or_else(|| suggestions.iter().find(|(i, _, _)| i == indicator))
        else {
            continue;
        };
        let rating = |rng: &mut dyn rand::RngCore| {
            Rating::new(rng.random_range(1..=5)).unwrap_or(Rating::ALL[2])
        };
        let impact = rating(rng);
        let effort = rating(rng);
        // The third action builds on the first and the fifth on the second, so the roadmap
        // shows dependencies.
        let depends_on: Vec<ActionId> = match n {
            2 => created.first().copied().into_iter().collect(),
            4 => created.get(1).copied().into_iter().collect(),
            _ => Vec::new(),
        };
        let id = actions::create(
            &mut *conn,
            &actions::NewAction {
                workshop,
                team,
                title: &title.es,
                description: &description.es,
                unit: UNITS[(n + team.0 as usize) % UNITS.len()],
                impact,
                effort,
                cost: CostBand::ALL[rng.random_range(0..CostBand::ALL.len())],
                indicators: &[*indicator],
                depends_on: &depends_on,
                proposed_by: members.get(n % members.len().max(1)).copied(),
            },
        )
        .await?;
        created.push(id);
    }
    // Every member spends the default five dots, stacking some.
    for member in members {
        let mut dots: Vec<(ActionId, i64)> = Vec::new();
        for _ in 0..DotRules::default().per_participant {
            let Some(action) = created.get(rng.random_range(0..created.len().max(1))) else {
                break;
            };
            match dots.iter_mut().find(|(a, _)| a == action) {
                Some((_, n)) => *n += 1,
                None => dots.push((*action, 1)),
            }
        }
        for (action, n) in dots {
            sqlx::query(
                "INSERT INTO action_votes (action_id, participant_id, dots) VALUES ($1, $2, $3)",
            )
            .bind(action.0)
            .bind(member.0)
            .bind(n)
            .execute(&mut *conn)
            .await?;
        }
    }
    // The lead's tags: the first two are musts, the last one waits for another time.
    for (n, action) in created.iter().enumerate() {
        let tag = match n {
            0 | 1 => Moscow::Must,
            2 => Moscow::Should,
            n if n + 1 == created.len() && created.len() > 3 => Moscow::Wont,
            _ => Moscow::Could,
        };
        sqlx::query("UPDATE actions SET moscow = $1 WHERE id = $2")
            .bind(tag.as_str())
            .bind(action.0)
            .execute(&mut *conn)
            .await?;
    }
    crate::roadmap::generate_for_team(conn, workshop, team, ROADMAP_START, false).await?;
    Ok(())
}

/// One member's answer: around the team's level for the pillar, with rare "don't know" and
/// "not applicable", wide spread on contested indicators, a target above the level, and a
/// strength or weakness mark where the level is clearly high or low.
fn generate_answer(
    rng: &mut impl Rng,
    pillar_level: f64,
    indicator_offset: f64,
    contested: bool,
) -> (Response, Option<MaturityLevel>, Mark) {
    let roll: f64 = rng.random();
    if roll < 0.04 {
        return (Response::DontKnow, None, Mark::Neutral);
    }
    if roll < 0.06 {
        return (Response::NotApplicable, None, Mark::Neutral);
    }
    let spread = if contested { 1.8 } else { 0.7 };
    let raw = pillar_level + indicator_offset + rng.random_range(-spread..=spread);
    let level = raw.round().clamp(1.0, 5.0) as u8;
    let level = MaturityLevel::try_from(level).unwrap_or(MaturityLevel::MIN);
    let target = MaturityLevel::try_from((level.get() + rng.random_range(1..=2)).min(5)).ok();
    let mark = match level.get() {
        4..=5 if rng.random_bool(0.7) => Mark::Strength,
        1..=2 if rng.random_bool(0.7) => Mark::Weakness,
        _ => Mark::Neutral,
    };
    (Response::Level(level), target, mark)
}
