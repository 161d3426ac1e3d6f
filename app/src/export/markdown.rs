//! The Markdown export: pillar averages, each team's roadmap, and its items as OGP
//! commitments. Plain CommonMark with pipe tables, readable as text.

use std::fmt::Write;

use super::commitment::Commitment;
use super::model::{Dataset, NeedRow, PillarValue};
use super::tables::label;
use crate::i18n::{Key, Lang};

/// Keeps a cell on one line and its pipes from splitting the table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"))
}

fn pillar_table(out: &mut String, data: &Dataset, rows: &[(String, &[PillarValue])]) {
    let lang = data.lang;
    let _ = write!(out, "| {} |", lang.t(Key::ExpColTeam));
    for p in &data.pillars {
        let _ = write!(out, " {} |", cell(&p.name));
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(data.pillars.len()));
    out.push('\n');
    for (name, values) in rows {
        let _ = write!(out, "| {} |", cell(name));
        for v in *values {
            let _ = write!(out, " {} |", number(v.value));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// One commitment as a Markdown section, at heading level `depth`.
pub fn commitment_section(out: &mut String, c: &Commitment, lang: Lang, depth: usize) {
    let hashes = "#".repeat(depth);
    let _ = writeln!(out, "{hashes} {}\n", c.title);
    let values = if c.ogp_values.is_empty() {
        lang.t(Key::ExpValuesNone).to_owned()
    } else {
        c.ogp_values
            .iter()
            .map(|v| lang.t(v.name_key()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(out, "- **{}:** {}", lang.t(Key::ExpProblem), c.problem);
    let _ = writeln!(
        out,
        "- **{}:** {}",
        lang.t(Key::ExpCommitment),
        c.commitment
    );
    let _ = writeln!(
        out,
        "- **{}:** {}",
        lang.t(Key::ExpContribution),
        c.contribution
    );
    let _ = writeln!(out, "- **{}:** {}", lang.t(Key::ExpValues), values);
    let _ = writeln!(out, "- **{}:** {}", lang.t(Key::ExpLeadUnit), c.lead_unit);
    let _ = writeln!(
        out,
        "- **{}:** {} – {}",
        lang.t(Key::ExpDates),
        c.starts_on,
        c.ends_on
    );
    if c.milestones.is_empty() {
        let _ = writeln!(
            out,
            "- **{}:** {}",
            lang.t(Key::ExpMilestones),
            lang.t(Key::ExpNoMilestones)
        );
    } else {
        let _ = writeln!(out, "- **{}:**", lang.t(Key::ExpMilestones));
        for m in &c.milestones {
            let _ = writeln!(out, "  - {} – {}", m.due_on, m.title);
        }
    }
    if c.needs.is_empty() {
        let _ = writeln!(
            out,
            "- **{}:** {}",
            lang.t(Key::NeedCommitmentNeeds),
            lang.t(Key::NeedCommitmentNone)
        );
    } else {
        let _ = writeln!(out, "- **{}:**", lang.t(Key::NeedCommitmentNeeds));
        for need in &c.needs {
            let _ = writeln!(out, "  - {}", cell(&need.line(lang)));
        }
    }
    out.push('\n');
}

/// A team's implementation needs, as a list under their own heading.
fn needs_section(out: &mut String, needs: &[NeedRow], lang: Lang) {
    let _ = writeln!(out, "### {}\n", lang.t(Key::NeedDashTitle));
    if needs.is_empty() {
        let _ = writeln!(out, "{}\n", lang.t(Key::NeedMdNone));
        return;
    }
    for need in needs {
        let kind = label(lang, &need.kind);
        let unblocks = if need.unblocks.is_empty() {
            lang.t(Key::NeedUnblocksNone).to_owned()
        } else {
            need.unblocks.join("; ")
        };
        let _ = writeln!(
            out,
            "- **{kind}:** {} ({}: {})",
            cell(&need.description),
            lang.t(Key::NeedUnblocks),
            cell(&unblocks)
        );
    }
    out.push('\n');
}

/// The whole Markdown document.
pub fn markdown(data: &Dataset) -> String {
    let lang = data.lang;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", data.workshop.title);
    let dates = match (&data.workshop.starts_on, &data.workshop.ends_on) {
        (Some(a), Some(b)) => format!("{a} – {b}"),
        (Some(a), None) => a.clone(),
        _ => String::new(),
    };
    if !dates.is_empty() {
        let _ = writeln!(out, "{dates}\n");
    }
    let _ = writeln!(
        out,
        "_{} {} · {}_\n",
        lang.t(Key::ExpColGenerated),
        data.generated_at,
        data.schema
    );

    let _ = writeln!(out, "## {}\n", lang.t(Key::ExpMdPillars));
    let mut rows: Vec<(String, &[PillarValue])> = data
        .teams
        .iter()
        .map(|t| (t.name.clone(), t.pillar_averages.as_slice()))
        .collect();
    if let Some(avg) = &data.workshop_averages {
        rows.push((lang.t(Key::ExpMdWorkshopAverage).to_owned(), avg.as_slice()));
    }
    pillar_table(&mut out, data, &rows);

    for team in &data.teams {
        let _ = writeln!(out, "## {}\n", team.name);
        needs_section(&mut out, &team.needs, lang);
        let _ = writeln!(out, "### {}\n", lang.t(Key::ExpMdRoadmap));
        if team.roadmap.is_empty() {
            let _ = writeln!(out, "{}\n", lang.t(Key::ExpMdNoRoadmap));
            continue;
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---:|",
            lang.t(Key::ExpColTitle),
            lang.t(Key::ExpColUnit),
            lang.t(Key::ExpColStart),
            lang.t(Key::ExpColEnd),
            lang.t(Key::ExpColHorizon),
            lang.t(Key::ExpColStatus),
            lang.t(Key::ExpColProgress),
        );
        for i in &team.roadmap {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                cell(&i.title),
                cell(&i.owner),
                i.starts_on,
                i.ends_on,
                label(lang, &i.horizon),
                label(lang, &i.status),
                i.progress
            );
        }
        out.push('\n');
        let _ = writeln!(out, "### {}\n", lang.t(Key::ExpCommitmentsTitle));
        for i in &team.roadmap {
            commitment_section(&mut out, &i.commitment, lang, 4);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::model::MilestoneRow;

    #[test]
    fn pipes_and_line_breaks_stay_inside_a_cell() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }

    #[test]
    fn a_commitment_lists_every_part() {
        let c = Commitment {
            title: "Portal".into(),
            problem: "T1 low.".into(),
            baseline: Vec::new(),
            commitment: "Publish.".into(),
            contribution: "Raises T1.".into(),
            ogp_values: vec![crate::export::commitment::OgpValue::AccessToInformation],
            lead_unit: "IT".into(),
            starts_on: "2027-01-04".into(),
            ends_on: "2027-06-30".into(),
            milestones: vec![MilestoneRow {
                title: "Live".into(),
                due_on: "2027-03-01".into(),
            }],
            needs: vec![crate::export::commitment::CommitmentNeed {
                kind: "staff_skills".into(),
                description: "Train two officers".into(),
            }],
        };
        let mut out = String::new();
        commitment_section(&mut out, &c, Lang::En, 3);
        for part in [
            "### Portal",
            "Public problem and baseline:** T1 low.",
            "Access to information",
            "Lead unit:** IT",
            "2027-01-04 – 2027-06-30",
            "  - 2027-03-01 – Live",
            "Needs to implement it:**\n  - Staff and skills: Train two officers",
        ] {
            assert!(out.contains(part), "{part} in {out}");
        }
    }
}
