//! The parameters of every `#[server]` function, read from the app's source.
//!
//! The registry of server functions (server_fn's inventory) knows each function's path but
//! not its arguments; the source does. Reading it keeps the hostile test complete without a
//! list to maintain: a new server function is fuzzed with its own field names as soon as it
//! exists.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One argument of a server function, as declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The field name the function reads.
    pub name: String,
    /// The Rust type as written, e.g. `WorkshopId`, `Option<String>`, `Vec<ActionId>`.
    pub ty: String,
}

/// Endpoint (the `endpoint = "…"` of `#[server(…)]`) → its parameters, for every server
/// function under `app/src`.
pub fn server_fn_signatures() -> BTreeMap<String, Vec<Param>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../app/src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut found = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (endpoint, params) in parse(&text) {
            found.insert(endpoint, params);
        }
    }
    found
}

/// Struct name → its public fields, for every `pub struct Name {` under `app/src`: server
/// functions taking a form struct get its fields (`settings[title]=…`).
pub fn struct_fields() -> BTreeMap<String, Vec<Param>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../app/src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut found = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let Some(name) = line
                .strip_prefix("pub struct ")
                .and_then(|rest| rest.strip_suffix(" {"))
            else {
                continue;
            };
            let mut fields = Vec::new();
            for line in lines.by_ref() {
                if line.starts_with('}') {
                    break;
                }
                if let Some((field, ty)) = line
                    .trim()
                    .strip_prefix("pub ")
                    .and_then(|f| f.trim_end_matches(',').split_once(':'))
                {
                    fields.push(Param {
                        name: field.trim().to_owned(),
                        ty: ty.split_whitespace().collect::<Vec<_>>().join(""),
                    });
                }
            }
            found.insert(name.trim().to_owned(), fields);
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `#[server(…, endpoint = "x")] … fn name(params)` of one source file.
fn parse(text: &str) -> Vec<(String, Vec<Param>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("#[server(") {
        rest = &rest[at + "#[server(".len()..];
        let attribute_end = rest.find(")]").unwrap_or(rest.len());
        let attribute = &rest[..attribute_end];
        let Some(endpoint) = attribute
            .split("endpoint")
            .nth(1)
            .and_then(|s| s.split('"').nth(1))
        else {
            continue;
        };
        let Some(fn_at) = rest.find("fn ") else {
            break;
        };
        let after = &rest[fn_at..];
        let Some(open) = after.find('(') else {
            break;
        };
        let list = balanced(&after[open + 1..]);
        out.push((endpoint.to_owned(), params(list)));
        rest = &after[open..];
    }
    out
}

/// The text up to the parenthesis closing an already opened one.
fn balanced(text: &str) -> &str {
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '<' => depth += 1,
            ']' | '>' => depth -= 1,
            ')' if depth == 0 => return &text[..i],
            ')' => depth -= 1,
            _ => {}
        }
    }
    text
}

fn params(list: &str) -> Vec<Param> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut pieces = Vec::new();
    for (i, c) in list.char_indices() {
        match c {
            '(' | '[' | '<' => depth += 1,
            ')' | ']' | '>' => depth -= 1,
            ',' if depth == 0 => {
                pieces.push(&list[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&list[start..]);
    for piece in pieces {
        let mut piece = piece.trim();
        // Attributes such as `#[server(default)]`.
        while piece.starts_with("#[") {
            let end = piece.find(']').map_or(piece.len(), |e| e + 1);
            piece = piece[end..].trim();
        }
        if let Some((name, ty)) = piece.split_once(':') {
            out.push(Param {
                name: name.trim().trim_start_matches("mut ").to_owned(),
                ty: ty.split_whitespace().collect::<Vec<_>>().join(""),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_parameters_with_attributes_and_generics() {
        let text = r#"
/// Doc.
#[server(name = X, endpoint = "x_fn")]
pub async fn x(
    workshop: WorkshopId,
    #[server(default)] team: Option<TeamId>,
    map: BTreeMap<String, Vec<u8>>,
) -> Result<(), AppError> { todo() }
#[server(name = Y, endpoint = "y_fn")]
pub async fn y() -> Result<(), AppError> { }
"#;
        let parsed = parse(text);
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].0, "x_fn");
        let names: Vec<_> = parsed[0].1.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["workshop", "team", "map"]);
        assert_eq!(parsed[0].1[1].ty, "Option<TeamId>");
        assert_eq!(parsed[0].1[2].ty, "BTreeMap<String,Vec<u8>>");
        assert!(parsed[1].1.is_empty());
    }
}
