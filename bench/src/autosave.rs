//! Participants joining and answering a whole framework at once, against Rumbo and against
//! the baseline.
//!
//! Each simulated participant is a closed loop: it sends its next save once the last one is
//! acknowledged, as the page's saver does. With no pause between saves this measures capacity
//! (the most saves per second the server keeps up with, and the latency at that load); with a
//! pause (`Load::think`) it measures the latency a crowd working at that pace sees.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::client::{loopback, Browser, Error};
use crate::setup::Workshop;
use crate::stats::Samples;

/// One run at one number of participants.
#[derive(Debug, Default)]
pub struct Run {
    /// Acknowledged saves.
    pub saves: usize,
    /// Saves that failed (any status but 200, or no answer).
    pub errors: usize,
    /// The first failure, to show.
    pub first_error: Option<String>,
    /// From the first save sent to the last acknowledged.
    pub elapsed: Duration,
    /// The latency of every acknowledged save.
    pub latency: Samples,
    /// The latency of joining (finding the workshop, then joining a team), per participant.
    pub join: Samples,
}

impl Run {
    /// Acknowledged saves per second.
    pub fn throughput(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.saves as f64 / secs
        } else {
            0.0
        }
    }

    fn absorb(&mut self, part: Part) {
        self.saves += part.latency.len();
        self.errors += part.errors;
        if self.first_error.is_none() {
            self.first_error = part.first_error;
        }
        self.latency.extend(part.latency);
    }
}

/// How the participants work.
#[derive(Debug, Clone, Copy)]
pub struct Load {
    /// How many times each answers the whole framework.
    pub passes: usize,
    /// The mean pause before each save (each pause is drawn between half and one and a half
    /// times this); `None` for none.
    pub think: Option<Duration>,
    /// No save is started after this long; a slow server then answers fewer.
    pub limit: Duration,
}

