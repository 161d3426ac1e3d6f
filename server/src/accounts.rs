//! `rumbo create-facilitator`: the password is read here, the account is made by
//! [`app::facilitator::create_account`].

use std::io::{BufRead, IsTerminal};

use app::db::Db;
use app::error::AppError;
use app::i18n::Lang;
use app::ids::FacilitatorId;

/// The new account's password: asked twice at a terminal (without echo), else the first line
/// of standard input, so scripts can pipe it in. Never a flag: it would stay in the shell's
/// history and in the process list.
pub fn read_new_password() -> Result<String, String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password for the new account: ")
            .map_err(|e| format!("cannot read the password: {e}"))?;
        let second = rpassword::prompt_password("The same password again: ")
            .map_err(|e| format!("cannot read the password: {e}"))?;
        if first != second {
            return Err("the two passwords differ; nothing was created".to_owned());
        }
        Ok(first)
    } else {
        first_line(std::io::stdin().lock())
    }
}

/// The first line of `input`, without its line ending.
fn first_line(mut input: impl BufRead) -> Result<String, String> {
    let mut line = String::new();
    input
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
    let line = line.strip_suffix('\n').unwrap_or(&line);
    Ok(line.strip_suffix('\r').unwrap_or(line).to_owned())
}

/// Creates the account; the error is one line for the operator, in English.
pub async fn create_facilitator(
    db: &Db,
    email: &str,
    name: Option<&str>,
    password: &str,
) -> Result<FacilitatorId, String> {
    app::facilitator::create_account(db, email, name, password)
        .await
        .map_err(|e| {
            let why = match &e {
                AppError::Validation { .. } | AppError::Conflict { .. } => e.message(Lang::En),
                _ => "see the log for the cause".to_owned(),
            };
            format!("cannot create the facilitator account: {why}")
        })
}

#[cfg(test)]
mod tests {
    use super::first_line;

    #[test]
    fn only_the_first_line_is_the_password() {
        assert_eq!(
            first_line(&b"correct horse\r\nrest"[..]).unwrap(),
            "correct horse"
        );
        assert_eq!(first_line(&b"no newline"[..]).unwrap(), "no newline");
        assert_eq!(first_line(&b""[..]).unwrap(), "");
        // Spaces are part of a password.
        assert_eq!(first_line(&b" spaced \n"[..]).unwrap(), " spaced ");
    }
}
