//! Team names: reading a pasted list, and the preset of Ecuador's provincial governments.

use crate::error::{AppError, AppResult};
use crate::i18n::Key;

/// The longest team name accepted (as the database allows).
pub const TEAM_NAME_MAX_CHARS: usize = 120;
/// The most teams a workshop may have; far more than any real workshop needs.
pub const MAX_TEAMS: usize = 200;

/// Ecuador's 23 provincial governments and the Galápagos governing council, as the CONGOPE
/// workshop had them.
pub const ECUADOR_PRESET: [&str; 24] = [
    "GAD Provincial de Azuay",
    "GAD Provincial de Bolívar",
    "GAD Provincial del Cañar",
    "GAD Provincial del Carchi",
    "GAD Provincial de Chimborazo",
    "GAD Provincial de Cotopaxi",
    "GAD Provincial de El Oro",
    "GAD Provincial de Esmeraldas",
    "GAD Provincial del Guayas",
    "GAD Provincial de Imbabura",
    "GAD Provincial de Loja",
    "GAD Provincial de Los Ríos",
    "GAD Provincial de Manabí",
    "GAD Provincial de Morona Santiago",
    "GAD Provincial de Napo",
    "GAD Provincial de Orellana",
    "GAD Provincial de Pastaza",
    "GAD Provincial de Pichincha",
    "GAD Provincial de Santa Elena",
    "GAD Provincial de Santo Domingo de los Tsáchilas",
    "GAD Provincial de Sucumbíos",
    "GAD Provincial de Tungurahua",
    "GAD Provincial de Zamora Chinchipe",
    "Consejo de Gobierno del Régimen Especial de Galápagos",
];

/// One team name as typed: trimmed, inner runs of spaces collapsed, 1–120 characters.
pub fn team_name(typed: &str) -> AppResult<String> {
    let name = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        Err(AppError::invalid("name", Key::ErrTeamNameMissing))
    } else if name.chars().count() > TEAM_NAME_MAX_CHARS {
        Err(AppError::invalid("name", Key::ErrTeamNameTooLong))
    } else {
        Ok(name)
    }
}

/// The names of a pasted list, one per line (a spreadsheet column pastes this way). Blank
/// lines and repeats within the list are dropped; list markers and numbering ("- ", "3. ")
/// are not, since some real names start with digits.
pub fn team_names(pasted: &str) -> AppResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    for line in pasted.lines().filter(|l| !l.trim().is_empty()) {
        let name =
            team_name(line).map_err(|_| AppError::invalid("names", Key::ErrTeamNameTooLong))?;
        if !names.iter().any(|n| same_name(n, &name)) {
            names.push(name);
        }
    }
    if names.is_empty() {
        return Err(AppError::invalid("names", Key::ErrTeamNamesEmpty));
    }
    Ok(names)
}

/// Whether two team names are the same for people: case does not matter.
pub fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// Splits new names into those to add and those the workshop already has. Adding none at
/// all is a conflict the facilitator is told about; exceeding [`MAX_TEAMS`] is refused.
pub fn plan_additions(
    existing: &[String],
    wanted: Vec<String>,
) -> AppResult<(Vec<String>, Vec<String>)> {
    let (present, new): (Vec<String>, Vec<String>) = wanted
        .into_iter()
        .partition(|w| existing.iter().any(|e| same_name(e, w)));
    if new.is_empty() {
        return Err(AppError::Conflict {
            reason: Key::ErrTeamNameTaken,
        });
    }
    if existing.len() + new.len() > MAX_TEAMS {
        return Err(AppError::invalid("names", Key::ErrTooManyTeams));
    }
    Ok((new, present))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preset_has_every_provincial_government_once() {
        assert_eq!(ECUADOR_PRESET.len(), 24);
        for (i, a) in ECUADOR_PRESET.iter().enumerate() {
            assert!(team_name(a).is_ok(), "{a}");
            assert!(
                !ECUADOR_PRESET[i + 1..].iter().any(|b| same_name(a, b)),
                "{a} twice"
            );
        }
    }

    #[test]
    fn pasted_lists_are_cleaned() {
        let names = team_names("  Azuay \r\n\nLoja\n  loja\n\tEl   Oro\n").unwrap();
        assert_eq!(names, ["Azuay", "Loja", "El Oro"]);
    }

    #[test]
    fn empty_and_overlong_lists_are_refused() {
        assert!(team_names(" \n \n").is_err());
        assert!(team_names(&"x".repeat(TEAM_NAME_MAX_CHARS + 1)).is_err());
        assert!(team_names(&"x".repeat(TEAM_NAME_MAX_CHARS)).is_ok());
    }

    #[test]
    fn names_already_present_are_set_aside() {
        let existing = vec!["Azuay".to_owned()];
        let (new, present) =
            plan_additions(&existing, vec!["AZUAY".into(), "Loja".into()]).unwrap();
        assert_eq!(new, ["Loja"]);
        assert_eq!(present, ["AZUAY"]);
        assert_eq!(
            plan_additions(&existing, vec!["azuay".into()]),
            Err(AppError::Conflict {
                reason: Key::ErrTeamNameTaken
            })
        );
        let many: Vec<String> = (0..MAX_TEAMS).map(|i| format!("T{i}")).collect();
        assert!(plan_additions(&existing, many).is_err());
    }
}