impl Load {
    /// The pause participant `person` takes before their `n`-th save: spread evenly between
    /// half and one and a half times the mean, the same on every run.
    pub fn pause(&self, person: usize, n: usize) -> Option<Duration> {
        let think = self.think?;
        let x = (person as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .wrapping_add((n as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9));
        let fraction = ((x >> 11) % 1000) as f64 / 1000.0;
        Some(think.mul_f64(0.5 + fraction))
    }
}

#[derive(Default)]
struct Part {
    latency: Samples,
    errors: usize,
    first_error: Option<String>,
}

impl Part {
    fn fail(&mut self, message: String) {
        self.errors += 1;
        if self.first_error.is_none() {
            self.first_error = Some(message);
        }
    }
}

/// The answer participant `person` gives to the `k`-th indicator on pass `pass`.
pub fn level(person: usize, k: usize, pass: usize) -> u8 {
    // Varied, and different on every pass so that later passes really change the answer.
    1 + ((person * 7 + k * 3 + pass) % 5) as u8
}

/// `people` new participants join `workshop` on Rumbo at `addr`, spread over its teams, then
/// all answer every indicator `passes` times. `first` numbers the participants (and so their
/// loopback addresses) apart from earlier runs'.
pub async fn rumbo(
    addr: SocketAddr,
    workshop: &Workshop,
    people: usize,
    first: usize,
    load: Load,
) -> Result<Run, Error> {
    let workshop = Arc::new(workshop.clone());
    let mut run = Run::default();
    // Joining, all at once: the crowd arriving when the facilitator shows the code.
    let mut joins = Vec::with_capacity(people);
    for i in 0..people {
        let workshop = workshop.clone();
        joins.push(tokio::spawn(async move {
            let person = first + i;
            let mut browser = Browser::new(addr, loopback(person));
            let team = workshop.teams[person % workshop.teams.len()].to_string();
            let name = format!("Participante {person}");
            let started = Instant::now();
            let found = browser
                .call("find_workshop", &[("code", &workshop.code)])
                .await?;
            if !found.status.is_success() {
                return Err(format!("find_workshop ({}): {}", found.status, found.text()).into());
            }
            let joined = browser
                .call(
                    "join_workshop",
                    &[("code", &workshop.code), ("name", &name), ("team", &team)],
                )
                .await?;
            let took = started.elapsed();
            let cookie = joined
                .cookie("rumbo_session")
                .ok_or_else(|| format!("join_workshop ({}): {}", joined.status, joined.text()))?;
            browser.set_cookie(cookie);
            Ok::<_, Error>((person, browser, took))
        }));
    }
    let mut browsers = Vec::with_capacity(people);
    for join in joins {
        let (person, browser, took) = join.await??;
        run.join.push(took);
        browsers.push((person, browser));
    }

    let started = Instant::now();
    let stop = started + load.limit;
    let mut tasks = Vec::with_capacity(people);
    for (person, browser) in browsers {
        let workshop = workshop.clone();
        tasks.push(tokio::spawn(async move {
            let mut part = Part::default();
            let id = workshop.id.to_string();
            let count = workshop.indicators.len();
            for pass in 0..load.passes {
                for (k, indicator) in workshop.indicators.iter().enumerate() {
                    if let Some(pause) = load.pause(person, pass * count + k) {
                        tokio::time::sleep(pause).await;
                    }
                    if Instant::now() >= stop {
                        return part;
                    }
                    let level = level(person, k, pass);
                    let response = level.to_string();
                    let target = (level + 1).min(5).to_string();
                    let indicator = indicator.to_string();
                    let sent = Instant::now();
                    // The fields the assessment form sends, empty ones included.
                    let reply = browser
                        .call(
                            "save_answer",
                            &[
                                ("workshop", &id),
                                ("indicator", &indicator),
                                ("response", &response),
                                ("target", &target),
                                ("evidence", ""),
                                ("note", ""),
                                ("mark", "neutral"),
                            ],
                        )
                        .await;
                    match reply {
                        Ok(reply) if reply.status.is_success() => part.latency.push(sent.elapsed()),
                        Ok(reply) => {
                            part.fail(format!("save_answer ({}): {}", reply.status, reply.text()))
                        }
                        Err(e) => part.fail(format!("save_answer: {e}")),
                    }
                }
            }
            part
        }));
    }
    for task in tasks {
        run.absorb(task.await?);
    }
    run.elapsed = started.elapsed();
    Ok(run)
}

/// The same load on the baseline at `addr`: `people` clients, each sending as many saves.
pub async fn baseline(
    addr: SocketAddr,
    indicators: usize,
    people: usize,
    first: usize,
    load: Load,
) -> Result<Run, Error> {
    let browsers: Vec<(usize, Browser)> = (0..people)
        .map(|i| (first + i, Browser::new(addr, loopback(first + i))))
        .collect();
    let started = Instant::now();
    let stop = started + load.limit;
    let mut tasks = Vec::with_capacity(people);
    for (person, browser) in browsers {
        tasks.push(tokio::spawn(async move {
            let mut part = Part::default();
            for pass in 0..load.passes {
                for k in 0..indicators {
                    if let Some(pause) = load.pause(person, pass * indicators + k) {
                        tokio::time::sleep(pause).await;
                    }
                    if Instant::now() >= stop {
                        return part;
                    }
                    let body = format!(
                        "participant={person}&indicator={k}&response={}",
                        level(person, k, pass)
                    );
                    let sent = Instant::now();
                    match browser.post_form("/save", body).await {
                        Ok(reply) if reply.status.is_success() => part.latency.push(sent.elapsed()),
                        Ok(reply) => {
                            part.fail(format!("baseline ({}): {}", reply.status, reply.text()))
                        }
                        Err(e) => part.fail(format!("baseline: {e}")),
                    }
                }
            }
            part
        }));
    }
    let mut run = Run::default();
    for task in tasks {
        run.absorb(task.await?);
    }
    run.elapsed = started.elapsed();
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_valid_and_change_between_passes() {
        for person in 0..50 {
            for k in 0..20 {
                let first = level(person, k, 0);
                assert!((1..=5).contains(&first));
                assert_ne!(first, level(person, k, 1));
            }
        }
    }

    #[test]
    fn pauses_stay_around_the_mean() {
        let load = Load {
            passes: 1,
            think: Some(Duration::from_millis(1000)),
            limit: Duration::from_secs(1),
        };
        let pauses: Vec<Duration> = (0..1000).map(|n| load.pause(n % 7, n).unwrap()).collect();
        assert!(pauses
            .iter()
            .all(|p| *p >= Duration::from_millis(500) && *p < Duration::from_millis(1500)));
        let mean = pauses.iter().sum::<Duration>() / 1000;
        assert!(
            mean > Duration::from_millis(900) && mean < Duration::from_millis(1100),
            "{mean:?}"
        );
        assert_eq!(
            Load {
                think: None,
                ..load
            }
            .pause(1, 1),
            None
        );
    }

    #[test]
    fn throughput_is_saves_over_time() {
        let run = Run {
            saves: 500,
            elapsed: Duration::from_millis(250),
            ..Run::default()
        };
        assert!((run.throughput() - 2000.0).abs() < 1e-9);
        assert_eq!(Run::default().throughput(), 0.0);
    }
}
