//! The file formats: CSV (one table), XLSX (a readme sheet and the five tables) and JSON.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

use super::model::Dataset;
use super::tables::{table, Cell, TableKind};
use crate::error::{AppError, AppResult};
use crate::i18n::Key;

/// UTF-8's byte-order mark: without it, spreadsheet programs read the file in the system's
/// legacy code page and mangle "Participación".
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One table as CSV: a BOM, one header row, comma-separated, CRLF line ends (RFC 4180).
pub fn csv(data: &Dataset, kind: TableKind) -> AppResult<Vec<u8>> {
    let t = table(data, kind);
    let mut out = BOM.to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        writer
            .write_record(&t.headers)
            .map_err(|e| AppError::internal("csv export", e))?;
        for row in &t.rows {
            writer
                .write_record(row.iter().map(Cell::text))
                .map_err(|e| AppError::internal("csv export", e))?;
        }
        writer
            .flush()
            .map_err(|e| AppError::internal("csv export", e))?;
    }
    Ok(out)
}

/// The whole data set as pretty JSON (`rumbo-export/1`).
pub fn json(data: &Dataset) -> AppResult<Vec<u8>> {
    let mut text =
        serde_json::to_string_pretty(data).map_err(|e| AppError::internal("json export", e))?;
    text.push('\n');
    Ok(text.into_bytes())
}

fn xlsx_error(err: rust_xlsxwriter::XlsxError) -> AppError {
    AppError::internal("xlsx export", err)
}

/// Writes a table to a sheet: numbers as numbers, dates as dates, a bold frozen header.
fn fill(sheet: &mut Worksheet, t: &super::tables::Table) -> AppResult<()> {
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (col, header) in t.headers.iter().enumerate() {
        let col = u16::try_from(col).map_err(xlsx_col)?;
        sheet
            .write_string_with_format(0, col, header, &bold)
            .map_err(xlsx_error)?;
        sheet.set_column_width(col, 16).map_err(xlsx_error)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(xlsx_col)?;
        for (col, cell) in row.iter().enumerate() {
            let col = u16::try_from(col).map_err(xlsx_col)?;
            match cell {
                Cell::Text(text) => {
                    sheet.write_string(r, col, text).map_err(xlsx_error)?;
                }
                Cell::Int(n) => {
                    // Counts and levels are far below 2^53: exact as a spreadsheet number.
                    #[allow(clippy::cast_precision_loss)]
                    sheet.write_number(r, col, *n as f64).map_err(xlsx_error)?;
                }
                Cell::Num(x) => {
                    sheet.write_number(r, col, *x).map_err(xlsx_error)?;
                }
                Cell::Date(iso) => match ExcelDateTime::parse_from_str(iso) {
                    Ok(day) => {
                        sheet
                            .write_datetime_with_format(r, col, &day, &date)
                            .map_err(xlsx_error)?;
                    }
                    // A date that does not read stays visible as text rather than lost.
                    Err(_) => {
                        sheet.write_string(r, col, iso).map_err(xlsx_error)?;
                    }
                },
                Cell::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    Ok(())
}

fn xlsx_col(err: std::num::TryFromIntError) -> AppError {
    AppError::internal("xlsx export too large", err)
}

/// The workbook: a readme sheet, then answers, consensus, actions, roadmap and needs.
pub fn xlsx(data: &Dataset) -> AppResult<Vec<u8>> {
    let lang = data.lang;
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    {
        let readme = book.add_worksheet();
        readme
            .set_name(lang.t(Key::ExpSheetReadme))
            .map_err(xlsx_error)?;
        readme.set_column_width(0, 24).map_err(xlsx_error)?;
        readme.set_column_width(1, 60).map_err(xlsx_error)?;
        let lines = [
            (Key::ExpColWorkshop, data.workshop.title.clone()),
            (Key::ExpColGenerated, data.generated_at.clone()),
            (Key::ExpColScope, data.scope.clone()),
            (Key::ExpSheetReadme, lang.t(Key::ExpReadmeText).to_owned()),
            (Key::NeedSheet, lang.t(Key::NeedReadmeText).to_owned()),
        ];
        for (row, (key, value)) in (0_u32..).zip(lines) {
            readme
                .write_string_with_format(row, 0, lang.t(key), &bold)
                .map_err(xlsx_error)?;
            readme.write_string(row, 1, &value).map_err(xlsx_error)?;
        }
        readme
            .write_string(6, 0, super::model::SCHEMA)
            .map_err(xlsx_error)?;
    }
    for kind in TableKind::ALL {
        let sheet = book.add_worksheet();
        sheet
            .set_name(lang.t(kind.name_key()))
            .map_err(xlsx_error)?;
        fill(sheet, &table(data, kind))?;
    }
    book.save_to_buffer().map_err(xlsx_error)
}
