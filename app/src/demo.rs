//! The demo workshop: real Ecuadorian prefectures, fictitious people and answers.
//!
//! The answers come from a seeded generator, so every machine gets the same demo. Each team
//! has its own profile per pillar, members mostly agree around it, and a few indicators are
//! contested, so strengths, weaknesses and disagreements all show.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::assessment::{repo as answers, Answer, Mark, MaturityLevel, Response};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::facilitator::{password, repo as facilitators, Email};
use crate::framework::{default_framework, repo::outline};
use crate::ids::WorkshopId;
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
    for (team, profile) in teams.iter().zip(TEAMS.iter()) {
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
            for (p, pillar) in pillars.iter().enumerate() {
                for (i, indicator) in pillar.indicators.iter().enumerate() {
                    let index = p * 5 + i;
                    let answer = generate_answer(
                        &mut rng,
                        profile.pillars[p % 4],
                        (i as f64 - 2.0) * 0.25,
                        contested.contains(&index),
                    );
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
    }
    tx.commit().await?;
    Ok(DemoOutcome {
        workshop,
        join_code,
        created: true,
    })
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
