//! Password hashing with argon2id, off the async threads.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::error::{AppError, AppResult};

/// Hashes a password with argon2id (the crate's default parameters, OWASP's recommendation)
/// and a fresh random salt, as a PHC string.
pub async fn hash(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .map_err(|e| AppError::internal("password hashing task", e))?
}

/// Whether `password` matches `phc`. A malformed stored hash never matches.
pub async fn verify(phc: String, password: String) -> bool {
    tokio::task::spawn_blocking(move || verify_now(&phc, &password))
        .await
        .unwrap_or(false)
}

/// For logins to unknown accounts: as slow as checking a real one, so response times do not
/// tell which addresses have accounts.
pub async fn waste_time(password: String) {
    let _ = verify(DUMMY_HASH.to_owned(), password).await;
}

// A hash of a random value, made once with the default parameters.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jw1j3IUSt0ixvlR1ZRsmjjJbmMK7bPBN1VZ5Zz0mi0c";

fn hash_now(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal("password hashing", e))
}

fn verify_now(phc: &str, password: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let phc = hash_now("correct horse battery").unwrap();
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(verify_now(&phc, "correct horse battery"));
        assert!(!verify_now(&phc, "correct horse battery!"));
        assert_ne!(phc, hash_now("correct horse battery").unwrap(), "salted");
    }

    #[test]
    fn garbage_never_verifies() {
        assert!(!verify_now("not a hash", ""));
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
